import MixedModels

/// What lme4 reads off a fit beyond its summary: ranef (conditional modes with their
/// conditional variances) and its data frame form, fitted values, residuals, predictions with
/// or without the random effects, and isSingular.
enum MixedModelRandomEffects {
    static func install(_ interp: Interpreter) {
        interp.define("ranef", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "condVar", "..."], args, call: ctx.call)
            if let object = m["object"], let glmm = ctx.interpreter.generalizedModel(of: object) {
                let covariances: [[[Double]]]?
                do { covariances = (m["condVar"]?.logicalValue ?? true) ? try glmm.conditionalCovariances() : nil }
                catch let e as MixedModelsError { throw RError(e.description) }
                return ranef(terms: glmm.terms, b: glmm.b, covariances: covariances)
            }
            guard let object = m["object"], let model = ctx.interpreter.model(of: object) else {
                throw RError("no applicable method for 'ranef' applied to an object of class \"\((m["object"]?.explicitClass ?? ["NULL"])[0])\"")
            }
            return try ranef(model, conditionalVariances: m["condVar"]?.logicalValue ?? true)
        })
        interp.define("print.ranef.mer", { ctx, args in
            guard let x = args.first?.value, case .vector(let v) = x, case .list(let frames) = v.storage else { return .null }
            let names = (v.names ?? []).map { $0 ?? "" }
            for (k, frame) in frames.enumerated() {
                var shown = frame
                if case .vector(var plain) = frame {
                    plain.attributes["postVar"] = nil
                    shown = .vector(plain)
                }
                ctx.interpreter.write("$\(k < names.count ? names[k] : "")\n")
                try ctx.interpreter.printTopLevel(shown, env: ctx.env)
                ctx.interpreter.write("\n")
            }
            let withVariances = frames.indices.filter { frames[$0].attributes["postVar"] != nil }.map { names[$0] }
            if !withVariances.isEmpty {
                ctx.interpreter.write("with conditional variances for " + withVariances.map { Quotes.double($0) }.joined(separator: " ") + " \n")
            }
            ctx.interpreter.visible = false
            return x
        })
        interp.define("as.data.frame.ranef.mer", { _, args in
            guard let x = args.first?.value else { return .null }
            return try longFrame(x)
        })
        interp.define("isSingular", { ctx, args in
            let tolerance = args.first(where: { $0.name == "tol" })?.value.doubleValue ?? 1e-4
            if let object = args.first?.value, let glmm = ctx.interpreter.generalizedModel(of: object) {
                return .scalar(ConvergenceCheck.isSingular(glmm.theta, lowerBounds: glmm.lowerBounds, tolerance: tolerance))
            }
            guard let object = args.first?.value, let model = ctx.interpreter.model(of: object) else { return .scalar(false) }
            return .scalar(MixedModelLibrary.isSingular(model, tolerance: tolerance))
        })
    }

    /// The fit's fitted values, residuals or predictions; nil when `object` is not an lmer fit.
    static func fitted(_ object: RValue, _ interp: Interpreter, what: String, fixedOnly: Bool = false) -> RValue? {
        guard let model = interp.model(of: object) else { return nil }
        let values: [Double]
        switch what {
        case "residuals": values = model.residuals
        case "fixed": values = model.fixedEffectPredictions
        default: values = model.fittedValues
        }
        var v = RVector(.double(values))
        v.names = (1...max(values.count, 1)).prefix(values.count).map { Optional(String($0)) }
        return .vector(v)
    }

    /// ranef(m): a data frame of conditional modes per grouping factor (levels as row names, one
    /// column per term), with each value's conditional standard deviation kept beside it.
    static func ranef(_ model: LinearMixedModel, conditionalVariances: Bool) throws -> RValue {
        let covariances: [[[Double]]]?
        do { covariances = conditionalVariances ? try model.conditionalCovariances() : nil }
        catch let e as MixedModelsError { throw RError(e.description) }
        return ranef(terms: model.terms, b: model.b, covariances: covariances)
    }

    static func ranef(terms: [RandomEffectsTerm], b: [[Double]], covariances: [[[Double]]]?) -> RValue {
        // Terms on one factor (`(1 | g) + (0 + x | g)`, which lme4 names g and g.1) share a frame.
        var order: [String] = [], columns: [String: [(String, [Double])]] = [:], levels: [String: [String]] = [:]
        // lme4's "postVar": per term, a q x q x levels array of conditional covariances.
        var postVar: [String: [(label: String, array: RValue)]] = [:]
        for (t, term) in terms.enumerated() {
            var name = term.grouping
            if let factor = MixedModelPrinting.unsuffixed(name), order.contains(factor) { name = factor }
            if !order.contains(name) { order.append(name); levels[name] = term.levels }
            let q = term.q
            for c in 0..<q {
                let values = (0..<term.levelCount).map { b[t][$0 * q + c] }
                columns[name, default: []].append((term.columnNames[c], values))
            }
            if let covariances {
                var array = RVector(.double((0..<term.levelCount).flatMap { covariances[t][$0].prefix(q * q) }))
                array.attributes["dim"] = .integer([q, q, term.levelCount])
                postVar[name, default: []].append((term.columnNames.first ?? "", .vector(array)))
            }
        }
        var frames: [RValue] = []
        for name in order {
            let cols = columns[name] ?? []
            var df = RVector(.list(cols.map { .double($0.1) }))
            df.names = cols.map { Optional($0.0) }
            df.attributes["class"] = .character(["data.frame"])
            df.attributes["row.names"] = .character((levels[name] ?? []).map { Optional($0) })
            // One term on the factor: its array; several: a list of them, one per term.
            if let arrays = postVar[name] {
                df.attributes["postVar"] = arrays.count == 1 ? arrays[0].array : .list(arrays.map(\.array), names: arrays.map(\.label))
            }
            frames.append(.vector(df))
        }
        var out = RVector(.list(frames))
        out.names = order.map { Optional($0) }
        out.attributes["class"] = .character(["ranef.mer"])
        return .vector(out)
    }

    /// The conditional standard deviations of a ranef() data frame's columns, from the diagonals
    /// of its "postVar" arrays (one array, or a list with one per term); nil without them.
    static func conditionalSDs(_ frame: RValue) -> [[Double]]? {
        guard case .vector(let f) = frame, let postVar = f.attributes["postVar"] else { return nil }
        let arrays: [RValue]
        if case .vector(let pv) = postVar, case .list(let items) = pv.storage { arrays = items.array } else { arrays = [postVar] }
        var result: [[Double]] = []
        for array in arrays {
            guard case .vector(let a) = array, let dim = a.dim, dim.count == 3, let cells = Coerce.doubles(a),
                  cells.count == dim[0] * dim[0] * dim[2] else { return nil }
            let q = dim[0]
            for c in 0..<q { result.append((0..<dim[2]).map { cells[$0 * q * q + c + c * q].squareRoot() }) }
        }
        return result
    }

    /// as.data.frame(ranef(m)): grpvar, term, grp, condval, condsd, one row per level and term.
    static func longFrame(_ x: RValue) throws -> RValue {
        guard case .vector(let v) = x, case .list(let frames) = v.storage else { return .null }
        var grpvar: [String?] = [], term: [String] = [], grp: [String] = [], condval: [Double] = [], condsd: [Double] = []
        var terms: [String] = []
        for (k, frame) in frames.enumerated() {
            guard case .vector(let f) = frame, case .list(let cols) = f.storage else { continue }
            let rows = DataFrameShape.rowNames(f).map { $0 ?? "" }
            let sds = conditionalSDs(frame) ?? []
            for (c, col) in cols.enumerated() {
                let name = f.names?[c] ?? ""
                if !terms.contains(name) { terms.append(name) }
                let values = col.asVector?.doubles ?? []
                let sd = c < sds.count ? sds[c] : []
                for (i, value) in values.enumerated() {
                    grpvar.append(v.names?[k] ?? ""); term.append(name); grp.append(i < rows.count ? rows[i] : String(i + 1))
                    condval.append(value); condsd.append(i < sd.count ? sd[i] : NAReal)
                }
            }
        }
        // lme4 orders the grp levels by the conditional modes (as dotplot shows them).
        var grpLevels: [String] = []
        for i in condval.indices.sorted(by: { condval[$0] < condval[$1] }) where !grpLevels.contains(grp[i]) { grpLevels.append(grp[i]) }
        let termFactor = try FactorLibrary.makeFactor(.character(term.map { Optional($0) }), levels: .character(terms.map { Optional($0) }),
                                                      labels: nil, excludeNA: true, ordered: false)
        let grpFactor = try FactorLibrary.makeFactor(.character(grp.map { Optional($0) }), levels: .character(grpLevels.map { Optional($0) }),
                                                     labels: nil, excludeNA: true, ordered: false)
        var df = RVector(.list([.character(grpvar), termFactor, grpFactor, .double(condval), .double(condsd)]))
        df.names = ["grpvar", "term", "grp", "condval", "condsd"]
        df.attributes["class"] = .character(["data.frame"])
        df.attributes["row.names"] = .integer([NAInteger, -condval.count])
        return .vector(df)
    }
}
