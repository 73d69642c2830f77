/// Grouped verbs: group_by and its accessors, summarise, count and tally, do.
enum DplyrGrouping {
    static func install(_ interp: Interpreter) {
        interp.define("group_by", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            var df = try DplyrLibrary.frame(data, verb: "group_by", ctx)
            let add = try quosures.first(where: { $0.name == ".add" }).map { try $0.evaluate(ctx.interpreter).logicalValue ?? false } ?? false
            let keyArgs = quosures.filter { !["add", ".add", ".drop"].contains($0.name ?? "") }
            var keys = add ? (Grouping(df)?.keys ?? []) : []
            var computed: [DataMask.Quosure] = []
            for q in keyArgs {
                if q.name == nil, case .symbol(let s) = q.expr {
                    guard df.index(of: s) != nil else {
                        throw RError("Must group by variables found in `.data`.\n\u{2716} Column `\(s)` is not found.", call: ctx.call)
                    }
                    if !keys.contains(s) { keys.append(s) }
                } else {
                    computed.append(q)
                    let name = q.name ?? q.label
                    if !keys.contains(name) { keys.append(name) }
                }
            }
            if !computed.isEmpty { df = try DplyrLibrary.mutateColumns(df, computed, verb: "mutate", ctx) }
            if keys.isEmpty { return df.isGrouped ? df.ungroupedTibble.value : df.value }
            return Grouping.apply(keys, to: df).value
        })
        interp.define("ungroup", { _, args in
            guard let df = args.first.flatMap({ DataFrame($0.value) }) else { return args.first?.value ?? .null }
            return df.isGrouped || df.isRowwise ? df.ungroupedTibble.value : df.value
        })
        // The "groups" tibble: keys and .rows (one group of every row for ungrouped data).
        interp.define("group_data", { _, args in
            guard let df = args.first.flatMap({ DataFrame($0.value) }) else { throw RError("`.data` must be a data frame") }
            return DplyrLibrary.groups(df).attribute
        })
        interp.define("rowwise", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try DplyrLibrary.frame(data, verb: "rowwise", ctx)
            var keys: [String] = []
            for q in quosures {
                guard case .symbol(let s) = q.expr, df.index(of: s) != nil else {
                    throw RError("Can't subset columns that don't exist.\n\u{2716} Column `\(q.label)` doesn't exist.", call: ctx.call)
                }
                if !keys.contains(s) { keys.append(s) }
            }
            return Rowwise.apply(keys, to: df).value
        })
        interp.define("group_vars", { _, args in
            guard let df = args.first.flatMap({ DataFrame($0.value) }), df.isGrouped || df.isRowwise, let g = Grouping(df) else { return .character([]) }
            return .character(g.keys.map { Optional($0) })
        })
        interp.define("n_groups", { _, args in
            guard let df = args.first.flatMap({ DataFrame($0.value) }) else { return .scalar(1) }
            return .scalar(DplyrLibrary.groups(df).groupCount)
        })
        interp.define("group_keys", { _, args in
            guard let df = args.first.flatMap({ DataFrame($0.value) }) else { return .null }
            let g = DplyrLibrary.groups(df)
            return DataFrame(columns: g.keyColumns, names: g.keys, rowCount: df.isGrouped ? g.groupCount : 1,
                             classes: DataFrame.tibbleClasses).value
        })
        for name in ["summarise", "summarize"] {
            interp.define(name, special: { ctx, args in
                let (data, quosures) = try DataMask.split(args, ctx)
                let df = try DplyrLibrary.frame(data, verb: "summarise", ctx)
                let groupsOption = try quosures.first(where: { $0.name == ".groups" }).map { try $0.evaluate(ctx.interpreter).stringValue ?? "" }
                return try summarise(df, quosures.filter { $0.name != ".groups" }, groupsOption: groupsOption, ctx).value
            })
        }
        interp.define("count", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try DplyrLibrary.frame(data, verb: "count", ctx)
            let options = [".drop", "sort", "name", "wt"]
            let keyArgs = quosures.filter { !options.contains($0.name ?? "") }
            var grouped = df
            if !keyArgs.isEmpty {
                var keys = Grouping(df)?.keys ?? []
                var computed: [DataMask.Quosure] = []
                for q in keyArgs {
                    if q.name == nil, case .symbol(let s) = q.expr, df.index(of: s) != nil { if !keys.contains(s) { keys.append(s) } }
                    else { computed.append(q); keys.append(q.name ?? q.label) }
                }
                if !computed.isEmpty { grouped = try DplyrLibrary.mutateColumns(grouped, computed, verb: "mutate", ctx) }
                grouped = Grouping.apply(keys, to: grouped)
            }
            let out = try tally(grouped, quosures, ctx)
            var result = DplyrLibrary.regroup(restoreGroups(out, like: df))
            if !df.isTibble { result.classes = ["data.frame"]; result.extra.removeAll { $0.name == "groups" } }
            return result.value
        })
        interp.define("tally", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try DplyrLibrary.frame(data, verb: "tally", ctx)
            return try tally(df, quosures, ctx).value
        })
        interp.define("do", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try DplyrLibrary.frame(data, verb: "do", ctx)
            return try DplyrDo.run(df, quosures, ctx)
        })
    }

    /// count's and tally's summary: one row per group with its size (or its weight's sum).
    private static func tally(_ df: DataFrame, _ quosures: [DataMask.Quosure], _ ctx: CallContext) throws -> DataFrame {
        let i = ctx.interpreter
        let name = try quosures.first(where: { $0.name == "name" }).map { try $0.evaluate(i).stringValue ?? "n" } ?? "n"
        let sort = try quosures.first(where: { $0.name == "sort" }).map { try $0.evaluate(i).logicalValue ?? false } ?? false
        var countExpr: Expr = .call(Call(.symbol("n"), []))
        var env = ctx.env
        if let wt = quosures.first(where: { $0.name == "wt" }) {
            countExpr = .call(Call(.symbol("sum"), [Argument(wt.expr), Argument(name: "na.rm", .constant(.scalar(true)))]))
            env = wt.env
        }
        let q = DataMask.Quosure(name: name, expr: countExpr, env: env, value: nil)
        var out = try summarise(df, [q], groupsOption: "drop_last", ctx)
        if sort, let k = out.index(of: name) {
            out = DplyrLibrary.dplyrRows(out, RowOrder.order([(out.columns[k], true)], count: out.rowCount))
        }
        return DplyrLibrary.regroup(out)
    }

    /// count keeps the grouping its input had.
    private static func restoreGroups(_ out: DataFrame, like df: DataFrame) -> DataFrame {
        guard df.isGrouped, let g = Grouping(df) else { return out.isGrouped ? out.ungroupedTibble : out }
        return Grouping.apply(g.keys.filter { out.index(of: $0) != nil }, to: out)
    }

    /// summarise: one row per group (more when the results are longer), the keys first.
    static func summarise(_ df: DataFrame, _ quosures: [DataMask.Quosure], groupsOption: String?, _ ctx: CallContext) throws -> DataFrame {
        let grouping = DplyrLibrary.groups(df)
        let grouped = df.isGrouped || df.isRowwise
        var names: [String] = []
        for q in quosures { let n = q.name ?? q.label; if !names.contains(n) { names.append(n) } }
        var perGroup: [[String: RValue]] = []
        var sizes: [Int] = []
        for (g, rows) in grouping.rows.enumerated() {
            var maskNames = df.names
            var maskColumns = grouped ? df.columns.map { ColumnOps.take($0, rows.map { Optional($0) }) } : df.columns
            if df.isRowwise { maskColumns = maskColumns.map(Rowwise.cell) }
            var results: [String: RValue] = [:]
            var size = 1
            var sized = false
            for (qi, q) in quosures.enumerated() {
                let env = DataMask.environment(names: maskNames, columns: maskColumns, size: rows.count, parent: q.env,
                                               groupVars: grouping.keys)
                let value: RValue
                do { value = try q.evaluate(ctx.interpreter, in: env) } catch {
                    throw DataMask.problem(error, verb: "summarise", quosure: q, position: qi + 1,
                                           group: grouped ? grouping.describe(g) : nil, call: ctx.call)
                }
                let name = q.name ?? q.label
                let len = ColumnOps.length(value)
                if value.isNullValue { results[name] = nil; continue }
                if len != 1 {
                    if sized && size != 1 && len != size {
                        throw DataMask.resultProblem("`\(name)` must be size \(size) or 1, not \(len).", quosure: q, position: qi + 1,
                                                     group: grouped ? grouping.describe(g) : nil, call: ctx.call)
                    }
                    size = len
                    sized = true
                }
                results[name] = value
                if let k = maskNames.firstIndex(of: name) { maskColumns[k] = value } else { maskNames.append(name); maskColumns.append(value) }
            }
            perGroup.append(results)
            sizes.append(size)
        }
        let present = names.filter { n in perGroup.contains { $0[n] != nil } }
        var columns: [RValue] = []
        for k in grouping.keys.indices {
            columns.append(ColumnOps.take(grouping.keyColumns[k], sizes.enumerated().flatMap { g, s in [Int?](repeating: g, count: s) }))
        }
        let keys = grouping.keys
        var columnNames = keys
        let unnamed = Set(quosures.filter { $0.name == nil }.map(\.label))
        for n in present {
            let combined = try ColumnOps.combine(perGroup.enumerated().map { g, r in ColumnOps.recycle(r[n] ?? .logical([.na]), to: sizes[g]) })
            if unnamed.contains(n), let spliced = DataFrame(combined) {
                // An unnamed data frame result (across()) adds each of its columns.
                columns += spliced.columns
                columnNames += spliced.names
            } else if !keys.contains(n) {
                columns.append(combined)
                columnNames.append(n)
            }
        }
        let total = sizes.reduce(0, +)
        var out = DataFrame(columns: columns, names: columnNames, rowCount: total, classes: DataFrame.tibbleClasses)
        if !df.isTibble && !grouped { out.classes = ["data.frame"] }
        let multiRow = sizes.contains { $0 != 1 }
        var kept: [String]
        // A rowwise frame's summary stays grouped by its identifying columns.
        switch groupsOption ?? (multiRow || df.isRowwise ? "keep" : "drop_last") {
        case "drop": kept = []
        case "keep": kept = keys
        default: kept = Array(keys.dropLast())
        }
        if groupsOption == nil && grouped && !kept.isEmpty {
            let listed = kept.map { "'\($0)'" }.joined(separator: ", ")
            let text = "`summarise()` has grouped output by \(listed). You can override using the `.groups` argument."
            try ctx.interpreter.signalMessage(wrap(text, width: 80) + "\n", call: nil)
        }
        return kept.isEmpty ? out : Grouping.apply(kept, to: out)
    }

    /// cli's wrapping of a message: words on lines shorter than the width.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count < width { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
