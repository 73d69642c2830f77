@testable import MixedModels
import XCTest

/// The one-pass accumulation of A = [Z X y]'W[Z X y] for scalar terms (`ScalarCrossproductPlan`)
/// against each element summed on its own over the observations in order: they must agree to
/// the bit, at the first weights and after reweighting (a GLMM's PIRLS reuses the plan).
final class ScalarCrossproductTests: XCTestCase {
    func testOnePassEqualsElementByElementSums() throws {
        let n = 3000, aLevels = 400, bLevels = 30
        var generator = LinearCongruential(seed: 5)
        let a = (0..<n).map { _ in generator.next(below: aLevels) }
        // b in long runs, as items in a data set sorted by item.
        let b = (0..<n).map { $0 * bLevels / n }
        let x = (0..<n).map { _ in generator.uniform() * 3 }
        let y = (0..<n).map { _ in generator.uniform() }
        let zb = (0..<n).map { _ in 0.5 + generator.uniform() }  // a scalar term that is not an intercept
        let ones = [Double](repeating: 1, count: n)
        let terms = [
            try RandomEffectsTerm(grouping: "a", levels: (0..<aLevels).map(String.init), refs: a,
                                  columnNames: ["(Intercept)"], z: ones),
            try RandomEffectsTerm(grouping: "b", levels: (0..<bLevels).map(String.init), refs: b,
                                  columnNames: ["w"], z: zb),
        ]
        XCTAssertTrue(ScalarCrossproductPlan.applies(to: terms))
        let design = try DesignMatrix(columns: [("(Intercept)", ones), ("x", x)], rows: n)
        let xy = try FixedEffectsResponse(x: design, y: y)
        var weights = (0..<n).map { _ in 0.1 + generator.uniform() }
        var triangle = BlockTriangle(crossproductsOf: terms, xy, weights: weights)
        assertEqualsElementSums(triangle, terms, xy, weights)
        weights = weights.map { $0 * $0 + 0.05 }
        triangle.accumulate(terms, xy, weights: weights)
        XCTAssertNotNil(triangle.scalarPlan)
        assertEqualsElementSums(triangle, terms, xy, weights)
    }

    /// Every element of every block against Σ_r row_i(r) (row_j(r) w_r) (or, for the fixed
    /// effects and response, (x_c w_r) x_d), each element's sum taken over the observations in
    /// their order, in a dense matrix laid out term by term, then X and y.
    private func assertEqualsElementSums(_ triangle: BlockTriangle, _ terms: [RandomEffectsTerm],
                                         _ xy: FixedEffectsResponse, _ w: [Double], file: StaticString = #filePath,
                                         line: UInt = #line) {
        let k = terms.count, n = xy.n, width = xy.p + 1
        let starts = terms.reduce(into: [0]) { $0.append($0.last! + $1.levelCount) }
        let size = starts[k] + width
        var expected = [Double](repeating: 0, count: size * size)
        for r in 0..<n {
            for i in 0..<k {
                for j in 0...i {
                    expected[(starts[i] + terms[i].refs[r]) + (starts[j] + terms[j].refs[r]) * size]
                        += terms[i].z[r] * (terms[j].z[r] * w[r])
                }
            }
            for j in 0..<k {
                let zt = terms[j].z[r] * w[r]
                for c in 0..<width { expected[(starts[k] + c) + (starts[j] + terms[j].refs[r]) * size] += xy.xy[r + c * n] * zt }
            }
            for c in 0..<width {
                for d in c..<width {
                    expected[(starts[k] + c) + (starts[k] + d) * size] += xy.xy[r + c * n] * w[r] * xy.xy[r + d * n]
                }
            }
        }
        for i in 0...k {
            for j in 0...i {
                let block = triangle[i, j]
                for row in 0..<block.rows {
                    for col in 0..<block.columns {
                        // The fixed-effects block's lower triangle is its upper one mirrored.
                        let (er, ec) = i == k && j == k && row > col ? (col, row) : (row, col)
                        let want = expected[(starts[i] + er) + (starts[j] + ec) * size]
                        let stored: Double?
                        switch block.kind {
                        case .diagonal: stored = row == col ? block.values[row] : nil
                        case .blockDiagonal: stored = nil
                        case .dense: stored = block.values[row + col * block.rows]
                        case .sparse(let pattern): stored = pattern.position(row: row, column: col).map { block.values[$0] }
                        }
                        if let stored {
                            XCTAssertEqual(stored, want, "block (\(i), \(j)) element (\(row), \(col))", file: file, line: line)
                        } else if want != 0 {
                            XCTFail("block (\(i), \(j)) element (\(row), \(col)) is not stored", file: file, line: line)
                        }
                    }
                }
            }
        }
    }
}
