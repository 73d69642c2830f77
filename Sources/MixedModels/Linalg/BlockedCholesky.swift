/// `BlockTriangle`: the lower block triangle of a symmetric matrix partitioned into K x K blocks,
/// and its in-place blocked Cholesky factorization (left-looking, block column by block column).
///
/// Block (i, j), j <= i, is stored at `i * (i + 1) / 2 + j`. The factorization needs only:
/// symmetric rank-k downdates of dense diagonal blocks, dense products for the blocks below,
/// Cholesky of each diagonal block (element-wise for a diagonal block, q x q at a time for a
/// block-diagonal one, LAPACK for a dense one) and right triangular solves.
struct BlockTriangle {
    let k: Int
    var blocks: [Block]
    /// How A is accumulated in one pass when every term is scalar, made at the first
    /// accumulation (see `ScalarCrossproductPlan`).
    var scalarPlan: ScalarCrossproductPlan?

    init(k: Int, blocks: [Block]) {
        self.k = k
        self.blocks = blocks
    }

    static func index(_ i: Int, _ j: Int) -> Int { i * (i + 1) / 2 + j }

    subscript(i: Int, j: Int) -> Block { blocks[Self.index(i, j)] }

    /// Replaces every block by its Cholesky factor block; false if a diagonal block is not
    /// positive definite.
    ///
    /// With `keepingLeading` = t, blocks (i, j) with i < t are taken to be factored already:
    /// they depend on the first t terms' θ only, so when only later terms' θ changed (BOBYQA's
    /// single-coordinate steps, the numerical derivatives) the large leading blocks are kept.
    /// The operations on the other blocks are the same as in a full factorization, so the result
    /// is identical to the bit.
    mutating func factor(keepingLeading kept: Int = 0) -> Bool {
        precondition(kept < k, "the fixed-effects block is always refactored")
        for j in 0..<k {
            let jj = Self.index(j, j)
            let operands = (0..<j).map { DowndateOperand(blocks[Self.index(j, $0)]) }
            if j >= kept {
                for m in 0..<j {
                    operands[m].subtractSymmetricProduct(from: &blocks[jj].values, ldc: blocks[jj].rows)
                }
                guard Self.choleskyInPlace(&blocks[jj]) else { return false }
            }
            let diagonal = blocks[jj]
            let below = Array(max(j + 1, kept)..<k)
            for i in below {
                let ij = Self.index(i, j)
                for m in 0..<j {
                    let a = DowndateOperand(blocks[Self.index(i, m)])
                    a.subtractProduct(operands[m], from: &blocks[ij].values, m: blocks[ij].rows)
                }
            }
            if diagonal.kind == .dense, diagonal.rows >= Self.stackedSolveMinimumOrder, below.count > 1 {
                solveStackedRightTransposed(below.map { Self.index($0, j) }, by: diagonal)
            } else {
                for i in below { Self.solveRightTransposed(&blocks[Self.index(i, j)], by: diagonal) }
            }
        }
        return true
    }

    /// Dense factors from this order on are large enough that packing them once per block
    /// costs more than stacking the blocks (InstEval's 1,128 lecturers: 1 ms a pack). Smaller
    /// ones keep the per-block solve.
    static let stackedSolveMinimumOrder = 256

    /// B := B L^{-T} for several dense blocks of one block column at once: their rows stacked
    /// and transposed, one solve L X = B' (BLAS reads and packs the large factor L once, not
    /// once per block, and its left-side solve is the quicker one for a few right-hand sides).
    private mutating func solveStackedRightTransposed(_ indices: [Int], by l: Block) {
        let n = l.rows
        let heights = indices.map { blocks[$0].rows }
        let total = heights.reduce(0, +)
        var transposed = [Double](repeating: 0, count: total * n)
        var top = 0
        for (index, height) in zip(indices, heights) {
            blocks[index].values.withUnsafeBufferPointer { b in
                for c in 0..<n {
                    for r in 0..<height { transposed[c + (top + r) * n] = b[r + c * height] }
                }
            }
            top += height
        }
        LAPACK.solveLowerInPlace(l.values, n: n, &transposed, columns: total)
        top = 0
        for (index, height) in zip(indices, heights) {
            blocks[index].values.withUnsafeMutableBufferPointer { b in
                for c in 0..<n {
                    for r in 0..<height { b[r + c * height] = transposed[c + (top + r) * n] }
                }
            }
            top += height
        }
    }

    /// Lower Cholesky factor of a diagonal block, in place.
    private static func choleskyInPlace(_ block: inout Block) -> Bool {
        switch block.kind {
        case .diagonal:
            for i in block.values.indices {
                guard block.values[i] > 0 else { return false }
                block.values[i] = block.values[i].squareRoot()
            }
            return true
        case .blockDiagonal(let q):
            for start in stride(from: 0, to: block.values.count, by: q * q) {
                guard smallCholesky(&block.values, offset: start, n: q) else { return false }
            }
            return true
        case .dense:
            return LAPACK.choleskyLower(&block.values, n: block.rows)
        case .sparse:
            preconditionFailure("diagonal blocks are never sparse")
        }
    }

    /// Unblocked lower Cholesky of the n x n matrix at `offset` (n is a term's q: tiny).
    private static func smallCholesky(_ a: inout [Double], offset: Int, n: Int) -> Bool {
        for j in 0..<n {
            var d = a[offset + j + j * n]
            for m in 0..<j { d -= a[offset + j + m * n] * a[offset + j + m * n] }
            guard d > 0 else { return false }
            let root = d.squareRoot()
            a[offset + j + j * n] = root
            for i in (j + 1)..<n {
                var s = a[offset + i + j * n]
                for m in 0..<j { s -= a[offset + i + m * n] * a[offset + j + m * n] }
                a[offset + i + j * n] = s / root
            }
        }
        return true
    }

    /// B := B L^{-T} for a block B and the factored diagonal block L of its block column.
    private static func solveRightTransposed(_ b: inout Block, by l: Block) {
        let rows = b.rows
        if case .sparse(let pattern) = b.kind {
            // Sparse blocks sit below the first, (block) diagonal, block only.
            switch l.kind {
            case .diagonal: pattern.solveRightTransposed(&b.values, byBlocksOf: l.values, q: 1)
            case .blockDiagonal(let q): pattern.solveRightTransposed(&b.values, byBlocksOf: l.values, q: q)
            case .dense, .sparse: preconditionFailure("sparse blocks sit below the first diagonal block only")
            }
            return
        }
        switch l.kind {
        case .diagonal:
            for c in 0..<b.columns {
                let d = l.values[c]
                for r in 0..<rows { b.values[r + c * rows] /= d }
            }
        case .blockDiagonal(let q):
            // Row by row, x L' = b is the forward substitution L x' = b'.
            for start in stride(from: 0, to: b.columns, by: q) {
                let offset = start * q  // block start / q blocks of q * q values
                for r in 0..<rows {
                    for c in 0..<q {
                        var s = b.values[r + (start + c) * rows]
                        for m in 0..<c { s -= l.values[offset + c + m * q] * b.values[r + (start + m) * rows] }
                        b.values[r + (start + c) * rows] = s / l.values[offset + c + c * q]
                    }
                }
            }
        case .dense:
            LAPACK.solveRightLowerTransposed(l.values, ldl: l.rows, n: l.rows, &b.values, ldb: rows, m: rows)
        case .sparse:
            preconditionFailure("diagonal blocks are never sparse")
        }
    }
}

extension Block {
    /// Solves L' x = rhs, L being this factored diagonal block.
    func solveTransposed(_ rhs: [Double]) -> [Double] {
        var x = rhs
        switch kind {
        case .diagonal:
            for i in x.indices { x[i] /= values[i] }
        case .blockDiagonal(let q):
            for start in stride(from: 0, to: x.count, by: q) {
                let offset = start * q
                for c in stride(from: q - 1, through: 0, by: -1) {
                    var s = x[start + c]
                    for m in (c + 1)..<q { s -= values[offset + m + c * q] * x[start + m] }
                    x[start + c] = s / values[offset + c + c * q]
                }
            }
        case .sparse:
            preconditionFailure("diagonal blocks are never sparse")
        case .dense:
            x = LAPACK.solveTransposedLower(values, n: rows, x)
        }
        return x
    }
}
