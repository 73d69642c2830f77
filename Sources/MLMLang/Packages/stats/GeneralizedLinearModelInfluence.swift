/// Case diagnostics of a glm fit as stats computes them (lm.influence on the last IRLS step,
/// rstandard.glm, cooks.distance.glm): leverages w_i x_i'(X'WX)⁻¹x_i at the working weights,
/// deviance residuals standardised by the dispersion, Cook's distances from the Pearson
/// residuals, and the leave-one-out sigmas of lm.influence.
struct GeneralizedLinearModelInfluence {
    var hat: [Double]
    var standardised: [Double]
    var cooks: [Double]
    var leaveOneOutSigma: [Double]
    var devianceResiduals: [Double]
    var labels: [String]

    init(_ fit: GeneralizedLinearModelObject, _ ctx: CallContext) throws {
        let (columns, columnNames, _, _, _) = try GeneralizedLinearModelMethods.design(fit.object, newdata: nil, ctx)
        let n = fit.y.count
        guard columns.allSatisfy({ $0.count == n }) else { throw RError("the fit's data no longer give its rows") }
        let index = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let kept = try fit.pivot.prefix(fit.rank).map { j -> [Double] in
            guard let c = index[fit.coefficientNames[j]] else { throw RError("object '\(fit.coefficientNames[j])' not found") }
            return columns[c]
        }
        let rank = fit.rank, covariance = fit.unscaledCovariance
        var hat = (0..<n).map { i -> Double in
            var quad = 0.0
            for a in 0..<rank { for b in 0..<rank { quad += kept[a][i] * covariance[a + b * rank] * kept[b][i] } }
            return fit.workingWeights[i] * quad
        }
        // lm.influence: leverages within 10 ε of one are one.
        hat = hat.map { $0 >= 1 - 10 * Double.ulpOfOne ? 1 : $0 }
        let deviance = try fit.residuals("deviance"), pearson = try fit.residuals("pearson")
        let dispersion = fit.dispersion
        func finite(_ v: Double) -> Double { v.isInfinite ? .nan : v }
        standardised = (0..<n).map { finite(deviance[$0] / (dispersion * (1 - hat[$0])).squareRoot()) }
        cooks = (0..<n).map { i in
            let r = pearson[i] / (1 - hat[i])
            return finite(r * r * hat[i] / (dispersion * Double(rank)))
        }
        let total = deviance.reduce(0) { $0 + $1 * $1 }
        let df = Double(fit.dfResidual)
        leaveOneOutSigma = (0..<n).map { i in ((total - deviance[i] * deviance[i] / (1 - hat[i])) / (df - 1)).squareRoot() }
        self.hat = hat
        devianceResiduals = deviance
        labels = fit.rowNames
    }
}
