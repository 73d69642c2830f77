/// set.seed, the random variate generators (runif, rnorm, rexp) and sample.
enum RandomLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("runif", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "min", "max"], args, call: ctx.call)
            let random = ctx.interpreter.random
            return try generate(m["n"], [m["min"] ?? .scalar(0.0), m["max"] ?? .scalar(1.0)], ctx) { p in
                let (a, b) = (p[0], p[1])
                if !a.isFinite || !b.isFinite || b < a { return .nan }
                if a == b { return a }
                var u: Double
                repeat { u = random.unifRand() } while u <= 0 || u >= 1
                return a + (b - a) * u
            }
        })
        interp.define("rnorm", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "mean", "sd"], args, call: ctx.call)
            let random = ctx.interpreter.random
            return try generate(m["n"], [m["mean"] ?? .scalar(0.0), m["sd"] ?? .scalar(1.0)], ctx) { p in
                let (mu, sigma) = (p[0], p[1])
                if mu.isNaN || !sigma.isFinite || sigma < 0 { return .nan }
                if sigma == 0 || !mu.isFinite { return mu }
                return mu + sigma * random.normRand()
            }
        })
        interp.define("rexp", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "rate"], args, call: ctx.call)
            let random = ctx.interpreter.random
            return try generate(m["n"], [m["rate"] ?? .scalar(1.0)], ctx) { p in
                // R draws with scale = 1/rate.
                let scale = 1 / p[0]
                if !scale.isFinite || scale <= 0 { return scale == 0 ? 0 : .nan }
                return scale * random.expRand()
            }
        })
        interp.define("rgamma", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "shape", "rate", "scale"], args, call: ctx.call)
            guard let shape = m["shape"] else { throw RError("argument \"shape\" is missing, with no default") }
            let scale = try gammaScale(rate: m["rate"], scale: m["scale"], ctx)
            let random = ctx.interpreter.random
            return try generate(m["n"], [shape, scale], ctx) { random.gamma(shape: $0[0], scale: $0[1]) }
        })
        interp.define("rchisq", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "df", "ncp"], args, call: ctx.call)
            guard let df = m["df"] else { throw RError("argument \"df\" is missing, with no default") }
            let random = ctx.interpreter.random
            guard let ncp = m["ncp"] else {
                return try generate(m["n"], [df], ctx) { random.chiSquared($0[0]) }
            }
            return try generate(m["n"], [df, ncp], ctx) { random.nonCentralChiSquared($0[0], $0[1]) }
        })
        interp.define("rt", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "df", "ncp"], args, call: ctx.call)
            guard let df = m["df"] else { throw RError("argument \"df\" is missing, with no default") }
            if m["ncp"] != nil { throw RError("rt() with 'ncp' is not supported") }
            let random = ctx.interpreter.random
            return try generate(m["n"], [df], ctx) { p in
                let df = p[0]
                if df.isNaN || df <= 0 { return .nan }
                if !df.isFinite { return random.normRand() }
                // The normal is drawn before the chi-squared, as in R.
                let z = random.normRand()
                return z / (random.chiSquared(df) / df).squareRoot()
            }
        })
        interp.define("rbinom", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "size", "prob"], args, call: ctx.call)
            guard let size = m["size"] else { throw RError("argument \"size\" is missing, with no default") }
            guard let prob = m["prob"] else { throw RError("argument \"prob\" is missing, with no default") }
            let random = ctx.interpreter.random
            return try generate(m["n"], [size, prob], ctx, integer: true) { random.binomial(size: $0[0], prob: $0[1]) }
        })
        interp.define("rpois", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "lambda"], args, call: ctx.call)
            guard let lambda = m["lambda"] else { throw RError("argument \"lambda\" is missing, with no default") }
            let random = ctx.interpreter.random
            return try generate(m["n"], [lambda], ctx, integer: true) { random.poisson($0[0]) }
        })
        DistributionLibrary.install(interp)
    }

    // MARK: - set.seed

    static func setSeed(_ m: [String: RValue], _ ctx: CallContext) throws {
        let random = ctx.interpreter.random
        if let kind = try kindChoice(m["kind"], "kind", ["Wichmann-Hill", "Marsaglia-Multicarry", "Super-Duper",
                                                         "Mersenne-Twister", "Knuth-TAOCP", "user-supplied",
                                                         "Knuth-TAOCP-2002", "L'Ecuyer-CMRG", "default"]),
           kind != "Mersenne-Twister" && kind != "default" {
            throw RError("RNG kind \"\(kind)\" is not supported; only \"Mersenne-Twister\" is")
        }
        if let kind = try kindChoice(m["normal.kind"], "normal.kind", ["Buggy Kinderman-Ramage", "Ahrens-Dieter",
                                                                       "Box-Muller", "user-supplied", "Inversion",
                                                                       "Kinderman-Ramage", "default"]),
           kind != "Inversion" && kind != "default" {
            throw RError("normal kind \"\(kind)\" is not supported; only \"Inversion\" is")
        }
        if let kind = try kindChoice(m["sample.kind"], "sample.kind", ["Rounding", "Rejection", "default"]) {
            if kind == "Rounding" {
                try ctx.interpreter.signalWarning("non-uniform 'Rounding' sampler used", call: ctx.call)
                random.sampleKind = .rounding
            } else {
                random.sampleKind = .rejection
            }
        }
        let seed: UInt32
        if let s = m["seed"], !s.isNullValue {
            if case .vector(let v) = s, isText(v), let text = Coerce.strings(v).first ?? nil, Coerce.parseDouble(text) == nil {
                try ctx.interpreter.signalWarning("NAs introduced by coercion", call: ctx.call)
            }
            guard case .vector(let v) = s, v.count >= 1, let i = Coerce.integers(v)?.first, i != NAInteger else {
                throw RError("supplied seed is not a valid integer")
            }
            seed = UInt32(truncatingIfNeeded: i)
        } else {
            seed = RandomNumberState.timeSeed()
        }
        random.setSeed(seed)
    }

    /// The full name a kind argument partially matches, as R's `pmatch` picks it.
    private static func kindChoice(_ value: RValue?, _ what: String, _ choices: [String]) throws -> String? {
        guard let value, !value.isNullValue else { return nil }
        guard case .vector(let v) = value, isText(v), v.count == 1, let s = Coerce.strings(v)[0] else {
            throw RError("'\(what)' must be a character string of length 1")
        }
        if choices.contains(s) { return s }
        let partial = choices.filter { $0.hasPrefix(s) }
        guard partial.count == 1, !s.isEmpty else { throw RError("'\(s)' is not a valid choice") }
        return partial[0]
    }

    static func isText(_ v: RVector) -> Bool {
        if case .character = v.storage { return true }
        return false
    }

    // MARK: - Generators

    /// R's `random1`/`random2`: `n` values (or as many as `n` has elements when it is longer
    /// than one), the parameters recycled, "NAs produced" when a draw is not a number.
    static func generate(_ nArg: RValue?, _ parameters: [RValue], _ ctx: CallContext, integer: Bool = false,
                         draw: ([Double]) -> Double) throws -> RValue {
        guard let nArg else { throw RError("argument \"n\" is missing, with no default") }
        let n = try resultLength(nArg)
        var columns: [[Double]] = []
        for p in parameters {
            guard case .vector(let v) = p.isNullValue ? .double([]) : p, !isText(v), !v.isFactor,
                  v.storage.rank <= 2, let d = Coerce.doubles(v) else {
                throw RError("invalid arguments")
            }
            columns.append(d)
        }
        if n == 0 { return integer ? .integer([]) : .double([]) }
        if columns.contains(where: \.isEmpty) {
            try ctx.interpreter.signalWarning("NAs produced", call: ctx.call)
            return integer ? .integer([Int](repeating: NAInteger, count: n)) : .double([Double](repeating: NAReal, count: n))
        }
        var out = [Double](repeating: 0, count: n)
        var producedNaN = false
        var drawParameters = [Double](repeating: 0, count: columns.count)
        for i in 0..<n {
            for k in columns.indices { drawParameters[k] = columns[k][i % columns[k].count] }
            out[i] = draw(drawParameters)
            if out[i].isNaN { producedNaN = true }
        }
        if producedNaN { try ctx.interpreter.signalWarning("NAs produced", call: ctx.call) }
        // Counts come back as integers unless one is too large for R's integers.
        if integer && !out.contains(where: { !$0.isNaN && ($0 > Double(Int32.max) || $0 <= Double(Int32.min)) }) {
            return .integer(out.map { $0.isNaN ? NAInteger : Int($0) })
        }
        return .double(out)
    }

    /// rgamma's scale: given directly, or as 1/rate; both only if they agree.
    private static func gammaScale(rate: RValue?, scale: RValue?, _ ctx: CallContext) throws -> RValue {
        switch (rate, scale) {
        case (nil, nil): return .scalar(1.0)
        case (let r?, nil): return try ArithmeticLibrary.arithmetic("/", .scalar(1.0), r, ctx)
        case (nil, let s?): return s
        case (let r?, let s?):
            let product = (r.scalarDouble() ?? .nan) * (s.scalarDouble() ?? .nan)
            if abs(product - 1) < 1e-15 {
                try ctx.interpreter.signalWarning("specify 'rate' or 'scale' but not both", call: ctx.call)
                return s
            }
            throw RError("specify 'rate' or 'scale' but not both")
        }
    }

    private static func resultLength(_ n: RValue) throws -> Int {
        guard case .vector(let v) = n else { throw RError("invalid arguments") }
        if v.count != 1 { return v.count }
        guard let d = Coerce.doubles(v)?.first, !d.isNaN, d >= 0, d < Double(Int32.max) else {
            throw RError("invalid arguments")
        }
        return Int(d)
    }
}
