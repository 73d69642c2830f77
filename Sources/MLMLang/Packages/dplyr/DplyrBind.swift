/// Stacking data frames: dplyr's bind_rows and bind_cols, base rbind and cbind for data frames.
enum DataFrameBind {
    static func install(_ interp: Interpreter) {
        interp.define("bind_rows", { _, args in
            var frames: [DataFrame] = []
            var labels: [String?] = []
            var idName: String?
            for a in args {
                if a.name == ".id" { idName = a.value.stringValue; continue }
                try collect(a.value, label: a.name, into: &frames, labels: &labels)
            }
            var out = try rows(frames)
            if let idName {
                var ids: [String?] = []
                for (k, f) in frames.enumerated() {
                    ids += [String?](repeating: labels[k] ?? String(k + 1), count: f.rowCount)
                }
                out.columns.insert(.character(ids), at: 0)
                out.names.insert(idName, at: 0)
            }
            return out.value
        })
        interp.define("bind_cols", { ctx, args in
            var parts: [(label: String?, value: RValue, explicit: Bool)] = []
            for a in args { parts.append((a.name, a.value, a.name != nil)) }
            let first = args.first.flatMap { DataFrame($0.value) }
            var df = try DataFrameLibrary.build(parts, stringsAsFactors: false, checkNames: false, rowNames: nil)
            df.classes = first?.classes.contains("tbl_df") == true ? DataFrame.tibbleClasses : ["data.frame"]
            return df.value
        })
    }

    /// The data frames in a bind_rows argument: a data frame, or a list of them.
    private static func collect(_ v: RValue, label: String?, into frames: inout [DataFrame], labels: inout [String?]) throws {
        if v.isNullValue { return }
        if let df = DataFrame(v) {
            frames.append(df)
            labels.append(label)
            return
        }
        guard case .vector(let list) = v, case .list(let items) = list.storage else {
            throw RError("Argument 1 must be a data frame or a named atomic vector.")
        }
        if let names = list.names, items.allSatisfy({ $0.length == 1 && DataFrame($0) == nil && $0.asVector?.storage.rank ?? 4 < 4 }) {
            // A named list of scalars is one row.
            frames.append(DataFrame(columns: items.array, names: names.map { $0 ?? "" }, rowCount: 1, classes: DataFrame.tibbleClasses))
            labels.append(label)
            return
        }
        let inner = list.names
        for (k, item) in items.enumerated() {
            try collect(item, label: inner?[k] ?? nil, into: &frames, labels: &labels)
        }
    }

    /// Rows of all the frames, columns matched by name (in order of first appearance) and
    /// filled with NA where a frame lacks one; the first frame decides the class.
    static func rows(_ frames: [DataFrame]) throws -> DataFrame {
        guard let first = frames.first else { return DataFrame(columns: [], names: [], rowCount: 0, classes: DataFrame.tibbleClasses) }
        var names: [String] = []
        for f in frames { for n in f.names where !names.contains(n) { names.append(n) } }
        var columns: [RValue] = []
        for n in names {
            let pieces = frames.map { f -> RValue in
                if let c = f.column(n) { return c }
                return .vector(RVector(.logical([Logical](repeating: .na, count: f.rowCount))))
            }
            // Missing pieces are logical NA, which combine into any type.
            let typed = pieces.enumerated().filter { frames[$0.offset].column(n) != nil }.map(\.element)
            if typed.count < pieces.count, let model = typed.first, case .vector(let mv) = model, mv.isFactor || mv.storage.rank >= 3 {
                var filled: [RValue] = []
                for (k, p) in pieces.enumerated() {
                    filled.append(frames[k].column(n) != nil ? p : ColumnOps.take(model, [Int?](repeating: nil, count: frames[k].rowCount)))
                }
                columns.append(try ColumnOps.combine(filled))
            } else {
                columns.append(try ColumnOps.combine(pieces))
            }
        }
        let total = frames.reduce(0) { $0 + $1.rowCount }
        var out = DataFrame(columns: columns, names: names, rowCount: total, classes: first.isTibble ? DataFrame.tibbleClasses : ["data.frame"])
        if first.isGrouped { out.classes = DataFrame.tibbleClasses }
        return out
    }
}
