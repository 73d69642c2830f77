import MixedModels

/// lme4's printing of fitted models: print.merMod, the random-effects table.
enum MixedModelPrinting {
    static func printMerMod(_ m: RValue, _ model: LinearMixedModel, _ r: RCalls) throws -> String {
        let digits = 4
        let title = model.reml ? "Linear mixed model fit by REML" : "Linear mixed model fit by maximum likelihood "
        var out = methodTitle(title, objectClass: m.explicitClass?.first ?? "lmerMod")
        out += callLines(m, long: false, width: r.ctx.interpreter.width)
        if model.reml {
            out += "REML criterion at convergence: \(RFormat.significant(model.objective, digits: digits + 3))\n"
        } else {
            out += try aicTable([model.aic, model.bic, model.logLikelihood, model.objective, Double(model.n - model.logLikelihoodDF)],
                                digits: digits, r)
        }
        out += "Random effects:\n" + randomEffectsTable(model, variance: false)
        out += "Number of obs: \(model.n), groups:  " + groupCounts(model) + "\n"
        out += "Fixed Effects:\n"
        var beta = RVector(.double(model.beta))
        beta.names = model.fixedEffectNames.map { Optional($0) }
        out += LinearModelPrinting.namedStrings(try r.call("format", .vector(beta), named: ["digits": .scalar(digits)]), gap: 2)
        out += MixedModelConvergence.fitWarnings(model)
        out += MixedModelConvergence.report(model.optSummary, forSummary: false)
        return out
    }

    /// lme4's .prt.aictab(aictab, digits): the criteria rounded to `digits` places and formatted
    /// together, df.resid on its own, printed as a named character vector.
    static func aicTable(_ values: [Double], digits: Int, _ r: RCalls) throws -> String {
        let rounded = try r.call("round", .double(values), named: ["digits": .scalar(digits)])
        guard let all = rounded.asVector.flatMap({ Coerce.doubles($0) }), all.count == 5 else { return "" }
        var texts = (try r.call("format", .double(Array(all.prefix(4))))).asVector.map { Coerce.strings($0).map { $0 ?? "" } } ?? []
        texts.append(try r.call("format", .scalar(all[4])).stringValue ?? "")
        var v = RVector(.character(texts.map { Optional($0) }))
        v.names = ["AIC", "BIC", "logLik", "deviance", "df.resid"]
        return namedRightAligned(.vector(v))
    }

    /// lme4's .prt.call: the formula, data and (for summary, `long`) a non-default control, each
    /// deparsed and written by cat(fill = TRUE).
    static func callLines(_ m: RValue, long: Bool, width: Int) -> String {
        var out = ""
        if case .language(let f)? = ListFields.field(m, "formula") {
            out += filled("Formula:", Deparser.deparseLines(expandedFormula(f.expr)), width: width)
        }
        if case .language(let d)? = ListFields.field(m, "data") { out += filled("   Data:", Deparser.deparseLines(d.expr), width: width) }
        if case .language(let call)? = ListFields.field(m, "call"), case .call(let c) = call.expr {
            out += optionalArguments(c, long: long, width: width)
        }
        return out
    }

    /// .prt.call from a call alone (a summary's `call`, whose formula is already lme4's
    /// expanded one): its formula, data and, for `long`, a non-default control.
    static func callLines(call: Expr, long: Bool, width: Int) -> String {
        guard case .call(let c) = call else { return "" }
        var out = ""
        if let formula = c.arguments.first(where: { $0.name == "formula" }) ?? c.arguments.first(where: { $0.name == nil }) {
            out += filled("Formula:", Deparser.deparseLines(formula.value), width: width)
        }
        if let data = c.arguments.first(where: { $0.name == "data" }) { out += filled("   Data:", Deparser.deparseLines(data.value), width: width) }
        return out + optionalArguments(c, long: long, width: width)
    }

    /// .prt.call's lines after Data: Weights and Offset when given, Control (summary only, when
    /// not the default) and Subset.
    private static func optionalArguments(_ c: Call, long: Bool, width: Int) -> String {
        var out = ""
        func argument(_ name: String) -> Expr? { c.arguments.first(where: { $0.name == name })?.value }
        if let weights = argument("weights") { out += filled("Weights:", Deparser.deparseLines(weights), width: width) }
        if let offset = argument("offset") { out += filled(" Offset:", Deparser.deparseLines(offset), width: width) }
        if long, let control = argument("control") {
            let lines = Deparser.deparseLines(control)
            if lines != ["lmerControl()"] && lines != ["glmerControl()"] { out += filled("Control:", lines, width: width) }
        }
        if let subset = argument("subset") { out += filled(" Subset:", Deparser.deparseLines(subset), width: width) }
        return out
    }

    /// lme4's cat.f: cat(label, lines, fill = TRUE), which fills to getOption("width").
    static func filled(_ label: String, _ lines: [String], width: Int) -> String {
        OutputLibrary.filled([label] + lines, sep: " ", width: width)
    }

    /// lme4's .prt.methTit: the title and the object's class, wrapped as cat(fill = TRUE) does
    /// when they do not fit in 80 columns.
    static func methodTitle(_ title: String, objectClass: String, width: Int = 80) -> String {
        // A title lme4 writes on two lines (a GLMM's) takes the class after it as it stands.
        if title.contains("\n") { return "\(title) [\(objectClass)]\n" }
        guard title.count + 5 + objectClass.count > width else { return "\(title) ['\(objectClass)']\n" }
        var out = "", line = 0
        for piece in [title, " [", objectClass, "]"] {
            if line > 0 && line + piece.count > width { out += "\n"; line = 0 }
            out += piece
            line += piece.count
        }
        return out + "\n"
    }

    /// lme4 rewrites `(x || g)` as `((1 | g) + (0 + x | g))` in the formula it keeps.
    static func expandedFormula(_ e: Expr) -> Expr {
        guard case .call(let c) = e else { return e }
        if c.functionName == "(", c.arguments.count == 1, case .call(let bar) = c.arguments[0].value, bar.functionName == "||",
           bar.arguments.count == 2 {
            var parts: [Expr] = []
            var lhs = bar.arguments[0].value
            var terms: [Expr] = []
            func collect(_ x: Expr) {
                if case .call(let p) = x, p.functionName == "+", p.arguments.count == 2 { collect(p.arguments[0].value); collect(p.arguments[1].value) }
                else { terms.append(x) }
            }
            collect(lhs)
            let hasIntercept = !terms.contains { if case .constant(let v) = $0 { return v.scalarDouble() == 0 }; return false }
            if hasIntercept { parts.append(.call("(", [.call("|", [.constant(.scalar(1.0)), bar.arguments[1].value])])) }
            for t in terms {
                if case .constant = t { continue }
                lhs = .call("+", [.constant(.scalar(0.0)), t])
                parts.append(.call("(", [.call("|", [lhs, bar.arguments[1].value])]))
            }
            guard var sum = parts.first else { return e }
            for p in parts.dropFirst() { sum = .call("+", [sum, p]) }
            return .call("(", [sum])
        }
        return .call(Call(c.function, c.arguments.map { Argument(name: $0.name, expandedFormula($0.value)) }, location: c.location))
    }

    static func groupCounts(_ model: LinearMixedModel) -> String {
        groupingFactors(model).map { "\($0.name), \($0.levels)" }.joined(separator: "; ")
    }

    /// Each grouping factor once, with its number of levels, in term order (a factor with
    /// several terms, Subject and Subject.1, counted once).
    static func groupingFactors(_ model: LinearMixedModel) -> [(name: String, levels: Int)] { groupingFactors(model.terms) }

    static func groupingFactors(_ terms: [RandomEffectsTerm]) -> [(name: String, levels: Int)] {
        var factors: [(name: String, levels: Int)] = []
        for t in terms where !factors.contains(where: { $0.name == t.grouping }) {
            if let name = unsuffixed(t.grouping), factors.contains(where: { $0.name == name }) { continue }
            factors.append((t.grouping, t.levelCount))
        }
        return factors
    }

    /// lme4 names a second term on factor g "g.1" (`(1 | g) + (0 + x | g)`): the name without
    /// such a suffix, nil when it has none. (Callers check that g itself is a factor of the fit.)
    static func unsuffixed(_ grouping: String) -> String? {
        guard let dot = grouping.lastIndex(of: "."), Int(grouping[grouping.index(after: dot)...]) != nil else { return nil }
        return String(grouping[..<dot])
    }

    /// A named vector as print() shows it, for the AIC line of ML fits.
    static func namedRightAligned(_ v: RValue) -> String {
        guard case .vector(let vec) = v else { return "" }
        let values = Coerce.strings(vec).map { $0 ?? "NA" }, names = (vec.names ?? []).map { $0 ?? "" }
        let w = max(values.map(\.count).max() ?? 0, names.map(\.count).max() ?? 0)
        return names.map { $0.leftPadded(to: w) + " " }.joined() + "\n" + values.map { $0.leftPadded(to: w) + " " }.joined() + "\n"
    }

    /// The random-effects table of print.merMod (standard deviations) or summary (variances too).
    static func randomEffectsTable(_ model: LinearMixedModel, variance: Bool, digits: Int = 4) -> String {
        randomEffectsTable(model.varianceComponents, sigma: model.sigma, variance: variance, digits: digits)
    }

    /// The components' table (VarCorr's print), with the residual's row when there is a scale.
    static func randomEffectsTable(_ components: [VarianceComponent], sigma: Double?, variance: Bool, digits: Int = 4) -> String {
        var rows: [(group: String, name: String, variance: Double, sd: Double, corr: [Double])] = []
        for c in components {
            let q = c.columnNames.count
            for i in 0..<q {
                let corr = (0..<i).map { c.correlations[i + $0 * q] }
                rows.append((i == 0 ? c.grouping : "", c.columnNames[i], c.covariance[i + i * q], c.standardDeviations[i], corr))
            }
        }
        if let sigma { rows.append(("Residual", "", sigma * sigma, sigma, [])) }
        // lme4 formats the numbers with 4 significant digits, each column on its own.
        func column(_ xs: [Double]) -> [String] {
            let f = RFormat.formatReal(xs, digits: digits)
            return xs.map { RFormat.encodeReal($0, f) }
        }
        let sds = column(rows.map(\.sd)), vars = column(rows.map(\.variance))
        let maxCorr = rows.map(\.corr.count).max() ?? 0
        // Correlations rounded to two places and formatted as one column each (format()).
        let corrPlaces = max(2, digits - 2)
        let corrTexts = rows.map { $0.corr.map { String(format: "%.\(corrPlaces)f", $0) } }
        let corrWidths = (0..<maxCorr).map { k in corrTexts.compactMap { k < $0.count ? $0[k].count : nil }.max() ?? 0 }
        let firstCorrWidth = max(corrWidths.first ?? 0, "Corr".count)
        let groupWidth = max(rows.map(\.group.count).max() ?? 0, "Groups".count)
        let nameWidth = max(rows.map(\.name.count).max() ?? 0, "Name".count)
        let varWidth = max(vars.map(\.count).max() ?? 0, "Variance".count)
        let sdWidth = max(sds.map(\.count).max() ?? 0, "Std.Dev.".count)
        var out = " " + "Groups".rightPadded(to: groupWidth) + " " + "Name".rightPadded(to: nameWidth)
        if variance { out += " " + "Variance".rightPadded(to: varWidth) }
        out += " " + "Std.Dev.".rightPadded(to: sdWidth)
        if maxCorr > 0 {
            out += " " + "Corr".rightPadded(to: firstCorrWidth)
            for k in 1..<max(maxCorr, 1) { out += " " + String(repeating: " ", count: corrWidths[k]) }
        }
        out += "\n"
        for (k, row) in rows.enumerated() {
            out += " " + row.group.rightPadded(to: groupWidth) + " " + row.name.rightPadded(to: nameWidth)
            if variance { out += " " + vars[k].rightPadded(to: varWidth) }
            out += " " + sds[k].rightPadded(to: sdWidth)
            if maxCorr > 0 {
                for c in 0..<maxCorr {
                    let width = c == 0 ? firstCorrWidth : corrWidths[c]
                    let cell = c < corrTexts[k].count ? corrTexts[k][c].leftPadded(to: corrWidths[c]) : ""
                    out += " " + cell.rightPadded(to: width)
                }
            }
            out += "\n"
        }
        return out
    }
}

import Foundation
