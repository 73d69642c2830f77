/// readr's read_delim over tokenized fields: the header (or first row) fixes the column
/// count; short rows are padded with NA and an overlong row's extra fields are joined onto
/// its last cell, delimiters included, which is what readr 2 (vroom) does; readr reports
/// both as parsing problems, which this reader does not keep.
struct ReadrTableReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    let options: ReadrOptions

    func read() throws -> Table {
        try CSVReader.checkUTF8(bytes, name: name)
        guard options.skip >= 0 else {
            throw DataReadError(.invalidArgument, path: name, message: "`skip` must be a positive integer")
        }
        guard let delim = try CSVReader.singleByte(options.delim, option: "delim", name: name) else {
            throw DataReadError(.invalidArgument, path: name, message: "`delim` must be one character")
        }
        let dialect = CSVDialect(delimiter: delim, quotes: Array(options.quote.utf8),
                                 comment: try CSVReader.singleByte(options.comment, option: "comment", name: name),
                                 skipBlankLines: options.skipEmptyRows, skipLines: options.skip)
        let fields = CSVTokenizer(dialect: dialect).tokenize(bytes)
        guard fields.recordCount > 0 else { return Table(names: [], columns: []) }

        let trim: ColumnCells.Trim = options.trimWS ? .all : .none
        let headerCells = ColumnCells(fields: fields, grid: FieldGrid(), column: 0, trim: trim, file: bytes)
        let ncol = fields.fieldRange(ofRecord: 0).count
        let names: [String]
        if options.colNames {
            names = NameRepair.unique(fields.fieldRange(ofRecord: 0).map { headerCells.text(ofField: $0) })
        } else {
            names = (0..<ncol).map { "X\($0 + 1)" }
        }

        var grid = FieldGrid()
        for r in (options.colNames ? 1 : 0)..<fields.recordCount {
            let range = fields.fieldRange(ofRecord: r)
            grid.append(start: range.lowerBound, count: min(range.count, ncol), line: fields.recordLines[r])
            if range.count > ncol, ncol > 0 {
                let rest = (range.lowerBound + ncol - 1..<range.upperBound).map { headerCells.text(ofField: $0) }
                grid.overrides[FieldGrid.CellKey(row: grid.rowCount - 1, column: ncol - 1)] =
                    Array(rest.joined(separator: String(UnicodeScalar(delim))).utf8)
            }
        }

        let na = NAByteSet(options.na)
        let columns = (0..<ncol).map { j in
            ReadrGuess.column(ColumnCells(fields: fields, grid: grid, column: j, trim: trim, file: bytes), na: na)
        }
        return Table(names: names, columns: columns)
    }
}
