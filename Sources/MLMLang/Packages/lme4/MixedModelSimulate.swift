import MixedModels

/// simulate() of lmer and glmer fits as lme4's .simulateFun draws them. With re.form = NA (the
/// default): new spherical random effects u ~ N(0, I) for every simulation first (ZΛu), then the
/// response — for a linear model Xβ + σ(ZΛu + ε), for a GLMM the family's draws at
/// g⁻¹(Xβ + ZΛu). With use.u = TRUE (re.form = NULL) the fit's own conditional modes stay: the
/// response is drawn around the fitted values, Xβ + Zb + σε or the family's draws at μ.
enum MixedModelSimulate {
    static func simulate(_ object: RValue, nsim: Int, seed: [Int], useU: Bool = false, _ ctx: CallContext) throws -> RValue? {
        let random = ctx.interpreter.random
        let terms: [RandomEffectsTerm], theta: [Double], fixed: [Double]
        let glmm = ctx.interpreter.generalizedModel(of: object)
        if let glmm {
            (terms, theta, fixed) = (glmm.terms, glmm.theta, glmm.fixedEffectPredictions)
        } else if let model = ctx.interpreter.model(of: object) {
            (terms, theta, fixed) = (model.terms, model.theta, model.fixedEffectPredictions)
        } else {
            return nil
        }
        let n = fixed.count
        if useU {
            let columns: [RValue]
            if let glmm {
                columns = try familyDraws(glmm, object: object, mu: (0..<nsim).flatMap { _ in glmm.mu }, n: n, nsim: nsim, ctx)
            } else if let model = ctx.interpreter.model(of: object) {
                let fitted = model.fittedValues, sigma = model.sigma
                let noise = (0..<(n * nsim)).map { _ in random.normRand() }
                columns = (0..<nsim).map { k in .double((0..<n).map { fitted[$0] + sigma * noise[k * n + $0] }) }
            } else {
                return nil
            }
            return frame(columns, object: object, glmm: glmm, n: n, nsim: nsim, seed: seed)
        }
        // U = ZΛ, u = rnorm(ncol(U) * nsim), one column of u per simulation.
        let perSimulation = terms.reduce(0) { $0 + $1.columnCount }
        let draws = (0..<(perSimulation * nsim)).map { _ in random.normRand() }
        var reff: [[Double]] = []
        for k in 0..<nsim {
            var offset = k * perSimulation
            let u = terms.map { term -> [Double] in
                defer { offset += term.columnCount }
                return Array(draws[offset..<(offset + term.columnCount)])
            }
            reff.append(RandomEffectsTerm.linearPredictor(terms, theta: theta, u: u))
        }
        var columns: [RValue] = []
        if let glmm {
            let link = glmm.family.link
            let mu = (0..<nsim).flatMap { k in (0..<n).map { link.inverse(fixed[$0] + reff[k][$0]) } }
            columns = try familyDraws(glmm, object: object, mu: mu, n: n, nsim: nsim, ctx)
        } else if let model = ctx.interpreter.model(of: object) {
            let sigma = model.sigma
            let noise = (0..<(n * nsim)).map { _ in random.normRand() }
            columns = (0..<nsim).map { k in .double((0..<n).map { fixed[$0] + sigma * (reff[k][$0] + noise[k * n + $0]) }) }
        }
        return frame(columns, object: object, glmm: glmm, n: n, nsim: nsim, seed: seed)
    }

    /// The simulations as the data frame lme4 returns: sim_1 ... sim_nsim, the fit's row names,
    /// the generator's state before the draws as "seed".
    private static func frame(_ columns: [RValue], object: RValue, glmm: GeneralizedLinearMixedModel?, n: Int, nsim: Int,
                              seed: [Int]) -> RValue {
        let stored = glmm.map { GeneralizedMixedModelMethods.rowNames(object, $0) } ?? []
        let rowNames = stored.count == n ? stored : (0..<n).map { String($0 + 1) }
        var df = DataFrame(columns: columns, names: (0..<nsim).map { "sim_\($0 + 1)" }, rowCount: n, rowNames: rowNames).value
        if case .vector(var v) = df {
            v.attributes["seed"] = .integer(seed)
            df = .vector(v)
        }
        return df
    }

    /// lme4's simfunList draws for binomial (proportions or factor levels) and Poisson fits.
    private static func familyDraws(_ glmm: GeneralizedLinearMixedModel, object: RValue, mu: [Double], n: Int, nsim: Int,
                                    _ ctx: CallContext) throws -> [RValue] {
        let random = ctx.interpreter.random
        let weights = glmm.priorWeights
        switch glmm.family.distribution {
        case .binomial:
            guard weights.allSatisfy({ $0.truncatingRemainder(dividingBy: 1) == 0 }) else {
                throw RError("cannot simulate from non-integer prior.weights")
            }
            if glmm.trials.contains(where: { $0 != 1 }) {
                throw RError("simulate() of a glmer fit with a cbind() response is not supported yet")
            }
            let response = try responseFactorLevels(object, ctx)
            let values = (0..<(n * nsim)).map { random.binomial(size: weights[$0 % n], prob: mu[$0]) }
            return (0..<nsim).map { k in
                let slice = Array(values[(k * n)..<((k + 1) * n)])
                if let levels = response {
                    var f = RVector(.integer(slice.map { Int($0) + 1 }))
                    f.attributes["levels"] = .character(levels.map { Optional($0) })
                    f.attributes["class"] = .character(["factor"])
                    return .vector(f)
                }
                return .double(zip(slice, (0..<n).map { weights[$0] }).map { $0 / $1 })
            }
        case .poisson:
            if weights.contains(where: { $0 != 1 }) { ctx.interpreter.warning("ignoring prior weights", call: nil) }
            let counts = (0..<(n * nsim)).map { Int(random.poisson(mu[$0])) }
            return (0..<nsim).map { k in .integer(Array(counts[(k * n)..<((k + 1) * n)])) }
        default:
            throw RError("simulate() of a \(glmm.family.distribution.rawValue) glmer fit is not supported yet")
        }
    }

    /// The levels of a factor response, read from the fit's data; nil for a numeric one.
    private static func responseFactorLevels(_ object: RValue, _ ctx: CallContext) throws -> [String]? {
        guard case .language(let f)? = ListFields.field(object, "formula"), case .call(let c) = f.expr, c.arguments.count == 2,
              case .language(let dataExpr)? = ListFields.field(object, "data") else { return nil }
        let data = try ctx.interpreter.eval(dataExpr.expr, ctx.env)
        let value = try ctx.interpreter.eval(c.arguments[0].value, ModelMatrix.mask(data, env: ctx.env))
        guard case .vector(let v) = value, v.isFactor else { return nil }
        return v.levels
    }
}
