import MixedModels

/// lmer(): the formula split into fixed and random parts, design matrices built from the
/// data, and the fit by MixedModels' LinearMixedModel (lme4's method). The R object is a list
/// of class "lmerMod"; the Swift model stays in the session, keyed by the object's id, for
/// refits and summaries.
enum MixedModelLibrary {
    static let formals = ["formula", "data", "REML", "control", "start", "verbose", "subset", "weights", "na.action", "offset"]

    static func install(_ interp: Interpreter) {
        interp.define("lmer", special: { ctx, args in
            let i = ctx.interpreter
            var call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location), formals: formals)
            func argument(_ name: String) throws -> RValue? {
                try call.arguments.first { $0.name == name }.map { try i.eval($0.value, ctx.env) }
            }
            guard case .language(var f)? = try argument("formula") else {
                throw RError("argument \"formula\" is missing, with no default", call: ctx.call)
            }
            if DoubleVerticalBars.contains(f.expr) {
                f = Language(try DoubleVerticalBars.expand(f.expr), attributes: f.attributes)
                call = Call(call.function, call.arguments.map { $0.name == "formula" ? Argument(name: "formula", f.expr) : $0 }, location: call.location)
            }
            // Arguments the fit would otherwise pass over: an error, never a fit of other data.
            for unsupported in ["weights", "subset", "offset"] where call.arguments.contains(where: { $0.name == unsupported }) {
                throw RError("lmer(\(unsupported) = ) is not supported yet", call: ctx.call)
            }
            // na.omit is what the fit does; na.exclude fits the same rows and differs only where
            // rows were dropped (residuals padded with NA), which is not supported yet.
            let naAction = try call.arguments.first { $0.name == "na.action" }.map { a -> String in
                if case .symbol(let name) = a.value { return name }
                if let name = try i.eval(a.value, ctx.env).stringValue { return name }
                return "?"
            }
            if let naAction, !["na.omit", "na.exclude", "na.fail"].contains(naAction) {
                throw RError("lmer(na.action = \(naAction)) is not supported yet", call: ctx.call)
            }
            let data = try argument("data") ?? .null
            var reml = try argument("REML")?.logicalValue ?? true
            if let method = call.arguments.first(where: { $0.name == "method" }), try i.eval(method.value, ctx.env).stringValue == "ML" {
                i.warning("Argument method is deprecated.\nPlease use the REML argument to specify ML or REML estimation.", call: ctx.call)
                reml = false
            }
            let control = try argument("control") ?? .null
            let ignoreLevels = ListFields.field(control, "check.nlev.gtr.1")?.stringValue == "ignore"
            let settings = try MixedModelConvergence.settings(control)
            let model = try build(f, data: data, reml: reml, ignoreSingleLevel: ignoreLevels, ctx: ctx)
            if let naAction, naAction != "na.omit", let rows = DataFrame(data)?.rowCount, rows != model.n {
                if naAction == "na.fail" { throw RError("missing values in object", call: ctx.call) }
                throw RError("lmer(na.action = na.exclude) of data with missing values is not supported yet", call: ctx.call)
            }
            let summary: OptSummary
            do { summary = try model.fit(settings: settings) } catch let e as MixedModelsError { throw RError(e.description, call: ctx.call) }
            try MixedModelConvergence.signal(summary, i)
            return object(model, call: call, formula: f.expr, dataExpr: call.arguments.first { $0.name == "data" }?.value, data: data,
                          interpreter: i)
        })
        interp.define("lmerControl", { _, args in
            .list(args.map(\.value), names: args.map { $0.name ?? "" })
        })
        interp.define("print.merMod", { ctx, args in
            if let m = args.first?.value, let glmm = ctx.interpreter.generalizedModel(of: m) {
                ctx.interpreter.write(try GeneralizedMixedModelPrinting.printGlmerMod(m, glmm, RCalls(ctx)))
                ctx.interpreter.visible = false
                return m
            }
            guard let m = args.first?.value, let model = ctx.interpreter.model(of: m) else { throw RError("invalid 'merMod' object") }
            ctx.interpreter.write(try MixedModelPrinting.printMerMod(m, model, RCalls(ctx)))
            ctx.interpreter.visible = false
            return m
        })
        interp.define("getME", { ctx, args in
            let name = args.dropFirst().first?.value.stringValue ?? ""
            let named = NamedValues.doubles
            if let m = args.first?.value, let glmm = ctx.interpreter.generalizedModel(of: m) {
                switch name {
                case "theta": return named(glmm.theta, glmm.thetaNames)
                case "beta": return .double(glmm.beta)
                case "n": return .scalar(glmm.n)
                case "p": return .scalar(glmm.p)
                case "u": return .double(Array(glmm.u.joined()))
                case "b": return .double(Array(glmm.b.joined()))
                case "RX":
                    guard let rx = glmm.finalDecomposition?.fixedEffectsFactor else { return .null }
                    return LinearModelInference.matrix(rx, rows: glmm.x.names, columns: glmm.x.names)
                default: throw RError("'arg' should be one of \u{201C}theta\u{201D}, \u{201C}beta\u{201D}, \u{201C}n\u{201D}, \u{201C}p\u{201D}, \u{201C}u\u{201D}, \u{201C}b\u{201D}")
                }
            }
            guard let m = args.first?.value, let model = ctx.interpreter.model(of: m) else { throw RError("invalid 'merMod' object") }
            switch name {
            case "theta": return named(model.theta, model.thetaNames)
            case "beta": return .double(model.beta)
            case "sigma": return .scalar(model.sigma)
            case "n": return .scalar(model.n)
            case "p": return .scalar(model.beta.count)
            case "devcomp": return .scalar(model.reml ? 1 : 0)
            // lme4's dims["REML"]: the number of fixed effects the REML criterion counts, 0 for ML.
            case "REML": return .scalar(model.reml ? (model.remlFixedEffectCount ?? model.p) : 0)
            case "is_REML": return .scalar(model.reml)
            case "N": return .scalar(model.n)
            case "y": return .double(model.response)
            case "mu": return .double(model.fittedValues)
            case "u": return .double(Array(model.u.joined()))
            case "fixef": return named(model.beta, model.fixedEffectNames)
            case "lower": return named(model.lowerBounds, model.thetaNames)
            case "Gp":
                var offsets = [0]
                for term in model.terms { offsets.append(offsets.last! + term.columnCount) }
                return .integer(offsets)
            case "n_rtrms": return .scalar(model.terms.count)
            case "cnms":
                return .list(model.terms.map { .character($0.columnNames.map { Optional($0) }) }, names: model.terms.map(\.grouping))
            case "flist":
                // One factor per grouping factor (terms on the same factor share it), "assign"
                // mapping each term to its factor.
                var names: [String] = [], factors: [RValue] = [], assign: [Int] = []
                for term in model.terms {
                    let group = MixedModelPrinting.unsuffixed(term.grouping) ?? term.grouping
                    if let k = names.firstIndex(of: group) { assign.append(k + 1); continue }
                    var f = RVector(.integer(term.refs.map { $0 + 1 }))
                    f.attributes["levels"] = .character(term.levels.map { Optional($0) })
                    f.attributes["class"] = .character(["factor"])
                    names.append(group)
                    factors.append(.vector(f))
                    assign.append(names.count)
                }
                guard case .vector(var list) = RValue.list(factors, names: names) else { return .null }
                list.attributes["assign"] = .integer(assign)
                return .vector(list)
            case "X":
                guard let (x, _, _) = ctx.interpreter.mixedModelInputs[ObjectIdentifier(model)] else { return .null }
                let kept = model.fixedEffectNames.compactMap { x.names.firstIndex(of: $0) }
                var values: [Double] = []
                for c in kept { values += x.values[(c * x.rows)..<((c + 1) * x.rows)] }
                var v = RVector(.double(values))
                v.attributes["dim"] = .integer([x.rows, kept.count])
                v.attributes["dimnames"] = .list([.character((1...max(x.rows, 1)).prefix(x.rows).map { Optional(String($0)) }),
                                                 .character(model.fixedEffectNames.map { Optional($0) })])
                if let (_, assign) = ctx.interpreter.mixedModelFixedTerms[ObjectIdentifier(model)] {
                    v.attributes["assign"] = .integer(kept.map { $0 < assign.count ? assign[$0] : NAInteger })
                }
                v.attributes["msgScaleX"] = .character([])
                return .vector(v)
            default:
                throw RError("getME(, \"\(name)\") is not available in mlmd yet; it has theta, beta, sigma, n, p, N, y, mu, u, fixef, lower, Gp, n_rtrms, cnms, flist, X, REML, is_REML")
            }
        })
        // lme4's weights(): the prior weights (1 for an unweighted fit).
        interp.define("weights.merMod", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "type", "..."], args, call: ctx.call)
            guard let object = m["object"] else { throw RError("argument \"object\" is missing, with no default") }
            let type = m["type"]?.stringValue ?? "prior"
            guard ["prior", "working"].contains(type) else {
                throw RError("'arg' should be one of \u{201C}prior\u{201D}, \u{201C}working\u{201D}")
            }
            if let glmm = ctx.interpreter.generalizedModel(of: object) {
                guard type == "prior" else { throw RError("weights(type = \"working\") of glmer fits is not available in mlmd yet") }
                return .double(glmm.priorWeights)
            }
            guard let model = ctx.interpreter.model(of: object) else { throw RError("invalid 'merMod' object") }
            return .double(model.weights ?? [Double](repeating: 1, count: model.n))
        })
        interp.define("REMLcrit", { ctx, args in
            guard let m = args.first?.value, let model = ctx.interpreter.model(of: m) else { return .null }
            guard model.reml else { throw RError("REMLcrit of a model fitted by maximum likelihood") }
            return .scalar(model.objective)
        })
        interp.define("fixef", { ctx, args in
            if let m = args.first?.value, let glmm = ctx.interpreter.generalizedModel(of: m) {
                var v = RVector(.double(glmm.beta))
                v.names = glmm.x.names.map { Optional($0) }
                return .vector(v)
            }
            guard let m = args.first?.value, let model = ctx.interpreter.model(of: m) else { throw RError("fixef() needs a model fitted by lmer or glmer") }
            var v = RVector(.double(model.beta))
            v.names = model.fixedEffectNames.map { Optional($0) }
            return .vector(v)
        })
    }


    /// The model fitted by ML: itself when it already is, else a refit on the same data.
    static func maximumLikelihood(_ model: LinearMixedModel, _ interpreter: Interpreter) throws -> LinearMixedModel {
        guard model.reml, let (x, y, terms) = interpreter.mixedModelInputs[ObjectIdentifier(model)] else { return model }
        let ml = try LinearMixedModel(x: x, y: y, terms: terms, reml: false)
        _ = try ml.fit(start: model.theta)
        return ml
    }

    /// lme4's isSingular: a diagonal element of a relative covariance factor at its bound.
    static func isSingular(_ model: LinearMixedModel, tolerance: Double = ConvergenceCheck.singularTolerance) -> Bool {
        ConvergenceCheck.isSingular(model.theta, lowerBounds: model.lowerBounds, tolerance: tolerance)
    }

    static func build(_ f: Language, data: RValue, reml: Bool, ignoreSingleLevel: Bool, ctx: CallContext) throws -> LinearMixedModel {
        let i = ctx.interpreter
        let formula = try ModelFormula(f.expr)
        var env = ctx.env
        if case .environment(let e)? = f.attributes[".Environment"] { env = e }
        guard !formula.random.isEmpty else { throw RError("No random effects terms specified in formula", call: ctx.call) }
        guard formula.offsets.isEmpty else { throw RError("offset() terms in lmer formulas are not supported yet", call: ctx.call) }
        let groupingExprs = formula.random.flatMap { groupingVariables($0.grouping) }
        let design = try ModelMatrix(formula, data: data, env: env, interpreter: i, extraVariables: groupingExprs)
        // lme4 (via model.frame with na.omit) stops when no row is complete.
        guard !design.rows.isEmpty else {
            // Reported, as lme4 does, against the lFormula call lmer makes from its own arguments.
            let namespaced = Expr.call(Call(.symbol("::"), [Argument(.symbol("lme4")), Argument(.symbol("lFormula"))]))
            let arguments = LinearModelLibrary.matchedCall(ctx.call, formals: formals).arguments
                + [Argument(name: "control", .call(Call(.symbol("lmerControl"), [])))]
            throw RError("0 (non-NA) cases", call: Call(namespaced, arguments))
        }
        let terms = try randomEffectsTerms(formula, data: data, env: env, rows: design.rows, ignoreSingleLevel: ignoreSingleLevel,
                                           interpreter: i)
        let x = try DesignMatrix(columns: zip(design.columnNames, design.columns).map { ($0, $1) }, rows: design.rows.count)
        do {
            let model = try LinearMixedModel(x: x, y: design.response, terms: terms, reml: reml)
            i.mixedModelInputs[ObjectIdentifier(model)] = (x, design.response, terms)
            i.mixedModelFactorLevels[ObjectIdentifier(model)] = design.factorLevels
            i.mixedModelFixedTerms[ObjectIdentifier(model)] = (formula.terms.map(\.label), design.assign)
            let dropped = model.droppedFixedEffectNames.count
            if dropped > 0 { try i.signalMessage(MixedModelConvergence.rankDeficiencyMessage(dropped) + "\n", call: nil) }
            return model
        } catch let e as MixedModelsError { throw RError(e.description, call: ctx.call) }
    }

    /// The formula's random-effects terms over the model frame's rows, named as lme4 names them.
    static func randomEffectsTerms(_ formula: ModelFormula, data: RValue, env: Environment, rows: [Int], ignoreSingleLevel: Bool,
                                   interpreter i: Interpreter) throws -> [RandomEffectsTerm] {
        let mask = ModelMatrix.mask(data, env: env)
        var terms: [RandomEffectsTerm] = []
        for r in formula.random {
            let (levels, codes, name) = try groupingFactor(r.grouping, mask: mask, rows: rows, interpreter: i)
            if levels.count < 2 && !ignoreSingleLevel {
                throw RError("grouping factors must have > 1 sampled level")
            }
            var own = r.formula
            own.response = formula.response
            for block in try termColumns(own, uncorrelated: r.uncorrelated, data: data, env: env, rows: rows, interpreter: i,
                                         needsResponse: false) {
                let termName = Self.termName(name, after: terms.map(\.grouping))
                terms.append(try RandomEffectsTerm(grouping: termName, levels: levels, refs: codes, columnNames: block.names, z: block.values))
            }
        }
        return terms
    }

    /// A random term's model matrix on the given data rows (zero where the term's own frame
    /// dropped a row), column-major n x q, split into one block per column for `||`.
    static func termColumns(_ own: ModelFormula, uncorrelated: Bool, data: RValue, env: Environment, rows: [Int],
                            interpreter: Interpreter, xlevels: [String: [String]]? = nil,
                            needsResponse: Bool = true) throws -> [(names: [String], values: [Double])] {
        let z = try ModelMatrix(own, data: data, env: env, interpreter: interpreter, xlevels: xlevels, needsResponse: needsResponse)
        let rowIndex = Dictionary(uniqueKeysWithValues: z.rows.enumerated().map { ($1, $0) })
        let blocks: [[Int]] = uncorrelated ? z.columnNames.indices.map { [$0] } : [Array(z.columnNames.indices)]
        return blocks.map { block in
            var values: [Double] = []
            for c in block { for row in rows { values.append(rowIndex[row].map { z.columns[c][$0] } ?? 0) } }
            return (block.map { z.columnNames[$0] }, values)
        }
    }

    /// Terms that share a grouping factor are told apart as lme4 does: Subject, Subject.1.
    static func termName(_ name: String, after earlier: [String]) -> String {
        let repeats = earlier.filter { $0 == name || $0.hasPrefix(name + ".") }.count
        return repeats == 0 ? name : "\(name).\(repeats)"
    }

    /// Each row's level of a grouping factor as a label ("a:b" for an interaction), nil where
    /// a part of it is missing.
    static func groupingLabels(_ e: Expr, mask: Environment, rows: [Int], interpreter: Interpreter) throws -> [String?] {
        var labels = [String?](repeating: "", count: rows.count)
        for (k, part) in groupingVariables(e).enumerated() {
            guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(try interpreter.eval(part, mask)) else {
                throw RError("invalid grouping factor")
            }
            let s = Coerce.strings(f)
            for (j, row) in rows.enumerated() {
                let level = row < s.count ? s[row] : nil
                labels[j] = labels[j].flatMap { label in level.map { label + (k > 0 ? ":" : "") + $0 } }
            }
        }
        return labels
    }

    static func groupingVariables(_ e: Expr) -> [Expr] {
        if case .call(let c) = e, c.functionName == ":", c.arguments.count == 2 {
            return groupingVariables(c.arguments[0].value) + groupingVariables(c.arguments[1].value)
        }
        return [e]
    }

    /// The grouping factor's levels (those present), each row's zero-based level, and its name.
    static func groupingFactor(_ e: Expr, mask: Environment, rows: [Int], interpreter: Interpreter) throws -> ([String], [Int], String) {
        let parts = groupingVariables(e)
        // A factor keeps its own level order (the levels present), as lme4's factors do.
        if parts.count == 1, case .vector(let f) = try interpreter.eval(parts[0], mask), f.isFactor,
           case .integer(let codes) = f.storage, let levels = f.levels {
            let used = Set(rows.compactMap { $0 < codes.count && codes[$0] != NAInteger ? codes[$0] : nil })
            let kept = (1...max(levels.count, 1)).filter { used.contains($0) }
            let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
            return (kept.map { levels[$0 - 1] }, rows.map { position[codes[$0]] ?? 0 }, Deparser.deparse(e))
        }
        // The model frame has dropped rows with a missing grouping variable.
        let labels = try groupingLabels(e, mask: mask, rows: rows, interpreter: interpreter).map { $0 ?? "NA" }
        guard case .vector(let factor) = try FactorLibrary.makeFactor(.character(labels.map { Optional($0) }), levels: nil, labels: nil, excludeNA: true, ordered: false),
              case .integer(let codes) = factor.storage else { throw RError("invalid grouping factor") }
        return (factor.levels ?? [], codes.map { $0 - 1 }, Deparser.deparse(e))
    }

    /// The fit as an R object: the model's number, the call, the formula, the data argument as
    /// written (which print shows) and the data frame it named ("frame", which emmeans reads).
    static func object(_ model: LinearMixedModel, call: Call, formula: Expr, dataExpr: Expr?, data: RValue,
                       interpreter: Interpreter) -> RValue {
        let id = interpreter.register(model)
        var v = RVector(.list([.scalar(id), .language(Language(.call(call))), .language(Language(formula)),
                               dataExpr.map { .language(Language($0)) } ?? .null, data]))
        v.names = ["model.id", "call", "formula", "data", "frame"]
        v.attributes["class"] = .character(["lmerMod", "merMod"])
        return .vector(v)
    }
}

extension Interpreter {
    /// Keeps a fitted model for the session; R objects refer to it by number.
    func register(_ model: AnyObject) -> Int {
        fittedModels.append(model)
        return fittedModels.count
    }

    func model(of object: RValue) -> LinearMixedModel? {
        guard let id = ListFields.field(object, "model.id")?.scalarInt(), id >= 1, id <= fittedModels.count else { return nil }
        return fittedModels[id - 1] as? LinearMixedModel
    }
}
