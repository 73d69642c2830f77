/// `[`, `[[` and `$` on data frames and tibbles, their replacement forms, and head/tail.
/// The methods are specials so that an empty index (`df[, 1]`) reaches them as missing.
enum DataFrameIndexing {
    static func install(_ interp: Interpreter) {
        interp.define("[.data.frame", special: { ctx, args in
            let (df, indices, drop) = try methodArguments(ctx, args)
            return try subset(df, indices, drop: drop, ctx)
        })
        interp.define("[[.data.frame", special: { ctx, args in
            let (df, indices, _) = try methodArguments(ctx, args)
            if indices.count == 2, let i = indices[0], let j = indices[1] {
                let column = try IndexingLibrary.element(df.value, [j], call: ctx.call)
                let rows = try rowPositions(i, df, ctx)
                guard rows.count == 1 else { throw RError("subscript out of bounds", call: ctx.call) }
                return ColumnOps.take(column, rows)
            }
            return try IndexingLibrary.element(df.value, indices, call: ctx.call)
        })
        for name in ["$<-.data.frame", "[[<-.data.frame"] {
            // Special, so that tibble's errors keep R's form without a call.
            interp.define(name, special: { ctx, raw in
                let args = try raw.map { EvaluatedArgument(name: $0.name, try ctx.interpreter.eval($0.value, ctx.env)) }
                guard args.count >= 3, var df = DataFrame(args[0].value) else { throw RError("invalid arguments", call: ctx.call) }
                let value = args[args.count - 1].value
                if args.count == 4 {
                    // df[[i, j]] <- value
                    let row = args[1].value, col = args[2].value
                    return try assign(df, [row, col], value, ctx)
                }
                let index = args[1].value
                let columnName: String
                if let s = index.stringValue, case .vector(let iv) = index, case .character = iv.storage { columnName = s }
                else if let k = index.scalarInt(), k >= 1, k <= df.columns.count { columnName = df.names[k - 1] }
                else if let k = index.scalarInt(), k == df.columns.count + 1 { columnName = "V\(k)" }
                else { throw RError("subscript out of bounds", call: ctx.call) }
                try setColumn(&df, columnName, value, ctx, method: name)
                return df.value
            })
        }
        interp.define("[<-.data.frame", special: { ctx, args in
            guard args.count >= 3, let x = args.first, case .constant(let xv) = x.value, let df = DataFrame(xv),
                  let last = args.last, case .constant(let value) = last.value else {
                throw RError("invalid arguments", call: ctx.call)
            }
            var indices: [RValue?] = []
            for a in args.dropFirst().dropLast() {
                if case .constant(let v) = a.value { indices.append(v) } else { indices.append(nil) }
            }
            return try assign(df, indices, value, ctx)
        })
    }

    /// The data frame, its indices (nil where empty) and `drop`, from a method's arguments.
    private static func methodArguments(_ ctx: CallContext, _ args: [Argument]) throws -> (DataFrame, [RValue?], Bool?) {
        guard let first = args.first else { throw RError("invalid subsetting", call: ctx.call) }
        let x = try ctx.interpreter.eval(first.value, ctx.env)
        guard let df = DataFrame(x) else { throw RError("invalid subsetting", call: ctx.call) }
        var indices: [RValue?] = []
        var drop: Bool?
        for a in args.dropFirst() {
            if a.name == "exact" { continue }
            if case .missingArgument = a.value { indices.append(nil); continue }
            let v = try ctx.interpreter.eval(a.value, ctx.env)
            if a.name == "drop" { drop = v.logicalValue; continue }
            indices.append(v)
        }
        return (df, indices, drop)
    }

    /// Row positions an index selects: numbers, logicals (recycled) or row names.
    static func rowPositions(_ index: RValue, _ df: DataFrame, _ ctx: CallContext) throws -> [Int?] {
        if case .vector(let v) = index, case .character(let s) = v.storage {
            let labels = df.rowLabels
            return s.map { name in name.flatMap { labels.firstIndex(of: $0) } }
        }
        return try IndexingLibrary.positions(index, count: df.rowCount, names: nil)
    }

    /// Column positions an index selects; unknown ones are R's or tibble's error.
    static func columnPositions(_ index: RValue, _ df: DataFrame, _ ctx: CallContext) throws -> [Int] {
        let positions = try IndexingLibrary.positions(index, count: df.columns.count, names: df.names.map { Optional($0) })
        var out: [Int] = []
        for (k, p) in positions.enumerated() {
            guard let p, p < df.columns.count else {
                if df.isTibble {
                    if case .vector(let v) = index, case .character(let s) = v.storage {
                        throw RError("Can't subset columns that don't exist.\n\u{2716} Column `\(s[k] ?? "NA")` doesn't exist.", call: genericCall(ctx))
                    }
                    let requested = index.asVector.flatMap { Coerce.integers($0) }.flatMap { k < $0.count ? $0[k] : nil } ?? 0
                    let only = df.columns.count == 1 ? "There is only 1 column." : "There are only \(df.columns.count) columns."
                    throw RError("Can't subset columns past the end.\n\u{2139} Location \(requested) doesn't exist.\n\u{2139} \(only)", call: genericCall(ctx))
                }
                throw RError("undefined columns selected", call: methodCall("[.data.frame", ctx))
            }
            out.append(p)
        }
        return out
    }

    /// The call tibble names in its errors: the `[` call as written, `t[, 3]`.
    static func genericCall(_ ctx: CallContext) -> Call {
        Call(.symbol("["), ctx.call.arguments, location: ctx.call.location)
    }

    /// The call R names in a method's errors: `[.data.frame`(df, , 3).
    static func methodCall(_ name: String, _ ctx: CallContext) -> Call {
        Call(.symbol(name), ctx.call.arguments, location: ctx.call.location)
    }

    /// df[j], df[i, j]: a data frame, or a vector when one column of a data frame is left
    /// (tibbles never drop).
    static func subset(_ df: DataFrame, _ indices: [RValue?], drop: Bool?, _ ctx: CallContext) throws -> RValue {
        if indices.count <= 1 {
            guard let j = indices.first ?? nil else { return df.value }
            return df.selecting(try columnPositions(j, df, ctx)).value
        }
        guard indices.count == 2 else { throw RError("incorrect number of dimensions", call: ctx.call) }
        var out = df
        if let j = indices[1] { out = out.selecting(try columnPositions(j, df, ctx)) }
        if let i = indices[0] {
            out = DplyrLibrary.regroup(out.rows(try rowPositions(i, df, ctx)))
            if !df.isTibble { out.columns = out.columns.map(attributesKeptByBaseSubset) }
        }
        let shouldDrop = drop ?? !df.isTibble
        if shouldDrop && out.columns.count == 1 { return out.columns[0] }
        return out.value
    }

    /// `[.data.frame` takes rows of each column with `[`, which keeps only what the column's
    /// class method restores: a factor's contrasts, levels and class, a Date's class, a
    /// POSIXct's class and time zone, a difftime's class and units. Other attributes (a
    /// "label" read from a data file, say) are dropped; tibbles keep them all.
    static func attributesKeptByBaseSubset(_ column: RValue) -> RValue {
        guard case .vector(let v) = column, !v.attributes.isEmpty, v.dim == nil, DataFrame(column) == nil else { return column }
        let classes = v.classes ?? []
        let kept: [String]
        if classes.contains("factor") { kept = ["contrasts", "levels", "class"] }
        else if classes.contains("POSIXct") { kept = ["class", "tzone"] }
        else if classes.contains("difftime") { kept = ["class", "units"] }
        else if classes.contains("Date") { kept = ["class"] }
        else { kept = [] }
        var out = RVector(v.storage)
        if let names = v.names { out.names = names }
        for key in kept { if let value = v.attributes[key] { out.attributes[key] = value } }
        return .vector(out)
    }

    /// `$<-` and `[[<-`: a column replaced, added (recycled to the rows) or removed by NULL.
    static func setColumn(_ df: inout DataFrame, _ name: String, _ value: RValue, _ ctx: CallContext, method: String) throws {
        if value.isNullValue { df.setColumn(name, .null); return }
        let n = ColumnOps.length(value)
        var column = value
        if df.columns.isEmpty && !df.isTibble && df.rowCount == 0 {
            df.rowCount = n
        } else if n != df.rowCount {
            if df.isTibble {
                guard n == 1 else {
                    throw RError("Assigned data `\(Deparser.deparseValueBrief(value))` must be compatible with existing data.\n\u{2716} Existing data has \(df.rowCount) rows.\n\u{2716} Assigned data has \(n) rows.\n\u{2139} Only vectors of size 1 are recycled.")
                }
            } else if n == 0 || df.rowCount % n != 0 {
                let call = Call(.symbol(method), [Argument(.symbol("*tmp*")), Argument(.symbol(name)), Argument(name: "value", .constant(value))])
                throw RError("replacement has \(n) row\(n == 1 ? "" : "s"), data has \(df.rowCount)", call: call)
            }
            column = ColumnOps.recycle(value, to: df.rowCount)
        }
        if case .vector(var v) = column, DataFrame(column) == nil, v.names != nil, v.dim == nil { v.names = nil; column = .vector(v) }
        df.setColumn(name, column)
    }

    /// `df[i, j] <- value` and `df[j] <- value`: cells of the selected rows and columns (new
    /// columns by name), the value recycled down each column in turn or given per column.
    static func assign(_ df: DataFrame, _ indices: [RValue?], _ value: RValue, _ ctx: CallContext) throws -> RValue {
        var out = df
        let rowIndex: RValue? = indices.count == 2 ? indices[0] : nil
        let colIndex: RValue? = indices.count == 2 ? indices[1] : indices.first ?? nil
        var columnNames: [String]
        if let colIndex {
            let positions = try IndexingLibrary.positions(colIndex, count: df.columns.count, names: df.names.map { Optional($0) }, forAssignment: true)
            let given = colIndex.asVector.map { Coerce.strings($0) }
            columnNames = positions.enumerated().map { k, p in
                guard let p else { return "NA" }
                if p < df.names.count { return df.names[p] }
                if case .character? = colIndex.asVector?.storage { return given?[k] ?? "V\(p + 1)" }
                return "V\(p + 1)"
            }
        } else {
            columnNames = df.names
        }
        let rows: [Int]
        if let rowIndex { rows = try rowPositions(rowIndex, df, ctx).compactMap { $0 } } else { rows = Array(0..<df.rowCount) }
        if value.isNullValue && rowIndex == nil {
            for n in columnNames { out.setColumn(n, .null) }
            return out.value
        }
        let pieces: [RValue]
        if let vdf = DataFrame(value) { pieces = vdf.columns }
        else if case .vector(let vv) = value, case .list(let items) = vv.storage { pieces = items.array }
        else {
            // One vector fills the block column by column.
            let cells = rows.count * columnNames.count
            let len = ColumnOps.length(value)
            guard len > 0 || cells == 0 else { throw RError("replacement has length zero", call: ctx.call) }
            pieces = columnNames.indices.map { k in
                ColumnOps.take(value, rows.indices.map { (k * rows.count + $0) % max(len, 1) })
            }
        }
        guard !pieces.isEmpty else { return out.value }
        for (k, name) in columnNames.enumerated() {
            let piece = pieces[k % pieces.count]
            let existing = out.column(name) ?? ColumnOps.take(piece, [Int?](repeating: nil, count: df.rowCount))
            let block = ColumnOps.recycle(piece, to: rows.count)
            let merged = try ColumnOps.combine([existing, block])
            var idx = (0..<df.rowCount).map { Optional($0) }
            for (r, row) in rows.enumerated() where row < df.rowCount { idx[row] = df.rowCount + r }
            var column = ColumnOps.take(merged, idx)
            // A factor keeps its levels; values outside them become NA as in R.
            if let ev = existing.asVector, ev.isFactor, let mv = column.asVector, !mv.isFactor {
                column = try FactorLibrary.makeFactor(.vector(mv), levels: ev.attributes["levels"], labels: nil, excludeNA: true, ordered: false)
            }
            out.setColumn(name, column)
        }
        return DplyrLibrary.regroup(out).value
    }
}

extension Interpreter {
    /// S3 dispatch of `[`, `[[` and `$` (specials, which the evaluator does not dispatch): the
    /// `[.class` method, an R closure or a builtin, with the evaluated arguments and empty
    /// indices left missing. Nil when no class of the object has a method.
    func dispatchIndexing(_ generic: String, _ x: RValue, _ indices: [RValue?], named: [String: RValue], ctx: CallContext) throws -> RValue? {
        guard let classes = x.explicitClass else { return nil }
        for (k, cls) in classes.enumerated() {
            let name = "\(generic).\(cls)"
            guard ctx.env.lookupFrame(name) != nil || s3Methods[name] != nil, let method = lookupMethod(name, ctx.env) else { continue }
            var supplied: [(name: String?, promise: Promise?)] = [(nil, Promise(value: x, expr: ctx.call.arguments.first?.value ?? .constant(x)))]
            for index in indices { supplied.append((nil, index.map { Promise(value: $0, expr: .constant($0)) })) }
            for (n, v) in named.sorted(by: { $0.key < $1.key }) { supplied.append((n, Promise(value: v, expr: .constant(v)))) }
            let call = Call(.symbol(name), ctx.call.arguments, location: ctx.call.location)
            if case .closure(let c) = method {
                let state = DispatchState(generic: generic, classes: classes, position: k, object: x)
                return try applyClosure(c, call: call, supplied: supplied, callerEnv: ctx.env, dispatch: state)
            }
            return try invoke(method, supplied: supplied, call: call, env: ctx.env)
        }
        return nil
    }
}
