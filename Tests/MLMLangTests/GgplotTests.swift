import CLibXML2
import XCTest
@testable import MLMLang

/// ggplot code through the interpreter: what the SVG shows, and ggplot2's errors and warnings.
final class GgplotTests: XCTestCase {
    let setup = """
    library(ggplot2)
    d <- data.frame(x = c(1, 2, 3, 4, 5, 6), y = c(2, 3, 5, 4, 6, 7), g = factor(c("a", "a", "a", "b", "b", "b")),
                    s = c("p", "q", "r", "s", "t", "u"))

    """

    /// The SVGs, warnings and errors of running `code` after the setup.
    func run(_ code: String) throws -> (svgs: [String], errors: [String], warnings: [String]) {
        let out = try FigureRun(setup + code)
        return (out.plots, out.errors, out.warnings)
    }

    func testLinesAreBlackPerGroupWithoutLegend() throws {
        let out = try run("ggplot(d, aes(x, y, group = g)) + geom_line(alpha = 0.5)")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2, "one line per group")
        XCTAssertTrue(svg.contains("stroke=\"#000000\" stroke-width=\"1.07\" stroke-opacity=\"0.5\""), "ggplot2 draws geom_line black")
        XCTAssertFalse(svg.contains(">g</text>"), "group alone makes no legend")
    }

    func testColourMappingUsesTheHuePaletteAndALegend() throws {
        let out = try run("ggplot(d, aes(x, y, colour = g)) + geom_point() + geom_line()")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertTrue(svg.contains("#F8766D") && svg.contains("#00BFC4"))
        XCTAssertTrue(svg.contains(">g</text>"))
    }

    func testScaleNameBreaksAndLimits() throws {
        let out = try run("""
        ggplot(d, aes(x, y)) + geom_point() + labs(x = "from labs") +
          scale_x_continuous(name = "Days", breaks = c(2, 4), limits = c(1, 5)) +
          scale_y_continuous(breaks = c(2.5, 5.5))
        """)
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertTrue(svg.contains(">Days</text>"), "a scale's name beats labs()")
        XCTAssertFalse(svg.contains(">from labs</text>"))
        XCTAssertTrue(svg.contains(">2</text>") && svg.contains(">4</text>"))
        XCTAssertTrue(svg.contains(">2.5</text>") && svg.contains(">5.5</text>"))
        XCTAssertFalse(svg.contains(">3</text>") || svg.contains(">6</text>"), "only the given breaks")
        XCTAssertEqual(out.warnings, ["Removed 1 rows containing missing values (`geom_point()`)."])
    }

    func testUnknownColumnIsAggplotError() throws {
        let out = try run("ggplot(d, aes(x, nope)) + geom_point()")
        XCTAssertTrue(out.svgs.isEmpty)
        XCTAssertEqual(out.errors.count, 1)
        XCTAssertTrue(out.errors[0].hasPrefix("Problem while computing aesthetics."))
        XCTAssertTrue(out.errors[0].contains("object 'nope' not found"))
    }

    func testFactorOnAContinuousScaleIsAnError() throws {
        let out = try run("ggplot(d, aes(g, y)) + geom_point() + scale_x_continuous()")
        XCTAssertEqual(out.errors, ["Discrete value supplied to continuous scale"])
    }

    func testDiscreteXAxesBoxplotsAndBars() throws {
        let out = try run("""
        ggplot(d, aes(g, y)) + geom_point()
        ggplot(d, aes(s, y)) + geom_col()
        ggplot(d, aes(g)) + geom_bar()
        ggplot(data.frame(g = rep(c("a", "b"), each = 6), y = c(1:5, 40, 1:6)), aes(g, y)) + geom_boxplot()
        ggplot(d, aes(x, g)) + geom_point()
        """)
        XCTAssertEqual(out.svgs.count, 5)
        XCTAssertTrue(out.svgs[0].contains(">a</text>") && out.svgs[0].contains(">b</text>"), "levels label the axis")
        XCTAssertEqual(out.svgs[1].components(separatedBy: "fill=\"#595959\"").count - 1, 6, "a bar per text value")
        XCTAssertTrue(out.svgs[2].contains(">count</text>"))
        // Group a: 1..5 and 40; quartiles 2.25 and 4.75, so 40 lies beyond 1.5 IQR: one outlier.
        XCTAssertEqual(out.svgs[3].components(separatedBy: "<circle").count - 1, 1, "the one outlier")
        // A discrete y: the levels label the y axis, bottom to top.
        let levels = ["a", "b"].compactMap { out.svgs[4].range(of: ">\($0)</text>") }
        XCTAssertEqual(levels.count, 2, "levels label the y axis")
        XCTAssertEqual(out.errors, [])
        XCTAssertEqual(try run("ggplot(d, aes(x, g)) + geom_col()").errors,
                       ["Discrete value supplied to continuous scale"])
    }

    func testNonNumericYForASmootherIsAnError() throws {
        let out = try run("ggplot(d, aes(x, s)) + geom_smooth(method = \"lm\")")
        XCTAssertEqual(out.errors, ["Discrete value supplied to continuous scale"])
    }

    func testGgsaveWritesTheSVGFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ggsave-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try run("""
        p <- ggplot(d, aes(x, y)) + geom_point()
        saved <- ggsave("\(file.path)", p, width = 4, height = 3)
        stopifnot(identical(saved, "\(file.path)"))
        """)
        XCTAssertTrue(out.errors.isEmpty, out.errors.joined())
        let svg = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<svg") && svg.contains("width=\"288pt\" height=\"216pt\""))
        let refused = try run("ggsave(\"plot.png\", ggplot(d, aes(x, y)) + geom_point())")
        XCTAssertEqual(refused.errors, ["mlmd saves plots as SVG only: use a file name ending in .svg"])
    }

    func testReferenceLinesQQAndRanges() throws {
        let out = try run("""
        ggplot(d, aes(x, y)) + geom_point() + geom_hline(yintercept = 0, colour = "red") + geom_vline(xintercept = 3) +
          geom_abline(intercept = 1, slope = 1)
        ggplot(d, aes(sample = y)) + geom_qq() + geom_qq_line()
        ggplot(d, aes(x, y, ymin = y - 1, ymax = y + 1)) + geom_pointrange()
        ggplot(d, aes(x, ymin = y - 1, ymax = y + 1)) + geom_errorbar(width = 0.5)
        """)
        XCTAssertTrue(out.errors.isEmpty, out.errors.joined())
        XCTAssertEqual(out.svgs.count, 4)
        XCTAssertTrue(out.svgs[0].contains("stroke=\"#FF0000\""), "the red horizontal line")
        XCTAssertTrue(out.svgs[0].contains(">0</text>"), "a horizontal line at zero extends the y scale to it")
        XCTAssertTrue(out.svgs[1].contains(">x</text>") && out.svgs[1].contains(">y</text>"), "ggplot2 labels QQ axes x and y")
        XCTAssertEqual(out.svgs[1].components(separatedBy: "<circle").count - 1, 6, "one point per observation")
        XCTAssertTrue(out.svgs[2].contains("6 point ranges"))
        XCTAssertTrue(out.svgs[3].contains("6 error bars"))
        XCTAssertTrue(out.svgs[3].contains(">y - 1</text>"), "the y title comes from ymin")
    }

    func testCompleteThemes() throws {
        let out = try run("""
        p <- ggplot(d, aes(x, y)) + geom_point()
        p
        p + theme_bw()
        p + theme_minimal()
        p + theme_classic()
        p + theme_classic() + theme_grey()
        """)
        XCTAssertEqual(out.svgs.count, 5)
        let grey92 = "fill=\"#EBEBEB\""
        XCTAssertTrue(out.svgs[0].contains(grey92), "theme_grey's grey panel")
        XCTAssertTrue(out.svgs[1].contains("fill=\"none\" stroke=\"#333333\""), "theme_bw's grey20 border")
        XCTAssertFalse(out.svgs[1].contains(grey92))
        XCTAssertTrue(out.svgs[1].contains("stroke=\"#EBEBEB\""), "theme_bw's grey92 grid")
        XCTAssertFalse(out.svgs[2].contains("stroke=\"#333333\""), "theme_minimal has no ticks")
        XCTAssertFalse(out.svgs[3].contains("stroke=\"#EBEBEB\""), "theme_classic has no grid")
        XCTAssertTrue(out.svgs[3].contains("stroke=\"#000000\""), "theme_classic's axis lines")
        XCTAssertEqual(out.svgs[4], out.svgs[0].replacingOccurrences(of: "figure-1", with: "figure-5"), "a later theme replaces an earlier one")
    }

    /// theme() settings the renderer draws, on the plot and through theme_set(), and
    /// coord_fixed's panel shape.
    func testThemeSettingsAndFixedCoordinates() throws {
        let out = try run("""
        p <- ggplot(d, aes(x, y, colour = g)) + geom_point()
        p
        p + theme(legend.position = "none")
        p + theme(panel.grid = element_blank())
        old <- theme_set(theme_bw() + theme(legend.position = "none"))
        p
        p + theme_grey()
        theme_set(old)
        p + coord_fixed()
        p + theme(aspect.ratio = 1)
        """)
        XCTAssertEqual(out.svgs.count, 7)
        XCTAssertTrue(out.svgs[0].contains(">g</text>"), "the colour legend")
        XCTAssertFalse(out.svgs[1].contains(">g</text>"), "legend.position = 'none'")
        XCTAssertTrue(out.svgs[0].contains("stroke=\"#FFFFFF\""), "theme_grey's white grid")
        XCTAssertFalse(out.svgs[2].contains("stroke=\"#FFFFFF\""), "no grid")
        XCTAssertFalse(out.svgs[3].contains(">g</text>"), "theme_set's setting")
        XCTAssertFalse(out.svgs[3].contains("fill=\"#EBEBEB\""), "theme_set's theme_bw")
        XCTAssertTrue(out.svgs[4].contains(">g</text>"), "a complete theme on the plot replaces the current one")
        func panel(_ svg: String) throws -> (width: Double, height: Double) {
            let pattern = try NSRegularExpression(pattern: "<rect[^>]*width=\"([0-9.]+)\" height=\"([0-9.]+)\"[^>]*fill=\"#EBEBEB\"")
            let match = try XCTUnwrap(pattern.firstMatch(in: svg, range: NSRange(svg.startIndex..., in: svg)))
            return (Double(svg[Range(match.range(at: 1), in: svg)!])!, Double(svg[Range(match.range(at: 2), in: svg)!])!)
        }
        // coord_fixed: x spans 1...6 and y 2...7, so the panel is square; so is aspect.ratio = 1's.
        for svg in out.svgs[5...6] {
            let size = try panel(svg)
            XCTAssertEqual(size.width, size.height, accuracy: 0.02)
        }
    }

    /// geom_abline/geom_hline with positions mapped from a data frame draw one line per row;
    /// aes_string() maps as aes() does, a backquoted name included.
    func testMappedReferenceLinesAndAesString() throws {
        let out = try run("""
        lines <- data.frame(`(Intercept)` = c(1, 2, 3), s = c(0.5, 1, 1.5), check.names = FALSE)
        p <- ggplot(d, aes(x, y)) + geom_point()
        p
        p + geom_abline(data = lines, aes_string(intercept = "`(Intercept)`", slope = "s"))
        p + geom_abline(data = lines, aes(intercept = `(Intercept)`, slope = s))
        p + geom_hline(data = lines, aes(yintercept = s))
        str(unclass(aes_string(x = "a + b", colour = "g")))
        """)
        XCTAssertEqual(out.svgs.count, 4)
        func lines(_ svg: String) -> Int { svg.components(separatedBy: "<line").count - 1 }
        XCTAssertEqual(lines(out.svgs[1]) - lines(out.svgs[0]), 3)
        XCTAssertEqual(out.svgs[2], out.svgs[1].replacingOccurrences(of: "figure-2", with: "figure-3"))
        // The hlines train the y scale (so the grid differs): count the black reference lines.
        XCTAssertEqual(out.svgs[3].components(separatedBy: "stroke=\"#000000\" stroke-width=\"1.07\"").count - 1, 3)
        XCTAssertEqual(out.errors, [])
    }

    /// Bar heights against ggplot2's layer_data(): with binwidth = 1 and the default boundary
    /// (width / 2), the values 1..6 of d$y fall in bins centred on 2, 3, 4, 5, 6 and 7.
    func testHistogramBinsAsGgplot2() throws {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        var messages: [String] = []
        let steps = try session.run(setup + "ggplot(d, aes(y)) + geom_histogram(binwidth = 1)\nggplot(d, aes(y)) + geom_histogram()\n")
        for case .message(let m) in steps.flatMap(\.events) { messages.append(m) }
        XCTAssertEqual(messages, ["`stat_bin()` using `bins = 30`. Pick better value with `binwidth`.\n"], "only the default bins say so")
        let svgs = steps.flatMap(\.events).compactMap { e -> String? in if case .plot(let svg, _, _) = e { return svg }; return nil }
        let bars = svgs[0].components(separatedBy: "fill=\"#595959\"").count - 1
        XCTAssertEqual(bars, 6, "bins centred on 2...7 for the values 2, 3, 5, 4, 6, 7")
        XCTAssertTrue(svgs[0].contains(">count</text>"))
        XCTAssertEqual(svgs[1].components(separatedBy: "fill=\"#595959\"").count - 1, 30)
    }

    func testManualColoursAndZooming() throws {
        let out = try run("""
        p <- ggplot(d, aes(x, y, colour = g)) + geom_point()
        p + scale_colour_manual(values = c("red", "blue"))
        p + scale_color_manual(values = c(b = "#00FF00", a = "black"), name = "Group")
        p + coord_cartesian(xlim = c(2, 4))
        p + scale_colour_manual(values = "red")
        """)
        XCTAssertEqual(out.errors, ["Insufficient values in manual scale. 2 needed but only 1 provided."])
        XCTAssertTrue(out.svgs[0].contains("fill=\"#FF0000\"") && out.svgs[0].contains("fill=\"#0000FF\""))
        XCTAssertFalse(out.svgs[0].contains("#F8766D"), "no hue colours left")
        XCTAssertTrue(out.svgs[1].contains("fill=\"#00FF00\"") && out.svgs[1].contains(">Group</text>"), "named values go by level")
        XCTAssertTrue(out.svgs[2].contains("clip-path=\"url(#figure-3-panel0)\""), "zoomed layers are clipped")
        XCTAssertEqual(out.svgs[2].components(separatedBy: "<circle").count - 1, 6 + 2, "coord_cartesian keeps every point (and the two legend keys)")
        XCTAssertTrue(out.warnings.isEmpty)
    }

    func testFacetWrapDrawsOnePanelPerLevelWithSharedScales() throws {
        let out = try run("""
        ggplot(d, aes(x, y)) + geom_point() + stat_smooth(method = "lm") + facet_wrap(~ g)
        ggplot(d, aes(x, y)) + geom_point() + facet_wrap(~ nope)
        """)
        XCTAssertEqual(out.svgs.count, 1)
        let svg = out.svgs[0]
        XCTAssertTrue(svg.contains(">a</text>") && svg.contains(">b</text>"), "a strip per level")
        XCTAssertEqual(svg.components(separatedBy: "fill=\"#D9D9D9\"").count - 1, 2, "two grey85 strips")
        XCTAssertEqual(svg.components(separatedBy: "fill=\"#EBEBEB\"").count - 1, 2, "two panels")
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 6)
        XCTAssertEqual(out.errors.count, 1)
        XCTAssertTrue(out.errors[0].hasPrefix("At least one layer must contain all faceting variables: `nope`."), out.errors[0])
    }

    func testDensityCurve() throws {
        let out = try run("ggplot(d, aes(y)) + geom_density(fill = \"steelblue\", alpha = 0.4)\nggplot(d[1, ], aes(y)) + geom_density()")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertTrue(svg.contains(">density</text>"))
        let line = try XCTUnwrap(svg.components(separatedBy: "<polyline points=\"").dropFirst().first?.components(separatedBy: "\"").first)
        XCTAssertEqual(line.split(separator: " ").count, 512, "512 points, as stat_density")
        XCTAssertTrue(svg.contains("fill=\"#4682B4\" fill-opacity=\"0.4\""), "the filled area")
        XCTAssertEqual(out.errors, ["need at least 2 points to select a bandwidth automatically"])
    }

    func testAestheticsOfOneValueAreRecycledOthersMustMatchTheData() throws {
        let out = try run("""
        ggplot(d, aes(x, 1)) + geom_point()
        ggplot(d, aes(g, 1)) + geom_col()
        ggplot(d, aes(x, ymin = 0, ymax = y)) + geom_errorbar()
        ggplot(d, aes(g, 1:2)) + geom_boxplot()
        ggplot(mapping = aes(1:3, 1:4)) + geom_point()
        ggplot(d, aes(y)) + geom_histogram(bins = NA)
        ggplot(d, aes(sample = NA_real_)) + geom_qq_line()
        """)
        XCTAssertEqual(out.svgs.count, 4, "recycled constants draw; the empty QQ line draws an empty plot")
        XCTAssertEqual(out.svgs[0].components(separatedBy: "<circle").count - 1, 6, "every row at y = 1")
        XCTAssertEqual(out.errors.count, 3)
        XCTAssertTrue(out.errors[0].contains("! Aesthetics must be either length 1 or the same as the data (6)\n\u{2716} Fix the following mappings: `y`"), out.errors[0])
        XCTAssertTrue(out.errors[1].contains("the same as the data (4)"), out.errors[1])
        XCTAssertEqual(out.errors[2], "`bins` must be a whole number between 1 and 1,000,000")
    }

    func testAddingSomethingElseIsAnError() throws {
        let out = try run("ggplot(d, aes(x, y)) + 3")
        XCTAssertEqual(out.errors.count, 1)
        XCTAssertTrue(out.errors[0].hasPrefix("Can't add `3` to a ggplot object."), out.errors.first ?? "")
    }

    func testDefaultSmootherIsLoessWithGgplotsMessage() throws {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        let steps = try session.run("library(ggplot2)\nggplot(mtcars, aes(wt, mpg)) + geom_point() + geom_smooth()\n"
            + "ggplot(mtcars, aes(wt, mpg)) + geom_smooth(method = \"loess\", se = FALSE)\n"
            + "ggplot(mtcars, aes(wt, mpg)) + geom_smooth(method = \"glm\")", continueAfterError: true)
        let events = steps.flatMap(\.events)
        let messages = events.compactMap { e -> String? in if case .message(let m) = e { return m }; return nil }
        XCTAssertEqual(messages, ["`geom_smooth()` using method = 'loess' and formula = 'y ~ x'\n", "`geom_smooth()` using formula = 'y ~ x'\n"])
        let svgs = events.compactMap { e -> String? in if case .plot(let svg, _, _) = e { return svg }; return nil }
        XCTAssertEqual(svgs.count, 2)
        XCTAssertTrue(svgs[0].contains("<polygon"), "the band")
        XCTAssertFalse(svgs[1].contains("<polygon"), "se = FALSE: no band")
        let errors = events.compactMap { e -> String? in if case .error(let m, _) = e { return m }; return nil }
        XCTAssertEqual(errors.count, 1)
    }

    func testMappedShapeLinetypeAndSize() throws {
        let shapes = try run("ggplot(mtcars, aes(wt, mpg, colour = factor(cyl), shape = factor(cyl))) + geom_point()")
        let svg = try XCTUnwrap(shapes.svgs.first)
        XCTAssertEqual(svg.components(separatedBy: "<polygon").count - 1, 7 + 1, "a triangle per 6-cylinder car (7) and its key")
        XCTAssertEqual(svg.components(separatedBy: ">factor(cyl)</text>").count - 1, 1, "colour and shape share one legend")
        let sized = try run("ggplot(mtcars, aes(wt, mpg, size = hp)) + geom_point()")
        let sizedSVG = try XCTUnwrap(sized.svgs.first)
        for label in ["100", "150", "200", "250", "300"] { XCTAssertTrue(sizedSVG.contains(">\(label)</text>"), "size legend \(label)") }
        let lines = try run("""
            d2 <- data.frame(t = rep(1:5, 4), y = c(1:5, 2:6, 5:1, 3:7), g = rep(c("a", "b"), each = 10), h = rep(c("x", "y", "x", "y"), each = 5))
            ggplot(d2, aes(t, y, colour = g, linetype = h)) + geom_line()
            """)
        let linesSVG = try XCTUnwrap(lines.svgs.first)
        XCTAssertEqual(linesSVG.components(separatedBy: "stroke-dasharray=\"2.14,2.14\"").count - 1, 3, "two dashed lines and the key")
        XCTAssertEqual(try run("ggplot(mtcars, aes(wt, mpg, shape = hp)) + geom_point()").errors.first?.components(separatedBy: "\n").last,
                       "! A continuous variable cannot be mapped to the shape aesthetic")
    }

    /// A fill mapped to the x variable colours each box or bar from the hue palette, with a
    /// legend titled by labs(fill =); a fill of another variable stacks the bars.
    func testMappedFillOfBoxesAndBars() throws {
        let out = try run("""
            ggplot(mtcars, aes(factor(cyl), mpg, fill = factor(cyl))) + geom_boxplot()
            ggplot(mtcars, aes(factor(gear), fill = factor(gear))) + geom_bar() + labs(fill = "Gears")
            ggplot(mtcars, aes(factor(gear), fill = factor(cyl))) + geom_bar()
            """)
        XCTAssertEqual(out.svgs.count, 3)
        for colour in ["#F8766D", "#00BA38", "#619CFF"] {
            XCTAssertEqual(out.svgs[0].components(separatedBy: "fill=\"\(colour)\"").count - 1, 2, "a box and its key in \(colour)")
        }
        XCTAssertTrue(out.svgs[1].contains(">Gears</text>"))
        // Stacked: gear 3 has all three cylinder counts, gear 4 two, gear 5 three; plus the keys.
        XCTAssertEqual(out.svgs[2].components(separatedBy: "<rect").count - out.svgs[1].components(separatedBy: "<rect").count, 8 - 3)
        XCTAssertEqual(out.errors, [])
    }

    /// Error bars coloured by group and dodged beside the dodged points: at a discrete x, two
    /// groups sit at x ∓ width / 4, and each cap is half the given width.
    func testColouredDodgedErrorBars() throws {
        let out = try run("""
            s <- data.frame(x = factor(rep(c("a", "b"), 2)), g = rep(c("F", "M"), each = 2), m = c(3, 4, 3.5, 4.2), se = c(0.3, 0.4, 0.5, 0.3))
            ggplot(s, aes(x, m, colour = g)) + geom_errorbar(aes(ymin = m - se, ymax = m + se), width = 0.2, position = position_dodge(width = 0.4))
            """)
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertEqual(out.errors, [])
        XCTAssertTrue(svg.contains(">F</text>") && svg.contains(">M</text>"), "the colour legend")
        // Vertical segments (x1 == x2) are the bars: group F at a and b, then group M.
        func bars(_ colour: String) -> [Double] {
            var found: [Double] = []
            for line in svg.components(separatedBy: "<line x1=\"").dropFirst() where line.contains("stroke=\"" + colour + "\"") {
                let parts: [String] = line.components(separatedBy: "\"")
                if parts.count > 4, parts[0] == parts[4], let x = Double(parts[0]) { found.append(x) }
            }
            return found
        }
        let f = bars("#F8766D"), m = bars("#00BFC4")
        XCTAssertGreaterThanOrEqual(f.count, 2)
        XCTAssertGreaterThanOrEqual(m.count, 1)
        let (fa, fb, ma) = (f[0], f[1], m[0])
        // One x unit is fb - fa; M sits 0.2 units right of F at the same x.
        XCTAssertEqual((ma - fa) / (fb - fa), 0.2, accuracy: 1e-3)
        XCTAssertTrue(svg.contains("stroke=\"#F8766D\"") && svg.contains("stroke=\"#00BFC4\""))
    }

    /// Dodged bars and boxes at ggplot2's positions (layer_data): bars 0.9 / n wide side by side;
    /// boxes, when some x holds two, 0.75 / n wide less 10% padding, centred at x ∓ 0.1875.
    func testDodgedBarsAndBoxes() throws {
        let out = try run("""
            ggplot(mtcars, aes(factor(gear), fill = factor(cyl))) + geom_bar(position = "dodge")
            ggplot(mtcars, aes(factor(gear), mpg, fill = factor(am))) + geom_boxplot()
            """)
        XCTAssertEqual(out.errors, [])
        func rects(_ svg: String, _ colour: String) -> [(x: Double, width: Double)] {
            var found: [(Double, Double)] = []
            for piece in svg.components(separatedBy: "<rect x=\"").dropFirst() where piece.contains("fill=\"" + colour + "\"") {
                let parts: [String] = piece.components(separatedBy: "\"")
                if parts.count > 6, let x = Double(parts[0]), let w = Double(parts[4]) { found.append((x, w)) }
            }
            return found
        }
        // Gear 3's cylinder-4 bar spans x 0.55 to 0.85 and gear 4's 1.55 to 2.00 (layer_data).
        let red = rects(out.svgs[0], "#F8766D")
        XCTAssertGreaterThanOrEqual(red.count, 3)
        let unit = (red[1].x - red[0].x) / (1.55 - 0.55)
        XCTAssertEqual(red[0].width / unit, 0.30, accuracy: 1e-3)
        XCTAssertEqual(red[1].width / unit, 0.45, accuracy: 1e-3)
        // Boxes: gear 3 alone (0.6625 to 1.3375), gear 4 two of 0.3375 (1.64375 and 2.01875).
        let left = rects(out.svgs[1], "#F8766D"), right = rects(out.svgs[1], "#00BFC4")
        let boxUnit = (left[1].x - left[0].x) / (1.64375 - 0.6625)
        XCTAssertEqual(left[0].width / boxUnit, 0.675, accuracy: 1e-3)
        XCTAssertEqual(left[1].width / boxUnit, 0.3375, accuracy: 1e-3)
        XCTAssertEqual((right[0].x - left[0].x) / boxUnit, 2.01875 - 0.6625, accuracy: 1e-3)
    }

    /// A fill on a histogram stacks each bin's counts by level over shared breaks.
    func testStackedHistogram() throws {
        let out = try run("ggplot(mtcars, aes(mpg, fill = factor(am))) + geom_histogram(bins = 10)")
        let svg = try XCTUnwrap(out.svgs.first)
        for colour in ["#F8766D", "#00BFC4"] {
            XCTAssertEqual(svg.components(separatedBy: "fill=\"\(colour)\"").count - 1, 10 + 1, "a segment per bin and the key")
        }
        XCTAssertTrue(svg.contains(">factor(am)</text>"))
    }

    /// Rows outside scale limits are dropped from every per-row aesthetic alike, so shapes,
    /// linetypes and sizes stay with their points; this once indexed past the kept rows.
    func testCensoredRowsKeepMappedAestheticsAligned() throws {
        let out = try run("""
            d3 <- data.frame(x = 1:6, y = c(1, 2, 30, 4, 5, 6), g = rep(c("a", "b"), 3))
            ggplot(d3, aes(x, y, linetype = g, shape = g, size = x)) + geom_point() + geom_line() + scale_y_continuous(limits = c(0, 10))
            """)
        XCTAssertEqual(out.errors, [])
        XCTAssertEqual(out.svgs.count, 1)
        XCTAssertEqual(out.warnings.count, 2, "one removed row reported per layer")
    }

    /// A span R's loess refuses leaves the smooth out with ggplot2's warning in R's words.
    func testUnusableSpanIsGgplotsWarning() throws {
        let zero = try run("ggplot(mtcars, aes(wt, mpg)) + geom_smooth(span = 0)")
        XCTAssertEqual(zero.svgs.count, 1)
        XCTAssertEqual(zero.warnings, ["Computation failed in `stat_smooth()`\nCaused by error in `simpleLoess()`:\n! span is too small"])
        let missing = try run("ggplot(mtcars, aes(wt, mpg)) + geom_smooth(span = NA)")
        XCTAssertEqual(missing.warnings.first?.components(separatedBy: "\n").last, "! NA/NaN/Inf in foreign function call (arg 7)")
        XCTAssertEqual(try run("ggplot(mtcars, aes(wt, mpg)) + geom_smooth(span = 1e300)").errors, [])
    }

    /// geom_segment draws one straight line per row from (x, y) to (xend, yend), black by
    /// default; missing ends are ggplot2's error; a mapped colour is refused rather than ignored.
    func testSegmentsOnePerRow() throws {
        let out = try run("ggplot(d, aes(x, y)) + geom_segment(aes(xend = x + 0.5, yend = y), colour = \"red\")")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertEqual(out.errors, [])
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 6)
        XCTAssertTrue(svg.contains("stroke=\"#FF0000\""))
        let missing = try run("ggplot(d, aes(x, y)) + geom_segment()")
        XCTAssertEqual(missing.errors, ["`geom_segment()` requires the following missing aesthetics: xend and yend"])
        let mapped = try run("ggplot(d, aes(x, y)) + geom_segment(aes(xend = x, yend = y + 1, colour = g))")
        XCTAssertEqual(mapped.errors, ["geom_segment(aes(colour = )) is not drawn yet"])
    }

    /// geom_ribbon fills the band between ymin and ymax, grey20 unless a fill is given, with the
    /// layer's alpha; the band widens the y axis.
    func testRibbonFillsTheBand() throws {
        let out = try run("ggplot(d, aes(x)) + geom_ribbon(aes(ymin = y - 10, ymax = y + 1), alpha = 0.3)")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertEqual(out.errors, [])
        XCTAssertTrue(svg.contains("<polygon"))
        XCTAssertTrue(svg.contains("#333333"), "grey20")
        XCTAssertTrue(svg.contains(">-5</text>"), "the axis reaches down to the band's lower edge")
        let filled = try run("ggplot(d, aes(x)) + geom_ribbon(aes(ymin = y - 1, ymax = y + 1), fill = \"steelblue\")")
        XCTAssertTrue(try XCTUnwrap(filled.svgs.first).contains("#4682B4"))
    }

    /// xlim() and ylim() are continuous scales with limits: data outside them is removed with
    /// ggplot2's warning.
    func testXlimAndYlimCensor() throws {
        let out = try run("ggplot(d, aes(x, y)) + geom_point() + xlim(1, 5) + ylim(0, 5.5)")
        XCTAssertEqual(out.errors, [])
        XCTAssertEqual(out.warnings, ["Removed 2 rows containing missing values (`geom_point()`)."])
    }

    /// stat_summary: one summary per x, drawn by the layer's geom; mean_se by default (with
    /// ggplot2's message), fun alone draws points.
    func testSummaryStatDrawsMeansPerX() throws {
        let out = try run("ggplot(d, aes(g, y)) + geom_point() + stat_summary(geom = \"point\", size = 3, colour = \"red\")")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertEqual(out.errors, [])
        XCTAssertTrue(svg.contains("<g fill=\"#FF0000\">"), "the summaries in red")
        XCTAssertEqual(svg.components(separatedBy: "r=\"3.9\"").count - 1, 2, "one size-3 point per level of g")
        let ranges = try FigureRun(setup + "ggplot(d, aes(g, y)) + stat_summary()")
        XCTAssertEqual(ranges.messages, ["No summary function supplied, defaulting to `mean_se()`\n"])
        XCTAssertEqual(ranges.errors, [])
        let means = try run("ggplot(d, aes(x, y)) + stat_summary(fun = mean, geom = \"line\")")
        XCTAssertEqual(means.errors, [])
        XCTAssertEqual(try XCTUnwrap(means.svgs.first).components(separatedBy: "<polyline").count - 1, 1)
    }

    /// The discrete viridis and ColorBrewer scales colour the levels with R's palettes.
    func testViridisAndBrewerPalettes() throws {
        let viridis = try run("ggplot(d, aes(x, y, colour = s)) + geom_point() + scale_colour_viridis_d()")
        let v = try XCTUnwrap(viridis.svgs.first)
        XCTAssertTrue(v.contains("#440154") && v.contains("#FDE725"), "viridis(6) runs from purple to yellow")
        let brewer = try run("ggplot(d, aes(g, fill = g)) + geom_bar() + scale_fill_brewer(palette = \"Set1\")")
        let b = try XCTUnwrap(brewer.svgs.first)
        XCTAssertTrue(b.contains("#E41A1C") && b.contains("#377EB8"), "Set1's first two colours")
        let unknown = try run("ggplot(d, aes(g, fill = g)) + geom_bar() + scale_fill_brewer(palette = \"Nope\")")
        XCTAssertEqual(unknown.errors, ["Unknown palette: \"Nope\""])
    }

    /// theme_light draws a grey70 border and ticks over a white panel with a grey87 grid.
    func testThemeLight() throws {
        let svg = try XCTUnwrap(try run("ggplot(d, aes(x, y)) + geom_point() + theme_light()").svgs.first)
        XCTAssertTrue(svg.contains("#B3B3B3"), "grey70 border and ticks")
        XCTAssertTrue(svg.contains("#DEDEDE"), "grey87 grid")
    }

    /// scale_x_discrete and scale_shape name the axis and legend and relabel the levels; a
    /// count of labels unlike the levels' is an error.
    func testDiscreteScalesRelabel() throws {
        let out = try run("ggplot(d, aes(g, y, shape = g)) + geom_point() + scale_x_discrete(\"Group\", labels = c(\"first\", \"second\")) + scale_shape(\"Kind\", labels = c(\"A\", \"B\"))")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertTrue(svg.contains(">Group</text>") && svg.contains(">first</text>") && svg.contains(">second</text>"))
        XCTAssertTrue(svg.contains(">Kind</text>") && svg.contains(">A</text>"))
        XCTAssertFalse(svg.contains(">a</text>"))
        let wrong = try run("ggplot(d, aes(g, y)) + geom_point() + scale_x_discrete(labels = c(\"one\"))")
        XCTAssertEqual(wrong.errors, ["`breaks` and `labels` must have the same length"])
    }

    /// stat_density fills the area under the density grey20 without an outline.
    func testStatDensityFillsAnArea() throws {
        let svg = try XCTUnwrap(try run("ggplot(d, aes(y)) + stat_density()").svgs.first)
        XCTAssertTrue(svg.contains("<polygon") && svg.contains("#333333"))
        XCTAssertFalse(svg.contains("<polyline"), "no outline")
    }

    /// facet_grid: a panel per row and column level (empty ones too), column strips on top,
    /// row strips on the right.
    func testFacetGridLaysOutRowsAndColumns() throws {
        let out = try run("ggplot(d, aes(x, y)) + geom_point() + facet_grid(g ~ s)")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertEqual(out.errors, [])
        for level in ["a", "b", "p", "u"] { XCTAssertTrue(svg.contains(">\(level)</text>"), level) }
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 6)
        XCTAssertTrue(svg.contains("rotate(90"), "row strips read downwards")
        let columns = try run("ggplot(d, aes(x, y)) + geom_point() + facet_grid(. ~ g)")
        XCTAssertEqual(columns.errors, [])
        XCTAssertFalse(try XCTUnwrap(columns.svgs.first).contains("rotate(90"), "no row strips")
        let byVars = try run("ggplot(d, aes(x, y)) + geom_point() + facet_grid(rows = vars(g))")
        XCTAssertEqual(byVars.errors, [])
        let several = try run("ggplot(d, aes(x, y)) + geom_point() + facet_grid(g + s ~ .)")
        XCTAssertEqual(several.errors, ["facet_grid() of several variables a side is not drawn yet"])
    }

    /// geom_violin: one mirrored density per level of x, white with a grey20 outline, the
    /// widest scaled to the given width.
    func testViolinsPerLevel() throws {
        let out = try run("ggplot(d, aes(g, y)) + geom_violin()")
        let svg = try XCTUnwrap(out.svgs.first)
        XCTAssertEqual(out.errors, [])
        XCTAssertEqual(svg.components(separatedBy: "<polygon").count - 1, 2)
        XCTAssertTrue(svg.contains("fill=\"#FFFFFF\" stroke=\"#333333\""))
    }

    func testFacetWrapTakesNcolAndNrow() throws {
        let byColumns = try run("ggplot(d, aes(x, y)) + geom_point() + facet_wrap(~ s, ncol = 2)")
        let svg = try XCTUnwrap(byColumns.svgs.first)
        // Six panels in two columns: three rows of strips.
        let stripTops = Set(svg.components(separatedBy: "<text").dropFirst().compactMap { part -> String? in
            guard part.contains(">p<") || part.contains(">r<") || part.contains(">t<") else { return nil }
            return part.components(separatedBy: "y=\"").dropFirst().first?.components(separatedBy: "\"").first
        })
        XCTAssertEqual(stripTops.count, 3, "p, r and t start the three rows")
        XCTAssertEqual(try run("ggplot(d, aes(x, y)) + geom_point() + facet_wrap(~ s, nrow = 0)").errors,
                       ["`nrow` must be a whole number larger than or equal to 1."])
    }
}
