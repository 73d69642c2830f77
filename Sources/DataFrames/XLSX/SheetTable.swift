/// Turns a sheet's cells into columns: names from the first row, a type per column guessed
/// from the first `guessMax` data rows, then every cell converted to its column's type
/// (readxl's SheetView::colNames, colTypes and readCols).
struct SheetTable {
    let cells: SheetCells
    let reader: CellReader
    let colNames: Bool
    let guessMax: Int

    func table() -> Table {
        let ncol = cells.columnCount
        guard cells.rowCount > 0, ncol > 0, let firstRow = cells.cells.first?.row else {
            return Table(names: [], columns: [])
        }
        let startCol = cells.minCol
        var names = [String?](repeating: nil, count: ncol)
        var dataStart = 0
        if colNames {
            while dataStart < cells.cells.count, cells.cells[dataStart].row == firstRow {
                let cell = cells.cells[dataStart]
                let j = cell.col - startCol
                if j >= 0, j < ncol { names[j] = reader.text(cell.node, kind: reader.kind(cell.node)) }
                dataStart += 1
            }
        }
        let dataCells = cells.cells[dataStart...]
        let base = firstRow + (colNames ? 1 : 0)
        let n = dataCells.isEmpty ? 0 : cells.maxRow - base + 1

        var kinds = [CellKind](repeating: .unknown, count: ncol)
        for cell in dataCells where cell.row - base < guessMax {
            let j = cell.col - startCol
            guard j >= 0, j < ncol, kinds[j] != .text else { continue }
            kinds[j] = max(kinds[j], reader.kind(cell.node))
        }

        var columns: [Column] = []
        columns.reserveCapacity(ncol)
        // Cells are row-major, so gather each column's cells first, then convert column by column.
        var byColumn = [[SheetCells.Cell]](repeating: [], count: ncol)
        for cell in dataCells {
            let j = cell.col - startCol
            if j >= 0, j < ncol { byColumn[j].append(cell) }
        }
        for j in 0..<ncol {
            columns.append(column(kinds[j], cells: byColumn[j], base: base, count: n))
        }
        return Table(names: NameRepair.unique(names), columns: columns)
    }

    /// Converts one column's cells; rows without a cell stay NA.
    private func column(_ kind: CellKind, cells: [SheetCells.Cell], base: Int, count n: Int) -> Column {
        func fill<T>(_ value: (SheetCells.Cell, CellKind) -> T?) -> [T?] {
            var out = [T?](repeating: nil, count: n)
            for cell in cells {
                let i = cell.row - base
                guard i >= 0, i < n else { continue }
                out[i] = value(cell, reader.kind(cell.node))
            }
            return out
        }
        switch kind {
        case .unknown, .blank, .logical:
            // A column with no values is logical, as readxl's finalizeTypes makes it.
            return .logical(fill { reader.logical($0.node, kind: $1) })
        case .date:
            return .dateTime(fill { reader.dateTime($0.node, kind: $1) })
        case .numeric:
            return .double(fill { reader.double($0.node, kind: $1) })
        case .text:
            return .character(fill { reader.text($0.node, kind: $1) })
        }
    }
}
