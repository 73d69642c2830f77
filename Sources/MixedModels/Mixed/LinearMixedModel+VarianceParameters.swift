import Foundation

/// The model as a function of its variance parameters (θ, σ), not profiled over σ: what
/// lmerTest 3.1-3 differentiates for Satterthwaite's degrees of freedom (`devfun_vp` and
/// `get_covbeta` in its R/lmer.R).
extension LinearMixedModel {
    /// lmerTest's `devfun_vp(c(theta, sigma))`: −2 log-likelihood (the REML criterion for a REML
    /// model) at θ and σ, with β and u at their PLS solution for θ:
    ///
    ///     ML:   ldL2 + (wrss + ussq) / σ² + n log(2πσ²)
    ///     REML: the same + ldRX2 − p log(2πσ²)
    ///
    /// As in lmerTest, log det W of prior weights is left out: a constant, it changes no
    /// derivative. Leaves θ where it was.
    public func varianceParameterDeviance(_ varianceParameters: [Double]) throws -> Double {
        let saved = theta
        defer { restoreTheta(saved) }
        return try deviance(atVarianceParameters: varianceParameters)
    }

    /// lmerTest's `get_covbeta(c(theta, sigma))`: σ² (RX'RX)⁻¹ at θ, p x p column-major, the
    /// covariance of β̂ as a function of the variance parameters. Leaves θ where it was.
    public func fixedEffectsCovariance(varianceParameters: [Double]) throws -> [Double] {
        let saved = theta
        defer { restoreTheta(saved) }
        return try covariance(atVarianceParameters: varianceParameters)
    }

    /// (θ, σ) at the current θ: lmerTest's `varpar_opt`, c(theta, sigma(model)).
    public var varianceParameters: [Double] { theta + [sigma] }

    // MARK: - Without restoring θ, for the many evaluations of a derivative

    func deviance(atVarianceParameters varianceParameters: [Double]) throws -> Double {
        let sigma = try moveTheta(varianceParameters)
        let sigma2 = sigma * sigma
        // wrss + ussq, as lme4 sums them, rather than `pwrss` read off L: L's last diagonal
        // element comes from y'y less what the model explains, a cancellation that loses a few
        // digits, and the Hessian's smallest steps (an eightieth of θ) magnify that noise into
        // the seventh digit of the df. Same grouping as lmerTest's, which computes the ML form
        // first and then adjusts it.
        let dev = ldL2 + (wrss + ussq) / sigma2 + Double(n) * log(2 * Double.pi * sigma2)
        guard reml else { return dev }
        return dev + ldRX2 - Double(p) * log(2 * Double.pi * sigma2)
    }

    func covariance(atVarianceParameters varianceParameters: [Double]) throws -> [Double] {
        let sigma = try moveTheta(varianceParameters)
        let block = l[terms.count, terms.count]
        var rx = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            for i in j..<p { rx[i + j * p] = block.values[i + j * (p + 1)] }
        }
        guard let unscaled = LAPACK.choleskyInverse(lower: rx, n: p) else {
            throw MixedModelsError("the fixed-effects factor is singular at theta = \(theta)")
        }
        let sigma2 = sigma * sigma
        return unscaled.map { sigma2 * $0 }
    }

    /// Sets θ from (θ, σ), checks that L could be formed there and returns σ.
    private func moveTheta(_ varianceParameters: [Double]) throws -> Double {
        guard varianceParameters.count == theta.count + 1, let sigma = varianceParameters.last else {
            throw MixedModelsError("the variance parameters are theta and sigma: \(theta.count + 1) values, not \(varianceParameters.count)")
        }
        let newTheta = Array(varianceParameters.dropLast())
        try setTheta(newTheta)
        // objective is +∞ exactly when the factorization failed.
        guard objective.isFinite else {
            throw MixedModelsError("the model cannot be evaluated at theta = \(newTheta)")
        }
        return sigma
    }

    /// Puts θ back after a derivative's excursions; the factor is rebuilt from the same
    /// crossproducts, so every estimate read afterwards is what it was.
    func restoreTheta(_ saved: [Double]) {
        _ = evaluate(saved)
    }
}
