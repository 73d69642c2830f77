import XCTest
@testable import MLMLang

/// Date and date-time columns of real workbooks (the xlsx fixtures, read with readxl) print
/// as R prints them: tibbles, summaries, str(), differences and formats. The expected text is
/// R's, written by scripts/generate-workbook-dates.R.
final class WorkbookDatesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    func testWorkbookDatesPrintAsInR() throws {
        let folder = Self.root.appendingPathComponent("WorkbookDates")
        let code = try String(contentsOf: folder.appendingPathComponent("workbook-dates.R"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent("workbook-dates.out"), encoding: .utf8)
        let fixtures = Self.root.deletingLastPathComponent().appendingPathComponent("DataFramesTests/Fixtures")
        let session = Session(workingDirectory: fixtures)
        var got = ""
        for step in try session.run(code) {
            for event in step.events {
                switch event {
                case .text(let t): got += t
                case .error(let m, _): got += "Error: \(m)\n"
                default: continue
                }
            }
        }
        XCTAssertEqual(got, expected)
    }
}
