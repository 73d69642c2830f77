/// dplyr's row selection and column moving: distinct, slice and its variants, relocate.
enum DplyrRows {
    static func install(_ interp: Interpreter) {
        interp.define("distinct", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            var df = try DplyrLibrary.frame(data, verb: "distinct", ctx)
            let keepAll = try quosures.first(where: { $0.name == ".keep_all" }).map { try $0.evaluate(ctx.interpreter).logicalValue ?? false } ?? false
            let columns = quosures.filter { $0.name != ".keep_all" }
            var keys = df.names
            if !columns.isEmpty {
                df = try DplyrLibrary.mutateColumns(df, columns.filter { $0.name != nil || !isColumnSymbol($0.expr, df) }, verb: "mutate", ctx)
                keys = (Grouping(df)?.keys ?? []) + columns.map { $0.name ?? $0.label }
            }
            let rowKeys = RowOrder.keys(keys.compactMap { df.column($0) }, count: df.rowCount)
            var seen = Set<String>()
            let rows = rowKeys.indices.filter { seen.insert(rowKeys[$0]).inserted }
            var out = DplyrLibrary.dplyrRows(df, rows)
            if !columns.isEmpty && !keepAll {
                var unique: [String] = []
                for k in keys where !unique.contains(k) { unique.append(k) }
                out = out.selecting(unique.compactMap { out.index(of: $0) })
            }
            if df.rowNames == nil || df.isTibble { out.rowNames = nil }
            return DplyrLibrary.regroup(out).value
        })
        interp.define("slice", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try DplyrLibrary.frame(data, verb: "slice", ctx)
            return try sliceGroups(df) { rows in
                var picked: [Int] = []
                for q in quosures where q.name == nil {
                    let env = DataMask.environment(names: [], columns: [], size: rows.count, parent: q.env)
                    guard case .vector(let v) = try q.evaluate(ctx.interpreter, in: env) else { continue }
                    picked += try IndexingLibrary.positions(.vector(v), count: rows.count, names: nil).compactMap { $0 }.filter { $0 < rows.count }
                }
                return picked.map { rows[$0] }
            }.value
        })
        for (name, fromEnd) in [("slice_head", false), ("slice_tail", true)] {
            interp.define(name, special: { ctx, args in
                let (data, quosures) = try DataMask.split(args, ctx)
                let df = try DplyrLibrary.frame(data, verb: name, ctx)
                let n = try quosures.first(where: { $0.name == "n" }).map { try $0.evaluate(ctx.interpreter).scalarInt() ?? 1 } ?? 1
                return try sliceGroups(df) { rows in
                    let k = min(max(n, 0), rows.count)
                    return fromEnd ? Array(rows.suffix(k)) : Array(rows.prefix(k))
                }.value
            })
        }
        for (name, descending) in [("slice_max", true), ("slice_min", false)] {
            interp.define(name, special: { ctx, args in
                let (data, quosures) = try DataMask.split(args, ctx)
                let df = try DplyrLibrary.frame(data, verb: name, ctx)
                let n = try quosures.first(where: { $0.name == "n" }).map { try $0.evaluate(ctx.interpreter).scalarInt() ?? 1 } ?? 1
                guard let q = quosures.first(where: { $0.name == nil || $0.name == "order_by" }) else {
                    throw RError("argument \"order_by\" is missing, with no default", call: ctx.call)
                }
                return try sliceGroups(df) { rows in
                    let columns = df.columns.map { ColumnOps.take($0, rows.map { Optional($0) }) }
                    let env = DataMask.environment(names: df.names, columns: columns, size: rows.count, parent: q.env)
                    let key = try q.evaluate(ctx.interpreter, in: env)
                    let order = RowOrder.order([(ColumnOps.recycle(key, to: rows.count), descending)], count: rows.count)
                    let present = order.filter { !RowOrder.isNA(key, $0) }
                    // Ties with the last kept value are kept too (with_ties = TRUE).
                    var k = min(max(n, 0), present.count)
                    let compare = RowOrder.comparator(ColumnOps.recycle(key, to: rows.count))
                    while k > 0 && k < present.count && compare(present[k - 1], present[k]) == 0 { k += 1 }
                    return present.prefix(k).map { rows[$0] }
                }.value
            })
        }
        interp.define("relocate", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try DplyrLibrary.frame(data, verb: "relocate", ctx)
            let moving = try TidySelect.selection(quosures.filter { $0.name != ".before" && $0.name != ".after" }, in: df, ctx).map(\.position)
            var rest = df.names.indices.filter { !moving.contains($0) }
            var insertAt = 0
            if let after = quosures.first(where: { $0.name == ".after" }) {
                let target = try TidySelect.select(after, in: df, ctx).max() ?? (df.names.count - 1)
                insertAt = (rest.lastIndex { $0 <= target } ?? -1) + 1
            } else if let before = quosures.first(where: { $0.name == ".before" }) {
                let target = try TidySelect.select(before, in: df, ctx).min() ?? 0
                insertAt = rest.firstIndex { $0 >= target } ?? rest.count
            }
            rest.insert(contentsOf: moving, at: insertAt)
            return df.selecting(rest).value
        })
    }

    private static func isColumnSymbol(_ e: Expr, _ df: DataFrame) -> Bool {
        if case .symbol(let s) = e { return df.index(of: s) != nil }
        return false
    }

    /// The rows `pick` chooses in each group, groups in order.
    private static func sliceGroups(_ df: DataFrame, _ pick: ([Int]) throws -> [Int]) throws -> DataFrame {
        let grouping = DplyrLibrary.groups(df)
        var rows: [Int] = []
        for g in grouping.rows { rows += try pick(g) }
        return DplyrLibrary.regroup(DplyrLibrary.dplyrRows(df, rows))
    }
}
