/// dplyr's do(): an expression evaluated once per group with `.` bound to the group's rows.
/// An unnamed expression must give data frames, bound as rows after the group's keys; named
/// ones give list columns of a rowwise tibble.
enum DplyrDo {
    static func run(_ df: DataFrame, _ quosures: [DataMask.Quosure], _ ctx: CallContext) throws -> RValue {
        let i = ctx.interpreter
        let grouping = DplyrLibrary.groups(df)
        let plain = df.ungroupedTibble
        let named = quosures.filter { $0.name != nil }
        let unnamed = quosures.filter { $0.name == nil }
        if !named.isEmpty && !unnamed.isEmpty {
            throw RError("Arguments must either be all named or all unnamed.", call: ctx.call)
        }
        if unnamed.count > 1 { throw RError("Can only supply one unnamed argument, not \(unnamed.count).", call: ctx.call) }
        func evaluate(_ q: DataMask.Quosure, group rows: [Int]) throws -> RValue {
            let env = Environment(parent: q.env)
            let data = df.isGrouped ? DplyrLibrary.dplyrRows(plain, rows) : (df.isTibble ? plain : df)
            env.set(".", data.value)
            return try q.evaluate(i, in: env)
        }
        if let q = unnamed.first {
            if !df.isGrouped { return try evaluate(q, group: grouping.rows.first ?? []) }
            var results: [DataFrame] = []
            var failed: [Int] = []
            var failedClass = ""
            for (g, rows) in grouping.rows.enumerated() {
                let value = try evaluate(q, group: rows)
                guard let result = DataFrame(value) else {
                    failed.append(g + 1)
                    failedClass = S3Library.implicitClass(value).first ?? ""
                    continue
                }
                results.append(result)
            }
            if !failed.isEmpty {
                throw RError("Results \(failed.map(String.init).joined(separator: ", ")) must be data frames, not \(failedClass)", call: ctx.call)
            }
            let body = try DataFrameBind.rows(results)
            var columns: [RValue] = []
            var names: [String] = []
            for (k, key) in grouping.keys.enumerated() where body.index(of: key) == nil {
                let repeated = results.enumerated().flatMap { g, r in [Int?](repeating: g, count: r.rowCount) }
                columns.append(ColumnOps.take(grouping.keyColumns[k], repeated))
                names.append(key)
            }
            let out = DataFrame(columns: columns + body.columns, names: names + body.names, rowCount: body.rowCount,
                                classes: DataFrame.tibbleClasses)
            return Grouping.apply(grouping.keys, to: out).value
        }
        var columns = grouping.keyColumns
        var names = grouping.keys
        for q in named {
            var items: [RValue] = []
            for rows in grouping.rows { items.append(try evaluate(q, group: rows)) }
            columns.append(.list(items))
            names.append(q.name ?? "")
        }
        var out = DataFrame(columns: columns, names: names, rowCount: grouping.groupCount,
                            classes: ["rowwise_df"] + DataFrame.tibbleClasses)
        out.extra = [("groups", Grouping(keys: [], keyColumns: [], rows: (0..<grouping.groupCount).map { [$0] }).attribute)]
        return out.value
    }
}
