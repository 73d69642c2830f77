import Foundation

/// Draws a Plot as SVG with ggplot2's default look (theme_grey, base size 11): grey panel,
/// white grid, axes with extended breaks and 5% expansion, a legend for mapped colour.
/// Sizes are in points; one SVG unit is one point.
public enum PlotRenderer {
    /// ggplot2's grid units, in points.
    struct Metrics {
        static let margin = 5.5
        static let axisTextSize = 8.8
        static let axisTitleSize = 11.0
        static let titleSize = 13.2
        static let tickLength = 2.75
        static let keySize = 17.28
        static let majorGrid = 1.07
        static let minorGrid = 0.53
        static let pointRadius = 1.95
        static let stripHeight = 8.8 + 2 * 4.4
        static let panelSpacing = 5.5
    }

    /// One panel to draw: where, its layers, its facet strip, and whether its axes show.
    struct PanelPlace {
        let index: Int
        let rect: (x: Double, y: Double, width: Double, height: Double)
        let layers: [Plot.Layer]
        let strip: String?
        let xAxis: Bool
        let yAxis: Bool
        /// facet_grid's row strip, right of the panel.
        var rightStrip: String? = nil
    }

    /// The single panel, or facet_wrap's grid (ggplot2's wrap_dims: n2mfrow's shape unless nrow
    /// or ncol is given), filled row by row, x axes under the lowest panel of each column and y
    /// axes on the first column.
    static func layout(_ plot: Plot, in area: (x: Double, y: Double, width: Double, height: Double)) -> [PanelPlace] {
        guard let facets = plot.facets, !facets.isEmpty else {
            return [PanelPlace(index: 0, rect: area, layers: plot.layers, strip: nil, xAxis: true, yAxis: true)]
        }
        let n = facets.count
        if let grid = plot.facetGrid {
            // facet_grid: column strips over the top row, row strips right of the last column.
            let rows = max(grid.rows.count, 1), columns = max(grid.columns.count, 1)
            let top = grid.columns.isEmpty ? 0 : Metrics.stripHeight, side = grid.rows.isEmpty ? 0 : Metrics.stripHeight
            let width = (area.width - side - Double(columns - 1) * Metrics.panelSpacing) / Double(columns)
            let height = (area.height - top - Double(rows - 1) * Metrics.panelSpacing) / Double(rows)
            return facets.enumerated().map { k, facet in
                let row = k / columns, column = k % columns
                let x = area.x + Double(column) * (width + Metrics.panelSpacing)
                let y = area.y + top + Double(row) * (height + Metrics.panelSpacing)
                return PanelPlace(index: k, rect: (x, y, max(width, 1), max(height, 1)), layers: facet.layers,
                                  strip: row == 0 && !grid.columns.isEmpty ? grid.columns[column] : nil,
                                  xAxis: row == rows - 1, yAxis: column == 0,
                                  rightStrip: column == columns - 1 && !grid.rows.isEmpty ? grid.rows[row] : nil)
            }
        }
        let (rows, columns) = wrapDimensions(n, rows: plot.facetWrapRows, columns: plot.facetWrapColumns)
        let axisRoom = Metrics.axisTextSize + 2.2 + Metrics.tickLength
        let width = (area.width - Double(columns - 1) * Metrics.panelSpacing) / Double(columns)
        let height = (area.height - Double(rows) * Metrics.stripHeight - Double(rows - 1) * Metrics.panelSpacing) / Double(rows)
        return facets.enumerated().map { k, facet in
            let row = k / columns, column = k % columns
            let x = area.x + Double(column) * (width + Metrics.panelSpacing)
            let y = area.y + Metrics.stripHeight + Double(row) * (height + Metrics.stripHeight + Metrics.panelSpacing)
            let lowest = k + columns >= n
            _ = axisRoom
            return PanelPlace(index: k, rect: (x, y, max(width, 1), max(height, 1)), layers: facet.layers, strip: facet.label,
                              xAxis: lowest, yAxis: column == 0)
        }
    }

    /// ggplot2's wrap_dims: grDevices' n2mfrow(n) read as (columns, rows) when neither is given.
    static func wrapDimensions(_ n: Int, rows: Int?, columns: Int?) -> (rows: Int, columns: Int) {
        func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / max(b, 1) }
        switch (rows, columns) {
        case let (r?, c?): return (max(r, 1), max(c, 1))
        case let (r?, nil): return (max(r, 1), ceilDiv(n, max(r, 1)))
        case let (nil, c?): return (ceilDiv(n, max(c, 1)), max(c, 1))
        case (nil, nil):
            let shape: (Int, Int)
            if n <= 3 { shape = (n, 1) }
            else if n <= 6 { shape = ((n + 1) / 2, 2) }
            else if n <= 12 { shape = ((n + 2) / 3, 3) }
            else { let r = Int(Double(n).squareRoot().rounded(.up)); shape = (r, ceilDiv(n, r)) }
            return (max(shape.1, 1), max(shape.0, 1))
        }
    }

    static let panelFill = Colour(name: "grey92") ?? Colour(red: 0.92, green: 0.92, blue: 0.92)
    static let textColour = Colour(name: "grey30") ?? Colour(red: 0.3, green: 0.3, blue: 0.3)
    static let tickColour = Colour(name: "grey20") ?? Colour(red: 0.2, green: 0.2, blue: 0.2)
    static let white = Colour(red: 1, green: 1, blue: 1)
    static let black = Colour(red: 0, green: 0, blue: 0)
    static let keyFill = Colour(name: "grey95") ?? Colour(red: 0.95, green: 0.95, blue: 0.95)
    static let smoothBlue = Colour(hex: "#3366FF") ?? Colour(red: 0.2, green: 0.4, blue: 1)

    /// Rough width of text in Helvetica: enough to lay out labels and legends.
    static func textWidth(_ s: String, size: Double) -> Double {
        var w = 0.0
        for c in s.unicodeScalars {
            switch c {
            case "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!": w += 0.28
            case "f", "t", "r", " ", "(", ")", "[", "]", "-": w += 0.33
            case "m", "w", "M", "W": w += 0.83
            case "A"..."Z": w += 0.67
            default: w += 0.556
            }
        }
        return w * size
    }

    public static func render(_ plot: Plot, id: String = "figure") -> String {
        let W = plot.width * 72, H = plot.height * 72
        var svg = SVGWriter(width: W, height: H)
        svg.rect(x: 0, y: 0, width: W, height: H, fill: white)
        guard let range = plot.dataRange else {
            return svg.document(title: plot.title ?? "Empty plot", description: plot.altText ?? "A plot with no data.", id: id)
        }
        let (xScale, xTimeLabels) = plot.xLevels.map { (ContinuousScale(discrete: $0.count), nil) }
            ?? ContinuousScale.make(plot.xView ?? plot.xLimits ?? range.x, breaks: plot.xBreaks, ticks: plot.xTicks)
        let (yScale, yTimeLabels) = plot.yLevels.map { (ContinuousScale(discrete: $0.count), nil) }
            ?? ContinuousScale.make(plot.yView ?? plot.yLimits ?? range.y, breaks: plot.yBreaks, ticks: plot.yTicks)
        let palette = plot.palette ?? Colour.huePalette(plot.colourLegend?.levels.count ?? 0)

        // Horizontal layout: margin, y title, y labels, ticks, panel, legend, margin.
        let yLabels = plot.yLevels ?? yTimeLabels ?? Breaks.labels(yScale.breaks)
        let xLabels = plot.xLevels ?? xTimeLabels ?? Breaks.labels(xScale.breaks)
        let yLabelWidth = yLabels.map { textWidth($0, size: Metrics.axisTextSize) }.max() ?? 0
        var left = Metrics.margin
        if !plot.yLabel.isEmpty { left += Metrics.axisTitleSize + 2.75 }
        left += yLabelWidth + 2.2 + Metrics.tickLength
        var right = W - Metrics.margin
        var legendX = 0.0
        let legends = plot.showsLegend ? legendBlocks(plot, look: Look(plot.theme), palette: palette) : []
        if !legends.isEmpty {
            let legendWidth = legends.map { block in
                max(textWidth(block.title, size: Metrics.axisTitleSize),
                    Metrics.keySize + 5.5 + (block.entries.map { textWidth($0.label, size: Metrics.axisTextSize) }.max() ?? 0))
            }.max() ?? 0
            right -= legendWidth + 11
            legendX = right + 11
        }
        // Vertical layout: margin, title, panel, ticks, x labels, x title, margin.
        var top = Metrics.margin
        if plot.title != nil { top += Metrics.titleSize * 1.2 + 5.5 }
        var bottom = H - Metrics.margin
        if !plot.xLabel.isEmpty { bottom -= Metrics.axisTitleSize + 2.75 }
        bottom -= Metrics.axisTextSize + 2.2 + Metrics.tickLength
        var area = (x: left, y: top, width: max(right - left, 1), height: max(bottom - top, 1))
        // How far the axis titles sit from the panel, kept when a fixed aspect moves the panel.
        let xTitleDrop = (H - Metrics.margin - 2) - (area.y + area.height)
        let yTitleInset = area.x - (Metrics.margin + Metrics.axisTitleSize * 0.8)
        // A fixed aspect ratio: the largest panel of that shape, centred in the space (single
        // panels only for now).
        let xSpan = xScale.expanded.upperBound - xScale.expanded.lowerBound
        let ySpan = yScale.expanded.upperBound - yScale.expanded.lowerBound
        if plot.facets == nil,
           let aspect = plot.aspectRatio ?? plot.unitRatio.map({ $0 * ySpan / max(xSpan, .leastNonzeroMagnitude) }),
           aspect.isFinite, aspect > 0 {
            if area.height / area.width > aspect {
                let height = area.width * aspect
                area = (area.x, area.y + (area.height - height) / 2, area.width, height)
            } else {
                let width = area.height / aspect
                area = (area.x + (area.width - width) / 2, area.y, width, area.height)
            }
        }
        let panels = layout(plot, in: area)
        var panel = area
        func px(_ x: Double) -> Double { panel.x + xScale.position(x) * panel.width }
        func py(_ y: Double) -> Double { panel.y + (1 - yScale.position(y)) * panel.height }
        let look = Look(plot.theme)

        for item in panels {
        panel = item.rect
        if let label = item.strip {
            // facet_wrap's strip: grey85 above the panel, the level in grey10.
            let stripTop = panel.y - Metrics.stripHeight
            svg.rect(x: panel.x, y: stripTop, width: panel.width, height: Metrics.stripHeight, fill: Colour(name: "grey85"))
            svg.text(label, x: panel.x + panel.width / 2, y: stripTop + Metrics.stripHeight / 2 + Metrics.axisTextSize * 0.35,
                     size: Metrics.axisTextSize, colour: Colour(name: "grey10") ?? black, anchor: .middle)
        }

        if let label = item.rightStrip {
            // facet_grid's row strip: grey85 right of the panel, the level turned to read downwards.
            let stripLeft = panel.x + panel.width
            svg.rect(x: stripLeft, y: panel.y, width: Metrics.stripHeight, height: panel.height, fill: Colour(name: "grey85"))
            svg.text(label, x: stripLeft + Metrics.stripHeight / 2 - Metrics.axisTextSize * 0.35, y: panel.y + panel.height / 2,
                     size: Metrics.axisTextSize, colour: Colour(name: "grey10") ?? black, anchor: .middle, rotate: 90)
        }

        // Panel and grid.
        if let fill = look.panelFill { svg.rect(x: panel.x, y: panel.y, width: panel.width, height: panel.height, fill: fill) }
        if let grid = look.grid {
            for m in xScale.minorBreaks where plot.showsMinorGrid { svg.line(x1: px(m), y1: panel.y, x2: px(m), y2: panel.y + panel.height, stroke: grid, width: Metrics.minorGrid) }
            for m in yScale.minorBreaks where plot.showsMinorGrid { svg.line(x1: panel.x, y1: py(m), x2: panel.x + panel.width, y2: py(m), stroke: grid, width: Metrics.minorGrid) }
            for b in xScale.breaks where plot.showsMajorGrid { svg.line(x1: px(b), y1: panel.y, x2: px(b), y2: panel.y + panel.height, stroke: grid, width: Metrics.majorGrid) }
            for b in yScale.breaks where plot.showsMajorGrid { svg.line(x1: panel.x, y1: py(b), x2: panel.x + panel.width, y2: py(b), stroke: grid, width: Metrics.majorGrid) }
        }

        // Layers, in order; zoomed in by coord_cartesian, they are clipped to the panel.
        let clipped = plot.xView != nil || plot.yView != nil
        if clipped { svg.beginClip(id: "\(id)-panel\(item.index)", x: panel.x, y: panel.y, width: panel.width, height: panel.height) }
        for layer in item.layers {
            switch layer {
            case .ribbon(let x, let lo, let hi, let group, let fill):
                for (_, idx) in groups(group, count: x.count) {
                    let sorted = idx.sorted { x[$0] < x[$1] }
                    let upper = sorted.map { (px(x[$0]), py(hi[$0])) }
                    let lower = sorted.reversed().map { (px(x[$0]), py(lo[$0])) }
                    svg.polygon(upper + lower, fill: fill)
                }
            case .lines(let x, let y, let group, let width, let colour, let colourIndex, let linetypes):
                for (g, idx) in groups(group, count: x.count) {
                    let sorted = idx.sorted { x[$0] < x[$1] }
                    let k = colourIndex.flatMap { c in idx.first.map { c[$0] } } ?? g
                    let stroke = colour ?? (k >= 0 && k < palette.count ? palette[k] : smoothBlue)
                    let dash = linetypes.flatMap { t in idx.first.map { dashArray(t[$0], width: width) } } ?? nil
                    svg.polyline(sorted.map { (px(x[$0]), py(y[$0])) }, stroke: stroke, width: width, dash: dash)
                }
            case .reference(let intercept, let slope, let vertical, let colour, let width):
                if let vertical {
                    svg.line(x1: px(vertical), y1: panel.y, x2: px(vertical), y2: panel.y + panel.height, stroke: colour, width: width)
                } else {
                    // Clipped to the panel: the ends where the line leaves the expanded y range.
                    var x0 = xScale.expanded.lowerBound, x1 = xScale.expanded.upperBound
                    let (y0, y1) = (yScale.expanded.lowerBound, yScale.expanded.upperBound)
                    if slope != 0 {
                        let xa = (y0 - intercept) / slope, xb = (y1 - intercept) / slope
                        x0 = max(x0, min(xa, xb)); x1 = min(x1, max(xa, xb))
                    }
                    if x0 < x1 {
                        svg.line(x1: px(x0), y1: py(intercept + slope * x0), x2: px(x1), y2: py(intercept + slope * x1), stroke: colour, width: width)
                    }
                }
            case .polygons(let shapes, let fill, let stroke, let width):
                for shape in shapes { svg.polygon(shape.map { (px($0.x), py($0.y)) }, fill: fill, stroke: stroke, strokeWidth: width) }
            case .rects(let x0, let x1, let y0, let y1, let fill, let stroke, let fillIndex):
                let fills = plot.fillPalette ?? Colour.huePalette(plot.fillLegend?.levels.count ?? 0)
                for i in x0.indices where x0[i].isFinite && x1[i].isFinite && y0[i].isFinite && y1[i].isFinite {
                    let left = px(x0[i]), right = px(x1[i]), top = py(max(y0[i], y1[i])), bottom = py(min(y0[i], y1[i]))
                    let colour = fillIndex.flatMap { f in f[i] >= 0 && f[i] < fills.count ? fills[f[i]] : nil } ?? fill
                    svg.rect(x: left, y: top, width: right - left, height: bottom - top, fill: colour, stroke: stroke, strokeWidth: Metrics.majorGrid / 2)
                }
            case .ranges(let x, let lo, let hi, let y, let cap, let fixed, let width, let group):
                for (g, idx) in groups(group, count: x.count) {
                    let colour = g >= 0 && g < palette.count && group != nil ? palette[g] : fixed
                    for i in idx where x[i].isFinite && lo[i].isFinite && hi[i].isFinite {
                        svg.line(x1: px(x[i]), y1: py(lo[i]), x2: px(x[i]), y2: py(hi[i]), stroke: colour, width: width)
                        if cap > 0 {
                            for end in [lo[i], hi[i]] {
                                svg.line(x1: px(x[i] - cap / 2), y1: py(end), x2: px(x[i] + cap / 2), y2: py(end), stroke: colour, width: width)
                            }
                        }
                    }
                    if let y {
                        svg.circles(idx.filter { x[$0].isFinite && y[$0].isFinite }.map { (px(x[$0]), py(y[$0])) },
                                    radius: Metrics.pointRadius * 4 / 3, fill: colour)
                    }
                }
            case .points(let x, let y, let group, let alpha, let size, let shapes, let sizes, let colour):
                for (g, idx) in groups(group, count: x.count) {
                    var fill = colour ?? (g >= 0 && g < palette.count ? palette[g] : black)
                    fill.alpha = alpha
                    let shown = idx.filter { x[$0].isFinite && y[$0].isFinite }
                    if shapes == nil && sizes == nil {
                        svg.circles(shown.map { (px(x[$0]), py(y[$0])) }, radius: Metrics.pointRadius * size / 1.5, fill: fill)
                        continue
                    }
                    for i in shown {
                        svg.glyph(shapes?[i] ?? 0, x: px(x[i]), y: py(y[i]), radius: Metrics.pointRadius * (sizes?[i] ?? size) / 1.5, colour: fill)
                    }
                }
            }
        }

        // Axes: ticks, labels, titles.
        if clipped { svg.endGroup() }
        // The panel's border (theme_bw) or axis lines (theme_classic) go over the layers.
        if let border = look.border {
            svg.rect(x: panel.x, y: panel.y, width: panel.width, height: panel.height, fill: nil, stroke: border, strokeWidth: Metrics.majorGrid)
        }
        if look.axisLines {
            svg.line(x1: panel.x, y1: panel.y + panel.height, x2: panel.x + panel.width, y2: panel.y + panel.height, stroke: black, width: Metrics.majorGrid)
            svg.line(x1: panel.x, y1: panel.y, x2: panel.x, y2: panel.y + panel.height, stroke: black, width: Metrics.majorGrid)
        }
        for (b, label) in zip(xScale.breaks, xLabels) where item.xAxis {
            if look.ticks {
                svg.line(x1: px(b), y1: panel.y + panel.height, x2: px(b), y2: panel.y + panel.height + Metrics.tickLength, stroke: look.tickColour ?? tickColour, width: Metrics.majorGrid)
            }
            svg.text(label, x: px(b), y: panel.y + panel.height + Metrics.tickLength + 2.2 + Metrics.axisTextSize * 0.8,
                     size: Metrics.axisTextSize, colour: textColour, anchor: .middle)
        }
        for (b, label) in zip(yScale.breaks, yLabels) where item.yAxis {
            if look.ticks {
                svg.line(x1: panel.x - Metrics.tickLength, y1: py(b), x2: panel.x, y2: py(b), stroke: look.tickColour ?? tickColour, width: Metrics.majorGrid)
            }
            svg.text(label, x: panel.x - Metrics.tickLength - 2.2, y: py(b) + Metrics.axisTextSize * 0.35,
                     size: Metrics.axisTextSize, colour: textColour, anchor: .end)
        }
        }
        panel = area
        if !plot.xLabel.isEmpty {
            svg.text(plot.xLabel, x: panel.x + panel.width / 2, y: panel.y + panel.height + xTitleDrop, size: Metrics.axisTitleSize,
                     colour: black, anchor: .middle)
        }
        if !plot.yLabel.isEmpty {
            let x = panel.x - yTitleInset, y = panel.y + panel.height / 2
            svg.text(plot.yLabel, x: x, y: y, size: Metrics.axisTitleSize, colour: black, anchor: .middle, rotate: -90)
        }
        if let title = plot.title {
            svg.text(title, x: panel.x, y: Metrics.margin + Metrics.titleSize, size: Metrics.titleSize, colour: black)
        }

        // Legends for the mapped aesthetics, stacked and centred vertically beside the panel.
        let blocks = plot.showsLegend ? legendBlocks(plot, look: look, palette: palette) : []
        let blockHeights = blocks.map { Metrics.axisTitleSize * 1.5 + Double($0.entries.count) * Metrics.keySize }
        var y = panel.y + (panel.height - blockHeights.reduce(0, +) - Double(max(blocks.count - 1, 0)) * 11) / 2
        for block in blocks {
            svg.text(block.title, x: legendX, y: y + Metrics.axisTitleSize, size: Metrics.axisTitleSize, colour: black)
            y += Metrics.axisTitleSize * 1.5
            for (label, key) in block.entries {
                if let fill = look.keyFill { svg.rect(x: legendX, y: y, width: Metrics.keySize, height: Metrics.keySize, fill: fill) }
                key(&svg, legendX, y)
                svg.text(label, x: legendX + Metrics.keySize + 5.5, y: y + Metrics.keySize / 2 + Metrics.axisTextSize * 0.35,
                         size: Metrics.axisTextSize, colour: black)
                y += Metrics.keySize
            }
            y += 11
        }
        return svg.document(title: plot.title ?? "Plot of \(plot.yLabel) against \(plot.xLabel)",
                            description: plot.altText ?? describe(plot, xScale, yScale), id: id)
    }

    /// One legend: its title and a key-drawing function per entry.
    struct LegendBlock {
        let title: String
        let entries: [(label: String, key: (inout SVGWriter, Double, Double) -> Void)]
    }

    /// ggplot2's legends: colour (with shape and linetype merged in when they map the same
    /// variable), then shape, linetype and size on their own.
    static func legendBlocks(_ plot: Plot, look: Look, palette: [Colour]) -> [LegendBlock] {
        let layers = plot.allLayers
        let hasPoints = layers.contains { if case .points = $0 { return true }; return false }
        let hasLines = layers.contains { if case .lines = $0 { return true }; return false }
        let hasRibbon = layers.contains { if case .ribbon = $0 { return true }; return false }
        // Error bars and point ranges: ggplot2's path and point-range keys.
        let rangeKinds = layers.compactMap { layer -> Bool? in if case .ranges(_, _, _, let y, _, _, _, _) = layer { return y != nil }; return nil }
        let lineWidth = layers.compactMap { layer -> Double? in if case .lines(_, _, _, let w, _, _, _) = layer { return w }; return nil }.first ?? 2.13
        let half = Metrics.keySize / 2
        func same(_ a: (title: String, levels: [String])?, _ b: (title: String, levels: [String])?) -> Bool {
            guard let a, let b else { return false }
            return a.title == b.title && a.levels == b.levels
        }
        let shapeMerged = same(plot.shapeLegend, plot.colourLegend), linetypeMerged = same(plot.linetypeLegend, plot.colourLegend)
        func key(colour: Colour, shape: Int?, linetype: Int?) -> (inout SVGWriter, Double, Double) -> Void {
            { svg, x, y in
                if hasRibbon { svg.rect(x: x, y: y, width: Metrics.keySize, height: Metrics.keySize, fill: Colour(red: 0.6, green: 0.6, blue: 0.6, alpha: 0.4)) }
                if hasLines {
                    if let dash = linetype.flatMap({ dashArray($0, width: lineWidth) }) {
                        svg.polyline([(x + 1.7, y + half), (x + Metrics.keySize - 1.7, y + half)], stroke: colour, width: lineWidth, dash: dash)
                    } else {
                        svg.line(x1: x + 1.7, y1: y + half, x2: x + Metrics.keySize - 1.7, y2: y + half, stroke: colour, width: lineWidth)
                    }
                }
                if !hasLines && !hasPoints, let pointRange = rangeKinds.first {
                    if pointRange {
                        svg.line(x1: x + half, y1: y + 1.7, x2: x + half, y2: y + Metrics.keySize - 1.7, stroke: colour, width: Metrics.majorGrid)
                        svg.circles([(x + half, y + half)], radius: Metrics.pointRadius * 4 / 3, fill: colour)
                    } else {
                        svg.line(x1: x + 1.7, y1: y + half, x2: x + Metrics.keySize - 1.7, y2: y + half, stroke: colour, width: Metrics.majorGrid)
                    }
                }
                if hasPoints {
                    if let shape { svg.glyph(shape, x: x + half, y: y + half, radius: Metrics.pointRadius, colour: colour) }
                    else { svg.circles([(x + half, y + half)], radius: Metrics.pointRadius, fill: colour) }
                }
            }
        }
        var blocks: [LegendBlock] = []
        if let legend = plot.colourLegend {
            blocks.append(LegendBlock(title: legend.title, entries: legend.levels.enumerated().map { k, level in
                (level, key(colour: k < palette.count ? palette[k] : black, shape: shapeMerged ? k : nil, linetype: linetypeMerged ? k : nil))
            }))
        }
        if let legend = plot.shapeLegend, !shapeMerged {
            blocks.append(LegendBlock(title: legend.title, entries: legend.levels.enumerated().map { k, level in
                (level, { svg, x, y in svg.glyph(k, x: x + half, y: y + half, radius: Metrics.pointRadius, colour: black) })
            }))
        }
        if let legend = plot.linetypeLegend, !linetypeMerged {
            blocks.append(LegendBlock(title: legend.title, entries: legend.levels.enumerated().map { k, level in
                (level, { svg, x, y in
                    svg.polyline([(x + 1.7, y + half), (x + Metrics.keySize - 1.7, y + half)], stroke: black, width: lineWidth,
                                 dash: dashArray(k, width: lineWidth))
                })
            }))
        }
        if let legend = plot.fillLegend {
            let fills = plot.fillPalette ?? Colour.huePalette(legend.levels.count), outline = Colour(name: "grey20") ?? black
            blocks.append(LegendBlock(title: legend.title, entries: legend.levels.enumerated().map { k, level in
                (level, { svg, x, y in
                    if legend.boxes {
                        svg.rect(x: x + 2, y: y + 2, width: Metrics.keySize - 4, height: Metrics.keySize - 4, fill: fills[k],
                                 stroke: outline, strokeWidth: Metrics.majorGrid / 2)
                        svg.line(x1: x + 2, y1: y + half, x2: x + Metrics.keySize - 2, y2: y + half, stroke: outline, width: Metrics.majorGrid)
                    } else {
                        svg.rect(x: x, y: y, width: Metrics.keySize, height: Metrics.keySize, fill: fills[k])
                    }
                })
            }))
        }
        if let legend = plot.sizeLegend {
            blocks.append(LegendBlock(title: legend.title, entries: zip(legend.labels, legend.sizes).map { label, size in
                (label, { svg, x, y in svg.glyph(0, x: x + half, y: y + half, radius: Metrics.pointRadius * size / 1.5, colour: black) })
            }))
        }
        return blocks
    }

    /// ggplot2's linetype palette (scales::linetype_pal): "solid", "22", "42", "44", "13",
    /// "1343", "73", "2262", ...; each hex digit is a dash or gap in units of the line width.
    static func dashArray(_ index: Int, width: Double) -> String? {
        let patterns = ["", "22", "42", "44", "13", "1343", "73", "2262", "12223242", "F282", "F4448444", "224282F2", "F1"]
        let pattern = patterns[((index % patterns.count) + patterns.count) % patterns.count]
        return LineType(pattern: pattern).dashArray(width: width)
    }

    /// Row indices per group, groups in level order; one group (-1) when there is no grouping.
    public static func groupsOf(_ group: [Int]?, count: Int) -> [(Int, [Int])] { groups(group, count: count) }

    static func groups(_ group: [Int]?, count: Int) -> [(Int, [Int])] {
        guard let group else { return [(-1, Array(0..<count))] }
        var byGroup: [Int: [Int]] = [:]
        for (i, g) in group.enumerated() where i < count { byGroup[g, default: []].append(i) }
        return byGroup.keys.sorted().map { ($0, byGroup[$0] ?? []) }
    }

    /// A limit as a screen reader should say it: four significant digits, not seventeen.
    static func spoken(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return Breaks.labels([value]).first ?? "" }
        let scale = pow(10, 3 - floor(log10(abs(value))))
        return Breaks.labels([(value * scale).rounded() / scale]).first ?? ""
    }

    /// A plain description for screen readers when the author gave no alt text.
    static func describe(_ plot: Plot, _ x: ContinuousScale, _ y: ContinuousScale) -> String {
        var parts: [String] = []
        for layer in plot.layers {
            switch layer {
            case .points(let xs, _, _, _, _, _, _, _): parts.append("\(xs.count) points")
            case .lines: parts.append("lines")
            case .ribbon: parts.append("confidence bands")
            case .reference(let intercept, let slope, let vertical, _, _):
                if let vertical { parts.append("a vertical line at \(Breaks.labels([vertical]).first ?? "")") }
                else if slope == 0 { parts.append("a horizontal line at \(Breaks.labels([intercept]).first ?? "")") }
                else { parts.append("a reference line") }
            case .rects(let x0, _, _, _, _, _, _): parts.append("\(x0.count) bars")
            case .polygons(let shapes, _, _, _): parts.append("\(shapes.count) violins")
            case .ranges(let xs, _, _, let y, _, _, _, _): parts.append("\(xs.count) \(y == nil ? "error bars" : "point ranges")")
            }
        }
        var text = "\(parts.joined(separator: ", ")) of \(plot.yLabel) (from \(spoken(y.limits.lowerBound)) to \(spoken(y.limits.upperBound))) against \(plot.xLabel)"
        if let legend = plot.colourLegend { text += ", coloured by \(legend.title) (\(legend.levels.joined(separator: ", ")))" }
        return text + "."
    }
}

/// What a complete ggplot2 theme changes: theme_grey's grey panel and white grid, theme_bw's
/// white panel, grey grid and border, theme_light's lighter grid, border and ticks, theme_minimal's bare grid without ticks, theme_classic's
/// axis lines without grid.
struct Look {
    var panelFill: Colour?
    var grid: Colour?
    var border: Colour?
    var axisLines = false
    var ticks = true
    var keyFill: Colour?
    /// The ticks' colour when the theme sets one (nil: grey20).
    var tickColour: Colour?

    init(_ theme: Plot.Theme) {
        let grey92 = Colour(name: "grey92") ?? Colour(red: 0.92, green: 0.92, blue: 0.92)
        let white = Colour(red: 1, green: 1, blue: 1)
        switch theme {
        case .grey:
            panelFill = grey92; grid = white; keyFill = Colour(name: "grey95")
        case .bw:
            panelFill = white; grid = grey92; border = Colour(name: "grey20"); keyFill = white
        case .light:
            // theme_light: grey87 grid, and a grey70 border and ticks.
            panelFill = white; grid = Colour(name: "grey87"); border = Colour(name: "grey70"); keyFill = white
            tickColour = Colour(name: "grey70")
        case .minimal:
            grid = grey92; ticks = false
        case .classic:
            panelFill = white; axisLines = true; keyFill = white
        }
    }
}

/// A continuous position scale: limits from the data, ggplot2's 5% expansion, extended breaks.
struct ContinuousScale {
    /// A scale with breaks given, found in the data, or for a date axis computed over the
    /// expanded range with their labels (those outside it dropped, as ggplot2 drops them).
    static func make(_ limits: ClosedRange<Double>, breaks: [Double]?,
                     ticks: ((ClosedRange<Double>) -> [(Double, String)])?) -> (ContinuousScale, [String]?) {
        guard let ticks else { return (ContinuousScale(limits, breaks: breaks), nil) }
        let expanded = ContinuousScale(limits).expanded
        let tolerance = 1e-9 * max(1, limits.upperBound - limits.lowerBound)
        let kept = ticks(expanded).filter { $0.0 >= expanded.lowerBound - tolerance && $0.0 <= expanded.upperBound + tolerance }
        return (ContinuousScale(limits, breaks: kept.map(\.0)), kept.map(\.1))
    }

    let limits: ClosedRange<Double>
    let expanded: ClosedRange<Double>
    let breaks: [Double]
    let minorBreaks: [Double]

    init(_ limits: ClosedRange<Double>, breaks given: [Double]? = nil) {
        self.limits = limits
        let span = limits.upperBound - limits.lowerBound
        let pad = span > 0 ? span * 0.05 : max(abs(limits.lowerBound) * 0.05, 0.5)
        let expanded = (limits.lowerBound - pad)...(limits.upperBound + pad)
        self.expanded = expanded
        // ggplot2 computes the breaks on the expanded range and keeps those inside it
        // (view_scale_primary: scale$get_breaks(continuous_range)).
        let all = given ?? Breaks.extended(expanded.lowerBound, expanded.upperBound)
        let tolerance = 1e-9 * max(1, span)
        let kept = all.filter { $0 >= expanded.lowerBound - tolerance && $0 <= expanded.upperBound + tolerance }
        breaks = kept
        // Minor breaks halfway between majors, extended across the expanded range.
        var minor: [Double] = []
        if all.count >= 2 {
            let step = all[1] - all[0]
            var m = (all.first ?? 0) - step / 2
            while m > expanded.lowerBound { m -= step }
            while m <= expanded.upperBound {
                if m >= expanded.lowerBound && !all.contains(where: { abs($0 - m) < tolerance }) { minor.append(m) }
                m += step / 2
            }
        }
        minorBreaks = minor.filter { m in !kept.contains { abs($0 - m) < tolerance } }
    }

    /// A discrete scale of `count` levels at 1...count, expanded by 0.6 on each side (ggplot2's
    /// default for discrete positions), a break at each level and no minor breaks.
    init(discrete count: Int) {
        let n = Double(max(count, 1))
        limits = 1...n
        expanded = 0.4...(n + 0.6)
        breaks = (1...max(count, 1)).map(Double.init)
        minorBreaks = []
    }

    /// Where a value falls across the expanded range, from 0 to 1.
    func position(_ v: Double) -> Double {
        let span = expanded.upperBound - expanded.lowerBound
        return span > 0 ? (v - expanded.lowerBound) / span : 0.5
    }
}
