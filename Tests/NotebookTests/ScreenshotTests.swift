import XCTest
@testable import Notebook

/// The seed tutorial's scatter plot, drawn by headless Chromium from mlmd's SVG, looks like the
/// reference image in Screenshots/ (checked by eye against ggplot2's drawing when it was made).
final class ScreenshotTests: XCTestCase {
    func testPopularityScatterPlotLooksLikeItsReference() throws {
        let golden = Bundle.module.url(forResource: "Golden", withExtension: nil)!
        let doc = try Knitter(notebook: try Notebook.load(path: golden.appendingPathComponent("popularity.Rmd").path)).knit()
        let figure = try XCTUnwrap(doc.figures.first)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("screenshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("scatter.svg"), png = dir.appendingPathComponent("scatter.png")
        try Data(figure.svg.utf8).write(to: svg)
        try Browser.screenshot(svg, width: 672, height: 480, to: png)
        let reference = Bundle.module.url(forResource: "Screenshots/popularity-scatter", withExtension: "png")!
        let share = try Browser.differingShare(reference, png)
        XCTAssertLessThan(share, 0.005, "\(share * 100)% of the pixels differ from the reference")
    }
}
