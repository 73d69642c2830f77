/// print.default for matrices (R's printMatrix): each column formatted on its own, column
/// labels `[,j]` or names, row labels `[i,]` or names, and blocks of columns that fit the width.
struct MatrixPrinter {
    var vectors: VectorPrinter

    /// Labels of one dimension from the dimnames list, if any.
    static func dimnames(_ v: RVector) -> (rows: [String?]?, columns: [String?]?, rowTitle: String?, columnTitle: String?) {
        guard case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage, items.count == 2 else {
            return (nil, nil, nil, nil)
        }
        func labels(_ x: RValue, _ extent: Int) -> [String?]? {
            guard case .vector(let lv) = x, lv.count == extent else { return nil }
            return Coerce.strings(lv)
        }
        let extents = v.dim ?? [0, 0]
        // Named dimnames print their names, even empty ones (a two-way table of unnamed vectors).
        let titles = dn.names
        let rowTitle = titles.map { $0[0] ?? "" }
        let columnTitle = titles.map { $0[1] ?? "" }
        return (labels(items[0], extents.first ?? 0), labels(items[1], extents.count > 1 ? extents[1] : 0), rowTitle, columnTitle)
    }

    func print(_ v: RVector, rows r: Int, columns c: Int) -> String {
        let (rowLabels, columnLabels, rowTitle, columnTitle) = Self.dimnames(v)
        let isText: Bool
        if case .character = v.storage { isText = true } else { isText = false }
        // Strings are left-justified unless print(right = TRUE).
        let leftAligned = isText && !vectors.right

        // Row label column.
        var rowLabelWidth = rowLabels.map { labels in labels.map { ($0 ?? "<NA>").displayWidth }.max() ?? 0 }
            ?? (String(r + 1).count + 3)   // R sizes the "[i,]" labels for r + 1 rows: nine rows take " [1,]"
        var labelOffset = 0
        if let rowTitle {
            let titleWidth = rowTitle.displayWidth
            if titleWidth < rowLabelWidth + 2 { labelOffset = 2 } else { labelOffset = titleWidth - rowLabelWidth }
            rowLabelWidth += labelOffset
        }

        // Columns: formatted entries and widths. A numeric table is formatted as a whole, as
        // print.table's format(unclass(x)) does: one width and one number of decimals.
        let whole = v.classes?.contains("table") == true && !isText ? vectors.encodeElements(RVector(v.storage)) : []
        let isTable = whole.count == r * c && !whole.isEmpty
        var cells: [[String]] = []
        var widths: [Int] = []
        var headers: [String] = []
        for j in 0..<c {
            let column = RVector(IndexingLibrary.select(v.storage, (0..<r).map { j * r + $0 }))
            let encoded: [String]
            if isTable {
                encoded = Array(whole[(j * r)..<((j + 1) * r)])
            } else if case .character(let strings) = column.storage {
                encoded = vectors.encodeStrings(strings)
            } else {
                encoded = vectors.encodeElements(column)
            }
            let header = columnLabels.map { $0[j] ?? "<NA>" } ?? "[,\(j + 1)]"
            let w = max(encoded.map(\.displayWidth).max() ?? 0, header.displayWidth)
            cells.append(encoded)
            widths.append(w)
            headers.append(header)
        }

        var out = ""
        if c == 0 {
            out += (rowTitle ?? "").rightPadded(to: rowLabelWidth)
            for i in 0..<r { out += "\n" + rowLabel(i, rowLabels, rowLabelWidth, labelOffset) }
            return out + "\n"
        }
        var start = 0
        while start < c {
            var width = rowLabelWidth
            var end = start
            repeat {
                width += widths[end] + 1
                end += 1
            } while end < c && width + widths[end] + 1 < vectors.width
            if let columnTitle { out += String(repeating: " ", count: rowLabelWidth) + columnTitle + "\n" }
            out += (rowTitle ?? "").rightPadded(to: rowLabelWidth)
            for j in start..<end {
                // Quoted strings keep their column titles on the left even when right-aligned.
                let titleLeft = leftAligned || (isText && vectors.quote)
                out += " " + (titleLeft ? headers[j].rightPadded(to: widths[j]) : headers[j].leftPadded(to: widths[j]))
            }
            for i in 0..<r {
                out += "\n" + rowLabel(i, rowLabels, rowLabelWidth, labelOffset)
                for j in start..<end {
                    out += " " + (leftAligned ? cells[j][i].rightPadded(to: widths[j]) : cells[j][i].leftPadded(to: widths[j]))
                }
            }
            out += "\n"
            start = end
        }
        return out
    }

    private func rowLabel(_ i: Int, _ labels: [String?]?, _ width: Int, _ offset: Int) -> String {
        if let labels {
            return String(repeating: " ", count: offset) + (labels[i] ?? "<NA>").rightPadded(to: width - offset)
        }
        return "[\(i + 1),]".leftPadded(to: width)
    }
}
