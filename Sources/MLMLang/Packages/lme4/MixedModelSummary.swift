import CRmath
import MixedModels

/// summary() of an lmer fit as lme4's print.summary.merMod lays it out; with lmerTest attached
/// the fixed effects carry Satterthwaite's degrees of freedom and p values.
enum MixedModelSummary {
    static func install(_ interp: Interpreter) {
        interp.define("summary.merMod", { ctx, args in
            if let fit = args.first?.value, let glmm = ctx.interpreter.generalizedModel(of: fit) {
                return GeneralizedMixedModelPrinting.summaryObject(fit, glmm)
            }
            guard let fit = args.first?.value, let model = ctx.interpreter.model(of: fit) else { throw RError("invalid 'merMod' object") }
            // lmerTest's summary method takes ddf: its t-tests by Satterthwaite's or Kenward-Roger's
            // method, or lme4's summary.
            var tests = MixedModelSummary.TTests.none
            if fit.inherits("lmerModLmerTest") {
                switch args.first(where: { $0.name == "ddf" })?.value.stringValue ?? "Satterthwaite" {
                case "Satterthwaite": tests = .satterthwaite
                case "Kenward-Roger": tests = .kenwardRoger
                case "lme4": tests = .none
                default:
                    throw RError("'arg' should be one of \u{201C}Satterthwaite\u{201D}, \u{201C}Kenward-Roger\u{201D}, \u{201C}lme4\u{201D}")
                }
            }
            return try object(fit, model, tests: tests, ctx)
        })
        interp.define("print.summary.merMod", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits", "..."], args, call: ctx.call)
            guard let s = m["x"] else { return .null }
            let digits = m["digits"]?.scalarInt() ?? max(3, ctx.interpreter.digits - 3)
            ctx.interpreter.write(try text(s, digits: digits, RCalls(ctx)))
            ctx.interpreter.visible = false
            return s
        })
    }

    /// The t-tests of a summary's coefficients: none (lme4's), or lmerTest's by one of its methods.
    enum TTests {
        case none, satterthwaite, kenwardRoger
    }

    /// coef(summary(m)): Estimate, Std. Error, (df,) t value (, Pr(>|t|)).
    static func coefficients(_ model: LinearMixedModel, tests: TTests, _ ctx: CallContext) throws -> RValue {
        let p = model.fixedEffectNames.count
        var cells: [Double], headers: [String]
        switch tests {
        case .kenwardRoger:
            // lmerTest's contest1D with Kenward-Roger: the adjusted variance of each estimate and
            // pbkrtest's degrees of freedom.
            guard model.reml else { throw RError("Kenward-Roger's method is only available for REML model fits", call: nil, noCall: true) }
            let adjustment = try KenwardRogerKernel.adjustment(model)
            let beta = model.beta
            let se = (0..<p).map { adjustment.adjustedCovariance[$0 + $0 * p].squareRoot() }
            let df = try (0..<p).map { j -> Double in
                do { return try adjustment.fTest(contrasts: [(0..<p).map { $0 == j ? 1 : 0 }], beta: beta).denominatorDF } catch let e as MixedModelsError { throw RError(e.description) }
            }
            let t = zip(beta, se).map { $0 / $1 }
            let pValues = zip(t, df).map { 2 * pt(abs($0), $1, 0, 0) }
            cells = beta + se + df + t + pValues
            headers = ["Estimate", "Std. Error", "df", "t value", "Pr(>|t|)"]
        case .satterthwaite:
            let table: SatterthwaiteTable
            do { table = try model.satterthwaite() } catch let e as MixedModelsError { throw RError(e.description) }
            for w in table.warnings { ctx.interpreter.warning(w, call: nil) }
            let rows = table.rows
            cells = rows.map(\.estimate) + rows.map(\.stdError) + rows.map(\.df) + rows.map(\.tValue) + rows.map(\.pValue)
            headers = ["Estimate", "Std. Error", "df", "t value", "Pr(>|t|)"]
        case .none:
            let covariance = model.fixedEffectsCovariance
            let se = (0..<p).map { covariance[$0 + $0 * p].squareRoot() }
            cells = model.beta + se + zip(model.beta, se).map { $0 / $1 }
            headers = ["Estimate", "Std. Error", "t value"]
        }
        return LinearModelInference.matrix(cells, rows: model.fixedEffectNames, columns: headers)
    }

    /// print.summary.merMod, from the summary's components alone.
    static func text(_ s: RValue, digits: Int = 4, _ r: RCalls) throws -> String {
        func field(_ name: String) -> RValue? { ListFields.field(s, name) }
        let objectClass = field("objClass")?.stringValue ?? "lmerMod"
        var out = MixedModelPrinting.methodTitle(field("methTitle")?.stringValue ?? "", objectClass: objectClass)
        if let family = field("family")?.stringValue, let link = field("link")?.stringValue {
            out += " Family: \(family)  ( \(link) )\n"
        }
        if case .language(let call)? = field("call") { out += MixedModelPrinting.callLines(call: call.expr, long: true, width: r.ctx.interpreter.width) }
        out += "\n"
        // .prt.aictab with its default of one decimal: the criteria rounded, then formatted together
        // (df.resid on its own).
        if case .vector(let aic)? = field("AICtab"), let values = Coerce.doubles(aic) {
            if aic.names?.first == "REML", !values.isEmpty {
                out += "REML criterion at convergence: \(RFormat.significant(fround(values[0], 1), digits: 7))\n"
            } else if values.count == 5 {
                out += try MixedModelPrinting.aicTable(values, digits: 1, r)
            }
        }
        out += "\n"
        // .prt.resids: quantiles of the scaled residuals.
        out += "Scaled residuals: \n"
        let q = try r.call("quantile", field("residuals") ?? .double([]))
        guard case .vector(var rq) = try LinearModelPrinting.zapsmall(q, digits: digits + 1, r) else { return out }
        rq.names = ["Min", "1Q", "Median", "3Q", "Max"]
        out += try r.printed(.vector(rq), digits: digits) + "\n"
        if let varcor = field("varcor") {
            let (components, sigma) = try VarCorrLibrary.parts(varcor)
            out += "Random effects:\n" + MixedModelPrinting.randomEffectsTable(components, sigma: sigma, variance: true, digits: digits)
        }
        let dims = field("devcomp").flatMap { ListFields.field($0, "dims") }?.asVector
        let n = dims.flatMap { d in d.names?.firstIndex(of: "n").flatMap { Coerce.integers(d)?[$0] } } ?? 0
        var groups: [String] = []
        if case .vector(let ngrps)? = field("ngrps"), let counts = Coerce.doubles(ngrps) {
            groups = zip(ngrps.names ?? [], counts).map { "\($0 ?? ""), \(RFormat.significant($1, digits: 7))" }
        }
        out += "Number of obs: \(n), groups:  " + groups.joined(separator: "; ") + "\n"
        guard case .vector(let table)? = field("coefficients"), let p = table.dim?.first, p > 0 else { return out }
        out += "\nFixed effects:\n" + (try LinearModelPrinting.printCoefmat(table, digits: digits, r))
        if p > 1 && p <= 12, case .vector(let vcov)? = field("vcov"), let v = Coerce.doubles(vcov), v.count == p * p {
            let names = table.attributes["dimnames"].flatMap { dn -> [String]? in
                guard case .vector(let d) = dn, case .list(let parts) = d.storage, case .vector(let rows)? = parts.first else { return nil }
                return Coerce.strings(rows).map { $0 ?? "" }
            } ?? []
            if names.count == p { out += try correlationText(v, names: names, r) }
        }
        if case .vector(let messages)? = field("fitMsgs"), messages.count > 0 {
            out += "fit warnings:\n" + Coerce.strings(messages).map { $0 ?? "" }.joined(separator: "\n") + "\n"
        }
        out += MixedModelConvergence.report(optinfo: field("optinfo"), forSummary: true)
        return out
    }

    /// "Correlation of Fixed Effects:": the lower triangle to 3 decimals, rows named by
    /// abbreviate(minlength = 11), columns by abbreviate(minlength = 6).
    private static func correlationText(_ v: [Double], names: [String], _ r: RCalls) throws -> String {
        let p = names.count
        var correlation = [Double](repeating: 0, count: p * p)
        for i in 0..<p { for j in 0..<p { correlation[i + j * p] = v[i + j * p] / (v[i + i * p] * v[j + j * p]).squareRoot() } }
        let rounded = try r.call("round", .double(correlation), named: ["digits": .scalar(3)])
        let formatted = (try r.call("format", rounded, named: ["nsmall": .scalar(3)])).asVector.map { Coerce.strings($0).map { $0 ?? "" } } ?? []
        let rowNames = names.dropFirst().map { Abbreviate.abbreviate($0, minlength: 11) }
        let columnNames = names.dropLast().map { Abbreviate.abbreviate($0, minlength: 6) }
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
}
