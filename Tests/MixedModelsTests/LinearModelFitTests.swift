import MixedModels
import XCTest

/// lm fits against R 4.2.2 (fixture lm-expectations.json); every design matrix is built here
/// by hand from the case's input columns, as model.matrix would build it.
final class LinearModelFitTests: XCTestCase {
    typealias Columns = [(name: String, values: [Double])]

    func testSimpleRegressionCars() throws {
        try check("cars") { data in [intercept(data, "dist"), ("speed", try data["speed"].doubles())] }
    }

    func testFactorWithTreatmentContrasts() throws {
        try check("factor") { data in
            [intercept(data, "weight")] + treatmentColumns(try data["group"].strings(), prefix: "group")
        }
    }

    func testFactorByNumericInteraction() throws {
        try check("interaction") { data in
            let supp = treatmentColumns(try data["supp"].strings(), prefix: "supp")
            let dose = try data["dose"].doubles()
            let suppVC = try XCTUnwrap(supp.first)
            return [intercept(data, "len"), suppVC, ("dose", dose),
                    ("suppVC:dose", zip(suppVC.values, dose).map { $0 * $1 })]
        }
    }

    func testNoIntercept() throws {
        try check("no_intercept") { data in [("wt", try data["wt"].doubles()), ("hp", try data["hp"].doubles())] }
    }

    func testWeights() throws {
        try check("weighted") { data in
            [intercept(data, "mpg"), ("wt", try data["wt"].doubles()), ("hp", try data["hp"].doubles())]
        }
    }

    func testZeroWeightsAreLeftOutOfTheFit() throws {
        try check("zero_weights") { data in [intercept(data, "mpg"), ("wt", try data["wt"].doubles())] }
    }

    func testAliasedColumnIsMovedToTheEndAndNA() throws {
        let fit = try check("rank_deficient") { data in
            [intercept(data, "y"), ("wt", try data["wt"].doubles()), ("wt3", try data["wt3"].doubles()),
             ("hp", try data["hp"].doubles())]
        }
        XCTAssertEqual(fit.aliased, [false, false, true, false])
    }

    func testTwoAliasedColumnsIncludingAZeroColumn() throws {
        try check("two_aliased") { data in
            [intercept(data, "y")] + (try ["a", "b", "ab", "z", "d"].map { ($0, try data[$0].doubles()) })
        }
    }

    /// Only the rank decision is compared: the kept near-collinear pair makes the coefficients
    /// too ill-conditioned for 1e-10.
    func testNearCollinearColumnsEitherSideOfTheTolerance() throws {
        let expected = try Fixture.load("lm-expectations.json")["near_aliased"]
        let data = expected["data"]
        let y = try data["y"].doubles()
        let columns = [intercept(data, "y")] + (try ["wt", "wt_near", "wt_far", "hp"].map { ($0, try data[$0].doubles()) })
        let fit = try LinearModelFit(x: try DesignMatrix(columns: columns, rows: y.count), y: y)
        XCTAssertEqual(fit.rank, try expected["rank"].int())
        XCTAssertEqual(fit.pivot.map { $0 + 1 }, try expected["pivot"].ints())
        XCTAssertEqual(fit.aliased, try expected["coefficients"].doubles().map(\.isNaN))
        XCTAssertEqual(fit.aliased, [false, false, true, false, false])
    }

    func testTwoObservationsInterceptOnly() throws {
        try check("n2_intercept") { data in [intercept(data, "y")] }
    }

    /// No residual degrees of freedom: R gives NaN for sigma and the standard errors.
    func testTwoObservationsSaturated() throws {
        try check("n2_saturated", noiseOnly: true) { data in [intercept(data, "y"), ("x", try data["x"].doubles())] }
    }

    /// Residuals are rounding noise, so only what does not depend on them is compared closely.
    func testPerfectFit() throws {
        let fit = try check("perfect_fit", noiseOnly: true) { data in
            [intercept(data, "y"), ("x", try data["x"].doubles())]
        }
        XCTAssertTrue(fit.isEssentiallyPerfectFit)
    }

    func testInvalidInputThrowsRsErrors() throws {
        let x = try DesignMatrix(columns: [("(Intercept)", [1, 1, 1])], rows: 3)
        XCTAssertThrowsError(try LinearModelFit(x: x, y: [1, 2])) {
            XCTAssertEqual(($0 as? MixedModelsError)?.message, "incompatible dimensions")
        }
        XCTAssertThrowsError(try LinearModelFit(x: x, y: [1, .nan, 2])) {
            XCTAssertEqual(($0 as? MixedModelsError)?.message, "NA/NaN/Inf in 'y'")
        }
        XCTAssertThrowsError(try LinearModelFit(x: x, y: [1, 2, 3], weights: [1, -1, 1])) {
            XCTAssertEqual(($0 as? MixedModelsError)?.message, "missing or negative weights not allowed")
        }
    }

    // MARK: - Helpers

    private func intercept(_ data: Fixture, _ response: String) -> (name: String, values: [Double]) {
        ("(Intercept)", [Double](repeating: 1, count: data[response].elements.count))
    }

    /// Indicators of every level but the first (levels sorted, as factor() sorts them).
    private func treatmentColumns(_ labels: [String], prefix: String) -> Columns {
        Array(Set(labels)).sorted().dropFirst().map { level in
            (prefix + level, labels.map { $0 == level ? 1 : 0 })
        }
    }

    /// Fits the case and compares every number R reported. With `noiseOnly`, the residuals are
    /// rounding noise in R as here: they are checked to be negligible, and what is computed
    /// from them (sigma, t values, log-likelihood) only where R's value is not itself noise.
    @discardableResult
    private func check(_ name: String, noiseOnly: Bool = false,
                       columns build: (Fixture) throws -> Columns) throws -> LinearModelFit {
        let expected = try Fixture.load("lm-expectations.json")[name]
        let data = expected["data"]
        let columns = try build(data)
        let n = try XCTUnwrap(columns.first).values.count
        let x = try DesignMatrix(columns: columns, rows: n)
        let responseName = try expected["formula"].string().components(separatedBy: " ~").first ?? ""
        let y = try data[responseName].doubles()
        let weights = expected["weights"].isEmpty ? nil : try expected["weights"].doubles()
        let fit = try LinearModelFit(x: x, y: y, weights: weights)

        XCTAssertEqual(fit.coefficientNames, try expected["coefficient_names"].strings(), name)
        XCTAssertEqual(fit.rank, try expected["rank"].int(), name)
        XCTAssertEqual(fit.pivot.map { $0 + 1 }, try expected["pivot"].ints(), name)
        XCTAssertEqual(fit.dfResidual, try expected["df_residual"].int(), name)
        XCTAssertEqual(fit.nobs, try expected["nobs"].int(), name)
        XCTAssertEqual(fit.effectNames, try expected["effect_names"].strings(), name)
        XCTAssertEqual(fit.logLikelihoodDF, try expected["loglik_df"].int(), name)

        // Below the rank, an aliased column holds a reflection of rounding noise: not comparable.
        let qr = try expected["qr"]["values"].doubles()
        let rows = fit.qr.rows
        let meaningful = qr.indices.filter { $0 / rows < fit.rank || $0 % rows < fit.rank }
        assertClose(meaningful.map { fit.qr.qr[$0] }, meaningful.map { qr[$0] }, floor: scale(qr), "\(name) qr")
        let qraux = try expected["qraux"].doubles()
        assertClose(Array(fit.qr.qraux.prefix(fit.rank)), Array(qraux.prefix(fit.rank)), floor: scale(qraux),
                    "\(name) qraux")
        let coefficients = try expected["coefficients"].doubles()
        assertClose(fit.coefficients, coefficients, floor: scale(coefficients), "\(name) coefficients")
        let fitted = try expected["fitted"].doubles()
        assertClose(fit.fittedValues, fitted, floor: scale(fitted), "\(name) fitted")
        assertClose(fit.unscaledCovariance, try expected["cov_unscaled"]["values"].doubles(), "\(name) cov.unscaled")
        assertClose(fit.rSquared, try expected["r_squared"].double(), "\(name) r.squared")

        let residuals = try expected["residuals"].doubles()
        let effects = try expected["effects"].doubles()
        if noiseOnly {
            let yScale = scale(y)
            for r in fit.residuals { XCTAssertLessThan(abs(r), 1e-10 * yScale, "\(name) residual") }
            assertClose(Array(fit.effects.prefix(fit.rank)), Array(effects.prefix(fit.rank)),
                        floor: scale(effects), "\(name) effects")
            XCTAssertEqual(fit.isEssentiallyPerfectFit, try expected["perfect_fit_warning"].bool(), name)
            return fit
        }
        // Residuals and effects can cancel to near zero: compare on the scale of the vector.
        assertClose(fit.residuals, residuals, floor: scale(residuals), "\(name) residuals")
        assertClose(fit.effects, effects, floor: scale(effects), "\(name) effects")
        assertClose(fit.sigma, try expected["sigma"].double(), "\(name) sigma")
        assertClose(fit.adjustedRSquared, try expected["adj_r_squared"].double(), "\(name) adj.r.squared")
        assertClose(fit.logLikelihood, try expected["loglik"].double(), "\(name) logLik")
        assertClose(fit.aic, try expected["aic"].double(), "\(name) AIC")
        assertClose(fit.bic, try expected["bic"].double(), "\(name) BIC")
        assertClose(fit.deviance, try expected["deviance"].double(), "\(name) deviance")
        XCTAssertEqual(fit.isEssentiallyPerfectFit, try expected["perfect_fit_warning"].bool(), name)

        let table = fit.coefficientTable
        XCTAssertEqual(table.map(\.term), fit.coefficientNames)
        assertClose(table.map(\.estimate), try expected["table"]["estimate"].doubles(),
                    floor: scale(coefficients), "\(name) estimate")
        assertClose(table.map(\.stdError), try expected["table"]["std_error"].doubles(), "\(name) std.error")
        let statistics = try expected["table"]["statistic"].doubles()
        assertClose(table.map(\.statistic), statistics, floor: scale(statistics), "\(name) t value")
        assertClose(table.map(\.pValue), try expected["table"]["p_value"].doubles(), "\(name) p value")

        let f = expected["fstatistic"]
        if f.isEmpty {
            XCTAssertNil(fit.fStatistic, name)
        } else {
            let statistic = try XCTUnwrap(fit.fStatistic, name)
            assertClose(statistic.value, try f["value"].double(), "\(name) F")
            assertClose(statistic.numeratorDF, try f["numdf"].double(), "\(name) numdf")
            assertClose(statistic.denominatorDF, try f["dendf"].double(), "\(name) dendf")
            assertClose(statistic.pValue, try f["p_value"].double(), "\(name) F p-value")
        }
        return fit
    }
}
