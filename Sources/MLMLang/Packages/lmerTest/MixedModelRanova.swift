import CRmath
import MixedModels

/// lmerTest's ranova (and its alias rand): each random intercept term deleted in turn, the
/// reduced model refitted by the same criterion, and a likelihood-ratio test against the full.
enum MixedModelRanova {
    static func install(_ interp: Interpreter) {
        for name in ["ranova", "rand"] {
            interp.define(name, { ctx, args in
                guard let m = args.first?.value, let model = ctx.interpreter.model(of: m) else {
                    throw RError("argument \"model\" is missing, with no default")
                }
                return try table(m, model, ctx.interpreter)
            })
        }
    }

    private struct Row { var name: String; var npar: Int; var logLik: Double }

    /// The "anova" table lmerTest's ranova returns: a row for the full model, one per deleted
    /// term, with the reduced models' formulas as its "formulae" attribute.
    static func table(_ m: RValue, _ model: LinearMixedModel, _ interpreter: Interpreter) throws -> RValue {
        guard let (x, y, terms) = interpreter.mixedModelInputs[ObjectIdentifier(model)] else { throw RError("the model's data are not available") }
        var rows = [Row(name: "<none>", npar: model.logLikelihoodDF, logLik: model.logLikelihood)]
        for (k, term) in terms.enumerated() {
            guard term.columnNames == ["(Intercept)"] else {
                throw RError("ranova: reducing the term (\(term.columnNames.joined(separator: " + ")) | \(term.grouping)) to its intercept is not supported yet")
            }
            let reduced = terms.enumerated().filter { $0.offset != k }.map(\.element)
            let name = "(1 | \(term.grouping))"
            if reduced.isEmpty {
                let fit: LinearModelFit
                do { fit = try LinearModelFit(x: x, y: y) } catch let e as MixedModelsError { throw RError(e.description) }
                rows.append(Row(name: name, npar: fit.rank + 1, logLik: linearModelLogLik(fit, reml: model.reml)))
            } else {
                do {
                    let refit = try LinearMixedModel(x: x, y: y, terms: reduced, reml: model.reml)
                    _ = try refit.fit()
                    rows.append(Row(name: name, npar: refit.logLikelihoodDF, logLik: refit.logLikelihood))
                } catch let e as MixedModelsError { throw RError(e.description) }
            }
        }
        var columns = [[Double]](repeating: [], count: 6)
        for (k, row) in rows.enumerated() {
            var cells = [Double(row.npar), row.logLik, -2 * row.logLik + 2 * Double(row.npar), NAReal, NAReal, NAReal]
            if k > 0 {
                let lrt = max(0, 2 * (rows[0].logLik - row.logLik))
                let df = Double(rows[0].npar - row.npar)
                cells[3] = lrt
                cells[4] = df
                cells[5] = pchisq(lrt, df, 0, 0)
            }
            for j in 0..<6 { columns[j].append(cells[j]) }
        }
        let headers = ["npar", "logLik", "AIC", "LRT", "Df", "Pr(>Chisq)"]
        var heading = ["ANOVA-like table for random-effects: Single term deletions", "\nModel:"]
        var formulae: [RValue] = []
        if case .language(let f)? = LinearModelLibrary.field(m, "formula") {
            // lmerTest rebuilds the formula from its terms, so an explicit intercept is implicit.
            let full = withoutExplicitIntercept(MixedModelPrinting.expandedFormula(f.expr))
            heading.append(Deparser.deparse(full))
            var attributes = Attributes()
            attributes["class"] = .character(["formula"])
            // Each reduced model's formula keeps the environment of the model's own formula.
            attributes[".Environment"] = f.attributes[".Environment"] ?? .environment(interpreter.globalEnv)
            formulae = terms.indices.map { .language(Language(withoutRandomTerm($0, of: full), attributes: attributes)) }
        }
        return AnovaTable.object(headers.indices.map { .doubles(headers[$0], columns[$0]) }, rowNames: rows.map(\.name),
                                 heading: heading,
                                 before: [("formulae", .list(formulae, names: rows.dropFirst().map(\.name)))])
    }

    /// The formula without its k-th random-effects term (`y ~ x + (1 | g)` without term 0 is
    /// `y ~ x`), as lmerTest states each reduced model.
    static func withoutRandomTerm(_ k: Int, of formula: Expr) -> Expr {
        guard case .call(let c) = formula, c.functionName == "~", let rhs = c.arguments.last else { return formula }
        var parts: [Expr] = []
        func collect(_ e: Expr) {
            if case .call(let p) = e, p.functionName == "+", p.arguments.count == 2 {
                collect(p.arguments[0].value)
                parts.append(p.arguments[1].value)
            } else {
                parts.append(e)
            }
        }
        collect(rhs.value)
        func isRandomTerm(_ e: Expr) -> Bool {
            guard case .call(let p) = e, p.functionName == "(", case .call(let bar)? = p.arguments.first?.value else { return false }
            return bar.functionName == "|" || bar.functionName == "||"
        }
        var seen = 0
        parts = parts.filter { part in
            guard isRandomTerm(part) else { return true }
            defer { seen += 1 }
            return seen != k
        }
        let reduced = parts.dropFirst().reduce(parts.first ?? .constant(.scalar(1.0))) { lhs, term in
            .call(Call(.symbol("+"), [Argument(lhs), Argument(term)]))
        }
        return .call(Call(c.function, c.arguments.dropLast() + [Argument(reduced)], location: c.location))
    }

    /// `y ~ 1 + a + (1 | g)` as `y ~ a + (1 | g)`: the leading `1 +` of the right-hand side dropped.
    static func withoutExplicitIntercept(_ formula: Expr) -> Expr {
        func drop(_ e: Expr) -> Expr {
            guard case .call(let c) = e, c.functionName == "+", c.arguments.count == 2 else { return e }
            if case .constant(let v) = c.arguments[0].value, v.doubleValue == 1 { return c.arguments[1].value }
            return .call(Call(c.function, [Argument(drop(c.arguments[0].value)), c.arguments[1]], location: c.location))
        }
        guard case .call(let c) = formula, c.functionName == "~", let rhs = c.arguments.last else { return formula }
        return .call(Call(c.function, c.arguments.dropLast() + [Argument(drop(rhs.value))], location: c.location))
    }

    /// logLik.lm, with REML = TRUE as lmerTest compares a fit without random effects.
    static func linearModelLogLik(_ fit: LinearModelFit, reml: Bool) -> Double {
        guard reml else { return fit.logLikelihood }
        let rss = fit.residuals.reduce(0) { $0 + $1 * $1 }
        let n = Double(fit.residuals.count - fit.rank)
        var value = 0.5 * (-n * (log(2 * Double.pi) + 1 - log(n) + log(rss)))
        let r = fit.qr.r
        for i in 0..<fit.rank { value -= log(abs(r[i + i * fit.rank])) }
        return value
    }
}
