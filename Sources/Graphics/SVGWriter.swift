import Foundation

/// Builds an SVG document with numbers written the same way every time, so the same plot
/// gives the same bytes.
public struct SVGWriter {
    public let width: Double
    public let height: Double
    private(set) var body = ""

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Two decimals, trailing zeros dropped: far below what a screen shows, and stable.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        var s = String(format: "%.2f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }

    private func paint(fill: Colour?, stroke: Colour?, strokeWidth: Double = 1) -> String {
        var a = ""
        if let fill {
            a += " fill=\"\(fill.hex)\""
            if fill.alpha < 1 { a += " fill-opacity=\"\(Self.number(fill.alpha))\"" }
        } else {
            a += " fill=\"none\""
        }
        if let stroke {
            a += " stroke=\"\(stroke.hex)\" stroke-width=\"\(Self.number(strokeWidth))\""
            if stroke.alpha < 1 { a += " stroke-opacity=\"\(Self.number(stroke.alpha))\"" }
        }
        return a
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: Colour?, stroke: Colour? = nil, strokeWidth: Double = 1) {
        body += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"\(paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth))/>\n"
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: Colour, width: Double) {
        body += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"\(paint(fill: nil, stroke: stroke, strokeWidth: width))/>\n"
    }

    public mutating func polyline(_ points: [(Double, Double)], stroke: Colour, width: Double, dash: String? = nil) {
        guard points.count > 1 else { return }
        let p = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(p)\"\(paint(fill: nil, stroke: stroke, strokeWidth: width))\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") stroke-linejoin=\"round\"/>\n"
    }

    public mutating func polygon(_ points: [(Double, Double)], fill: Colour?, stroke: Colour? = nil, strokeWidth: Double = 1) {
        guard points.count > 2 else { return }
        let p = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body += "<polygon points=\"\(p)\"\(paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth))/>\n"
    }

    /// Many same-styled circles as one group (points of a scatter plot).
    public mutating func circles(_ centres: [(Double, Double)], radius: Double, fill: Colour) {
        guard !centres.isEmpty else { return }
        body += "<g\(paint(fill: fill, stroke: nil))>\n"
        let r = Self.number(radius)
        for (x, y) in centres { body += "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(r)\"/>\n" }
        body += "</g>\n"
    }

    /// One point glyph of ggplot2's shape palette (16, 17, 15, 3, 7, 8): filled circle,
    /// triangle and square, then plus, boxed cross and asterisk drawn with strokes.
    public mutating func glyph(_ shape: Int, x: Double, y: Double, radius r: Double, colour: Colour) {
        func n(_ v: Double) -> String { Self.number(v) }
        switch shape % 6 {
        case 0:
            body += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\"\(paint(fill: colour, stroke: nil))/>\n"
        case 1:
            let h = r * 1.35
            polygon([(x, y - h), (x + h * 0.866, y + h / 2), (x - h * 0.866, y + h / 2)], fill: colour)
        case 2:
            rect(x: x - r * 0.9, y: y - r * 0.9, width: 1.8 * r, height: 1.8 * r, fill: colour)
        case 3:
            let h = r * 1.25
            body += "<path d=\"M\(n(x - h)),\(n(y))H\(n(x + h))M\(n(x)),\(n(y - h))V\(n(y + h))\"\(paint(fill: nil, stroke: colour, strokeWidth: 1))/>\n"
        case 4:
            let h = r * 0.9
            rect(x: x - h, y: y - h, width: 2 * h, height: 2 * h, fill: nil, stroke: colour, strokeWidth: 1)
            body += "<path d=\"M\(n(x - h)),\(n(y - h))L\(n(x + h)),\(n(y + h))M\(n(x - h)),\(n(y + h))L\(n(x + h)),\(n(y - h))\"\(paint(fill: nil, stroke: colour, strokeWidth: 1))/>\n"
        default:
            let h = r * 1.25, d = h * 0.707
            body += "<path d=\"M\(n(x - h)),\(n(y))H\(n(x + h))M\(n(x)),\(n(y - h))V\(n(y + h))M\(n(x - d)),\(n(y - d))L\(n(x + d)),\(n(y + d))M\(n(x - d)),\(n(y + d))L\(n(x + d)),\(n(y - d))\"\(paint(fill: nil, stroke: colour, strokeWidth: 1))/>\n"
        }
    }

    /// Many open circles of one stroke (base R's default plotting symbol, pch = 1).
    public mutating func openCircles(_ centres: [(Double, Double)], radius: Double, stroke: Colour, width: Double) {
        guard !centres.isEmpty else { return }
        body += "<g\(paint(fill: nil, stroke: stroke, strokeWidth: width))>\n"
        let r = Self.number(radius)
        for (x, y) in centres { body += "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(r)\"/>\n" }
        body += "</g>\n"
    }

    /// Starts a group whose contents are clipped to a rectangle (closed by `endGroup`).
    public mutating func beginClip(id: String, x: Double, y: Double, width: Double, height: Double) {
        let safe = Self.escape(id)
        body += "<clipPath id=\"\(safe)\"><rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"/></clipPath>\n"
        body += "<g clip-path=\"url(#\(safe))\">\n"
    }

    public mutating func endGroup() { body += "</g>\n" }

    /// Another writer's drawing, moved to (x, y): one panel of a page.
    public mutating func group(_ other: SVGWriter, x: Double, y: Double) {
        body += "<g transform=\"translate(\(Self.number(x)) \(Self.number(y)))\">\n" + other.body + "</g>\n"
    }

    public enum Anchor: String { case start, middle, end }

    public mutating func text(_ s: String, x: Double, y: Double, size: Double, colour: Colour, anchor: Anchor = .start, rotate: Double? = nil, bold: Bool = false) {
        var t = "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" fill=\"\(colour.hex)\""
        if bold { t += " font-weight=\"bold\"" }
        if anchor != .start { t += " text-anchor=\"\(anchor.rawValue)\"" }
        if let rotate { t += " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\"" }
        // SVG folds runs of spaces; R's labels keep them ("N = 32   Bandwidth = 2.477").
        var kept = s
        while kept.contains("  ") { kept = kept.replacingOccurrences(of: "  ", with: " \u{00A0}") }
        body += t + ">\(Self.escape(kept))</text>\n"
    }

    /// The finished document: sized in points, with a title and description for screen
    /// readers. `id` keeps element ids unique when several figures share one page.
    public func document(title: String, description: String, id: String = "figure") -> String {
        let safe = Self.escape(id)
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.number(width))pt" height="\(Self.number(height))pt" viewBox="0 0 \(Self.number(width)) \(Self.number(height))" role="img" aria-labelledby="\(safe)-title \(safe)-desc" font-family="Helvetica, Arial, sans-serif">
        <title id="\(safe)-title">\(Self.escape(title))</title>
        <desc id="\(safe)-desc">\(Self.escape(description))</desc>
        \(body)</svg>

        """
    }
}
