/// A line's dash pattern as R's graphics engine specifies it: a string of hex digits, each the
/// length of a dash or a gap in units of the line width ("44" dashed, "13" dotted), empty for
/// a solid line.
public struct LineType: Equatable {
    public var pattern: String

    public init(pattern: String) { self.pattern = pattern }

    public static let solid = LineType(pattern: "")
    public static let dashed = LineType(pattern: "44")
    public static let dotted = LineType(pattern: "13")

    /// par(lty)'s names and numbers in order: blank, solid, dashed, dotted, dotdash, longdash,
    /// twodash. Blank is drawn as solid (mlmd draws no invisible lines).
    static let numbered = ["", "", "44", "13", "1343", "73", "2262"]
    static let names = ["blank", "solid", "dashed", "dotted", "dotdash", "longdash", "twodash"]

    /// An lty given by name, by hex digits ("F4"), or nil when R would refuse it.
    public init?(name: String) {
        if let k = Self.names.firstIndex(of: name) { self.init(pattern: Self.numbered[k]); return }
        let digits = name.compactMap(\.hexDigitValue)
        guard digits.count == name.count, [2, 4, 6, 8].contains(digits.count), !digits.contains(0) else { return nil }
        self.init(pattern: name)
    }

    /// An lty given by number: 0 to 6, cycling after 6 as R does.
    public init(number: Int) {
        self.init(pattern: number <= 0 ? "" : Self.numbered[(number - 1) % 6 + 1])
    }

    /// The SVG stroke-dasharray at a line width in points, nil for a solid line.
    public func dashArray(width: Double) -> String? {
        guard !pattern.isEmpty else { return nil }
        return pattern.compactMap(\.hexDigitValue).map { SVGWriter.number(Double($0) * width) }.joined(separator: ",")
    }
}
