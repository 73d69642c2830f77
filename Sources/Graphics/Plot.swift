/// A plot as the renderer needs it: data already mapped to positions and groups, with labels.
/// The language layer builds one from a ggplot object; this module knows nothing of R.
public struct Plot {
    public var width = 7.0
    public var height = 5.0
    public var title: String?
    public var xLabel = ""
    public var yLabel = ""
    public var layers: [Layer] = []
    /// A mapped discrete colour: the legend title and the level names, in order.
    public var colourLegend: (title: String, levels: [String])?
    /// A mapped discrete shape or linetype: its legend (merged into the colour legend when the
    /// title and levels are the same, as ggplot2 merges them).
    public var shapeLegend: (title: String, levels: [String])?
    public var linetypeLegend: (title: String, levels: [String])?
    /// A mapped discrete fill of bars or boxes: its legend (ggplot2's hue palette).
    public var fillLegend: (title: String, levels: [String], boxes: Bool)?
    /// A mapped continuous size: the legend title, its breaks with their labels and point sizes.
    public var sizeLegend: (title: String, labels: [String], sizes: [Double])?
    public var theme = Theme.grey
    /// theme() settings drawn: legend.position = "none" hides the legends; panel.grid.major
    /// and panel.grid.minor as element_blank() leave those grid lines out.
    public var showsLegend = true
    public var showsMajorGrid = true
    public var showsMinorGrid = true
    /// A fixed shape for a single panel: theme(aspect.ratio = height / width), or
    /// coord_fixed(ratio), where one unit of y is `ratio` units of x long.
    public var aspectRatio: Double?
    public var unitRatio: Double?
    /// Text for screen readers (the chunk's fig.alt, or a description made from the plot).
    public var altText: String?
    /// Axis limits and breaks set by scale_x_continuous / scale_y_continuous (nil: from the data).
    public var xLimits: ClosedRange<Double>?
    public var yLimits: ClosedRange<Double>?
    public var xBreaks: [Double]?
    public var yBreaks: [Double]?
    /// A date or time axis: its ticks and their labels for the expanded range, where ggplot2
    /// computes a date scale's breaks (nil: numbers, with breaks from `xBreaks` or the data).
    public var xTicks: ((ClosedRange<Double>) -> [(Double, String)])?
    public var yTicks: ((ClosedRange<Double>) -> [(Double, String)])?
    /// A discrete x axis: the level names, drawn at positions 1, 2, ...
    public var xLevels: [String]?
    /// A discrete y axis: the level names, drawn at positions 1, 2, ... from the bottom.
    public var yLevels: [String]?
    /// Colours for the colour legend's levels, in order (scale_colour_manual); nil: ggplot2's hues.
    public var palette: [Colour]?
    /// Colours for the fill legend's levels, in order (a viridis or ColorBrewer fill scale);
    /// nil: ggplot2's hues.
    public var fillPalette: [Colour]?
    /// coord_cartesian: the visible ranges, zoomed without dropping data.
    public var xView: ClosedRange<Double>?
    public var yView: ClosedRange<Double>?
    /// facet_wrap: one panel per level, each with its strip label and its layers (`layers`
    /// is then unused); the panels share their scales.
    public var facets: [(label: String, layers: [Layer])]?
    /// facet_grid's levels: `facets` then holds rows × columns panels, row by row, labelled by
    /// strips above the top row (columns) and right of the last column (rows); an empty side
    /// has no strips.
    public var facetGrid: (rows: [String], columns: [String])?
    /// facet_wrap(nrow = , ncol = ): the grid's rows or columns when given.
    public var facetWrapRows: Int?
    public var facetWrapColumns: Int?

    public init() {}

    public enum Theme { case grey, bw, light, minimal, classic }

    public enum Layer {
        /// Points; `group` indexes colourLegend.levels (nil: one colour, `colour` or black).
        /// `shapes` indexes ggplot2's shape palette per point, `sizes` gives each point's size.
        case points(x: [Double], y: [Double], group: [Int]?, alpha: Double, size: Double,
                    shapes: [Int]? = nil, sizes: [Double]? = nil, colour: Colour? = nil)
        /// A line per group through its points in x order. `colourIndex` and `linetypes` (per
        /// row, read at each line's first row) pick the palette colour and dash pattern when the
        /// lines are split by more than the colour.
        case lines(x: [Double], y: [Double], group: [Int]?, width: Double, colour: Colour?,
                   colourIndex: [Int]? = nil, linetypes: [Int]? = nil)
        /// A band between ymin and ymax per group (a smoother's confidence band).
        case ribbon(x: [Double], ymin: [Double], ymax: [Double], group: [Int]?, fill: Colour)
        /// A straight line across the panel: y = intercept + slope * x, or x = vertical.
        case reference(intercept: Double, slope: Double, vertical: Double?, colour: Colour, width: Double)
        /// Vertical ranges from ymin to ymax at each x: error bars with caps `capWidth` wide (in
        /// x units), or point ranges with a point at y. `group` picks each one's colour from the
        /// colour legend's palette instead of `colour`.
        case ranges(x: [Double], ymin: [Double], ymax: [Double], y: [Double]?, capWidth: Double, colour: Colour, width: Double,
                    group: [Int]? = nil)
        /// Filled rectangles (histogram bars), outlined when `stroke` is given; `fillIndex` picks
        /// each one's colour from the fill legend's palette instead.
        case rects(xmin: [Double], xmax: [Double], ymin: [Double], ymax: [Double], fill: Colour, stroke: Colour?,
                   fillIndex: [Int]? = nil)
        /// Closed shapes through their (x, y) corners (violins), filled and outlined.
        case polygons(shapes: [[(x: Double, y: Double)]], fill: Colour, stroke: Colour?, width: Double)
    }

    /// The range of every x and y the layers draw.
    /// The layers of every panel.
    var allLayers: [Layer] { facets.map { $0.flatMap(\.layers) } ?? layers }

    var dataRange: (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var xs: [Double] = [], ys: [Double] = []
        for layer in allLayers {
            switch layer {
            case .points(let x, let y, _, _, _, _, _, _), .lines(let x, let y, _, _, _, _, _): xs += x; ys += y
            case .ribbon(let x, let lo, let hi, _, _): xs += x; ys += lo + hi
            case .reference(let intercept, let slope, let vertical, _, _):
                // Horizontal and vertical lines count towards their scale, as in ggplot2.
                if let vertical { xs.append(vertical) } else if slope == 0 { ys.append(intercept) }
            case .rects(let x0, let x1, let y0, let y1, _, _, _):
                xs += x0 + x1; ys += y0 + y1
            case .ranges(let x, let lo, let hi, let y, let cap, _, _, _):
                xs += x.map { $0 - cap / 2 } + x.map { $0 + cap / 2 }
                ys += lo + hi + (y ?? [])
            case .polygons(let shapes, _, _, _):
                for shape in shapes { xs += shape.map(\.x); ys += shape.map(\.y) }
            }
        }
        let fx = xs.filter(\.isFinite), fy = ys.filter(\.isFinite)
        guard let x0 = fx.min(), let x1 = fx.max(), let y0 = fy.min(), let y1 = fy.max() else { return nil }
        return (x0...x1, y0...y1)
    }
}
