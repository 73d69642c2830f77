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

    init(k: Int, blocks: [Block]) {
        self.k = k
        self.blocks = blocks
    }

    static func index(_ i: Int, _ j: Int) -> Int { i * (i + 1) / 2 + j }

    subscript(i: Int, j: Int) -> Block { blocks[Self.index(i, j)] }

    /// Replaces every block by its Cholesky factor block; false if a diagonal block is not
    /// positive definite.
    mutating func factor() -> Bool {
        for j in 0..<k {
            let jj = Self.index(j, j)
            // Blocks left of the diagonal are stored dense but are often mostly zeros (crossed
            // factors: each student meets few lecturers); their non-zero pattern per column lets
            // the downdates skip the zeros, as a sparse factorization would.
            let patterns = (0..<j).map { SparsePattern(blocks[Self.index(j, $0)]) }
            for m in 0..<j {
                let left = blocks[Self.index(j, m)]
                if let pattern = patterns[m] {
                    pattern.subtractSymmetricProduct(left, from: &blocks[jj])
                } else {
                    LAPACK.subtractSymmetricProduct(left.values, n: left.rows, k: left.columns, lda: left.rows,
                                                    from: &blocks[jj].values, ldc: blocks[jj].rows)
                }
            }
            guard Self.choleskyInPlace(&blocks[jj]) else { return false }
            let diagonal = blocks[jj]
            for i in (j + 1)..<k {
                let ij = Self.index(i, j)
                for m in 0..<j {
                    let a = blocks[Self.index(i, m)], b = blocks[Self.index(j, m)]
                    if let pattern = patterns[m], let other = SparsePattern(a) {
                        SparsePattern.subtractProduct(a, other, b, pattern, from: &blocks[ij])
                    } else {
                        LAPACK.subtractProduct(a.values, b.values, m: a.rows, n: b.rows, k: a.columns,
                                               from: &blocks[ij].values)
                    }
                }
                Self.solveRightTransposed(&blocks[ij], by: diagonal)
            }
        }
        return true
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

    /// B := B L^{-T} for a dense block B and the factored diagonal block L of its block column.
    private static func solveRightTransposed(_ b: inout Block, by l: Block) {
        let rows = b.rows
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
        case .dense:
            let size = rows
            for c in stride(from: size - 1, through: 0, by: -1) {
                var s = x[c]
                for m in (c + 1)..<size { s -= values[m + c * size] * x[m] }
                x[c] = s / values[c + c * size]
            }
        }
        return x
    }
}

/// The non-zero rows of each column of a large dense block, when it has few enough of them
/// (under a quarter) for products that skip the zeros to beat BLAS on the whole block. Small
/// blocks stay with BLAS: there the time is negligible, and BLAS's order of summation is the one
/// with which BOBYQA retraces lme4's steps exactly (the tests count the evaluations).
struct SparsePattern {
    static let minimumSize = 100_000

    /// Row indices of the non-zeros, column by column: column c's are rows[starts[c]..<starts[c + 1]].
    let rows: [Int]
    let starts: [Int]

    init?(_ block: Block) {
        guard block.kind == .dense, block.rows > 0, block.columns > 0, block.values.count >= Self.minimumSize else { return nil }
        let n = block.rows
        var rows: [Int] = [], starts = [0]
        let limit = block.values.count / 4
        starts.reserveCapacity(block.columns + 1)
        for c in 0..<block.columns {
            let base = c * n
            for r in 0..<n where block.values[base + r] != 0 {
                rows.append(r)
                if rows.count > limit { return nil }
            }
            starts.append(rows.count)
        }
        self.rows = rows
        self.starts = starts
    }

    /// C := C - L L' on the lower triangle of the dense square block C.
    func subtractSymmetricProduct(_ l: Block, from c: inout Block) {
        let n = l.rows, ldc = c.rows
        c.values.withUnsafeMutableBufferPointer { out in
            l.values.withUnsafeBufferPointer { values in
                for column in 0..<l.columns {
                    let base = column * n
                    let range = starts[column]..<starts[column + 1]
                    for a in range {
                        let ra = rows[a], va = values[base + ra]
                        for b in range where rows[b] <= ra {
                            out[ra + rows[b] * ldc] -= va * values[base + rows[b]]
                        }
                    }
                }
            }
        }
    }

    /// C := C - A B' for dense blocks A (m x k) and B (n x k) with patterns pa and pb.
    static func subtractProduct(_ a: Block, _ pa: SparsePattern, _ b: Block, _ pb: SparsePattern, from c: inout Block) {
        let m = a.rows, n = b.rows
        c.values.withUnsafeMutableBufferPointer { out in
            for column in 0..<a.columns {
                for x in pa.starts[column]..<pa.starts[column + 1] {
                    let ra = pa.rows[x], va = a.values[ra + column * m]
                    for y in pb.starts[column]..<pb.starts[column + 1] {
                        let rb = pb.rows[y]
                        out[ra + rb * m] -= va * b.values[rb + column * n]
                    }
                }
            }
        }
    }
}
