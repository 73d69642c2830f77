import CLibXML2
import Foundation
@testable import Graphics
@testable import MLMLang
import XCTest

/// plot() of an lm fit against what R's plot.lm draws, recorded by tracing graphics' text, lines,
/// mtext, axis and title (scripts/generate-base-graphics-expectations.R): each panel's user
/// range, caption, sub-caption, labelled points, lowess line, Cook's distance contours and
/// right-axis levels; and lowess(), hatvalues(), rstandard() and cooks.distance() themselves.
final class LinearModelPlotTests: XCTestCase {
    private var json: [String: Any] = [:]

    override func setUpWithError() throws {
        let url = ConformanceTests.folder.appendingPathComponent("base-graphics-expectations.json")
        json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func numbers(_ key: String) throws -> [Double] { try XCTUnwrap(json[key] as? [Double], key) }
    private func strings(_ key: String) throws -> [String] { try XCTUnwrap(json[key] as? [String], key) }

    /// Runs code; the figures it drew (the session keeps the last), their SVGs, errors and warnings.
    private func run(_ code: String) throws -> (figure: BasePlot?, svgs: [String], errors: [String], warnings: [String]) {
        let out = try FigureRun(code)
        return (out.figure, out.plots, out.errors, out.warnings)
    }

    private func assertClose(_ a: [Double], _ b: [Double], _ what: String, tolerance: Double = 1e-9,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, file: file, line: line)
        for (k, (u, v)) in zip(a, b).enumerated() {
            XCTAssertEqual(u, v, accuracy: tolerance * max(1, abs(v)), "\(what) [\(k)]", file: file, line: line)
        }
    }

    private static let mtcarsFit = "fit <- lm(mpg ~ wt + hp, data = mtcars)\n"

    func testDefaultDrawsFourFigures() throws {
        let out = try run(Self.mtcarsFit + "plot(fit)")
        XCTAssertEqual(out.svgs.count, 4)
        XCTAssertEqual(out.errors, [])
        XCTAssertEqual(out.figure?.caption, "Residuals vs Leverage", "the last figure stays current for abline()")
        XCTAssertTrue(out.svgs[0].contains("Chrysler Imperial"))
    }

    func testEachPanelIsRs() throws {
        for k in 1...5 {
            let figure = try XCTUnwrap(try run(Self.mtcarsFit + "plot(fit, which = \(k))").figure, "panel \(k)")
            try checkPanel(figure, key: k)
        }
    }

    /// which = 6: Cook's distance against h/(1 - h), with R's leverage axis, its lines through
    /// the origin and their levels, and the labelled rows.
    func testCooksDistanceAgainstLeverageRatioIsRs() throws {
        let figure = try XCTUnwrap(try run(Self.mtcarsFit + "plot(fit, which = 6)").figure)
        let usr = try numbers("plotlm6_usr")
        let x = BasePlotRenderer.userRange(figure.xLimits), y = BasePlotRenderer.userRange(figure.yLimits)
        assertClose([x.lowerBound, x.upperBound, y.lowerBound, y.upperBound], usr, "user range")
        assertClose(figure.xAxisLabels?.map(\.at) ?? [], try numbers("plotlm6_axis_at"), "leverage axis")
        XCTAssertEqual(figure.xAxisLabels?.map(\.label), try strings("plotlm6_axis_labels"))
        var levels: [String] = [], identified: [String: (Double, Double)] = [:], slopes: [Double] = []
        for element in figure.elements {
            switch element {
            case .labels(let xs, let ys, let texts, let position, _):
                if position <= 1 { levels += texts } else { for (k, t) in texts.enumerated() { identified[t] = (xs[k], ys[k]) } }
            case .straightLine(_, let b, nil, nil, _, _, _): slopes.append(b)
            default: break
            }
        }
        XCTAssertEqual(levels, try strings("plotlm6_levels"))
        assertClose(slopes, try numbers("plotlm6_slopes"), "lines through the origin")
        let texts = try strings("plotlm6_label_text"), rx = try numbers("plotlm6_label_x"), ry = try numbers("plotlm6_label_y")
        XCTAssertEqual(identified.keys.sorted(), texts.sorted())
        for (k, text) in texts.enumerated() {
            assertClose([identified[text]?.0 ?? .nan, identified[text]?.1 ?? .nan], [rx[k], ry[k]], "label of \(text)")
        }
    }

    /// A model of one balanced factor has constant leverage: residuals against factor levels.
    func testConstantLeverageAgainstFactorLevels() throws {
        let figure = try XCTUnwrap(try run("plot(lm(len ~ supp, data = ToothGrowth), which = 5)").figure)
        XCTAssertEqual(figure.caption, "Constant Leverage:\n Residuals vs Factor Levels")
        XCTAssertEqual(figure.xAxisNote.map { [$0] }, try strings("plotlm_caption_6"))
        XCTAssertEqual(figure.xAxisLabels?.map(\.label), try strings("plotlm_axis1_labels_6"))
        assertClose(figure.xAxisLabels?.map(\.at) ?? [], try numbers("plotlm_axis1_at_6"), "factor positions")
        XCTAssertNil(figure.subtitle, "R draws no sub-caption on this panel")
        try checkPanel(figure, key: 6, checkCaption: false)

        let out = try run("plot(lm(mpg ~ 1, data = mtcars), which = 5)")
        XCTAssertEqual(out.svgs.count, 0)
        XCTAssertEqual(out.errors, [])
    }

    private func checkPanel(_ figure: BasePlot, key k: Int, checkCaption: Bool = true) throws {
        let usr = try numbers("plotlm_usr_\(k)")
        let x = BasePlotRenderer.userRange(figure.xLimits), y = BasePlotRenderer.userRange(figure.yLimits)
        assertClose([x.lowerBound, x.upperBound, y.lowerBound, y.upperBound], usr, "user range of panel \(k)")
        if checkCaption {
            XCTAssertEqual(figure.caption.map { [$0] }, try strings("plotlm_caption_\(k)"), "caption \(k)")
            XCTAssertEqual(figure.subtitle.map { [$0] }, try strings("plotlm_sub_\(k)"), "sub-caption \(k)")
        }
        // Labelled points: the same rows, at the same x; y too where R did not move the label down.
        var labelled: [(String, Double, Double)] = []
        for case .labels(let xs, let ys, let texts, _, _) in figure.elements {
            labelled += zip(texts, zip(xs, ys)).map { ($0.0, $0.1.0, $0.1.1) }
        }
        let texts = try strings("plotlm_label_text_\(k)"), rx = try numbers("plotlm_label_x_\(k)"), ry = try numbers("plotlm_label_y_\(k)")
        XCTAssertEqual(labelled.map(\.0).sorted(), texts.sorted(), "labelled rows of panel \(k)")
        for (text, u, v) in labelled {
            guard let i = texts.firstIndex(of: text) else { continue }
            XCTAssertEqual(u, rx[i], accuracy: 1e-9 * max(1, abs(u)), "label x of \(text) in panel \(k)")
            if v >= 0 { XCTAssertEqual(v, ry[i], accuracy: 1e-9 * max(1, abs(v)), "label y of \(text) in panel \(k)") }
        }
        if json["plotlm_smooth_x_\(k)"] != nil {
            let smooth = figure.elements.compactMap { element -> ([Double], [Double])? in
                if case .lines(let x, let y, let colour, _, _) = element, colour == LinearModelPlots.smoothColour { return (x, y) }
                return nil
            }.first
            assertClose(smooth?.0 ?? [], try numbers("plotlm_smooth_x_\(k)"), "lowess x of panel \(k)")
            assertClose(smooth?.1 ?? [], try numbers("plotlm_smooth_y_\(k)"), "lowess y of panel \(k)")
        }
        if json["plotlm_contour_x_\(k)"] != nil {
            let contour = figure.elements.compactMap { element -> ([Double], [Double])? in
                if case .lines(let x, let y, let colour, _, let type) = element, colour == LinearModelPlots.cookColour, type == .dashed { return (x, y) }
                return nil
            }.first
            assertClose(contour?.0 ?? [], try numbers("plotlm_contour_x_\(k)"), "Cook's contour h")
            assertClose(contour?.1.map { $0.isNaN ? -1 : $0 } ?? [], try numbers("plotlm_contour_y_\(k)"), "Cook's contour r")
            assertClose(figure.rightAxisLabels?.at ?? [], try numbers("plotlm_axis4_at_\(k)"), "Cook's levels on the right axis")
            XCTAssertEqual(figure.rightAxisLabels?.labels, try strings("plotlm_axis4_labels_\(k)"))
        }
    }

    func testArgumentsAndErrors() throws {
        XCTAssertEqual(try run(Self.mtcarsFit + "plot(fit, which = 7)").errors, ["'which' must be in 1:6"])
        XCTAssertEqual(try run(Self.mtcarsFit + "plot(fit, which = 1, iter.smooth = NA)").errors, ["'iter' must be finite and >= 0"])
        XCTAssertEqual(try run("lowess(1:10, f = 1e300)\ndensity(c(1, 2, Inf), n = NA)").errors, ["missing value where TRUE/FALSE needed"])
        XCTAssertEqual(try run("d <- density(c(1, 2, 3, Inf))\nstopifnot(d$n == 4)").errors, [], "infinite values count in N")
        XCTAssertEqual(try run(Self.mtcarsFit + "plot(fit, which = 1:6)").svgs.count, 6)
        // A saturated fit: every leverage one, every standardised residual and distance NaN.
        let saturated = try run("plot(lm(y ~ x, data = data.frame(x = c(1, 2), y = c(1, 3))), which = 1:6)")
        XCTAssertEqual(saturated.errors, [])
        XCTAssertEqual(saturated.warnings.first, "not plotting observations with leverage one:\n  1, 2")
        XCTAssertEqual(try run(Self.mtcarsFit + "plot(fit, which = 1, id.n = 40)").errors, ["'id.n' must be in {1,..,32}"])
        let plain = try run(Self.mtcarsFit + "plot(fit, which = 1, id.n = 0, add.smooth = FALSE, sub.caption = \"\", caption = \"Fit\", main = \"M\")")
        let figure = try XCTUnwrap(plain.figure)
        XCTAssertEqual(figure.elements.count, 2, "points and the zero line only")
        XCTAssertNil(figure.subtitle)
        XCTAssertEqual(figure.caption, "Fit")
        XCTAssertEqual(figure.main, "M")
        XCTAssertEqual(try run(Self.mtcarsFit + "plot(fit, which = 1)\nabline(h = 1, lty = \"F\")").errors,
                       ["invalid line type: must be length 2, 4, 6 or 8"])
        XCTAssertEqual(try run("plot(1:3)\nabline(h = 1, lty = \"G4\")").errors, ["invalid hex digit in 'color' or 'lty'"])
        XCTAssertEqual(try run("plot(1:3)\nabline(h = 1, lty = \"40\")").errors, ["invalid line type: zeroes are not allowed"])
        guard case .straightLine(_, _, _, _, _, _, let type)? = try run("plot(1:3)\nabline(h = 1, lty = 3)").figure?.elements.last else {
            return XCTFail("abline")
        }
        XCTAssertEqual(type, .dotted)
        // A point of leverage one is left out of the standardised panels, with R's warning.
        let one = try run("d <- data.frame(x = c(1, 2, 3, 4, 10), g = factor(c(\"a\", \"a\", \"a\", \"a\", \"b\")), y = c(1, 3, 2, 5, 4))\n" +
                          "plot(lm(y ~ x + g, data = d), which = 2)")
        XCTAssertEqual(one.warnings, ["not plotting observations with leverage one:\n  5"])
        XCTAssertEqual(one.errors, [])
    }

    /// par(mfrow) and par(mfcol): the old value returned for par(op), the layout read back, a
    /// page filled panel by panel (shown again whole), and R's words for what par() refuses.
    func testParLayout() throws {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        let steps = try session.run("""
            op <- par(mfrow = c(1, 2))
            a <- par("mfrow")
            plot(1:3)
            plot(3:1)
            plot(2:4)
            par(op)
            b <- par("mfrow")
            """)
        var plots = 0, updates = 0
        for event in steps.flatMap(\.events) {
            if case .plot = event { plots += 1 }
            if case .plotUpdate = event { updates += 1 }
        }
        XCTAssertEqual([plots, updates], [2, 1], "the third plot starts a second page")
        func integers(_ code: String) throws -> [Double] {
            guard case .vector(let v) = try session.evaluateInline(code) else { return [] }
            return Coerce.doubles(v) ?? []
        }
        XCTAssertEqual(try integers("op$mfrow"), [1, 1])
        XCTAssertEqual(try integers("a"), [1, 2])
        XCTAssertEqual(try integers("b"), [1, 1])
        XCTAssertEqual(try run("par(cex = 2)").errors, ["mlmd's par() sets the page layout (mfrow, mfcol) and margins (mar, mai) only, not \"cex\""])
        XCTAssertEqual(try run("par(mfrow = 3)").errors, ["graphical parameter \"mfrow\" has the wrong length"])
        XCTAssertEqual(BasePage.Layout(rows: 2, columns: 2, byRow: true).cex, 0.83)
        XCTAssertEqual(BasePage.Layout(rows: 3, columns: 1, byRow: true).cex, 0.66)
        XCTAssertEqual(BasePage.Layout(rows: 2, columns: 3, byRow: false).cell(1).row, 1, "mfcol fills columns first")
    }

    func testLowessIsRs() throws {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        func values(_ code: String) throws -> [Double] {
            guard case .vector(let v) = try session.evaluateInline(code) else { return [] }
            return Coerce.doubles(v) ?? []
        }
        assertClose(try values("lowess(mtcars$wt, mtcars$mpg)$x"), try numbers("lowess_x"), "lowess x")
        assertClose(try values("lowess(mtcars$wt, mtcars$mpg)$y"), try numbers("lowess_y"), "lowess y")
        assertClose(try values("lowess(c(1, 2, 2, 2, 3, 5, 8), c(3, 1, 4, 1, 5, 9, 2), f = 0.5, iter = 0)$y"),
                    try numbers("lowess_ties"), "lowess with ties")
        // geom_density's estimate is density()'s, as ggplot2's stat_density computes it.
        let mpg = try values("mtcars$mpg").sorted()
        let estimate = KernelDensity.estimate(mpg, count: mpg.count, bandwidth: try KernelDensity.bandwidthNrd0(mpg), n: 512,
                                              from: mpg[0], to: mpg[mpg.count - 1])
        assertClose(estimate.x, try numbers("stat_density_x"), "stat_density x")
        assertClose(estimate.y, try numbers("stat_density_y"), "stat_density y", tolerance: 1e-12)
        let weighted = "lm(mpg ~ wt, data = mtcars, weights = cyl)"
        assertClose(try values("hatvalues(\(weighted))"), try numbers("weighted_hat"), "hatvalues")
        assertClose(try values("rstandard(\(weighted))"), try numbers("weighted_rstandard"), "rstandard")
        assertClose(try values("cooks.distance(\(weighted))"), try numbers("weighted_cooks"), "cooks.distance")
    }
}
