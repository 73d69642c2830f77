import Foundation

/// viridisLite's `viridis(n, alpha, begin, end, direction, option)`, computed as R computes it:
/// the option's 256-colour map (DiscretePalettes.viridisMaps) is taken to CIE Lab, each channel
/// interpolated by an fmm spline over seq(0, 1, length.out = 256) (grDevices' colorRamp with
/// space = "Lab", interpolate = "spline"), evaluated at seq(begin, end, length.out = n), taken
/// back to sRGB (rounded to 5 decimals and clipped, as convertColor does) and written by rgb().
public enum ViridisPalette {
    /// The option letter for viridisLite's names and letters; nil for an unknown option.
    public static func optionLetter(_ option: String) -> String? {
        let names = ["magma": "A", "inferno": "B", "plasma": "C", "viridis": "D", "cividis": "E", "rocket": "F",
                     "mako": "G", "turbo": "H"]
        if let letter = names[option] { return letter }
        return DiscretePalettes.viridisMaps[option] != nil ? option : nil
    }

    /// "#RRGGBBAA" colours; nil when the option is unknown. begin and end must lie in [0, 1].
    public static func colours(count n: Int, alpha: Double = 1, begin: Double = 0, end: Double = 1,
                               direction: Int = 1, option: String = "D") -> [String]? {
        guard n > 0 else { return [] }
        guard let letter = optionLetter(option), let map = DiscretePalettes.viridisMaps[letter] else { return nil }
        let (from, to) = direction == -1 ? (end, begin) : (begin, end)
        let lab = map.compactMap { Colour(hex: $0) }.map { ColourSpaces.lab(fromSRGB: [$0.red, $0.green, $0.blue]) }
        let x = sequenceInt(0, 1, count: lab.count)
        let channels = (0..<3).map { k in CubicSpline.function(x: x, y: lab.map { $0[k] }) }
        return sequence(from, to, count: n).map { t in
            let rgb = ColourSpaces.sRGB(fromLab: channels.map { $0(t) })
            return hex(rgb.map { min(max($0, 0), 1) }, alpha: alpha)
        }
    }

    /// seq(from, to, length.out = n) as R's seq.default computes it: the ends exact, the inner
    /// points from + i * by.
    static func sequence(_ from: Double, _ to: Double, count n: Int) -> [Double] {
        if n == 1 { return [from] }
        if from == to { return [Double](repeating: from, count: n) }
        let by = (to - from) / Double(n - 1)
        var values: [Double] = [from]
        for i in 1..<n - 1 { values.append(from + Double(i) * by) }
        values.append(to)
        return values
    }

    /// seq.int(from, to, length.out = n), as R's C code computes it: the first half of the inner
    /// points counted from `from`, the second half back from `to` (colorRamp's knots).
    static func sequenceInt(_ from: Double, _ to: Double, count n: Int) -> [Double] {
        if n == 1 { return [from] }
        let by = (to - from) / Double(n - 1)
        return (0..<n).map { i in
            if i == 0 { return from }
            if i == n - 1 { return to }
            return i < n / 2 ? from + Double(i) * by : to - Double(n - 1 - i) * by
        }
    }

    /// rgb(r, g, b, alpha) with maxColorValue = 1: each channel scaled to 0...255 and rounded.
    static func hex(_ rgb: [Double], alpha: Double) -> String {
        let scaled = (rgb + [alpha]).map { UInt8(clamping: Int(255 * $0 + 0.5)) }
        return "#" + scaled.map { String(format: "%02X", $0) }.joined()
    }
}

/// grDevices' colour spaces for sRGB and CIE Lab (convertColor), with R's D65 white point.
enum ColourSpaces {
    /// c2to3(white.points[, "D65"]): the xyY chromaticity 0.3137, 0.3291 as XYZ with Y = 1.
    static let white: [Double] = chromaticity(0.3137, 0.3291)

    private static func chromaticity(_ x: Double, _ y: Double) -> [Double] { [x / y, 1, (1 - x - y) / y] }

    /// make.rgb's M for sRGB's primaries: rows are the primaries' XYZ scaled to sum to the white.
    static let rgbToXYZ: [[Double]] = {
        let primaries = [chromaticity(0.64, 0.33), chromaticity(0.3, 0.6), chromaticity(0.15, 0.06)]
        let s = rowTimesInverse(white, primaries)
        return (0..<3).map { i in primaries[i].map { $0 * s[i] } }
    }()

    static let xyzToRGB: [[Double]] = inverse(rgbToXYZ)

    static func lab(fromSRGB rgb: [Double]) -> [Double] {
        let linear = rgb.map { $0 < 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        let xyz = rowTimes(linear, rgbToXYZ)
        let epsilon = 216.0 / 24389, kappa = 24389.0 / 27
        let f = (0..<3).map { k -> Double in
            let r = xyz[k] / white[k]
            return r <= epsilon ? (kappa * r + 16) / 116 : pow(r, 1.0 / 3)
        }
        return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])]
    }

    /// Lab to sRGB, rounded to 5 decimals and clipped to [0, 1] as convertColor's trim does.
    static func sRGB(fromLab lab: [Double]) -> [Double] {
        let epsilon = 216.0 / 24389, kappa = 24389.0 / 27
        let l = lab[0]
        let yr = l < kappa * epsilon ? l / kappa : pow((l + 16) / 116, 3)
        let fy = ((yr <= epsilon ? kappa * yr : l) + 16) / 116
        let fx = lab[1] / 500 + fy, fz = fy - lab[2] / 200
        let fx3 = pow(fx, 3), fz3 = pow(fz, 3)
        let xr = fx3 <= epsilon ? (116 * fx - 16) / kappa : fx3
        let zr = fz3 <= epsilon ? (116 * fz - 16) / kappa : fz3
        let xyz = [xr * white[0], yr * white[1], zr * white[2]]
        let linear = rowTimes(xyz, xyzToRGB)
        return linear.map { v in
            let g = v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055
            let rounded = (g * 1e5).rounded() / 1e5
            return min(max(rounded, 0), 1)
        }
    }

    /// The row vector v times the 3 x 3 matrix m (rows of m).
    private static func rowTimes(_ v: [Double], _ m: [[Double]]) -> [Double] {
        (0..<3).map { j in v[0] * m[0][j] + v[1] * m[1][j] + v[2] * m[2][j] }
    }

    /// v times the inverse of m.
    private static func rowTimesInverse(_ v: [Double], _ m: [[Double]]) -> [Double] { rowTimes(v, inverse(m)) }

    /// The inverse of a 3 x 3 matrix by cofactors.
    private static func inverse(_ m: [[Double]]) -> [[Double]] {
        let det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        let c: [[Double]] = [
            [m[1][1] * m[2][2] - m[1][2] * m[2][1], m[0][2] * m[2][1] - m[0][1] * m[2][2], m[0][1] * m[1][2] - m[0][2] * m[1][1]],
            [m[1][2] * m[2][0] - m[1][0] * m[2][2], m[0][0] * m[2][2] - m[0][2] * m[2][0], m[0][2] * m[1][0] - m[0][0] * m[1][2]],
            [m[1][0] * m[2][1] - m[1][1] * m[2][0], m[0][1] * m[2][0] - m[0][0] * m[2][1], m[0][0] * m[1][1] - m[0][1] * m[1][0]],
        ]
        return c.map { row in row.map { $0 / det } }
    }
}
