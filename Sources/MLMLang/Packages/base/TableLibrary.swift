/// Contingency tables and grouped application: table, prop.table, tabulate, tapply.
enum TableLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("table", { ctx, args in
            var dnn: [String?]?
            if case .vector(let d)? = args.first(where: { $0.name == "dnn" })?.value { dnn = Coerce.strings(d) }
            let useNA = args.first(where: { $0.name == "useNA" })?.value.stringValue ?? "no"
            let data = args.filter { !["dnn", "useNA", "exclude", "deparse.level"].contains($0.name ?? "") }
            let callArgs = ctx.call.arguments.filter { !["dnn", "useNA", "exclude", "deparse.level"].contains($0.name ?? "") }
            var factors: [RVector] = []
            var names: [String] = []
            for (i, a) in data.enumerated() {
                if case .vector(let v) = a.value, case .list(let cols) = v.storage, data.count == 1 {
                    // A data frame or list: one dimension per column.
                    for (k, c) in cols.enumerated() {
                        guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(c) else { continue }
                        factors.append(withNA(f, useNA))
                        names.append(v.names?[k] ?? "")
                    }
                    continue
                }
                guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(a.value) else { throw RError("all arguments must have the same length") }
                factors.append(withNA(f, useNA))
                var label = a.name ?? ""
                if label.isEmpty, i < callArgs.count, case .symbol(let s) = callArgs[i].value { label = s }
                names.append(dnn.flatMap { i < $0.count ? $0[i] : nil } ?? label)
            }
            guard let n = factors.first?.count else { throw RError("nothing to tabulate") }
            guard factors.allSatisfy({ $0.count == n }) else { throw RError("all arguments must have the same length") }
            let extents = factors.map { $0.levels?.count ?? 0 }
            var counts = [Int](repeating: 0, count: extents.reduce(1, *))
            let codes = factors.map { f -> [Int] in
                if case .integer(let c) = f.storage { return c }
                return [Int](repeating: NAInteger, count: f.count)
            }
            rows: for row in 0..<n {
                var offset = 0, stride = 1
                for (k, c) in codes.enumerated() {
                    let code = c[row]
                    if code == NAInteger || code < 1 || code > extents[k] { continue rows }
                    offset += (code - 1) * stride
                    stride *= extents[k]
                }
                counts[offset] += 1
            }
            var table = RVector(.integer(counts))
            table.attributes["dim"] = .integer(extents)
            var dimnames = RVector(.list(factors.map { $0.attributes["levels"] ?? .character([]) }))
            dimnames.names = names
            table.attributes["dimnames"] = .vector(dimnames)
            table.attributes["class"] = .character(["table"])
            return .vector(table)
        })
        for name in ["prop.table", "proportions"] {
            interp.define(name, { _, args in
                guard case .vector(var v)? = args.first?.value, let d = Coerce.doubles(v) else { throw RError("'x' is not an array") }
                let total = d.reduce(0, +)
                v.storage = .double(d.map { $0 / total })
                return .vector(v)
            })
        }
        interp.define("tabulate", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["bin", "nbins"], args, call: ctx.call)
            guard case .vector(let v)? = m["bin"], let bins = Coerce.integers(v) else { return .integer([]) }
            let n = m["nbins"]?.scalarInt() ?? max(1, bins.filter { $0 != NAInteger }.max() ?? 0)
            var counts = [Int](repeating: 0, count: n)
            for b in bins where b != NAInteger && b >= 1 && b <= n { counts[b - 1] += 1 }
            return .integer(counts)
        })
        interp.define("tapply", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["X", "INDEX", "FUN", "...", "default", "simplify"], args, call: ctx.call)
            guard case .vector(let x)? = m["X"], let givenIndex = m["INDEX"], let fun = m["FUN"] else {
                throw RError("arguments must have same length")
            }
            let function = try ctx.interpreter.functionArgument(fun, env: ctx.env)
            var index = givenIndex
            var dimensionNames: [String?]?
            if case .vector(let iv) = index, case .list(let groupings) = iv.storage {
                // A list of grouping factors: one gives a 1-d table, two a matrix; the list's
                // names name the dimensions.
                if groupings.count == 2 {
                    guard case .vector(var table) = try crossTabulate(x, groupings.array, function, rest, ctx) else { return .null }
                    if let names = iv.names, case .vector(var dn)? = table.attributes["dimnames"] {
                        dn.names = names
                        table.attributes["dimnames"] = .vector(dn)
                    }
                    return .vector(table)
                }
                guard groupings.count == 1 else {
                    throw RError("tapply over more than two grouping factors is not available in mlmd", call: ctx.call)
                }
                index = groupings[0]
                dimensionNames = iv.names
            }
            guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(index), case .integer(let codes) = f.storage else {
                throw RError("arguments must have same length")
            }
            guard codes.count == x.count else { throw RError("arguments must have same length") }
            let levels = f.levels ?? []
            var results: [RValue] = []
            for k in 1...max(levels.count, 1) where k <= levels.count {
                let idx = codes.indices.filter { codes[$0] == k }
                var group = RVector(IndexingLibrary.select(x.storage, idx.map { Optional($0) }))
                for key in ["levels", "class"] where x.isFactor { group.attributes[key] = x.attributes[key] }
                results.append(idx.isEmpty ? .null : try ctx.interpreter.callValue(function, [EvaluatedArgument(.vector(group))] + rest, env: ctx.env))
            }
            let simplify = m["simplify"]?.logicalValue ?? true
            var out: RVector
            if simplify, results.allSatisfy({ $0.isNullValue || ($0.asVector?.count == 1 && ($0.asVector?.storage.rank ?? 4) < 4) }) {
                let combined = try VectorLibrary.combine(results.map { v -> EvaluatedArgument in
                    if v.isNullValue { return EvaluatedArgument(.logical([.na])) }
                    guard case .vector(var vv) = v else { return EvaluatedArgument(v) }
                    vv.names = nil
                    return EvaluatedArgument(.vector(vv))
                })
                out = combined.asVector ?? RVector(.logical([]))
            } else {
                out = RVector(.list(results))
            }
            out.attributes["dim"] = .integer([levels.count])
            var dimnames = RVector(.list([.character(levels.map { Optional($0) })]))
            dimnames.names = dimensionNames
            out.attributes["dimnames"] = .vector(dimnames)
            return .vector(out)
        })
        interp.define("summary.table", { ctx, args in
            guard case .vector(let t)? = args.first?.value else { return .null }
            let total = (Coerce.doubles(t) ?? []).reduce(0, +)
            var summary = RVector(.list([.scalar(total), .scalar(t.dim?.count ?? 1)]))
            summary.names = ["n.cases", "n.vars"]
            summary.attributes["class"] = .character(["summary.table"])
            return .vector(summary)
        })
        interp.define("print.summary.table", { ctx, args in
            guard let s = args.first?.value else { return .null }
            let i = ctx.interpreter
            let cases = i.conditionField(s, "n.cases")?.scalarDouble() ?? 0
            let factors = i.conditionField(s, "n.vars")?.scalarInt() ?? 0
            i.write("Number of cases in table: \(RFormat.significant(cases, digits: 7)) \nNumber of factors: \(factors) \n")
            i.visible = false
            return s
        })
        interp.define("summary.factor", { _, args in
            guard case .vector(let f)? = args.first?.value, case .integer(let codes) = f.storage else { return .null }
            let levels = f.levels ?? []
            var counts = [Int](repeating: 0, count: levels.count)
            var missing = 0
            for c in codes { if c == NAInteger { missing += 1 } else if c >= 1 && c <= levels.count { counts[c - 1] += 1 } }
            var out = RVector(.integer(counts + (missing > 0 ? [missing] : [])))
            out.names = levels.map { Optional($0) } + (missing > 0 ? ["NA's"] : [])
            return .vector(out)
        })
    }

    /// tapply over two grouping factors: a matrix of FUN's values, NA for empty cells.
    static func crossTabulate(_ x: RVector, _ groupings: [RValue], _ function: RValue, _ rest: [EvaluatedArgument],
                              _ ctx: CallContext) throws -> RValue {
        guard case .vector(let f1) = try FactorLibrary.makeFactorIfNeeded(groupings[0]), case .integer(let c1) = f1.storage,
              case .vector(let f2) = try FactorLibrary.makeFactorIfNeeded(groupings[1]), case .integer(let c2) = f2.storage,
              c1.count == x.count, c2.count == x.count else { throw RError("arguments must have same length") }
        let l1 = f1.levels ?? [], l2 = f2.levels ?? []
        var cells: [RValue] = []
        for j in 1...max(l2.count, 1) where j <= l2.count {
            for i in 1...max(l1.count, 1) where i <= l1.count {
                let idx = (0..<x.count).filter { c1[$0] == i && c2[$0] == j }
                if idx.isEmpty { cells.append(.logical([.na])); continue }
                let group = RVector(IndexingLibrary.select(x.storage, idx.map { Optional($0) }))
                cells.append(try ctx.interpreter.callValue(function, [EvaluatedArgument(.vector(group))] + rest, env: ctx.env))
            }
        }
        guard case .vector(var out) = try VectorLibrary.combine(cells.map { EvaluatedArgument($0) }) else { return .null }
        out.names = nil
        out.attributes["dim"] = .integer([l1.count, l2.count])
        out.attributes["dimnames"] = .list([.character(l1.map { Optional($0) }), .character(l2.map { Optional($0) })])
        return .vector(out)
    }

    /// Adds an NA level when asked (`useNA = "ifany"` or `"always"`).
    static func withNA(_ f: RVector, _ useNA: String) -> RVector {
        guard useNA != "no", case .integer(let codes) = f.storage else { return f }
        let hasNA = codes.contains(NAInteger)
        guard hasNA || useNA == "always" else { return f }
        var out = f
        let n = (f.levels?.count ?? 0) + 1
        out.storage = .integer(codes.map { $0 == NAInteger ? n : $0 })
        out.attributes["levels"] = .character((f.levels ?? []).map { Optional($0) } + [nil])
        return out
    }
}
