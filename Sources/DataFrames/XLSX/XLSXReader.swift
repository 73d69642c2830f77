import Foundation

/// Reads .xlsx worksheets as readxl::read_excel does: the same window, column names, type
/// guessing and conversions, so that a notebook sees the tibble R would show.
public enum XLSXReader {
    /// A sheet by name or by 1-based position (read_excel's `sheet`).
    public enum Sheet: Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case name(String)
        case index(Int)

        public init(stringLiteral value: String) { self = .name(value) }
        public init(integerLiteral value: Int) { self = .index(value) }
    }

    /// excel_sheets(path).
    public static func sheetNames(path: String) throws -> [String] {
        try Workbook.sheetNames(path: path)
    }

    /// read_excel(path, sheet, range, col_names, na, trim_ws, skip, n_max, guess_max).
    /// A sheet named in `range` ("Sheet2!A1:C4") wins over `sheet`, as in readxl.
    public static func read(path: String, sheet: Sheet? = nil, range: String? = nil,
                            colNames: Bool = true, na: [String] = [""], trimWS: Bool = true,
                            skip: Int = 0, nMax: Int? = nil, guessMax: Int = 1000) throws -> Table {
        let workbook = try Workbook(path: path)
        var parsedRange: CellRange?
        if let range {
            guard let r = CellRange(range) else {
                throw DataReadError(.invalidArgument, path: path, message: "Can't guess format of this cell reference:\n\(range)")
            }
            parsedRange = r
        }
        let position = try sheetPosition(parsedRange?.sheet.map(Sheet.name) ?? sheet ?? .index(1),
                                          in: workbook, path: path)
        guard skip >= 0 else {
            throw DataReadError(.invalidArgument, path: path, message: "`skip` must be a positive integer")
        }
        if let nMax, nMax < 0 {
            throw DataReadError(.invalidArgument, path: path, message: "`n_max` must be a positive integer")
        }
        let entry = workbook.sheets[position]
        guard let part = entry.part, let tree = try workbook.package.xml(part) else {
            let missing = entry.part ?? "sheet \(position + 1)"
            throw DataReadError(.malformed, path: path, message: "Couldn't find '\(missing)' in '\(path)'")
        }
        let cells = try SheetCells(tree: tree, window: window(range: parsedRange, skip: skip, nMax: nMax, colNames: colNames),
                                   sheetName: entry.name, position: position + 1, path: path)
        let reader = CellReader(sharedStrings: workbook.sharedStrings, dateStyles: workbook.dateStyles,
                                is1904: workbook.is1904, na: NAStrings(na, trimWS: trimWS))
        return cells.withExtendedLifetime {
            SheetTable(cells: cells, reader: reader, colNames: colNames, guessMax: guessMax).table()
        }
    }

    /// The 0-based position of the requested sheet, with readxl's messages when there is none.
    private static func sheetPosition(_ sheet: Sheet, in workbook: Workbook, path: String) throws -> Int {
        switch sheet {
        case .name(let name):
            guard let i = workbook.sheets.firstIndex(where: { $0.name == name }) else {
                throw DataReadError(.sheetNotFound, path: path, message: "Sheet '\(name)' not found")
            }
            return i
        case .index(let i):
            guard i >= 1 else {
                throw DataReadError(.invalidArgument, path: path, message: "`sheet` must be positive")
            }
            guard i <= workbook.sheets.count else {
                throw DataReadError(.sheetNotFound, path: path, message:
                    "Can't retrieve sheet in position \(i), only \(workbook.sheets.count) sheet(s) found.")
            }
            return i - 1
        }
    }

    /// readxl's standardise_limits: skip and n_max give a row window, a range a rectangle.
    private static func window(range: CellRange?, skip: Int, nMax: Int?, colNames: Bool) -> SheetCells.Window {
        if let range {
            return SheetCells.Window(minRow: range.minRow, maxRow: range.maxRow,
                                     minCol: range.minCol, maxCol: range.maxCol, isRange: true)
        }
        var window = SheetCells.Window(minRow: skip)
        if let nMax {
            let toRead = nMax + (colNames ? 1 : 0)
            if toRead == 0 { window.readsNothing = true } else { window.maxRow = skip + toRead - 1 }
        }
        return window
    }
}
