/// rbind and cbind methods for data frames.
enum DataFrameBinding {
    static func install(_ interp: Interpreter) {
        interp.define("rbind.data.frame", { _, args in
            let frames = args.filter { $0.name != "deparse.level" && $0.name != "stringsAsFactors" && !$0.value.isNullValue }
            var out: DataFrame?
            for a in frames {
                guard let df = DataFrame(a.value) else {
                    throw RError("invalid list argument: all variables should have the same length")
                }
                guard var acc = out else { out = df; continue }
                guard Set(acc.names) == Set(df.names), acc.names.count == df.names.count else {
                    throw RError("names do not match previous names")
                }
                let aligned = acc.names.compactMap { df.column($0) }
                acc.columns = try zip(acc.columns, aligned).map { try ColumnOps.combine([$0, $1]) }
                if acc.rowNames == nil && df.rowNames == nil {
                    acc.rowNames = nil
                } else {
                    let offset = acc.rowCount
                    acc.rowNames = RNames.makeUnique(acc.rowLabels + (df.rowNames ?? (0..<df.rowCount).map { String(offset + $0 + 1) }))
                }
                acc.rowCount += df.rowCount
                out = acc
            }
            return out?.value ?? .null
        })
        interp.define("cbind.data.frame", { ctx, args in
            let labels = DataFrameLibrary.argumentLabels(ctx, count: args.count)
            var parts: [(label: String?, value: RValue, explicit: Bool)] = []
            for (k, a) in args.enumerated() where a.name != "deparse.level" {
                let named = a.name.map { !$0.isEmpty } ?? false
                parts.append((named ? a.name : labels[k], a.value, named))
            }
            return try DataFrameLibrary.build(parts, stringsAsFactors: false, checkNames: false, rowNames: nil).value
        })
    }
}
