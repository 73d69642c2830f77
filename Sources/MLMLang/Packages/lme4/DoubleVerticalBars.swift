/// lme4's expandDoubleVerts: `(x || g)` in a formula becomes `((1 | g) + (0 + x | g))`, one term
/// per column with no correlations. lmer() fits the expanded formula and keeps it in the fit's
/// call and formula, so formula(), print, summary and anova's model lines show it as lme4 does
/// (glmer() keeps the formula as written).
enum DoubleVerticalBars {
    static func contains(_ e: Expr) -> Bool {
        guard case .call(let c) = e else { return false }
        return c.functionName == "||" || c.arguments.contains { contains($0.value) }
    }

    static func expand(_ e: Expr) throws -> Expr {
        guard case .call(let c) = e else { return e }
        if c.functionName == "||", c.arguments.count == 2 { return try expandOne(lhs: c.arguments[0].value, group: c.arguments[1].value) }
        let arguments = try c.arguments.map { a -> Argument in
            var a = a
            a.value = try expand(a.value)
            return a
        }
        return .call(Call(c.function, arguments, location: c.location))
    }

    /// `x || g`: `(1 | g) + (0 + t1 | g) + ...` for the terms of `x` (the intercept's first).
    private static func expandOne(lhs: Expr, group: Expr) throws -> Expr {
        let model = try ModelFormula(Call(.symbol("~"), [Argument(lhs)]), keepingBarsAsTerms: true)
        var pieces: [Expr] = model.intercept ? [.constant(.scalar(1.0))] : []
        for term in model.terms {
            let product = term.variables.dropFirst().reduce(term.variables[0]) { .call(":", [$0, $1]) }
            pieces.append(.call("+", [.constant(.scalar(0.0)), product]))
        }
        let bars = pieces.map { Expr.call("(", [.call("|", [$0, group])]) }
        guard let first = bars.first else { return .call("|", [lhs, group]) }
        return bars.dropFirst().reduce(first) { .call("+", [$0, $1]) }
    }
}
