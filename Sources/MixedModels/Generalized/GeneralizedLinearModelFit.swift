import Foundation

/// `GeneralizedLinearModelFit(x:y:family:...)`: iteratively reweighted least squares as R's
/// `glm.fit` runs it: start from the family's μ start, then repeat the weighted least squares
/// fit of the working response by the dqrdc2 QR (`LinearModelFit`, tolerance
/// min(1e-7, ε/1000)) until |dev − dev_old| / (|dev| + 0.1) < ε, halving the step toward the
/// previous coefficients while the deviance is not finite or μ, η leave their valid range.
///
/// `y` is already in the family's form: for binomial, the proportion of successes, with
/// `weights` the prior weights times the number of trials (glm's `initialize` step, done by
/// the caller), and `trials` those numbers (binomial's `n`, 1 elsewhere) for the AIC.
public struct GeneralizedLinearModelFit {
    public let family: GLMFamily
    public let coefficientNames: [String]
    /// One per column of x; NaN where aliased.
    public let coefficients: [Double]
    public let rank: Int
    public let pivot: [Int]
    public let linearPredictors: [Double]
    public let fittedValues: [Double]
    /// Working residuals (y − μ) / μ'(η), `fit$residuals`.
    public let workingResiduals: [Double]
    /// Working weights of the last iteration, `fit$weights`.
    public let workingWeights: [Double]
    public let priorWeights: [Double]
    public let response: [Double]
    public let offset: [Double]
    public let trials: [Double]
    public let deviance: Double
    public let nullDeviance: Double
    public let aic: Double
    public let iterations: Int
    public let converged: Bool
    public let boundary: Bool
    public let dfResidual: Int
    public let dfNull: Int
    /// The last weighted least squares fit: its QR gives the coefficients' covariance.
    public let lastStep: LinearModelFit
    /// What R warns about, in R's words, in the order R warns.
    public let warnings: [String]

    public struct Control {
        public var epsilon = 1e-8
        public var maxIterations = 25
        public init(epsilon: Double = 1e-8, maxIterations: Int = 25) {
            self.epsilon = epsilon
            self.maxIterations = maxIterations
        }
    }

    /// - Parameters:
    ///   - mustart: the family's start for μ (R's `mustart` after `initialize`).
    ///   - intercept: whether the model has an intercept (decides the null deviance).
    ///   - etastart: a start for the linear predictor instead (glm.fit's `etastart`), as MASS's
    ///     profiling restarts each fit from the last.
    public init(x: DesignMatrix, y: [Double], family: GLMFamily, weights: [Double], trials: [Double],
                offset: [Double], mustart: [Double], etastart: [Double]? = nil, intercept: Bool,
                control: Control = Control()) throws {
        let n = x.rows, p = x.columns
        guard y.count == n, weights.count == n, offset.count == n, mustart.count == n, trials.count == n else {
            throw MixedModelsError("incompatible dimensions")
        }
        guard x.values.allSatisfy(\.isFinite) else { throw MixedModelsError("NA/NaN/Inf in 'x'") }
        let link = family.link, distribution = family.distribution
        var warnings: [String] = []

        var eta = etastart ?? mustart.map(link.link)
        var mu = eta.map(link.inverse)
        guard distribution.validMu(mu), link.validEta(eta) else {
            throw MixedModelsError("cannot find valid starting values: please specify some")
        }
        var devold = family.deviance(y: y, mu: mu, weights: weights)
        var boundary = false, converged = false
        var coefficients = [Double](repeating: 0, count: p)
        var coefold: [Double]?
        var lastStep: LinearModelFit?
        var workingWeights = [Double](repeating: 0, count: n)
        var iterations = 0
        var deviance = devold

        func predictors(_ beta: [Double]) -> [Double] {
            (0..<n).map { r in
                var s = offset[r]
                for c in 0..<p where !beta[c].isNaN { s += x.values[r + c * n] * beta[c] }
                return s
            }
        }

        for iteration in 1...max(1, control.maxIterations) {
            iterations = iteration
            var z = [Double](repeating: 0, count: n), w2 = [Double](repeating: 0, count: n)
            var anyGood = false
            for i in 0..<n {
                let variance = distribution.variance(mu[i])
                if weights[i] > 0 {
                    guard !variance.isNaN else { throw MixedModelsError("NAs in V(mu)") }
                    guard variance != 0 else { throw MixedModelsError("0s in V(mu)") }
                }
                let d = link.muEta(eta[i])
                if weights[i] > 0, d.isNaN { throw MixedModelsError("NAs in d(mu)/d(eta)") }
                guard weights[i] > 0, d != 0 else { continue }
                anyGood = true
                z[i] = eta[i] - offset[i] + (y[i] - mu[i]) / d
                w2[i] = weights[i] * d * d / variance
            }
            guard anyGood else {
                warnings.append("no observations informative at iteration \(iteration)")
                break
            }
            // Rows that are not good get weight 0, which lm.wfit leaves out as glm.fit does.
            let step = try LinearModelFit(x: x, y: z, weights: w2, hasIntercept: intercept,
                                          tolerance: min(1e-7, control.epsilon / 1000))
            guard step.coefficients.enumerated().allSatisfy({ step.aliased[$0.offset] || $0.element.isFinite }) else {
                warnings.append("non-finite coefficients at iteration \(iteration)")
                break
            }
            lastStep = step
            workingWeights = w2
            var start = step.coefficients
            eta = predictors(start)
            mu = eta.map(link.inverse)
            deviance = family.deviance(y: y, mu: mu, weights: weights)
            boundary = false
            if !deviance.isFinite {
                guard let old = coefold else {
                    throw MixedModelsError("no valid set of coefficients has been found: please supply starting values")
                }
                warnings.append("step size truncated due to divergence")
                var halvings = 1
                while !deviance.isFinite {
                    guard halvings <= control.maxIterations else { throw MixedModelsError("inner loop 1; cannot correct step size") }
                    halvings += 1
                    start = zip(start, old).map { $0.isNaN ? $0 : ($0 + $1) / 2 }
                    eta = predictors(start)
                    mu = eta.map(link.inverse)
                    deviance = family.deviance(y: y, mu: mu, weights: weights)
                }
                boundary = true
            }
            if !(link.validEta(eta) && distribution.validMu(mu)) {
                guard let old = coefold else {
                    throw MixedModelsError("no valid set of coefficients has been found: please supply starting values")
                }
                warnings.append("step size truncated: out of bounds")
                var halvings = 1
                while !(link.validEta(eta) && distribution.validMu(mu)) {
                    guard halvings <= control.maxIterations else { throw MixedModelsError("inner loop 2; cannot correct step size") }
                    halvings += 1
                    start = zip(start, old).map { $0.isNaN ? $0 : ($0 + $1) / 2 }
                    eta = predictors(start)
                    mu = eta.map(link.inverse)
                }
                boundary = true
                deviance = family.deviance(y: y, mu: mu, weights: weights)
            }
            coefficients = start
            if abs(deviance - devold) / (abs(deviance) + 0.1) < control.epsilon {
                converged = true
                break
            }
            devold = deviance
            coefold = start
        }
        guard let lastStep else { throw MixedModelsError("no observations informative at iteration 1") }
        if !converged { warnings.append("glm.fit: algorithm did not converge") }
        if boundary { warnings.append("glm.fit: algorithm stopped at boundary value") }
        let eps = 10 * Double.ulpOfOne
        if distribution == .binomial, mu.contains(where: { $0 > 1 - eps || $0 < eps }) {
            warnings.append("glm.fit: fitted probabilities numerically 0 or 1 occurred")
        }
        if distribution == .poisson, mu.contains(where: { $0 < eps }) {
            warnings.append("glm.fit: fitted rates numerically 0 occurred")
        }

        self.family = family
        self.coefficientNames = x.names
        self.coefficients = coefficients
        self.rank = lastStep.rank
        self.pivot = lastStep.pivot
        self.linearPredictors = eta
        self.fittedValues = mu
        self.workingResiduals = (0..<n).map { (y[$0] - mu[$0]) / link.muEta(eta[$0]) }
        self.workingWeights = workingWeights
        self.priorWeights = weights
        self.response = y
        self.offset = offset
        self.trials = trials
        self.deviance = deviance
        let nullMean: [Double]
        if intercept {
            let total = weights.reduce(0, +)
            let mean = zip(weights, y).reduce(0) { $0 + $1.0 * $1.1 } / total
            nullMean = [Double](repeating: mean, count: n)
        } else {
            nullMean = offset.map(link.inverse)
        }
        self.nullDeviance = family.deviance(y: y, mu: nullMean, weights: weights)
        let informative = weights.filter { $0 != 0 }.count
        self.dfNull = informative - (intercept ? 1 : 0)
        self.dfResidual = informative - lastStep.rank
        self.aic = distribution.aic(y: y, n: trials, mu: mu, weights: weights, deviance: deviance) + 2 * Double(lastStep.rank)
        self.iterations = iterations
        self.converged = converged
        self.boundary = boundary
        self.lastStep = lastStep
        self.warnings = warnings
    }

    /// Aliased coefficients (NA in R).
    public var aliased: [Bool] { lastStep.aliased }

    /// R's `chol2inv(R)` of the last weighted fit over the kept columns, pivoted order.
    public var unscaledCovariance: [Double] { lastStep.unscaledCovariance }

    /// summary.glm's dispersion: 1 for binomial and Poisson, else the Pearson χ² over the
    /// residual degrees of freedom (from the working residuals and weights).
    public var dispersion: Double {
        if family.distribution.hasFixedDispersion { return 1 }
        guard dfResidual > 0 else { return .nan }
        var sum = 0.0
        for i in workingResiduals.indices where priorWeights[i] > 0 {
            sum += workingWeights[i] * workingResiduals[i] * workingResiduals[i]
        }
        return sum / Double(dfResidual)
    }

    /// Deviance residuals, sign(y − μ) √dᵢ.
    public var devianceResiduals: [Double] {
        response.indices.map { i in
            let d = max(family.distribution.devianceResidual(response[i], fittedValues[i], priorWeights[i]), 0)
            let r = d.squareRoot()
            return response[i] > fittedValues[i] ? r : -r
        }
    }

    /// Pearson residuals, (y − μ) √w / √V(μ).
    public var pearsonResiduals: [Double] {
        response.indices.map { i in
            (response[i] - fittedValues[i]) * priorWeights[i].squareRoot()
                / family.distribution.variance(fittedValues[i]).squareRoot()
        }
    }
}
