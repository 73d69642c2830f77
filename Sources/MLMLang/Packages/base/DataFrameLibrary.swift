/// data.frame(), as.data.frame(), row names and the list-like views of data frames.
enum DataFrameLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("print.data.frame", { ctx, args in
            let i = ctx.interpreter
            let (m, _) = try i.matchBuiltinArguments(["x", "...", "digits", "quote", "right", "row.names", "max"], args, call: ctx.call)
            guard let x = m["x"], let df = DataFrame(x) else { throw RError("argument \"x\" is missing, with no default") }
            var printer = DataFramePrinter(digits: m["digits"]?.scalarInt() ?? i.digits, width: i.width, scipen: i.scipen)
            printer.showRowNames = m["row.names"]?.logicalValue ?? true
            i.write(printer.print(df))
            i.visible = false
            return x
        })
        interp.define("data.frame", { ctx, args in
            let options = ["row.names", "check.rows", "check.names", "fix.empty.names", "stringsAsFactors"]
            let labels = argumentLabels(ctx, count: args.count)
            var parts: [(label: String?, value: RValue, explicit: Bool)] = []
            var opts: [String: RValue] = [:]
            for (k, a) in args.enumerated() {
                if let n = a.name, options.contains(n) { opts[n] = a.value; continue }
                let named = a.name.map { !$0.isEmpty } ?? false
                parts.append((named ? a.name : labels[k], a.value, named))
            }
            let df = try build(parts, stringsAsFactors: opts["stringsAsFactors"]?.logicalValue ?? false,
                               checkNames: opts["check.names"]?.logicalValue ?? true, rowNames: opts["row.names"])
            return df.value
        })
        interp.define("as.data.frame", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["x", "row.names", "optional", "..."], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            let strings = rest.first(where: { $0.name == "stringsAsFactors" })?.value.logicalValue ?? false
            if var df = DataFrame(x) {
                df.classes = ["data.frame"]
                df.extra.removeAll { $0.name == "groups" }
                return df.value
            }
            let label = argumentLabels(ctx, count: args.count).first ?? nil
            // as.data.frame.matrix keeps the column names as they are; other inputs are checked.
            let isMatrix: Bool = { if case .vector(let v) = x { return v.dim?.count == 2 }; return false }()
            var df = try build([(label, x, false)], stringsAsFactors: strings,
                               checkNames: !isMatrix && !(m["optional"]?.logicalValue ?? false), rowNames: m["row.names"])
            // as.data.frame.matrix names unnamed columns V1, V2, ... (data.frame() says X1, X2).
            if case .vector(let v) = x, v.dim?.count == 2, MatrixPrinter.dimnames(v).columns == nil {
                df.names = df.names.indices.map { "V\($0 + 1)" }
            }
            return df.value
        })
        interp.define("row.names", { _, args in
            guard case .vector(let v)? = args.first?.value else { return .null }
            if let df = DataFrame(.vector(v)) { return .character(df.rowLabels.map { Optional($0) }) }
            return MatrixLibrary.dimnamesPart(.vector(v), 0)
        })
        for name in ["row.names<-", "row.names<-.data.frame"] {
            interp.define(name, { _, args in
                guard args.count >= 2, var df = DataFrame(args[0].value) else {
                    if name == "row.names<-" { return try MatrixLibrary.setDimnamesPart(args, 0) }
                    throw RError("invalid 'row.names' argument")
                }
                try setRowNames(&df, args[args.count - 1].value)
                return df.value
            })
        }
        interp.define("as.list.data.frame", { _, args in
            guard let df = args.first.flatMap({ DataFrame($0.value) }) else { return args.first?.value ?? .null }
            return .list(df.columns, names: df.names)
        })
    }

    /// `colnames<-` on a data frame: its names (R's colnames<- does this for data frames itself).
    static func setColumnNames(_ args: [EvaluatedArgument]) throws -> RValue {
        guard args.count >= 2, var df = DataFrame(args[0].value) else { throw RError("invalid arguments") }
        guard case .vector(let nv) = args[args.count - 1].value, nv.count == df.columns.count else {
            throw RError("'names' attribute [\(args[args.count - 1].value.length)] must be the same length as the vector [\(df.columns.count)]")
        }
        df.names = Coerce.strings(nv).map { $0 ?? "NA" }
        return df.value
    }

    /// What data.frame() names an unnamed argument by: its expression, deparsed.
    static func argumentLabels(_ ctx: CallContext, count: Int) -> [String?] {
        var exprs: [Expr] = []
        for a in ctx.call.arguments {
            if case .symbol("...") = a.value {
                if case .dots(let d)? = ctx.env.lookupFrame("...")?.binding("...") { exprs += d.map { $0.promise.expr } }
            } else {
                exprs.append(a.value)
            }
        }
        guard exprs.count == count else { return [String?](repeating: nil, count: count) }
        return exprs.map { e in
            if case .constant(let c) = e, c.length == 1, let s = c.stringValue, case .vector(let v) = c, case .character = v.storage {
                return Deparser.quoteString(s)
            }
            return Deparser.deparseLines(e).first
        }
    }

    static func setRowNames(_ df: inout DataFrame, _ value: RValue) throws {
        guard case .vector(let v) = value else { df.rowNames = nil; return }
        // A frame without columns takes its number of rows from its row names.
        if df.columns.isEmpty { df.rowCount = v.count }
        guard v.count == df.rowCount else {
            throw RError("invalid 'row.names' length")
        }
        let labels = Coerce.strings(v).map { $0 ?? "NA" }
        if Set(labels).count != labels.count { throw RError("duplicate 'row.names' are not allowed") }
        if case .integer(let a) = v.storage, a == Array(1...max(a.count, 1)).prefix(a.count).map({ $0 }) { df.rowNames = nil; return }
        df.rowNames = labels
    }

    /// The columns data.frame() makes of its arguments: vectors one each, matrices, lists and
    /// data frames one per column; lengths recycled to the longest when they divide it.
    static func build(_ parts: [(label: String?, value: RValue, explicit: Bool)], stringsAsFactors: Bool,
                      checkNames: Bool, rowNames: RValue?) throws -> DataFrame {
        var columns: [RValue] = []
        var names: [String] = []
        var lengths: [Int] = []
        var derivedRowNames: [String]?
        for part in parts {
            switch part.value {
            case .null:
                continue
            case .vector(let v):
                if let df = DataFrame(part.value) {
                    for (k, c) in df.columns.enumerated() {
                        columns.append(c)
                        names.append(part.explicit && df.columns.count > 1 ? "\(part.label ?? "").\(df.names[k])" : (part.explicit ? part.label ?? df.names[k] : df.names[k]))
                    }
                    lengths.append(df.rowCount)
                    if derivedRowNames == nil, let rn = df.rowNames { derivedRowNames = rn }
                } else if let dim = v.dim, dim.count == 2 {
                    let (r, c) = (dim[0], dim[1])
                    let colNames = MatrixPrinter.dimnames(v).columns
                    for j in 0..<c {
                        var col = RVector(IndexingLibrary.select(v.storage, (0..<r).map { j * r + $0 }))
                        if v.isFactor { col.attributes["levels"] = v.attributes["levels"] }
                        columns.append(.vector(col))
                        let own = colNames?[j] ?? nil
                        if part.explicit { names.append("\(part.label ?? "").\(own ?? String(j + 1))") }
                        else { names.append(own ?? "X\(j + 1)") }
                    }
                    lengths.append(r)
                    if derivedRowNames == nil, let rn = MatrixPrinter.dimnames(v).rows { derivedRowNames = rn.map { $0 ?? "NA" } }
                } else if case .list(let items) = v.storage, v.classes == nil {
                    let inner = v.names ?? []
                    let sub = items.enumerated().map { (k, item) -> (label: String?, value: RValue, explicit: Bool) in
                        let own = k < inner.count ? inner[k] : nil
                        let label = (own?.isEmpty ?? true) ? "V\(k + 1)" : own
                        return (label, item, true)
                    }
                    let df = try build(sub, stringsAsFactors: stringsAsFactors, checkNames: false, rowNames: nil)
                    for (k, c) in df.columns.enumerated() {
                        columns.append(c)
                        names.append(part.explicit ? "\(part.label ?? "").\(df.names[k])" : df.names[k])
                    }
                    lengths.append(df.rowCount)
                } else {
                    var col = v
                    if derivedRowNames == nil, let n = v.names, Set(n.map { $0 ?? "NA" }).count == n.count, v.count > 0 {
                        derivedRowNames = n.map { $0 ?? "NA" }
                    }
                    col.names = nil
                    if stringsAsFactors, case .character = col.storage,
                       case .vector(let f) = try FactorLibrary.makeFactor(.vector(col), levels: nil, labels: nil, excludeNA: true, ordered: false) {
                        col = f
                    }
                    columns.append(.vector(col))
                    names.append(part.label ?? "V\(columns.count)")
                    lengths.append(v.count)
                }
            default:
                throw RError("cannot coerce class '\"\(Summaries.implicitClass(part.value))\"' to a data.frame")
            }
        }
        let n = lengths.max() ?? 0
        for len in lengths where len != n && (len == 0 || n % len != 0) {
            var unique: [Int] = []
            for l in lengths where !unique.contains(l) { unique.append(l) }
            throw RError("arguments imply differing number of rows: \(unique.map(String.init).joined(separator: ", "))")
        }
        columns = columns.map { ColumnOps.recycle($0, to: n) }
        if checkNames { names = RNames.makeUnique(names.map { RNames.makeName($0) }) }
        var df = DataFrame(columns: columns, names: names, rowCount: n)
        if let rowNames, !rowNames.isNullValue {
            try setRowNames(&df, rowNames)
        } else if let derivedRowNames, derivedRowNames.count == n {
            df.rowNames = derivedRowNames
        }
        return df
    }
}
