import Foundation

/// Whole-vector forms of the family's functions, for the inner loops of a GLMM's PIRLS: the
/// switch over the link or distribution is taken once per vector rather than per observation,
/// and links whose inverse and derivative share exp(η) (logit, log) compute it once. Each
/// element is the value the scalar function gives, to the bit.
extension GLMLink {
    /// μ = g⁻¹(η) and dμ/dη for every η.
    func inverseAndDerivative(_ eta: UnsafeBufferPointer<Double>, mu: UnsafeMutableBufferPointer<Double>,
                              muEta derivative: UnsafeMutableBufferPointer<Double>) {
        let eps = Double.ulpOfOne
        switch self {
        case .logit:
            for i in eta.indices {
                let e = eta[i], x = exp(e)
                let t = e < -30 ? eps : (e > 30 ? 1 / eps : x)
                mu[i] = t / (1 + t)
                let opexp = 1 + x
                derivative[i] = e > 30 || e < -30 ? eps : x / (opexp * opexp)
            }
        case .log:
            for i in eta.indices {
                let value = max(exp(eta[i]), eps)
                mu[i] = value
                derivative[i] = value
            }
        default:
            for i in eta.indices {
                mu[i] = inverse(eta[i])
                derivative[i] = muEta(eta[i])
            }
        }
    }
}

extension GLMDistribution {
    /// Σ dev.resids(y, μ, wt).
    func devianceResidualSum(_ y: UnsafeBufferPointer<Double>, _ mu: UnsafeBufferPointer<Double>,
                             _ weights: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        switch self {
        case .binomial:
            for i in y.indices {
                let a = y[i], m = mu[i]
                let first = a != 0 ? a * log(a / m) : 0
                let second = 1 - a != 0 ? (1 - a) * log((1 - a) / (1 - m)) : 0
                sum += 2 * weights[i] * (first + second)
            }
        case .poisson:
            for i in y.indices {
                let a = y[i], m = mu[i], wt = weights[i]
                sum += a > 0 ? 2 * wt * (a * log(a / m) - (a - m)) : 2 * m * wt
            }
        default:
            for i in y.indices { sum += devianceResidual(y[i], mu[i], weights[i]) }
        }
        return sum
    }

    /// −2 log p(y | μ) of the saturated model (μ = y), for families where it and the deviance
    /// add up to the AIC at every μ: the binomial with whole numbers of trials and successes, the
    /// Poisson with whole counts. There the AIC is Σ dev.resids + this constant, which spares a
    /// GLMM's PIRLS a density per observation at each evaluation. nil elsewhere.
    func saturatedAIC(y: [Double], trials: [Double], weights: [Double]) -> Double? {
        switch self {
        case .binomial:
            let useN = trials.contains { $0 > 1 }
            for i in y.indices {
                let m = useN ? trials[i] : weights[i]
                guard m > 0, !Self.isNonInteger(m), !Self.isNonInteger(m * y[i]) else { return nil }
            }
        case .poisson:
            guard !y.contains(where: Self.isNonInteger) else { return nil }
        case .gamma, .gaussian:
            return nil
        }
        return aic(y: y, n: trials, mu: y, weights: weights, deviance: 0)
    }
}
