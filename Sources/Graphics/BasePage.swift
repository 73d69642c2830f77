/// A page of base-graphics panels laid out by par(mfrow) or par(mfcol): each BasePlot drawn in
/// its cell, filled by rows or by columns, with text and symbols reduced as R reduces cex (0.83
/// for two rows and two columns, 0.66 for three or more of either).
public struct BasePage {
    public struct Layout: Equatable {
        public var rows: Int
        public var columns: Int
        /// mfrow fills row by row, mfcol column by column.
        public var byRow: Bool

        public init(rows: Int, columns: Int, byRow: Bool) {
            self.rows = rows
            self.columns = columns
            self.byRow = byRow
        }

        public static let single = Layout(rows: 1, columns: 1, byRow: true)

        public var panelCount: Int { rows * columns }

        /// R's reduction of the base cex for a multi-panel layout.
        public var cex: Double {
            if max(rows, columns) >= 3 { return 0.66 }
            return rows == 2 && columns == 2 ? 0.83 : 1
        }

        /// Row and column (0-based) of the k-th panel.
        func cell(_ k: Int) -> (row: Int, column: Int) {
            byRow ? (k / columns, k % columns) : (k % rows, k / rows)
        }
    }

    public var layout: Layout
    public var panels: [BasePlot]
    public var width: Double
    public var height: Double

    public init(layout: Layout, panels: [BasePlot], width: Double, height: Double) {
        self.layout = layout
        self.panels = panels
        self.width = width
        self.height = height
    }
}

extension BasePlotRenderer {
    /// The page as one SVG: each panel rendered in its cell, in points.
    public static func render(_ page: BasePage, id: String) -> String {
        let W = page.width * 72, H = page.height * 72
        let cellWidth = W / Double(page.layout.columns), cellHeight = H / Double(page.layout.rows)
        var svg = SVGWriter(width: W, height: H)
        svg.rect(x: 0, y: 0, width: W, height: H, fill: white)
        var titles: [String] = [], descriptions: [String] = []
        for (k, panel) in page.panels.prefix(page.layout.panelCount).enumerated() {
            let (row, column) = page.layout.cell(k)
            var cell = SVGWriter(width: cellWidth, height: cellHeight)
            draw(panel, into: &cell, id: "\(id)-panel\(k + 1)", cex: page.layout.cex)
            svg.group(cell, x: Double(column) * cellWidth, y: Double(row) * cellHeight)
            titles.append(title(panel))
            descriptions.append("Panel \(k + 1), \(title(panel)): " + (panel.altText ?? describe(panel)))
        }
        return svg.document(title: titles.joined(separator: "; "), description: descriptions.joined(separator: " "), id: id)
    }
}
