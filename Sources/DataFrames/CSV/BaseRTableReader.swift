/// read.table's algorithm over tokenized fields: the column count is the widest of the first
/// five lines; a header one field short makes the first column row names; short rows are
/// padded (fill) or an error; a line longer than the column count wraps onto a new row, as
/// R's scan does; then type.convert per column and make.names for the header.
struct BaseRTableReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    let options: ReadTableOptions

    func read() throws -> Table {
        try CSVReader.checkUTF8(bytes, name: name)
        guard options.skip >= 0 else {
            throw DataReadError(.invalidArgument, path: name, message: "invalid 'skip' argument")
        }
        let sep = try CSVReader.singleByte(options.sep, option: "sep", name: name)
        let comment = try CSVReader.singleByte(options.commentChar, option: "comment.char", name: name)
        let dialect = CSVDialect(delimiter: sep, quotes: Array(options.quote.utf8), comment: comment,
                                 skipBlankLines: options.blankLinesSkip, skipLines: options.skip,
                                 quotedCRLFAsLF: true)
        let fields = CSVTokenizer(dialect: dialect).tokenize(bytes)
        guard fields.recordCount > 0 else {
            throw DataReadError(.empty, path: name, message: "no lines available in input")
        }
        let fill = options.fill ?? !options.blankLinesSkip
        let firstCount = fields.fieldRange(ofRecord: 0).count
        let widest = (0..<min(5, fields.recordCount)).map { fields.fieldRange(ofRecord: $0).count }.max() ?? 0
        let cols = max(firstCount, widest)
        var rowLabels = cols - firstCount == 1
        let header = options.header ?? rowLabels
        if !header { rowLabels = false }

        let headerCells = ColumnCells(fields: fields, grid: FieldGrid(), column: 0, trim: .all, file: bytes)
        var names: [String?]
        if header {
            // R reads the header line with strip.white = TRUE.
            names = fields.fieldRange(ofRecord: 0).map { f in
                headerCells.text(ofField: f)
            }
            if names.count + (rowLabels ? 1 : 0) < cols {
                throw DataReadError(.malformed, path: name, message: "more columns than column names")
            }
        } else {
            names = (1...max(cols, 1)).map { "V\($0)" }
        }
        let width = max(cols, names.count + (rowLabels ? 1 : 0))

        // Lay the data records out as rows of `width` fields.
        var grid = FieldGrid()
        let firstData = header ? 1 : 0
        let lineBase = header ? fields.recordLines[0] : options.skip
        for r in firstData..<fields.recordCount {
            let range = fields.fieldRange(ofRecord: r)
            var offset = 0
            repeat {
                let count = min(width, range.count - offset)
                if count < width && !fill {
                    throw DataReadError(.malformed, path: name,
                                        message: "line \(fields.recordLines[r] - lineBase) did not have \(width) elements",
                                        line: fields.recordLines[r])
                }
                grid.append(start: range.lowerBound + offset, count: count, line: fields.recordLines[r])
                offset += width
            } while offset < range.count
        }

        let trim: ColumnCells.Trim = options.stripWhite ? .unquoted : .none
        let na = NAByteSet(options.naStrings)
        var columns: [Column] = []
        let firstColumn = rowLabels ? 1 : 0
        for j in firstColumn..<width {
            columns.append(TypeConvert.column(ColumnCells(fields: fields, grid: grid, column: j, trim: trim, file: bytes), na: na))
        }
        var rowNames: [String]?
        if rowLabels {
            rowNames = try labels(ColumnCells(fields: fields, grid: grid, column: 0, trim: trim, file: bytes), na: na)
        }
        // The header check above leaves exactly one name per column.
        let finalNames = options.checkNames ? NameRepair.makeNames(names) : names.map { $0 ?? "NA" }
        return Table(names: finalNames, columns: columns, rowNames: rowNames)
    }

    /// Row names from the first column; R refuses duplicates and NAs.
    private func labels(_ cells: ColumnCells, na: NAByteSet) throws -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        out.reserveCapacity(cells.count)
        for r in 0..<cells.count {
            let label: String? = cells.withCell(r) { b, _ in na.contains(b) ? nil : String(decoding: b, as: UTF8.self) } ?? ""
            guard let label else {
                throw DataReadError(.malformed, path: name, message: "missing values in 'row.names' are not allowed")
            }
            guard seen.insert(label).inserted else {
                throw DataReadError(.malformed, path: name, message: "duplicate 'row.names' are not allowed")
            }
            out.append(label)
        }
        return out
    }
}

extension ColumnCells {
    /// The text of field `f` of the tokenized file regardless of rows (for header lines).
    func text(ofField f: Int) -> String {
        var grid = FieldGrid()
        grid.append(start: f, count: 1, line: 0)
        return ColumnCells(fields: fields, grid: grid, column: 0, trim: trim, file: file).string(0) ?? ""
    }
}
