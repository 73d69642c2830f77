import Foundation

/// `GeneralizedLinearMixedModel`: a GLMM g(E[y | b]) = offset + Xβ + Zb, b = Λθ u, u ~ N(0, I),
/// fitted as lme4's `glmer` fits it (Bates et al., lme4's glmer vignette):
///
/// - PIRLS (`pirls`): for fixed θ (and β in the second stage), the conditional modes of u by
///   penalized iteratively reweighted least squares, each step the weighted PLS problem of a
///   linear mixed model (`LinearMixedModel` with the working weights and response), halving
///   toward the previous iterate while the penalized deviance grows;
/// - the Laplace approximation to the deviance: log det(Λ'Z'WZΛ + I) + ‖u‖² − 2 log p(y | u)
///   (lme4's `ldL2 + sqrL + aic()`), or adaptive Gauss–Hermite quadrature (nAGQ > 1) for a
///   single scalar random-effects term;
/// - lme4's two stages: θ alone by BOBYQA with β inside PIRLS (nAGQ = 0), then (θ, β)
///   together by lme4's Nelder–Mead from there, each PIRLS run starting from the same
///   linear predictor.
public final class GeneralizedLinearMixedModel {
    public let family: GLMFamily
    /// Random-effects terms in lme4's order (decreasing number of levels).
    public let terms: [RandomEffectsTerm]
    public let x: DesignMatrix
    /// The response as the family sees it (binomial: proportions).
    public let y: [Double]
    /// Prior weights (binomial: times the number of trials).
    public let priorWeights: [Double]
    /// The binomial numbers of trials (1 elsewhere), for the family's AIC.
    public let trials: [Double]
    public let offset: [Double]
    public let nAGQ: Int
    public var n: Int { y.count }
    public var p: Int { x.columns }

    /// The PIRLS tolerance, glmerControl(tolPwrss = 1e-7), and its iteration limit.
    public var tolerance = 1e-7
    /// Asked before each evaluation of the deviance: an error to stop the fit with (the
    /// session's time limit, step budget or an interrupt), or nil to go on.
    public var interruption: (() -> Error?)?
    /// The error that stopped the fit, rethrown when the optimizer returns.
    public private(set) var stopped: Error?
    public var maxIterations = 100

    /// The weighted PLS problems PIRLS solves, kept between steps and reweighted: with X
    /// (β and u together) and without it (u alone, β fixed).
    private var plsWithFixedEffects: LinearMixedModel?
    private var plsRandomEffectsOnly: LinearMixedModel?

    /// Where each PIRLS run starts (lme4's lp0): Xβ + Zb without the offset.
    var startPredictor: [Double]

    /// State at the last evaluation.
    public internal(set) var theta: [Double]
    public internal(set) var beta: [Double]
    public internal(set) var u: [[Double]] = []
    public internal(set) var mu: [Double] = []
    public internal(set) var eta: [Double] = []
    /// dμ/dη at η.
    var muEta: [Double] = []
    /// Σ dev.resids at μ, as the last PIRLS update left it.
    private var devianceResidualTotal = 0.0
    public internal(set) var ldL2 = 0.0
    /// The last PLS fit (its L gives the conditional variances and RX).
    public internal(set) var lastStep: LinearMixedModel?
    public internal(set) var optimizerResult: NelderMead.Result?
    /// The working weights of the last PIRLS step, at which lme4's decomposition is left (RX,
    /// L): those of the μ before the step, not of the final μ.
    var lastWorkingWeights: [Double] = []
    /// The optimizer of the last stage, as lme4's optinfo names it.
    public internal(set) var optimizerName = "Nelder_Mead"
    /// The PLS decomposition with X at the final working weights: RX for vcov's fallback and L
    /// for the conditional variances, as lme4's pp holds them after the fit.
    public internal(set) var finalDecomposition: LinearMixedModel?
    public internal(set) var stageOneEvaluations = 0
    /// minqa's code and message at the end of stage 1 (0, "Normal exit from bobyqa" when it
    /// converged), which lme4 turns into a warning otherwise.
    public internal(set) var stageOneCode: (code: Int, message: String) = (0, "")
    /// minqa's message when stage 2 ran bobyqa and did not end normally.
    public internal(set) var stageTwoMessage: String?
    /// The numerical gradient and Hessian of the deviance at the optimum over (θ, β), as
    /// lme4's optinfo$derivs; nil when not computed (singular fits).
    public internal(set) var derivatives: (gradient: [Double], hessian: [Double])?

    public init(x: DesignMatrix, y: [Double], family: GLMFamily, terms: [RandomEffectsTerm], priorWeights: [Double],
                trials: [Double], offset: [Double], mustart: [Double], nAGQ: Int = 1) throws {
        guard !terms.isEmpty else { throw MixedModelsError("No random effects terms specified in formula") }
        guard [y.count, priorWeights.count, trials.count, offset.count, mustart.count].allSatisfy({ $0 == x.rows }) else {
            throw MixedModelsError("incompatible dimensions")
        }
        guard (0...100).contains(nAGQ) else { throw MixedModelsError("nAGQ must be between 0 and 100") }
        if nAGQ > 1, terms.count != 1 || terms[0].q != 1 {
            throw MixedModelsError("nAGQ > 1 is only available for models with a single, scalar random-effects term")
        }
        guard priorWeights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw MixedModelsError("prior weights must be positive and finite")
        }
        self.family = family
        self.terms = terms.enumerated()
            .sorted { ($0.element.levelCount, $1.offset) > ($1.element.levelCount, $0.offset) }
            .map(\.element)
        self.x = x
        self.y = y
        self.priorWeights = priorWeights
        self.trials = trials
        self.offset = offset
        self.nAGQ = nAGQ
        self.theta = self.terms.flatMap(\.initialTheta)
        self.beta = [Double](repeating: 0, count: x.columns)
        // lme4 starts from the family's μ start, eta = g(mustart) (the offset inside it).
        self.startPredictor = zip(mustart.map(family.link.link), offset).map { $0 - $1 }
        // mkGlmerDevfun's first PIRLS run, β and u together at the initial θ, gives lp0.
        _ = try pirls(theta: theta, beta: nil)
        startPredictor = zip(eta, offset).map { $0 - $1 }
    }

    public var lowerBounds: [Double] { terms.flatMap(\.lowerBounds) }
    public var thetaNames: [String] { terms.flatMap(\.thetaNames) }

    // MARK: - PIRLS

    /// PIRLS from `startPredictor`: u (and β when `beta` is nil) at the conditional mode for θ;
    /// returns the Laplace deviance (or the AGQ deviance when nAGQ > 1 and β is given).
    @discardableResult
    public func pirls(theta: [Double], beta fixedBeta: [Double]?) throws -> Double {
        if let stop = interruption?() {
            stopped = stop
            throw stop
        }
        let fixedPart: [Double]? = fixedBeta.map { b in (0..<n).map { r in (0..<p).reduce(0.0) { $0 + x.values[r + $1 * n] * b[$1] } } }
        let totalOffset = fixedPart.map { zip(offset, $0).map { $0 + $1 } } ?? offset
        setPredictor(zip(startPredictor, offset).map { $0 + $1 })
        var oldPdev = Double.greatestFiniteMagnitude
        var previous: (u: [[Double]], beta: [Double])?
        var converged = false
        let empty = try DesignMatrix(columns: [], rows: n)
        var w = [Double](repeating: 0, count: n), z = [Double](repeating: 0, count: n)
        for _ in 0..<maxIterations {
            // The working weights and response of the current μ, less the offset (and Xβ).
            guard workingWeightsAndResponse(totalOffset, weights: &w, response: &z) else {
                throw MixedModelsError("PIRLS loop resulted in NaN value")
            }
            let step: LinearMixedModel
            if let existing = fixedBeta == nil ? plsWithFixedEffects : plsRandomEffectsOnly {
                try existing.reweight(response: z, weights: w, theta: theta)
                step = existing
            } else {
                step = try LinearMixedModel(x: fixedBeta == nil ? x : empty, y: z, terms: terms, weights: w, reml: false)
                try step.setTheta(theta)
                if fixedBeta == nil { plsWithFixedEffects = step } else { plsRandomEffectsOnly = step }
            }
            var newU = step.u, newBeta = fixedBeta ?? step.beta
            lastStep = step
            lastWorkingWeights = w
            ldL2 = step.ldL2
            var pdev = update(newU, newBeta, theta: theta, totalOffset: fixedBeta == nil ? offset : totalOffset,
                              includeX: fixedBeta == nil)
            if abs((oldPdev - pdev) / pdev) < tolerance { converged = true; commit(newU, newBeta); break }
            if pdev.isNaN || pdev > oldPdev, let previous {
                // Step halving toward the previous iterate.
                var k = 0
                while k < 20 && (pdev.isNaN || pdev > oldPdev) {
                    newU = zip(previous.u, newU).map { zip($0, $1).map { ($0 + $1) / 2 } }
                    if fixedBeta == nil { newBeta = zip(previous.beta, newBeta).map { ($0 + $1) / 2 } }
                    pdev = update(newU, newBeta, theta: theta, totalOffset: fixedBeta == nil ? offset : totalOffset,
                                  includeX: fixedBeta == nil)
                    k += 1
                }
                if pdev.isNaN { throw MixedModelsError("PIRLS loop resulted in NaN value") }
                if pdev - oldPdev > tolerance {
                    throw MixedModelsError("(maxstephalfit) PIRLS step-halvings failed to reduce deviance in pwrssUpdate")
                }
            }
            commit(newU, newBeta)
            previous = (newU, newBeta)
            oldPdev = pdev
        }
        if !converged { throw MixedModelsError("pwrssUpdate did not converge in (maxit) iterations") }
        self.theta = theta
        if nAGQ > 1, fixedBeta != nil { return try adaptiveQuadratureDeviance() }
        // The Laplace deviance, its AIC from the deviance residuals PIRLS has just summed where
        // the family allows (see `saturatedAIC`).
        guard let saturatedAIC else { return laplaceDeviance }
        return ldL2 + ussq + devianceResidualTotal + saturatedAIC
    }

    private func commit(_ newU: [[Double]], _ newBeta: [Double]) {
        u = newU
        beta = newBeta
    }

    /// glm's working weights w = prior · (dμ/dη)² / V(μ) and working response
    /// z = η − offset + (y − μ) / (dμ/dη) at the current η; false if any is not finite (or a
    /// weight not positive).
    private func workingWeightsAndResponse(_ totalOffset: [Double], weights w: inout [Double], response z: inout [Double]) -> Bool {
        let distribution = family.distribution
        var valid = true
        w.withUnsafeMutableBufferPointer { w in z.withUnsafeMutableBufferPointer { z in
        eta.withUnsafeBufferPointer { eta in mu.withUnsafeBufferPointer { mu in muEta.withUnsafeBufferPointer { muEta in
        y.withUnsafeBufferPointer { y in priorWeights.withUnsafeBufferPointer { prior in
        totalOffset.withUnsafeBufferPointer { totalOffset in
            for i in 0..<w.count {
                let d = muEta[i]
                let weight = prior[i] * d * d / distribution.variance(mu[i])
                let response = eta[i] - totalOffset[i] + (y[i] - mu[i]) / d
                w[i] = weight
                z[i] = response
                valid = valid && weight > 0 && weight.isFinite && response.isFinite
            }
        } } } } } } } }
        return valid
    }

    /// Sets η, and μ and dμ/dη from it.
    private func setPredictor(_ newEta: [Double]) {
        eta = newEta
        if mu.count != n { mu = [Double](repeating: 0, count: n) }
        if muEta.count != n { muEta = [Double](repeating: 0, count: n) }
        eta.withUnsafeBufferPointer { eta in mu.withUnsafeMutableBufferPointer { mu in
            muEta.withUnsafeMutableBufferPointer { muEta in family.link.inverseAndDerivative(eta, mu: mu, muEta: muEta) }
        } }
    }

    /// Sets η, μ and dμ/dη from u and β; returns the penalized deviance Σ devResid + ‖u‖².
    private func update(_ u: [[Double]], _ beta: [Double], theta: [Double], totalOffset: [Double], includeX: Bool) -> Double {
        var newEta = randomPart(u, theta: theta)
        newEta.withUnsafeMutableBufferPointer { e in totalOffset.withUnsafeBufferPointer { offset in
            x.values.withUnsafeBufferPointer { x in
                let n = e.count
                for i in 0..<n {
                    var value = offset[i] + e[i]
                    if includeX { for c in 0..<beta.count { value += x[i &+ c &* n] * beta[c] } }
                    e[i] = value
                }
            }
        } }
        setPredictor(newEta)
        devianceResidualTotal = y.withUnsafeBufferPointer { y in mu.withUnsafeBufferPointer { mu in
            priorWeights.withUnsafeBufferPointer { family.distribution.devianceResidualSum(y, mu, $0) }
        } }
        return devianceResidualTotal + u.joined().reduce(0) { $0 + $1 * $1 }
    }

    /// ZΛθu.
    func randomPart(_ u: [[Double]], theta: [Double]) -> [Double] {
        RandomEffectsTerm.linearPredictor(terms, theta: theta, u: u)
    }

    /// −2 log p(y | u) from the family's AIC at μ (lme4's resp$aic()).
    public var conditionalAIC: Double {
        family.distribution.aic(y: y, n: trials, mu: mu, weights: priorWeights, deviance: devianceResidualSum)
    }

    public var devianceResidualSum: Double {
        (0..<n).reduce(0) { $0 + family.distribution.devianceResidual(y[$1], mu[$1], priorWeights[$1]) }
    }

    /// −2 log p(y | μ) of the saturated model when the AIC is the deviance plus it (the binomial
    /// with whole counts, the Poisson), checked against the family's AIC at the start.
    private lazy var saturatedAIC: Double? = {
        guard let constant = family.distribution.saturatedAIC(y: y, trials: trials, weights: priorWeights) else { return nil }
        let direct = conditionalAIC, viaDeviance = devianceResidualSum + constant
        return abs(direct - viaDeviance) <= 1e-9 * max(1, abs(direct)) ? constant : nil
    }()

    public var ussq: Double { u.joined().reduce(0) { $0 + $1 * $1 } }

    /// lme4's Laplace: ldL2 + ‖u‖² + aic().
    public var laplaceDeviance: Double { ldL2 + ussq + conditionalAIC }

    /// lme4's glmerAGQ: per level, the squared mode plus its deviance residuals, and the
    /// quadrature over z around the mode with scale 1/L_jj.
    private func adaptiveQuadratureDeviance() throws -> Double {
        guard let step = lastStep else { return .nan }
        let term = terms[0], q = term.levelCount
        let rule = GaussHermite.rule(nAGQ)
        func perLevel(_ uValues: [Double]) -> [Double] {
            var sums = uValues.map { $0 * $0 }
            for i in 0..<n { sums[term.refs[i]] += family.distribution.devianceResidual(y[i], mu[i], priorWeights[i]) }
            return sums
        }
        let mode = u[0]
        let devc0 = perLevel(mode)
        let sd = step.diagonalOfFirstBlock.map { 1 / $0 }
        var mult = [Double](repeating: 0, count: q)
        let lambda = theta[0]
        let fixedPart = (0..<n).map { r in (0..<p).reduce(0.0) { $0 + x.values[r + $1 * n] * beta[$1] } }
        for (z, weight, logDensity) in rule {
            if z == 0 {
                for k in 0..<q { mult[k] += weight }
                continue
            }
            let moved = (0..<q).map { mode[$0] + z * sd[$0] }
            for i in 0..<n {
                let e = offset[i] + fixedPart[i] + term.value(i, 0) * lambda * moved[term.refs[i]]
                mu[i] = family.link.inverse(e)
            }
            let devc = perLevel(moved)
            for k in 0..<q { mult[k] += exp(-0.5 * (devc[k] - devc0[k]) - logDensity) * weight / (2 * Double.pi).squareRoot() }
        }
        // Restore μ at the mode.
        _ = update(u, beta, theta: theta, totalOffset: zip(offset, fixedPart).map { $0 + $1 }, includeX: false)
        return devc0.reduce(0, +) + ldL2 - 2 * mult.reduce(0) { $0 + log($1) }
    }
}
