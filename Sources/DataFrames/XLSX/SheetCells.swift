import CLibXML2
import Foundation

/// The cells of one worksheet that fall in the requested window, in file order, with the
/// window shrunk to the cells found (or, for an explicit range, kept at the range), as
/// readxl's XlsxCellSet does. Holds the parsed XML, so cell nodes stay valid while it lives.
final class SheetCells {
    struct Cell {
        var row: Int
        var col: Int
        /// nil for the placeholder cells that stretch a result to an explicit range.
        var node: xmlNodePtr?
    }

    /// The rectangle asked for; nil bounds are open.
    struct Window {
        var minRow: Int?, maxRow: Int?, minCol: Int?, maxCol: Int?
        /// An explicit `range`: the result keeps its full size even where the sheet is empty.
        var isRange = false
        /// n_max = 0 (with no header): read nothing.
        var readsNothing = false

        func contains(_ row: Int, _ col: Int) -> Bool {
            (minRow.map { row >= $0 } ?? true) && (maxRow.map { row <= $0 } ?? true)
                && (minCol.map { col >= $0 } ?? true) && (maxCol.map { col <= $0 } ?? true)
        }
    }

    private let tree: XMLTree
    private(set) var cells: [Cell] = []
    private(set) var minRow = -1, maxRow = -1, minCol = -1, maxCol = -1

    var rowCount: Int { minRow < 0 ? 0 : maxRow - minRow + 1 }
    var columnCount: Int { minCol < 0 ? 0 : maxCol - minCol + 1 }

    init(tree: XMLTree, window: Window, sheetName: String, position: Int, path: String) throws {
        self.tree = tree
        guard let worksheet = tree.root, worksheet.isNamed("worksheet") else {
            throw DataReadError(.malformed, path: path,
                                message: "Sheet '\(sheetName)' (position \(position)): Invalid sheet xml (no <worksheet>)")
        }
        guard let sheetData = worksheet.firstChild(named: "sheetData") else {
            throw DataReadError(.malformed, path: path,
                                message: "Sheet '\(sheetName)' (position \(position)): Invalid sheet xml (no <sheetData>)")
        }
        if !window.readsNothing { load(sheetData, window: window) }
        if window.isRange { stretch(to: window) }
    }

    private func note(_ row: Int, _ col: Int) {
        if minRow < 0 || row < minRow { minRow = row }
        if row > maxRow { maxRow = row }
        if minCol < 0 || col < minCol { minCol = col }
        if col > maxCol { maxCol = col }
    }

    /// Walks <row> and <c> elements. Positions come from the `r` attributes where present and
    /// otherwise from the element's place, which is how writers that omit `r` mean it.
    private func load(_ sheetData: XMLNode, window: Window) {
        var window = window
        // With n_max, the window slides down past empty leading rows (readxl's implicit skip).
        var windowNeedsSliding = !window.isRange && window.maxRow != nil
        var i = 0
        var rowNode = sheetData.firstChildElement
        while let row = rowNode {
            rowNode = row.nextSiblingElement
            guard row.isNamed("row") else { continue }
            if let r = row.attributeBytes("r") {
                let number = Int(atoi(UnsafeRawPointer(r).assumingMemoryBound(to: CChar.self)))
                if (1...CellReference.maxRows).contains(number) { i = number - 1 }
            }
            var j = 0
            var cellNode = row.firstChildElement
            while let cell = cellNode {
                cellNode = cell.nextSiblingElement
                guard cell.isNamed("c") else { continue }
                if let r = cell.attributeBytes("r"), let location = CellReference.parse(cString: r) {
                    i = location.row
                    j = location.col
                }
                // A cell counts only when it has content; <c r="B2" s="3"/> is formatting alone.
                if (0..<CellReference.maxRows).contains(i), (0..<CellReference.maxColumns).contains(j),
                   cell.firstChildElement != nil {
                    if windowNeedsSliding, let lo = window.minRow, let hi = window.maxRow {
                        if i > lo { window.minRow = i; window.maxRow = i + hi - lo }
                        windowNeedsSliding = false
                    }
                    if window.contains(i, j) {
                        cells.append(Cell(row: i, col: j, node: cell.ptr))
                        note(i, j)
                    }
                }
                j += 1
            }
            i += 1
        }
        // readxl reads cells in file order and assumes it is row-major; sort in case a writer
        // did otherwise, so that headers and guessing see rows in order.
        if !isSorted { cells.sort { ($0.row, $0.col) < ($1.row, $1.col) } }
    }

    private var isSorted: Bool {
        zip(cells, cells.dropFirst()).allSatisfy { ($0.row, $0.col) <= ($1.row, $1.col) }
    }

    /// Adds empty placeholder cells at the corners so the result spans the whole range
    /// (readxl's insertShims); a range with no cells at all stays empty.
    private func stretch(to window: Window) {
        guard !cells.isEmpty else { return }
        if let lo = window.minRow, let left = window.minCol, lo < minRow || left < minCol {
            let corner = Cell(row: min(lo, minRow), col: min(left, minCol), node: nil)
            cells.insert(corner, at: 0)
            note(corner.row, corner.col)
        }
        if let hi = window.maxRow, let right = window.maxCol, hi > maxRow || right > maxCol {
            let corner = Cell(row: max(hi, maxRow), col: max(right, maxCol), node: nil)
            cells.append(corner)
            note(corner.row, corner.col)
        }
    }

    /// Keeps the parsed XML alive for as long as callers use the cell nodes.
    func withExtendedLifetime<R>(_ body: () throws -> R) rethrows -> R {
        try Swift.withExtendedLifetime(tree, body)
    }
}
