/// What lme4 reads off a fitted GLMM: the conditional modes on the scale of b, predictions on
/// the link scale, and the conditional covariances of the random effects.
extension GeneralizedLinearMixedModel {
    /// b = Λθ u per term, level-major as `u`.
    public var b: [[Double]] {
        var start = 0
        return terms.enumerated().map { j, term in
            defer { start += term.thetaCount }
            return term.conditionalModes(spherical: u[j], lambda: term.lambda(theta[start..<(start + term.thetaCount)]))
        }
    }

    /// offset + Xβ, `predict(m, re.form = NA)` on the link scale.
    public var fixedEffectPredictions: [Double] {
        (0..<n).map { r in (0..<p).reduce(offset[r]) { $0 + x.values[r + $1 * n] * beta[$1] } }
    }

    /// Conditional covariances of b per term and level (condVar): Λ (Λ'Z'WZΛ + I)⁻¹ Λ' at the
    /// final working weights.
    public func conditionalCovariances() throws -> [[[Double]]] {
        guard let decomposition = finalDecomposition else { throw MixedModelsError("the model has not been fitted") }
        return try decomposition.conditionalCovariances(scale: 1)
    }
}

extension GeneralizedLinearMixedModel {
    /// lme4's checkConv after glmer: the singular fit, and the gradient and Hessian over (θ, β)
    /// at the optimizer's result.
    public var convergenceFindings: [ConvergenceCheck.Finding] {
        ConvergenceCheck.findings(theta: theta, lowerBounds: lowerBounds, derivatives: derivatives)
    }
}
