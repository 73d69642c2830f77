import Foundation

extension PowellBOBYQA.Solver {
    /// Powell's ALTMOV: two candidate new positions, within distance `adelt` of xopt and inside
    /// the bounds, for interpolation point `knew`, chosen to keep the interpolation system well
    /// conditioned rather than to reduce the objective. A large value of the knew-th Lagrange
    /// function at the new point means a large denominator in the update of H.
    ///
    /// `xnew` is the best point on the lines through xopt and the other interpolation points;
    /// `xalt` a bound-constrained Cauchy step of the Lagrange function (tried uphill and downhill).
    /// Sets `alpha` (the knew-th diagonal element of H) and `cauchy` (the square of the Lagrange
    /// function at xalt, or 0 when xalt was not computed).
    mutating func alternativeStep() {
        let konst = 1.0 + 2.0.squareRoot()
        // hcol: the knew-th column of the leading block of H, i.e. the second-derivative
        // parameters of the knew-th Lagrange function.
        var hcol = [Double](repeating: 0, count: npt)
        for j in 0..<nptm {
            let temp = zmat[knew, j]
            for k in 0..<npt {
                hcol[k] += temp * zmat[k, j]
            }
        }
        alpha = hcol[knew]
        let ha = 0.5 * alpha

        // glag: the gradient of the knew-th Lagrange function at xopt.
        var glag = [Double](repeating: 0, count: n)
        for i in 0..<n { glag[i] = bmat[knew, i] }
        for k in 0..<npt {
            var temp = 0.0
            for j in 0..<n { temp += xpt[k, j] * xopt[j] }
            temp = hcol[k] * temp
            for i in 0..<n { glag[i] += temp * xpt[k, i] }
        }

        // MARK: Line searches through xopt and each other interpolation point.
        // Along the line to point k the Lagrange function is a quadratic in the step whose
        // coefficients are known; take the step (within the trust region and the bounds) that
        // maximizes the predicted squared denominator PREDSQ, and keep the best line.
        var presav = 0.0
        var ksav = kopt
        var stpsav = 0.0
        for k in 0..<npt where k != kopt {
            var dderiv = 0.0
            var distsq = 0.0
            for i in 0..<n {
                let temp = xpt[k, i] - xopt[i]
                dderiv += glag[i] * temp
                distsq += temp * temp
            }
            var subd = adelt / distsq.squareRoot()
            var slbd = -subd
            let sumin = dmin1(1.0, subd)
            // Shrink [slbd, subd] so that the line stays within the bounds.
            for i in 0..<n {
                let temp = xpt[k, i] - xopt[i]
                if temp > 0 {
                    if slbd * temp < sl[i] - xopt[i] {
                        slbd = (sl[i] - xopt[i]) / temp
                    }
                    if subd * temp > su[i] - xopt[i] {
                        subd = dmax1(sumin, (su[i] - xopt[i]) / temp)
                    }
                } else if temp < 0 {
                    if slbd * temp > su[i] - xopt[i] {
                        slbd = (su[i] - xopt[i]) / temp
                    }
                    if subd * temp < sl[i] - xopt[i] {
                        subd = dmax1(sumin, (sl[i] - xopt[i]) / temp)
                    }
                }
            }

            var step: Double
            var vlag: Double
            if k == knew {
                // The line through the point being moved: the Lagrange function is
                // step (dderiv - step (dderiv - 1)); try both ends and the interior extremum.
                let diff = dderiv - 1.0
                step = slbd
                vlag = slbd * (dderiv - slbd * diff)
                var temp = subd * (dderiv - subd * diff)
                if abs(temp) > abs(vlag) {
                    step = subd
                    vlag = temp
                }
                let tempd = 0.5 * dderiv
                let tempa = tempd - diff * slbd
                let tempb = tempd - diff * subd
                if tempa * tempb < 0 {
                    temp = tempd * tempd / diff
                    if abs(temp) > abs(vlag) {
                        step = tempd / diff
                        vlag = temp
                    }
                }
            } else {
                // Another point's line: the Lagrange function is dderiv · step (1 - step).
                step = slbd
                vlag = slbd * (1.0 - slbd)
                let temp = subd * (1.0 - subd)
                if abs(temp) > abs(vlag) {
                    step = subd
                    vlag = temp
                }
                if subd > 0.5 {
                    if abs(vlag) < 0.25 {
                        step = 0.5
                        vlag = 0.25
                    }
                }
                vlag = vlag * dderiv
            }

            let temp = step * (1.0 - step) * distsq
            let predsq = vlag * vlag * (vlag * vlag + ha * temp * temp)
            if predsq > presav {
                presav = predsq
                ksav = k
                stpsav = step
            }
        }

        // xnew on the chosen line, clamped to the box. Powell also put the coordinate whose bound
        // ended the chosen step exactly on that bound; minqa (from 1.2.5) resets that index to
        // zero just before using it, so only the clamping remains, and so it is here.
        // (Powell's code leaves ksav and stpsav unset when no line gives PREDSQ > 0; minqa then
        // reads garbage. Here that case gives xnew = xopt.)
        for i in 0..<n {
            let temp = xopt[i] + stpsav * (xpt[ksav, i] - xopt[i])
            xnew[i] = dmax1(sl[i], dmin1(su[i], temp))
        }

        // MARK: Constrained Cauchy steps.
        // w is the step from xopt along -glag (first pass) or +glag (second pass), of length
        // adelt, with the components that would leave the box fixed at the bound: the fixing is
        // repeated as the remaining length is shared among fewer free components. Free
        // components are marked by the value bigstp until their step is known.
        var w = [Double](repeating: 0, count: n)
        var savedXalt = [Double](repeating: 0, count: n)
        var csave = 0.0
        let bigstp = adelt + adelt
        var step = 0.0
        for pass in 0..<2 {
            var wfixsq = 0.0
            var ggfree = 0.0
            for i in 0..<n {
                w[i] = 0
                let tempa = dmin1(xopt[i] - sl[i], glag[i])
                let tempb = dmax1(xopt[i] - su[i], glag[i])
                if tempa > 0 || tempb < 0 {
                    w[i] = bigstp
                    ggfree += glag[i] * glag[i]
                }
            }
            if ggfree == 0 {
                // No free direction: no Cauchy step (and in the second pass the first one's
                // result is dropped too, as in Powell's code).
                cauchy = 0
                return
            }

            while true {
                let remaining = adelt * adelt - wfixsq
                guard remaining > 0 else { break }
                let wsqsav = wfixsq
                step = (remaining / ggfree).squareRoot()
                ggfree = 0
                for i in 0..<n where w[i] == bigstp {
                    let temp = xopt[i] - step * glag[i]
                    if temp <= sl[i] {
                        w[i] = sl[i] - xopt[i]
                        wfixsq += w[i] * w[i]
                    } else if temp >= su[i] {
                        w[i] = su[i] - xopt[i]
                        wfixsq += w[i] * w[i]
                    } else {
                        ggfree += glag[i] * glag[i]
                    }
                }
                if !(wfixsq > wsqsav && ggfree > 0) { break }
            }

            // The free components of w, and xalt = xopt + w within the box.
            var gw = 0.0
            for i in 0..<n {
                if w[i] == bigstp {
                    w[i] = -step * glag[i]
                    xalt[i] = dmax1(sl[i], dmin1(su[i], xopt[i] + w[i]))
                } else if w[i] == 0 {
                    xalt[i] = xopt[i]
                } else if glag[i] > 0 {
                    xalt[i] = sl[i]
                } else {
                    xalt[i] = su[i]
                }
                gw += glag[i] * w[i]
            }

            // Scale w down when that increases the modulus of the Lagrange function, whose value
            // along w is gw t + curv t² / 2.
            var curv = 0.0
            for k in 0..<npt {
                var temp = 0.0
                for j in 0..<n { temp += xpt[k, j] * w[j] }
                curv += hcol[k] * temp * temp
            }
            if pass == 1 { curv = -curv }
            if curv > -gw && curv < -konst * gw {
                let scale = -gw / curv
                for i in 0..<n {
                    let temp = xopt[i] + scale * w[i]
                    xalt[i] = dmax1(sl[i], dmin1(su[i], temp))
                }
                cauchy = (0.5 * gw * scale) * (0.5 * gw * scale)
            } else {
                cauchy = (gw + 0.5 * curv) * (gw + 0.5 * curv)
            }

            if pass == 0 {
                // Keep the first result and try the opposite direction.
                for i in 0..<n {
                    glag[i] = -glag[i]
                    savedXalt[i] = xalt[i]
                }
                csave = cauchy
            }
        }
        if csave > cauchy {
            xalt = savedXalt
            cauchy = csave
        }
    }
}
