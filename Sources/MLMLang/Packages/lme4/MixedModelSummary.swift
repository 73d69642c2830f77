import CRmath
import MixedModels

/// summary() of an lmer fit as lme4's print.summary.merMod lays it out; with lmerTest attached
/// the fixed effects carry Satterthwaite's degrees of freedom and p values.
enum MixedModelSummary {
    static func install(_ interp: Interpreter) {
        interp.define("summary.merMod", { ctx, args in
            guard case .vector(var v)? = args.first?.value, let model = ctx.interpreter.model(of: .vector(v)),
                  case .list(var items) = v.storage, var names = v.names else { return .null }
            let objectClass = v.classes?.first ?? "lmerMod"
            let table = try coefficients(model, satterthwaite: objectClass == "lmerModLmerTest", ctx)
            items += [table, .scalar(objectClass)]
            names += ["coefficients", "objClass"]
            v.storage = .list(items)
            v.names = names
            // lmerTest's summary method classes its result first as its own.
            v.attributes["class"] = .character(objectClass == "lmerModLmerTest" ? ["summary.lmerModLmerTest", "summary.merMod"] : ["summary.merMod"])
            return .vector(v)
        })
        interp.define("print.summary.merMod", { ctx, args in
            guard let s = args.first?.value, let model = ctx.interpreter.model(of: s) else { return .null }
            ctx.interpreter.write(try text(s, model, RCalls(ctx)))
            ctx.interpreter.visible = false
            return s
        })
    }

    /// coef(summary(m)): Estimate, Std. Error, (df,) t value (, Pr(>|t|)).
    private static func coefficients(_ model: LinearMixedModel, satterthwaite: Bool, _ ctx: CallContext) throws -> RValue {
        let p = model.fixedEffectNames.count
        var cells: [Double], headers: [String]
        if satterthwaite {
            let table: SatterthwaiteTable
            do { table = try model.satterthwaite() } catch let e as MixedModelsError { throw RError(e.description) }
            for w in table.warnings { ctx.interpreter.warning(w, call: nil) }
            let rows = table.rows
            cells = rows.map(\.estimate) + rows.map(\.stdError) + rows.map(\.df) + rows.map(\.tValue) + rows.map(\.pValue)
            headers = ["Estimate", "Std. Error", "df", "t value", "Pr(>|t|)"]
        } else {
            let covariance = model.fixedEffectsCovariance
            let se = (0..<p).map { covariance[$0 + $0 * p].squareRoot() }
            cells = model.beta + se + zip(model.beta, se).map { $0 / $1 }
            headers = ["Estimate", "Std. Error", "t value"]
        }
        return LinearModelInference.matrix(cells, rows: model.fixedEffectNames, columns: headers)
    }

    static func text(_ s: RValue, _ model: LinearMixedModel, _ r: RCalls) throws -> String {
        let digits = 4
        let objectClass = LinearModelLibrary.field(s, "objClass")?.stringValue ?? "lmerMod"
        var title = model.reml ? "Linear mixed model fit by REML" : "Linear mixed model fit by maximum likelihood "
        if objectClass == "lmerModLmerTest" { title += ". t-tests use Satterthwaite's method" }
        var out = MixedModelPrinting.methodTitle(title, objectClass: objectClass)
        out += MixedModelPrinting.callLines(s, long: true, width: r.ctx.interpreter.width)
        out += "\n"
        // .prt.aictab with its default of one decimal: the criteria rounded, then formatted together
        // (df.resid on its own).
        if model.reml {
            out += "REML criterion at convergence: \(RFormat.significant(fround(model.objective, 1), digits: 7))\n"
        } else {
            let values = [model.aic, model.bic, model.logLikelihood, model.objective].map { fround($0, 1) }
            var texts = (try r.call("format", .double(values))).asVector.map { Coerce.strings($0).map { $0 ?? "" } } ?? []
            texts.append(String(model.n - model.logLikelihoodDF))
            var v = RVector(.character(texts.map { Optional($0) }))
            v.names = ["AIC", "BIC", "logLik", "deviance", "df.resid"]
            out += MixedModelPrinting.namedRightAligned(.vector(v))
        }
        out += "\n"
        // .prt.resids: quantiles of the residuals scaled by sigma.
        out += "Scaled residuals: \n"
        let scaled = model.residuals.map { $0 / model.sigma }
        let q = try r.call("quantile", .double(scaled))
        guard case .vector(var rq) = try LinearModelPrinting.zapsmall(q, digits: digits + 1, r) else { return out }
        rq.names = ["Min", "1Q", "Median", "3Q", "Max"]
        out += try r.printed(.vector(rq), digits: digits) + "\n"
        out += "Random effects:\n" + MixedModelPrinting.randomEffectsTable(model, variance: true)
        out += "Number of obs: \(model.n), groups:  " + MixedModelPrinting.groupCounts(model) + "\n"
        guard case .vector(let table)? = LinearModelLibrary.field(s, "coefficients"), let p = table.dim?.first, p > 0 else { return out }
        out += "\nFixed effects:\n" + (try LinearModelPrinting.printCoefmat(table, digits: digits, r))
        if p > 1 && p <= 12 { out += try correlationText(model, r) }
        out += MixedModelConvergence.fitWarnings(model)
        out += MixedModelConvergence.report(model.optSummary, forSummary: true)
        return out
    }

    /// "Correlation of Fixed Effects:": the lower triangle to 3 decimals, rows named by
    /// abbreviate(minlength = 11), columns by abbreviate(minlength = 6).
    private static func correlationText(_ model: LinearMixedModel, _ r: RCalls) throws -> String {
        let names = model.fixedEffectNames, p = names.count
        let v = model.fixedEffectsCovariance
        var correlation = [Double](repeating: 0, count: p * p)
        for i in 0..<p { for j in 0..<p { correlation[i + j * p] = v[i + j * p] / (v[i + i * p] * v[j + j * p]).squareRoot() } }
        let rounded = try r.call("round", .double(correlation), named: ["digits": .scalar(3)])
        let formatted = (try r.call("format", rounded, named: ["nsmall": .scalar(3)])).asVector.map { Coerce.strings($0).map { $0 ?? "" } } ?? []
        let rowNames = names.dropFirst().map { abbreviate($0, minlength: 11) }
        let columnNames = names.dropLast().map { abbreviate($0, minlength: 6) }
        var cells = [[String]](repeating: [], count: p - 1)
        for j in 0..<(p - 1) {
            cells[j] = (1..<p).map { i in i > j ? formatted[i + j * p] : "" }
        }
        // print(quote = FALSE) of a character matrix: everything left-aligned.
        let labelWidth = rowNames.map(\.displayWidth).max() ?? 0
        let widths = (0..<(p - 1)).map { j in max(columnNames[j].displayWidth, cells[j].map(\.displayWidth).max() ?? 0) }
        var out = "\nCorrelation of Fixed Effects:\n" + String(repeating: " ", count: labelWidth)
        for j in 0..<(p - 1) { out += " " + columnNames[j].rightPadded(to: widths[j]) }
        out += "\n"
        for i in 0..<(p - 1) {
            out += rowNames[i].rightPadded(to: labelWidth)
            for j in 0..<(p - 1) { out += " " + cells[j][i].rightPadded(to: widths[j]) }
            out += "\n"
        }
        return out
    }

    /// R's abbreviate (method "left.kept", not strict): drop lower-case vowels from the right,
    /// then lower-case letters, then any character, never the first letter of a word, until
    /// the name is at most `minlength` characters.
    static func abbreviate(_ name: String, minlength: Int) -> String {
        var chars = Array(name.trimmingCharacters(in: .whitespaces))
        guard chars.count > minlength else { return String(chars) }
        func firstOfWord(_ i: Int) -> Bool { i == 0 || chars[i - 1] == " " }
        let passes: [(Character) -> Bool] = [
            { "aeiou".contains($0) },
            { $0.isLowercase },
            { $0 != " " },
        ]
        for removable in passes {
            var i = chars.count - 1
            while i > 0 && chars.filter({ $0 != " " }).count > minlength {
                if !firstOfWord(i) && removable(chars[i]) { chars.remove(at: i) }
                i -= 1
            }
            if chars.filter({ $0 != " " }).count <= minlength { break }
        }
        return String(chars.filter { $0 != " " })
    }
}
