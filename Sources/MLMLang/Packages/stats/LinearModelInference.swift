import Foundation
import CRmath
import MixedModels

/// What R's stats package reads off an lm fit: vcov, confint, sigma, nobs, deviance, logLik,
/// AIC, BIC and predict (with confidence and prediction intervals), and I() for formula terms.
enum LinearModelInference {
    static func install(_ interp: Interpreter) {
        interp.define("vcov", { ctx, args in
            if let glmm = generalizedMixedModel(args, ctx) { return GeneralizedMixedModelMethods.vcov(glmm) }
            // An lmer fit: σ²(RX'RX)⁻¹, as a base matrix (lme4 gives a Matrix dpoMatrix).
            if let model = mixedModel(args, ctx) {
                return matrix(model.fixedEffectsCovariance, rows: model.fixedEffectNames, columns: model.fixedEffectNames)
            }
            let fit = try lmFit(args, "vcov")
            guard case .vector(var m)? = field(fit, "cov.unscaled"), let u = m.doubles else { return .null }
            let s2 = number(fit, "sigma") * number(fit, "sigma")
            m.storage = .double(u.map { $0.isRNA ? NAReal : $0 * s2 })
            return .vector(m)
        })
        interp.define("confint", { ctx, args in
            // The generic: a method for the object's class (glm, lme4's merMod, thpr and bootMer,
            // or the user's) first; lm fits are handled here.
            if let x = args.first?.value, let classes = x.explicitClass,
               let result = try ctx.interpreter.dispatchInternalGeneric("confint", classes: classes, args: args, call: ctx.call, env: ctx.env) {
                return result
            }
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "parm", "level", "method", "..."], args, call: ctx.call)
            let fit = try lmFit([EvaluatedArgument(m["object"] ?? .null)], "confint")
            let level = m["level"]?.scalarDouble() ?? 0.95
            let rows = coefficientRows(fit)
            let q = qt((1 + level) / 2, number(fit, "df.residual"), 1, 0)
            var cells = rows.map { $0.estimate - q * $0.se }
            cells += rows.map { $0.estimate + q * $0.se }
            return matrix(cells, rows: rows.map(\.name), columns: confintLabels(level))
        })
        for (name, key) in [("sigma", "sigma"), ("deviance", "deviance"), ("nobs", "nobs")] {
            interp.define(name, { ctx, args in
                if let glmm = generalizedMixedModel(args, ctx) {
                    switch name {
                    case "sigma": return .scalar(1.0)
                    case "nobs": return .scalar(glmm.n)
                    default: return .scalar(glmm.devianceResidualSum)
                    }
                }
                if let model = mixedModel(args, ctx) { return try mixedModelStatistic(name, model, ctx) }
                return field(try lmFit(args, name), key) ?? .null
            })
        }
        interp.define("logLik", { ctx, args in
            if let glmm = generalizedMixedModel(args, ctx) { return GeneralizedMixedModelMethods.logLik(glmm) }
            if let model = mixedModel(args, ctx) {
                return logLik(value: model.logLikelihood, df: model.logLikelihoodDF, nobs: model.n)
            }
            return try logLik(try lmFit(args, "logLik"))
        })
        interp.define("AIC", { ctx, args in
            if let model = mixedModel(args, ctx) { return .scalar(model.aic) }
            if let glmm = generalizedMixedModel(args, ctx) { return .scalar(glmm.aic) }
            if let fromLogLik = try informationCriterion(args, ctx, penalty: { _ in 2 }) { return fromLogLik }
            return .scalar(number(try lmFit(args, "AIC"), "AIC"))
        })
        interp.define("BIC", { ctx, args in
            if let model = mixedModel(args, ctx) { return .scalar(model.bic) }
            if let glmm = generalizedMixedModel(args, ctx) { return .scalar(glmm.bic) }
            if let fromLogLik = try informationCriterion(args, ctx, penalty: { log(Double($0)) }) { return fromLogLik }
            return .scalar(number(try lmFit(args, "BIC"), "BIC"))
        })
        interp.define("print.logLik", { ctx, args in
            guard let x = args.first?.value, let value = x.asVector?.doubles?.first else { return .null }
            let df = x.attributes["df"]?.scalarInt() ?? 0
            ctx.interpreter.write("'log Lik.' \(RFormat.significant(value, digits: ctx.interpreter.digits)) (df=\(df))\n")
            ctx.interpreter.visible = false
            return x
        })
        interp.define("predict", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "newdata", "se.fit", "interval", "level", "re.form",
                                                                   "allow.new.levels", "type", "..."], args, call: ctx.call)
            if let object = m["object"], let glmm = ctx.interpreter.generalizedModel(of: object) {
                let fixedOnly = m["re.form"].map { $0.asVector.map { v in v.count == 1 && v.isNA(at: 0) } ?? false } ?? false
                return try GeneralizedMixedModelMethods.predict(object, glmm, newdata: m["newdata"], type: m["type"]?.stringValue ?? "link",
                                                                fixedOnly: fixedOnly, ctx)
            }
            if let object = m["object"], let model = ctx.interpreter.model(of: object) {
                if let newdata = m["newdata"], !newdata.isNullValue {
                    return try MixedModelPrediction.predict(object, model, newdata: newdata, reForm: m["re.form"],
                                                            allowNewLevels: m["allow.new.levels"]?.scalarLogical()?.bool ?? false, ctx)
                }
                // predict.merMod on the fitted data: with the random effects, or without (re.form = NA).
                let fixedOnly = m["re.form"].map { $0.asVector.map { v in v.count == 1 && v.isNA(at: 0) } ?? false } ?? false
                return MixedModelRandomEffects.fitted(object, ctx.interpreter, what: fixedOnly ? "fixed" : "fitted.values") ?? .null
            }
            let fit = try lmFit([EvaluatedArgument(m["object"] ?? .null)], "predict")
            return try predict(fit, newdata: m["newdata"], interval: m["interval"]?.stringValue ?? "none",
                               level: m["level"]?.scalarDouble() ?? 0.95, ctx)
        })
    }

    static func field(_ v: RValue, _ name: String) -> RValue? { LinearModelLibrary.field(v, name) }

    /// AIC.logLik, and AIC.default and BIC.default for fits with a logLik method (glm, nlme's
    /// lme): −2 log L + k df, with k from the number of observations logLik reports.
    private static func informationCriterion(_ args: [EvaluatedArgument], _ ctx: CallContext,
                                             penalty: (Int) -> Double) throws -> RValue? {
        guard let object = args.first?.value else { return nil }
        let ll: RValue
        if object.inherits("logLik") {
            ll = object
        } else if object.inherits("glm") || (!object.inherits("lm") && object.explicitClass != nil) {
            ll = try RCalls(ctx).call("logLik", object)
        } else {
            return nil
        }
        guard let value = ll.asVector?.doubles?.first, let df = ll.attributes["df"]?.scalarDouble() else { return nil }
        let nobs = ll.attributes["nobs"]?.scalarInt() ?? 0
        return .scalar(-2 * value + penalty(nobs) * df)
    }
    static func number(_ v: RValue, _ name: String) -> Double { field(v, name)?.doubleValue ?? .nan }

    private static func lmFit(_ args: [EvaluatedArgument], _ generic: String) throws -> RValue {
        guard let fit = args.first?.value else { throw RError("argument \"object\" is missing, with no default") }
        guard fit.explicitClass?.contains("lm") == true else {
            let cls = fit.explicitClass ?? S3Library.implicitClass(fit)
            throw RError("no applicable method for '\(generic)' applied to an object of class \"\(cls.first ?? "NULL")\"")
        }
        return fit
    }

    /// Estimable coefficients in column order with their standard errors.
    private static func coefficientRows(_ fit: RValue) -> [(name: String, estimate: Double, se: Double)] {
        guard case .vector(let table)? = field(fit, "coefficient.table"), let cells = table.doubles,
              let dim = table.dim, dim.count == 2, dim[1] >= 2, cells.count == dim[0] * dim[1] else { return [] }
        let rows = dim[0]
        let names = MatrixPrinter.dimnames(table).rows ?? []
        return (0..<rows).compactMap { i in
            cells[i].isRNA ? nil : ((i < names.count ? names[i] : nil) ?? "", cells[i], cells[rows + i])
        }
    }

    /// The column labels confint.lm, confint.default and lme4's Wald intervals give (stats'
    /// format.perc): "2.5 %", "97.5 %" for level 0.95.
    static func confintLabels(_ level: Double) -> [String] {
        [(1 - level) / 2, (1 + level) / 2].map { RFormat.significant($0 * 100, digits: 3) + " %" }
    }

    static func matrix(_ cells: [Double], rows: [String], columns: [String]) -> RValue {
        NamedValues.matrix(cells, rows: rows.count, columns: columns.count, rowNames: rows, columnNames: columns)
    }

    private static func logLik(_ fit: RValue) throws -> RValue {
        logLik(value: number(fit, "logLik"), df: try LinearModelLibrary.count(fit, "rank") + 1,
               nobs: try LinearModelLibrary.count(fit, "nobs"))
    }

    static func logLik(value: Double, df: Int, nobs: Int) -> RValue {
        var v = RVector(.double([value]))
        v.attributes["nobs"] = .scalar(nobs)
        v.attributes["df"] = .scalar(df)
        v.attributes["class"] = .character(["logLik"])
        return .vector(v)
    }

    private static func generalizedMixedModel(_ args: [EvaluatedArgument], _ ctx: CallContext) -> GeneralizedLinearMixedModel? {
        args.first.flatMap { ctx.interpreter.generalizedModel(of: $0.value) }
    }

    private static func mixedModel(_ args: [EvaluatedArgument], _ ctx: CallContext) -> LinearMixedModel? {
        args.first.flatMap { ctx.interpreter.model(of: $0.value) }
    }

    /// sigma, nobs and deviance of an lmer fit; deviance of a REML fit warns as lme4 does and
    /// gives the REML criterion.
    private static func mixedModelStatistic(_ name: String, _ model: LinearMixedModel, _ ctx: CallContext) throws -> RValue {
        switch name {
        case "sigma": return .scalar(model.sigma)
        case "nobs": return .scalar(model.n)
        default:
            if model.reml {
                let call = Call(.symbol("deviance.merMod"), ctx.call.arguments, location: ctx.call.location)
                ctx.interpreter.warning("deviance() is deprecated for REML fits; use REMLcrit for the REML criterion or deviance(.,REML=FALSE) for deviance calculated at the REML fit", call: call)
            }
            return .scalar(model.objective)
        }
    }

    /// predict.lm: the fit at new data (or the fitted values), with intervals from the t
    /// distribution on the residual degrees of freedom.
    private static func predict(_ fit: RValue, newdata: RValue?, interval: String, level: Double, _ ctx: CallContext) throws -> RValue {
        guard ["none", "confidence", "prediction"].contains(interval) else {
            throw RError("'arg' should be one of \u{201C}none\u{201D}, \u{201C}confidence\u{201D}, \u{201C}prediction\u{201D}")
        }
        let rows = coefficientRows(fit)
        let beta = Dictionary(rows.map { ($0.name, $0.estimate) }, uniquingKeysWith: { a, _ in a })
        var x: [[Double]], rowNames: [String], columnNames: [String]
        if let newdata, !newdata.isNullValue {
            guard case .language(let f)? = field(fit, "formula") else { throw RError("object has no formula") }
            var env = ctx.env
            if case .environment(let e)? = f.attributes[".Environment"] { env = e }
            var xlevels: [String: [String]] = [:]
            if case .vector(let xl)? = field(fit, "xlevels"), case .list(let items) = xl.storage {
                for (k, name) in (xl.names ?? []).enumerated() { if let name, let l = items[k].asVector { xlevels[name] = Coerce.strings(l).map { $0 ?? "" } } }
            }
            let design = try ModelMatrix(try ModelFormula(f.expr), data: newdata, env: env, interpreter: ctx.interpreter,
                                         xlevels: xlevels, needsResponse: false)
            x = design.columns
            columnNames = design.columnNames
            rowNames = LinearModelLibrary.rowNames(design.rows, newdata)
        } else {
            guard case .vector(let fitted)? = field(fit, "fitted.values") else { return .null }
            if interval == "none" { return .vector(fitted) }
            throw RError("intervals for the fitted data need newdata in mlmd; pass the data as newdata")
        }
        let n = rowNames.count
        var prediction = [Double](repeating: 0, count: n)
        var used: [Int] = []
        for (j, name) in columnNames.enumerated() {
            guard let b = beta[name] else { continue }
            used.append(j)
            for i in 0..<n { prediction[i] += x[j][i] * b }
        }
        if interval == "none" {
            var v = RVector(.double(prediction))
            v.names = rowNames.map { Optional($0) }
            return .vector(v)
        }
        // se.fit² = x0' V x0 with V = sigma² (X'X)⁻¹ over the estimable columns.
        guard case .vector(let cov)? = field(fit, "cov.unscaled"), let u = cov.doubles, let p = cov.dim?.first else { return .null }
        let covNames = (MatrixPrinter.dimnames(cov).rows ?? []).map { $0 ?? "" }
        let position = Dictionary(covNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sigma = number(fit, "sigma")
        let df = number(fit, "df.residual")
        let q = qt((1 + level) / 2, df, 1, 0)
        var lower = prediction, upper = prediction
        for i in 0..<n {
            var quad = 0.0
            for a in used { for b in used {
                guard let pa = position[columnNames[a]], let pb = position[columnNames[b]] else { continue }
                quad += x[a][i] * u[pa + pb * p] * x[b][i]
            } }
            var variance = quad * sigma * sigma
            if interval == "prediction" { variance += sigma * sigma }
            lower[i] -= q * variance.squareRoot()
            upper[i] += q * variance.squareRoot()
        }
        return matrix(prediction + lower + upper, rows: rowNames, columns: ["fit", "lwr", "upr"])
    }
}
