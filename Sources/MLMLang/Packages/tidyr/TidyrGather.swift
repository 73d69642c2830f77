/// tidyr's older gather() and spread(), which tutorials still use. Unlike the pivots they keep
/// a data frame a data frame (and a tibble a tibble).
enum TidyrGather {
    static func install(_ interp: Interpreter) {
        interp.define("gather", special: { ctx, args in
            // R's matching: the settings given by name, then data, key and value filled by the
            // unnamed arguments in order; the rest select columns.
            let settings: Set<String> = ["data", "key", "value", "na.rm", "convert", "factor_key"]
            let all = try DataMask.expand(args, ctx)
            var named: [String: DataMask.Quosure] = [:]
            for q in all { if let name = q.name, settings.contains(name) { named[name] = q } }
            var free = ["data", "key", "value"].filter { named[$0] == nil }
            var selection: [DataMask.Quosure] = []
            for q in all where !(q.name.map(settings.contains) ?? false) {
                if q.name == nil, !free.isEmpty { named[free.removeFirst()] = q } else { selection.append(q) }
            }
            guard let dataQ = named["data"] else { throw RError("argument \"data\" is missing, with no default", call: ctx.call) }
            var df = try DplyrLibrary.frame(try dataQ.evaluate(ctx.interpreter), verb: "gather", ctx)
            let key = named["key"].map(\.label) ?? "key", valueName = named["value"].map(\.label) ?? "value"
            var chosen: [Int] = []
            if selection.isEmpty { chosen = Array(df.names.indices) } else {
                chosen = try TidySelect.selection(selection, in: df, ctx).map(\.position)
            }
            let ids = df.names.indices.filter { !chosen.contains($0) }
            let n = df.rowCount, k = chosen.count
            // Columns are stacked one under the other: output row j * n + r.
            let idRows: [Int?] = (0..<(n * k)).map { $0 % n }
            let labels = chosen.map { df.names[$0] }
            var keyColumn = RValue.character((0..<(n * k)).map { labels[$0 / n] })
            if (try? named["factor_key"]?.evaluate(ctx.interpreter))??.logicalValue == true {
                var f = RVector(.integer((0..<(n * k)).map { $0 / n + 1 }))
                f.attributes["levels"] = .character(labels)
                f.attributes["class"] = .character(["factor"])
                keyColumn = .vector(f)
            }
            let stacked = try ColumnOps.combine(chosen.map { df.columns[$0] })
            let classes = df.isTibble ? DataFrame.tibbleClasses : ["data.frame"]
            var out = DataFrame(columns: ids.map { ColumnOps.take(df.columns[$0], idRows) }, names: ids.map { df.names[$0] },
                                rowCount: n * k, classes: classes)
            out.setColumn(key, keyColumn)
            out.setColumn(valueName, stacked)
            if (try? named["na.rm"]?.evaluate(ctx.interpreter))??.logicalValue == true, case .vector(let v)? = out.column(valueName) {
                out = out.rows((0..<v.count).filter { !v.isNA(at: $0) })
                out.rowNames = nil
            }
            df = out
            return df.value
        })
        interp.define("spread", special: { ctx, args in
            let a = try TidyrPivot.Arguments(args, ctx, positional: ["data", "key", "value"])
            let df = try DplyrLibrary.frame(try a.value("data"), verb: "spread", ctx)
            guard let keyQ = a.quosure("key"), let valueQ = a.quosure("value"),
                  let keyColumn = try TidySelect.select(keyQ, in: df, ctx).first,
                  let valueColumn = try TidySelect.select(valueQ, in: df, ctx).first else {
                throw RError("argument \"key\" is missing, with no default", call: ctx.call)
            }
            let ids = df.names.indices.filter { $0 != keyColumn && $0 != valueColumn }
            // Keys in sorted order (a factor's level order); rows ordered by the id columns.
            let keyCodes = SortedCodes(df.columns[keyColumn], rows: df.rowCount)
            let idCodes = ids.map { SortedCodes(df.columns[$0], rows: df.rowCount) }
            var rowOf: [[Int]: Int] = [:], firstRows: [Int] = []
            var sortedKeys = Array(Set((0..<df.rowCount).map { r in idCodes.map { $0.codes[r] } }))
            sortedKeys.sort { $0.lexicographicallyPrecedes($1) }
            for (i, key) in sortedKeys.enumerated() { rowOf[key] = i }
            firstRows = [Int](repeating: 0, count: sortedKeys.count)
            var cells = [Int?](repeating: nil, count: sortedKeys.count * keyCodes.labels.count)
            for r in (0..<df.rowCount).reversed() {
                let row = rowOf[idCodes.map { $0.codes[r] }]!
                firstRows[row] = r
                let slot = row * keyCodes.labels.count + keyCodes.codes[r]
                if cells[slot] != nil && cells[slot] != r {
                    throw RError("Each row of output must be identified by a unique combination of keys.", call: ctx.call)
                }
                cells[slot] = r
            }
            var out = DataFrame(columns: ids.map { ColumnOps.take(df.columns[$0], firstRows) }, names: ids.map { df.names[$0] },
                                rowCount: sortedKeys.count, classes: df.isTibble ? DataFrame.tibbleClasses : ["data.frame"])
            let sep = try a.strings("sep")?.first
            for (l, label) in keyCodes.labels.enumerated() {
                let picks = sortedKeys.indices.map { cells[$0 * keyCodes.labels.count + l] }
                out.setColumn(sep.map { df.names[keyColumn] + $0 + label } ?? label, ColumnOps.take(df.columns[valueColumn], picks))
            }
            return out.value
        })
    }

    /// A column's values as codes of its sorted distinct values (a factor's levels in order,
    /// with NA last).
    struct SortedCodes {
        var codes: [Int] = []
        var labels: [String] = []

        init(_ column: RValue, rows: Int) {
            guard case .vector(let v) = column else { return }
            let text = Coerce.strings(v)
            if v.isFactor, let levels = v.levels, case .integer(let c) = v.storage {
                let used = Set(c)
                let kept = levels.indices.filter { used.contains($0 + 1) }
                labels = kept.map { levels[$0] }
                let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1 + 1, $0) })
                codes = c.map { position[$0] ?? kept.count }
                if c.contains(NAInteger) { labels.append("NA") }
                return
            }
            let numbers = v.storage.rank <= 2 ? Coerce.doubles(v) : nil
            var distinct = Array(Set(text.map { $0 ?? "\u{0}NA" }))
            if let numbers {
                var value: [String: Double] = [:]
                for (i, t) in text.enumerated() { value[t ?? "\u{0}NA"] = numbers[i].isNaN ? .infinity : numbers[i] }
                distinct.sort { (value[$0] ?? 0, $0) < (value[$1] ?? 0, $1) }
            } else {
                distinct.sort { ($0 == "\u{0}NA" ? 1 : 0, $0) < ($1 == "\u{0}NA" ? 1 : 0, $1) }
            }
            let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            codes = text.map { position[$0 ?? "\u{0}NA"] ?? 0 }
            labels = distinct.map { $0 == "\u{0}NA" ? "<NA>" : $0 }
        }
    }
}
