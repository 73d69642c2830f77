import Foundation

/// How R writes one double with 15 significant digits (write.table's per-value formatting):
/// the fewest digits that keep the value at 15-digit precision, in fixed notation unless
/// scientific notation is narrower (R's formatReal with scipen = 0).
enum RNumberFormat {
    static func format(_ x: Double) -> String {
        if x.isNaN { return "NA" }  // write.csv writes NaN as NA
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        if x == 0 { return "0" }
        // 15 significant digits, then drop trailing zeros to find how many are needed.
        let sci15 = String(format: "%.14e", x)
        guard let eIndex = sci15.firstIndex(of: "e"), let exponent = Int(sci15[sci15.index(after: eIndex)...]) else {
            return sci15
        }
        let mantissaDigits = sci15[..<eIndex].filter(\.isNumber)
        var significant = mantissaDigits.count
        for c in mantissaDigits.reversed() {
            guard c == "0", significant > 1 else { break }
            significant -= 1
        }
        let negative = x < 0 ? 1 : 0
        let exponentWidth = abs(exponent) >= 100 ? 3 : 2
        let sciWidth = negative + (significant > 1 ? significant + 1 : 1) + 2 + exponentWidth
        let decimals = max(0, significant - exponent - 1)
        let fixedWidth = negative + (exponent >= 0 ? exponent + 1 : 1) + (decimals > 0 ? decimals + 1 : 0)
        if fixedWidth <= sciWidth {
            return String(format: "%.*f", decimals, x)
        }
        return String(format: "%.*e", significant - 1, x)
    }
}
