/// How base R's legend() lays a legend out, in points: a character is 0.15 in wide and 0.2 in
/// high (par("cin")), rows are one character high, a line key is two characters long
/// (seg.len = 2), a filled square one, and labels start one character after their key
/// (x.intersp = 1); the box adds half a character on each side and a character of height.
extension BasePlotRenderer {
    struct LegendLayout {
        var left: Double, top: Double, width: Double, height: Double
        var characterWidth: Double, rowHeight: Double
        var hasLines: Bool, hasFill: Bool
        /// Where each label starts and the middle of its row.
        var textX: Double
        var rowCentres: [Double]
        var titleCentre: Double?
    }

    static func layout(_ legend: BaseLegend, plotArea: (left: Double, right: Double, top: Double, bottom: Double),
                       px: (Double) -> Double, py: (Double) -> Double, size: Double) -> LegendLayout {
        let scale = legend.textScale
        let xc = 0.15 * 72 * scale, yc = 0.2 * 72 * scale
        let textSize = size * scale
        let hasLines = legend.entries.contains { $0.lineType != nil || $0.symbol != nil }
        let hasFill = legend.entries.contains { $0.fill != nil }
        let keyWidth = (hasLines ? 2 * xc : 0) + (hasFill ? xc : 0)
        let textWidth = legend.entries.map { PlotRenderer.textWidth($0.label, size: textSize) }.max() ?? 0
        let titleWidth = legend.title.map { PlotRenderer.textWidth($0, size: textSize) } ?? 0
        let width = max(keyWidth + textWidth + 2 * xc, titleWidth + xc)
        let height = Double(legend.entries.count + (legend.title == nil ? 0 : 1)) * yc + yc
        let (left, top): (Double, Double)
        switch legend.placement {
        case .point(let x, let y):
            left = px(x); top = py(y)
        case .keyword(let word, let inset):
            let dx = inset * (plotArea.right - plotArea.left), dy = inset * (plotArea.bottom - plotArea.top)
            left = word.hasSuffix("left") ? plotArea.left + dx
                : word.hasSuffix("right") ? plotArea.right - dx - width
                : (plotArea.left + plotArea.right - width) / 2
            top = word.hasPrefix("top") ? plotArea.top + dy
                : word.hasPrefix("bottom") ? plotArea.bottom - dy - height
                : (plotArea.top + plotArea.bottom - height) / 2
        }
        var centres: [Double] = []
        var y = top + yc
        var titleCentre: Double?
        if legend.title != nil { titleCentre = y; y += yc }
        for _ in legend.entries { centres.append(y); y += yc }
        return LegendLayout(left: left, top: top, width: width, height: height, characterWidth: xc, rowHeight: yc,
                            hasLines: hasLines, hasFill: hasFill, textX: left + xc / 2 + keyWidth + xc,
                            rowCentres: centres, titleCentre: titleCentre)
    }

    static func drawLegend(_ legend: BaseLegend, in svg: inout SVGWriter, plotArea: (left: Double, right: Double, top: Double, bottom: Double),
                           px: (Double) -> Double, py: (Double) -> Double, size: Double, radius: Double) {
        let box = layout(legend, plotArea: plotArea, px: px, py: py, size: size)
        let textSize = size * legend.textScale, xc = box.characterWidth, yc = box.rowHeight
        if legend.boxed {
            svg.rect(x: box.left, y: box.top, width: box.width, height: box.height, fill: Self.white, stroke: Self.black, strokeWidth: 0.75)
        }
        if let title = legend.title, let centre = box.titleCentre {
            svg.text(title, x: box.left + box.width / 2, y: centre + 0.35 * textSize, size: textSize, colour: Self.black, anchor: .middle)
        }
        for (entry, centre) in zip(legend.entries, box.rowCentres) {
            var x = box.left + xc / 2
            if box.hasFill {
                if let fill = entry.fill {
                    svg.rect(x: x, y: centre - 0.4 * yc, width: 0.8 * xc, height: 0.8 * yc, fill: fill, stroke: Self.black, strokeWidth: 0.75)
                }
                x += xc
            }
            if box.hasLines {
                if let lineType = entry.lineType {
                    svg.polyline([(x, centre), (x + 2 * xc, centre)], stroke: entry.colour, width: 0.75, dash: lineType.dashArray(width: 0.75))
                }
                if let symbol = entry.symbol {
                    if [16, 19, 20].contains(symbol) { svg.circles([(x + xc, centre)], radius: radius, fill: entry.colour) }
                    else { svg.openCircles([(x + xc, centre)], radius: radius, stroke: entry.colour, width: 0.75) }
                }
            }
            svg.text(entry.label, x: box.textX, y: centre + 0.35 * textSize, size: textSize, colour: Self.black)
        }
    }

    /// legend()'s value in the plot's user coordinates: the box (left, top, width, height) and
    /// where each label starts (x) and the middle of its row (y).
    public static func legendGeometry(_ legend: BaseLegend, in plot: BasePlot)
        -> (left: Double, top: Double, width: Double, height: Double, textX: Double, textY: [Double]) {
        let W = plot.width * 72, H = plot.height * 72
        let m = plot.margins.count == 4 ? plot.margins : BasePlot.defaultMargins
        let area = (left: m[1] * line, right: W - m[3] * line, top: m[2] * line, bottom: H - m[0] * line)
        let xr = userRange(plot.xLimits), yr = userRange(plot.yLimits)
        let xScale = (xr.upperBound - xr.lowerBound) / (area.right - area.left)
        let yScale = (yr.upperBound - yr.lowerBound) / (area.bottom - area.top)
        func px(_ x: Double) -> Double { area.left + (x - xr.lowerBound) / xScale }
        func py(_ y: Double) -> Double { area.bottom - (y - yr.lowerBound) / yScale }
        func ux(_ p: Double) -> Double { xr.lowerBound + (p - area.left) * xScale }
        func uy(_ p: Double) -> Double { yr.lowerBound + (area.bottom - p) * yScale }
        let box = layout(legend, plotArea: area, px: px, py: py, size: fontSize)
        return (ux(box.left), uy(box.top), box.width * xScale, box.height * yScale, ux(box.textX), box.rowCentres.map(uy))
    }
}
