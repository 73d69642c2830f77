import Foundation

/// Draws a BasePlot as SVG with base R's defaults (pointsize 12): par(mar = c(5.1, 4.1, 4.1,
/// 2.1)) lines of 0.2 inch, the user range 4% beyond the limits, ticks from GEPretty 0.5 lines
/// long, labels on line 1, axis titles on line 3, a bold title 1.2 times larger, the box around
/// the plot region. Sizes are in points.
public enum BasePlotRenderer {
    static let line = 14.4
    static let fontSize = 12.0
    public static let black = Colour(red: 0, green: 0, blue: 0)
    /// strwidth(" ") and strheight(" ") in points at cex 1, from Helvetica's metrics: a space is
    /// 0.278 em wide, and R measures a string's height by the ascent of "M", 0.718 em.
    public static let spaceWidth = 0.278 * fontSize
    public static let stringHeight = 0.718 * fontSize
    public static let white = Colour(red: 1, green: 1, blue: 1)
    /// lattice's default symbol colour (trellis.par.get("plot.symbol")$col).
    static let latticeBlue = Colour(hex: "#0080FF") ?? Colour(red: 0, green: 0.5, blue: 1)

    /// The user range par("usr") for limits `r` with xaxs = "r": 4% of the range added each side,
    /// or for a single value, 4% of its size (1 if it is 0).
    public static func userRange(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
        var lo = r.lowerBound, hi = r.upperBound
        if lo == hi {
            let d = lo == 0 ? 1 : abs(lo) * 0.4
            lo -= d
            hi += d
        }
        let pad = (hi - lo) * 0.04
        return (lo - pad)...(hi + pad)
    }

    public static func render(_ plot: BasePlot, id: String = "figure") -> String {
        var svg = SVGWriter(width: plot.width * 72, height: plot.height * 72)
        draw(plot, into: &svg, id: id, cex: 1)
        return svg.document(title: title(plot), description: plot.altText ?? describe(plot), id: id)
    }

    /// Width and height in points of the plot region inside a figure of the given size in
    /// points, with par(mar)'s default margins at this cex.
    public static func plotRegion(width: Double, height: Double, cex: Double = 1) -> (width: Double, height: Double) {
        (width - (4.1 + 2.1) * line * cex, height - (4.1 + 5.1) * line * cex)
    }

    /// The labels axis() draws along an axis, by index: in the order of the tick values, each
    /// one whose extent starts at least the width of "m" past the end of the last one drawn.
    static func spacedLabels(_ labels: [(position: Double, text: String)], size: Double) -> Set<Int> {
        let gap = PlotRenderer.textWidth("m", size: size)
        var shown = Set<Int>(), last: (position: Double, half: Double)?
        for (k, label) in labels.enumerated() {
            let half = PlotRenderer.textWidth(label.text, size: size) / 2
            if let last, abs(label.position - last.position) - last.half - half < gap { continue }
            shown.insert(k)
            last = (label.position, half)
        }
        return shown
    }

    static func title(_ plot: BasePlot) -> String {
        let title = plot.main ?? plot.caption ?? ([plot.yLabel, plot.xLabel].filter { !$0.isEmpty }.joined(separator: " against "))
        return title.isEmpty ? "Plot" : title
    }

    /// Draws the figure over the whole of `svg`, its text, margins and symbols scaled by cex.
    static func draw(_ plot: BasePlot, into svg: inout SVGWriter, id: String, cex: Double) {
        let line = Self.line * cex, fontSize = Self.fontSize * cex, radius = 2.7 * cex
        let W = svg.width, H = svg.height
        svg.rect(x: 0, y: 0, width: W, height: H, fill: white)
        let m = plot.margins.count == 4 ? plot.margins : BasePlot.defaultMargins
        let left = m[1] * line, right = W - m[3] * line, top = m[2] * line, bottom = H - m[0] * line
        let xr = userRange(plot.xLimits), yr = userRange(plot.yLimits)
        func px(_ x: Double) -> Double { left + (x - xr.lowerBound) / (xr.upperBound - xr.lowerBound) * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - yr.lowerBound) / (yr.upperBound - yr.lowerBound) * (bottom - top) }
        let symbolColour = plot.lattice ? latticeBlue : black

        let tick = 0.5 * line
        let xTicks: [(Double, String)] = plot.xAxisLabels.map { $0.map { ($0.at, $0.label) } }
            ?? { let t = Pretty.axisTicks(xr.lowerBound, xr.upperBound); return Array(zip(t, Breaks.labels(t))) }()
        let yTickValues = Pretty.axisTicks(yr.lowerBound, yr.upperBound)
        let yTicks = Array(zip(yTickValues, Breaks.labels(yTickValues)))
        svg.beginClip(id: "\(id)-region", x: left, y: top, width: right - left, height: bottom - top)
        if plot.lattice {
            // xyplot(type = c("p", "g")) with abline(h = 0), as lme4's plot.merMod draws.
            let grid = Colour(hex: "#E6E6E6") ?? white
            for (x, _) in xTicks { svg.line(x1: px(x), y1: top, x2: px(x), y2: bottom, stroke: grid, width: 0.75) }
            for (y, _) in yTicks { svg.line(x1: left, y1: py(y), x2: right, y2: py(y), stroke: grid, width: 0.75) }
            svg.line(x1: left, y1: py(0), x2: right, y2: py(0), stroke: black, width: 0.75)
        }
        for element in plot.elements {
            switch element {
            case .points(let x, let y, let colours, let filled):
                // Points of one colour are drawn together, in the order the colours first appear.
                var groups: [(Colour, [(Double, Double)])] = []
                for (i, (a, b)) in zip(x, y).enumerated() where a.isFinite && b.isFinite {
                    let colour = plot.lattice ? symbolColour : (colours.isEmpty ? black : colours[i % colours.count])
                    if let k = groups.firstIndex(where: { $0.0 == colour }) { groups[k].1.append((px(a), py(b))) }
                    else { groups.append((colour, [(px(a), py(b))])) }
                }
                for (colour, centres) in groups {
                    if filled { svg.circles(centres, radius: radius, fill: colour) }
                    else { svg.openCircles(centres, radius: radius, stroke: colour, width: 0.75) }
                }
            case .lines(let x, let y, let colour, let width, let lineType):
                let dash = lineType.dashArray(width: width)
                var run: [(Double, Double)] = []
                for (a, b) in zip(x, y) {
                    if a.isFinite && b.isFinite { run.append((px(a), py(b))); continue }
                    svg.polyline(run, stroke: colour, width: width, dash: dash)
                    run = []
                }
                svg.polyline(run, stroke: colour, width: width, dash: dash)
            case .rects(let x0, let x1, let y0, let y1, let fill, let border):
                for i in x0.indices {
                    let a = px(x0[i]), b = px(x1[i]), c = py(y1[i]), d = py(y0[i])
                    svg.rect(x: min(a, b), y: min(c, d), width: abs(b - a), height: abs(d - c), fill: fill, stroke: border, strokeWidth: 0.75)
                }
            case .straightLine(let a, let b, let h, let v, let colour, let width, let lineType):
                let dash = lineType.dashArray(width: width)
                if let h {
                    svg.polyline([(left, py(h)), (right, py(h))], stroke: colour, width: width, dash: dash)
                } else if let v {
                    svg.polyline([(px(v), top), (px(v), bottom)], stroke: colour, width: width, dash: dash)
                } else {
                    let x0 = xr.lowerBound, x1 = xr.upperBound
                    svg.polyline([(px(x0), py(a + b * x0)), (px(x1), py(a + b * x1))], stroke: colour, width: width, dash: dash)
                }
            case .box(let x, let stats, let outliers, let half, let fill):
                // boxplot(): dashed whiskers ending in staples half the box wide, a thick median.
                let l = px(x - half), r = px(x + half), c = px(x)
                let staple = (r - l) / 4
                svg.polyline([(c, py(stats[0])), (c, py(stats[1]))], stroke: black, width: 0.75, dash: "4,4")
                svg.polyline([(c, py(stats[3])), (c, py(stats[4]))], stroke: black, width: 0.75, dash: "4,4")
                svg.line(x1: c - staple, y1: py(stats[0]), x2: c + staple, y2: py(stats[0]), stroke: black, width: 0.75)
                svg.line(x1: c - staple, y1: py(stats[4]), x2: c + staple, y2: py(stats[4]), stroke: black, width: 0.75)
                svg.rect(x: l, y: py(stats[3]), width: r - l, height: py(stats[1]) - py(stats[3]), fill: fill, stroke: black, strokeWidth: 0.75)
                svg.line(x1: l, y1: py(stats[2]), x2: r, y2: py(stats[2]), stroke: black, width: 2.25)
                svg.openCircles(outliers.map { (c, py($0)) }, radius: radius, stroke: black, width: 0.75)
            case .legend(let label, let colour, let lineType):
                // bty = "n", x.intersp = 1/4: a two-character key, then the label in the key's colour.
                let size = fontSize, y = bottom - 0.75 * size, x = left + 0.5 * size
                svg.polyline([(x, y), (x + 2 * size, y)], stroke: colour, width: 0.75, dash: lineType.dashArray(width: 0.75))
                svg.text(label, x: x + 2.25 * size, y: y + 0.35 * size, size: size, colour: colour)
            case .keyedLegend(let legend):
                drawLegend(legend, in: &svg, plotArea: (left, right, top, bottom), px: px, py: py, size: fontSize, radius: radius)
            case .labels: break
            }
        }
        svg.endGroup()
        // Point labels may run into the margins (xpd = TRUE).
        for case .labels(let x, let y, let labels, let position, let drop) in plot.elements {
            let size = 0.75 * fontSize, offset = 0.25 * size
            for i in labels.indices where i < x.count && i < y.count && x[i].isFinite && y[i].isFinite {
                let down = (i < drop.count ? drop[i] : 0) * cex
                let (cx, cy) = (px(x[i]), py(y[i]) + down)
                switch position {
                case 0: svg.text(labels[i], x: cx, y: cy + 0.35 * fontSize, size: fontSize, colour: black)
                case 1: svg.text(labels[i], x: cx, y: cy + 0.35 * fontSize, size: fontSize, colour: black, anchor: .middle)
                case 2: svg.text(labels[i], x: cx - offset, y: cy + 0.35 * size, size: size, colour: black, anchor: .end)
                case 3: svg.text(labels[i], x: cx, y: cy - offset - 0.2 * size, size: size, colour: black, anchor: .middle)
                default: svg.text(labels[i], x: cx + offset, y: cy + 0.35 * size, size: size, colour: black)
                }
            }
        }

        // The box, the axes and the titles.
        svg.rect(x: left, y: top, width: right - left, height: bottom - top, fill: nil, stroke: black, strokeWidth: 0.75)
        let labelSize = plot.lattice ? fontSize * 0.8 : fontSize
        // axis() leaves out a label that would come within gap.axis (one "m") of the last one drawn.
        let xShown = plot.lattice ? Set(xTicks.indices) : spacedLabels(xTicks.map { (px($0.0), $0.1) }, size: labelSize)
        let yShown = plot.lattice ? Set(yTicks.indices) : spacedLabels(yTicks.map { (py($0.0), $0.1) }, size: fontSize)
        for (k, (value, label)) in xTicks.enumerated() {
            let x = px(value)
            svg.line(x1: x, y1: bottom, x2: x, y2: bottom + tick, stroke: black, width: 0.75)
            guard xShown.contains(k) else { continue }
            svg.text(label, x: x, y: bottom + (plot.lattice ? tick + labelSize : line + fontSize * 0.75), size: labelSize,
                     colour: black, anchor: .middle)
        }
        for (k, (value, label)) in yTicks.enumerated() {
            let y = py(value)
            svg.line(x1: left, y1: y, x2: left - tick, y2: y, stroke: black, width: 0.75)
            guard yShown.contains(k) else { continue }
            if plot.lattice {
                svg.text(label, x: left - tick - 2, y: y + labelSize * 0.35, size: labelSize, colour: black, anchor: .end)
            } else {
                // las = 0: labels parallel to the axis, on line 1.
                svg.text(label, x: left - line, y: y, size: fontSize, colour: black, anchor: .middle, rotate: -90)
            }
        }
        if !plot.xLabel.isEmpty {
            svg.text(plot.xLabel, x: (left + right) / 2, y: bottom + 3 * line + fontSize * 0.75, size: fontSize, colour: black, anchor: .middle)
        }
        if !plot.yLabel.isEmpty {
            svg.text(plot.yLabel, x: left - 3 * line + fontSize * 0.25, y: (top + bottom) / 2, size: fontSize, colour: black,
                     anchor: .middle, rotate: -90)
        }
        if let caption = plot.caption {
            // Lines of a caption stack upwards from line 0.25.
            for (k, text) in caption.split(separator: "\n", omittingEmptySubsequences: false).reversed().enumerated() {
                // mtext's cex is not multiplied by par("cex"): the caption keeps its size on a page.
                svg.text(String(text), x: (left + right) / 2, y: top - 0.45 * line - Double(k) * line, size: Self.fontSize,
                         colour: black, anchor: .middle)
            }
        }
        if let note = plot.xAxisNote {
            svg.text(note, x: left, y: bottom + 0.25 * line + fontSize * 0.75, size: fontSize, colour: black)
        }
        if let subtitle = plot.subtitle {
            svg.text(subtitle, x: (left + right) / 2, y: bottom + 4 * line + fontSize * 0.75, size: fontSize, colour: black, anchor: .middle)
        }
        if let axis = plot.rightAxisLabels {
            // axis(4, tck = 0, las = 2, mgp = c(0.25, 0.25, 0), cex.axis = 0.75).
            for (value, label) in zip(axis.at, axis.labels) where value >= yr.lowerBound && value <= yr.upperBound {
                svg.text(label, x: right + 0.25 * line, y: py(value) + 0.35 * 0.75 * fontSize, size: 0.75 * fontSize, colour: axis.colour)
            }
        }
        if let main = plot.main {
            svg.text(main, x: (left + right) / 2, y: top - 1.7 * line, size: fontSize * 1.2, colour: black, anchor: .middle, bold: true)
        }
    }

    /// A sentence for screen readers: what is drawn, on which axes.
    static func describe(_ plot: BasePlot) -> String {
        var kinds: [String] = []
        for element in plot.elements {
            let kind: String
            switch element {
            case .points(let x, _, _, _): kind = "\(x.count) points"
            case .keyedLegend(let legend): kind = "a legend for " + legend.entries.map(\.label).joined(separator: ", ")
            case .lines: kind = "a line"
            case .rects(let x, _, _, _, _, _): kind = "\(x.count) bars"
            case .straightLine: kind = "a reference line"
            case .box: kind = "box plots"
            case .labels(_, _, let labels, _, _): kind = "labels " + labels.joined(separator: ", ")
            case .legend(let label, _, _): kind = "a legend for \(label)"
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        let axes = "x axis \(plot.xLabel.isEmpty ? "unlabelled" : plot.xLabel), y axis \(plot.yLabel.isEmpty ? "unlabelled" : plot.yLabel)"
        return (kinds.isEmpty ? "An empty plot" : kinds.joined(separator: ", ").capitalizedFirst) + "; " + axes + "."
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
