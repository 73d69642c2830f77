import Foundation
import XCTest
@testable import MixedModels

/// PowellBOBYQA against minqa 1.2.5 (fixture bobyqa-trace.json, written by
/// scripts/generate-bobyqa-fixtures.R): every point minqa passed to the objective, in order —
/// its check call, the Fortran's calls, and the call for fval — then the answer, fval, feval,
/// ierr and message. The points must agree bit for bit: a single change in the order of the
/// floating-point operations shows up as a last-bit difference within a few iterations and
/// grows from there. Only the problem that calls sin() allows 1e-13 (relative), for a libm other
/// than the glibc that R used.
final class PowellBOBYQATests: XCTestCase {
    func testRosenbrockUnbounded() throws { try replay("rosenbrock") }

    /// lme4's θ start (1, 1, 1) with lower bounds 0, one of them active at the optimum.
    func testQuadraticWithActiveLowerBound() throws { try replay("quadratic3") }

    /// n = 1, where minqa's default npt is 3.
    func testOneDimensional() throws { try replay("oneDimensional") }

    /// Finite bounds, starts on a bound and within rhobeg of one (BOBYQA moves the latter).
    func testFiniteBoundsAndStartsOnThem() throws { try replay("fiveDimensional") }

    func testEvaluationLimit() throws { try replay("rosenbrockMaxfun20") }

    /// RESCUE rebuilds H and reinstates every interpolation point without evaluating.
    func testRescueWithoutEvaluations() throws { try replay("rescueWithoutEvaluations") }

    /// RESCUE evaluates new points here. minqa's rescue.f passes an undefined array to the
    /// objective (CALFUN(N,X,IPRINT), X undeclared), so from that call on minqa evaluates stack
    /// garbage that changes between R processes; only the calls before it are comparable.
    func testRescueWithEvaluationsUpToTheFirstOne() throws {
        let problem = try BOBYQATrace.load().problem("rescueWithEvaluations")
        XCTAssertLessThan(problem.deterministicCalls, problem.points.count)
        try replay("rescueWithEvaluations")
    }

    /// The same run, answered with the values minqa got (at its garbage points): then every point
    /// outside RESCUE's evaluations agrees, and so does the result. This checks RESCUE's update
    /// of the model, which the comparison above cannot reach.
    func testRescueEvaluationsGivenMinqasValues() throws {
        let problem = try BOBYQATrace.load().problem("rescueWithEvaluations")
        let run = try problem.replay(recordedValues: true)
        XCTAssertEqual(run.calls.count, problem.points.count)
        let differing = (0..<min(run.calls.count, problem.points.count)).filter {
            run.calls[$0] != problem.points[$0].values
        }
        // The garbage calls: the first right after the deterministic part, and few.
        XCTAssertEqual(differing.first, problem.deterministicCalls)
        XCTAssertLessThan(differing.count, problem.points.count / 4)
        guard let expected = problem.result else { return XCTFail("minqa failed on rescueWithEvaluations") }
        XCTAssertEqual(run.result.x, expected.par)
        XCTAssertEqual(run.result.minimum, expected.fval)
        XCTAssertEqual(run.result.evaluations, expected.feval)
        XCTAssertEqual(run.result.code, expected.ierr)
        XCTAssertEqual(run.result.message, expected.msg)
    }

    func testExplicitNptRhobegRhoend() throws { try replay("rosenbrockSettings") }

    /// upper - lower < 2 rhobeg: minqa sets rhobeg = 0.2 min(upper - lower).
    func testNarrowBoxShrinksRhobeg() throws { try replay("narrowBox") }

    /// A trust-region step that fails to reduce the model: minqa's ierr 3.
    func testFailedTrustRegionStep() throws { try replay("cliff") }

    /// minqa's stop() and stopifnot() messages (as R 4.2.2 words the latter).
    func testArgumentErrorsCarryMinqasMessages() {
        let f: ([Double]) -> Double = { x in x.reduce(0) { $0 + $1 * $1 } }
        let cases: [(start: [Double], lower: [Double], upper: [Double], message: String)] = [
            ([1, .infinity], [-.infinity], [.infinity], "all(is.finite(par)) is not TRUE"),
            ([0, 0], [-.infinity], [.infinity], "0 < ctrl$rhoend is not TRUE"),
            ([1, 1], [0, 0, 0], [.infinity], "length(lower) == n is not TRUE"),
            ([-1, 1], [0, 0], [.infinity], "Starting values violate bounds"),
            ([1, 1], [.nan, 0], [.infinity], "all(lower < upper) is not TRUE"),
        ]
        for c in cases {
            let run = { try PowellBOBYQA.minimize(start: c.start, lower: c.lower, upper: c.upper, f) }
            XCTAssertThrowsError(try run()) { error in
                XCTAssertEqual("\(error)", c.message)
            }
        }
        XCTAssertThrowsError(try PowellBOBYQA.minimize(start: [1, 1], lower: [-.infinity], upper: [.infinity],
                                                       rhobeg: 0.1, rhoend: 0.2, f)) { error in
            XCTAssertEqual("\(error)", "ctrl$rhoend <= ctrl$rhobeg is not TRUE")
        }
    }

    private func replay(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let problem = try BOBYQATrace.load().problem(name)
        let run = try problem.replay()
        let compared = problem.deterministicCalls
        let tolerance = problem.kind == "oscillating" ? 1e-13 : 0
        // The objective gives R's values at R's points (else nothing below could agree).
        let f = problem.objective()
        for i in 0..<compared {
            assertClose(f(problem.points[i].values), problem.values.values[i], tolerance: tolerance, floor: 1e-300,
                        "\(name) value \(i)", file: file, line: line)
        }
        XCTAssertGreaterThanOrEqual(run.calls.count, compared, "\(name): calls", file: file, line: line)
        for i in 0..<min(compared, run.calls.count) {
            let expected = problem.points[i].values
            assertClose(run.calls[i], expected, tolerance: tolerance, floor: scale(expected), "\(name) call \(i)",
                        file: file, line: line)
        }
        guard compared == problem.points.count, let expected = problem.result else { return }
        XCTAssertEqual(run.calls.count, problem.points.count, "\(name): calls", file: file, line: line)
        assertClose(run.result.x, expected.par, tolerance: tolerance, floor: scale(expected.par), "\(name) par",
                    file: file, line: line)
        assertClose(run.result.minimum, expected.fval, tolerance: tolerance, floor: 1e-300, "\(name) fval",
                    file: file, line: line)
        XCTAssertEqual(run.result.evaluations, expected.feval, "\(name): feval", file: file, line: line)
        XCTAssertEqual(run.result.code, expected.ierr, "\(name): ierr", file: file, line: line)
        XCTAssertEqual(run.result.message, expected.msg, "\(name): msg", file: file, line: line)
    }
}

extension BOBYQATrace {
    /// Located like the other fixtures (Fixture.load), but decoded with JSONDecoder:
    /// JSONSerialization, which Fixture uses, reads some 17-digit numbers one ulp off on Linux
    /// (0.99999826325831864 comes back as 0.9999982632583185), too coarse for these comparisons.
    static func load() throws -> BOBYQATrace {
        guard let url = Bundle.module.url(forResource: "bobyqa-trace.json", withExtension: nil,
                                          subdirectory: "Fixtures") else {
            throw Fixture.Missing(description: "fixture bobyqa-trace.json not found")
        }
        return try JSONDecoder().decode(BOBYQATrace.self, from: Data(contentsOf: url))
    }
}

// MARK: - The fixture and the objectives

/// bobyqa-trace.json: minqa's runs, by problem name.
struct BOBYQATrace: Decodable {
    let minqa: String
    let problems: [String: BOBYQAProblem]

    struct Missing: Error, CustomStringConvertible { let description: String }

    func problem(_ name: String) throws -> BOBYQAProblem {
        guard let problem = problems[name] else {
            throw Missing(description: "no problem \(name) in bobyqa-trace.json")
        }
        return problem
    }
}

/// A number or vector as the R script writes them: numbers, or "Inf", "-Inf", "NaN", "NA".
struct RNumbers: Decodable {
    let values: [Double]
    var value: Double { values[0] }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let array = try? container.decode([RNumber].self) {
            values = array.map(\.value)
        } else {
            values = [try container.decode(RNumber.self).value]
        }
    }

    struct RNumber: Decodable {
        let value: Double
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                value = number
                return
            }
            switch try container.decode(String.self) {
            case "Inf": value = .infinity
            case "-Inf": value = -.infinity
            default: value = .nan
            }
        }
    }
}

struct BOBYQAProblem: Decodable {
    struct Control: Decodable {
        let npt: Int?
        let rhobeg: Double?
        let rhoend: Double?
        let maxfun: Int?
    }

    struct Outcome {
        let par: [Double]
        let fval: Double
        let feval: Int
        let ierr: Int
        let msg: String
    }

    let name: String
    let kind: String
    let parameters: [String: RNumbers]
    let start: RNumbers
    let lower: RNumbers
    let upper: RNumbers
    let control: Control
    let points: [RNumbers]
    let values: RNumbers
    let deterministicCalls: Int
    let result: Outcome?

    private enum CodingKeys: String, CodingKey {
        case name, kind, parameters, start, lower, upper, control, points, values
        case deterministicCalls = "deterministic_calls"
        case par, fval, feval, ierr, msg
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(String.self, forKey: .kind)
        parameters = try c.decode([String: RNumbers].self, forKey: .parameters)
        start = try c.decode(RNumbers.self, forKey: .start)
        lower = try c.decode(RNumbers.self, forKey: .lower)
        upper = try c.decode(RNumbers.self, forKey: .upper)
        control = try c.decode(Control.self, forKey: .control)
        points = try c.decode([RNumbers].self, forKey: .points)
        values = try c.decode(RNumbers.self, forKey: .values)
        deterministicCalls = try c.decode(Int.self, forKey: .deterministicCalls)
        if let msg = try c.decodeIfPresent(String.self, forKey: .msg) {
            result = Outcome(par: try c.decode(RNumbers.self, forKey: .par).values,
                             fval: try c.decode(RNumbers.self, forKey: .fval).value,
                             feval: try c.decode(Int.self, forKey: .feval),
                             ierr: try c.decode(Int.self, forKey: .ierr), msg: msg)
        } else {
            result = nil
        }
    }

    /// The script's objectives, with its order of operations (products and sums left to right).
    func objective() -> ([Double]) -> Double {
        func parameter(_ key: String) -> [Double] { parameters[key]?.values ?? [] }
        switch kind {
        case "rosenbrock":
            return { x in
                let a = x[1] - x[0] * x[0]
                let b = 1 - x[0]
                return 100 * a * a + b * b
            }
        case "quadratic":
            let target = parameter("target"), scales = parameter("scales"), coupling = parameter("coupling")[0]
            return { x in
                var s = 0.0
                for i in x.indices {
                    let t = x[i] - target[i]
                    s = s + scales[i] * t * t
                }
                return s + coupling * x[0] * x[x.count - 1]
            }
        case "smooth":
            let target = parameter("target"), scales = parameter("scales")
            return { x in
                var s = 0.0
                for i in x.indices {
                    let t = x[i] - target[i]
                    s = s + scales[i] * t * t
                }
                let u = x[0] * x[1] - x[2]
                let v = x[3] - 1
                return s + 0.25 * u * u + 0.125 * v * v * v * v
            }
        case "oscillating":
            return { x in
                let t = x[0] - 0.3
                return t * t + 0.125 * sin(5 * x[0])
            }
        case "cliff":
            let wall = parameter("wall")[0]
            return { x in
                var s = 0.0
                for i in x.indices {
                    let t = x[i] - 0.3
                    s = s + Double(i + 1) * t * t
                }
                return x[0] < wall ? 1e10 + s : s
            }
        default:
            preconditionFailure("unknown objective \(kind)")
        }
    }

    /// Runs PowellBOBYQA on the problem, recording every call of the objective. With
    /// `recordedValues`, the objective answers each call with the value R's objective returned
    /// at the same call, wherever the point.
    func replay(recordedValues: Bool = false) throws -> (calls: [[Double]], result: PowellBOBYQA.Result) {
        let f = objective()
        let recorded = values.values
        var calls: [[Double]] = []
        let result = try PowellBOBYQA.minimize(
            start: start.values, lower: lower.values, upper: upper.values, npt: control.npt, rhobeg: control.rhobeg,
            rhoend: control.rhoend, maxEvaluations: control.maxfun ?? 10_000) { x in
            let i = calls.count
            calls.append(x)
            guard recordedValues else { return f(x) }
            return i < recorded.count ? recorded[i] : .nan
        }
        return (calls, result)
    }
}
