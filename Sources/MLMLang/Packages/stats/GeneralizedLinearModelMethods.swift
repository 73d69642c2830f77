import CRmath
import Foundation
import MixedModels

/// The stats methods for "glm" objects: residuals, predict, vcov, logLik, nobs and confint
/// (Wald intervals, confint.default), each from the object's components as R computes them.
enum GeneralizedLinearModelMethods {
    static func install(_ interp: Interpreter) {
        interp.define("residuals.glm", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "type", "..."], args, call: ctx.call)
            let fit = try GeneralizedLinearModelObject(m["object"] ?? .null, ctx)
            let type = m["type"]?.stringValue ?? "deviance"
            let types = ["deviance", "pearson", "working", "response", "partial"]
            let resolved = type.isEmpty ? type : (types.first { $0.hasPrefix(type) } ?? type)
            guard resolved != "partial" else { throw RError("residuals(type = \"partial\") is not supported yet for glm fits") }
            return named(try fit.residuals(resolved), fit)
        })
        interp.define("predict.glm", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "newdata", "type", "se.fit", "dispersion", "terms", "na.action", "..."],
                                                                   args, call: ctx.call)
            let object = m["object"] ?? .null
            let fit = try GeneralizedLinearModelObject(object, ctx)
            let typeArgument = m["type"]?.stringValue ?? "link"
            guard let type = ["link", "response", "terms"].first(where: { $0.hasPrefix(typeArgument) && !typeArgument.isEmpty }) else {
                throw RError("'arg' should be one of \u{201C}link\u{201D}, \u{201C}response\u{201D}, \u{201C}terms\u{201D}")
            }
            guard type != "terms" else { throw RError("predict(type = \"terms\") is not supported yet for glm fits") }
            let seFit = m["se.fit"]?.scalarLogical() == .yes
            let newdata = m["newdata"].flatMap { $0.isNullValue ? nil : $0 }
            if newdata == nil && !seFit {
                return named(type == "link" ? fit.eta : fit.mu, fit)
            }
            let (x, columnNames, offset, rowNames, _) = try design(object, newdata: newdata, ctx)
            let rank = fit.rank
            let kept = fit.pivot.prefix(rank)
            let columnIndex = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let n = rowNames.count
            var eta = offset ?? [Double](repeating: 0, count: n)
            var rowsOfX = [[Double]](repeating: [Double](repeating: 0, count: rank), count: n)
            for (k, j) in kept.enumerated() {
                guard let c = columnIndex[fit.coefficientNames[j]] else {
                    throw RError("object '\(fit.coefficientNames[j])' not found")
                }
                for i in 0..<n {
                    eta[i] += x[c][i] * fit.coefficients[j]
                    rowsOfX[i][k] = x[c][i]
                }
            }
            let link = fit.family.link
            let values = type == "link" ? eta : eta.map(link.inverse)
            guard seFit else { return NamedValues.doubles(values, rowNames) }
            let dispersion = m["dispersion"]?.scalarDouble() ?? fit.dispersion
            let unscaled = fit.unscaledCovariance
            let scale = dispersion.squareRoot()
            let errors: [Double] = (0..<n).map { i in
                var quad = 0.0
                for a in 0..<rank { for b in 0..<rank { quad += rowsOfX[i][a] * unscaled[a + b * rank] * rowsOfX[i][b] } }
                let se = quad.squareRoot() * scale
                return type == "link" ? se : se * abs(link.muEta(eta[i]))
            }
            return .list([NamedValues.doubles(values, rowNames), NamedValues.doubles(errors, rowNames), .scalar(scale)], names: ["fit", "se.fit", "residual.scale"])
        })
        interp.define("vcov.glm", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "complete", "..."], args, call: ctx.call)
            let fit = try GeneralizedLinearModelObject(m["object"] ?? .null, ctx)
            let (_, unscaled, names) = GeneralizedLinearModelSummary.coefficientTable(fit, dispersion: fit.dispersion)
            let rank = fit.rank
            return NamedValues.matrix(unscaled.map { $0 * fit.dispersion }, rows: rank, columns: rank,
                                                        rowNames: names, columnNames: names)
        })
        interp.define("logLik.glm", { ctx, args in
            let fit = try GeneralizedLinearModelObject(args.first?.value ?? .null, ctx)
            let aic = ListFields.field(fit.object, "aic")?.doubleValue ?? .nan
            // The scale of gaussian and Gamma fits is a parameter too.
            let df = fit.rank + (fit.family.distribution.hasFixedDispersion ? 0 : 1)
            return LinearModelInference.logLik(value: Double(df) - aic / 2, df: df, nobs: fit.y.count)
        })
        interp.define("nobs.glm", { ctx, args in
            let fit = try GeneralizedLinearModelObject(args.first?.value ?? .null, ctx)
            return .scalar(fit.priorWeights.filter { $0 != 0 }.count)
        })
    }

    private static func named(_ values: [Double], _ fit: GeneralizedLinearModelObject) -> RValue {
        NamedValues.doubles(values, fit.rowNames)
    }

    /// The model matrix columns (and offsets) of the fit's own data or of new data, from its
    /// formula and factor levels, as predict.glm builds them through model.frame.
    static func design(_ object: RValue, newdata: RValue?, _ ctx: CallContext) throws
        -> (columns: [[Double]], names: [String], offset: [Double]?, rowNames: [String], assign: [Int]) {
        guard case .language(let f)? = ListFields.field(object, "formula") else { throw RError("object has no formula") }
        var env = ctx.env
        if case .environment(let e)? = f.attributes[".Environment"] { env = e }
        var xlevels: [String: [String]] = [:]
        if case .vector(let xl)? = ListFields.field(object, "xlevels"), case .list(let items) = xl.storage {
            for (k, name) in (xl.names ?? []).enumerated() {
                if let name, let l = items[k].asVector { xlevels[name] = Coerce.strings(l).map { $0 ?? "" } }
            }
        }
        let data = newdata ?? ListFields.field(object, "data") ?? .null
        let design = try ModelMatrix(try ModelFormula(f.expr), data: data, env: env, interpreter: ctx.interpreter,
                                     xlevels: xlevels, needsResponse: false)
        var offset = design.offset
        // The offset argument of the call, evaluated among the new data's columns.
        if case .language(let callValue)? = ListFields.field(object, "call"), case .call(let call) = callValue.expr,
           let offsetExpr = call.arguments.first(where: { $0.name == "offset" })?.value,
           case .vector(let v) = try ctx.interpreter.eval(offsetExpr, ModelMatrix.mask(data, env: env)), let d = Coerce.doubles(v),
           d.count > (design.rows.max() ?? -1) {
            let extra = design.rows.map { d[$0] }
            offset = offset.map { zip($0, extra).map { $0 + $1 } } ?? extra
        }
        let rowNames = LinearModelLibrary.rowNames(design.rows, data)
        if newdata == nil, let fitted = ListFields.field(object, "fitted.values"), fitted.length != rowNames.count {
            throw RError("the fit's data no longer give its rows; pass them as newdata")
        }
        return (design.columns, design.columnNames, offset, rowNames, design.assign)
    }
}
