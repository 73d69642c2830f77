import Foundation

extension PowellBOBYQA.Solver {
    /// Powell's RESCUE: rebuilds BMAT and ZMAT from scratch when rounding errors have spoilt the
    /// denominators of the updates, replacing interpolation points that make the system nearly
    /// degenerate by well-placed "provisional" points.
    ///
    /// xbase moves to xopt. The provisional set is PRELIM's pattern around xopt (steps along
    /// the coordinates and, for larger npt, along pairs of them), whose H is known in closed
    /// form. Then the original points are put back one at a time by ordinary updates, nearest
    /// first, each displacing the provisional point that gives the largest denominator; an
    /// original point whose denominator would be too small is retried later with a penalty on
    /// its distance. Provisional points that survive are evaluated and the model is updated for
    /// them. `kopt` is kept current but xopt and gopt are left to the caller. When the
    /// evaluation limit prevents an evaluation, `nf` is set to -1.
    ///
    /// minqa's rescue.f passes an undefined local array X (rather than W, where it has just put
    /// the point) to the objective, so minqa evaluates a garbage vector here. That cannot be
    /// reproduced; this evaluates the point Powell intended.
    mutating func rescue() throws {
        let np = n + 1
        let sfrac = 0.5 / Double(np)
        // ptsaux[0][j], ptsaux[1][j]: the two steps along coordinate j of the provisional points.
        var ptsaux = [[Double]](repeating: [Double](repeating: 0, count: n), count: 2)
        // ptsid[k]: 0 for an original point, else the code p + q/(n+1) + sfrac of a provisional
        // point displaced along coordinates p and q (1-based; 0 for none). Decoded by truncation.
        var ptsid = [Double](repeating: 0, count: npt)
        // score[k]: squared distance of original point k from xopt (0 once reinstated, negated
        // with a penalty when its denominator was too small).
        var score = [Double](repeating: 0, count: npt)
        // The point being reinstated (positions npt..<ndim) and its w-vector (0..<npt).
        var wvec = [Double](repeating: 0, count: ndim)

        // Shift the points so that xopt is the origin; clear ZMAT.
        var sumpq = 0.0
        var winc = 0.0
        for k in 0..<npt {
            var distsq = 0.0
            for j in 0..<n {
                xpt[k, j] = xpt[k, j] - xopt[j]
                distsq += xpt[k, j] * xpt[k, j]
            }
            sumpq += pq[k]
            score[k] = distsq
            winc = dmax1(winc, distsq)
            for j in 0..<nptm { zmat[k, j] = 0 }
        }

        // Move the implicit second derivatives' dependence on xbase into HQ.
        var ih = 0
        for j in 0..<n {
            wvec[j] = 0.5 * sumpq * xopt[j]
            for k in 0..<npt {
                wvec[j] = wvec[j] + pq[k] * xpt[k, j]
            }
            for i in 0...j {
                hq[ih] = hq[ih] + wvec[i] * xopt[j] + wvec[j] * xopt[i]
                ih += 1
            }
        }

        // Shift xbase and the bounds, and choose the provisional steps: delta along each
        // coordinate where the bounds allow, the second step on the other side or half the first.
        for j in 0..<n {
            xbase[j] += xopt[j]
            sl[j] -= xopt[j]
            su[j] -= xopt[j]
            xopt[j] = 0
            ptsaux[0][j] = dmin1(delta, su[j])
            ptsaux[1][j] = dmax1(-delta, sl[j])
            if ptsaux[0][j] + ptsaux[1][j] < 0 {
                let temp = ptsaux[0][j]
                ptsaux[0][j] = ptsaux[1][j]
                ptsaux[1][j] = temp
            }
            if abs(ptsaux[1][j]) < 0.5 * abs(ptsaux[0][j]) {
                ptsaux[1][j] = 0.5 * ptsaux[0][j]
            }
            for i in 0..<ndim { bmat[i, j] = 0 }
        }
        let fbase = fval[kopt]

        // BMAT and ZMAT of the provisional points, as in PRELIM.
        ptsid[0] = sfrac
        for j in 0..<n {
            let jp = j + 1
            let jpn = jp + n
            ptsid[jp] = Double(j + 1) + sfrac
            if jpn < npt {
                ptsid[jpn] = Double(j + 1) / Double(np) + sfrac
                let temp = 1.0 / (ptsaux[0][j] - ptsaux[1][j])
                bmat[jp, j] = -temp + 1.0 / ptsaux[0][j]
                bmat[jpn, j] = temp + 1.0 / ptsaux[1][j]
                bmat[0, j] = -bmat[jp, j] - bmat[jpn, j]
                zmat[0, j] = 2.0.squareRoot() / abs(ptsaux[0][j] * ptsaux[1][j])
                zmat[jp, j] = zmat[0, j] * ptsaux[1][j] * temp
                zmat[jpn, j] = -zmat[0, j] * ptsaux[0][j] * temp
            } else {
                bmat[0, j] = -1.0 / ptsaux[0][j]
                bmat[jp, j] = 1.0 / ptsaux[0][j]
                bmat[j + npt, j] = -0.5 * (ptsaux[0][j] * ptsaux[0][j])
            }
        }
        if npt >= n + np {
            // Points displaced along two coordinates (k is Powell's 1-based point number).
            for k in stride(from: 2 * np, through: npt, by: 1) {
                let iw = fortranInteger((Double(k - np) - 0.5) / Double(n))
                let ip = k - np - iw * n
                var iq = ip + iw
                if iq > n { iq -= n }
                ptsid[k - 1] = Double(ip) + Double(iq) / Double(np) + sfrac
                let temp = 1.0 / (ptsaux[0][ip - 1] * ptsaux[0][iq - 1])
                zmat[0, k - np - 1] = temp
                zmat[ip, k - np - 1] = -temp
                zmat[iq, k - np - 1] = -temp
                zmat[k - 1, k - np - 1] = temp
            }
        }

        // MARK: Reinstate the original points.
        var nrem = npt
        var kold = 0
        var knew = kopt
        var beta = 0.0
        var denom = 0.0
        reinstate: while true {
            // Exchange provisional point kold with original point knew (the first time: the
            // provisional origin with xopt, which needs no update).
            bmat.swapRows(kold, knew, columns: n)
            zmat.swapRows(kold, knew, columns: nptm)
            ptsid[kold] = ptsid[knew]
            ptsid[knew] = 0
            score[knew] = 0
            nrem -= 1
            if knew != kopt {
                vlag.swapAt(kold, knew)
                updateInverse(beta: beta, denom: denom, knew: knew)
                if nrem == 0 { return }
                for k in 0..<npt { score[k] = abs(score[k]) }
            }

            while true {
                // The nearest original point not yet reinstated (penalized ones count as far).
                var dsqmin = 0.0
                for k in 0..<npt where score[k] > 0 {
                    if dsqmin == 0 || score[k] < dsqmin {
                        knew = k
                        dsqmin = score[k]
                    }
                }
                if dsqmin == 0 { break reinstate }

                // Its w-vector: provisional points have at most two nonzero coordinates, so
                // their products with the point are formed from the codes in ptsid.
                for j in 0..<n { wvec[npt + j] = xpt[knew, j] }
                for k in 0..<npt {
                    var sum = 0.0
                    if k == kopt {
                    } else if ptsid[k] == 0 {
                        for j in 0..<n { sum += wvec[npt + j] * xpt[k, j] }
                    } else {
                        let ip = fortranInteger(ptsid[k])
                        if ip > 0 { sum = wvec[npt + ip - 1] * ptsaux[0][ip - 1] }
                        let iq = fortranInteger(Double(np) * ptsid[k] - Double(ip * np))
                        if iq > 0 {
                            let iw = ip == 0 ? 1 : 0
                            sum = sum + wvec[npt + iq - 1] * ptsaux[iw][iq - 1]
                        }
                    }
                    wvec[k] = 0.5 * sum * sum
                }

                // vlag = H w and beta, as in the main iteration.
                for k in 0..<npt {
                    var sum = 0.0
                    for j in 0..<n { sum += bmat[k, j] * wvec[npt + j] }
                    vlag[k] = sum
                }
                beta = 0
                for j in 0..<nptm {
                    var sum = 0.0
                    for k in 0..<npt { sum += zmat[k, j] * wvec[k] }
                    beta = beta - sum * sum
                    for k in 0..<npt { vlag[k] = vlag[k] + sum * zmat[k, j] }
                }
                var bsum = 0.0
                var distsq = 0.0
                for j in 0..<n {
                    var sum = 0.0
                    for k in 0..<npt { sum += bmat[k, j] * wvec[k] }
                    let jp = j + npt
                    bsum += sum * wvec[jp]
                    for ip in npt..<ndim { sum += bmat[ip, j] * wvec[ip] }
                    bsum += sum * wvec[jp]
                    vlag[jp] = sum
                    distsq += xpt[knew, j] * xpt[knew, j]
                }
                beta = 0.5 * distsq * distsq + beta - bsum
                vlag[kopt] = vlag[kopt] + 1.0

                // The provisional point to displace: the one with the largest denominator.
                denom = 0
                var vlmxsq = 0.0
                for k in 0..<npt {
                    if ptsid[k] != 0 {
                        var hdiag = 0.0
                        for j in 0..<nptm { hdiag += zmat[k, j] * zmat[k, j] }
                        let den = beta * hdiag + vlag[k] * vlag[k]
                        if den > denom {
                            kold = k
                            denom = den
                        }
                    }
                    vlmxsq = dmax1(vlmxsq, vlag[k] * vlag[k])
                }
                if denom <= 1.0e-2 * vlmxsq {
                    // Too small: try this point again later, after the others.
                    score[knew] = -score[knew] - winc
                    continue
                }
                continue reinstate
            }
        }

        // MARK: Evaluate the surviving provisional points and update the model for them.
        for kpt in 0..<npt where ptsid[kpt] != 0 {
            if nf >= maxfun {
                nf = -1
                return
            }
            // The old point's implicit second derivatives move into HQ before it is replaced.
            ih = 0
            for j in 0..<n {
                wvec[j] = xpt[kpt, j]
                xpt[kpt, j] = 0
                let temp = pq[kpt] * wvec[j]
                for i in 0...j {
                    hq[ih] = hq[ih] + temp * wvec[i]
                    ih += 1
                }
            }
            pq[kpt] = 0
            let ip = fortranInteger(ptsid[kpt])
            let iq = fortranInteger(Double(np) * ptsid[kpt] - Double(ip * np))
            var xp = 0.0
            var xq = 0.0
            if ip > 0 {
                xp = ptsaux[0][ip - 1]
                xpt[kpt, ip - 1] = xp
            }
            if iq > 0 {
                xq = ptsaux[0][iq - 1]
                if ip == 0 { xq = ptsaux[1][iq - 1] }
                xpt[kpt, iq - 1] = xq
            }

            // The model's value at the new point, to measure the error of its prediction.
            var vquad = fbase
            var ihp = 0
            if ip > 0 {
                ihp = (ip + ip * ip) / 2
                vquad = vquad + xp * (gopt[ip - 1] + 0.5 * xp * hq[ihp - 1])
            }
            if iq > 0 {
                let ihq = (iq + iq * iq) / 2
                vquad = vquad + xq * (gopt[iq - 1] + 0.5 * xq * hq[ihq - 1])
                if ip > 0 {
                    let iw = max(ihp, ihq) - abs(ip - iq)
                    vquad = vquad + xp * xq * hq[iw - 1]
                }
            }
            for k in 0..<npt {
                var temp = 0.0
                if ip > 0 { temp = temp + xp * xpt[k, ip - 1] }
                if iq > 0 { temp = temp + xq * xpt[k, iq - 1] }
                vquad = vquad + 0.5 * pq[k] * temp * temp
            }

            // (Powell's X, the caller's vector of variables, is left alone here.)
            let point = variables(at: xptRow(kpt))
            nf += 1
            let f = try evaluate(point)
            fval[kpt] = f
            if f < fval[kopt] { kopt = kpt }
            let diff = f - vquad

            // Add diff times the kpt-th Lagrange function to the model; its second derivatives
            // at provisional points are explicit, at original points implicit.
            for i in 0..<n { gopt[i] = gopt[i] + diff * bmat[kpt, i] }
            for k in 0..<npt {
                var sum = 0.0
                for j in 0..<nptm { sum += zmat[k, j] * zmat[kpt, j] }
                let temp = diff * sum
                if ptsid[k] == 0 {
                    pq[k] = pq[k] + temp
                } else {
                    let ip = fortranInteger(ptsid[k])
                    let iq = fortranInteger(Double(np) * ptsid[k] - Double(ip * np))
                    let ihq = (iq * iq + iq) / 2
                    if ip == 0 {
                        hq[ihq - 1] = hq[ihq - 1] + temp * (ptsaux[1][iq - 1] * ptsaux[1][iq - 1])
                    } else {
                        let ihp = (ip * ip + ip) / 2
                        hq[ihp - 1] = hq[ihp - 1] + temp * (ptsaux[0][ip - 1] * ptsaux[0][ip - 1])
                        if iq > 0 {
                            hq[ihq - 1] = hq[ihq - 1] + temp * (ptsaux[0][iq - 1] * ptsaux[0][iq - 1])
                            let iw = max(ihp, ihq) - abs(iq - ip)
                            hq[iw - 1] = hq[iw - 1] + temp * ptsaux[0][ip - 1] * ptsaux[0][iq - 1]
                        }
                    }
                }
            }
            ptsid[kpt] = 0
        }
    }
}
