import MixedModels
import XCTest

/// lmer fits against lme4 1.1-31 (fixture lmer-expectations.json). The model matrices are built
/// here by hand from the CSV files, as lme4's formula machinery would build them.
///
/// Two kinds of check: the fit itself (θ to 1e-5 relative, the criterion to 1e-6, as the
/// optimizer's tolerances allow), and the numerics at lme4's own θ (objective, β, σ, b, u,
/// vcov and lme4's deviance components to 1e-9), which do not depend on the optimizer.
final class LinearMixedModelTests: XCTestCase {
    func testSleepstudyREML() throws {
        try check("sleepstudy_reml", try sleepstudy(correlated: true, reml: true))
    }

    func testSleepstudyML() throws {
        try check("sleepstudy_ml", try sleepstudy(correlated: true, reml: false))
    }

    func testSleepstudyUncorrelated() throws {
        try check("sleepstudy_uncorrelated", try sleepstudy(correlated: false, reml: true))
    }

    /// DaysPlus = 2 Days + 1 is aliased: dropped before fitting, as lme4 drops it.
    func testAliasedFixedEffectIsDropped() throws {
        let data = try CSVTable(fixture: "sleepstudy.csv")
        let y = try data.doubles("Reaction"), days = try data.doubles("Days")
        let x = try DesignMatrix(columns: [("(Intercept)", [Double](repeating: 1, count: y.count)), ("Days", days),
                                           ("DaysPlus", days.map { 2 * $0 + 1 })], rows: y.count)
        let model = try LinearMixedModel(x: x, y: y, terms: [try interceptTerm("Subject", try data.strings("Subject"))])
        XCTAssertEqual(model.droppedFixedEffectNames, ["DaysPlus"])
        try check("sleepstudy_aliased", model)
    }

    func testSleepstudyPriorWeights() throws {
        let weights = try Fixture.load("lmer-expectations.json")["sleepstudy_weighted"]["weights"].doubles()
        try check("sleepstudy_weighted", try sleepstudy(correlated: true, reml: true, weights: weights))
        try check("sleepstudy_weighted_ml", try sleepstudy(correlated: true, reml: false, weights: weights))
    }

    func testDyestuffREML() throws {
        try check("dyestuff", try dyestuff(reml: true))
    }

    func testDyestuffML() throws {
        try check("dyestuff_ml", try dyestuff(reml: false))
    }

    /// The optimum is on the boundary (θ = 0, a singular fit): lme4's restart and boundary rules.
    func testDyestuff2SingularFit() throws {
        let data = try Fixture.load("lmer-expectations.json")["dyestuff2"]["data"]
        let y = try data["Yield"].doubles()
        let model = try LinearMixedModel(x: intercept(y.count), y: y,
                                         terms: [try interceptTerm("Batch", try data["Batch"].strings())])
        try check("dyestuff2", model)
        XCTAssertEqual(model.theta, [0])
    }

    func testPenicillinCrossed() throws {
        let data = try CSVTable(fixture: "Penicillin.csv")
        let y = try data.doubles("diameter")
        let model = try LinearMixedModel(x: intercept(y.count), y: y,
                                         terms: [try interceptTerm("plate", try data.strings("plate")),
                                                 try interceptTerm("sample", try data.strings("sample"))])
        try check("penicillin", model)
    }

    /// (1 | batch/cask) is (1 | batch) + (1 | cask:batch); given in that order, the model must
    /// put cask:batch (30 levels) first as lme4 does.
    func testPastesNested() throws {
        let data = try CSVTable(fixture: "Pastes.csv")
        let y = try data.doubles("strength")
        let batch = try data.strings("batch"), cask = try data.strings("cask")
        let model = try LinearMixedModel(x: intercept(y.count), y: y,
                                         terms: [try interceptTerm("batch", batch),
                                                 try interceptTerm("cask:batch", zip(cask, batch).map { $0 + ":" + $1 })])
        XCTAssertEqual(model.terms.map(\.grouping), ["cask:batch", "batch"])
        try check("pastes", model)
    }

    /// Benchmark, not a check: `swift test -c release --filter testSleepstudyFitTime`.
    func testSleepstudyFitTime() throws {
        let model = try sleepstudy(correlated: true, reml: true)
        let x = try DesignMatrix(columns: [("(Intercept)", [Double](repeating: 1, count: model.n)),
                                           ("Days", try XCTUnwrap(model.terms.first).z.suffix(model.n))],
                                 rows: model.n)
        let y = model.response, terms = model.terms
        let repetitions = 100
        var start = Date()
        for _ in 0..<repetitions { try LinearMixedModel(x: x, y: y, terms: terms).fit() }
        let perFit = Date().timeIntervalSince(start) / Double(repetitions)
        start = Date()
        for _ in 0..<repetitions { _ = try model.objective(at: [0.9, 0.01, 0.2]) }
        let perEvaluation = Date().timeIntervalSince(start) / Double(repetitions)
        print(String(format: "sleepstudy (Days | Subject) REML: %.1f µs per construction and fit, %.1f µs per objective evaluation",
                     perFit * 1e6, perEvaluation * 1e6))
    }

    func testInvalidTermsThrow() throws {
        let x = try intercept(3)
        XCTAssertThrowsError(try LinearMixedModel(x: x, y: [1, 2, 3], terms: []))
        XCTAssertThrowsError(try RandomEffectsTerm(grouping: "g", levels: ["a"], refs: [0, 1, 0],
                                                   columnNames: ["(Intercept)"], z: [1, 1, 1]))
    }

    // MARK: - Models

    func sleepstudy(correlated: Bool, reml: Bool, weights: [Double]? = nil) throws -> LinearMixedModel {
        let data = try CSVTable(fixture: "sleepstudy.csv")
        let y = try data.doubles("Reaction"), days = try data.doubles("Days")
        let subject = try data.strings("Subject")
        let ones = [Double](repeating: 1, count: y.count)
        let x = try DesignMatrix(columns: [("(Intercept)", ones), ("Days", days)], rows: y.count)
        let (levels, refs) = factor(subject)
        let terms = correlated
            ? [try RandomEffectsTerm(grouping: "Subject", levels: levels, refs: refs,
                                     columnNames: ["(Intercept)", "Days"], z: ones + days)]
            : [try RandomEffectsTerm(grouping: "Subject", levels: levels, refs: refs, columnNames: ["(Intercept)"], z: ones),
               try RandomEffectsTerm(grouping: "Subject", levels: levels, refs: refs, columnNames: ["Days"], z: days)]
        return try LinearMixedModel(x: x, y: y, terms: terms, weights: weights, reml: reml)
    }

    private func dyestuff(reml: Bool) throws -> LinearMixedModel {
        let data = try CSVTable(fixture: "Dyestuff.csv")
        let y = try data.doubles("Yield")
        return try LinearMixedModel(x: intercept(y.count), y: y,
                                    terms: [try interceptTerm("Batch", try data.strings("Batch"))], reml: reml)
    }

    func intercept(_ n: Int) throws -> DesignMatrix {
        try DesignMatrix(columns: [("(Intercept)", [Double](repeating: 1, count: n))], rows: n)
    }

    func interceptTerm(_ name: String, _ labels: [String]) throws -> RandomEffectsTerm {
        let (levels, refs) = factor(labels)
        return try RandomEffectsTerm(grouping: name, levels: levels, refs: refs, columnNames: ["(Intercept)"],
                                     z: [Double](repeating: 1, count: labels.count))
    }

    /// Levels sorted, as factor() sorts them; codes 0-based.
    func factor(_ labels: [String]) -> (levels: [String], refs: [Int]) {
        let levels = Array(Set(labels)).sorted()
        let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        return (levels, labels.map { code[$0] ?? -1 })
    }

    // MARK: - Comparison

    private func check(_ name: String, _ model: LinearMixedModel) throws {
        let expected = try Fixture.load("lmer-expectations.json")[name]
        XCTAssertEqual(model.reml, try expected["reml"].bool(), name)
        XCTAssertEqual(model.thetaNames, try expected["theta_names"].strings(), name)
        XCTAssertEqual(model.lowerBounds, try expected["lower"].doubles(), name)
        XCTAssertEqual(model.fixedEffectNames, try expected["fixef_names"].strings(), name)

        // The profiled criterion as a function of θ, away from the optimum too.
        for probe in expected["probes"].elements {
            let probeTheta = try probe["theta"].doubles()
            assertClose(try model.objective(at: probeTheta), try probe["objective"].double(),
                        tolerance: 1e-10, "\(name) objective at \(probeTheta)")
        }

        let summary = try model.fit()
        let theta = try expected["theta"].doubles()
        assertClose(model.theta, theta, tolerance: 1e-5, "\(name) theta")
        assertClose(model.objective, try expected["objective"].double(), tolerance: 1e-6, "\(name) criterion")
        let rMessage = try expected["optimizer_message"].string()
        XCTAssertEqual(summary.returnValue, rMessage.components(separatedBy: ":").first, name)
        // Same NLopt, same start, same settings and an objective equal to rounding: BOBYQA takes
        // lme4's path step for step. A different count means one of those has drifted.
        XCTAssertEqual(summary.evaluations, try expected["feval"].int(), "\(name) evaluations")

        // Everything else at lme4's θ.
        try model.setTheta(theta)
        let tight = 1e-9
        assertClose(model.objective, try expected["objective"].double(), tolerance: tight, "\(name) objective at lme4's θ")
        let cmp = expected["cmp"]
        assertClose(model.ldL2, try cmp["ldL2"].double(), tolerance: tight, "\(name) ldL2")
        if model.reml { assertClose(model.ldRX2, try cmp["ldRX2"].double(), tolerance: tight, "\(name) ldRX2") }
        assertClose(model.pwrss, try cmp["pwrss"].double(), tolerance: tight, "\(name) pwrss")
        assertClose(model.wrss, try cmp["wrss"].double(), tolerance: tight, "\(name) wrss")
        assertClose(model.ussq, try cmp["ussq"].double(), tolerance: tight, "\(name) ussq")
        let fixef = try expected["fixef"].doubles()
        assertClose(model.beta, fixef, tolerance: tight, floor: scale(fixef), "\(name) fixef")
        assertClose(model.sigma, try expected["sigma"].double(), tolerance: tight, "\(name) sigma")
        assertClose(model.logLikelihood, try expected["loglik"].double(), tolerance: tight, "\(name) logLik")
        XCTAssertEqual(model.logLikelihoodDF, try expected["loglik_df"].int(), name)
        assertClose(model.aic, try expected["aic"].double(), tolerance: tight, "\(name) AIC")
        assertClose(model.bic, try expected["bic"].double(), tolerance: tight, "\(name) BIC")
        let vcov = try expected["vcov"]["values"].doubles()
        assertClose(model.fixedEffectsCovariance, vcov, tolerance: tight, floor: scale(vcov), "\(name) vcov")

        // b and u in lme4's order: term by term, level-major, levels matched by name.
        var expectedB = try expected["b"].doubles()[...], expectedU = try expected["u"].doubles()[...]
        for (j, termExpectation) in expected["terms"].elements.enumerated() {
            let term = model.terms[j]
            XCTAssertEqual(term.grouping, try termExpectation["grouping"].string(), name)
            XCTAssertEqual(term.columnNames, try termExpectation["columns"].strings(), name)
            let rLevels = try termExpectation["levels"].strings()
            let q = term.q, count = rLevels.count * q
            let rB = Array(expectedB.prefix(count)), rU = Array(expectedU.prefix(count))
            expectedB = expectedB.dropFirst(count)
            expectedU = expectedU.dropFirst(count)
            var ourB = [Double](), ourU = [Double]()
            for level in rLevels {
                let g = try XCTUnwrap(term.levels.firstIndex(of: level), "\(name): level \(level)")
                ourB += model.b[j][(g * q)..<((g + 1) * q)]
                ourU += model.u[j][(g * q)..<((g + 1) * q)]
            }
            assertClose(ourB, rB, tolerance: 1e-8, floor: scale(rB), "\(name) b[\(term.grouping)]")
            assertClose(ourU, rU, tolerance: 1e-8, floor: scale(rU), "\(name) u[\(term.grouping)]")
        }

        for (component, rComponent) in zip(model.varianceComponents, expected["varcorr"].elements) {
            assertClose(component.standardDeviations, try rComponent["sd"].doubles(), tolerance: tight, "\(name) sd")
            assertClose(component.correlations, try rComponent["corr"].doubles(), tolerance: 1e-8, floor: 1,
                        "\(name) corr")
        }
    }
}
