import Foundation

/// Residual standard deviations that differ by stratum (nlme's varIdent in an lme fit): the
/// residual of a row in stratum s has standard deviation σδ_s, δ of the first stratum 1. The
/// model is the weighted one with prior weights 1/δ_s², whose deviance carries −log det W.
extension LinearMixedModel {
    /// The prior weights 1/δ² of each row, δ = exp(log ratio) past the first stratum (0).
    public static func stratumWeights(_ strata: [Int], logRatios: [Double]) -> [Double] {
        strata.map { $0 == 0 ? 1 : exp(-2 * logRatios[$0 - 1]) }
    }

    /// The log ratios that maximize the likelihood with θ profiled: for each trial of them the
    /// weighted model is fitted again (BOBYQA from the last θ, with `settings`); Nelder–Mead
    /// over the log ratios, then Newton steps. The model is left weighted at the optimum.
    public func fitStratumVariances(strata: [Int], count: Int, settings: OptimizerSettings) throws -> [Double] {
        guard strata.count == n, count >= 2, strata.allSatisfy({ $0 >= 0 && $0 < count }) else {
            throw MixedModelsError("the strata do not match the data")
        }
        let y = response
        let extra = count - 1
        let profiled = { [unowned self] (logRatios: [Double]) -> Double in
            let weights = Self.stratumWeights(strata, logRatios: logRatios)
            do {
                try self.reweight(response: y, weights: weights, theta: self.theta)
                return try self.fit(settings: settings, start: self.theta).finalObjective
            } catch { return .infinity }
        }
        let bound = [Double](repeating: 50, count: extra)
        let search = try NelderMead.minimize(start: [Double](repeating: 0, count: extra), lower: bound.map { -$0 },
                                             upper: bound, step: [Double](repeating: 0.5, count: extra),
                                             xTolerance: [Double](repeating: 1e-6, count: extra), profiled)
        let refined = NewtonPolish.refine(search.x, lower: bound.map { -$0 }, profiled)
        guard profiled(refined).isFinite else { throw MixedModelsError("the weighted model could not be fitted") }
        return refined
    }
}
