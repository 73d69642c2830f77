import CLibXML2
import CRmath
import Foundation
@testable import Graphics
@testable import MLMLang
import XCTest

/// Base graphics through the interpreter, against R's own numbers (Conformance/
/// base-graphics-expectations.json, from scripts/generate-base-graphics-expectations.R):
/// histogram cells, box plot statistics, normal quantiles, axis ticks; and the figures they make.
final class BaseGraphicsTests: XCTestCase {
    private func expected(_ key: String) throws -> [Double] {
        let url = ConformanceTests.folder.appendingPathComponent("base-graphics-expectations.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return try XCTUnwrap(json?[key] as? [Double], key)
    }

    /// Runs code after attaching lme4.
    private func run(_ code: String) throws -> FigureRun {
        try FigureRun("suppressPackageStartupMessages(library(lme4))\n" + code)
    }

    func testHistogramCellsAreRs() throws {
        for (code, prefix) in [("hist(sleepstudy$Reaction)", "hist"), ("hist(sleepstudy$Days)", "hist_days")] {
            let out = try run(code)
            guard case .rects(let x0, let x1, _, let counts, _, _)? = out.figure?.elements.first else { return XCTFail(code) }
            XCTAssertEqual(x0 + [x1.last ?? 0], try expected(prefix + "_breaks"), code)
            XCTAssertEqual(counts, try expected(prefix + "_counts"), code)
            XCTAssertEqual(out.plots.count, 1)
        }
        XCTAssertEqual(try run("hist(sleepstudy$Reaction)").figure?.main, "Histogram of sleepstudy$Reaction")
    }

    func testBoxplotStatisticsAreRs() throws {
        let out = try run("boxplot(Reaction ~ Days, data = sleepstudy)")
        var stats: [Double] = [], outliers: [Double] = []
        for element in out.figure?.elements ?? [] {
            if case .box(_, let s, let o, _, _) = element { stats += s; outliers += o }
        }
        XCTAssertEqual(stats.count, 50)
        for (a, b) in zip(stats, try expected("box_stats")) { XCTAssertEqual(a, b, accuracy: 1e-9) }
        let rOutliers = try expected("box_outliers").sorted()
        XCTAssertEqual(outliers.count, rOutliers.count)
        for (a, b) in zip(outliers.sorted(), rOutliers) { XCTAssertEqual(a, b, accuracy: 1e-9) }
        XCTAssertEqual(out.figure?.xAxisLabels?.map(\.label), (0...9).map(String.init))
    }

    func testQQPlotAndLineAreRs() throws {
        let y = try expected("qq_y").map { String($0) }.joined(separator: ", ")
        let out = try run("y <- c(\(y))\nqqnorm(y)\nqqline(y, col = 2)")
        guard case .points(let x, _, _, _)? = out.figure?.elements.first,
              case .straightLine(let a, let b, nil, nil, _, _, _)? = out.figure?.elements.last else { return XCTFail("qq plot") }
        for (u, v) in zip(x, try expected("qq_x")) { XCTAssertEqual(u, v, accuracy: 1e-12) }
        let line = try expected("qqline")
        XCTAssertEqual(a, line[0], accuracy: 1e-12)
        XCTAssertEqual(b, line[1], accuracy: 1e-12)
        // qqline redraws the figure qqnorm drew, which the knitter replaces.
        XCTAssertEqual(out.plots.count, 1)
        XCTAssertEqual(out.updates.count, 1)
        XCTAssertTrue(out.updates[0].contains("stroke=\"#DF536B\""), "col = 2 is palette()[2]")
    }

    func testAxisTicksAreRs() throws {
        let out = try run("plot(sleepstudy$Days, sleepstudy$Reaction)")
        let figure = try XCTUnwrap(out.figure)
        let usr = try expected("usr")
        let x = BasePlotRenderer.userRange(figure.xLimits), y = BasePlotRenderer.userRange(figure.yLimits)
        for (u, v) in zip([x.lowerBound, x.upperBound, y.lowerBound, y.upperBound], usr) { XCTAssertEqual(u, v, accuracy: 1e-9) }
        XCTAssertEqual(Pretty.axisTicks(usr[0], usr[1]), try expected("ticks_x"))
        XCTAssertEqual(Pretty.axisTicks(usr[2], usr[3]), try expected("ticks_y"))
        let usr2 = try expected("usr2")
        for (u, v) in zip(Pretty.axisTicks(usr2[0], usr2[1]), try expected("ticks_x2")) { XCTAssertEqual(u, v, accuracy: 1e-15) }
        XCTAssertEqual(Pretty.axisTicks(usr2[2], usr2[3]), try expected("ticks_y2"))
        XCTAssertEqual(figure.xLabel, "sleepstudy$Days")
        XCTAssertEqual(figure.yLabel, "sleepstudy$Reaction")
    }

    /// dotplot(ranef(m, condVar = TRUE)) prints as a list: each grouping factor's tag, then its
    /// caterpillar plot, levels ordered by the intercept's conditional mode.
    func testCaterpillarPlot() throws {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        let steps = try session.run("suppressPackageStartupMessages(library(lme4))\n"
            + "m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)\nlattice::dotplot(ranef(m, condVar = TRUE))")
        let events = steps.flatMap(\.events)
        let texts = events.compactMap { e -> String? in if case .text(let t) = e { return t }; return nil }
        XCTAssertEqual(texts.joined(), "$Subject\n\n")
        let svg = try XCTUnwrap(events.compactMap { e -> String? in if case .plot(let s, _, _) = e { return s }; return nil }.first)
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 36, "a dot per subject and column")
        let order = try expected("caterpillar_order").map { String(Int($0)) }
        let positions = order.map { svg.range(of: ">\($0)</text>")?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted(), "labels drawn bottom to top in R's order")
    }

    /// position_dodge(width = 0.5): ggplot2's dodged x positions (layer_data), read back from
    /// the circles' centres, which are linear in x.
    func testDodgedPointsAreGgplots() throws {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        let steps = try session.run("""
            library(ggplot2)
            d <- data.frame(x = c(1, 1, 2, 2, 2), y = 1:5, g = c("a", "b", "a", "b", "c"))
            ggplot(d, aes(x, y, colour = g)) + geom_point(position = position_dodge(width = 0.5))
            ggplot(d, aes(x, y, colour = g)) + geom_point(position = position_dodge())
            """)
        let events = steps.flatMap(\.events)
        let svg = try XCTUnwrap(events.compactMap { e -> String? in if case .plot(let s, _, _) = e { return s }; return nil }.first)
        let centres = svg.components(separatedBy: "<circle cx=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        // Drawn group by group (a, b, c): rows 1, 3, then 2, 4, then 5; then the three legend keys.
        let expected = try expected("dodge_x")
        let drawn = [expected[0], expected[2], expected[1], expected[3], expected[4]]
        let scale = (centres[1] - centres[0]) / (drawn[1] - drawn[0])
        for (c, x) in zip(centres.prefix(5), drawn) { XCTAssertEqual(c, centres[0] + (x - drawn[0]) * scale, accuracy: 0.02) }
        let warnings = events.compactMap { e -> String? in if case .warning(let m, _) = e { return m }; return nil }
        XCTAssertEqual(warnings, ["Width not defined. Set with `position_dodge(width = ...)`"])
    }

    /// Values from chunk code that once trapped (a NaN or huge cell count, a negative colour, a
    /// hand-shortened ranef(), maxeval = Inf) give R's errors or run.
    func testBadArgumentsGiveRErrors() throws {
        XCTAssertEqual(try run("hist(1:10, breaks = NA)").errors, ["invalid number of 'breaks'"])
        XCTAssertEqual(try run("hist(1:10, breaks = c(2, 5))").errors, ["some 'x' not counted; maybe 'breaks' do not span range of 'x'"])
        guard case .rects(let x0, _, _, let counts, _, _)? = try run("hist(1:10, breaks = c(0, 5, 10))").figure?.elements.first else {
            return XCTFail("break points")
        }
        XCTAssertEqual(x0, [0, 5])
        XCTAssertEqual(counts, [5, 5])
        XCTAssertEqual(try run("plot(1:3, col = -1)").errors, ["numerical color values must be >= 0, found -1"])
        XCTAssertEqual(try run("plot(1:3, col = 1e12)").errors, [])
        XCTAssertEqual(try run("plot(c(1, 1e308, -1e308))").errors, [])
        XCTAssertEqual(try run("""
            m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy, control = lmerControl(optCtrl = list(maxeval = Inf)))
            r <- ranef(m, condVar = TRUE)
            r$Subject <- r$Subject[1:3, ]
            lattice::dotplot(r)
            """).errors, ["the conditional modes of Subject do not have one value per level"])
    }

    /// plot.density: the estimate as a line, titled by its call, N and the bandwidth below; a
    /// list with x and y (lowess()'s result) adds a line, as xy.coords reads it.
    func testDensityPlotAndListCoordinates() throws {
        let out = try run("d <- density(mtcars$mpg)\nplot(d)\nlines(lowess(mtcars$mpg, mtcars$wt / 50), col = \"red\")")
        let figure = try XCTUnwrap(out.figure)
        XCTAssertEqual(figure.main, "density.default(x = mtcars$mpg)")
        XCTAssertEqual(figure.xLabel, "N = 32   Bandwidth = 2.477")
        XCTAssertEqual(figure.yLabel, "Density")
        guard case .lines(let x, _, _, _, _)? = figure.elements.last else { return XCTFail("the lowess line") }
        XCTAssertEqual(x.count, 32)
        XCTAssertTrue(out.updates.last?.contains("N = 32 \u{00A0} Bandwidth") == true, "the spaces survive in SVG")
    }

    /// axis() leaves out labels that would crowd the last one drawn (gap.axis: one "m"), in the
    /// order of the tick values: of -4, -2, 0, 2 ten points apart, -4 and 0 are drawn.
    func testCrowdedAxisLabelsAreLeftOut() {
        let labels = [(0.0, "-4"), (10.0, "-2"), (20.0, "0"), (30.0, "2")].map { (position: $0.0, text: $0.1) }
        XCTAssertEqual(BasePlotRenderer.spacedLabels(labels, size: 10), [0, 2])
        XCTAssertEqual(BasePlotRenderer.spacedLabels(labels.map { (position: $0.position * 3, text: $0.text) }, size: 10), [0, 1, 2, 3])
    }

    func testModelPlotAndErrors() throws {
        let out = try run("m <- lmer(Reaction ~ Days + (Days | Subject), sleepstudy)\nplot(m)")
        XCTAssertEqual(out.figure?.lattice, true)
        XCTAssertEqual(out.figure?.xLabel, "fitted(.)")
        let errors = try run("abline(h = 0)").errors
        XCTAssertEqual(errors, ["plot.new has not been called yet"])
        XCTAssertEqual(try run("plot(y ~ x, data = data.frame(x = 1:3, y = c(2, 1, 3)))").figure?.yLabel, "y")
        XCTAssertEqual(try run("hist(c(\"a\", \"b\"))").errors, ["'x' must be numeric"])
    }
}

/// ggplot2's default smoother against R's loess: layer_data of geom_smooth() on mtcars, whose
/// curve R interpolates over a k-d tree and whose band uses Cleveland's approximate traces.
final class LoessSmootherTests: XCTestCase {
    private func expected(_ key: String) throws -> [Double] {
        let url = ConformanceTests.folder.appendingPathComponent("base-graphics-expectations.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return try XCTUnwrap(json?[key] as? [Double], key)
    }

    func testDefaultSmoothIsGgplotsLoess() throws {
        try check(LoessSmoother(x: try expected("loess_x"), y: try expected("loess_y")), "loess")
    }

    /// Ties at the median go with the upper cell of the tree.
    func testTiedPredictor() throws {
        try check(LoessSmoother(x: try expected("tied_x"), y: try expected("tied_y")), "tied")
    }

    private func check(_ smoother: LoessSmoother, _ prefix: String) throws {
        let fit = try XCTUnwrap(smoother.fit(at: try expected(prefix + "_grid")))
        let lower = try expected(prefix + "_lower"), upper = try expected(prefix + "_upper")
        for (k, r) in try expected(prefix + "_fit").enumerated() {
            XCTAssertEqual(fit.fitted[k], r, accuracy: 1e-9 * abs(r), "curve at \(k)")
            XCTAssertEqual(fit.fitted[k] - fit.halfWidth[k], lower[k], accuracy: 1e-9 * abs(r), "band at \(k)")
            XCTAssertEqual(fit.fitted[k] + fit.halfWidth[k], upper[k], accuracy: 1e-9 * abs(r), "band at \(k)")
        }
    }

    func testParMarginsMoveThePlotRegion() throws {
        let narrow = try FigureRun("par(mar = c(2, 2, 1, 1))\nplot(1:3)")
        XCTAssertEqual(narrow.figure?.margins, [2, 2, 1, 1])
        let inches = try FigureRun("par(mai = c(1, 0.5, 0.5, 0.5))\nplot(1:3)")
        XCTAssertEqual(inches.figure?.margins, [5, 2.5, 2.5, 2.5])
        let plain = try FigureRun("plot(1:3)")
        XCTAssertNotEqual(narrow.plots.first, plain.plots.first, "the margins change the drawing")
        // The box of the plot region starts two lines (28.8 pt) from the left instead of 4.1.
        XCTAssertTrue(narrow.plots.first?.contains("x=\"28.8\"") ?? false)
    }

    func testInteractionPlotDrawsALinePerTraceLevelWithItsLegend() throws {
        let run = try FigureRun("with(ToothGrowth, interaction.plot(dose, supp, len))")
        let figure = try XCTUnwrap(run.figure)
        let lines = figure.elements.compactMap { e -> [Double]? in if case .lines(_, let y, _, _, _) = e { return y }; return nil }
        XCTAssertEqual(lines.count, 2, "one line per level of supp")
        // The cell means of ToothGrowth: OJ 13.23, 22.70, 26.06; VC 7.98, 16.77, 26.14.
        XCTAssertEqual(lines[0].map { ($0 * 100).rounded() / 100 }, [13.23, 22.7, 26.06])
        XCTAssertEqual(lines[1].map { ($0 * 100).rounded() / 100 }, [7.98, 16.77, 26.14])
        XCTAssertEqual(figure.xAxisLabels?.map(\.label), ["0.5", "1", "2"])
        XCTAssertEqual(figure.yLabel, "mean of  len")
        guard case .keyedLegend(let legend)? = figure.elements.last else { return XCTFail("no legend") }
        XCTAssertEqual(legend.entries.map(\.label), ["VC", "OJ"], "ordered by the lines' last values")
    }
}
