/// dplyr's rowwise(): a tibble of class "rowwise_df" whose "groups" attribute holds one group
/// per row (keyed by the identifying columns given, if any), so that mutate(), summarise() and
/// filter() compute each row on its own; a list column then shows the row's element itself
/// (max(v) of a list of vectors).
enum Rowwise {
    static func apply(_ keys: [String], to df: DataFrame) -> DataFrame {
        var out = df.isGrouped ? df.ungroupedTibble : df
        out.classes = ["rowwise_df"] + DataFrame.tibbleClasses
        out.rowNames = nil
        let grouping = Grouping(keys: keys, keyColumns: keys.compactMap { df.column($0) }, rows: (0..<df.rowCount).map { [$0] })
        out.extra.removeAll { $0.name == "groups" }
        out.extra.append(("groups", grouping.attribute))
        return out
    }

    /// One row's value of a column: a list column's element, other columns as they are.
    static func cell(_ column: RValue) -> RValue {
        guard case .vector(let v) = column, case .list(let items) = v.storage, v.count == 1, v.classes == nil else { return column }
        return items[0]
    }
}
