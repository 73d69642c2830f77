/// A = [Z X y]'W[Z X y] for models whose random-effects terms are all scalar (`(1 | g)`, or one
/// column each): every block in a single pass over the observations.
///
/// A GLMM's PIRLS recomputes A at every step's working weights, and block by block the sums of a
/// small block (a few dozen items, y'Wy) form one long chain of dependent additions, each waiting
/// for the last. In one pass the blocks' sums proceed side by side. Each element is still the sum
/// over the observations in their order of the same products, so A is identical to the bit to
/// the block-by-block computation.
final class ScalarCrossproductPlan {
    /// The random-effects blocks (i, j), i >= j, in the triangle's order.
    let termPairs: [(i: Int, j: Int)]
    /// For each pair, each observation's position in the block's values (pair-major, n each).
    let positions: [Int]
    /// The terms' columns and codes, term-major (n each).
    let z: [Double]
    let refs: [Int]
    let n: Int
    let k: Int

    init(terms: [RandomEffectsTerm], blocks: [Block]) {
        let n = terms.first?.observations ?? 0, k = terms.count
        var pairs = [(i: Int, j: Int)](), positions = [Int]()
        for i in 0..<k {
            for j in 0...i {
                pairs.append((i, j))
                let block = blocks[BlockTriangle.index(i, j)], ti = terms[i], tj = terms[j]
                switch block.kind {
                case .diagonal, .blockDiagonal: positions += ti.refs
                case .dense: positions += (0..<n).map { ti.refs[$0] + tj.refs[$0] * block.rows }
                case .sparse(let pattern):
                    // The pattern was made from these level pairs: the position exists.
                    positions += (0..<n).map { pattern.position(row: ti.refs[$0], column: tj.refs[$0])! }
                }
            }
        }
        self.termPairs = pairs
        self.positions = positions
        self.z = terms.flatMap(\.z)
        self.refs = terms.flatMap(\.refs)
        self.n = n
        self.k = k
    }

    /// Whether the one-pass computation applies: every term scalar.
    static func applies(to terms: [RandomEffectsTerm]) -> Bool { terms.allSatisfy { $0.q == 1 } }

    /// Fills the blocks (all of them, in the triangle's order) from the weighted observations.
    func accumulate(into blocks: inout [Block], _ xy: FixedEffectsResponse, weights: [Double]) {
        let width = xy.p + 1, pairCount = termPairs.count, n = self.n, k = self.k
        // Where each block starts in one scratch vector: the term pairs', then [X y]'WZ_j's,
        // then [X y]'W[X y] (its upper triangle).
        var offsets = [Int](), total = 0
        for block in blocks {
            offsets.append(total)
            total += block.values.count
        }
        let pairOffsets = termPairs.map { offsets[BlockTriangle.index($0.i, $0.j)] }
        let pairTerms = termPairs.flatMap { [$0.i, $0.j] }
        let fixedOffsets = (0..<k).map { offsets[BlockTriangle.index(k, $0)] }
        let fixedFixed = offsets[BlockTriangle.index(k, k)]
        var sums = [Double](repeating: 0, count: total)
        sums.withUnsafeMutableBufferPointer { s in
        positions.withUnsafeBufferPointer { at in z.withUnsafeBufferPointer { z in refs.withUnsafeBufferPointer { refs in
        xy.xy.withUnsafeBufferPointer { x in weights.withUnsafeBufferPointer { w in
        pairOffsets.withUnsafeBufferPointer { pairOffsets in pairTerms.withUnsafeBufferPointer { pairTerms in
        fixedOffsets.withUnsafeBufferPointer { fixedOffsets in
            for r in 0..<n {
                let wr = w[r]
                for pair in 0..<pairCount {
                    let zi = z[pairTerms[2 &* pair] &* n &+ r], zj = z[pairTerms[2 &* pair &+ 1] &* n &+ r]
                    s[pairOffsets[pair] &+ at[pair &* n &+ r]] += zi * (zj * wr)
                }
                for j in 0..<k {
                    let zt = z[j &* n &+ r] * wr
                    let base = fixedOffsets[j] &+ refs[j &* n &+ r] &* width
                    for c in 0..<width { s[base &+ c] += x[r &+ c &* n] * zt }
                }
                for c in 0..<width {
                    let weighted = x[r &+ c &* n] * wr
                    for d in c..<width { s[fixedFixed &+ c &+ d &* width] += weighted * x[r &+ d &* n] }
                }
            }
        } } } } } } } } }
        for index in blocks.indices {
            let start = offsets[index]
            blocks[index].values.withUnsafeMutableBufferPointer { values in
                for e in values.indices { values[e] = sums[start + e] }
            }
        }
        // The fixed-effects block is symmetric: its lower triangle from the upper one.
        let xx = BlockTriangle.index(k, k)
        for c in 0..<width {
            for d in (c + 1)..<width {
                blocks[xx].values[d + c * width] = blocks[xx].values[c + d * width]
            }
        }
    }
}
