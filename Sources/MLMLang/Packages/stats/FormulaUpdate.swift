/// The kernels under stats' update.formula (written in R, FormulaRSource):
/// - `updateform`, R's C_updateform: the old formula's left side takes the place of `.` on the
///   left of the new one, its right side the place of `.` on the right (a new formula without a
///   left side keeps the old one's);
/// - `simplifyFormula`, what `formula(terms.formula(f, simplify = TRUE))` gives: the terms
///   written out again in R's order (by degree, then as written), offsets after them, `- 1`
///   when there is no intercept. lme4's `(x | g)` terms stay single terms, in parentheses.
enum FormulaUpdate {
    static func install(_ interp: Interpreter) {
        interp.defineInternal("updateform", { _, args in
            guard args.count == 2, case .language(let old) = args[0].value, case .language(let new) = args[1].value,
                  case .call(let o) = old.expr, o.functionName == "~", case .call(let n) = new.expr, n.functionName == "~" else {
                throw RError("formula expected")
            }
            let oldLeft: Expr? = o.arguments.count == 2 ? o.arguments[0].value : nil
            let oldRight = o.arguments[o.arguments.count - 1].value
            var left: Expr? = n.arguments.count == 2 ? n.arguments[0].value : oldLeft
            if let l = left, let oldLeft { left = expandDots(l, oldLeft) }
            let right = expandDots(n.arguments[n.arguments.count - 1].value, .call("(", [oldRight]))
            let call: Expr = left.map { .call("~", [$0, right]) } ?? .call("~", [right])
            var attributes = Attributes()
            attributes["class"] = .character(["formula"])
            attributes[".Environment"] = old.attributes[".Environment"] ?? new.attributes[".Environment"]
            return .language(Language(call, attributes: attributes))
        })
        interp.defineInternal("simplifyFormula", { _, args in
            guard args.count == 1, case .language(let f) = args[0].value else { throw RError("formula expected") }
            return .language(Language(try simplify(f.expr), attributes: f.attributes))
        })
    }

    /// `.` replaced by `value` throughout an expression.
    static func expandDots(_ e: Expr, _ value: Expr) -> Expr {
        switch e {
        case .symbol("."):
            return value
        case .call(let c):
            // Calls are shared: a new one is made.
            let arguments = c.arguments.map { a in
                var a = a
                a.value = expandDots(a.value, value)
                return a
            }
            return .call(Call(c.function, arguments, location: c.location))
        default:
            return e
        }
    }

    static func simplify(_ formula: Expr) throws -> Expr {
        guard case .call(let c) = formula, c.functionName == "~" else { throw RError("formula expected") }
        let model = try ModelFormula(c, keepingBarsAsTerms: true)
        var pieces: [Expr] = model.terms.map { term in
            if term.variables.count == 1, case .call(let bar) = term.variables[0], bar.functionName == "|" || bar.functionName == "||" {
                return .call("(", [term.variables[0]])
            }
            return term.variables.dropFirst().reduce(term.variables[0]) { .call(":", [$0, $1]) }
        }
        pieces += model.offsets
        var right: Expr
        if let first = pieces.first {
            right = pieces.dropFirst().reduce(first) { .call("+", [$0, $1]) }
            if !model.intercept { right = .call("-", [right, .constant(.scalar(1.0))]) }
        } else {
            right = .constant(.scalar(model.intercept ? 1.0 : 0.0))
        }
        if let response = model.response { return .call("~", [response, right]) }
        return .call("~", [right])
    }
}
