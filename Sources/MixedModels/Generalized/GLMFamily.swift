import CRmath
import Foundation

/// A link function of R's `make.link`: g(μ) = η, its inverse and dμ/dη, with R's clamping so
/// that μ stays inside the family's range however large |η| grows.
public enum GLMLink: String, CaseIterable {
    case logit, probit, cauchit, cloglog, identity, log, sqrt, inverse

    private static let eps = Double.ulpOfOne

    /// g(μ).
    public func link(_ mu: Double) -> Double {
        switch self {
        case .logit: return Foundation.log(mu / (1 - mu))
        case .probit: return qnorm5(mu, 0, 1, 1, 0)
        case .cauchit: return qcauchy(mu, 0, 1, 1, 0)
        case .cloglog: return Foundation.log(-Foundation.log(1 - mu))
        case .identity: return mu
        case .log: return Foundation.log(mu)
        case .sqrt: return mu.squareRoot()
        case .inverse: return 1 / mu
        }
    }

    /// g⁻¹(η), clamped as R's link objects clamp it.
    public func inverse(_ eta: Double) -> Double {
        switch self {
        case .logit:
            // R's C logit_linkinv: exp(η) bounded to [ε, 1/ε] before x / (1 + x).
            let t = eta < -30 ? Self.eps : (eta > 30 ? 1 / Self.eps : exp(eta))
            return t / (1 + t)
        case .probit:
            let threshold = -qnorm5(Self.eps, 0, 1, 1, 0)
            return pnorm5(min(max(eta, -threshold), threshold), 0, 1, 1, 0)
        case .cauchit:
            let threshold = -qcauchy(Self.eps, 0, 1, 1, 0)
            return pcauchy(min(max(eta, -threshold), threshold), 0, 1, 1, 0)
        case .cloglog: return max(min(-expm1(-exp(eta)), 1 - Self.eps), Self.eps)
        case .identity: return eta
        case .log: return max(exp(eta), Self.eps)
        case .sqrt: return eta * eta
        case .inverse: return 1 / eta
        }
    }

    /// dμ/dη at η.
    public func muEta(_ eta: Double) -> Double {
        switch self {
        case .logit:
            let e = exp(eta), opexp = 1 + e
            return eta > 30 || eta < -30 ? Self.eps : e / (opexp * opexp)
        case .probit: return max(dnorm4(eta, 0, 1, 0), Self.eps)
        case .cauchit: return max(dcauchy(eta, 0, 1, 0), Self.eps)
        case .cloglog:
            let e = min(eta, 700)
            return max(exp(e) * exp(-exp(e)), Self.eps)
        case .identity: return 1
        case .log: return max(exp(eta), Self.eps)
        case .sqrt: return 2 * eta
        case .inverse: return -1 / (eta * eta)
        }
    }

    /// The link's `valideta`.
    public func validEta(_ eta: [Double]) -> Bool {
        switch self {
        case .inverse: return eta.allSatisfy { $0.isFinite && $0 != 0 }
        default: return true
        }
    }
}

/// The error distribution of a GLM: variance function, deviance residuals, AIC, the valid range
/// of μ and the start of the iterations, as R's family objects define them.
public enum GLMDistribution: String {
    case binomial, poisson, gamma = "Gamma", gaussian

    /// R's default link.
    public var canonicalLink: GLMLink {
        switch self {
        case .binomial: return .logit
        case .poisson: return .log
        case .gamma: return .inverse
        case .gaussian: return .identity
        }
    }

    /// The links R's family function accepts.
    public var allowedLinks: [GLMLink] {
        switch self {
        case .binomial: return [.logit, .probit, .cloglog, .cauchit, .log]
        case .poisson: return [.log, .identity, .sqrt]
        case .gamma: return [.inverse, .identity, .log]
        case .gaussian: return [.inverse, .log, .identity]
        }
    }

    /// Whether the dispersion is fixed at 1 (z tests) or estimated (t tests).
    public var hasFixedDispersion: Bool { self == .binomial || self == .poisson }

    public func variance(_ mu: Double) -> Double {
        switch self {
        case .binomial: return mu * (1 - mu)
        case .poisson: return mu
        case .gamma: return mu * mu
        case .gaussian: return 1
        }
    }

    /// The family's `validmu`.
    public func validMu(_ mu: [Double]) -> Bool {
        switch self {
        case .binomial: return mu.allSatisfy { $0.isFinite && $0 > 0 && $0 < 1 }
        case .poisson, .gamma: return mu.allSatisfy { $0.isFinite && $0 > 0 }
        case .gaussian: return true
        }
    }

    /// One observation's deviance residual squared, `dev.resids(y, mu, wt)`.
    public func devianceResidual(_ y: Double, _ mu: Double, _ wt: Double) -> Double {
        switch self {
        case .binomial:
            func yLogY(_ a: Double, _ b: Double) -> Double { a != 0 ? a * Foundation.log(a / b) : 0 }
            return 2 * wt * (yLogY(y, mu) + yLogY(1 - y, 1 - mu))
        case .poisson:
            return y > 0 ? 2 * wt * (y * Foundation.log(y / mu) - (y - mu)) : 2 * mu * wt
        case .gamma:
            return -2 * wt * (Foundation.log(y == 0 ? 1 : y / mu) - (y - mu) / mu)
        case .gaussian:
            return wt * (y - mu) * (y - mu)
        }
    }

    /// nmath's R_nonint: further than 1e-7 (relative) from a whole number.
    static func isNonInteger(_ x: Double) -> Bool { abs(x - x.rounded()) > 1e-7 * max(1, abs(x)) }

    /// The responses a Poisson AIC finds not whole, each of which R's dpois warns about.
    public func nonIntegerCounts(_ y: [Double]) -> [Double] {
        self == .poisson ? y.filter(Self.isNonInteger) : []
    }

    /// The family's `aic(y, n, mu, wt, dev)`: −2 log-likelihood (+ 2 for an estimated scale).
    public func aic(y: [Double], n: [Double], mu: [Double], weights: [Double], deviance: Double) -> Double {
        switch self {
        case .binomial:
            let useN = n.contains { $0 > 1 }
            var sum = 0.0
            for i in y.indices {
                let m = useN ? n[i] : weights[i]
                let factor = m > 0 ? weights[i] / m : 0
                let density = dbinom((m * y[i]).rounded(.toNearestOrEven), m.rounded(.toNearestOrEven), mu[i], 1)
                // ifelse(m > 0, wt/m, 0) * dbinom(...): 0 * -Inf is NaN in R too.
                sum += factor * density
            }
            return -2 * sum
        case .poisson:
            // A count that is not a whole number has density 0 (R's dpois warns about it; the
            // callers report `nonIntegerCounts` in R's words, nmath would print to the console).
            var sum = 0.0
            for i in y.indices { sum += (Self.isNonInteger(y[i]) ? -.infinity : dpois(y[i], mu[i], 1)) * weights[i] }
            return -2 * sum
        case .gamma:
            let total = weights.reduce(0, +), dispersion = deviance / total
            var sum = 0.0
            for i in y.indices { sum += dgamma(y[i], 1 / dispersion, mu[i] * dispersion, 1) * weights[i] }
            return -2 * sum + 2
        case .gaussian:
            let count = Double(y.count)
            return count * (Foundation.log(deviance / count * 2 * Double.pi) + 1) + 2
                - weights.reduce(0) { $0 + Foundation.log($1) }
        }
    }
}

/// A family object's numeric content: distribution and link.
public struct GLMFamily: Equatable {
    public let distribution: GLMDistribution
    public let link: GLMLink

    public init(_ distribution: GLMDistribution, link: GLMLink? = nil) {
        self.distribution = distribution
        self.link = link ?? distribution.canonicalLink
    }

    /// Deviance residuals' sum, `sum(dev.resids(y, mu, wt))`.
    public func deviance(y: [Double], mu: [Double], weights: [Double]) -> Double {
        var sum = 0.0
        for i in y.indices { sum += distribution.devianceResidual(y[i], mu[i], weights[i]) }
        return sum
    }
}
