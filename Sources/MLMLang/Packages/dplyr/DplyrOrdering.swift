/// Row orderings and row keys shared by arrange, group_by, distinct and the joins.
enum RowOrder {
    /// A comparison of two rows of a column, or nil when either is NA (NAs sort last whatever
    /// the direction, as in dplyr).
    static func comparator(_ column: RValue) -> (Int, Int) -> Int? {
        guard case .vector(let v) = column else { return { _, _ in 0 } }
        if v.isFactor, case .integer(let codes) = v.storage {
            return { a, b in
                guard a < codes.count, b < codes.count, codes[a] != NAInteger, codes[b] != NAInteger else { return nil }
                return codes[a] < codes[b] ? -1 : (codes[a] > codes[b] ? 1 : 0)
            }
        }
        switch v.storage {
        case .character(let s):
            return { a, b in
                guard a < s.count, b < s.count, let x = s[a], let y = s[b] else { return nil }
                return Collation.compare(x, y)
            }
        case .list:
            return { _, _ in 0 }
        default:
            let d = Coerce.doubles(v) ?? []
            return { a, b in
                guard a < d.count, b < d.count, !d[a].isNaN, !d[b].isNaN else { return nil }
                return d[a] < d[b] ? -1 : (d[a] > d[b] ? 1 : 0)
            }
        }
    }

    static func isNA(_ column: RValue, _ i: Int) -> Bool {
        guard case .vector(let v) = column, i < v.count else { return false }
        if case .list = v.storage { return false }
        return v.isNA(at: i)
    }

    /// A stable order of the rows by the keys in turn, each ascending or descending.
    static func order(_ keys: [(column: RValue, descending: Bool)], count n: Int) -> [Int] {
        let comparators = keys.map { (comparator($0.column), $0.descending, $0.column) }
        return (0..<n).sorted { a, b in
            for (cmp, descending, column) in comparators {
                if let c = cmp(a, b) {
                    if c != 0 { return descending ? c > 0 : c < 0 }
                    continue
                }
                let na = isNA(column, a), nb = isNA(column, b)
                if na != nb { return nb }
            }
            return a < b
        }
    }

    /// Dense group numbers, 0, 1, 2, ... in order of first appearance, equal exactly when the
    /// rows' values in the columns are. Each column is coded as integers first and the codes are
    /// combined column by column, so no row ever becomes a string (a million rows group in
    /// milliseconds).
    static func groupIDs(_ columns: [RValue], count n: Int) -> [Int] {
        var ids = [Int](repeating: 0, count: n)
        for column in columns {
            let codes = columnCodes(column, count: n)
            var seen: [Int: Int] = [:]
            let width = (codes.max() ?? 0) + 1
            for i in 0..<n {
                let key = ids[i].multipliedReportingOverflow(by: width)
                // Codes are dense and below n, so ids[i] * width + code cannot collide; if it would
                // overflow, n is far beyond any data frame.
                let combined = key.partialValue &+ codes[i]
                if let g = seen[combined] { ids[i] = g } else { let g = seen.count; seen[combined] = g; ids[i] = g }
            }
        }
        return ids
    }

    /// Dense codes (0-based, in order of first appearance) of one column's distinct values.
    private static func columnCodes(_ column: RValue, count n: Int) -> [Int] {
        func dense<K: Hashable>(_ key: (Int) -> K) -> [Int] {
            var seen: [K: Int] = [:]
            var out = [Int](repeating: 0, count: n)
            for i in 0..<n {
                let k = key(i)
                if let c = seen[k] { out[i] = c } else { let c = seen.count; seen[k] = c; out[i] = c }
            }
            return out
        }
        guard case .vector(let v) = column, v.count == n else { return dense { _ in 0 } }
        switch v.storage {
        case .integer(let a): return dense { a[$0] }
        case .logical(let a): return dense { a[$0].rawValue }
        case .double(let a):
            return dense { i -> UInt64 in
                let x = a[i]
                if x == 0 { return 0 }                       // 0 and -0 are one value
                if x.isRNA { return NAReal.bitPattern }  // NA and NaN are two
                if x.isNaN { return Double.nan.bitPattern }
                return x.bitPattern
            }
        case .character(let a): return dense { a[$0] }
        default:
            let keys = SequenceLibrary.hashKeys(v)
            return dense { keys[$0] }
        }
    }

    /// One string per row that is equal exactly when the rows' values in the columns are
    /// (numbers compared as numbers whatever their type, factors by label).
    static func keys(_ columns: [RValue], count n: Int) -> [String] {
        let perColumn = columns.map { column -> [String] in
            guard case .vector(let v) = column else { return [String](repeating: "", count: n) }
            if v.isFactor { return Coerce.strings(v).map { $0.map { "s" + $0 } ?? "NA" } }
            switch v.storage {
            case .integer, .logical, .double:
                return (Coerce.doubles(v) ?? []).map { $0.isRNA ? "NA" : ($0.isNaN ? "NaN" : ($0 == 0 ? "0" : "\($0)")) }
            default:
                return SequenceLibrary.hashKeys(v)
            }
        }
        return (0..<n).map { i in perColumn.map { i < $0.count ? $0[i] : "NA" }.joined(separator: "\u{1F}") }
    }
}

/// A grouped tibble's groups: the grouping variables, their distinct combinations in dplyr's
/// order, and the rows of each.
struct Grouping {
    var keys: [String]
    var keyColumns: [RValue]
    /// Zero-based row positions of each group.
    var rows: [[Int]]

    var groupCount: Int { rows.count }

    /// The groups of a data frame with the grouping variables `keys`.
    static func compute(_ df: DataFrame, keys requested: [String]) -> Grouping {
        let keys = requested.filter { df.index(of: $0) != nil }
        let columns = keys.compactMap { df.column($0) }
        let ids = RowOrder.groupIDs(columns, count: df.rowCount)
        var groups: [[Int]] = []
        for (i, g) in ids.enumerated() {
            if g == groups.count { groups.append([i]) } else { groups[g].append(i) }
        }
        let representatives = groups.map { $0[0] }
        let order = RowOrder.order(columns.map { (ColumnOps.take($0, representatives.map { Optional($0) }), false) },
                                   count: groups.count)
        let sorted = order.map { groups[$0] }
        let keyColumns = columns.map { ColumnOps.take($0, sorted.map { Optional($0[0]) }) }
        return Grouping(keys: keys, keyColumns: keyColumns, rows: sorted)
    }

    /// The groups recorded in a grouped tibble's "groups" attribute.
    init?(_ df: DataFrame) {
        guard let attr = df.extra.first(where: { $0.name == "groups" })?.value, let groups = DataFrame(attr),
              let rowsColumn = groups.column(".rows"), case .vector(let rv) = rowsColumn, case .list(let items) = rv.storage else { return nil }
        keys = groups.names.filter { $0 != ".rows" }
        keyColumns = keys.compactMap { groups.column($0) }
        rows = items.map { item in (item.asVector.flatMap { Coerce.integers($0) } ?? []).map { $0 - 1 } }
    }

    init(keys: [String], keyColumns: [RValue], rows: [[Int]]) {
        self.keys = keys
        self.keyColumns = keyColumns
        self.rows = rows
    }

    /// The whole data as one group (for verbs on ungrouped data).
    static func single(_ n: Int) -> Grouping { Grouping(keys: [], keyColumns: [], rows: [Array(0..<n)]) }

    /// The "groups" attribute: a tibble of the keys and a `.rows` list of 1-based positions.
    var attribute: RValue {
        var groups = DataFrame(columns: keyColumns + [.list(rows.map { .integer($0.map { $0 + 1 }) })],
                               names: keys + [".rows"], rowCount: rows.count, classes: DataFrame.tibbleClasses)
        groups.extra = [(".drop", .scalar(true))]
        return groups.value
    }

    /// `g = "a", h = 1`: how dplyr names a group in its messages.
    func describe(_ g: Int) -> String {
        let parts = keys.indices.map { k -> String in
            let cell = ColumnOps.take(keyColumns[k], [g])
            var text = Deparser.deparseValue(cell)
            if let v = cell.asVector, v.isFactor { text = Deparser.quoteString(Coerce.strings(v).first.flatMap { $0 } ?? "NA") }
            return "\(keys[k]) = \(text)"
        }
        return "\(g + 1): " + parts.joined(separator: ", ")
    }

    /// The data frame grouped by `keys` (or ungrouped when there are none).
    static func apply(_ requested: [String], to df: DataFrame) -> DataFrame {
        let keys = requested.filter { df.index(of: $0) != nil }
        guard !keys.isEmpty else {
            var out = df
            if df.isGrouped { out = df.ungroupedTibble }
            return out
        }
        var out = df
        out.classes = DataFrame.groupedClasses
        out.rowNames = nil
        out.extra.removeAll { $0.name == "groups" }
        out.extra.append(("groups", compute(df, keys: keys).attribute))
        return out
    }
}
