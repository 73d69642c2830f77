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

    private struct Row { var name: String; var npar: Int; var logLik: Double; var formula: Expr? }

    /// One reduction of the model: the random terms that remain, its row's name, and (when the
    /// formula is known) the reduced model's formula.
    private struct Reduction { let name: String; let terms: [RandomEffectsTerm]; let formula: Expr? }

    /// The "anova" table lmerTest's ranova returns: a row for the full model, one per
    /// reduction, with the reduced models' formulas as its "formulae" attribute. As lmerTest
    /// reduces terms: an intercept-only term `(1 | g)` is deleted; in a term with covariates,
    /// each covariate is dropped in turn (`x in (x + z | g)` leaves `(z | g)`, and
    /// `x in (0 + x | g)` leaves `(1 | g)`).
    static func table(_ m: RValue, _ model: LinearMixedModel, _ interpreter: Interpreter) throws -> RValue {
        guard let (x, y, _) = interpreter.mixedModelInputs[ObjectIdentifier(model)] else { throw RError("the model's data are not available") }
        // One row per term as the formula writes them (`(1 | a/b)` standing for
        // `(1 | b:a) + (1 | a)`), each matched with its fitted term.
        let (bars, terms) = orderedTerms(model.terms, in: LinearModelLibrary.field(m, "formula").flatMap { v -> Expr? in
            if case .language(let f) = v { return withoutExplicitIntercept(MixedModelPrinting.expandedFormula(f.expr)) }
            return nil
        })
        var full: Expr?
        var formulaAttributes = Attributes()
        if case .language(let f)? = LinearModelLibrary.field(m, "formula") {
            // lmerTest rebuilds the formula from its terms, so an explicit intercept is implicit.
            full = flattened(withoutExplicitIntercept(MixedModelPrinting.expandedFormula(f.expr)))
            formulaAttributes["class"] = .character(["formula"])
            // Each reduced model's formula keeps the environment of the model's own formula.
            formulaAttributes[".Environment"] = f.attributes[".Environment"] ?? .environment(interpreter.globalEnv)
        }
        if let f = full { full = withRandomTerms(bars, in: f) }
        var reductions: [Reduction] = []
        for (k, term) in terms.enumerated() {
            let bar: Expr? = bars[k]
            let barText = Deparser.deparse(bars[k])
            let others = terms.enumerated().filter { $0.offset != k }.map(\.element)
            if term.columnNames == ["(Intercept)"] {
                reductions.append(Reduction(name: barText, terms: others, formula: full.map { replacingRandomTerm(k, with: nil, in: $0) }))
                continue
            }
            for (c, column) in term.columnNames.enumerated() where column != "(Intercept)" {
                let kept = term.columnNames.indices.filter { $0 != c && term.columnNames[$0] != "(Intercept)" }
                let n = term.refs.count
                let intercept = term.columnNames.firstIndex(of: "(Intercept)").map { Array(term.z[($0 * n)..<(($0 + 1) * n)]) }
                    ?? [Double](repeating: 1, count: n)
                let z = intercept + kept.flatMap { term.z[($0 * n)..<(($0 + 1) * n)] }
                let reduced: RandomEffectsTerm
                do {
                    reduced = try RandomEffectsTerm(grouping: term.grouping, levels: term.levels, refs: term.refs,
                                                    columnNames: ["(Intercept)"] + kept.map { term.columnNames[$0] }, z: z)
                } catch let e as MixedModelsError { throw RError(e.description) }
                var remaining = terms
                remaining[k] = reduced
                // An intercept left beside another intercept on the same factor is the same term
                // twice, which lmerTest's formula keeps once.
                let base = { (g: String) -> String in MixedModelPrinting.unsuffixed(g) ?? g }
                let duplicate = kept.isEmpty && terms.enumerated().contains { $0.offset != k && $0.element.columnNames == ["(Intercept)"]
                    && base($0.element.grouping) == base(term.grouping) }
                if duplicate { remaining.remove(at: k) }
                var formula: Expr?
                if let full, let bar, case .call(let paren) = bar, case .call(let pipe)? = paren.arguments.first?.value,
                   let group = pipe.arguments.last?.value {
                    let covariates = kept.map { term.columnNames[$0] }
                    let text = "(" + (covariates.isEmpty ? "1" : covariates.joined(separator: " + ")) + " | " + Deparser.deparse(group) + ")"
                    formula = duplicate ? replacingRandomTerm(k, with: nil, in: full)
                        : try? Parser.parse(text).first.map { replacingRandomTerm(k, with: $0, in: full) }
                }
                reductions.append(Reduction(name: "\(column) in \(barText)", terms: remaining, formula: formula))
            }
        }
        var rows = [Row(name: "<none>", npar: model.logLikelihoodDF, logLik: model.logLikelihood, formula: nil)]
        for reduction in reductions {
            if reduction.terms.isEmpty {
                let fit: LinearModelFit
                do { fit = try LinearModelFit(x: x, y: y) } catch let e as MixedModelsError { throw RError(e.description) }
                rows.append(Row(name: reduction.name, npar: fit.rank + 1, logLik: linearModelLogLik(fit, reml: model.reml),
                                formula: reduction.formula))
            } else {
                do {
                    let refit = try LinearMixedModel(x: x, y: y, terms: reduction.terms, reml: model.reml)
                    _ = try refit.fit()
                    // A refit says what lme4 says of any fit (a singular one, say).
                    if let summary = refit.optSummary { try MixedModelConvergence.signal(summary, interpreter) }
                    rows.append(Row(name: reduction.name, npar: refit.logLikelihoodDF, logLik: refit.logLikelihood, formula: reduction.formula))
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
                // No degrees of freedom, no test (lmerTest leaves the p-value NA).
                cells[5] = df > 0 ? pchisq(lrt, df, 0, 0) : NAReal
            }
            for j in 0..<6 { columns[j].append(cells[j]) }
        }
        let headers = ["npar", "logLik", "AIC", "LRT", "Df", "Pr(>Chisq)"]
        var heading = ["ANOVA-like table for random-effects: Single term deletions", "\nModel:"]
        if let full { heading.append(Deparser.deparse(full)) }
        let formulae: [RValue] = rows.dropFirst().map { row in row.formula.map { .language(Language($0, attributes: formulaAttributes)) } ?? .null }
        return AnovaTable.object(headers.indices.map { .doubles(headers[$0], columns[$0]) }, rowNames: rows.map(\.name),
                                 heading: heading,
                                 before: [("formulae", .list(formulae, names: rows.dropFirst().map(\.name)))])
    }

    /// The formula's random-effects terms in its order, `(x | a/b)` written out as lme4 does
    /// (`(x | b:a) + (x | a)`), each with the fitted term for it; a fitted term the formula does
    /// not account for comes last, written from the term.
    static func orderedTerms(_ fitted: [RandomEffectsTerm], in formula: Expr?) -> ([Expr], [RandomEffectsTerm]) {
        func parts(_ bar: Expr) -> (lhs: Expr, group: Expr)? {
            guard case .call(let p) = bar, case .call(let pipe)? = p.arguments.first?.value, pipe.arguments.count == 2 else { return nil }
            return (pipe.arguments[0].value, pipe.arguments[1].value)
        }
        func bar(_ lhs: Expr, _ group: Expr) -> Expr {
            .call(Call(.symbol("("), [Argument(.call(Call(.symbol("|"), [Argument(lhs), Argument(group)])))]))
        }
        // a/b/c: c:b:a, b:a, a.
        func nested(_ group: Expr) -> [Expr] {
            guard case .call(let c) = group, c.functionName == "/", c.arguments.count == 2 else { return [group] }
            let outer = nested(c.arguments[0].value)
            return [.call(Call(.symbol(":"), [Argument(c.arguments[1].value), Argument(outer[0])]))] + outer
        }
        var written: [Expr] = []
        for b in formula.map(randomTerms) ?? [] {
            guard let (lhs, group) = parts(b) else { written.append(b); continue }
            let groups = nested(group)
            written += groups.count == 1 ? [b] : groups.map { bar(lhs, $0) }
        }
        func base(_ g: String) -> String { MixedModelPrinting.unsuffixed(g) ?? g }
        var unused = Array(fitted.indices)
        var bars: [Expr] = [], terms: [RandomEffectsTerm] = []
        for b in written {
            guard let group = parts(b).map({ Deparser.deparse($0.group) }),
                  let k = unused.firstIndex(where: { fitted[$0].grouping == group || base(fitted[$0].grouping) == group }) else { continue }
            bars.append(b)
            terms.append(fitted[unused.remove(at: k)])
        }
        for k in unused {
            let term = fitted[k]
            var columns = term.columnNames.map { $0 == "(Intercept)" ? "1" : $0 }
            if !term.columnNames.contains("(Intercept)") { columns.insert("0", at: 0) }
            let text = "(" + columns.joined(separator: " + ") + " | " + base(term.grouping) + ")"
            bars.append((try? Parser.parse(text).first) ?? .symbol(text))
            terms.append(term)
        }
        return (bars, terms)
    }

    /// The formula's fixed part plus the given random-effects terms, in their order.
    static func withRandomTerms(_ bars: [Expr], in formula: Expr) -> Expr {
        guard case .call(let c) = formula, c.functionName == "~" else { return formula }
        let rhs = sum(rightHandTerms(formula).filter { !isRandomTerm($0) } + bars)
        return .call(Call(c.function, c.arguments.dropLast() + [Argument(rhs)], location: c.location))
    }

    /// The random-effects terms (`(x | g)`) of a formula's right-hand side, in order.
    static func randomTerms(_ formula: Expr) -> [Expr] {
        rightHandTerms(formula).filter(isRandomTerm)
    }

    private static func isRandomTerm(_ e: Expr) -> Bool {
        guard case .call(let p) = e, p.functionName == "(", case .call(let bar)? = p.arguments.first?.value else { return false }
        return bar.functionName == "|" || bar.functionName == "||"
    }

    /// The terms a formula's right-hand side adds together.
    private static func rightHandTerms(_ formula: Expr) -> [Expr] {
        guard case .call(let c) = formula, c.functionName == "~", let rhs = c.arguments.last else { return [] }
        var parts: [Expr] = []
        func collect(_ e: Expr) {
            if case .call(let p) = e, p.functionName == "+", p.arguments.count == 2 {
                collect(p.arguments[0].value)
                collect(p.arguments[1].value)
            } else if case .call(let p) = e, p.functionName == "(", case .call(let inner)? = p.arguments.first?.value,
                      inner.functionName == "+" {
                // lme4's expansion of `(x || g)` is `((1 | g) + (0 + x | g))`: its terms, one by one.
                collect(inner.arguments[0].value)
                collect(inner.arguments[1].value)
            } else {
                parts.append(e)
            }
        }
        collect(rhs.value)
        return parts
    }

    /// Terms added left to right (`a + b + c`), or `1` for none.
    private static func sum(_ parts: [Expr]) -> Expr {
        parts.dropFirst().reduce(parts.first ?? .constant(.scalar(1.0))) { lhs, term in
            .call(Call(.symbol("+"), [Argument(lhs), Argument(term)]))
        }
    }

    /// The formula with its right-hand side's terms summed flat, as lmerTest writes it back.
    static func flattened(_ formula: Expr) -> Expr { replacingRandomTerm(-1, with: nil, in: formula) }

    /// The formula with its k-th random-effects term replaced (or, given nil, deleted):
    /// `y ~ x + (1 | g)` without term 0 is `y ~ x`.
    static func replacingRandomTerm(_ k: Int, with replacement: Expr?, in formula: Expr) -> Expr {
        guard case .call(let c) = formula, c.functionName == "~" else { return formula }
        var seen = 0
        var parts: [Expr] = []
        for part in rightHandTerms(formula) {
            guard isRandomTerm(part) else { parts.append(part); continue }
            defer { seen += 1 }
            if seen != k { parts.append(part) } else if let replacement { parts.append(replacement) }
        }
        return .call(Call(c.function, c.arguments.dropLast() + [Argument(sum(parts))], location: c.location))
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
