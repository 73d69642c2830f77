/// print.tbl as tibble 3.1 and pillar 1.8 do it: a "# A tibble: n × m" header (and the groups
/// of a grouped tibble), the first rows under column titles and types, columns that fit the
/// width, and a footer naming the rows and columns left out and the abbreviated titles.
struct TibblePrinter {
    let width: Int
    /// Rows to show; nil for tibble's rule (all up to 20, else 10).
    var rowsToShow: Int?
    /// Significant digits of numbers (option pillar.sigfig).
    var sigfig = 3

    func print(_ df: DataFrame, groups: (names: [String], count: Int)?, rowwise: [String]? = nil) -> String {
        let total = df.rowCount
        let n = rowsToShow.map { max($0, 0) } ?? (total > 20 ? 10 : total)
        let shown = min(n, total)
        let missing = total - shown
        var header = ["A tibble:\u{00A0}" + PillarText.bigMark(total) + " \u{00D7} " + PillarText.bigMark(df.columns.count)]
        if let groups {
            header.append("Groups:\u{00A0}\u{00A0}\u{00A0}" + groups.names.map(PillarText.tick).joined(separator: ", ") + " [" + PillarText.bigMark(groups.count) + "]")
        }
        if let rowwise {
            // Titles are padded to "Groups:   "'s width; an empty list leaves just one space.
            header.append("Rowwise:\u{00A0}" + (rowwise.isEmpty ? "" : "\u{00A0}" + rowwise.map(PillarText.tick).joined(separator: ", ")))
        }
        var lines = header.flatMap { wrapComment($0) }
        let head = df.rows((0..<shown).map { $0 })
        let body = colonnade(head)
        lines += body.lines
        lines += footer(df, shownRows: shown, missingRows: missing, extra: body.extra, abbreviated: body.abbreviated)
        return lines.map { $0 + "\n" }.joined()
    }

    /// ctl_colonnade for one tier: the columns whose minimum widths fit, each then as wide as
    /// it wants while leaving the later ones their minimum.
    private func colonnade(_ df: DataFrame) -> (lines: [String], extra: [(String, String)], abbreviated: [String]) {
        let columnCount = df.columns.count
        guard df.rowCount > 0, columnCount > 0 else {
            return ([], df.names.indices.map { (PillarText.tick(df.names[$0]), ColumnOps.typeAbbreviation(df.columns[$0])) }, [])
        }
        let rowIdWidth = String(df.rowCount).count
        let tierWidth = width - rowIdWidth - 1
        var pillars: [Pillar] = []
        var remaining = tierWidth
        var fitted = true
        for (k, column) in df.columns.enumerated() {
            let pillar = Pillar(column: column, title: PillarText.tick(df.names[k]), sigfig: sigfig)
            if !fitted || remaining < pillar.minWidth { fitted = false; break }
            remaining = max(remaining - pillar.minWidth - 1, 0)
            pillars.append(pillar)
        }
        let extra = (pillars.count..<columnCount).map { (PillarText.tick(df.names[$0]), ColumnOps.typeAbbreviation(df.columns[$0])) }
        // Where each column may end at the latest: the later columns at their minimum widths.
        var latestEnd = [Int](repeating: tierWidth, count: pillars.count)
        var end = tierWidth
        for k in stride(from: pillars.count - 1, through: 0, by: -1) {
            latestEnd[k] = end
            end -= pillars[k].minWidth + 1
        }
        var formatted: [[String]] = []
        var abbreviated: [String] = []
        var x = 0
        for (k, pillar) in pillars.enumerated() {
            let available = max(latestEnd[k] - x - (x > 0 ? 1 : 0), 0)
            let result = pillar.format(width: available, footnote: abbreviated.count + 1)
            if result.abbreviated, let title = pillar.title { abbreviated.append(title) }
            formatted.append(result.lines)
            x += (x > 0 ? 1 : 0) + result.extent
        }
        let rowIds = [String(repeating: " ", count: rowIdWidth), String(repeating: " ", count: rowIdWidth)]
            + (1...df.rowCount).map { String($0).leftPadded(to: rowIdWidth) }
        // A malformed column (not a vector) may have fewer cells than rows: those show blank.
        let lines = rowIds.indices.map { line in ([rowIds[line]] + formatted.map { line < $0.count ? $0[line] : "" }).joined(separator: " ") }
        return (lines, extra, abbreviated)
    }

    /// format_footer and wrap_footer: "# … with 22 more rows, 3 more variables: ..." on lines
    /// of at most the width, seven lines at most.
    private func footer(_ df: DataFrame, shownRows: Int, missingRows: Int, extra: [(String, String)], abbreviated: [String]) -> [String] {
        var parts: [[String]] = []
        if !df.columns.isEmpty && missingRows > 0 {
            parts.append([PillarText.bigMark(missingRows), "more", missingRows == 1 ? "row" : "rows"])
        }
        if !extra.isEmpty {
            var tokens = [PillarText.bigMark(extra.count)]
            if df.rowCount != 0 && shownRows > 0 { tokens.append("more") }
            tokens.append(extra.count == 1 ? "variable:" : "variables:")
            let limited = extra.prefix(100)
            var vars = limited.map { "\($0.0) <\($0.1)>" }
            if extra.count > limited.count { vars.append(PillarText.ellipsis) }
            for k in vars.indices.dropLast() { vars[k] += "," }
            parts.append(tokens + vars)
        }
        if !abbreviated.isEmpty {
            var names = abbreviated.enumerated().map { PillarText.superdigit($0.offset + 1) + "\u{200B}" + $0.element }
            for k in names.indices.dropLast() { names[k] += "," }
            parts.append(["abbreviated", "variable", abbreviated.count == 1 ? "name" : "names"] + names)
        }
        guard !parts.isEmpty else { return [] }
        if parts.count > 1 {
            for k in 0..<(parts.count - 1) { parts[k][parts[k].count - 1] += "," }
            parts.insert(["and"], at: parts.count - 1)
        }
        let tokens = ["with"] + parts.flatMap { $0 }
        let maxExtent = width - 1
        let tiers = min(tokens.count, 7)
        let tierWidths: [Int] = tiers == 1 ? [maxExtent - 2 - 4]
            : [maxExtent - 4] + [Int](repeating: maxExtent - 4, count: tiers - 2) + [maxExtent - 6]
        var lines: [[String]] = [[]]
        var x = 0
        var truncated = false
        for token in tokens {
            let w = min(PillarText.width(token), maxExtent - 4)
            let tier = lines.count - 1
            if x + w > tierWidths[tier] {
                if tier + 1 >= tierWidths.count { truncated = true; break }
                lines.append([])
                x = 0
            }
            lines[lines.count - 1].append(token)
            x += w + 1
        }
        if truncated { lines[lines.count - 1].append(PillarText.ellipsis) }
        return lines.enumerated().map { k, words in (["#", k == 0 ? PillarText.ellipsis : " "] + words).joined(separator: " ") }
    }

    /// format_comment: "# " and the text wrapped to the width (no-break spaces kept together).
    private func wrapComment(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty { current = word; continue }
            if PillarText.width(current) + 1 + PillarText.width(word) < width - 2 { current += " " + word }
            else { lines.append(current); current = "  " + word }
        }
        lines.append(current)
        return lines.map { "# " + $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
    }
}
