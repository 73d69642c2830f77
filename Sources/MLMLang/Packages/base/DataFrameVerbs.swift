/// Base R's own data frame verbs that evaluate column names: subset() and transform().
enum DataFrameVerbs {
    static func install(_ interp: Interpreter) {
        interp.define("subset", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let i = ctx.interpreter
            let condition = quosures.first { $0.name == "subset" } ?? quosures.first { $0.name == nil }
            guard let df = DataFrame(data) else {
                // subset(x, cond) on a vector: the elements where cond is TRUE.
                guard let condition, case .vector(let cv) = try condition.evaluate(i), let l = Coerce.logicals(cv) else { return data }
                let keep = l.enumerated().filter { $0.element == .yes }.map { Optional($0.offset) }
                return try IndexingLibrary.subset(data, [.integer(keep.compactMap { $0 }.map { $0 + 1 })], call: ctx.call)
            }
            var rows = Array(0..<df.rowCount)
            if let condition {
                let env = DataMask.environment(names: df.names, columns: df.columns, size: df.rowCount, parent: condition.env)
                let value = try condition.evaluate(i, in: env)
                guard case .vector(let v) = value, case .logical(let l) = v.storage else {
                    throw RError("'subset' must be logical", call: ctx.call)
                }
                rows = rows.filter { !l.isEmpty && l[$0 % l.count] == .yes }
            }
            var out = df.rows(rows.map { Optional($0) })
            if let select = quosures.first(where: { $0.name == "select" }) ?? quosures.dropFirst().first(where: { $0.name == nil }) {
                let chosen = try TidySelect.selection([DataMask.Quosure(name: nil, expr: select.expr, env: select.env, value: select.value)], in: df, ctx)
                out = out.selecting(chosen.map(\.position))
            }
            if df.isGrouped { out = DplyrLibrary.regroup(out) }
            return out.value
        })
        interp.define("transform", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            guard var df = DataFrame(data) else { throw RError("argument is not a data frame", call: ctx.call) }
            let env = DataMask.environment(names: df.names, columns: df.columns, size: df.rowCount, parent: ctx.env)
            var results: [(String, RValue)] = []
            for q in quosures {
                let value = try q.evaluate(ctx.interpreter, in: Environment(parent: env))
                results.append((q.name ?? q.label, value))
            }
            for (name, value) in results {
                let n = ColumnOps.length(value)
                guard n > 0, df.rowCount % n == 0 || df.columns.isEmpty else {
                    throw RError("arguments imply differing number of rows: \(df.rowCount), \(n)", call: Call(.symbol("data.frame"), []))
                }
                df.setColumn(name, ColumnOps.recycle(value, to: df.rowCount))
            }
            return df.value
        })
    }
}
