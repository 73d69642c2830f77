/// A = [Z X y]'W[Z X y] in blocks, computed once per model: Z is never formed, each observation
/// adds its weighted outer products to the blocks of its levels.
extension BlockTriangle {
    /// The (1, 1) block is diagonal for a scalar term, block diagonal for a vector-valued one;
    /// all others are dense.
    init(crossproductsOf terms: [RandomEffectsTerm], _ xy: FixedEffectsResponse, weights: [Double]?) {
        let k = terms.count, width = xy.p + 1
        var blocks = [Block]()
        for i in 0...k {
            for j in 0...i {
                if i < k {
                    let ti = terms[i], tj = terms[j]
                    let kind: Block.Kind
                    if i == 0 {
                        kind = ti.q == 1 ? .diagonal : .blockDiagonal(q: ti.q)
                    } else if j == 0, let pattern = Self.sparsePattern(rows: ti, columns: tj) {
                        kind = .sparse(pattern)
                    } else {
                        kind = .dense
                    }
                    blocks.append(Block(kind: kind, rows: ti.columnCount, columns: tj.columnCount))
                } else if j < k {
                    blocks.append(Block(kind: .dense, rows: width, columns: terms[j].columnCount))
                } else {
                    blocks.append(Block(kind: .dense, rows: width, columns: width))
                }
            }
        }
        self.init(k: k + 1, blocks: blocks)
        accumulate(terms, xy, weights: weights)
    }

    /// Fills every block's values with the weighted crossproducts, keeping each block's kind
    /// (and sparsity pattern): a GLMM's PIRLS recomputes them at each step's working weights.
    mutating func accumulate(_ terms: [RandomEffectsTerm], _ xy: FixedEffectsResponse, weights: [Double]?) {
        let k = terms.count, n = xy.n, width = xy.p + 1
        let w = weights ?? [Double](repeating: 1, count: n)
        for i in 0...k {
            for j in 0...i {
                let index = Self.index(i, j)
                var block = blocks[index]
                blocks[index].values = []  // so that `block` owns its storage and is not copied
                for e in block.values.indices { block.values[e] = 0 }
                if i < k, terms[i].q == 1, terms[j].q == 1 {
                    // Scalar terms (the common case): one product per observation, the block's
                    // kind decided once rather than per observation.
                    let ti = terms[i], tj = terms[j]
                    if case .sparse(let pattern) = block.kind, block.observationPositions == nil {
                        block.observationPositions = (0..<n).map { pattern.position(row: ti.refs[$0], column: tj.refs[$0])! }
                    }
                    let positions = block.observationPositions ?? []
                    block.values.withUnsafeMutableBufferPointer { values in
                        switch block.kind {
                        case .diagonal, .blockDiagonal:
                            for r in 0..<n { let z = ti.z[r]; values[ti.refs[r]] += z * (tj.z[r] * w[r]) }
                        case .dense:
                            let rows = block.rows
                            for r in 0..<n { values[ti.refs[r] + tj.refs[r] * rows] += ti.z[r] * (tj.z[r] * w[r]) }
                        case .sparse:
                            for r in 0..<n { values[positions[r]] += ti.z[r] * (tj.z[r] * w[r]) }
                        }
                    }
                } else if i < k {
                    let ti = terms[i], tj = terms[j]
                    let kind = block.kind
                    for r in 0..<n {
                        let row = ti.refs[r] * ti.q, column = tj.refs[r] * tj.q
                        for t in 0..<tj.q {
                            let zt = tj.value(r, t) * w[r]
                            for s in 0..<ti.q {
                                let product = ti.value(r, s) * zt
                                switch kind {
                                case .diagonal: block.values[row] += product
                                case .blockDiagonal(let q): block.values[ti.refs[r] * q * q + s + t * q] += product
                                case .dense: block.values[(row + s) + (column + t) * block.rows] += product
                                case .sparse(let pattern):
                                    // The pattern was made from these level pairs: the position exists.
                                    block.values[pattern.position(row: row + s, column: column + t)!] += product
                                }
                            }
                        }
                    }
                } else if j < k {
                    let tj = terms[j]
                    for r in 0..<n {
                        let column = tj.refs[r] * tj.q
                        for t in 0..<tj.q {
                            let zt = tj.value(r, t) * w[r]
                            for c in 0..<width { block.values[c + (column + t) * width] += xy.xy[r + c * n] * zt }
                        }
                    }
                } else {
                    for c in 0..<width {
                        for d in c..<width {
                            var sum = 0.0
                            for r in 0..<n { sum += xy.xy[r + c * n] * w[r] * xy.xy[r + d * n] }
                            block.values[c + d * width] = sum
                            block.values[d + c * width] = sum
                        }
                    }
                }
                blocks[index] = block
            }
        }
    }

    /// Sparse storage for a block below the first diagonal block when it is large and at most a
    /// quarter of it can be non-zero; nil otherwise.
    private static func sparsePattern(rows ti: RandomEffectsTerm, columns tj: RandomEffectsTerm) -> SparseColumns? {
        let size = ti.columnCount * tj.columnCount
        guard size >= DowndateOperand.sparseScanMinimumSize else { return nil }
        let pattern = SparseColumns(rowRefs: ti.refs, rowLevels: ti.levelCount, rowQ: ti.q,
                                    columnRefs: tj.refs, columnLevels: tj.levelCount, columnQ: tj.q)
        return pattern.nonZeroCount * 4 <= size ? pattern : nil
    }
}
