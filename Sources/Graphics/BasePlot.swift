/// A figure of R's base graphics (plot, hist, qqnorm, boxplot and what abline, lines, points
/// and qqline add to it), in user coordinates. The language layer fills it; `BasePlotRenderer`
/// draws it with base R's defaults: margins of 5.1, 4.1, 4.1 and 2.1 lines, axes 4% beyond the
/// data, a box, open circles.
public struct BasePlot {
    public var width = 7.0
    public var height = 5.0
    public var main: String?
    public var xLabel = ""
    public var yLabel = ""
    /// The data ranges (xlim, ylim); the axes extend them by 4% each way (xaxs = "r").
    public var xLimits: ClosedRange<Double>
    public var yLimits: ClosedRange<Double>
    /// Labels at given x positions instead of pretty ticks (a boxplot's groups).
    public var xAxisLabels: [(at: Double, label: String)]?
    /// lattice's look (plot of a merMod): blue symbols, a light grid at the ticks, a line at
    /// y = 0, ticks on the left and bottom with smaller horizontal labels.
    public var lattice = false
    /// A caption above the plot region (mtext on side 3, line 0.25), and a subtitle below the
    /// x axis title (title(sub =), line 4): plot.lm's panel name and the model's call.
    public var caption: String?
    public var subtitle: String?
    /// Labels on the right axis, without ticks, horizontal and small (plot.lm's Cook's distance
    /// levels).
    public var rightAxisLabels: (at: [Double], labels: [String], colour: Colour)?
    /// A note just below the x axis at its left end (mtext(side = 1, line = 0.25, adj = -0.05)).
    public var xAxisNote: String?
    public var elements: [Element] = []
    /// par(mar): the margins in lines of text, bottom, left, top, right (R's 5.1, 4.1, 4.1, 2.1).
    public var margins: [Double] = BasePlot.defaultMargins
    public static let defaultMargins = [5.1, 4.1, 4.1, 2.1]
    /// Text for screen readers.
    public var altText: String?

    public init(xLimits: ClosedRange<Double>, yLimits: ClosedRange<Double>) {
        self.xLimits = xLimits
        self.yLimits = yLimits
    }

    public enum Element {
        /// Symbols at each point: open circles (pch 1), or filled ones (pch 16, 19, 20); the
        /// colours are recycled along the points (col = group).
        case points(x: [Double], y: [Double], colours: [Colour], filled: Bool = false)
        /// A line through the points in order; NaN breaks it.
        case lines(x: [Double], y: [Double], colour: Colour, width: Double, lineType: LineType)
        /// Rectangles (histogram bars).
        case rects(xmin: [Double], xmax: [Double], ymin: [Double], ymax: [Double], fill: Colour?, border: Colour)
        /// y = a + b x across the plot region, or a horizontal (h) or vertical (v) line.
        case straightLine(a: Double, b: Double, horizontal: Double?, vertical: Double?, colour: Colour, width: Double, lineType: LineType)
        /// A box-and-whisker glyph at x: stats are the lower whisker, lower hinge, median,
        /// upper hinge and upper whisker; outliers drawn as circles.
        case box(x: Double, stats: [Double], outliers: [Double], halfWidth: Double, fill: Colour)
        /// text(x, y, labels, pos =, offset = 0.25, cex = 0.75): labels left of (2), above (3) or
        /// right of (4) their points, each moved down by its `drop` in points (at cex 1); drawn unclipped.
        /// Position 0 is text(adj = 0) and 1 text(adj = 0.5) at full size: starting at, or centred
        /// on, the point.
        case labels(x: [Double], y: [Double], labels: [String], position: Int, drop: [Double])
        /// legend("bottomleft", bty = "n") with one line key.
        case legend(label: String, colour: Colour, lineType: LineType)
        /// legend(): keys and labels in a box at a corner, side or given point.
        case keyedLegend(BaseLegend)
    }
}

/// What legend() draws: one row per label with its key (a line, a symbol or a filled square),
/// placed by a keyword ("topright", ...) or its top-left corner in user coordinates.
public struct BaseLegend {
    public enum Placement {
        case keyword(String, inset: Double)
        case point(x: Double, y: Double)
    }
    public struct Entry {
        public var label: String
        public var colour: Colour
        public var lineType: LineType?
        public var symbol: Int?
        public var fill: Colour?
        public init(label: String, colour: Colour, lineType: LineType?, symbol: Int?, fill: Colour?) {
            self.label = label; self.colour = colour; self.lineType = lineType; self.symbol = symbol; self.fill = fill
        }
    }
    public var placement: Placement
    public var entries: [Entry]
    public var title: String?
    public var boxed: Bool
    public var textScale: Double
    public init(placement: Placement, entries: [Entry], title: String?, boxed: Bool, textScale: Double) {
        self.placement = placement; self.entries = entries; self.title = title; self.boxed = boxed; self.textScale = textScale
    }
}
