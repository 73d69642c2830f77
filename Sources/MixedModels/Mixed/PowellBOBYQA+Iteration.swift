import Foundation

extension PowellBOBYQA.Solver {
    /// The stages of Powell's BOBYQB. His routine is one block of GO TOs; each stage here is one
    /// of its labelled blocks (the Fortran label in brackets) and names the stage that follows,
    /// so the order of the floating-point work is exactly his.
    enum Stage {
        /// [20] Bring gopt to the current xopt after the initial model or a RESCUE.
        case refreshGradient
        /// [60] Solve the trust-region subproblem.
        case trustRegion
        /// [90] Possibly shift xbase to xopt, then go on to a step's denominators.
        case shiftBase
        /// [190] Rebuild H from scratch.
        case rescue
        /// [210] Choose a model-improving step for point knew.
        case alternative
        /// [230] Lagrange values, beta and the denominator for the step d; choose knew.
        case denominators
        /// [360] Evaluate the objective at xbase + xnew and update the model.
        case evaluate
        /// [650] Look for an interpolation point far from xopt, to be moved.
        case farPoint
        /// [680] Reduce rho, or finish.
        case reduceRho
        /// [720] Return the best point.
        case finish
    }

    /// Powell's BOBYQB: the whole minimization, after BOBYQA has set `x`, `sl` and `su`.
    mutating func run() throws {
        try initialize()
        xoptsq = 0
        for i in 0..<n {
            xopt[i] = xpt[kopt, i]
            xoptsq += xopt[i] * xopt[i]
        }
        fsave = fval[0]
        var stage = Stage.refreshGradient
        if nf < npt {
            stop = .evaluationLimit
            stage = .finish
        }
        kbase = 0
        rho = rhobeg
        delta = rho
        nresc = nf
        ntrits = 0
        diffa = 0
        diffb = 0
        itest = 0
        nfsav = nf

        while true {
            switch stage {
            case .refreshGradient:
                refreshGradient()
                stage = .trustRegion
            case .trustRegion:
                stage = trustRegionIteration()
            case .shiftBase:
                shiftBaseIfFar()
                stage = ntrits == 0 ? .alternative : .denominators
            case .rescue:
                stage = try rescueIteration()
            case .alternative:
                alternativeStep()
                for i in 0..<n { d[i] = xnew[i] - xopt[i] }
                stage = .denominators
            case .denominators:
                stage = denominators()
            case .evaluate:
                stage = try evaluateAndUpdate()
            case .farPoint:
                stage = farPoint()
            case .reduceRho:
                stage = reduceRho()
            case .finish:
                finish()
                return
            }
        }
    }

    /// [20] PRELIM leaves the gradient at xbase, and RESCUE at its new xbase; move it to xopt
    /// (the implicit part of the Hessian counts only once points other than PRELIM's exist).
    private mutating func refreshGradient() {
        guard kopt != kbase else { return }
        var ih = 0
        for j in 0..<n {
            for i in 0...j {
                if i < j { gopt[j] = gopt[j] + hq[ih] * xopt[i] }
                gopt[i] = gopt[i] + hq[ih] * xopt[j]
                ih += 1
            }
        }
        if nf > npt {
            for k in 0..<npt {
                var temp = 0.0
                for j in 0..<n { temp += xpt[k, j] * xopt[j] }
                temp = pq[k] * temp
                for i in 0..<n { gopt[i] = gopt[i] + temp * xpt[k, i] }
            }
        }
    }

    /// [60] A trust-region step. A step shorter than rho/2 is not evaluated: either a far
    /// point is moved instead, or rho is reduced when the recent errors of the model are small
    /// compared with what steps of length rho/2 could gain (also at the bounds that the
    /// step's gradient pushes against).
    private mutating func trustRegionIteration() -> Stage {
        trustRegionStep()
        dnorm = dmin1(delta, dsq.squareRoot())
        if dnorm < 0.5 * rho {
            ntrits = -1
            distsq = (10.0 * rho) * (10.0 * rho)
            if nf <= nfsav + 2 { return .farPoint }
            let errbig = dmax1(dmax1(diffb, diffc), diffa)
            let frhosq = 0.125 * rho * rho
            if crvmin > 0 && errbig > frhosq * crvmin { return .farPoint }
            let bdtol = errbig / rho
            for j in 0..<n {
                var bdtest = bdtol
                if xnew[j] == sl[j] { bdtest = gnew[j] }
                if xnew[j] == su[j] { bdtest = -gnew[j] }
                if bdtest < bdtol {
                    var curv = hq[hqIndex(j, j)]
                    for k in 0..<npt {
                        curv = curv + pq[k] * (xpt[k, j] * xpt[k, j])
                    }
                    bdtest = bdtest + 0.5 * curv * rho
                    if bdtest < bdtol { return .farPoint }
                }
            }
            return .reduceRho
        }
        ntrits += 1
        return .shiftBase
    }

    /// [90] When xopt is far from xbase compared with the step, the products in the updates
    /// lose accuracy: move xbase to xopt, which changes BMAT and the implicit second derivatives
    /// (the model itself and ZMAT are unchanged). The algebra is in Powell's NEWUOA paper, §5.
    private mutating func shiftBaseIfFar() {
        guard dsq <= 1.0e-3 * xoptsq else { return }
        let fracsq = 0.25 * xoptsq
        var sumpq = 0.0
        // Changes of BMAT that do not involve ZMAT (vlag is scratch here).
        for k in 0..<npt {
            sumpq += pq[k]
            var sum = -0.5 * xoptsq
            for i in 0..<n { sum += xpt[k, i] * xopt[i] }
            w[npt + k] = sum
            let temp = fracsq - 0.5 * sum
            for i in 0..<n {
                w[i] = bmat[k, i]
                vlag[i] = sum * xpt[k, i] + temp * xopt[i]
                let ip = npt + i
                for j in 0...i {
                    bmat[ip, j] = bmat[ip, j] + w[i] * vlag[j] + vlag[i] * w[j]
                }
            }
        }
        // Changes of BMAT that involve ZMAT.
        for jj in 0..<nptm {
            var sumz = 0.0
            var sumw = 0.0
            for k in 0..<npt {
                sumz += zmat[k, jj]
                vlag[k] = w[npt + k] * zmat[k, jj]
                sumw += vlag[k]
            }
            for j in 0..<n {
                var sum = (fracsq * sumz - 0.5 * sumw) * xopt[j]
                for k in 0..<npt { sum += vlag[k] * xpt[k, j] }
                w[j] = sum
                for k in 0..<npt { bmat[k, j] = bmat[k, j] + sum * zmat[k, jj] }
            }
            for i in 0..<n {
                let ip = i + npt
                let temp = w[i]
                for j in 0...i { bmat[ip, j] = bmat[ip, j] + temp * w[j] }
            }
        }
        // The shift itself, the explicit second derivatives, and the symmetric copy in BMAT.
        var ih = 0
        for j in 0..<n {
            w[j] = -0.5 * sumpq * xopt[j]
            for k in 0..<npt {
                w[j] = w[j] + pq[k] * xpt[k, j]
                xpt[k, j] = xpt[k, j] - xopt[j]
            }
            for i in 0...j {
                hq[ih] = hq[ih] + w[i] * xopt[j] + xopt[i] * w[j]
                bmat[npt + i, j] = bmat[npt + j, i]
                ih += 1
            }
        }
        for i in 0..<n {
            xbase[i] += xopt[i]
            xnew[i] -= xopt[i]
            sl[i] -= xopt[i]
            su[i] -= xopt[i]
            xopt[i] = 0
        }
        xoptsq = 0
    }

    /// [190] RESCUE, then carry on: with a fresh model if it evaluated anything, else with the
    /// step that was being tried.
    private mutating func rescueIteration() throws -> Stage {
        nfsav = nf
        kbase = kopt
        try rescue()
        xoptsq = 0
        if kopt != kbase {
            for i in 0..<n {
                xopt[i] = xpt[kopt, i]
                xoptsq += xopt[i] * xopt[i]
            }
        }
        if nf < 0 {
            nf = maxfun
            stop = .evaluationLimit
            return .finish
        }
        nresc = nf
        if nfsav < nf {
            nfsav = nf
            return .refreshGradient
        }
        return ntrits > 0 ? .trustRegion : .alternative
    }

    /// [230] The values of the Lagrange functions at xopt + d (vlag), beta, and from them the
    /// denominator of the update of H. After an alternative step the Cauchy alternative may be
    /// taken instead; after a trust-region step this chooses the point to replace (knew), by
    /// the denominator weighted towards points far from xopt. A denominator spoilt by rounding
    /// calls RESCUE (once per new evaluation) or ends the run.
    private mutating func denominators() -> Stage {
        while true {
            // w[k] = (xpt[k]·d)(xpt[k]·d / 2 + xpt[k]·xopt); w[npt + k] = xpt[k]·d (kept for vquad).
            for k in 0..<npt {
                var suma = 0.0
                var sumb = 0.0
                var sum = 0.0
                for j in 0..<n {
                    suma += xpt[k, j] * d[j]
                    sumb += xpt[k, j] * xopt[j]
                    sum += bmat[k, j] * d[j]
                }
                w[k] = suma * (0.5 * suma + sumb)
                vlag[k] = sum
                w[npt + k] = suma
            }
            beta = 0
            for jj in 0..<nptm {
                var sum = 0.0
                for k in 0..<npt { sum += zmat[k, jj] * w[k] }
                beta = beta - sum * sum
                for k in 0..<npt { vlag[k] = vlag[k] + sum * zmat[k, jj] }
            }
            dsq = 0
            var bsum = 0.0
            var dx = 0.0
            for j in 0..<n {
                dsq += d[j] * d[j]
                var sum = 0.0
                for k in 0..<npt { sum += w[k] * bmat[k, j] }
                bsum += sum * d[j]
                let jp = npt + j
                for i in 0..<n { sum += bmat[jp, i] * d[i] }
                vlag[jp] = sum
                bsum += sum * d[j]
                dx += d[j] * xopt[j]
            }
            beta = dx * dx + dsq * (xoptsq + dx + dx + 0.5 * dsq) + beta - bsum
            vlag[kopt] = vlag[kopt] + 1.0

            if ntrits == 0 {
                denom = vlag[knew] * vlag[knew] + alpha * beta
                if denom < cauchy && cauchy > 0 {
                    for i in 0..<n {
                        xnew[i] = xalt[i]
                        d[i] = xnew[i] - xopt[i]
                    }
                    cauchy = 0
                    continue
                }
                if denom <= 0.5 * (vlag[knew] * vlag[knew]) {
                    if nf > nresc { return .rescue }
                    stop = .cancellation
                    return .finish
                }
            } else {
                let (scaden, biglsq) = choosePointToReplace(distancesFrom: xopt, skipping: kopt)
                if scaden <= 0.5 * biglsq {
                    if nf > nresc { return .rescue }
                    stop = .cancellation
                    return .finish
                }
            }
            return .evaluate
        }
    }

    /// [360] Evaluate the objective at xnew, then: the error of the model's prediction, the new
    /// trust-region radius from the ratio of actual to predicted reduction, the update of H and
    /// of the model (the change of least Frobenius norm of its second derivatives), xopt, and —
    /// when the model's gradient has stayed much larger than that of the least-Frobenius-norm
    /// interpolant for three iterations — a switch to that interpolant.
    private mutating func evaluateAndUpdate() throws -> Stage {
        x = variables(at: xnew)
        if nf >= maxfun {
            stop = .evaluationLimit
            return .finish
        }
        nf += 1
        f = try evaluate(x)
        if ntrits == -1 {
            fsave = f
            return .finish
        }

        // The model's prediction of f - fopt (vquad) and its error (diff).
        fopt = fval[kopt]
        vquad = 0
        var ih = 0
        for j in 0..<n {
            vquad = vquad + d[j] * gopt[j]
            for i in 0...j {
                var temp = d[i] * d[j]
                if i == j { temp = 0.5 * temp }
                vquad = vquad + hq[ih] * temp
                ih += 1
            }
        }
        for k in 0..<npt {
            vquad = vquad + 0.5 * pq[k] * (w[npt + k] * w[npt + k])
        }
        diff = f - fopt - vquad
        diffc = diffb
        diffb = diffa
        diffa = abs(diff)
        if dnorm > rho { nfsav = nf }

        if ntrits > 0 {
            if vquad >= 0 {
                stop = .noReduction
                return .finish
            }
            ratio = (f - fopt) / vquad
            if ratio <= 0.1 {
                delta = dmin1(0.5 * delta, dnorm)
            } else if ratio <= 0.7 {
                delta = dmax1(0.5 * delta, dnorm)
            } else {
                delta = dmax1(0.5 * delta, dnorm + dnorm)
            }
            if delta <= 1.5 * rho { delta = rho }

            // A new best point becomes the centre, so the point to drop is chosen again,
            // measuring distances from xnew (keeping the old choice if this one is worse).
            if f < fopt {
                let ksav = knew
                let densav = denom
                let (scaden, biglsq) = choosePointToReplace(distancesFrom: xnew, skipping: nil)
                if scaden <= 0.5 * biglsq {
                    knew = ksav
                    denom = densav
                }
            }
        }

        // Replace point knew: update H, then the model (diff times the new Lagrange function).
        // (No point can have been chosen only when NaNs have entered the model; Powell's code
        // would then index row 0 of its arrays, out of bounds. Stop instead.)
        guard knew >= 0 else {
            stop = .cancellation
            return .finish
        }
        updateInverse(beta: beta, denom: denom, knew: knew)
        ih = 0
        let pqold = pq[knew]
        pq[knew] = 0
        for i in 0..<n {
            let temp = pqold * xpt[knew, i]
            for j in 0...i {
                hq[ih] = hq[ih] + temp * xpt[knew, j]
                ih += 1
            }
        }
        for jj in 0..<nptm {
            let temp = diff * zmat[knew, jj]
            for k in 0..<npt { pq[k] = pq[k] + temp * zmat[k, jj] }
        }

        // The new point, and the change of the model's gradient at the old xopt.
        fval[knew] = f
        for i in 0..<n {
            xpt[knew, i] = xnew[i]
            w[i] = bmat[knew, i]
        }
        for k in 0..<npt {
            var suma = 0.0
            for jj in 0..<nptm { suma += zmat[knew, jj] * zmat[k, jj] }
            var sumb = 0.0
            for j in 0..<n { sumb += xpt[k, j] * xopt[j] }
            let temp = suma * sumb
            for i in 0..<n { w[i] = w[i] + temp * xpt[k, i] }
        }
        for i in 0..<n { gopt[i] = gopt[i] + diff * w[i] }

        // A new best point: move xopt and the gradient along d.
        if f < fopt {
            kopt = knew
            xoptsq = 0
            ih = 0
            for j in 0..<n {
                xopt[j] = xnew[j]
                xoptsq += xopt[j] * xopt[j]
                for i in 0...j {
                    if i < j { gopt[j] = gopt[j] + hq[ih] * d[i] }
                    gopt[i] = gopt[i] + hq[ih] * d[j]
                    ih += 1
                }
            }
            for k in 0..<npt {
                var temp = 0.0
                for j in 0..<n { temp += xpt[k, j] * d[j] }
                temp = pq[k] * temp
                for i in 0..<n { gopt[i] = gopt[i] + temp * xpt[k, i] }
            }
        }

        if ntrits > 0 {
            replaceModelIfGradientTooLarge()
        }

        // Carry on with trust-region steps after an alternative step or a good enough one;
        // otherwise see whether an interpolation point has strayed too far.
        if ntrits == 0 { return .trustRegion }
        if f <= fopt + 0.1 * vquad { return .trustRegion }
        distsq = dmax1((2.0 * delta) * (2.0 * delta), (10.0 * rho) * (10.0 * rho))
        return .farPoint
    }

    /// The least-Frobenius-norm interpolant of the current values (its gradient at xopt ends in
    /// vlag[npt...], its implicit second derivatives in w[npt...]). If its gradient, projected
    /// on the bounds at xopt, has been much the smaller for three iterations in a row, the
    /// model is replaced by it: the current model's curvature is then doing more harm than good.
    private mutating func replaceModelIfGradientTooLarge() {
        for k in 0..<npt {
            vlag[k] = fval[k] - fval[kopt]
            w[k] = 0
        }
        for j in 0..<nptm {
            var sum = 0.0
            for k in 0..<npt { sum += zmat[k, j] * vlag[k] }
            for k in 0..<npt { w[k] = w[k] + sum * zmat[k, j] }
        }
        for k in 0..<npt {
            var sum = 0.0
            for j in 0..<n { sum += xpt[k, j] * xopt[j] }
            w[k + npt] = w[k]
            w[k] = sum * w[k]
        }
        var gqsq = 0.0
        var gisq = 0.0
        for i in 0..<n {
            var sum = 0.0
            for k in 0..<npt { sum = sum + bmat[k, i] * vlag[k] + xpt[k, i] * w[k] }
            if xopt[i] == sl[i] {
                let g = dmin1(0, gopt[i])
                let s = dmin1(0, sum)
                gqsq += g * g
                gisq += s * s
            } else if xopt[i] == su[i] {
                let g = dmax1(0, gopt[i])
                let s = dmax1(0, sum)
                gqsq += g * g
                gisq += s * s
            } else {
                gqsq += gopt[i] * gopt[i]
                gisq += sum * sum
            }
            vlag[npt + i] = sum
        }
        itest += 1
        if gqsq < 10.0 * gisq { itest = 0 }
        if itest >= 3 {
            let nh = n * (n + 1) / 2
            for i in 0..<max(npt, nh) {
                if i < n { gopt[i] = vlag[npt + i] }
                if i < npt { pq[i] = w[npt + i] }
                if i < nh { hq[i] = 0 }
                itest = 0
            }
        }
    }

    /// [650] The interpolation point farthest from xopt, if beyond sqrt(distsq), is moved by an
    /// alternative step within a radius tied to its distance. Otherwise trust-region steps go on
    /// while they are succeeding or the radius is above rho, and rho is reduced when not.
    private mutating func farPoint() -> Stage {
        knew = -1
        for k in 0..<npt {
            var sum = 0.0
            for j in 0..<n {
                let t = xpt[k, j] - xopt[j]
                sum += t * t
            }
            if sum > distsq {
                knew = k
                distsq = sum
            }
        }
        if knew >= 0 {
            let dist = distsq.squareRoot()
            if ntrits == -1 {
                delta = dmin1(0.1 * delta, 0.5 * dist)
                if delta <= 1.5 * rho { delta = rho }
            }
            ntrits = 0
            adelt = dmax1(dmin1(0.1 * dist, delta), rho)
            dsq = adelt * adelt
            return .shiftBase
        }
        if ntrits == -1 { return .reduceRho }
        if ratio > 0 { return .trustRegion }
        if dmax1(delta, dnorm) > rho { return .trustRegion }
        return .reduceRho
    }

    /// [680] Work at this rho is done: reduce it (to rhoend in at most a few steps near the
    /// end, by a factor 10 far from it) and halve delta, or finish once rho is rhoend; a short
    /// final trust-region step that was not evaluated is evaluated first.
    private mutating func reduceRho() -> Stage {
        if rho > rhoend {
            delta = 0.5 * rho
            ratio = rho / rhoend
            if ratio <= 16.0 {
                rho = rhoend
            } else if ratio <= 250.0 {
                rho = ratio.squareRoot() * rhoend
            } else {
                rho = 0.1 * rho
            }
            delta = dmax1(delta, rho)
            ntrits = 0
            nfsav = nf
            return .trustRegion
        }
        if ntrits == -1 { return .evaluate }
        return .finish
    }

    /// [720] Return the best point found — unless the final unevaluated-then-evaluated short
    /// step did better, in which case x and f are already that step's.
    private mutating func finish() {
        if fval[kopt] <= fsave {
            x = variables(at: xopt)
            f = fval[kopt]
        }
    }
}

extension PowellBOBYQA.Solver {
    /// Powell's choice of the interpolation point to replace (BOBYQB, before and after the
    /// evaluation): the k that maximizes max(1, (|x_k - centre|² / Δ²)²) (β H_kk + vlag_k²),
    /// set as knew with its denominator; returns that maximum (scaden) and the largest
    /// weighted vlag_k² (biglsq), whose ratio tells whether the choice is safe.
    mutating func choosePointToReplace(distancesFrom centre: [Double], skipping skipped: Int?) -> (scaden: Double, biglsq: Double) {
        let delsq = delta * delta
        var scaden = 0.0
        var biglsq = 0.0
        knew = -1
        for k in 0..<npt where k != skipped {
            var hdiag = 0.0
            for jj in 0..<nptm { hdiag += zmat[k, jj] * zmat[k, jj] }
            let den = beta * hdiag + vlag[k] * vlag[k]
            var distsq = 0.0
            for j in 0..<n {
                let t = xpt[k, j] - centre[j]
                distsq += t * t
            }
            let scaled = distsq / delsq
            let temp = dmax1(1.0, scaled * scaled)
            if temp * den > scaden {
                scaden = temp * den
                knew = k
                denom = den
            }
            biglsq = dmax1(biglsq, temp * (vlag[k] * vlag[k]))
        }
        return (scaden, biglsq)
    }
}
