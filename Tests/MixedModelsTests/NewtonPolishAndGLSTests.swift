import XCTest
@testable import MixedModels

/// Newton steps to a minimum, and the generalized least squares core nlme's gls uses.
final class NewtonPolishAndGLSTests: XCTestCase {
    /// From a point an optimizer stopped at, Newton steps reach the minimum of a smooth
    /// function, never go uphill, and hold a coordinate on its bound.
    func testNewtonStepsReachTheMinimumAndRespectBounds() {
        let f = { (x: [Double]) -> Double in
            let a = x[0] - 1.2345678, b = x[1] + 0.5
            return 3 * a * a + a * b + 2 * b * b + 0.1 * pow(a, 4) + 40
        }
        let start = [1.23, -0.49]
        let refined = NewtonPolish.refine(start, lower: [-10, -10], f)
        XCTAssertEqual(refined[0], 1.2345678, accuracy: 1e-8)
        XCTAssertEqual(refined[1], -0.5, accuracy: 1e-8)
        XCTAssertLessThanOrEqual(f(refined), f(start))
        let bounded = NewtonPolish.refine([0, 0.3], lower: [0, -10], f)
        XCTAssertEqual(bounded[0], 0)
        XCTAssertLessThanOrEqual(f(bounded), f([0, 0.3]))
    }

    /// Independent errors: gls is ordinary least squares, and its ML log-likelihood is lm's.
    func testIndependentErrorsGiveLeastSquares() throws {
        let x: [Double] = [1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6]
        let y: [Double] = [1.1, 2.3, 2.8, 4.2, 4.9, 6.3]
        let model = try GeneralizedLeastSquares(x: x, y: y, n: 6, p: 2, groups: [Array(0..<6)],
                                                positions: [1, 2, 3, 4, 5, 6], strata: [Int](repeating: 0, count: 6),
                                                strataCount: 1, correlation: .none, reml: false)
        let fit = try XCTUnwrap(model.evaluate([]))
        // R: coef(lm(y ~ x)) 0.08 and 1.00571428571; logLik 1.411832751 (lm's and gls's alike).
        XCTAssertEqual(fit.beta[0], 0.08, accuracy: 1e-9)
        XCTAssertEqual(fit.beta[1], 1.00571428571, accuracy: 1e-9)
        XCTAssertEqual(fit.logLik, 1.411832751, accuracy: 1e-8)
    }

    /// AR(1) within groups: the REML estimate of φ on Ovary as nlme reports it (0.7532079,
    /// log-restricted-likelihood −780.7273), from the kernel's start.
    func testAutoregressiveEstimateMatchesNlmeOnOvary() throws {
        let data = try CSVTable(fixture: "Ovary.csv")
        let time = try data.doubles("Time"), follicles = try data.doubles("follicles"), mare = try data.strings("Mare")
        let n = time.count
        let x = [Double](repeating: 1, count: n) + time.map { sin(2 * Double.pi * $0) } + time.map { cos(2 * Double.pi * $0) }
        var rows: [String: [Int]] = [:], order: [String] = []
        var positions = [Double](repeating: 0, count: n)
        for (i, m) in mare.enumerated() {
            if rows[m] == nil { order.append(m) }
            rows[m, default: []].append(i)
            positions[i] = Double(rows[m]!.count)
        }
        let model = try GeneralizedLeastSquares(x: x, y: follicles, n: n, p: 3, groups: order.map { rows[$0]! },
                                                positions: positions, strata: [Int](repeating: 0, count: n),
                                                strataCount: 1, correlation: .autoregressive, reml: true)
        let pars = try model.estimate(from: [0])
        let fit = try XCTUnwrap(model.evaluate(pars))
        XCTAssertEqual(model.natural(pars).correlation, 0.7532079, accuracy: 1e-6)
        XCTAssertEqual(fit.logLik, -780.7272553, accuracy: 1e-6)
        XCTAssertEqual(fit.sigma, 4.616172, accuracy: 1e-5)
    }
}
