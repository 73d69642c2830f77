import Foundation

/// lmerTest's Satterthwaite t tests for a fitted model (`summary()` and `contest1D` of an
/// lmerModLmerTest), computed at the current θ, the optimum after `fit()`.
extension LinearMixedModel {
    /// lmerTest's `as_lmerModLT`: the Hessian and Jacobian every Satterthwaite test reads.
    /// Evaluates the model at about r m (m + 3) points (m = θ count + 1, r = 4), then puts θ back.
    public func satterthwaiteApproximation() throws -> SatterthwaiteApproximation {
        let saved = theta
        defer { restoreTheta(saved) }
        let varpar = varianceParameters
        let vcovBeta = fixedEffectsCovariance
        let beta = self.beta
        let k = varpar.count

        let hessian = try NumericalDerivatives.hessian({ try deviance(atVarianceParameters: $0) }, at: varpar)
        guard hessian.allSatisfy(\.isFinite),
              let eigen = LAPACK.symmetricEigen(hessian, n: k) else {
            throw MixedModelsError("the Hessian of the deviance in (theta, sigma) could not be computed")
        }
        let warnings = Self.eigenvalueWarnings(eigen.values)
        // 2 H⁻¹ from the eigenvalues above the tolerance only, as lmerTest builds h_inv.
        let tolerance = SatterthwaiteApproximation.tolerance
        let kept = eigen.values.indices.filter { eigen.values[$0] > tolerance }
        var varparCovariance = [Double](repeating: 0, count: k * k)
        for j in 0..<k {
            for i in 0..<k {
                var sum = 0.0
                for e in kept { sum += eigen.vectors[i + e * k] * (1 / eigen.values[e]) * eigen.vectors[j + e * k] }
                varparCovariance[i + j * k] = 2 * sum
            }
        }

        let jacobian = try NumericalDerivatives.jacobian({ try covariance(atVarianceParameters: $0) }, at: varpar)
        let pp = p * p
        let slices = (0..<k).map { Array(jacobian[($0 * pp)..<(($0 + 1) * pp)]) }
        return SatterthwaiteApproximation(fixedEffectNames: fixedEffectNames, beta: beta, varianceParameters: varpar,
                                          fixedEffectsCovariance: vcovBeta, hessian: hessian,
                                          varianceParameterCovariance: varparCovariance, covarianceJacobian: slices,
                                          warnings: warnings)
    }

    /// `coef(summary(m))` of lmerTest: estimate, std. error, Satterthwaite df, t and p per
    /// fixed effect.
    public func satterthwaite() throws -> SatterthwaiteTable {
        try satterthwaiteApproximation().table()
    }

    /// Satterthwaite's degrees of freedom for the contrast L'β (one weight per fixed effect).
    public func satterthwaiteDF(contrast: [Double]) throws -> Double {
        try satterthwaiteApproximation().test(contrast: contrast).df
    }

    /// lmerTest's two warnings, in its words: a negative eigenvalue means θ is not at a minimum,
    /// one near zero that the variance parameters are not all identified.
    static func eigenvalueWarnings(_ values: [Double]) -> [String] {
        let tolerance = SatterthwaiteApproximation.tolerance
        let negative = values.filter { $0 < -tolerance }
        let zero = values.filter { $0 > -tolerance && $0 < tolerance }
        let formatted = { (values: [Double]) in values.map { String(format: "%1.1e", $0) }.joined(separator: " ") }
        var warnings = [String]()
        if !negative.isEmpty {
            warnings.append("Model failed to converge with \(negative.count) negative "
                + "\(negative.count > 1 ? "eigenvalues" : "eigenvalue"): \(formatted(negative))")
        }
        if !zero.isEmpty {
            warnings.append("Model may not have converged with \(zero.count) "
                + "\(zero.count > 1 ? "eigenvalues" : "eigenvalue") close to zero: \(formatted(zero))")
        }
        return warnings
    }
}
