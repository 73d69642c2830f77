/// tibble(), tribble(), as_tibble() and printing of tibbles.
enum TibbleLibrary {
    static func install(_ interp: Interpreter) {
        TibbleDeprecated.install(interp)
        interp.define("tibble", special: { ctx, args in
            // .rows and .name_repair are options, not columns.
            try makeTibble(ctx, arguments: DataMask.expand(args, ctx).filter { $0.name != ".rows" && $0.name != ".name_repair" })
        })
        interp.define("tribble", special: { ctx, args in
            let values = try DataMask.expand(args, ctx).map { try $0.evaluate(ctx.interpreter) }
            var names: [String] = []
            var cells: [RValue] = []
            for v in values {
                if case .language(let l) = v, case .call(let c) = l.expr, c.functionName == "~",
                   case .symbol(let s)? = c.arguments.last?.value {
                    names.append(s)
                } else {
                    cells.append(v)
                }
            }
            guard !names.isEmpty else { throw RError("Must specify at least one column using the `~name` syntax.") }
            guard cells.count % names.count == 0 else {
                throw RError("Data must be rectangular.\n\u{2716} Found \(names.count) columns.\n\u{2716} Found \(cells.count) cells.\n\u{2139} \(cells.count) cells is not an integer multiple of \(names.count).")
            }
            let rows = cells.count / names.count
            let columns = try names.indices.map { j in try ColumnOps.combine((0..<rows).map { cells[$0 * names.count + j] }) }
            return DataFrame(columns: columns.map { $0.isNullValue ? .logical([]) : $0 }, names: names, rowCount: rows,
                             classes: DataFrame.tibbleClasses).value
        })
        interp.define("is_tibble", { _, args in .scalar(args.first?.value.inherits("tbl_df") ?? false) })
        interp.define("as_tibble", { ctx, args in try asTibbleBuiltin(ctx, args) })
        interp.define("print.tbl", { ctx, args in
            let i = ctx.interpreter
            let (m, _) = try i.matchBuiltinArguments(["x", "width", "...", "n"], args, call: ctx.call)
            guard let x = m["x"], let df = DataFrame(x) else { throw RError("argument \"x\" is missing, with no default") }
            var printer = TibblePrinter(width: m["width"]?.scalarInt() ?? i.width)
            if let s = i.options["pillar.sigfig"]?.scalarInt(), s >= 1 { printer.sigfig = s }
            if let n = m["n"]?.scalarDouble() { printer.rowsToShow = n.isInfinite ? Int.max : n.saturatingInt }
            var groups: (names: [String], count: Int)?
            if df.isGrouped, let g = Grouping(df) { groups = (g.keys, g.groupCount) }
            let rowwise: [String]? = df.isRowwise ? (Grouping(df)?.keys ?? []) : nil
            i.write(printer.print(df, groups: groups, rowwise: rowwise))
            i.visible = false
            return x
        })
        interp.define("glimpse", { ctx, args in
            let i = ctx.interpreter
            let (m, _) = try i.matchBuiltinArguments(["x", "width", "..."], args, call: ctx.call)
            guard let x = m["x"], let df = DataFrame(x) else { throw RError("argument \"x\" is missing, with no default") }
            var groups: (names: [String], count: Int)?
            if df.isGrouped, let g = Grouping(df) { groups = (g.keys, g.groupCount) }
            i.write(Glimpse(width: m["width"]?.scalarInt() ?? i.width, digits: i.digits).render(df, groups: groups))
            i.visible = false
            return x
        })
        interp.define("rownames_to_column", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments([".data", "var"], args, call: ctx.call)
            guard let x = m[".data"], var df = DataFrame(x) else { throw RError("`.data` must be a data frame.") }
            let name = m["var"]?.stringValue ?? "rowname"
            guard df.index(of: name) == nil else { throw RError("Column `\(name)` already exists in `.data`.") }
            df.columns.insert(.character(df.rowLabels.map { Optional($0) }), at: 0)
            df.names.insert(name, at: 0)
            df.rowNames = nil
            return df.value
        })
        interp.define("column_to_rownames", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments([".data", "var"], args, call: ctx.call)
            guard let x = m[".data"], var df = DataFrame(x) else { throw RError("`.data` must be a data frame.") }
            let name = m["var"]?.stringValue ?? "rowname"
            guard let k = df.index(of: name), case .vector(let labels) = df.columns[k] else {
                throw RError("Can't find column `\(name)` in `.data`.")
            }
            df.columns.remove(at: k)
            df.names.remove(at: k)
            df.classes = ["data.frame"]
            df.extra.removeAll { $0.name == "groups" }
            df.rowNames = Coerce.strings(labels).map { $0 ?? "NA" }
            return df.value
        })
        interp.define("$.tbl_df", { ctx, args in
            guard args.count == 2, let df = DataFrame(args[0].value), let name = args[1].value.stringValue else { return .null }
            if let c = df.column(name) { return c }
            try ctx.interpreter.signalWarning("Unknown or uninitialised column: `\(name)`.", call: nil)
            return .null
        })
    }

    /// tibble(): columns evaluated in order, each seeing the ones before; unnamed data frames
    /// spliced; length-one columns recycled to the common size.
    /// as_tibble(x, ..., rownames, .name_repair).
    static func asTibbleBuiltin(_ ctx: CallContext, _ args: [EvaluatedArgument]) throws -> RValue {
        let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "...", "rownames", ".name_repair"], args, call: ctx.call)
        guard var x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
        // as_tibble.default: an object of another class goes through its as.data.frame method.
        if DataFrame(x) == nil, let classes = x.explicitClass,
           let converted = try ctx.interpreter.dispatchInternalGeneric("as.data.frame", classes: classes, args: [EvaluatedArgument(x)],
                                                                      call: ctx.call, env: ctx.env) {
            x = converted
        }
        return try asTibble(x, rownames: m["rownames"]?.stringValue).value
    }

    static func makeTibble(_ ctx: CallContext, arguments: [DataMask.Quosure]) throws -> RValue {
        let env = Environment(parent: ctx.env)
        var df = DataFrame(columns: [], names: [], rowCount: 0, classes: DataFrame.tibbleClasses)
        var size: Int?
        for q in arguments {
            let value = try q.evaluate(ctx.interpreter, in: env)
            if value.isNullValue { continue }
            if q.name == nil, let inner = DataFrame(value) {
                for (k, c) in inner.columns.enumerated() {
                    try add(&df, &size, name: inner.names[k], value: c)
                    env.set(inner.names[k], c)
                }
                continue
            }
            let name = q.name ?? q.label
            try add(&df, &size, name: name, value: value)
            env.set(name, value)
        }
        df.rowCount = size ?? 0
        df.columns = df.columns.map { ColumnOps.recycle($0, to: df.rowCount) }
        return df.value
    }

    static func add(_ df: inout DataFrame, _ size: inout Int?, name: String, value: RValue) throws {
        guard case .vector = value else {
            let kind = value.isFunction ? "a function" : "an object of type \(value.typeName)"
            throw RError("All columns in a tibble must be vectors.\n\u{2716} Column `\(name)` is \(kind).")
        }
        let n = ColumnOps.length(value)
        if let s = size, n != s, n != 1 {
            if s == 1 {
                // Earlier columns of size one are recycled to the new size.
                size = n
            } else {
                throw RError("Tibble columns must have compatible sizes.\n\u{2022} Size \(s): Existing data.\n\u{2022} Size \(n): Column `\(name)`.\n\u{2139} Only values of size one are recycled.")
            }
        } else if size == nil || size == 1 {
            size = n
        }
        var column = value
        if case .vector(var v) = value, DataFrame(value) == nil, v.dim == nil { v.names = nil; column = .vector(v) }
        df.setColumn(name, column)
    }

    /// as_tibble for data frames (row names dropped or kept as a column), lists and matrices.
    static func asTibble(_ x: RValue, rownames: String?) throws -> DataFrame {
        if var df = DataFrame(x) {
            if let rownames {
                df.columns.insert(.character(df.rowLabels.map { Optional($0) }), at: 0)
                df.names.insert(rownames, at: 0)
            }
            df.rowNames = nil
            df.classes = DataFrame.tibbleClasses
            df.extra.removeAll { $0.name == "groups" }
            return df
        }
        guard case .vector(let v) = x else { throw RError("`x` must be a data frame, list or matrix.") }
        if let dim = v.dim, dim.count == 2 {
            var df = try DataFrameLibrary.build([(nil, x, false)], stringsAsFactors: false, checkNames: false, rowNames: nil)
            if MatrixPrinter.dimnames(v).columns == nil { df.names = df.names.indices.map { "V\($0 + 1)" } }
            df.rowNames = nil
            df.classes = DataFrame.tibbleClasses
            return df
        }
        guard case .list(let items) = v.storage else {
            var df = DataFrame(columns: [x], names: ["value"], rowCount: v.count, classes: DataFrame.tibbleClasses)
            df.columns[0] = .vector(RVector(v.storage, attributes: v.attributes))
            return df
        }
        let names = (v.names ?? []).map { $0 ?? "" }
        let size = items.map(ColumnOps.length).max() ?? 0
        for (k, item) in items.enumerated() where ColumnOps.length(item) != size && ColumnOps.length(item) != 1 {
            throw RError("Tibble columns must have compatible sizes.\n\u{2022} Size \(size): Existing data.\n\u{2022} Size \(ColumnOps.length(item)): Column `\(k < names.count ? names[k] : "")`.\n\u{2139} Only values of size one are recycled.")
        }
        return DataFrame(columns: items.map { ColumnOps.recycle($0, to: size) }, names: names, rowCount: size,
                         classes: DataFrame.tibbleClasses)
    }
}
