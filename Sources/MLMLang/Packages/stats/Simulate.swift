/// simulate() of lm and glm fits as stats' simulate.lm draws them: nsim new responses from the
/// fitted model (normal errors with the residual variance, or the family's own draws: binomial
/// proportions or factor levels, Poisson counts), as a data frame sim_1, ..., sim_nsim whose
/// "seed" attribute is the generator's state before the draws.
enum Simulate {
    static func install(_ interp: Interpreter) {
        interp.define("simulate", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "nsim", "seed", "..."], args, call: ctx.call)
            guard let object = m["object"] else { throw RError("argument \"object\" is missing, with no default") }
            guard object.inherits("lm") || object.inherits("merMod") else {
                let cls = (object.explicitClass ?? S3Library.implicitClass(object)).first ?? "NULL"
                throw RError("no applicable method for 'simulate' applied to an object of class \"\(cls)\"")
            }
            let nsim = m["nsim"]?.scalarInt() ?? 1
            // R and lme4 both stop on nsim < 1 (R by a names<- mismatch, lme4 by stopifnot).
            guard nsim >= 1 else { throw RError("'nsim' must be a positive integer", call: ctx.call) }
            let random = ctx.interpreter.random
            if let seed = m["seed"], !seed.isNullValue {
                guard let s = seed.scalarInt() else { throw RError("supplied seed is not a valid integer") }
                random.setSeed(UInt32(truncatingIfNeeded: s))
            }
            let state = random.seedVector
            // lme4's use.u = TRUE simulates conditionally on the fit's random effects.
            let useU = object.inherits("merMod") && (args.first { $0.name == "use.u" }?.value.logicalValue ?? false)
            if object.inherits("merMod"), let merMod = try MixedModelSimulate.simulate(object, nsim: nsim, seed: state, useU: useU, ctx) {
                return merMod
            }
            return try draws(object, nsim: nsim, seed: state, ctx)
        })
    }

    private static func draws(_ object: RValue, nsim: Int, seed: [Int], _ ctx: CallContext) throws -> RValue {
        let random = ctx.interpreter.random
        guard let fittedVector = ListFields.field(object, "fitted.values")?.asVector, let ftd = Coerce.doubles(fittedVector) else {
            throw RError("the fit has no fitted values")
        }
        let n = ftd.count, total = n * nsim
        let names = fittedVector.names?.map { $0 ?? "" }
        func split(_ values: [Double]) -> [RValue] { (0..<nsim).map { k in .double(Array(values[(k * n)..<((k + 1) * n)])) } }
        let glm = object.inherits("glm") ? try GeneralizedLinearModelObject(object, ctx) : nil
        var columns: [RValue]
        switch glm?.family.distribution {
        case nil, .gaussian?:
            // ftd + rnorm(ntot, sd = sqrt(deviance / df.residual / weights)).
            let deviance = ListFields.field(object, "deviance")?.doubleValue ?? .nan
            let df = ListFields.field(object, "df.residual")?.doubleValue ?? .nan
            let variance = deviance / df
            let weights = glm?.priorWeights ?? ListFields.field(object, "weights")?.asVector.flatMap { Coerce.doubles($0) }
            if let weights, weights.count != n { throw RError("the fit's weights do not fit its fitted values") }
            columns = split((0..<total).map { k -> Double in
                let v = weights.map { variance / $0[k % n] } ?? variance
                return ftd[k % n] + random.normRand() * v.squareRoot()
            })
        case .binomial?:
            let weights = glm?.priorWeights ?? []
            guard weights.allSatisfy({ $0.truncatingRemainder(dividingBy: 1) == 0 }) else {
                throw RError("cannot simulate from non-integer prior.weights")
            }
            if case .vector(let frame)? = ListFields.field(object, "model"), case .list(let items) = frame.storage,
               case .vector(let response)? = items.first {
                if response.isFactor, let levels = response.levels {
                    let codes = (0..<total).map { k in 1 + Int(random.binomial(size: 1, prob: ftd[k % n])) }
                    columns = (0..<nsim).map { k in
                        var f = RVector(.integer(Array(codes[(k * n)..<((k + 1) * n)])))
                        f.attributes["levels"] = .character(levels.map { Optional($0) })
                        f.attributes["class"] = .character(["factor"])
                        return .vector(f)
                    }
                    break
                }
                if (response.dim?.count ?? 0) == 2 {
                    throw RError("simulate() of a binomial glm with a cbind() response is not supported yet")
                }
            }
            columns = split((0..<total).map { k in random.binomial(size: weights[k % n], prob: ftd[k % n]) / weights[k % n] })
        case .poisson?:
            if glm?.priorWeights.contains(where: { $0 != 1 }) == true { ctx.interpreter.warning("ignoring prior weights", call: nil) }
            // rpois gives integers.
            let counts = (0..<total).map { k in Int(random.poisson(ftd[k % n])) }
            columns = (0..<nsim).map { k in .integer(Array(counts[(k * n)..<((k + 1) * n)])) }
        case .gamma?:
            let dispersion = glm?.dispersion ?? .nan
            columns = split((0..<total).map { k in random.gamma(shape: 1 / dispersion, scale: ftd[k % n] * dispersion) })
        }
        var df = DataFrame(columns: columns, names: (1...nsim).map { "sim_\($0)" }, rowCount: n, rowNames: names).value
        if case .vector(var v) = df {
            v.attributes["seed"] = .integer(seed)
            df = .vector(v)
        }
        return df
    }
}
