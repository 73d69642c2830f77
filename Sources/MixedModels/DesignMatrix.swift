/// `DesignMatrix(values:rows:columns:names:)`: a dense model matrix stored column-major, as R's
/// `model.matrix` returns it, with one name per column.
public struct DesignMatrix: Equatable {
    /// Column-major values: element (i, j) is `values[i + j * rows]`.
    public let values: [Double]
    public let rows: Int
    public let columns: Int
    public let names: [String]

    public init(values: [Double], rows: Int, columns: Int, names: [String]) throws {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw MixedModelsError("design matrix has \(values.count) values, not \(rows) x \(columns)")
        }
        guard names.count == columns else {
            throw MixedModelsError("design matrix has \(columns) columns but \(names.count) names")
        }
        self.values = values
        self.rows = rows
        self.columns = columns
        self.names = names
    }

    /// Builds the matrix from named columns, all of the same length.
    public init(columns: [(name: String, values: [Double])], rows: Int) throws {
        for column in columns where column.values.count != rows {
            throw MixedModelsError("column '\(column.name)' has \(column.values.count) values, not \(rows)")
        }
        try self.init(values: columns.flatMap(\.values), rows: rows, columns: columns.count,
                      names: columns.map(\.name))
    }

    /// Element (row, column); both must be in range.
    subscript(row: Int, column: Int) -> Double {
        values[row + column * rows]
    }

    /// The values of one column; `j` must be in `0..<columns`.
    func column(_ j: Int) -> ArraySlice<Double> {
        values[(j * rows)..<((j + 1) * rows)]
    }

    /// The rows for which `keep` is true, in order.
    func selectingRows(_ keep: [Bool]) -> DesignMatrix {
        let kept = keep.indices.filter { keep[$0] }
        var out = [Double]()
        out.reserveCapacity(kept.count * columns)
        for j in 0..<columns {
            for i in kept { out.append(values[i + j * rows]) }
        }
        // Dimensions agree by construction.
        return DesignMatrix(unchecked: out, rows: kept.count, columns: columns, names: names)
    }

    /// Without the columns that R's dqrdc2 rule (tolerance 1e-7) finds linearly dependent on
    /// earlier ones, as lme4 drops them; the names of those dropped.
    public func droppingDependentColumns() -> (matrix: DesignMatrix, dropped: [String]) {
        let qr = PivotedQR(values, rows: rows, columns: columns)
        guard qr.rank < columns else { return (self, []) }
        let keep = qr.pivot.prefix(qr.rank).sorted()
        return (selectingColumns(keep), (0..<columns).filter { !keep.contains($0) }.map { names[$0] })
    }

    /// The columns at `indices`, in that order.
    func selectingColumns(_ indices: [Int]) -> DesignMatrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * rows)
        for j in indices { out.append(contentsOf: column(j)) }
        return DesignMatrix(unchecked: out, rows: rows, columns: indices.count, names: indices.map { names[$0] })
    }

    private init(unchecked values: [Double], rows: Int, columns: Int, names: [String]) {
        self.values = values
        self.rows = rows
        self.columns = columns
        self.names = names
    }
}
