import CRmath
import Foundation
import MixedModels

/// print.glm, summary.glm and print.summary.glm as R 4.2's stats package writes them.
enum GeneralizedLinearModelSummary {
    static func install(_ interp: Interpreter) {
        interp.define("print.glm", { ctx, args in
            guard let fit = args.first?.value else { return .null }
            let r = RCalls(ctx)
            let digits = max(3, ctx.interpreter.digits - 3)
            func field(_ name: String) -> RValue? { ListFields.field(fit, name) }
            var out = "\nCall:  " + LinearModelPrinting.callText(fit) + "\n\n"
            if let coefficients = field("coefficients"), coefficients.length > 0 {
                out += "Coefficients:\n"
                out += LinearModelPrinting.namedStrings(try r.call("format", coefficients, named: ["digits": .scalar(digits)]), gap: 2)
            } else {
                out += "No coefficients\n\n"
            }
            func text(_ v: RValue?) -> String { v.flatMap { RFormat.significant($0.doubleValue ?? .nan, digits: 7) } ?? "NA" }
            out += "\nDegrees of Freedom: \(text(field("df.null"))) Total (i.e. Null);  \(text(field("df.residual"))) Residual\n"
            if let deleted = field("na.action"), deleted.length > 0 { out += "  (\(missingness(deleted.length)))\n" }
            func signif(_ name: String) throws -> String {
                let rounded = try r.call("signif", field(name) ?? .scalar(NAReal), named: ["digits": .scalar(digits)])
                return try r.call("format", rounded).stringValue ?? "NA"
            }
            out += "Null Deviance:\t    \(try signif("null.deviance")) \nResidual Deviance: \(try signif("deviance")) \tAIC: \(try signif("aic"))\n"
            ctx.interpreter.write(out)
            ctx.interpreter.visible = false
            return fit
        })
        interp.define("summary.glm", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "dispersion", "correlation", "symbolic.cor", "..."],
                                                                   args, call: ctx.call)
            guard let fit = m["object"] else { throw RError("argument \"object\" is missing, with no default") }
            return try object(GeneralizedLinearModelObject(fit, ctx), dispersion: m["dispersion"]?.scalarDouble())
        })
        interp.define("print.summary.glm", { ctx, args in
            guard let s = args.first?.value else { return .null }
            ctx.interpreter.write(try summaryText(s, digits: max(3, ctx.interpreter.digits - 3), RCalls(ctx)))
            ctx.interpreter.visible = false
            return s
        })
    }

    static func missingness(_ count: Int) -> String {
        "\(count) observation\(count > 1 ? "s" : "") deleted due to missingness"
    }

    /// The coefficient table of the estimable coefficients (pivoted order), with z tests for a
    /// fixed dispersion and t tests on the residual degrees of freedom otherwise.
    static func coefficientTable(_ fit: GeneralizedLinearModelObject, dispersion: Double) -> (table: RValue, covariance: [Double], names: [String]) {
        let rank = fit.rank, unscaled = fit.unscaledCovariance
        let names = fit.pivot.prefix(rank).map { fit.coefficientNames[$0] }
        let estimates = fit.pivot.prefix(rank).map { fit.coefficients[$0] }
        let errors = (0..<rank).map { (unscaled[$0 + $0 * rank] * dispersion).squareRoot() }
        let statistics = zip(estimates, errors).map { $0 / $1 }
        let fixed = fit.family.distribution.hasFixedDispersion
        let pValues: [Double] = statistics.map { t in
            if fixed { return 2 * pnorm5(-abs(t), 0, 1, 1, 0) }
            return fit.dfResidual > 0 ? 2 * pt(-abs(t), Double(fit.dfResidual), 1, 0) : .nan
        }
        let headers = fixed ? ["Estimate", "Std. Error", "z value", "Pr(>|z|)"] : ["Estimate", "Std. Error", "t value", "Pr(>|t|)"]
        var columns = [estimates, errors, statistics, pValues]
        if !fixed && fit.dfResidual == 0 { columns = [estimates] + [[Double]](repeating: [Double](repeating: .nan, count: rank), count: 3) }
        let table = NamedValues.matrix(columns.flatMap { $0 }, rows: rank, columns: 4, rowNames: names, columnNames: headers)
        return (table, unscaled, names)
    }

    /// summary.glm's list.
    static func object(_ fit: GeneralizedLinearModelObject, dispersion given: Double?) throws -> RValue {
        let dispersion = given ?? fit.dispersion
        let (table, unscaled, names) = coefficientTable(fit, dispersion: dispersion)
        var parts: [(String, RValue)] = []
        for name in ["call", "terms", "family", "deviance", "aic", "contrasts", "df.residual", "null.deviance", "df.null", "iter", "na.action"] {
            if let v = ListFields.field(fit.object, name) { parts.append((name, v)) }
        }
        parts.append(("deviance.resid", NamedValues.doubles(try fit.residuals("deviance"), fit.rowNames)))
        parts.append(("coefficients", table))
        var aliased = RVector(.logical(fit.coefficients.map { $0.isNaN ? .yes : .no }))
        aliased.names = fit.coefficientNames.map { Optional($0) }
        parts.append(("aliased", .vector(aliased)))
        parts.append(("dispersion", .scalar(dispersion)))
        parts.append(("df", .integer([fit.rank, fit.dfResidual, fit.coefficients.count])))
        let rank = fit.rank
        parts.append(("cov.unscaled", NamedValues.matrix(unscaled, rows: rank, columns: rank, rowNames: names, columnNames: names)))
        parts.append(("cov.scaled", NamedValues.matrix(unscaled.map { $0 * dispersion }, rows: rank, columns: rank,
                                                                         rowNames: names, columnNames: names)))
        var v = RVector(.list(parts.map(\.1)))
        v.names = parts.map { Optional($0.0) }
        v.attributes["class"] = .character(["summary.glm"])
        return .vector(v)
    }

    static func summaryText(_ s: RValue, digits: Int, _ r: RCalls) throws -> String {
        func field(_ name: String) -> RValue? { ListFields.field(s, name) }
        var out = "\nCall:\n" + LinearModelPrinting.callText(s) + "\n\n"
        out += "Deviance Residuals: \n"
        let residuals = field("deviance.resid") ?? .double([])
        let dfResidual = field("df.residual")?.scalarInt() ?? 0
        var shown = residuals
        if dfResidual > 5, case .vector(var q) = try r.call("quantile", residuals, named: ["na.rm": .scalar(true)]) {
            q.names = ["Min", "1Q", "Median", "3Q", "Max"]
            shown = .vector(q)
        }
        let zapped = try LinearModelPrinting.zapsmall(shown, digits: digits + 1, r)
        out += LinearModelPrinting.namedStrings(try r.call("format", zapped, named: ["digits": .scalar(digits)]), gap: 2)
        let aliased = field("aliased")?.asVector
        let flags = aliased.flatMap { Coerce.logicals($0) }?.map { $0 == .yes } ?? []
        if flags.isEmpty {
            out += "\nNo Coefficients\n"
        } else if case .vector(let table)? = field("coefficients") {
            let df = field("df")?.asVector.flatMap { Coerce.integers($0) } ?? []
            let singular = df.count >= 3 ? df[2] - df[0] : 0
            out += singular > 0 ? "\nCoefficients: (\(singular) not defined because of singularities)\n" : "\nCoefficients:\n"
            let full = flags.contains(true)
                ? LinearModelSummary.withAliasedRows(table, aliased: flags, names: aliased.flatMap(\.names)?.map { $0 ?? "" } ?? [])
                : table
            out += try LinearModelPrinting.printCoefmat(full, digits: digits, r)
        }
        let familyName = field("family").flatMap { ListFields.field($0, "family")?.stringValue } ?? ""
        let dispersion = try r.call("format", field("dispersion") ?? .scalar(NAReal)).stringValue ?? "NA"
        out += "\n(Dispersion parameter for \(familyName) family taken to be \(dispersion))\n\n"
        let deviances = strings(try r.call("format", .double([field("null.deviance")?.doubleValue ?? NAReal, field("deviance")?.doubleValue ?? NAReal]),
                                            named: ["digits": .scalar(max(5, digits + 1))]))
        let dfs = strings(try r.call("format", .double([field("df.null")?.doubleValue ?? NAReal, Double(dfResidual)])))
        for (k, label) in ["    Null deviance:", "Residual deviance:"].enumerated() where k < deviances.count && k < dfs.count {
            out += "\(label) \(deviances[k])  on \(dfs[k])  degrees of freedom\n"
        }
        if let deleted = field("na.action"), deleted.length > 0 { out += "  (\(missingness(deleted.length)))\n" }
        let aic = try r.call("format", field("aic") ?? .scalar(NAReal), named: ["digits": .scalar(max(4, digits + 1))]).stringValue ?? "NA"
        out += "AIC: \(aic)\n\nNumber of Fisher Scoring iterations: \(field("iter")?.scalarInt() ?? 0)\n\n"
        return out
    }

    private static func strings(_ v: RValue) -> [String] { v.asVector.map { Coerce.strings($0).map { $0 ?? "NA" } } ?? [] }
}
