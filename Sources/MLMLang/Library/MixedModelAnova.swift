import MixedModels

/// anova(m1, m2, ...) for lmer fits: REML fits refitted by ML (with lme4's message), models
/// ordered by number of parameters, likelihood-ratio tests between neighbours.
enum MixedModelAnova {
    static func install(_ interp: Interpreter) {
        interp.define("anova", { ctx, args in
            guard let x = args.first?.value else { throw RError("argument \"object\" is missing, with no default") }
            let classes = x.explicitClass ?? S3Library.implicitClass(x)
            if let result = try ctx.interpreter.dispatchInternalGeneric("anova", classes: classes, args: args, call: ctx.call, env: ctx.env) {
                return result
            }
            throw RError("no applicable method for 'anova' applied to an object of class \"\(classes.first ?? "")\"")
        })
        interp.define("anova.merMod", { ctx, args in
            let i = ctx.interpreter
            let models = args.filter { $0.name == nil && i.model(of: $0.value) != nil }
            guard models.count >= 2 else { throw RError("anova of a single lmer fit needs lmerTest's Satterthwaite table, which is not available yet") }
            let names = ctx.call.arguments.filter { $0.name == nil }.prefix(models.count).map { Deparser.deparse($0.value) }
            let fitted = models.compactMap { i.model(of: $0.value) }
            if fitted.contains(where: \.reml) { try i.signalMessage("refitting model(s) with ML (instead of REML)\n", call: nil) }
            let ml = try fitted.map { try MixedModelLibrary.maximumLikelihood($0) }
            let order = ml.indices.sorted { ml[$0].logLikelihoodDF < ml[$1].logLikelihoodDF }
            var out = ""
            if case .language(let d)? = GgplotLibrary.field(models[0].value, "data") { out += "Data: \(Deparser.deparse(d.expr))\n" }
            out += "Models:\n"
            for k in order {
                if case .language(let f)? = GgplotLibrary.field(models[k].value, "formula") {
                    out += "\(names[k]): \(Deparser.deparse(MixedModelPrinting.expandedFormula(f.expr)))\n"
                }
            }
            // The table: npar AIC BIC logLik deviance Chisq Df Pr(>Chisq).
            var rows: [[Double]] = []
            for (position, k) in order.enumerated() {
                let m = ml[k]
                var row = [Double(m.logLikelihoodDF), m.aic, m.bic, m.logLikelihood, m.objective, NAReal, NAReal, NAReal]
                if position > 0 {
                    let previous = ml[order[position - 1]]
                    let chisq = max(0, 2 * (m.logLikelihood - previous.logLikelihood))
                    let df = Double(m.logLikelihoodDF - previous.logLikelihoodDF)
                    row[5] = chisq
                    row[6] = df
                    row[7] = df > 0 ? pchisqUpper(chisq, df) : NAReal
                }
                rows.append(row)
            }
            out += try table(rows, rowNames: order.map { names[$0] }, RCalls(ctx))
            i.write(out)
            i.visible = false
            return .null
        })
    }

    static func pchisqUpper(_ x: Double, _ df: Double) -> Double { pchisq(x, df, 0, 0) }

    /// print.anova: each column formatted on its own (5 significant digits), the statistic
    /// rounded, p values by format.pval, NA shown as blank, stars and legend.
    static func table(_ rows: [[Double]], rowNames: [String], _ r: RCalls) throws -> String {
        let headers = ["npar", "AIC", "BIC", "logLik", "deviance", "Chisq", "Df", "Pr(>Chisq)"]
        let digits = 5, digTst = 4
        var columns: [[String]] = []
        for j in 0..<8 {
            let values = rows.map { $0[j] }
            let present = values.filter { !$0.isNaN }
            var texts = [String](repeating: "", count: values.count)
            if !present.isEmpty {
                var formatted: [String]
                switch j {
                case 5:
                    let rounded = try r.call("round", .double(present), named: ["digits": .scalar(digTst)])
                    formatted = (try r.call("format", rounded, named: ["digits": .scalar(digits)])).asVector.map { Coerce.strings($0).map { $0 ?? "" } } ?? []
                case 7:
                    formatted = (try r.call("format.pval", .double(present), named: ["digits": .scalar(digTst), "eps": .scalar(Double.ulpOfOne)])).asVector.map { Coerce.strings($0).map { $0 ?? "" } } ?? []
                default:
                    formatted = (try r.call("format", .double(present), named: ["digits": .scalar(digits)])).asVector.map { Coerce.strings($0).map { $0 ?? "" } } ?? []
                }
                var k = 0
                for (i, v) in values.enumerated() where !v.isNaN { texts[i] = formatted[k]; k += 1 }
            }
            columns.append(texts)
        }
        let pValues = rows.map { $0[7] }
        let stars = pValues.contains { !$0.isNaN && $0 < 0.1 }
        if stars {
            columns.append(pValues.map { v in v.isNaN ? "" : (v <= 0.001 ? "***" : v <= 0.01 ? "**" : v <= 0.05 ? "*" : v <= 0.1 ? "." : " ") })
            let w = columns[8].map(\.count).max() ?? 0
            columns[8] = columns[8].map { $0.rightPadded(to: w) }
        }
        let allHeaders = headers + (stars ? [""] : [])
        let labelWidth = rowNames.map(\.displayWidth).max() ?? 0
        let widths = zip(allHeaders, columns).map { h, c in max(h.count, c.map(\.displayWidth).max() ?? 0) }
        var out = String(repeating: " ", count: labelWidth)
        for (h, w) in zip(allHeaders, widths) { out += " " + h.leftPadded(to: w) }
        out += "\n"
        for (i, name) in rowNames.enumerated() {
            out += name.rightPadded(to: labelWidth)
            for (c, w) in zip(columns, widths) { out += " " + c[i].leftPadded(to: w) }
            out += "\n"
        }
        if stars {
            let legend = zip(["0", "0.001", "0.01", "0.05", "0.1"], ["***", "**", "*", ".", " "]).map { "\($0) \(Quotes.single($1))" }
            out += "---\nSignif. codes:  " + legend.joined(separator: " ") + " 1\n"
        }
        return out
    }
}

import CRmath
