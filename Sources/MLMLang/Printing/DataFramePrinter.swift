import Foundation

/// print.data.frame: each column formatted on its own as format() does, then printed as a
/// character matrix without quotes, right-aligned under its name, row names on the left, in
/// blocks of columns that fit the line width.
struct DataFramePrinter {
    let digits: Int
    let width: Int
    let scipen: Int
    var showRowNames = true

    func print(_ df: DataFrame) -> String {
        if df.columns.isEmpty {
            return "data frame with 0 columns and \(df.rowCount) row\(df.rowCount == 1 ? "" : "s")\n"
        }
        if df.rowCount == 0 {
            var printer = VectorPrinter(digits: digits, width: width, scipen: scipen)
            printer.quote = false
            return printer.print(RVector(.character(df.names.map { Optional($0) }))) + "<0 rows> (or 0-length row.names)\n"
        }
        // Columns are cut or padded to the row count, should a malformed frame disagree.
        let cells = df.columns.map { cellTexts(ColumnOps.take($0, (0..<df.rowCount).map { Optional($0) }), rows: df.rowCount) }
        let labels = showRowNames ? df.rowLabels : [String](repeating: "", count: df.rowCount)
        let labelWidth = labels.map(\.displayWidth).max() ?? 0
        let widths = cells.indices.map { j in max(cells[j].map(\.displayWidth).max() ?? 0, df.names[j].displayWidth) }
        var out = ""
        var start = 0
        while start < cells.count {
            // R starts a new block when the line would reach the width.
            var used = labelWidth + widths[start] + 1
            var end = start + 1
            while end < cells.count && used + widths[end] + 1 < width {
                used += widths[end] + 1
                end += 1
            }
            out += String(repeating: " ", count: labelWidth)
            for j in start..<end { out += " " + df.names[j].leftPadded(to: widths[j]) }
            out += "\n"
            for i in 0..<df.rowCount {
                out += labels[i].rightPadded(to: labelWidth)
                for j in start..<end { out += " " + cells[j][i].leftPadded(to: widths[j]) }
                out += "\n"
            }
            start = end
        }
        return out
    }

    /// format() of one column, NA strings shown as <NA>.
    func cellTexts(_ column: RValue, rows: Int) -> [String] {
        guard case .vector(let v) = column else { return [String](repeating: Deparser.deparseValueBrief(column), count: rows) }
        if let inner = DataFrame(column) {
            // A data frame column shows its own columns' cells joined.
            let parts = inner.columns.map { cellTexts($0, rows: rows) }
            return (0..<rows).map { i in parts.map { $0[i] }.joined(separator: " ") }
        }
        if v.isFactor { return Coerce.strings(v).map { $0 ?? "<NA>" } }
        if let kind = DateTimeDisplay.kind(v) { return DateTimeDisplay.format(v, kind: kind, digits: digits).map { $0 ?? "<NA>" } }
        switch v.storage {
        case .double(let a):
            let f = RFormat.formatReal(a, digits: digits, scipen: scipen)
            return a.map { RFormat.encodeReal($0, f) }
        case .integer(let a):
            let w = RFormat.formatInteger(a)
            return a.map { RFormat.encodeInteger($0, width: w) }
        case .logical(let a):
            return a.map { $0 == .na ? "NA" : ($0 == .yes ? "TRUE" : "FALSE") }
        case .character(let a):
            return a.map { $0 ?? "<NA>" }
        case .list(let items):
            return items.map { item in
                guard case .vector(let iv) = item, iv.storage.rank < 4 else { return Deparser.deparseValueBrief(item) }
                return cellTexts(.vector(RVector(iv.storage, attributes: iv.attributes)), rows: iv.count)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
            }
        }
    }
}
