import Foundation

/// An sRGB colour with alpha, written as SVG wants it.
public struct Colour: Equatable {
    public var red: Double, green: Double, blue: Double, alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// "#RRGGBB" (or "#RRGGBBAA") as R writes colours.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6 || digits.count == 8, let v = UInt64(digits, radix: 16) else { return nil }
        let has = digits.count == 8
        let shift = has ? 8 : 0
        self.init(red: Double((v >> (16 + shift)) & 0xFF) / 255, green: Double((v >> (8 + shift)) & 0xFF) / 255,
                  blue: Double((v >> shift) & 0xFF) / 255, alpha: has ? Double(v & 0xFF) / 255 : 1)
    }

    /// R's colour names that plots use, and grey0 to grey100.
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: " ", with: "")
        if let hex = Self.names[key] { self.init(hex: hex); return }
        for prefix in ["grey", "gray"] where key.hasPrefix(prefix) {
            if let level = Int(key.dropFirst(prefix.count)), (0...100).contains(level) {
                // R rounds level% of 255 to the nearest integer.
                let v = (Double(level) * 255 / 100).rounded() / 255
                self.init(red: v, green: v, blue: v)
                return
            }
        }
        if key.hasPrefix("#") { self.init(hex: key); return }
        if let hex = DiscretePalettes.rColours[key] { self.init(hex: hex); return }
        return nil
    }

    private static let names: [String: String] = [
        "black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "green": "#00FF00", "blue": "#0000FF",
        "grey": "#BEBEBE", "gray": "#BEBEBE", "orange": "#FFA500", "purple": "#A020F0", "yellow": "#FFFF00",
        "darkgreen": "#006400", "darkblue": "#00008B", "darkred": "#8B0000", "steelblue": "#4682B4",
        "navy": "#000080", "firebrick": "#B22222", "forestgreen": "#228B22", "tomato": "#FF6347",
        "skyblue": "#87CEEB", "pink": "#FFC0CB", "brown": "#A52A2A", "cyan": "#00FFFF", "magenta": "#FF00FF",
        "lightgray": "#D3D3D3", "lightgrey": "#D3D3D3", "darkgray": "#A9A9A9", "darkgrey": "#A9A9A9",
        "lightblue": "#ADD8E6", "gold": "#FFD700", "darkorange": "#FF8C00", "violet": "#EE82EE",
        "transparent": "#FFFFFF00",
    ]

    /// The six-digit hex form.
    public var hex: String {
        func byte(_ x: Double) -> String { String(format: "%02X", Int((min(max(x, 0), 1) * 255).rounded())) }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// A colour from polar CIE-LUV coordinates, as R's hcl() computes it (D65 white, sRGB gamma).
    public static func hcl(h: Double, c: Double, l: Double) -> Colour {
        let whiteY = 100.0, whiteU = 0.1978398, whiteV = 0.4683363
        let hr = h * .pi / 180
        let u = c * cos(hr), v = c * sin(hr)
        guard l > 0 else { return Colour(red: 0, green: 0, blue: 0) }
        let y = whiteY * (l > 7.999592 ? pow((l + 16) / 116, 3) : l / 903.3)
        let uu = u / (13 * l) + whiteU, vv = v / (13 * l) + whiteV
        let X = 9.0 * y * uu / (4 * vv)
        let Z = -X / 3 - 5 * y + 3 * y / vv
        func gamma(_ u: Double) -> Double { u > 0.00304 ? 1.055 * pow(u, 1 / 2.4) - 0.055 : 12.92 * u }
        let r = gamma((3.240479 * X - 1.537150 * y - 0.498535 * Z) / whiteY)
        let g = gamma((-0.969256 * X + 1.875992 * y + 0.041556 * Z) / whiteY)
        let b = gamma((0.055648 * X - 0.204043 * y + 1.057311 * Z) / whiteY)
        return Colour(red: min(max(r, 0), 1), green: min(max(g, 0), 1), blue: min(max(b, 0), 1))
    }

    /// ggplot2's default discrete palette: scales::hue_pal()(n).
    public static func huePalette(_ n: Int) -> [Colour] {
        guard n > 0 else { return [] }
        // Hues from 15 to 375 degrees, the last one dropped when it would repeat the first.
        let span = 360.0
        let hues = (0..<n).map { 15 + span * Double($0) / Double(n) }
        return hues.map { hcl(h: $0.truncatingRemainder(dividingBy: 360), c: 100, l: 65) }
    }
}
