/// A model formula taken apart the way R's terms() does: the response, whether there is an
/// intercept, fixed-effect terms ordered by degree, and lme4's random-effect terms.
struct ModelFormula {
    /// A term is a set of variables (an interaction when there are several), each an
    /// expression: a name, or a call such as I(x^2) or log(y).
    struct Term: Equatable {
        var variables: [Expr]
        var label: String { variables.map { Deparser.deparse($0) }.joined(separator: ":") }
        /// A term is its set of variables, as in R: `a:b` and `b:a` are one term.
        static func == (a: Term, b: Term) -> Bool {
            a.variables.count == b.variables.count && Set(a.variables.map { Deparser.deparse($0) }) == Set(b.variables.map { Deparser.deparse($0) })
        }
    }

    /// `(expr | group)` or `(expr || group)`.
    struct RandomTerm {
        var formula: ModelFormula
        var grouping: Expr
        var uncorrelated: Bool
    }

    var response: Expr?
    var intercept = true
    var terms: [Term] = []
    var random: [RandomTerm] = []
    /// `offset(...)` terms: R keeps them out of the term labels and adds them to the linear
    /// predictor with coefficient 1.
    var offsets: [Expr] = []
    /// Whether `(x | g)` is kept as one term (as R's terms() sees it) instead of a random term.
    private var keepsBars = false

    init(_ formula: Expr) throws {
        guard case .call(let c) = formula, c.functionName == "~" else { throw RError("invalid formula") }
        try self.init(c, keepingBarsAsTerms: false)
    }

    /// A formula as R's terms() takes it apart; with `keepingBarsAsTerms`, lme4's random terms
    /// are terms like any other (their label is `x | g`), as update() and terms() see them.
    init(_ c: Call, keepingBarsAsTerms: Bool) throws {
        guard c.functionName == "~" else { throw RError("invalid formula") }
        keepsBars = keepingBarsAsTerms
        if c.arguments.count == 2 {
            response = c.arguments[0].value
            try add(c.arguments[1].value, sign: 1)
        } else if c.arguments.count == 1 {
            try add(c.arguments[0].value, sign: 1)
        }
        // R orders terms by their number of variables, keeping the written order within a degree.
        terms = terms.enumerated().sorted { a, b in
            a.element.variables.count != b.element.variables.count ? a.element.variables.count < b.element.variables.count : a.offset < b.offset
        }.map(\.element)
    }

    /// The right-hand side of a random term's own formula, `1 + x` in `(1 + x | g)`.
    private init(rhs: Expr, keepingBars: Bool = false) throws {
        keepsBars = keepingBars
        try add(rhs, sign: 1)
    }

    private mutating func add(_ e: Expr, sign: Int) throws {
        switch e {
        case .constant(let v):
            if v.scalarDouble() == 0 { intercept = sign < 0 } else if v.scalarDouble() == 1 { intercept = sign > 0 }
            else { throw RError("invalid model formula") }
        case .call(let c):
            switch (c.functionName, c.arguments.count) {
            case ("+", 2):
                try add(c.arguments[0].value, sign: sign)
                try add(c.arguments[1].value, sign: sign)
            case ("-", 2):
                try add(c.arguments[0].value, sign: sign)
                try add(c.arguments[1].value, sign: -sign)
            case ("-", 1):
                try add(c.arguments[0].value, sign: -sign)
            case ("(", 1):
                if case .call(let inner) = c.arguments[0].value, inner.functionName == "|" || inner.functionName == "||",
                   inner.arguments.count == 2 {
                    if keepsBars { include(Term(variables: [c.arguments[0].value]), sign) } else { try addRandom(inner) }
                } else {
                    try add(c.arguments[0].value, sign: sign)
                }
            case ("*", 2):
                let a = try ModelFormula(rhs: c.arguments[0].value, keepingBars: keepsBars).terms, b = try ModelFormula(rhs: c.arguments[1].value, keepingBars: keepsBars).terms
                for t in a + b + crossed(a, b) { include(t, sign) }
            case (":", 2):
                let a = try ModelFormula(rhs: c.arguments[0].value, keepingBars: keepsBars).terms, b = try ModelFormula(rhs: c.arguments[1].value, keepingBars: keepsBars).terms
                for t in crossed(a, b) { include(t, sign) }
            case ("^", 2):
                guard let k = c.arguments[1].value.constantValue?.scalarInt(), k >= 1 else { throw RError("invalid power in formula") }
                let base = try ModelFormula(rhs: c.arguments[0].value, keepingBars: keepsBars).terms
                var all = base
                for _ in 1..<k { all = all + crossed(all, base) }
                for t in all where t.variables.count <= k { include(t, sign) }
            case ("/", 2):
                // a/b is a + a:b.
                let a = try ModelFormula(rhs: c.arguments[0].value, keepingBars: keepsBars).terms, b = try ModelFormula(rhs: c.arguments[1].value, keepingBars: keepsBars).terms
                let all = a.reduce(Term(variables: [])) { Term(variables: $0.variables + $1.variables) }
                for t in a { include(t, sign) }
                for t in b { include(Term(variables: all.variables + t.variables), sign) }
            default:
                include(Term(variables: [e]), sign)
            }
        default:
            include(Term(variables: [e]), sign)
        }
    }

    private mutating func addRandom(_ bar: Call) throws {
        let lhs = try ModelFormula(rhs: bar.arguments[0].value)
        let uncorrelated = bar.functionName == "||"
        // (x | a/b) is (x | a) + (x | a:b).
        if case .call(let g) = bar.arguments[1].value, g.functionName == "/", g.arguments.count == 2 {
            let outer = g.arguments[0].value
            random.append(RandomTerm(formula: lhs, grouping: outer, uncorrelated: uncorrelated))
            // lme4 names the nested factor inner:outer (cask:batch for batch/cask).
            random.append(RandomTerm(formula: lhs, grouping: .call(":", [g.arguments[1].value, outer]), uncorrelated: uncorrelated))
        } else {
            random.append(RandomTerm(formula: lhs, grouping: bar.arguments[1].value, uncorrelated: uncorrelated))
        }
    }

    private func crossed(_ a: [Term], _ b: [Term]) -> [Term] {
        var out: [Term] = []
        for x in a { for y in b {
            var vars = x.variables
            for v in y.variables where !vars.contains(where: { Deparser.deparse($0) == Deparser.deparse(v) }) { vars.append(v) }
            out.append(Term(variables: vars))
        } }
        return out
    }

    private mutating func include(_ t: Term, _ sign: Int) {
        if t.variables.count == 1, case .call(let c) = t.variables[0], c.functionName == "offset", c.arguments.count == 1 {
            if sign > 0 { offsets.append(t.variables[0]) }
            return
        }
        if sign > 0 { if !terms.contains(t) { terms.append(t) } } else { terms.removeAll { $0 == t } }
    }
}

extension Expr {
    var constantValue: RValue? {
        if case .constant(let v) = self { return v }
        return nil
    }
}
