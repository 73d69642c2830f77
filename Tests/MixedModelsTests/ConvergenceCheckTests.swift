import MixedModels
import XCTest

/// lme4's reports on convergence (fixture lmer-convergence-expectations.json, from lme4
/// 1.1-31): fits cut short by optCtrl's maxeval give nloptr's code and message and checkConv's
/// gradient warning; a clean fit gives none; a singular fit gives the boundary message.
final class ConvergenceCheckTests: XCTestCase {
    private let fits = LinearMixedModelTests(name: "builders", testClosure: { _ in })

    func testEvaluationLimitGivesLme4Warnings() throws {
        for name in ["sleepstudy_maxeval10", "sleepstudy_maxeval30"] {
            let expected = try Fixture.load("lmer-convergence-expectations.json")[name]
            let model = try fits.sleepstudy(correlated: true, reml: true)
            var settings = OptimizerSettings()
            settings.maxEvaluations = try expected["maxeval"].int()
            let summary = try model.fit(settings: settings)
            // Same NLopt from the same start: the same best point after the same evaluations.
            assertClose(model.theta, try expected["theta"].doubles(), tolerance: 1e-9, name)
            XCTAssertEqual(summary.convergenceCode, try expected["code"].int(), name)
            XCTAssertEqual(summary.returnMessage, try expected["message"].string(), name)
            XCTAssertEqual(summary.optimizerWarning, "convergence code 5 from nloptwrap: " + (try expected["message"].string()), name)
            // The derivatives are differences of a criterion of about 1744 over steps of 1e-4:
            // rounding noise of 1e-13 in the criterion moves the Hessian by about 1e-5, so the
            // sixth digit of max|grad| that lme4 prints is noise (checked: 0.460266 vs 0.460265).
            let messages = try expected["lme4_messages"].strings()
            XCTAssertEqual(summary.findings.count, messages.count, name)
            for (finding, message) in zip(summary.findings, messages) {
                XCTAssertEqual(finding.signal, .warning, name)
                XCTAssertEqual(Self.withoutNumbers(finding.text), Self.withoutNumbers(message), name)
                XCTAssertEqual(Self.firstNumber(finding.text) ?? 0, Self.firstNumber(message) ?? 1,
                               accuracy: 1e-5 * (Self.firstNumber(message) ?? 1), name)
            }
        }
    }

    func testCleanFitHasNoFindings() throws {
        let expected = try Fixture.load("lmer-convergence-expectations.json")["sleepstudy"]
        let model = try fits.sleepstudy(correlated: true, reml: true)
        let summary = try model.fit()
        XCTAssertEqual(summary.convergenceCode, 0)
        XCTAssertNil(summary.optimizerWarning)
        XCTAssertEqual(summary.returnMessage, try expected["message"].string())
        XCTAssertEqual(summary.findings, [])
    }

    func testSingularFitGivesTheBoundaryMessage() throws {
        let data = try Fixture.load("lmer-expectations.json")["dyestuff2"]["data"]
        let expected = try Fixture.load("lmer-convergence-expectations.json")["dyestuff2"]
        let y = try data["Yield"].doubles()
        let model = try LinearMixedModel(x: try fits.intercept(y.count), y: y,
                                         terms: [try fits.interceptTerm("Batch", try data["Batch"].strings())])
        let summary = try model.fit()
        XCTAssertEqual(summary.findings.map(\.text), try expected["lme4_messages"].strings())
        XCTAssertEqual(summary.findings.map(\.signal), [.message])
    }

    func testCalcDerivsFalseSkipsTheGradientCheck() throws {
        let model = try fits.sleepstudy(correlated: true, reml: true)
        var settings = OptimizerSettings()
        settings.maxEvaluations = 10
        settings.calcDerivs = false
        let summary = try model.fit(settings: settings)
        XCTAssertEqual(summary.convergenceCode, 5)
        XCTAssertEqual(summary.findings, [])
    }

    private static func withoutNumbers(_ text: String) -> String {
        text.replacingOccurrences(of: "[0-9.]+", with: "#", options: .regularExpression)
    }

    private static func firstNumber(_ text: String) -> Double? {
        guard let range = text.range(of: "[0-9]+\\.[0-9]+", options: .regularExpression) else { return nil }
        return Double(text[range])
    }
}
