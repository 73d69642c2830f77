import Foundation

/// lattice's dotplot of conditional modes (lme4's dotplot.ranef.mer, the caterpillar plot): one
/// panel per random-effect column side by side, levels down the y axis ordered by the first
/// column, each mode a blue dot with a black ±1.96 conditional-SD segment, grey guide lines at
/// each level and at 0, the grouping factor as the title.
public struct DotPlot {
    public var width = 7.0
    public var height = 5.0
    public var title: String
    /// Level names, bottom to top.
    public var levels: [String]
    public var panels: [Panel]
    public var altText: String?

    public struct Panel {
        public var strip: String
        /// Values and half-widths in the order of `levels`; no half-widths without condVar.
        public var values: [Double]
        public var halfWidths: [Double]?
        /// The k-th half-width, nil without one.
        func halfWidth(_ k: Int) -> Double? {
            guard let halfWidths, k < halfWidths.count else { return nil }
            return halfWidths[k]
        }

        public init(strip: String, values: [Double], halfWidths: [Double]?) {
            self.strip = strip
            self.values = values
            self.halfWidths = halfWidths
        }
    }

    public init(title: String, levels: [String], panels: [Panel]) {
        self.title = title
        self.levels = levels
        self.panels = panels
    }
}

/// Draws a DotPlot in lattice's default look: peach strips, a shared x scale 4% beyond the
/// data's range with ticks alternating between the bottom and top of the panels.
public enum DotPlotRenderer {
    static let stripFill = Colour(hex: "#FFE5CC") ?? Colour(red: 1, green: 0.9, blue: 0.8)
    static let guide = Colour(hex: "#E6E6E6") ?? Colour(red: 0.9, green: 0.9, blue: 0.9)
    static let dot = Colour(hex: "#0080FF") ?? Colour(red: 0, green: 0.5, blue: 1)
    static let black = Colour(red: 0, green: 0, blue: 0)

    public static func render(_ plot: DotPlot, id: String = "figure") -> String {
        let W = plot.width * 72, H = plot.height * 72
        var svg = SVGWriter(width: W, height: H)
        svg.rect(x: 0, y: 0, width: W, height: H, fill: Colour(red: 1, green: 1, blue: 1))
        let labelSize = 9.6, stripHeight = 14.4
        let labelWidth = plot.levels.map { PlotRenderer.textWidth($0, size: labelSize) }.max() ?? 0
        let left = 10 + labelWidth + 8, right = W - 10
        let top = 10 + 17.3 + 8 + labelSize + 8, bottom = H - 10 - labelSize - 10
        let panelTop = top + stripHeight
        // The x range over every panel: values and their intervals, widened 4%.
        var all: [Double] = [0]
        for panel in plot.panels {
            for (k, v) in panel.values.enumerated() {
                let h = panel.halfWidth(k) ?? 0
                all += [v - h, v + h]
            }
        }
        let finite = all.filter(\.isFinite)
        var lo = finite.min() ?? -1, hi = finite.max() ?? 1
        if lo == hi { lo -= 1; hi += 1 }
        let pad = (hi - lo) * 0.04
        lo -= pad
        hi += pad
        let ticks = Pretty.axisTicks(lo, hi)
        let labels = Breaks.labels(ticks)
        let count = max(plot.panels.count, 1)
        let panelWidth = (right - left) / Double(count)
        let rows = max(plot.levels.count, 1)
        func py(_ k: Int) -> Double { bottom - (Double(k) + 0.5) / Double(rows) * (bottom - panelTop) }

        svg.text(plot.title, x: (left + right) / 2, y: 10 + 14.4, size: 14.4, colour: black, anchor: .middle, bold: true)
        for (p, panel) in plot.panels.enumerated() {
            let x0 = left + Double(p) * panelWidth, x1 = x0 + panelWidth
            func px(_ v: Double) -> Double { x0 + (v - lo) / (hi - lo) * panelWidth }
            for k in 0..<plot.levels.count { svg.line(x1: x0, y1: py(k), x2: x1, y2: py(k), stroke: guide, width: 0.75) }
            svg.line(x1: px(0), y1: panelTop, x2: px(0), y2: bottom, stroke: guide, width: 0.75)
            for (k, v) in panel.values.enumerated() where v.isFinite {
                if let h = panel.halfWidth(k), h.isFinite {
                    svg.line(x1: px(v - h), y1: py(k), x2: px(v + h), y2: py(k), stroke: black, width: 0.75)
                }
            }
            svg.circles(panel.values.enumerated().filter { $0.element.isFinite }.map { (px($0.element), py($0.offset)) },
                        radius: 2.2, fill: dot)
            svg.rect(x: x0, y: top, width: panelWidth, height: stripHeight, fill: stripFill, stroke: black, strokeWidth: 0.75)
            svg.text(panel.strip, x: (x0 + x1) / 2, y: top + stripHeight * 0.75, size: labelSize * 1.25, colour: black, anchor: .middle)
            svg.rect(x: x0, y: panelTop, width: panelWidth, height: bottom - panelTop, fill: nil, stroke: black, strokeWidth: 0.75)
            // lattice alternates the shared axis: below the odd panels, above the even ones.
            let below = p % 2 == 0
            for (t, label) in zip(ticks, labels) {
                let x = px(t)
                if below {
                    svg.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: black, width: 0.75)
                    svg.text(label, x: x, y: bottom + 4 + labelSize, size: labelSize, colour: black, anchor: .middle)
                } else {
                    svg.line(x1: x, y1: top, x2: x, y2: top - 4, stroke: black, width: 0.75)
                    svg.text(label, x: x, y: top - 6, size: labelSize, colour: black, anchor: .middle)
                }
            }
        }
        for (k, level) in plot.levels.enumerated() {
            svg.line(x1: left - 4, y1: py(k), x2: left, y2: py(k), stroke: black, width: 0.75)
            svg.text(level, x: left - 6, y: py(k) + labelSize * 0.35, size: labelSize, colour: black, anchor: .end)
        }
        let description = plot.altText ?? "Conditional modes of the random effects for \(plot.title), \(plot.levels.count) levels"
            + " in order, with 95% intervals, one panel each for \(plot.panels.map(\.strip).joined(separator: ", "))."
        return svg.document(title: plot.title, description: description, id: id)
    }
}
