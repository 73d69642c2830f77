@testable import MixedModels
import XCTest

/// The sparse blocks below the first diagonal block (crossed factors with many levels) against a
/// dense computation of the same criterion: Z formed in full, the penalized least squares system
/// solved by one dense Cholesky. Both terms are vector-valued, so every Λ product and the block
/// diagonal solve of the sparse path are exercised; the pattern's block is 200 x 600.
final class SparseBlockTests: XCTestCase {
    func testCrossedVectorTermsMatchADenseComputation() throws {
        let n = 2400, aLevels = 300, bLevels = 100
        var generator = LinearCongruential(seed: 7)
        let a = (0..<n).map { _ in generator.next(below: aLevels) }
        let b = (0..<n).map { _ in generator.next(below: bLevels) }
        let x = (0..<n).map { _ in generator.uniform() * 4 }
        let y = (0..<n).map { i in 2 + 0.5 * x[i] + Double(a[i] % 7) * 0.3 - Double(b[i] % 5) * 0.2 + generator.uniform() }
        let ones = [Double](repeating: 1, count: n)
        func term(_ name: String, _ refs: [Int], _ levels: Int) throws -> RandomEffectsTerm {
            try RandomEffectsTerm(grouping: name, levels: (0..<levels).map(String.init), refs: refs,
                                  columnNames: ["(Intercept)", "x"], z: ones + x)
        }
        let design = try DesignMatrix(columns: [("(Intercept)", ones), ("x", x)], rows: n)
        let model = try LinearMixedModel(x: design, y: y, terms: [try term("a", a, aLevels), try term("b", b, bLevels)],
                                         reml: false)
        guard case .sparse = model.l[1, 0].kind else { return XCTFail("the crossed block should be stored sparse") }

        for theta in [[1.0, 0.0, 1.0, 1.0, 0.0, 1.0], [0.7, -0.2, 0.4, 1.3, 0.3, 0.5]] {
            let expected = denseDeviance(theta: theta, terms: model.terms, x: design, y: y)
            XCTAssertEqual(try model.objective(at: theta), expected, accuracy: 1e-9 * abs(expected), "\(theta)")
        }
        // A step in the second term's θ only keeps the first term's blocks (the factorization
        // keeps its leading block rows); the result must be what a fresh factorization gives.
        let moved = [0.7, -0.2, 0.4, 1.1, 0.1, 0.6]
        let kept = try model.objective(at: moved)
        let fresh = try LinearMixedModel(x: design, y: y, terms: model.terms, reml: false).objective(at: moved)
        XCTAssertEqual(kept, fresh)
    }

    /// Three crossed scalar terms, InstEval's shape: the second term's diagonal block is dense and
    /// large (300 levels), and two blocks sit below it (the third term's and the fixed effects'),
    /// which the factorization solves stacked in one triangular solve.
    func testStackedSolveBelowALargeDenseBlockMatchesADenseComputation() throws {
        let n = 3000, aLevels = 600, bLevels = 300, cLevels = 5
        var generator = LinearCongruential(seed: 11)
        let a = (0..<n).map { _ in generator.next(below: aLevels) }
        let b = (0..<n).map { _ in generator.next(below: bLevels) }
        let c = b.map { $0 % cLevels }
        let x = (0..<n).map { _ in generator.uniform() }
        let y = (0..<n).map { i in 1 + x[i] + Double(a[i] % 5) * 0.2 + Double(b[i] % 3) * 0.3 + Double(c[i]) * 0.1 + generator.uniform() }
        let ones = [Double](repeating: 1, count: n)
        func term(_ name: String, _ refs: [Int], _ levels: Int) throws -> RandomEffectsTerm {
            try RandomEffectsTerm(grouping: name, levels: (0..<levels).map(String.init), refs: refs,
                                  columnNames: ["(Intercept)"], z: ones)
        }
        let design = try DesignMatrix(columns: [("(Intercept)", ones), ("x", x)], rows: n)
        let model = try LinearMixedModel(x: design, y: y, terms: [try term("a", a, aLevels), try term("b", b, bLevels),
                                                                  try term("c", c, cLevels)], reml: false)
        XCTAssertEqual(model.l[1, 1].kind, .dense)
        XCTAssertGreaterThanOrEqual(model.l[1, 1].rows, BlockTriangle.stackedSolveMinimumOrder)
        for theta in [[1.0, 1.0, 1.0], [0.4, 0.9, 0.2]] {
            let expected = denseDeviance(theta: theta, terms: model.terms, x: design, y: y)
            XCTAssertEqual(try model.objective(at: theta), expected, accuracy: 1e-9 * abs(expected), "\(theta)")
        }
    }

    /// ML deviance ldL2 + n (1 + log(2π pwrss / n)) from the dense system
    /// [Λ'Z'ZΛ + I, Λ'Z'X; X'ZΛ, X'X] [u; β] = [Λ'Z'y; X'y].
    private func denseDeviance(theta: [Double], terms: [RandomEffectsTerm], x: DesignMatrix, y: [Double]) -> Double {
        let n = y.count, p = x.columns
        // ZΛ, column-major n x q, term by term (θ is each term's λ lower triangle, by column).
        var columns: [[Double]] = []
        var offset = 0
        for term in terms {
            let lambda = term.lambda(theta[offset..<(offset + term.thetaCount)])
            offset += term.thetaCount
            let q = term.q
            for level in 0..<term.levelCount {
                for c in 0..<q {
                    var column = [Double](repeating: 0, count: n)
                    for r in 0..<n where term.refs[r] == level {
                        var v = 0.0
                        for s in c..<q { v += term.value(r, s) * lambda[s + c * q] }
                        column[r] = v
                    }
                    columns.append(column)
                }
            }
        }
        let q = columns.count
        for j in 0..<p { columns.append(Array(x.values[(j * n)..<((j + 1) * n)])) }
        let size = q + p
        var system = [Double](repeating: 0, count: size * size), rhs = [Double](repeating: 0, count: size)
        let nonZero = columns.map { column in column.indices.filter { column[$0] != 0 } }
        for i in 0..<size {
            for j in 0...i {
                var sum = 0.0
                for r in nonZero[i] { sum += columns[i][r] * columns[j][r] }
                system[i + j * size] = sum + (i == j && i < q ? 1 : 0)
            }
            for r in nonZero[i] { rhs[i] += columns[i][r] * y[r] }
        }
        XCTAssertTrue(LAPACK.choleskyLower(&system, n: size))
        var logDet = 0.0
        for i in 0..<q { logDet += 2 * log(system[i + i * size]) }
        // Forward solve L z = rhs: pwrss = y'y - |z|².
        var z = rhs
        for i in 0..<size {
            for m in 0..<i { z[i] -= system[i + m * size] * z[m] }
            z[i] /= system[i + i * size]
        }
        let pwrss = y.reduce(0) { $0 + $1 * $1 } - z.reduce(0) { $0 + $1 * $1 }
        return logDet + Double(n) * (1 + log(2 * Double.pi * pwrss / Double(n)))
    }
}

/// A small deterministic generator for synthetic data.
struct LinearCongruential {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextBits() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 11
    }
    mutating func uniform() -> Double { Double(nextBits()) / Double(1 << 53) }
    mutating func next(below bound: Int) -> Int { Int(nextBits() % UInt64(bound)) }
}
