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
    ///
    /// The loops run over raw buffers (a GLMM's PIRLS spends much of its time here); each
    /// element's sum is accumulated over the observations in order, as a plain loop would.
    mutating func accumulate(_ terms: [RandomEffectsTerm], _ xy: FixedEffectsResponse, weights: [Double]?) {
        let k = terms.count, n = xy.n, width = xy.p + 1
        let w = weights ?? [Double](repeating: 1, count: n)
        if ScalarCrossproductPlan.applies(to: terms) {
            if scalarPlan == nil { scalarPlan = ScalarCrossproductPlan(terms: terms, blocks: blocks) }
            scalarPlan?.accumulate(into: &blocks, xy, weights: w)
            return
        }
        for i in 0...k {
            for j in 0...i {
                let index = Self.index(i, j)
                var block = blocks[index]
                blocks[index].values = []  // so that `block` owns its storage and is not copied
                if i < k, terms[i].q == 1, terms[j].q == 1 {
                    if case .sparse(let pattern) = block.kind, block.observationPositions == nil {
                        let ti = terms[i], tj = terms[j]
                        block.observationPositions = (0..<n).map { pattern.position(row: ti.refs[$0], column: tj.refs[$0])! }
                    }
                    Self.accumulateScalarTerms(&block, terms[i], terms[j], w)
                } else if i < k {
                    Self.accumulateVectorTerms(&block, terms[i], terms[j], w)
                } else if j < k {
                    Self.accumulateFixedByTerm(&block, xy, terms[j], w, width: width)
                } else {
                    Self.accumulateFixed(&block, xy, w, width: width)
                }
                blocks[index] = block
            }
        }
    }

    /// Two scalar terms (the common case): one product per observation, the block's kind
    /// decided once rather than per observation.
    private static func accumulateScalarTerms(_ block: inout Block, _ ti: RandomEffectsTerm, _ tj: RandomEffectsTerm,
                                              _ weights: [Double]) {
        let kind = block.kind, rows = block.rows, positions = block.observationPositions ?? []
        block.values.withUnsafeMutableBufferPointer { values in
            values.update(repeating: 0)
            ti.z.withUnsafeBufferPointer { zi in tj.z.withUnsafeBufferPointer { zj in
            ti.refs.withUnsafeBufferPointer { ri in tj.refs.withUnsafeBufferPointer { rj in
            weights.withUnsafeBufferPointer { w in
                let n = w.count
                switch kind {
                case .diagonal, .blockDiagonal:
                    for r in 0..<n { values[ri[r]] += zi[r] * (zj[r] * w[r]) }
                case .dense:
                    for r in 0..<n { values[ri[r] &+ rj[r] &* rows] += zi[r] * (zj[r] * w[r]) }
                case .sparse:
                    positions.withUnsafeBufferPointer { at in
                        for r in 0..<n { values[at[r]] += zi[r] * (zj[r] * w[r]) }
                    }
                }
            } } } } }
        }
    }

    /// Two terms, at least one vector-valued.
    private static func accumulateVectorTerms(_ block: inout Block, _ ti: RandomEffectsTerm, _ tj: RandomEffectsTerm,
                                              _ w: [Double]) {
        for e in block.values.indices { block.values[e] = 0 }
        let kind = block.kind, n = w.count
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
    }

    /// [X y]'W Z_j: a row of `width` sums per column of the term.
    private static func accumulateFixedByTerm(_ block: inout Block, _ xy: FixedEffectsResponse, _ tj: RandomEffectsTerm,
                                              _ weights: [Double], width: Int) {
        let q = tj.q
        block.values.withUnsafeMutableBufferPointer { values in
            values.update(repeating: 0)
            xy.xy.withUnsafeBufferPointer { x in tj.z.withUnsafeBufferPointer { z in
            tj.refs.withUnsafeBufferPointer { refs in weights.withUnsafeBufferPointer { w in
                let n = w.count
                for r in 0..<n {
                    let column = refs[r] &* q
                    for t in 0..<q {
                        let zt = z[r &+ t &* n] * w[r]
                        let base = (column &+ t) &* width
                        for c in 0..<width { values[c &+ base] += x[r &+ c &* n] * zt }
                    }
                }
            } } } }
        }
    }

    /// [X y]'W[X y]: every element's sum over the observations, all of them in one pass (the
    /// sums are independent, so they proceed side by side instead of one after another).
    private static func accumulateFixed(_ block: inout Block, _ xy: FixedEffectsResponse, _ weights: [Double], width: Int) {
        var sums = [Double](repeating: 0, count: width * width)
        sums.withUnsafeMutableBufferPointer { sums in
            xy.xy.withUnsafeBufferPointer { x in weights.withUnsafeBufferPointer { w in
                let n = w.count
                for r in 0..<n {
                    for c in 0..<width {
                        let weighted = x[r &+ c &* n] * w[r]
                        for d in c..<width { sums[c &+ d &* width] += weighted * x[r &+ d &* n] }
                    }
                }
            } }
        }
        for c in 0..<width {
            for d in c..<width {
                block.values[c + d * width] = sums[c + d * width]
                block.values[d + c * width] = sums[c + d * width]
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
