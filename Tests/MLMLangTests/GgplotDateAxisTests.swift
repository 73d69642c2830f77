import XCTest
@testable import MLMLang

/// Date and time axes of ggplot2 plots: the labels drawn under the x axis, against those
/// ggplot2 draws (Conformance/date-axis-expectations.json, from
/// scripts/generate-date-axis-expectations.R): pretty()'s breaks and labels by default,
/// date_breaks laid out as scales' fullseq, date_labels as strftime formats.
final class GgplotDateAxisTests: XCTestCase {
    struct Expectations: Decodable {
        struct Case: Decodable { let code: String; let labels: [String] }
        let setup: String
        let plots: [Case]
    }

    func testDateAxesAreLabelledAsGgplot2LabelsThem() throws {
        let url = ConformanceTests.folder.appendingPathComponent("date-axis-expectations.json")
        let expectations = try JSONDecoder().decode(Expectations.self, from: Data(contentsOf: url))
        XCTAssertGreaterThan(expectations.plots.count, 10)
        for c in expectations.plots {
            let run = try FigureRun("library(ggplot2)\n" + expectations.setup + "\n" + c.code)
            XCTAssertEqual(run.errors, [], c.code)
            let svg = try XCTUnwrap(run.plots.first, c.code)
            // The x axis labels are the figure's first texts.
            let texts = svg.components(separatedBy: "</text>").dropLast().compactMap { $0.components(separatedBy: ">").last }
            XCTAssertEqual(Array(texts.prefix(c.labels.count)), c.labels, c.code)
            XCTAssertFalse(texts.dropFirst(c.labels.count).first.map { c.labels.contains($0) } ?? false, c.code)
        }
    }

    func testABadDateBreaksSpecificationIsAnError() throws {
        let run = try FigureRun("library(ggplot2)\nd <- data.frame(day = as.Date('2024-01-01') + 0:9, y = 1)\n"
                                + "ggplot(d, aes(day, y)) + geom_point() + scale_x_date(date_breaks = 'often')")
        XCTAssertEqual(run.plots, [])
        XCTAssertEqual(run.errors.count, 1)
    }
}
