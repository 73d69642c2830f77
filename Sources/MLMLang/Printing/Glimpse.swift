/// glimpse(): a data frame transposed, one line per column with its type and as many of its
/// first values as fit the width (pillar's glimpse.data.frame).
struct Glimpse {
    let width: Int
    let digits: Int

    func render(_ df: DataFrame, groups: (names: [String], count: Int)?) -> String {
        var out = "Rows: \(PillarText.bigMark(df.rowCount))\n"
        let head = df.rows((0..<min(df.rowCount, width / 3)).map { Optional($0) })
        out += "Columns: \(PillarText.bigMark(head.columns.count))\n"
        if let groups {
            out += "Groups: " + groups.names.map(PillarText.tick).joined(separator: ", ") + " [\(PillarText.bigMark(groups.count))]\n"
        }
        guard !head.columns.isEmpty else { return out }
        let names = head.names.map(PillarText.tick)
        let nameWidth = names.map(PillarText.width).max() ?? 0
        for (k, column) in head.columns.enumerated() {
            let prefix = "$ " + names[k] + String(repeating: " ", count: nameWidth - PillarText.width(names[k]))
                + " <" + ColumnOps.typeAbbreviation(column) + "> "
            let dataWidth = width - PillarText.width(prefix) - 1
            var text = values(column).joined(separator: ", ")
            if PillarText.width(text) > dataWidth { text = PillarText.truncate(text, width: dataWidth) }
            out += prefix + text + "\n"
        }
        return out
    }

    /// format_glimpse: numbers formatted together without padding, strings quoted.
    private func values(_ column: RValue) -> [String] {
        guard case .vector(let v) = column else { return [] }
        if v.isFactor {
            let labels = Coerce.strings(v)
            let levels = v.levels ?? []
            if levels.contains(where: { $0.contains(",") }) { return labels.map { $0.map { Deparser.quoteString($0) } ?? "NA" } }
            return labels.map { $0 ?? "NA" }
        }
        switch v.storage {
        case .double(let a):
            let f = RFormat.formatReal(a, digits: digits)
            return a.map { RFormat.encodeReal($0, f).trimmingLeadingSpaces() }
        case .integer(let a):
            return a.map { $0 == NAInteger ? "NA" : String($0) }
        case .logical(let a):
            return a.map { $0 == .na ? "NA" : ($0 == .yes ? "TRUE" : "FALSE") }
        case .character(let a):
            return a.map { $0.map { Deparser.quoteString($0) } ?? "NA" }
        case .list(let items):
            return items.map { item in
                let inner = values(item).joined(separator: ", ")
                if case .vector(let iv) = item, case .list = iv.storage { return "[" + inner + "]" }
                return item.length == 1 ? inner : "<" + inner + ">"
            }
        }
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop(while: { $0 == " " })) }
}
