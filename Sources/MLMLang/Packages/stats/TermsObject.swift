/// `.Internal(termsFormula(f))`: the terms object R's terms.formula builds from a formula: the
/// formula itself with the attributes variables (a `list(...)` call of the variables in the
/// order they are first written, response first), factors (which variable is in which term: 1,
/// or 2 when the term's margin without that variable is not in the model, so that the variable
/// is coded by dummy variables, not contrasts), term.labels, order, intercept and response.
/// lme4's `(x | g)` stays one term labelled `x | g`, as R's terms() keeps it.
enum TermsObject {
    static func install(_ interp: Interpreter) {
        interp.defineInternal("termsFormula") { _, args in
            guard args.count == 1, case .language(let f) = args[0].value, case .call(let c) = f.expr, c.functionName == "~" else {
                throw RError("argument is not a valid model")
            }
            return .language(Language(f.expr, attributes: try attributes(of: c, environment: f.attributes[".Environment"])))
        }
    }

    static func attributes(of formula: Call, environment: RValue?) throws -> Attributes {
        let model = try ModelFormula(formula, keepingBarsAsTerms: true)
        var variables: [Expr] = []
        func note(_ e: Expr) {
            if !variables.contains(where: { Deparser.deparse($0) == Deparser.deparse(e) }) { variables.append(e) }
        }
        func collect(_ e: Expr) {
            switch e {
            case .constant, .missingArgument: return
            case .call(let c):
                switch c.functionName {
                case "+", "-", "*", ":", "/", "%in%":
                    for a in c.arguments { collect(a.value) }
                case "^":
                    if let base = c.arguments.first { collect(base.value) }
                case "(":
                    if c.arguments.count == 1, case .call(let inner) = c.arguments[0].value,
                       inner.functionName == "|" || inner.functionName == "||" {
                        note(c.arguments[0].value)
                    } else {
                        for a in c.arguments { collect(a.value) }
                    }
                case "offset":
                    note(e)
                default:
                    note(e)
                }
            default:
                note(e)
            }
        }
        if let response = model.response { note(response) }
        if let rhs = formula.arguments.last, formula.arguments.count >= 1 { collect(rhs.value) }

        let keys = variables.map { Deparser.deparse($0) }
        let labels = model.terms.map(\.label)
        var factors = [Int](repeating: 0, count: keys.count * labels.count)
        for (t, term) in model.terms.enumerated() {
            let names = term.variables.map { Deparser.deparse($0) }
            for name in names {
                guard let v = keys.firstIndex(of: name) else { continue }
                // The margin without this variable: present (or empty) means contrasts (1).
                let margin = Set(names.filter { $0 != name })
                let present = margin.isEmpty || model.terms.contains { Set($0.variables.map { Deparser.deparse($0) }) == margin }
                factors[v + t * keys.count] = present ? 1 : 2
            }
        }
        var a = Attributes()
        a["variables"] = .language(Language(.call(Call(.symbol("list"), variables.map { Argument($0) }))))
        if !model.offsets.isEmpty {
            a["offset"] = .integer(model.offsets.compactMap { o in keys.firstIndex(of: Deparser.deparse(o)).map { $0 + 1 } })
        }
        if labels.isEmpty {
            a["factors"] = .integer([])
        } else {
            var m = RVector(.integer(factors))
            m.attributes["dim"] = .integer([keys.count, labels.count])
            m.attributes["dimnames"] = .list([.character(keys.map { Optional($0) }), .character(labels.map { Optional($0) })])
            a["factors"] = .vector(m)
        }
        a["term.labels"] = .character(labels.map { Optional($0) })
        a["order"] = .integer(model.terms.map { $0.variables.count })
        a["intercept"] = .integer([model.intercept ? 1 : 0])
        a["response"] = .integer([model.response == nil ? 0 : 1])
        a["class"] = .character(["terms", "formula"])
        if let environment { a[".Environment"] = environment }
        return a
    }
}
