import MixedModels

/// glm(): the family's start (its `initialize` step: binomial's proportions and trials from a
/// two-column response, a factor's first level as failure), MixedModels' IRLS, and the "glm"
/// object R returns, with R's components in R's order.
enum GeneralizedLinearModelLibrary {
    static let formals = ["formula", "family", "data", "weights", "subset", "na.action", "start", "etastart", "mustart",
                          "offset", "control", "model", "method", "x", "y", "singular.ok", "contrasts"]

    static func install(_ interp: Interpreter) {
        // offset(x) is x itself; model formulas pick the term out by its name.
        interp.define("offset", { ctx, args in
            guard args.count == 1 else { throw RError("\(args.count) arguments passed to 'offset' which requires 1", call: ctx.call) }
            return args[0].value
        })
        interp.define("glm", special: { ctx, args in
            let i = ctx.interpreter
            let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location), formals: formals)
            func argument(_ name: String) -> Expr? { call.arguments.first { $0.name == name }?.value }
            for unsupported in ["start", "etastart", "mustart"] where argument(unsupported) != nil {
                throw RError("glm's '\(unsupported)' argument is not supported yet", call: ctx.call)
            }
            guard let formulaExpr = argument("formula"), case .language(let f) = try i.eval(formulaExpr, ctx.env) else {
                throw RError("argument \"formula\" is missing, with no default", call: ctx.call)
            }
            let familyValue = try argument("family").map { try i.eval($0, ctx.env) } ?? .scalar("gaussian")
            let family = try GLMFamilyObjects.family(of: familyValue, ctx)
            let data = try argument("data").map { try i.eval($0, ctx.env) } ?? .null
            var control = GeneralizedLinearModelFit.Control()
            if let c = try argument("control").map({ try i.eval($0, ctx.env) }) {
                if let e = ListFields.field(c, "epsilon")?.scalarDouble() { control.epsilon = e }
                if let m = ListFields.field(c, "maxit")?.scalarInt() { control.maxIterations = m }
            }
            let inputs = try ModelInputs(formula: f, data: data, subset: argument("subset"), weights: argument("weights"),
                                         offset: argument("offset"), ctx: ctx)
            let start = try familyStart(family, inputs.design, priorWeights: inputs.weights, evaluatedIn: nil)
            let x = try DesignMatrix(columns: zip(inputs.design.columnNames, inputs.design.columns).map { ($0, $1) },
                                     rows: inputs.design.rows.count)
            let offset = inputs.offset ?? [Double](repeating: 0, count: x.rows)
            let fit: GeneralizedLinearModelFit
            var nullDeviance: Double?
            do {
                fit = try GeneralizedLinearModelFit(x: x, y: start.y, family: family, weights: start.weights, trials: start.trials,
                                                    offset: offset, mustart: start.mustart, intercept: inputs.design.hasIntercept,
                                                    control: control)
                // With an offset, glm refits the intercept-only model for the null deviance.
                if inputs.offset != nil, inputs.design.hasIntercept {
                    let ones = try DesignMatrix(columns: [("(Intercept)", [Double](repeating: 1, count: x.rows))], rows: x.rows)
                    nullDeviance = try GeneralizedLinearModelFit(x: ones, y: start.y, family: family, weights: start.weights,
                                                                 trials: start.trials, offset: offset, mustart: fit.fittedValues,
                                                                 intercept: true, control: control).deviance
                }
            } catch let e as MixedModelsError {
                // glm.fit stops with call. = FALSE.
                throw RError(e.description)
            }
            for warning in fit.warnings { i.warning(warning, call: nil) }
            warnNonIntegerCounts(family, start.y, i)
            return object(fit, nullDeviance: nullDeviance, family: familyValue, inputs: inputs, formula: f,
                          call: call, data: data, control: control, ctx: ctx)
        })
    }

    /// R's Poisson AIC warns from dpois(y, mu, log = TRUE) about each count that is not whole.
    static func warnNonIntegerCounts(_ family: GLMFamily, _ y: [Double], _ interpreter: Interpreter) {
        let dpois = Call(.symbol("dpois"), [Argument(.symbol("y")), Argument(.symbol("mu")),
                                            Argument(name: "log", .constant(.scalar(true)))])
        for value in family.distribution.nonIntegerCounts(y) {
            interpreter.warning("non-integer x = \(String(format: "%f", value))", call: dpois)
        }
    }

    /// What a model function reads from its formula, data, subset, weights and offset arguments.
    struct ModelInputs {
        let design: ModelMatrix
        let formula: ModelFormula
        /// Prior weights over the rows used; nil when none were given.
        let weights: [Double]?
        /// The formula's offset() terms plus the offset argument, over the rows used.
        let offset: [Double]?
        let rowNames: [String]
        let hasNamedRows: Bool
        let deletedRows: [Int]
        let dataRows: Int

        init(formula f: Language, data: RValue, subset: Expr?, weights: Expr?, offset: Expr?, ctx: CallContext) throws {
            let i = ctx.interpreter
            var env = ctx.env
            if case .environment(let e)? = f.attributes[".Environment"] { env = e }
            var data = data
            if let subset, !data.isNullValue { data = try LinearModelLibrary.subsetRows(data, subset, ctx) }
            let formula = try ModelFormula(f.expr)
            let design = try ModelMatrix(formula, data: data, env: env, interpreter: i, generalResponse: true)
            self.formula = formula
            self.design = design
            let mask = ModelMatrix.mask(data, env: env)
            func perRow(_ e: Expr, _ name: String) throws -> [Double] {
                guard case .vector(let v) = try i.eval(e, mask), let d = Coerce.doubles(v) else {
                    throw RError("'\(name)' must be a numeric vector")
                }
                guard d.count > (design.rows.max() ?? -1) else { throw RError("variable lengths differ (found for '(\(name))')") }
                return design.rows.map { d[$0] }
            }
            self.weights = try weights.map { try perRow($0, "weights") }
            var total = design.offset
            if let offset {
                let extra = try perRow(offset, "offset")
                total = total.map { zip($0, extra).map { $0 + $1 } } ?? extra
            }
            self.offset = total
            rowNames = LinearModelLibrary.rowNames(design.rows, data)
            hasNamedRows = LinearModelLibrary.hasNamedRows(data)
            dataRows = data.asVector.map(DataFrameShape.rowCount) ?? design.rows.count
            let used = Set(design.rows)
            deletedRows = (0..<dataRows).filter { !used.contains($0) }
        }
    }

    /// The family's `initialize` step: y, prior weights, binomial trials and the μ start. Its
    /// errors name the call R reports them from, `eval(family$initialize)` (glm.fit) or with
    /// `environment` given, `eval(family$initialize, rho)` (lme4's response module).
    static func familyStart(_ family: GLMFamily, _ design: ModelMatrix, priorWeights: [Double]?, evaluatedIn environment: String?) throws
        -> (y: [Double], weights: [Double], trials: [Double], mustart: [Double]) {
        do { return try familyStart(family, design, priorWeights: priorWeights) } catch var e as RError {
            let initialize = Expr.call(Call(.symbol("$"), [Argument(.symbol("family")), Argument(.symbol("initialize"))]))
            e.call = Call(.symbol("eval"), [Argument(initialize)] + (environment.map { [Argument(.symbol($0))] } ?? []))
            throw e
        }
    }

    private static func familyStart(_ family: GLMFamily, _ design: ModelMatrix, priorWeights: [Double]?) throws
        -> (y: [Double], weights: [Double], trials: [Double], mustart: [Double]) {
        let n = design.rows.count
        var weights = priorWeights ?? [Double](repeating: 1, count: n)
        let ones = [Double](repeating: 1, count: n)
        if let columns = design.responseColumns {
            guard family.distribution == .binomial, columns.count == 2 else {
                throw RError("a matrix response is only accepted by the binomial family, as cbind(successes, failures)")
            }
            let (successes, failures) = (columns[0], columns[1])
            let trials = zip(successes, failures).map { $0 + $1 }
            let y = (0..<n).map { trials[$0] == 0 ? 0 : successes[$0] / trials[$0] }
            weights = zip(weights, trials).map { $0 * $1 }
            return (y, weights, trials, (0..<n).map { (trials[$0] * y[$0] + 0.5) / (trials[$0] + 1) })
        }
        var y: [Double]
        if let factor = design.responseFactor {
            guard family.distribution == .binomial else { throw RError("response must be numeric") }
            // The first level is failure, every other level success.
            y = factor.codes.map { $0 == 1 ? 0 : 1 }
        } else {
            y = design.response
        }
        switch family.distribution {
        case .binomial:
            for k in 0..<n where weights[k] == 0 { y[k] = 0 }
            guard y.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { throw RError("y values must be 0 <= y <= 1") }
            return (y, weights, ones, (0..<n).map { (weights[$0] * y[$0] + 0.5) / (weights[$0] + 1) })
        case .poisson:
            guard y.allSatisfy({ $0 >= 0 }) else { throw RError("negative values not allowed for the 'Poisson' family") }
            return (y, weights, ones, y.map { $0 + 0.1 })
        case .gamma:
            guard y.allSatisfy({ $0 > 0 }) else { throw RError("non-positive values not allowed for the 'Gamma' family") }
            return (y, weights, ones, y)
        case .gaussian:
            if (family.link == .inverse && y.contains(0)) || (family.link == .log && y.contains(where: { $0 <= 0 })) {
                throw RError("cannot find valid starting values: please specify some")
            }
            return (y, weights, ones, y)
        }
    }

    /// The "glm" list with R's components in R's order.
    static func object(_ fit: GeneralizedLinearModelFit, nullDeviance: Double?, family: RValue, inputs: ModelInputs,
                       formula: Language, call: Call, data: RValue, control: GeneralizedLinearModelFit.Control,
                       ctx: CallContext) -> RValue {
        let rows = inputs.rowNames, p = fit.coefficientNames.count
        let step = fit.lastStep, qr = step.qr
        let pivotedNames = fit.pivot.map { fit.coefficientNames[$0] }
        // R: the first min(rows, p) rows of the QR's compact form, upper triangle only.
        let kept = min(qr.rows, p)
        var r = [Double](repeating: 0, count: p * p)
        for c in 0..<p {
            for k in 0..<min(kept, c + 1) { r[k + c * p] = qr.qr[k + c * qr.rows] }
            if kept < p, c >= kept { r[c + c * p] = 1 }
        }
        let qrObject = QRObject.make(qr, rowNames: nil, columnNames: fit.coefficientNames, tolerance: min(1e-7, control.epsilon / 1000),
                                     order: ["qr", "rank", "qraux", "pivot", "tol"])
        var controlList = RVector(.list([.scalar(control.epsilon), .scalar(control.maxIterations), .scalar(false)]))
        controlList.names = ["epsilon", "maxit", "trace"]
        let familyObject = family.inherits("family") ? family : GLMFamilyObjects.object(fit.family)

        var parts: [(String, RValue)] = [
            ("coefficients", NamedValues.doubles(fit.coefficients.map { $0.isNaN ? NAReal : $0 }, fit.coefficientNames)),
            ("residuals", NamedValues.doubles(fit.workingResiduals, rows)),
            ("fitted.values", NamedValues.doubles(fit.fittedValues, rows)),
            ("effects", NamedValues.doubles(step.effects, step.effectNames)),
            ("R", NamedValues.matrix(r, rows: p, columns: p, rowNames: pivotedNames, columnNames: pivotedNames)),
            ("rank", .scalar(fit.rank)),
            ("qr", qrObject),
            ("family", familyObject),
            ("linear.predictors", NamedValues.doubles(fit.linearPredictors, rows)),
            ("deviance", .scalar(fit.deviance)),
            ("aic", .scalar(fit.aic)),
            ("null.deviance", .scalar(nullDeviance ?? fit.nullDeviance)),
            ("iter", .scalar(fit.iterations)),
            ("weights", NamedValues.doubles(fit.workingWeights, rows)),
            ("prior.weights", NamedValues.doubles(fit.priorWeights, rows)),
            ("df.residual", .scalar(fit.dfResidual)),
            ("df.null", .scalar(fit.dfNull)),
            ("y", NamedValues.doubles(fit.response, rows)),
            ("converged", .scalar(fit.converged)),
            ("boundary", .scalar(fit.boundary)),
        ]
        var holder: RValue = .list([], names: [String]())
        LinearModelLibrary.addModelFrame(&holder, design: inputs.design, rowNames: inputs.hasNamedRows ? rows : nil)
        parts.append(("model", ListFields.field(holder, "model") ?? .null))
        if !inputs.deletedRows.isEmpty {
            var action = RVector(.integer(inputs.deletedRows.map { $0 + 1 }))
            action.names = LinearModelLibrary.rowNames(inputs.deletedRows, data).map { Optional($0) }
            action.attributes["class"] = .character(["omit"])
            parts.append(("na.action", .vector(action)))
        }
        parts.append(("call", .language(Language(.call(call)))))
        parts.append(("formula", .language(formula)))
        parts.append(("terms", terms(formula, inputs.formula)))
        parts.append(("data", data.isNullValue ? .environment(ctx.env) : data))
        parts.append(("offset", inputs.offset.map { .double($0) } ?? .null))
        parts.append(("control", .vector(controlList)))
        parts.append(("method", .scalar("glm.fit")))
        let factors = inputs.design.factorLevels.keys.sorted()
        parts.append(("contrasts", factors.isEmpty ? .null : .list(factors.map { _ in .scalar("contr.treatment") }, names: factors)))
        let levels = inputs.design.factorLevels.sorted { $0.key < $1.key }
        parts.append(("xlevels", .list(levels.map { .character($0.value.map { Optional($0) }) }, names: levels.map(\.key))))
        var v = RVector(.list(parts.map(\.1)))
        v.names = parts.map { Optional($0.0) }
        v.attributes["class"] = .character(["glm", "lm"])
        return .vector(v)
    }

    /// The terms object: the formula with R's attributes for its terms.
    static func terms(_ formula: Language, _ parsed: ModelFormula) -> RValue {
        var l = formula
        let labels = parsed.terms.map(\.label)
        l.attributes["term.labels"] = .character(labels.map { Optional($0) })
        l.attributes["order"] = .integer(parsed.terms.map(\.variables.count))
        l.attributes["intercept"] = .integer([parsed.intercept ? 1 : 0])
        l.attributes["response"] = .integer([parsed.response == nil ? 0 : 1])
        l.attributes["class"] = .character(["terms", "formula"])
        if let env = formula.attributes[".Environment"] { l.attributes[".Environment"] = env }
        return .language(l)
    }
}
