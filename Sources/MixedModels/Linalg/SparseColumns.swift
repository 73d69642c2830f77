/// `SparseColumns`: the fixed non-zero pattern of a block in compressed sparse columns, for the
/// blocks below the first diagonal block when crossed factors leave them mostly empty (InstEval:
/// each of 2,972 students rates a few of 1,128 lecturers, so 2% of that block is non-zero).
///
/// The pattern is made of whole levels: the q_j columns of a level of the column term share one
/// row list, and that list holds every one of the q_i rows of each level of the row term it
/// touches, in order. The Λθ products, which mix the columns of one level or the rows of one
/// level, then stay inside the pattern, and so does L's block, which is A's block times Λ's and
/// the (block) diagonal factor's inverse.
final class SparseColumns: Equatable {
    /// Row indices of column c's values: rows[starts[c]..<starts[c + 1]], increasing.
    let rows: [Int]
    let starts: [Int]
    let rowCount: Int
    let columnCount: Int

    /// The pattern of the block of the row term's levels `rowRefs` (q_i rows per level) against
    /// the column term's levels `columnRefs` (q_j columns per level), from the observations'
    /// level pairs.
    init(rowRefs: [Int], rowLevels: Int, rowQ: Int, columnRefs: [Int], columnLevels: Int, columnQ: Int) {
        var touched = [[Int]](repeating: [], count: columnLevels)
        for (row, column) in zip(rowRefs, columnRefs) { touched[column].append(row) }
        var rows: [Int] = [], starts = [0]
        for column in 0..<columnLevels {
            let levels = Set(touched[column]).sorted()
            for _ in 0..<columnQ {
                for level in levels { for s in 0..<rowQ { rows.append(level * rowQ + s) } }
                starts.append(rows.count)
            }
        }
        self.rows = rows
        self.starts = starts
        self.rowCount = rowLevels * rowQ
        self.columnCount = columnLevels * columnQ
    }

    /// The pattern of the non-zeros of a dense column-major block, or nil when more than a
    /// quarter of it is non-zero (then dense BLAS is quicker).
    init?(nonZerosOf values: [Double], rows rowCount: Int, columns columnCount: Int) {
        var rows: [Int] = [], starts = [0]
        let limit = values.count / 4
        starts.reserveCapacity(columnCount + 1)
        for c in 0..<columnCount {
            let base = c * rowCount
            for r in 0..<rowCount where values[base + r] != 0 {
                rows.append(r)
                if rows.count > limit { return nil }
            }
            starts.append(rows.count)
        }
        self.rows = rows
        self.starts = starts
        self.rowCount = rowCount
        self.columnCount = columnCount
    }

    var nonZeroCount: Int { rows.count }

    static func == (lhs: SparseColumns, rhs: SparseColumns) -> Bool { lhs === rhs }

    /// Position of (row, column) in the values, by binary search in the column.
    func position(row: Int, column: Int) -> Int? {
        var low = starts[column], high = starts[column + 1]
        while low < high {
            let mid = (low + high) / 2
            if rows[mid] < row { low = mid + 1 } else { high = mid }
        }
        return low < starts[column + 1] && rows[low] == row ? low : nil
    }

    /// The values of a dense column-major block at this pattern's positions.
    func compress(_ dense: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: rows.count)
        for c in 0..<columnCount {
            for x in starts[c]..<starts[c + 1] { out[x] = dense[rows[x] + c * rowCount] }
        }
        return out
    }
}

// MARK: - Λθ products and the solve by the first diagonal block

extension SparseColumns {
    /// M := M Λ, Λ = I ⊗ λ mixing the q columns of each level (λ lower triangular, q x q).
    func rightMultiply(_ values: inout [Double], lambda: [Double], q: Int) {
        if q == 1 { return LambdaProduct.scale(&values, by: lambda[0]) }
        var row = [Double](repeating: 0, count: q)
        for first in stride(from: 0, to: columnCount, by: q) {
            let count = starts[first + 1] - starts[first]
            for r in 0..<count {
                for s in 0..<q { row[s] = values[starts[first + s] + r] }
                LambdaProduct.transposedTimes(&row, lambda: lambda, q: q)
                for c in 0..<q { values[starts[first + c] + r] = row[c] }
            }
        }
    }

    /// M := Λ' M, Λ = I ⊗ λ mixing the q rows of each level; a column holds a level's q rows
    /// together.
    func leftMultiplyTransposed(_ values: inout [Double], lambda: [Double], q: Int) {
        if q == 1 { return LambdaProduct.scale(&values, by: lambda[0]) }
        var column = [Double](repeating: 0, count: q)
        for first in stride(from: 0, to: rows.count, by: q) {
            for s in 0..<q { column[s] = values[first + s] }
            LambdaProduct.transposedTimes(&column, lambda: lambda, q: q)
            for c in 0..<q { values[first + c] = column[c] }
        }
    }

    /// B := B L^{-T} for the factored first diagonal block L: diagonal (q = 1) or block diagonal
    /// with q x q lower-triangular blocks, column-major, one per level.
    func solveRightTransposed(_ values: inout [Double], byBlocksOf l: [Double], q: Int) {
        if q == 1 {
            for c in 0..<columnCount {
                let d = l[c]
                for x in starts[c]..<starts[c + 1] { values[x] /= d }
            }
            return
        }
        // Row by row, x L' = b is the forward substitution L x' = b'.
        for first in stride(from: 0, to: columnCount, by: q) {
            let offset = first * q, count = starts[first + 1] - starts[first]
            for r in 0..<count {
                for c in 0..<q {
                    var s = values[starts[first + c] + r]
                    for m in 0..<c { s -= l[offset + c + m * q] * values[starts[first + m] + r] }
                    values[starts[first + c] + r] = s / l[offset + c + c * q]
                }
            }
        }
    }
}

// MARK: - Downdates

/// A block as the downdates of the factorization read it: dense, or its non-zeros by column.
enum DowndateOperand {
    case dense([Double], rows: Int, columns: Int)
    case sparse(SparseColumns, [Double])

    /// Large dense blocks that are mostly zeros (nested factors fill little) are read through
    /// their non-zeros. Small ones stay with BLAS: there the time is negligible, and BLAS's order
    /// of summation is the one with which BOBYQA retraces lme4's steps exactly (the tests count
    /// the evaluations).
    static let sparseScanMinimumSize = 100_000

    init(_ block: Block) {
        switch block.kind {
        case .sparse(let pattern):
            self = .sparse(pattern, block.values)
        case .dense where block.values.count >= Self.sparseScanMinimumSize:
            if let pattern = SparseColumns(nonZerosOf: block.values, rows: block.rows, columns: block.columns) {
                self = .sparse(pattern, pattern.compress(block.values))
            } else {
                self = .dense(block.values, rows: block.rows, columns: block.columns)
            }
        default:
            self = .dense(block.values, rows: block.rows, columns: block.columns)
        }
    }

    /// C := C - A A' on the lower triangle of the dense square C (ldc rows).
    func subtractSymmetricProduct(from c: inout [Double], ldc: Int) {
        switch self {
        case let .dense(values, rows, columns):
            LAPACK.subtractSymmetricProduct(values, n: rows, k: columns, lda: rows, from: &c, ldc: ldc)
        case let .sparse(pattern, values):
            c.withUnsafeMutableBufferPointer { out in
                for column in 0..<pattern.columnCount {
                    let range = pattern.starts[column]..<pattern.starts[column + 1]
                    for a in range {
                        let ra = pattern.rows[a], va = values[a]
                        for b in range.lowerBound...a {
                            out[ra + pattern.rows[b] * ldc] -= va * values[b]
                        }
                    }
                }
            }
        }
    }

    /// C := C - A B' for A (m x k, self) and B (n x k); C is dense m x n.
    func subtractProduct(_ b: DowndateOperand, from c: inout [Double], m: Int) {
        switch (self, b) {
        case let (.dense(av, _, k), .dense(bv, n, _)):
            LAPACK.subtractProduct(av, bv, m: m, n: n, k: k, from: &c)
        case let (.sparse(pa, av), .sparse(pb, bv)):
            c.withUnsafeMutableBufferPointer { out in
                for column in 0..<pa.columnCount {
                    for x in pa.starts[column]..<pa.starts[column + 1] {
                        let ra = pa.rows[x], va = av[x]
                        for y in pb.starts[column]..<pb.starts[column + 1] {
                            out[ra + pb.rows[y] * m] -= va * bv[y]
                        }
                    }
                }
            }
        case let (.dense(av, _, _), .sparse(pb, bv)):
            // Column rb of C loses B[rb, column] times A's column.
            c.withUnsafeMutableBufferPointer { out in
                av.withUnsafeBufferPointer { a in
                    for column in 0..<pb.columnCount {
                        let aBase = column * m
                        for y in pb.starts[column]..<pb.starts[column + 1] {
                            let cBase = pb.rows[y] * m, vb = bv[y]
                            for r in 0..<m { out[cBase + r] -= a[aBase + r] * vb }
                        }
                    }
                }
            }
        case let (.sparse(pa, av), .dense(bv, n, _)):
            // Row ra of C loses A[ra, column] times B's column.
            c.withUnsafeMutableBufferPointer { out in
                bv.withUnsafeBufferPointer { b in
                    for column in 0..<pa.columnCount {
                        let bBase = column * n
                        for x in pa.starts[column]..<pa.starts[column + 1] {
                            let ra = pa.rows[x], va = av[x]
                            for r in 0..<n { out[ra + r * m] -= va * b[bBase + r] }
                        }
                    }
                }
            }
        }
    }
}
