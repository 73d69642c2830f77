import Foundation

extension PowellBOBYQA.Solver {
    /// Powell's PRELIM: evaluates the objective at the first `npt` interpolation points and
    /// builds the first quadratic model and the first factorization of H from them.
    ///
    /// The points are xbase, then xbase ± rhobeg along each coordinate (the second step on the
    /// other side, or twice as far when a bound is in the way), then, when npt > 2n + 1, points
    /// displaced along two coordinates at once, which supply off-diagonal second derivatives.
    /// Because the points are this regular, GOPT, HQ, BMAT and ZMAT have closed forms and no
    /// linear system is solved. Stops early (with fewer than npt points) at `maxfun` calls.
    mutating func initialize() throws {
        let np = n + 1
        let rhosq = rhobeg * rhobeg
        let recip = 1.0 / rhosq
        xbase = x
        // The arrays start at zero (Solver.init); only the nonzero entries are set below.

        // Steps along the coordinate of the current point and of its partner on the same axis.
        var stepa = 0.0
        var stepb = 0.0
        var fbeg = 0.0
        // The two coordinates (1-based, as Powell's arithmetic below needs) of a diagonal point.
        var ipt = 0
        var jpt = 0

        nf = 0
        repeat {
            // Point number nf (1-based); it occupies row nf - 1 of XPT.
            let nfm = nf
            let nfx = nf - n
            nf += 1
            let row = nf - 1
            if nfm <= 2 * n {
                if nfm >= 1 && nfm <= n {
                    // First step along coordinate nfm: up, unless the start sits on the upper bound.
                    stepa = rhobeg
                    if su[nfm - 1] == 0 { stepa = -stepa }
                    xpt[row, nfm - 1] = stepa
                } else if nfm > n {
                    // Second step along coordinate nfx: the other way, or further the same way
                    // when the start sits on a bound.
                    stepa = xpt[nf - n - 1, nfx - 1]
                    stepb = -rhobeg
                    if sl[nfx - 1] == 0 { stepb = dmin1(2.0 * rhobeg, su[nfx - 1]) }
                    if su[nfx - 1] == 0 { stepb = dmax1(-2.0 * rhobeg, sl[nfx - 1]) }
                    xpt[row, nfx - 1] = stepb
                }
            } else {
                // A point moved along coordinates ipt and jpt at once, cycling through the pairs.
                var itemp = (nfm - np) / n
                jpt = nfm - itemp * n - n
                ipt = jpt + itemp
                if ipt > n {
                    itemp = jpt
                    jpt = ipt - n
                    ipt = itemp
                }
                xpt[row, ipt - 1] = xpt[ipt, ipt - 1]
                xpt[row, jpt - 1] = xpt[jpt, jpt - 1]
            }

            x = variables(at: xptRow(row))
            let f = try evaluate(x)
            fval[row] = f
            if nf == 1 {
                fbeg = f
                kopt = 0
            } else if f < fval[kopt] {
                kopt = row
            }

            if nf <= 2 * n + 1 {
                if nf >= 2 && nf <= n + 1 {
                    // One point on the axis: a forward difference. The B entries are final only
                    // when no second point on this axis will follow.
                    gopt[nfm - 1] = (f - fbeg) / stepa
                    if npt < nf + n {
                        bmat[0, nfm - 1] = -1.0 / stepa
                        bmat[nf - 1, nfm - 1] = 1.0 / stepa
                        bmat[npt + nfm - 1, nfm - 1] = -0.5 * rhosq
                    }
                } else if nf >= n + 2 {
                    // Two points on the axis: a central difference and the diagonal curvature.
                    let ih = hqIndex(nfx - 1, nfx - 1)
                    let temp = (f - fbeg) / stepb
                    let diff = stepb - stepa
                    hq[ih] = 2.0 * (temp - gopt[nfx - 1]) / diff
                    gopt[nfx - 1] = (gopt[nfx - 1] * stepb - temp * stepa) / diff
                    // With the two steps on opposite sides, keep the lower value in the first of
                    // the two rows, so that it is the one the diagonal points are built from.
                    if stepa * stepb < 0 {
                        if f < fval[nf - n - 1] {
                            fval[row] = fval[nf - n - 1]
                            fval[nf - n - 1] = f
                            if kopt == row { kopt = nf - n - 1 }
                            xpt[nf - n - 1, nfx - 1] = stepb
                            xpt[row, nfx - 1] = stepa
                        }
                    }
                    bmat[0, nfx - 1] = -(stepa + stepb) / (stepa * stepb)
                    bmat[row, nfx - 1] = -0.5 / xpt[nf - n - 1, nfx - 1]
                    bmat[nf - n - 1, nfx - 1] = -bmat[0, nfx - 1] - bmat[row, nfx - 1]
                    zmat[0, nfx - 1] = 2.0.squareRoot() / (stepa * stepb)
                    zmat[row, nfx - 1] = 0.5.squareRoot() / rhosq
                    zmat[nf - n - 1, nfx - 1] = -zmat[0, nfx - 1] - zmat[row, nfx - 1]
                }
            } else {
                // A diagonal point: the mixed second derivative from four values.
                let ih = hqIndex(jpt - 1, ipt - 1)
                zmat[0, nfx - 1] = recip
                zmat[row, nfx - 1] = recip
                zmat[ipt, nfx - 1] = -recip
                zmat[jpt, nfx - 1] = -recip
                let temp = xpt[row, ipt - 1] * xpt[row, jpt - 1]
                hq[ih] = (fbeg - fval[ipt] - fval[jpt] + f) / temp
            }
        } while nf < npt && nf < maxfun
    }
}
