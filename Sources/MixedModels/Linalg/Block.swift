import Foundation

/// One block of the lower block triangle of A = [Z X y]'[Z X y] or of its Cholesky factor L,
/// in the block structure of Bates et al. (2015) and MixedModels.jl: rows and columns are
/// partitioned by random-effects term, then the fixed effects with the response.
///
/// The (1, 1) block, which belongs to the term with the most levels, keeps its sparsity: it is
/// diagonal (scalar term) or block diagonal with q x q blocks (vector-valued term), and stays so
/// in L because no block precedes it. The large blocks below it are sparse when crossed or
/// nested factors leave them mostly empty; they too keep their pattern in L. Every other block
/// is dense.
struct Block {
    enum Kind: Equatable {
        /// `values` holds the diagonal.
        case diagonal
        /// `values` holds rows / q blocks of q x q, each column-major and contiguous.
        case blockDiagonal(q: Int)
        /// `values` holds all rows x columns, column-major.
        case dense
        /// `values` holds the non-zeros of the pattern, column by column.
        case sparse(SparseColumns)
    }

    let kind: Kind
    let rows: Int
    let columns: Int
    var values: [Double]
    /// For a sparse block of two scalar terms: the position in `values` of each observation's
    /// product, found once so that reweighting (a GLMM's PIRLS) does not search the pattern.
    var observationPositions: [Int]?

    init(kind: Kind, rows: Int, columns: Int) {
        self.kind = kind
        self.rows = rows
        self.columns = columns
        switch kind {
        case .diagonal: values = [Double](repeating: 0, count: rows)
        case .blockDiagonal(let q): values = [Double](repeating: 0, count: rows * q)
        case .dense: values = [Double](repeating: 0, count: rows * columns)
        case .sparse(let pattern): values = [Double](repeating: 0, count: pattern.nonZeroCount)
        }
    }

    /// M' v for this block M (rows x columns) and v of length rows.
    func transposedTimes(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: columns)
        switch kind {
        case .sparse(let pattern):
            for c in 0..<columns {
                var s = 0.0
                for x in pattern.starts[c]..<pattern.starts[c + 1] { s += values[x] * v[pattern.rows[x]] }
                out[c] = s
            }
        case .dense:
            for c in 0..<columns {
                var s = 0.0
                for r in 0..<rows { s += values[r + c * rows] * v[r] }
                out[c] = s
            }
        case .diagonal, .blockDiagonal:
            preconditionFailure("transposedTimes is for the blocks below the diagonal")
        }
        return out
    }

    /// Element (i, i) of a square block.
    func diagonalElement(_ i: Int) -> Double {
        switch kind {
        case .diagonal: return values[i]
        case .blockDiagonal(let q): return values[(i / q) * q * q + (i % q) * (q + 1)]
        case .dense: return values[i + i * rows]
        case .sparse: preconditionFailure("diagonal blocks are never sparse")
        }
    }

    /// log det of the triangular factor held in a factored diagonal block: the sum of the logs
    /// of its diagonal.
    var logDiagonalSum: Double {
        var sum = 0.0
        for i in 0..<rows { sum += log(diagonalElement(i)) }
        return sum
    }
}

/// Multiplications by Λθ = I_levels ⊗ λ, λ being q x q lower triangular, which is how the
/// relative covariance factor enters every block of a random-effects term.
enum LambdaProduct {
    /// v := λ'v in place for a vector of q values, λ lower triangular: (λ'v)[c] = Σ_{s≥c} λ[s, c] v[s].
    /// It is both a row of M times λ and λ' times a column of M.
    @inline(__always) static func transposedTimes(_ v: inout [Double], lambda: [Double], q: Int) {
        for c in 0..<q {
            var sum = 0.0
            for s in c..<q { sum += v[s] * lambda[s + c * q] }
            v[c] = sum
        }
    }

    /// M := M Λ for dense M whose columns are level-major with q columns per level.
    static func rightMultiply(_ m: inout [Double], rows: Int, columns: Int, lambda: [Double], q: Int) {
        if q == 1 { return scale(&m, by: lambda[0]) }
        var row = [Double](repeating: 0, count: q)
        for start in stride(from: 0, to: columns, by: q) {
            for r in 0..<rows {
                for s in 0..<q { row[s] = m[r + (start + s) * rows] }
                transposedTimes(&row, lambda: lambda, q: q)
                for c in 0..<q { m[r + (start + c) * rows] = row[c] }
            }
        }
    }

    /// M := Λ' M for dense M whose rows are level-major with q rows per level.
    static func leftMultiplyTransposed(_ m: inout [Double], rows: Int, columns: Int, lambda: [Double], q: Int) {
        if q == 1 { return scale(&m, by: lambda[0]) }
        var column = [Double](repeating: 0, count: q)
        for start in stride(from: 0, to: rows, by: q) {
            for j in 0..<columns {
                let base = start + j * rows
                for s in 0..<q { column[s] = m[base + s] }
                transposedTimes(&column, lambda: lambda, q: q)
                for c in 0..<q { m[base + c] = column[c] }
            }
        }
    }

    /// A scalar term's λ: every value times it.
    static func scale(_ m: inout [Double], by s: Double) {
        for i in m.indices { m[i] *= s }
    }

    /// B := λ' B λ + I for each q x q block of a block-diagonal (or, with q = 1, diagonal) block.
    static func scaleInflateBlocks(_ values: inout [Double], q: Int, lambda: [Double]) {
        if q == 1 {
            let s = lambda[0] * lambda[0]
            for i in values.indices { values[i] = values[i] * s + 1 }
            return
        }
        let size = q * q
        for start in stride(from: 0, to: values.count, by: size) {
            var block = Array(values[start..<(start + size)])
            rightMultiply(&block, rows: q, columns: q, lambda: lambda, q: q)
            leftMultiplyTransposed(&block, rows: q, columns: q, lambda: lambda, q: q)
            for c in 0..<q { block[c + c * q] += 1 }
            values.replaceSubrange(start..<(start + size), with: block)
        }
    }
}
