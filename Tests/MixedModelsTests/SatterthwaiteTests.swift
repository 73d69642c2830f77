import MixedModels
import XCTest

/// Satterthwaite t tests against lmerTest 3.1-3 with numDeriv 2016.8-1.1 (fixture
/// satterthwaite-expectations.json, written by scripts/generate-mixedmodels-expectations.R).
///
/// Each model is fitted here, then its coefficient table compared with `coef(summary(m))`: df and
/// p to 1e-6 relative (p to 1e-12 absolute where it is tiny). The pieces behind the df (the
/// deviance in (θ, σ), its Hessian, A = 2 H⁻¹ and the Jacobian of vcov(β)) are also compared at
/// lme4's own θ, where only rounding can differ: to 1e-8 (relative to each matrix's largest
/// element), and the df to 1e-8. After our own fit θ differs from lme4's by about 1e-8, which
/// moves the df by about as much and the smallest p values by up to 1e-5 relative.
final class SatterthwaiteTests: XCTestCase {
    func testSleepstudyCorrelatedSlope() throws {
        try check("sleepstudy", try sleepstudy(slope: true))
    }

    func testSleepstudyRandomIntercept() throws {
        try check("sleepstudy_intercept", try sleepstudy(slope: false))
    }

    func testPopularityNullModel() throws {
        try check("popularity_null", try popularity(sex: false, slope: false))
    }

    func testPopularitySex() throws {
        try check("popularity_sex", try popularity(sex: true, slope: false))
    }

    func testPopularitySexRandomSlope() throws {
        try check("popularity_sex_slope", try popularity(sex: true, slope: true))
    }

    /// θ = 0 on its bound: numDeriv's absolute steps take θ to both sides of 0.
    func testDyestuff2SingularFit() throws {
        let data = try Fixture.load("lmer-expectations.json")["dyestuff2"]["data"]
        let y = try data["Yield"].doubles()
        let (levels, refs) = factor(try data["Batch"].strings())
        let x = try DesignMatrix(columns: [("(Intercept)", [Double](repeating: 1, count: y.count))], rows: y.count)
        let term = try RandomEffectsTerm(grouping: "Batch", levels: levels, refs: refs, columnNames: ["(Intercept)"],
                                         z: [Double](repeating: 1, count: y.count))
        // Those steps are 1e-4 down to 1.25e-5, so the second difference divides the deviance's
        // rounding noise by h² ≈ 1.6e-10: d²/dθ² keeps only about five digits, in R as here (we
        // differ from R by 2.4e-5 relative). The df barely depends on it (vcov(β) is flat in θ
        // at 0) and still agrees to 1e-8.
        try check("dyestuff2", try LinearMixedModel(x: x, y: y, terms: [term]), piecesTolerance: 1e-4)
    }

    /// numDeriv's hessian and jacobian on a fixed function, including elements of x below
    /// zero.tol (absolute steps); Richardson extrapolation is exact up to rounding here.
    func testNumericalDerivativesMatchNumDeriv() throws {
        let expected = try Fixture.load("satterthwaite-expectations.json")["numderiv"]
        let f = { (x: [Double]) -> [Double] in
            [x[0] * x[0] * exp(x[1]) + sin(x[0] * x[2]), log(x[1]) * pow(x[2], 3) - 1 / (1 + x[0] * x[0])]
        }
        for (point, suffix) in [("x", ""), ("x0", "0")] {
            let x = try expected[point].doubles()
            let hessian = try expected["hessian" + suffix]["values"].doubles()
            assertClose(NumericalDerivatives.hessian({ f($0)[0] }, at: x), hessian, tolerance: 1e-9,
                        floor: scale(hessian), "hessian at \(x)")
            let jacobian = try expected["jacobian" + suffix]["values"].doubles()
            assertClose(NumericalDerivatives.jacobian(f, at: x), jacobian, tolerance: 1e-9,
                        floor: scale(jacobian), "jacobian at \(x)")
        }
    }

    func testContrastOfWrongLengthThrows() throws {
        let model = try sleepstudy(slope: false)
        try model.fit()
        XCTAssertThrowsError(try model.satterthwaiteDF(contrast: [1]))
    }

    /// The derivatives move θ; the model must be left as it was.
    func testThetaIsRestored() throws {
        let model = try sleepstudy(slope: true)
        try model.fit()
        let theta = model.theta, beta = model.beta, objective = model.objective
        _ = try model.satterthwaite()
        XCTAssertEqual(model.theta, theta)
        XCTAssertEqual(model.beta, beta)
        XCTAssertEqual(model.objective, objective)
    }

    // MARK: - Models

    private func sleepstudy(slope: Bool) throws -> LinearMixedModel {
        let data = try CSVTable(fixture: "sleepstudy.csv")
        let y = try data.doubles("Reaction"), days = try data.doubles("Days")
        let ones = [Double](repeating: 1, count: y.count)
        let x = try DesignMatrix(columns: [("(Intercept)", ones), ("Days", days)], rows: y.count)
        let (levels, refs) = factor(try data.strings("Subject"))
        let term = slope
            ? try RandomEffectsTerm(grouping: "Subject", levels: levels, refs: refs,
                                    columnNames: ["(Intercept)", "Days"], z: ones + days)
            : try RandomEffectsTerm(grouping: "Subject", levels: levels, refs: refs,
                                    columnNames: ["(Intercept)"], z: ones)
        return try LinearMixedModel(x: x, y: y, terms: [term])
    }

    /// POPULAR ~ [SEX] + (1 [+ SEX] | SCHOOL) with SEX a factor (levels 0, 1: the column SEX1)
    /// and SCHOOL a factor whose levels R orders numerically.
    private func popularity(sex: Bool, slope: Bool) throws -> LinearMixedModel {
        let data = try CSVTable(fixture: "popularity.csv")
        let y = try data.doubles("POPULAR")
        let ones = [Double](repeating: 1, count: y.count)
        let sex1 = try data.strings("SEX").map { $0 == "1" ? 1.0 : 0.0 }
        var columns = [(name: "(Intercept)", values: ones)]
        if sex { columns.append((name: "SEX1", values: sex1)) }
        let x = try DesignMatrix(columns: columns, rows: y.count)
        let (levels, refs) = factor(try data.strings("SCHOOL"), numeric: true)
        let term = try RandomEffectsTerm(grouping: "SCHOOL", levels: levels, refs: refs,
                                         columnNames: slope ? ["(Intercept)", "SEX1"] : ["(Intercept)"],
                                         z: slope ? ones + sex1 : ones)
        return try LinearMixedModel(x: x, y: y, terms: [term])
    }

    /// Levels sorted as factor() sorts them (as numbers for a numeric column); codes 0-based.
    private func factor(_ labels: [String], numeric: Bool = false) -> (levels: [String], refs: [Int]) {
        let levels = Array(Set(labels)).sorted { numeric ? (Double($0) ?? 0) < (Double($1) ?? 0) : $0 < $1 }
        let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        return (levels, labels.map { code[$0] ?? -1 })
    }

    // MARK: - Comparison

    private func check(_ name: String, _ model: LinearMixedModel, piecesTolerance: Double = 1e-8) throws {
        let expected = try Fixture.load("satterthwaite-expectations.json")[name]
        XCTAssertTrue(model.reml, name)

        // The pieces, at lme4's θ and σ.
        let theta = try expected["theta"].doubles()
        try model.setTheta(theta)
        let varpar = theta + [try expected["sigma"].double()]
        assertClose(try model.varianceParameterDeviance(varpar), try expected["devfun_vp"].double(),
                    tolerance: 1e-10, "\(name) devfun_vp")
        let pieces = try model.satterthwaiteApproximation()
        let hessian = try expected["hessian"]["values"].doubles()
        assertClose(pieces.hessian, hessian, tolerance: piecesTolerance, floor: scale(hessian), "\(name) hessian")
        let a = try expected["vcov_varpar"]["values"].doubles()
        assertClose(pieces.varianceParameterCovariance, a, tolerance: piecesTolerance, floor: scale(a), "\(name) vcov_varpar")
        let jacobian = try expected["jacobian"]["values"].doubles()
        assertClose(Array(pieces.covarianceJacobian.joined()), jacobian, tolerance: piecesTolerance, floor: scale(jacobian),
                    "\(name) jacobian")
        XCTAssertEqual(pieces.warnings, [], name)
        // With θ equal, the df differ by rounding only.
        let df = try expected["df"].doubles()
        assertClose(try pieces.table().rows.map(\.df), df, tolerance: 1e-8, "\(name) df at lme4's θ")

        // The table, after our own fit.
        try model.fit()
        let table = try model.satterthwaite()
        XCTAssertEqual(table.names, try expected["fixef_names"].strings(), name)
        XCTAssertEqual(table.warnings, [], name)
        try compare(table.rows, estimate: expected["estimate"].doubles(), stdError: expected["std_error"].doubles(),
                    df: df, t: expected["t_value"].doubles(), p: expected["p_value"].doubles(),
                    name)

        let approximation = try model.satterthwaiteApproximation()
        for contrast in expected["contrasts"].elements {
            let l = try contrast["L"].doubles()
            let row = try approximation.test(contrast: l)
            try compare([row], estimate: contrast["estimate"].doubles(), stdError: contrast["std_error"].doubles(),
                        df: contrast["df"].doubles(), t: contrast["t_value"].doubles(),
                        p: contrast["p_value"].doubles(), "\(name) L = \(l)")
            assertClose(try model.satterthwaiteDF(contrast: l), try contrast["df"].double(), tolerance: 1e-6,
                        "\(name) satterthwaiteDF(\(l))")
        }
    }

    private func compare(_ rows: [SatterthwaiteTest], estimate: [Double], stdError: [Double], df: [Double],
                         t: [Double], p: [Double], _ name: String,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(rows.count, df.count, name, file: file, line: line)
        assertClose(rows.map(\.estimate), estimate, tolerance: 1e-6, floor: scale(estimate), "\(name) estimate",
                    file: file, line: line)
        assertClose(rows.map(\.stdError), stdError, tolerance: 1e-6, "\(name) std. error", file: file, line: line)
        assertClose(rows.map(\.df), df, tolerance: 1e-6, "\(name) df", file: file, line: line)
        assertClose(rows.map(\.tValue), t, tolerance: 1e-6, "\(name) t", file: file, line: line)
        for (i, (ours, r)) in zip(rows.map(\.pValue), p).enumerated() {
            XCTAssertTrue(abs(ours - r) <= max(1e-6 * r, 1e-12),
                          "\(name) p[\(i)]: got \(ours), lmerTest gives \(r)", file: file, line: line)
        }
    }
}
