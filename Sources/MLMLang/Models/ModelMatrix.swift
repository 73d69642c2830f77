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
    /// The term each column belongs to: 0 for the intercept, k for formula.terms[k - 1] (R's "assign").
    var assign: [Int] = []
    /// Levels of each factor variable, by its deparsed expression (R's "xlevels").
    var factorLevels: [String: [String]] = [:]
    /// The model frame: each variable as evaluated (response first), over the rows used.
    var frame: [(name: String, value: RValue)] = []
    /// The sum of the formula's offset() terms over the rows used; nil when it has none.
    var offset: [Double]?
    /// A two-column response (glm's `cbind(successes, failures)`), over the rows used.
    var responseColumns: [[Double]]?
    /// A factor response (a binary glm's), over the rows used: codes from 1, and levels.
    var responseFactor: (codes: [Int], levels: [String])?

    /// A variable's values over all rows of the data: numbers, or factor codes with levels.
    enum Variable {
        case numeric([Double])
        case factor(codes: [Int], levels: [String])
        /// A numeric matrix, column by column (only a response may be one).
        case matrix([[Double]])

        func isMissing(_ i: Int) -> Bool {
            switch self {
            case .numeric(let d): return d[i].isNaN
            case .factor(let c, _): return c[i] == NAInteger
            case .matrix(let columns): return columns.contains { $0[i].isNaN }
            }
        }
    }

    /// Evaluates an expression with the data's columns in scope.
    static func variable(_ e: Expr, mask: Environment, interpreter: Interpreter) throws -> Variable {
        try variable(e, value: try interpreter.eval(e, mask))
    }

    /// An evaluated variable as numbers or factor codes.
    static func variable(_ e: Expr, value v: RValue) throws -> Variable {
        guard case .vector(let vec) = v else { throw RError("invalid type (\(v.typeName)) for variable '\(Deparser.deparse(e))'") }
        if vec.isFactor, case .integer(let codes) = vec.storage { return .factor(codes: codes, levels: vec.levels ?? []) }
        if case .character = vec.storage, case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(v), case .integer(let codes) = f.storage {
            return .factor(codes: codes, levels: f.levels ?? [])
        }
        guard vec.storage.rank <= 2, let d = Coerce.doubles(vec) else {
            throw RError("invalid type (\(vec.storage.typeName)) for variable '\(Deparser.deparse(e))'")
        }
        if let dim = vec.dim, dim.count == 2, dim[1] > 1, dim[0] * dim[1] == d.count {
            return .matrix((0..<dim[1]).map { c in Array(d[(c * dim[0])..<((c + 1) * dim[0])]) })
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

    /// `xlevels` recodes factors to the levels a model was fitted with (for predictions on new
    /// data, which need no response when `needsResponse` is false).
    /// `generalResponse` lets the response be a two-column matrix or a factor (glm's forms);
    /// otherwise it must be numeric.
    init(_ formula: ModelFormula, data: RValue, env: Environment, interpreter: Interpreter, extraVariables: [Expr] = [],
         xlevels: [String: [String]]? = nil, needsResponse: Bool = true, generalResponse: Bool = false) throws {
        let mask = Self.mask(data, env: env)
        var cache: [String: Variable] = [:]
        var rawValues: [(String, RValue)] = []
        var codings: [String: ContrastCoding] = [:]
        func lookup(_ e: Expr) throws -> Variable {
            let key = Deparser.deparse(e)
            if let v = cache[key] { return v }
            let raw = try interpreter.eval(e, mask)
            rawValues.append((key, raw))
            var v = try Self.variable(e, value: raw)
            if case .factor = v, let coding = try Self.contrastCoding(raw, interpreter: interpreter) { codings[key] = coding }
            if let wanted = xlevels?[key], case .factor(let codes, let levels) = v {
                let position = Dictionary(wanted.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
                v = .factor(codes: try codes.map { c in
                    guard c != NAInteger else { return NAInteger }
                    guard let p = position[levels[c - 1]] else { throw RError("factor \(key) has new level \(levels[c - 1])") }
                    return p
                }, levels: wanted)
            }
            cache[key] = v
            return v
        }
        var used: [Variable] = []
        var yValues: [Double] = []
        if needsResponse {
            guard let responseExpr = formula.response else { throw RError("the formula needs a response") }
            let y = try lookup(responseExpr)
            switch y {
            case .numeric(let values): yValues = values
            case .matrix where generalResponse, .factor where generalResponse: break
            default: throw RError("response must be numeric")
            }
            used.append(y)
        }
        for t in formula.terms { for v in t.variables { used.append(try lookup(v)) } }
        for e in extraVariables { used.append(try lookup(e)) }
        var offsetVariables: [Variable] = []
        for e in formula.offsets {
            let v = try lookup(e)
            guard case .numeric = v else { throw RError("invalid type for the offset '\(Deparser.deparse(e))'") }
            offsetVariables.append(v)
            used.append(v)
        }
        func count(_ v: Variable) -> Int {
            switch v {
            case .numeric(let d): return d.count
            case .factor(let c, _): return c.count
            case .matrix(let columns): return columns.first?.count ?? 0
            }
        }
        let n = used.first.map(count) ?? data.asVector.map(DataFrameShape.rowCount) ?? 0
        for (k, v) in used.enumerated() where count(v) != n {
            let name = k == 0 && needsResponse ? formula.response.map { Deparser.deparse($0) } ?? "" : ""
            throw RError("variable lengths differ (found for '\(name)')")
        }
        rows = (0..<n).filter { i in !used.contains { $0.isMissing(i) } }
        let kept = RValue.integer(rows.map { $0 + 1 })
        frame = rawValues.filter { !extraVariables.map(Deparser.deparse).contains($0.0) }.map { name, value -> (String, RValue) in
            // A matrix (cbind's response) keeps its rows, not its elements.
            let index: [RValue?] = (value.asVector?.dim?.count ?? 0) == 2 ? [kept, nil] : [kept]
            return (name, (try? IndexingLibrary.subset(value, index, call: Call(.symbol("["), []))) ?? value)
        }
        response = needsResponse && !yValues.isEmpty ? rows.map { yValues[$0] } : []
        if needsResponse, let first = used.first {
            switch first {
            case .matrix(let columns): responseColumns = columns.map { c in rows.map { c[$0] } }
            case .factor(let codes, let levels) where generalResponse: responseFactor = (rows.map { codes[$0] }, levels)
            default: break
            }
        }
        if !offsetVariables.isEmpty {
            offset = rows.map { r in offsetVariables.reduce(0.0) { sum, v in
                if case .numeric(let d) = v { return sum + d[r] }
                return sum
            } }
        }
        hasIntercept = formula.intercept
        if formula.intercept {
            columnNames.append("(Intercept)")
            columns.append([Double](repeating: 1, count: rows.count))
            assign.append(0)
        }
        let labels = Set(formula.terms.map(\.label))
        for (termIndex, term) in formula.terms.enumerated() {
            // Each variable contributes one or more columns; the term's columns are their products.
            var parts: [(names: [String], values: [[Double]])] = []
            for (k, e) in term.variables.enumerated() {
                let name = Deparser.deparse(e)
                switch try lookup(e) {
                case .numeric(let d):
                    parts.append(([name], [rows.map { d[$0] }]))
                case .matrix(let columns):
                    // A matrix variable gives one column per matrix column, named by position.
                    parts.append((columns.indices.map { name + String($0 + 1) }, columns.map { c in rows.map { c[$0] } }))
                case .factor(let codes, let levels):
                    factorLevels[name] = levels
                    // Contrasts when the term without this factor is in the model (or is the
                    // intercept); otherwise one column per level.
                    let rest = term.variables.enumerated().filter { $0.offset != k }.map { Deparser.deparse($0.element) }.joined(separator: ":")
                    let useContrasts = rest.isEmpty ? formula.intercept : labels.contains(rest)
                    let first = useContrasts ? 1 : 0
                    guard levels.count > first else { throw RError("contrasts can be applied only to factors with 2 or more levels") }
                    var names: [String] = [], values: [[Double]] = []
                    if useContrasts, let coding = codings[name] {
                        guard coding.columns.allSatisfy({ $0.count == levels.count }) else {
                            throw RError("wrong number of contrast matrix rows")
                        }
                        for (c, column) in coding.columns.enumerated() {
                            names.append(name + coding.names[c])
                            values.append(rows.map { column[codes[$0] - 1] })
                        }
                    } else {
                        for l in first..<levels.count {
                            names.append(name + levels[l])
                            values.append(rows.map { codes[$0] == l + 1 ? 1 : 0 })
                        }
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
                assign.append(termIndex + 1)
            }
        }
    }

    /// A factor's contrast matrix when it is not treatment coding: the factor's own
    /// "contrasts" attribute, or the function options("contrasts") names for its kind
    /// (contr.poly for ordered factors). Columns are named by the matrix's column names, or
    /// numbered, as model.matrix names them.
    struct ContrastCoding {
        var columns: [[Double]]
        var names: [String]
    }

    static func contrastCoding(_ factor: RValue, interpreter: Interpreter) throws -> ContrastCoding? {
        guard case .vector(let f) = factor else { return nil }
        let ordered = f.classes?.contains("ordered") == true
        let option = interpreter.options["contrasts"]?.asVector.flatMap { Coerce.strings($0) }
        let named = option.flatMap { $0.count == 2 ? $0[ordered ? 1 : 0] : nil } ?? (ordered ? "contr.poly" : "contr.treatment")
        guard f.attributes["contrasts"] != nil || named != "contr.treatment" else { return nil }
        guard let stats = interpreter.namespaces["stats"] else { return nil }
        let function = try interpreter.lookupFunction("contrasts", stats.env)
        guard case .vector(let matrix) = try interpreter.callValue(function, [EvaluatedArgument(factor)], env: interpreter.globalEnv),
              let values = Coerce.doubles(matrix) else { throw RError("invalid contrasts for a factor") }
        let (rows, columns) = MatrixLibrary.shape(matrix)
        guard values.count == rows * columns else { throw RError("invalid contrasts for a factor") }
        var names = (1...max(columns, 1)).map(String.init)
        if case .vector(let dn)? = matrix.attributes["dimnames"], case .list(let parts) = dn.storage, parts.count == 2,
           case .vector(let cn) = parts[1], case .character(let given) = cn.storage, given.count == columns {
            names = given.map { $0 ?? "NA" }
        }
        return ContrastCoding(columns: (0..<columns).map { Array(values[($0 * rows)..<(($0 + 1) * rows)]) }, names: names)
    }
}
