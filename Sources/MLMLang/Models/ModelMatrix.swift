/// R's model.frame and model.matrix for a formula over a data frame: variables evaluated with
/// the data's columns in scope, rows with a missing value dropped (na.omit), factors coded by
/// treatment contrasts, and columns named as R names them (`SEX1`, `SEX1:TEXP`).
struct ModelMatrix {
    var columnNames: [String] = []
    /// Column-major values, one array per column.
    var columns: [[Double]] = []
    var response: [Double] = []
    /// Rows of the data that were used (zero-based).
    var rows: [Int] = []
    /// Whether the intercept column is present.
    var hasIntercept = false

    /// A variable's values over all rows of the data: numbers, or factor codes with levels.
    enum Variable {
        case numeric([Double])
        case factor(codes: [Int], levels: [String])

        func isMissing(_ i: Int) -> Bool {
            switch self {
            case .numeric(let d): return d[i].isNaN
            case .factor(let c, _): return c[i] == NAInteger
            }
        }
    }

    /// Evaluates an expression with the data's columns in scope.
    static func variable(_ e: Expr, mask: Environment, interpreter: Interpreter) throws -> Variable {
        let v = try interpreter.eval(e, mask)
        guard case .vector(let vec) = v else { throw RError("invalid type (\(v.typeName)) for variable '\(Deparser.deparse(e))'") }
        switch vec.storage {
        case .character, .logical where false:
            break
        default:
            break
        }
        if vec.isFactor, case .integer(let codes) = vec.storage { return .factor(codes: codes, levels: vec.levels ?? []) }
        if case .character = vec.storage, case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(v), case .integer(let codes) = f.storage {
            return .factor(codes: codes, levels: f.levels ?? [])
        }
        guard vec.storage.rank <= 2, let d = Coerce.doubles(vec) else {
            throw RError("invalid type (\(vec.storage.typeName)) for variable '\(Deparser.deparse(e))'")
        }
        return .numeric(d)
    }

    /// A data mask over a data frame (or none) whose parent is `env`.
    static func mask(_ data: RValue, env: Environment) -> Environment {
        let mask = Environment(parent: env)
        let (columns, names) = ApplyLibrary.elements(data.isNullValue ? .list([]) : data)
        for (k, n) in (names ?? []).enumerated() { if let n { mask.set(n, columns[k]) } }
        return mask
    }

    init(_ formula: ModelFormula, data: RValue, env: Environment, interpreter: Interpreter, extraVariables: [Expr] = []) throws {
        let mask = Self.mask(data, env: env)
        var cache: [String: Variable] = [:]
        func lookup(_ e: Expr) throws -> Variable {
            let key = Deparser.deparse(e)
            if let v = cache[key] { return v }
            let v = try Self.variable(e, mask: mask, interpreter: interpreter)
            cache[key] = v
            return v
        }
        guard let responseExpr = formula.response else { throw RError("the formula needs a response") }
        let y = try lookup(responseExpr)
        guard case .numeric(let yValues) = y else { throw RError("response must be numeric") }
        let n = yValues.count
        var used: [Variable] = [y]
        for t in formula.terms { for v in t.variables { used.append(try lookup(v)) } }
        for e in extraVariables { used.append(try lookup(e)) }
        for v in used {
            let count: Int
            switch v { case .numeric(let d): count = d.count; case .factor(let c, _): count = c.count }
            guard count == n else { throw RError("variable lengths differ (found for '\(responseExpr)')") }
        }
        rows = (0..<n).filter { i in !used.contains { $0.isMissing(i) } }
        response = rows.map { yValues[$0] }
        hasIntercept = formula.intercept
        if formula.intercept {
            columnNames.append("(Intercept)")
            columns.append([Double](repeating: 1, count: rows.count))
        }
        let labels = Set(formula.terms.map(\.label))
        for term in formula.terms {
            // Each variable contributes one or more columns; the term's columns are their products.
            var parts: [(names: [String], values: [[Double]])] = []
            for (k, e) in term.variables.enumerated() {
                let name = Deparser.deparse(e)
                switch try lookup(e) {
                case .numeric(let d):
                    parts.append(([name], [rows.map { d[$0] }]))
                case .factor(let codes, let levels):
                    // Contrasts when the term without this factor is in the model (or is the
                    // intercept); otherwise one column per level.
                    let rest = term.variables.enumerated().filter { $0.offset != k }.map { Deparser.deparse($0.element) }.joined(separator: ":")
                    let useContrasts = rest.isEmpty ? formula.intercept : labels.contains(rest)
                    let first = useContrasts ? 1 : 0
                    guard levels.count > first else { throw RError("contrasts can be applied only to factors with 2 or more levels") }
                    var names: [String] = [], values: [[Double]] = []
                    for l in first..<levels.count {
                        names.append(name + levels[l])
                        values.append(rows.map { codes[$0] == l + 1 ? 1 : 0 })
                    }
                    parts.append((names, values))
                }
            }
            // Products, the first variable varying fastest (as model.matrix orders them).
            var combined: [(String, [Double])] = [("", [Double](repeating: 1, count: rows.count))]
            for part in parts {
                var next: [(String, [Double])] = []
                for (pn, pv) in zip(part.names, part.values) {
                    for (cn, cv) in combined {
                        next.append((cn.isEmpty ? pn : cn + ":" + pn, zip(cv, pv).map { $0 * $1 }))
                    }
                }
                // Keep the earlier variables' columns varying fastest.
                combined = next
            }
            for (name, values) in combined {
                columnNames.append(name)
                columns.append(values)
            }
        }
    }
}
