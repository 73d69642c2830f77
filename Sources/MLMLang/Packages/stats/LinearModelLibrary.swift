import MixedModels

/// lm() and the functions that read an "lm" object. The fit itself is MixedModels'
/// LinearModelFit (R's QR with its pivoting rule); this file turns it into the list R returns.
enum LinearModelLibrary {
    static let formals = ["formula", "data", "subset", "weights", "na.action", "method", "model"]

    static func install(_ interp: Interpreter) {
        // Special: weights (like model variables) are evaluated among the data's columns.
        interp.define("lm", special: { ctx, args in
            let i = ctx.interpreter
            let named = matchedCall(Call(ctx.call.function, args, location: ctx.call.location)).arguments
            func argument(_ name: String) -> Expr? { named.first { $0.name == name }?.value }
            guard let formulaExpr = argument("formula"), case .language(let f) = try i.eval(formulaExpr, ctx.env) else {
                throw RError("argument \"formula\" is missing, with no default", call: ctx.call)
            }
            var data = try argument("data").map { try i.eval($0, ctx.env) } ?? .null
            var rowsAfterSubset: Int?
            if let subset = argument("subset"), !data.isNullValue {
                data = try subsetRows(data, subset, ctx)
                rowsAfterSubset = data.asVector.map(DataFrameShape.rowCount)
            }
            let formula = try ModelFormula(f.expr)
            var env = ctx.env
            if case .environment(let e)? = f.attributes[".Environment"] { env = e }
            let design = try ModelMatrix(formula, data: data, env: env, interpreter: i)
            var weights: [Double]?
            if let w = argument("weights"), case .vector(let wv) = try i.eval(w, ModelMatrix.mask(data, env: env)), let d = Coerce.doubles(wv) {
                guard d.count > (design.rows.max() ?? -1) else { throw RError("variable lengths differ (found for '(weights)')", call: ctx.call) }
                weights = design.rows.map { d[$0] }
            }
            let x = try DesignMatrix(columns: zip(design.columnNames, design.columns).map { ($0, $1) }, rows: design.rows.count)
            let fit: LinearModelFit
            // An offset is subtracted from the response before the fit and added back to the fitted values.
            let y = design.offset.map { zip(design.response, $0).map { $0 - $1 } } ?? design.response
            do { fit = try LinearModelFit(x: x, y: y, weights: weights, hasIntercept: design.hasIntercept) }
            catch let e as MixedModelsError { throw RError(e.description) }
            var object = lmObject(fit, call: matchedCall(ctx.call), rowNames: rowNames(design.rows, data), weights: weights,
                                  offset: design.offset)
            addModelFrame(&object, design: design, rowNames: hasNamedRows(data) ? rowNames(design.rows, data) : nil)
            let dataRows = data.asVector.map(DataFrameShape.rowCount) ?? design.rows.count
            addModelStructure(&object, design: design, formula: .language(f), termLabels: formula.terms.map(\.label),
                              response: formula.response.map { Deparser.deparse($0) } ?? "",
                              deleted: rowsAfterSubset.map { $0 - design.rows.count } ?? max(0, dataRows - design.rows.count))
            // Rows na.omit dropped, as lm's na.action component: their positions, named by row name.
            let used = Set(design.rows)
            let omitted = (0..<dataRows).filter { !used.contains($0) }
            if !omitted.isEmpty, case .vector(var v) = object, case .list(var items) = v.storage, var names = v.names {
                var action = RVector(.integer(omitted.map { $0 + 1 }))
                action.names = rowNames(omitted, data).map { Optional($0) }
                action.attributes["class"] = .character(["omit"])
                items.append(.vector(action))
                names.append("na.action")
                v.storage = .list(items)
                v.names = names
                object = .vector(v)
            }
            return object
        })
        interp.define("coef", { _, args in
            guard let fit = args.first?.value else { return .null }
            return field(fit, "coefficients") ?? .null
        })
        for (name, key) in [("residuals", "residuals"), ("resid", "residuals"), ("fitted", "fitted.values"), ("fitted.values", "fitted.values")] {
            interp.define(name, { ctx, args in
                let object = args.first?.value ?? .null
                if let glmm = ctx.interpreter.generalizedModel(of: object) {
                    let names = GeneralizedMixedModelMethods.rowNames(object, glmm)
                    guard key == "residuals" else { return NamedValues.doubles(glmm.mu, names) }
                    let type = args.dropFirst().first(where: { $0.name == nil || $0.name == "type" })?.value.stringValue ?? "deviance"
                    return NamedValues.doubles(try GeneralizedMixedModelMethods.residuals(glmm, type: type), names)
                }
                if let mixed = MixedModelRandomEffects.fitted(object, ctx.interpreter, what: key) { return mixed }
                return field(object, key) ?? .null
            })
        }
        interp.define("df.residual", { ctx, args in
            if let object = args.first?.value, let glmm = ctx.interpreter.generalizedModel(of: object) {
                return .scalar(glmm.n - glmm.parameterCount)
            }
            return field(args.first?.value ?? .null, "df.residual") ?? .null
        })
    }

    static func field(_ v: RValue, _ name: String) -> RValue? { ListFields.field(v, name) }

    /// model.frame's subset: the data's rows where the condition is TRUE (NA counts as FALSE).
    static func subsetRows(_ data: RValue, _ subset: Expr, _ ctx: CallContext) throws -> RValue {
        let keep = try ctx.interpreter.eval(subset, ModelMatrix.mask(data, env: ctx.env))
        guard case .vector(let kv) = keep, let flags = Coerce.logicals(kv) else { throw RError("'subset' must be logical", call: ctx.call) }
        let rows = flags.indices.filter { flags[$0] == .yes }
        let index = Call(.symbol("["), [Argument(.constant(data)), Argument(.constant(.integer(rows.map { $0 + 1 }))),
                                        Argument(.missingArgument), Argument(name: "drop", .constant(.scalar(false)))])
        return try ctx.interpreter.eval(.call(index), ctx.env)
    }

    /// A whole-number component (rank, df.residual, nobs) of an lm object: an R error, not a
    /// trap, when code has removed or damaged it.
    static func count(_ fit: RValue, _ name: String) throws -> Int {
        guard let d = field(fit, name)?.doubleValue, d.isFinite, abs(d) < 1e15 else {
            throw RError("invalid 'lm' object: no usable '\(name)' component")
        }
        return Int(d)
    }

    /// Whether a data frame's row names are its own (mtcars's models), not just 1, 2, 3, ...
    static func hasNamedRows(_ data: RValue) -> Bool {
        guard case .vector(let d) = data, case .vector(let rn)? = d.attributes["row.names"] else { return false }
        if case .character = rn.storage { return true }
        return false
    }

    /// R's fit$model (the model frame) and the design matrix's columns, for augment.
    static func addModelFrame(_ object: inout RValue, design: ModelMatrix, rowNames: [String]?) {
        guard case .vector(var v) = object, case .list(var items) = v.storage, var names = v.names else { return }
        var frame = RVector(.list(design.frame.map(\.value)))
        frame.names = design.frame.map { Optional($0.name) }
        frame.attributes["class"] = .character(["data.frame"])
        frame.attributes["row.names"] = rowNames.map { .character($0.map { Optional($0) }) } ?? .integer([NAInteger, -design.rows.count])
        items.append(.vector(frame)); names.append("model")
        var x = RVector(.double(design.columns.flatMap { $0 }))
        x.attributes["dim"] = .integer([design.rows.count, design.columns.count])
        x.attributes["dimnames"] = .list([.null, .character(design.columnNames.map { Optional($0) })])
        items.append(.vector(x)); names.append("x")
        v.storage = .list(items)
        v.names = names
        object = .vector(v)
    }

    /// What the extractors and anova need beyond summary's numbers: the term of each column,
    /// the effects, the unscaled covariance of the estimable coefficients, factor levels and the
    /// formula (for predictions), and how many rows na.omit dropped.
    static func addModelStructure(_ object: inout RValue, design: ModelMatrix, formula: RValue, termLabels: [String],
                                  response: String, deleted: Int) {
        guard case .vector(var v) = object, case .list(var items) = v.storage, var names = v.names else { return }
        func add(_ name: String, _ value: RValue) { items.append(value); names.append(name) }
        add("assign", .integer(design.assign))
        add("term.labels", .character(termLabels.map { Optional($0) }))
        add("response.name", .scalar(response))
        add("formula", formula)
        let levels = design.factorLevels.sorted { $0.key < $1.key }
        var xlevels = RVector(.list(levels.map { .character($0.value.map { Optional($0) }) }))
        xlevels.names = levels.map { Optional($0.key) }
        add("xlevels", .vector(xlevels))
        add("na.deleted", .scalar(deleted))
        v.storage = .list(items)
        v.names = names
        object = .vector(v)
    }

    /// Row names of the given rows of the data (for naming residuals), or their positions when
    /// it has none; the data's names are read once.
    static func rowNames(_ rows: [Int], _ data: RValue?) -> [String] {
        var names: [String?] = []
        if case .vector(let d)? = data, d.classes?.contains("data.frame") == true { names = DataFrameShape.rowNames(d) }
        return rows.map { row in row < names.count ? names[row] ?? String(row + 1) : String(row + 1) }
    }

    /// Row names of the data (for naming residuals), or positions when there are none.
    static func rowName(_ row: Int, _ data: RValue?) -> String {
        if case .vector(let d)? = data, d.classes?.contains("data.frame") == true {
            let names = DataFrameShape.rowNames(d)
            if row < names.count, let n = names[row] { return n }
        }
        return String(row + 1)
    }

    /// The call with its arguments named by the formals they matched (match.call).
    static func matchedCall(_ call: Call, formals: [String] = LinearModelLibrary.formals) -> Call {
        var named: [Argument] = []
        var position = 0
        let used = Set(call.arguments.compactMap(\.name))
        let free = formals.filter { !used.contains($0) }
        for a in call.arguments {
            if a.name != nil { named.append(a); continue }
            named.append(Argument(name: position < free.count ? free[position] : nil, a.value))
            position += 1
        }
        return Call(call.function, named, location: call.location)
    }

    static func lmObject(_ fit: LinearModelFit, call: Call, rowNames: [String], weights: [Double]? = nil, offset: [Double]? = nil) -> RValue {
        let named = NamedValues.doubles
        let coefficients = named(fit.coefficients.map { $0.isNaN ? NAReal : $0 }, fit.coefficientNames)
        let table = fit.coefficientTable
        var summary: [(String, RValue)] = [
            ("coefficients", coefficients),
            ("residuals", named(fit.residuals, rowNames)),
            ("fitted.values", named(offset.map { zip(fit.fittedValues, $0).map { $0 + $1 } } ?? fit.fittedValues, rowNames)),
            ("rank", .scalar(fit.rank)),
            ("df.residual", .scalar(fit.dfResidual)),
            ("call", .language(Language(.call(call)))),
            ("sigma", .scalar(fit.sigma)),
            ("r.squared", .scalar(fit.rSquared)),
            ("adj.r.squared", .scalar(fit.adjustedRSquared)),
            ("logLik", .scalar(fit.logLikelihood)),
            ("AIC", .scalar(fit.aic)),
            ("BIC", .scalar(fit.bic)),
            ("deviance", .scalar(fit.deviance)),
            ("nobs", .scalar(fit.nobs)),
            ("perfect.fit", .scalar(fit.isEssentiallyPerfectFit)),
        ]
        // lm keeps the weights as given (as.vector(model.weights(mf))): without names.
        if let weights { summary.append(("weights", .double(weights))) }
        summary.append(("hat", named(fit.leverages, rowNames)))
        // (X'X)⁻¹ over all coefficients in column order, NA where a coefficient is aliased.
        let p = fit.coefficientNames.count, unscaled = fit.unscaledCovariance
        var covariance = [Double](repeating: NAReal, count: p * p)
        for a in 0..<fit.rank { for b in 0..<fit.rank { covariance[fit.pivot[a] + fit.pivot[b] * p] = unscaled[a + b * fit.rank] } }
        summary.append(("effects", .double(fit.effects)))
        summary.append(("pivot", .integer(fit.pivot)))
        // R's lm.fit keeps its decomposition as fit$qr (qr(fit), aov's tables and balance check).
        summary.append(("qr", QRObject.make(fit.qr, rowNames: rowNames, columnNames: fit.coefficientNames, tolerance: 1e-7,
                                            order: ["qr", "qraux", "pivot", "tol", "rank"])))
        summary.append(("cov.unscaled", LinearModelInference.matrix(covariance, rows: fit.coefficientNames, columns: fit.coefficientNames)))
        // Coefficient table rows (estimate, std. error, t value, p value) for summary and tidy.
        var cells: [Double] = []
        for column in 0..<4 {
            for (k, row) in table.enumerated() {
                // Aliased coefficients are NA in R; NaN elsewhere (no residual df) stays NaN.
                cells.append(fit.aliased[k] ? NAReal : [row.estimate, row.stdError, row.statistic, row.pValue][column])
            }
        }
        var matrix = RVector(.double(cells))
        matrix.attributes["dim"] = .integer([table.count, 4])
        matrix.attributes["dimnames"] = .list([.character(table.map { Optional($0.term) }),
                                              .character(["Estimate", "Std. Error", "t value", "Pr(>|t|)"])])
        summary.append(("coefficient.table", .vector(matrix)))
        if let f = fit.fStatistic {
            summary.append(("fstatistic", named([f.value, f.numeratorDF, f.denominatorDF], ["value", "numdf", "dendf"])))
            summary.append(("f.p.value", .scalar(f.pValue)))
        }
        var v = RVector(.list(summary.map(\.1)))
        v.names = summary.map { Optional($0.0) }
        v.attributes["class"] = .character(["lm"])
        return .vector(v)
    }
}
