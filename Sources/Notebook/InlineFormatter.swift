import Foundation
import MLMLang

/// knitr's formatting of inline code results for Markdown: numbers rounded to 7 digits,
/// powers of ten as `1.2 &times; 10<sup>8</sup>` when the exponent is 4 or more away from 0.
enum InlineFormatter {
    static func format(_ value: RValue, digits: Int = 7) -> String {
        guard case .vector(let v) = value else {
            if case .null = value { return "" }
            return Deparser.deparseValue(value)
        }
        if case .double(let xs) = v.storage, v.attributes["class"] == nil {
            return xs.map { formatNumber($0, digits: digits) }.joined(separator: ", ")
        }
        return Coerce.asCharacter(value).map { $0 ?? "NA" }.joined(separator: ", ")
    }

    static func formatNumber(_ x: Double, digits: Int) -> String {
        if x.isNaN || x == 0 || x.isInfinite { return Coerce.asCharacter(.scalar(x))[0] ?? "NA" }
        let power = Int(floor(log10(abs(x))))
        if abs(power) < 4 { return rounded(x, digits: digits) }
        var mantissa = rounded(x / pow(10, Double(power)), digits: digits)
        if mantissa == "1" { mantissa = "" } else if mantissa == "-1" { mantissa = "-" }
        let times = mantissa.isEmpty || mantissa == "-" ? "" : " &times; "
        return "\(mantissa)\(times)10<sup>\(power)</sup>"
    }

    /// `as.character(round(x, digits))`.
    private static func rounded(_ x: Double, digits: Int) -> String {
        let scale = pow(10, Double(digits))
        let r = (x * scale).rounded(.toNearestOrEven) / scale
        return Coerce.asCharacter(.scalar(r))[0] ?? "NA"
    }
}
