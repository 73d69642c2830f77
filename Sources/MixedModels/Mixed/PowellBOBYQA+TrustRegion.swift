import Foundation

extension PowellBOBYQA.Solver {
    /// Powell's TRSBOX: an approximate minimizer of the quadratic model in the intersection of
    /// the trust region ‖d‖ ≤ delta (around xopt) and the box [sl, su].
    ///
    /// First a truncated conjugate-gradient iteration runs from d = 0; whenever a step meets a
    /// bound, that variable is fixed there and the iteration restarts on the others. Once the
    /// trust-region boundary is reached, d is instead turned around on that sphere, in the plane
    /// of d and the reduced gradient, as long as a turn still reduces the model usefully.
    ///
    /// Sets `xnew` (exactly on the bounds that became active), `d = xnew - xopt`, `gnew` (the
    /// model's gradient at xopt + d), `dsq = ‖d‖²` and `crvmin`: 0 if the boundary was reached,
    /// else the least curvature met along unconstrained CG steps (-1 if there was none).
    mutating func trustRegionStep() {
        // xbdi[i] is -1 or +1 once variable i is fixed at its lower or upper bound, else 0.
        var xbdi = [Int](repeating: 0, count: n)
        var s = [Double](repeating: 0, count: n)
        var hs = s
        var hred = s
        var iterc = 0
        var nact = 0

        // Variables on a bound with the gradient pushing outwards are fixed from the start.
        for i in 0..<n {
            if xopt[i] <= sl[i] {
                if gopt[i] >= 0 { xbdi[i] = -1 }
            } else if xopt[i] >= su[i] {
                if gopt[i] <= 0 { xbdi[i] = 1 }
            }
            if xbdi[i] != 0 { nact += 1 }
            d[i] = 0
            gnew[i] = gopt[i]
        }
        // delsq: the squared radius still available to the free variables; qred: the reduction
        // of the model so far.
        var delsq = delta * delta
        var qred = 0.0
        crvmin = -1

        // MARK: Truncated conjugate gradients.
        var beta = 0.0
        var gredsq = 0.0
        var ggsav = 0.0
        var itermax = 0
        var reachedBoundary = false
        conjugateGradients: while true {
            var stepsq = 0.0
            for i in 0..<n {
                if xbdi[i] != 0 {
                    s[i] = 0
                } else if beta == 0 {
                    s[i] = -gnew[i]
                } else {
                    s[i] = beta * s[i] - gnew[i]
                }
                stepsq += s[i] * s[i]
            }
            if stepsq == 0 { break conjugateGradients }
            if beta == 0 {
                gredsq = stepsq
                itermax = iterc + n - nact
            }
            if gredsq * delsq <= 1.0e-4 * qred * qred { break conjugateGradients }

            multiplyByHessian(s, into: &hs)
            var resid = delsq
            var ds = 0.0
            var shs = 0.0
            for i in 0..<n where xbdi[i] == 0 {
                resid -= d[i] * d[i]
                ds += s[i] * d[i]
                shs += s[i] * hs[i]
            }
            if resid <= 0 {
                reachedBoundary = true
                break conjugateGradients
            }
            // blen: the step along s to the trust-region boundary; stplen: the step to the
            // minimum of the model along s, cut back to the boundary and to the bounds.
            var temp = (stepsq * resid + ds * ds).squareRoot()
            let blen = ds < 0 ? (temp - ds) / stepsq : resid / (temp + ds)
            var stplen = blen
            if shs > 0 {
                stplen = dmin1(blen, gredsq / shs)
            }
            var iact = -1
            for i in 0..<n where s[i] != 0 {
                let xsum = xopt[i] + d[i]
                if s[i] > 0 {
                    temp = (su[i] - xsum) / s[i]
                } else {
                    temp = (sl[i] - xsum) / s[i]
                }
                if temp < stplen {
                    stplen = temp
                    iact = i
                }
            }

            var sdec = 0.0
            if stplen > 0 {
                iterc += 1
                temp = shs / stepsq
                if iact < 0 && temp > 0 {
                    crvmin = dmin1(crvmin, temp)
                    if crvmin == -1 { crvmin = temp }
                }
                ggsav = gredsq
                gredsq = 0
                for i in 0..<n {
                    gnew[i] += stplen * hs[i]
                    if xbdi[i] == 0 { gredsq += gnew[i] * gnew[i] }
                    d[i] += stplen * s[i]
                }
                sdec = dmax1(stplen * (ggsav - 0.5 * stplen * shs), 0)
                qred += sdec
            }

            // A bound was hit: fix that variable and restart with steepest descent.
            if iact >= 0 {
                nact += 1
                xbdi[iact] = 1
                if s[iact] < 0 { xbdi[iact] = -1 }
                delsq = delsq - d[iact] * d[iact]
                if delsq <= 0 {
                    reachedBoundary = true
                    break conjugateGradients
                }
                beta = 0
                continue conjugateGradients
            }
            // Still inside the trust region: another CG step unless progress has stalled.
            if stplen < blen {
                if iterc == itermax { break conjugateGradients }
                if sdec <= 0.01 * qred { break conjugateGradients }
                beta = gredsq / ggsav
                continue conjugateGradients
            }
            reachedBoundary = true
            break conjugateGradients
        }

        if reachedBoundary {
            crvmin = 0
            rotateOnBoundary(xbdi: &xbdi, nact: &nact, iterc: &iterc, qred: &qred,
                             s: &s, hs: &hs, hred: &hred)
        }

        // Set xnew = xopt + d, exactly on the bounds of the fixed variables.
        dsq = 0
        for i in 0..<n {
            xnew[i] = dmax1(dmin1(xopt[i] + d[i], su[i]), sl[i])
            if xbdi[i] == -1 { xnew[i] = sl[i] }
            if xbdi[i] == 1 { xnew[i] = su[i] }
            d[i] = xnew[i] - xopt[i]
            dsq += d[i] * d[i]
        }
    }

    /// The second phase of TRSBOX, with d on the trust-region boundary: replace d by
    /// cos θ d + sin θ s, s being the part of the reduced gradient orthogonal to d scaled to
    /// ‖d‖, choosing θ by sampling tan(θ/2) on a grid and refining by a parabola. A free
    /// variable that would cross a bound limits θ and, when the limit is taken, is fixed.
    private mutating func rotateOnBoundary(xbdi: inout [Int], nact: inout Int, iterc: inout Int,
                                           qred: inout Double, s: inout [Double], hs: inout [Double],
                                           hred: inout [Double]) {
        freeVariablesChanged: while true {
            if nact >= n - 1 { return }
            // hred is H times the reduced d; it is updated along with d below.
            var dredsq = 0.0
            var dredg = 0.0
            var gredsq = 0.0
            for i in 0..<n {
                if xbdi[i] == 0 {
                    dredsq += d[i] * d[i]
                    dredg += d[i] * gnew[i]
                    gredsq += gnew[i] * gnew[i]
                    s[i] = d[i]
                } else {
                    s[i] = 0
                }
            }
            multiplyByHessian(s, into: &hs)
            for i in 0..<n { hred[i] = hs[i] }

            while true {
                iterc += 1
                var temp = gredsq * dredsq - dredg * dredg
                if temp <= 1.0e-4 * qred * qred { return }
                temp = temp.squareRoot()
                for i in 0..<n {
                    if xbdi[i] == 0 {
                        s[i] = (dredg * d[i] - dredsq * gnew[i]) / temp
                    } else {
                        s[i] = 0
                    }
                }
                let sredg = -temp

                // angbd: the largest tan(θ/2) that keeps the free variables within their bounds;
                // a variable already on its bound is fixed and the rotation set up again.
                var angbd = 1.0
                var iact = -1
                var xsav = 0
                for i in 0..<n where xbdi[i] == 0 {
                    let tempa = xopt[i] + d[i] - sl[i]
                    let tempb = su[i] - xopt[i] - d[i]
                    if tempa <= 0 {
                        nact += 1
                        xbdi[i] = -1
                        continue freeVariablesChanged
                    } else if tempb <= 0 {
                        nact += 1
                        xbdi[i] = 1
                        continue freeVariablesChanged
                    }
                    let ssq = d[i] * d[i] + s[i] * s[i]
                    temp = ssq - (xopt[i] - sl[i]) * (xopt[i] - sl[i])
                    if temp > 0 {
                        temp = temp.squareRoot() - s[i]
                        if angbd * temp > tempa {
                            angbd = tempa / temp
                            iact = i
                            xsav = -1
                        }
                    }
                    temp = ssq - (su[i] - xopt[i]) * (su[i] - xopt[i])
                    if temp > 0 {
                        temp = temp.squareRoot() + s[i]
                        if angbd * temp > tempb {
                            angbd = tempb / temp
                            iact = i
                            xsav = 1
                        }
                    }
                }

                multiplyByHessian(s, into: &hs)
                var shs = 0.0
                var dhs = 0.0
                var dhd = 0.0
                for i in 0..<n where xbdi[i] == 0 {
                    shs += s[i] * hs[i]
                    dhs += d[i] * hs[i]
                    dhd += d[i] * hred[i]
                }

                // The reduction of the model at iu equally spaced values of tan(θ/2) in (0, angbd].
                var redmax = 0.0
                var isav = 0
                var redsav = 0.0
                var rdprev = 0.0
                var rdnext = 0.0
                var angt = 0.0
                let iu = fortranInteger(17.0 * angbd + 3.1)
                for i in stride(from: 1, through: iu, by: 1) {
                    angt = angbd * Double(i) / Double(iu)
                    let sth = (angt + angt) / (1.0 + angt * angt)
                    temp = shs + angt * (angt * dhd - dhs - dhs)
                    let rednew = sth * (angt * dredg - sredg - 0.5 * sth * temp)
                    if rednew > redmax {
                        redmax = rednew
                        isav = i
                        rdprev = redsav
                    } else if i == isav + 1 {
                        rdnext = rednew
                    }
                    redsav = rednew
                }
                if isav == 0 { return }
                // Refine the best grid value by the parabola through it and its neighbours.
                if isav < iu {
                    temp = (rdnext - rdprev) / (redmax + redmax - rdprev - rdnext)
                    angt = angbd * (Double(isav) + 0.5 * temp) / Double(iu)
                }
                let cth = (1.0 - angt * angt) / (1.0 + angt * angt)
                let sth = (angt + angt) / (1.0 + angt * angt)
                temp = shs + angt * (angt * dhd - dhs - dhs)
                let sdec = sth * (angt * dredg - sredg - 0.5 * sth * temp)
                if sdec <= 0 { return }

                dredg = 0
                gredsq = 0
                for i in 0..<n {
                    gnew[i] = gnew[i] + (cth - 1.0) * hred[i] + sth * hs[i]
                    if xbdi[i] == 0 {
                        d[i] = cth * d[i] + sth * s[i]
                        dredg += d[i] * gnew[i]
                        gredsq += gnew[i] * gnew[i]
                    }
                    hred[i] = cth * hred[i] + sth * hs[i]
                }
                qred += sdec
                if iact >= 0 && isav == iu {
                    nact += 1
                    xbdi[iact] = xsav
                    continue freeVariablesChanged
                }
                if sdec <= 0.01 * qred { return }
            }
        }
    }

    /// hs = (HQ + Σ pq[k] xpt[k] xpt[k]ᵀ) s: the model's Hessian times s, without forming it.
    func multiplyByHessian(_ s: [Double], into hs: inout [Double]) {
        var ih = 0
        for j in 0..<n {
            hs[j] = 0
            for i in 0...j {
                if i < j { hs[j] += hq[ih] * s[i] }
                hs[i] += hq[ih] * s[j]
                ih += 1
            }
        }
        for k in 0..<npt where pq[k] != 0 {
            var temp = 0.0
            for j in 0..<n { temp += xpt[k, j] * s[j] }
            temp = temp * pq[k]
            for i in 0..<n { hs[i] += temp * xpt[k, i] }
        }
    }
}
