import Foundation

/// glmer's optimization: stage 1 over θ (β inside PIRLS) by BOBYQA, stage 2 over (θ, β) by lme4's
/// Nelder–Mead with optwrap's steps (θ: 0.02; β: 0.2 × its standard error from stage 1, at most
/// 2), lme4's boundary rule, and the numerical derivatives lme4's convergence checks and vcov use.
extension GeneralizedLinearMixedModel {
    public struct FitSummary {
        public let parameters: [Double]
        public let deviance: Double
        public let stageOneEvaluations: Int
        public let stageTwoEvaluations: Int
        /// lme4's NM.result for stage 2 (3 converged, 4 out of evaluations); 0 for nAGQ = 0.
        public let code: Int
    }

    /// glmerControl's choices: the second stage's optimizer (lme4's default "Nelder_Mead", or
    /// "bobyqa"), whether the numerical derivatives are computed, and the evaluation limit.
    public struct FitSettings {
        public enum StageTwoOptimizer { case nelderMead, bobyqa }
        public var stageTwo = StageTwoOptimizer.nelderMead
        public var calcDerivs = true
        public var maxEvaluations = 10_000
        public init() {}
    }

    @discardableResult
    public func fit(_ fitSettings: FitSettings = FitSettings()) throws -> FitSummary {
        let maxEvaluations = fitSettings.maxEvaluations
        optimizerName = nAGQ == 0 || fitSettings.stageTwo == .bobyqa ? "bobyqa" : "Nelder_Mead"
        let lowerTheta = lowerBounds, thetaCount = lowerTheta.count
        // Stage 1: θ alone, by minqa's BOBYQA with its defaults (glmer's optimizer[[1]]).
        var stageOne = 0
        // lme4's optwrap moves an all-zero start to 0.001 (its "minor kludge").
        let startTheta = theta.allSatisfy { $0 == 0 } ? theta.map { _ in 0.001 } : theta
        let run = try minimizeByPowellBOBYQA(start: startTheta, lower: lowerTheta,
                                             maxEvaluations: maxEvaluations) { [unowned self] t in
            stageOne += 1
            return (try? self.pirls(theta: t, beta: nil)) ?? .infinity
        }
        if let stopped { throw stopped }
        stageOneCode = (run.code, run.message)
        var stageOneTheta = run.x
        var deviance = try pirls(theta: stageOneTheta, beta: nil)
        if nAGQ == 0 {
            // glmer(nAGQ = 0) applies the boundary rule to θ.
            let near = stageOneTheta.indices.filter { stageOneTheta[$0] - lowerTheta[$0] > 0 && stageOneTheta[$0] - lowerTheta[$0] < 1e-5 }
            for i in near {
                var snapped = stageOneTheta
                snapped[i] = lowerTheta[i]
                if let d = try? pirls(theta: snapped, beta: nil), d < deviance { stageOneTheta[i] = lowerTheta[i] }
            }
            deviance = try pirls(theta: stageOneTheta, beta: nil)
            try decomposeAtFinalWeights()
            self.stageOneEvaluations = stageOne
            return FitSummary(parameters: stageOneTheta + beta, deviance: deviance, stageOneEvaluations: stageOne,
                              stageTwoEvaluations: 0, code: 0)
        }

        // Stage 2: θ and β together, each PIRLS run from the stage-1 linear predictor.
        startPredictor = zip(eta, offset).map { $0 - $1 }
        // The last PLS step's (RX'RX)⁻¹; a step that failed or dropped columns leaves steps of 1.
        let standardErrors = lastStep.flatMap { step -> [Double]? in
            let covariance = step.unscaledFixedEffectsCovariance
            guard covariance.count == p * p else { return nil }
            return (0..<p).map { covariance[$0 + $0 * p].squareRoot() }
        } ?? [Double](repeating: 1, count: p)
        let step = [Double](repeating: 0.02, count: thetaCount) + standardErrors.map { 0.2 * min($0, 10) }
        let lower = lowerTheta + [Double](repeating: -.infinity, count: p)
        let upper = [Double](repeating: .infinity, count: thetaCount + p)
        let devfun: ([Double]) -> Double = { [unowned self] pars in
            (try? self.pirls(theta: Array(pars[0..<thetaCount]), beta: Array(pars[thetaCount...]))) ?? .infinity
        }
        let nm: NelderMead.Result
        switch fitSettings.stageTwo {
        case .nelderMead:
            nm = try NelderMead.minimize(start: stageOneTheta + beta, lower: lower, upper: upper, step: step,
                                         maxEvaluations: maxEvaluations, devfun)
        case .bobyqa:
            // optwrap's second-round settings for bobyqa: rhobeg 2e-4, rhoend 2e-7.
            var count = 0
            let run = try minimizeByPowellBOBYQA(start: stageOneTheta + beta, lower: lower, rhobeg: 0.0002, rhoend: 2e-7,
                                                 maxEvaluations: maxEvaluations) { pars in
                count += 1
                return devfun(pars)
            }
            nm = NelderMead.Result(x: run.x, minimum: run.minimum, evaluations: count, code: run.code)
            stageTwoMessage = run.code == 0 ? nil : run.message
        }
        if let stopped { throw stopped }
        var optimum = nm.x, minimum = nm.minimum
        // Derivatives at the optimizer's result, for a fit that is not singular.
        if fitSettings.calcDerivs, n < 100_000, optimum.count < 20,
           !ConvergenceCheck.isSingular(Array(optimum[0..<thetaCount]), lowerBounds: lowerTheta) {
            derivatives = ConvergenceCheck.derivatives(at: optimum, value: minimum, devfun)
        } else {
            derivatives = nil
        }
        _ = devfun(optimum)
        // check.boundary: θ within 1e-5 of its bound goes to it when that is no worse.
        let near = (0..<thetaCount).filter { optimum[$0] - lower[$0] > 0 && optimum[$0] - lower[$0] < 1e-5 }
        if !near.isEmpty {
            for i in near {
                var snapped = optimum
                snapped[i] = lower[i]
                if devfun(snapped) < minimum { optimum[i] = lower[i] }
            }
            minimum = devfun(optimum)
        }
        self.stageOneEvaluations = stageOne
        optimizerResult = nm
        deviance = try pirls(theta: Array(optimum[0..<thetaCount]), beta: Array(optimum[thetaCount...]))
        try decomposeAtFinalWeights()
        return FitSummary(parameters: optimum, deviance: deviance, stageOneEvaluations: stageOne,
                          stageTwoEvaluations: nm.evaluations, code: nm.code)
    }

    /// minqa's bobyqa without upper bounds; its stops (bad settings) as the model's errors.
    private func minimizeByPowellBOBYQA(start: [Double], lower: [Double], rhobeg: Double? = nil, rhoend: Double? = nil,
                                        maxEvaluations: Int, _ f: ([Double]) -> Double) throws -> PowellBOBYQA.Result {
        do {
            return try PowellBOBYQA.minimize(start: start, lower: lower, upper: [Double](repeating: .infinity, count: start.count),
                                             rhobeg: rhobeg, rhoend: rhoend, maxEvaluations: maxEvaluations, f)
        } catch let failure as PowellBOBYQA.Failure {
            throw MixedModelsError(failure.description)
        }
    }

    /// vcov(): 2 H⁻¹ over β from the deviance's numerical Hessian over (θ, β), as lme4's
    /// vcov.merMod uses it when available and positive definite; otherwise (RX'RX)⁻¹.
    public var fixedEffectsCovariance: [Double] {
        let k = theta.count, total = k + p
        if let h = derivatives?.hessian, h.count == total * total, let inverse = LAPACK.inverse(h, n: total) {
            var v = [Double](repeating: 0, count: p * p)
            for j in 0..<p { for i in 0..<p { v[i + j * p] = inverse[(k + i) + (k + j) * total] + inverse[(k + j) + (k + i) * total] } }
            if let (values, _) = LAPACK.symmetricEigen(v, n: p), (values.min() ?? 0) > 0 { return v }
        }
        return finalDecomposition?.unscaledFixedEffectsCovariance ?? [Double](repeating: .nan, count: p * p)
    }

    /// Λ'Z'WZΛ + I and RX with X, at the working weights of the last PIRLS step, where lme4's
    /// decomposition stays after the fit (its RX, unsc() and condVar come from there).
    func decomposeAtFinalWeights() throws {
        let link = family.link
        var z = [Double](repeating: 0, count: n)
        for i in 0..<n { z[i] = eta[i] - offset[i] + (y[i] - mu[i]) / link.muEta(eta[i]) }
        let w = lastWorkingWeights.count == n ? lastWorkingWeights
            : (0..<n).map { priorWeights[$0] * pow(link.muEta(eta[$0]), 2) / family.distribution.variance(mu[$0]) }
        let step = try LinearMixedModel(x: x, y: z, terms: terms, weights: w, reml: false)
        try step.setTheta(theta)
        finalDecomposition = step
    }
}
