import XCTest
import CLibXML2
@testable import Graphics

final class GraphicsTests: XCTestCase {
    /// scales::hue_pal()(n) in R gives these; compared as R prints them.
    func testHuePaletteMatchesR() {
        XCTAssertEqual(Colour.huePalette(2).map(\.hex), ["#F8766D", "#00BFC4"])
        XCTAssertEqual(Colour.huePalette(3).map(\.hex), ["#F8766D", "#00BA38", "#619CFF"])
    }

    /// labeling::extended(dmin, dmax, m = 5) in R gives these breaks.
    func testExtendedBreaksMatchR() {
        XCTAssertEqual(Breaks.extended(2, 25), [0, 5, 10, 15, 20, 25])
        XCTAssertEqual(Breaks.extended(1, 9), [0, 2.5, 5, 7.5, 10])
        XCTAssertEqual(Breaks.extended(-0.3, 0.85).map { ($0 * 10).rounded() / 10 }, [-0.3, 0, 0.3, 0.6, 0.9])
    }

    func testNamedColours() {
        XCTAssertEqual(Colour(name: "grey92")?.hex, "#EBEBEB")
        XCTAssertEqual(Colour(name: "grey30")?.hex, "#4D4D4D")
        XCTAssertNil(Colour(name: "no such colour"))
    }

    func scatter() -> Plot {
        var plot = Plot()
        plot.xLabel = "TEXP"
        plot.yLabel = "POPULAR"
        plot.colourLegend = (title: "SEX", levels: ["0", "1"])
        plot.layers = [
            .points(x: [2, 10, 25, 14], y: [3, 5.5, 8, 4], group: [0, 1, 0, 1], alpha: 0.3, size: 1.5),
            .ribbon(x: [2, 25, 2, 25], ymin: [2.5, 7, 3.5, 8], ymax: [3.5, 8, 4.5, 9], group: [0, 0, 1, 1], fill: Colour(red: 0.6, green: 0.6, blue: 0.6, alpha: 0.4)),
            .lines(x: [2, 25, 2, 25], y: [3, 7.5, 4, 8.5], group: [0, 0, 1, 1], width: 2.13, colour: nil),
        ]
        return plot
    }

    func testRenderingIsDeterministicAndValidXML() throws {
        let a = PlotRenderer.render(scatter(), id: "fig1"), b = PlotRenderer.render(scatter(), id: "fig1")
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.contains("role=\"img\""))
        XCTAssertTrue(a.contains("<title id=\"fig1-title\">"))
        XCTAssertTrue(a.contains(">SEX</text>"))
        XCTAssertTrue(a.contains("fill=\"#F8766D\" fill-opacity=\"0.3\""))
        let doc = xmlReadMemory(a, Int32(a.utf8.count), "plot.svg", nil, Int32(XML_PARSE_NONET.rawValue))
        XCTAssertNotNil(doc, "the SVG parses with libxml2")
        if let doc { xmlFreeDoc(doc) }
    }

    /// theme(legend.position = "none") leaves the legend out and gives its room to the panel;
    /// element_blank() grids leave out their lines.
    func testThemeSwitchesLegendAndGrid() {
        let shown = PlotRenderer.render(scatter(), id: "fig1")
        var plot = scatter()
        plot.showsLegend = false
        let hidden = PlotRenderer.render(plot, id: "fig1")
        XCTAssertTrue(shown.contains(">SEX</text>"))
        XCTAssertFalse(hidden.contains(">SEX</text>"))
        func lines(_ svg: String) -> Int { svg.components(separatedBy: "<line").count - 1 }
        plot.showsMinorGrid = false
        let noMinor = PlotRenderer.render(plot, id: "fig1")
        plot.showsMajorGrid = false
        let noGrid = PlotRenderer.render(plot, id: "fig1")
        XCTAssertLessThan(lines(noMinor), lines(hidden))
        XCTAssertLessThan(lines(noGrid), lines(noMinor))
    }

    /// theme(aspect.ratio) and coord_fixed(ratio) give the panel that shape.
    func testFixedAspectShapesThePanel() throws {
        func panelSize(_ plot: Plot) throws -> (Double, Double) {
            let svg = PlotRenderer.render(plot, id: "fig1")
            // The panel's grey92 background is the first rect of that fill.
            let pattern = try NSRegularExpression(pattern: "<rect[^>]*width=\"([0-9.]+)\" height=\"([0-9.]+)\"[^>]*fill=\"#EBEBEB\"")
            let match = try XCTUnwrap(pattern.firstMatch(in: svg, range: NSRange(svg.startIndex..., in: svg)))
            let width = Double(svg[Range(match.range(at: 1), in: svg)!])!, height = Double(svg[Range(match.range(at: 2), in: svg)!])!
            return (width, height)
        }
        var plot = scatter()
        plot.aspectRatio = 1
        let (w, h) = try panelSize(plot)
        XCTAssertEqual(w, h, accuracy: 0.02)
        plot.aspectRatio = nil
        plot.unitRatio = 1
        // x spans 2...25 and y 2.5...9 (with 5% expansion each): a wide panel, 6.5 / 23 as tall.
        let (w2, h2) = try panelSize(plot)
        XCTAssertEqual(h2 / w2, 6.5 / 23, accuracy: 0.01)
    }

    /// Screen readers hear the y range to four significant digits, not seventeen.
    func testDescriptionRoundsTheRange() {
        var plot = scatter()
        plot.layers = [.points(x: [1, 2], y: [-2.8515078583648212, 1e6 / 3], group: nil, alpha: 1, size: 1.5)]
        XCTAssertTrue(PlotRenderer.render(plot).contains("(from -2.852 to 333300)"))
        XCTAssertEqual(PlotRenderer.spoken(0), "0")
    }

    func testTextIsEscaped() {
        var plot = scatter()
        plot.title = "a < b & \"c\""
        XCTAssertTrue(PlotRenderer.render(plot).contains("a &lt; b &amp; &quot;c&quot;"))
    }

    /// ggplot2 takes the breaks of the expanded range (layer_scales(p)$y$break_positions()):
    /// y from 1 to 7 shows 2, 4, 6; mpg's 10.4 to 33.9 shows 10 to 35.
    func testBreaksComeFromTheExpandedRange() {
        XCTAssertEqual(ContinuousScale(1...7).breaks, [2, 4, 6])
        XCTAssertEqual(ContinuousScale(10.4...33.9).breaks, [10, 15, 20, 25, 30, 35])
    }

    /// ggplot2's wrap_dims(n), nrow and ncol, as R gives them (rev(ggplot2::wrap_dims(n)) for 1 ... 15).
    func testFacetWrapGridIsGgplot2sWrapDims() {
        let columnsAndRows = [(1, 1), (2, 1), (3, 1), (2, 2), (3, 2), (3, 2), (3, 3), (3, 3), (3, 3), (4, 3), (4, 3), (4, 3), (4, 4), (4, 4), (4, 4)]
        for (k, expected) in columnsAndRows.enumerated() {
            let dims = PlotRenderer.wrapDimensions(k + 1, rows: nil, columns: nil)
            XCTAssertEqual(dims.columns, expected.0, "n = \(k + 1)")
            XCTAssertEqual(dims.rows, expected.1, "n = \(k + 1)")
        }
        XCTAssertEqual(PlotRenderer.wrapDimensions(7, rows: nil, columns: 2).rows, 4)
        XCTAssertEqual(PlotRenderer.wrapDimensions(7, rows: 2, columns: nil).columns, 4)
    }
}

/// viridisLite's palettes computed by mlmd against what R's viridis() gives (fixture written by
/// scripts/generate-palettes.R).
final class ViridisPaletteTests: XCTestCase {
    func testPalettesEqualRs() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "viridis", withExtension: "json", subdirectory: "Fixtures"))
        let cases = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        XCTAssertGreaterThan(cases.count, 100)
        var checked = 0
        for c in cases {
            let option = try XCTUnwrap(c["option"] as? String), n = try XCTUnwrap(c["n"] as? Int)
            let begin = try XCTUnwrap(c["begin"] as? Double), end = try XCTUnwrap(c["end"] as? Double)
            let direction = try XCTUnwrap(c["direction"] as? Int), alpha = try XCTUnwrap(c["alpha"] as? Double)
            let want = try XCTUnwrap(c["colours"] as? [String])
            let got = ViridisPalette.colours(count: n, alpha: alpha, begin: begin, end: end, direction: direction, option: option)
            XCTAssertEqual(got, want, "viridis(\(n), option = \"\(option)\", begin = \(begin), end = \(end), direction = \(direction))")
            checked += want.count
        }
        XCTAssertGreaterThan(checked, 2000)
    }

    func testOptionNames() {
        XCTAssertEqual(ViridisPalette.optionLetter("magma"), "A")
        XCTAssertEqual(ViridisPalette.optionLetter("H"), "H")
        XCTAssertNil(ViridisPalette.colours(count: 3, option: "sunset"))
    }
}
