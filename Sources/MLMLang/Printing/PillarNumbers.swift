import CRmath
import Foundation

/// A numeric column laid out as pillar 1.8 lays it out (split_decimal, format_mantissa):
/// `sigfig` significant digits, integer parts in full, decimal points aligned, and the digits
/// after the point only as many as some value needs. `exponents` is set for the scientific form.
struct PillarDecimal {
    var negative: [Bool]
    var finite: [Bool]
    var lhs: [String]
    var hasPoint: [Bool]
    var rhs: [Double]
    var rhsDigits: [Int]
    var exponents: [Int?]?

    /// get_decimal_width: sign and integer part, point, fraction digits, exponent.
    var width: Int {
        let integerPart = zip(negative, lhs).map { ($0 ? 1 : 0) + $1.count }.max() ?? 0
        let point = hasPoint.contains(true) ? 1 : 0
        let fraction = max(rhsDigits.max() ?? 0, 0)
        var exponent = 0
        if let exponents {
            let present = exponents.compactMap { $0 }
            if let biggest = present.map({ 2 + Int(log10(Double(abs($0)) + 0.5)) }).max() {
                exponent = max(biggest, 0) + (present.contains { $0 < 0 } ? 1 : 0)
            }
        }
        return max(integerPart, 0) + point + fraction + exponent
    }

    /// The cells, each as wide as the widest (assemble_decimal, right-aligned).
    func cells() -> [String] {
        let anyPoint = hasPoint.contains(true)
        let fractionWidth = max(rhsDigits.max() ?? 0, 0)
        let exponentTexts = exponents.map(PillarNumbers.superscriptExponents) ?? [String](repeating: "", count: lhs.count)
        var rows: [String] = []
        for i in lhs.indices {
            var s = (negative[i] ? "-" : "") + lhs[i]
            if anyPoint { s += hasPoint[i] ? "." : " " }
            var fraction = ""
            if hasPoint[i] && rhs[i].isFinite {
                var digits = String(format: "%.0f", abs((rhs[i] * pow(10, Double(rhsDigits[i]))).rounded(.toNearestOrEven)))
                if digits == "0" { digits = "" }
                fraction = String(repeating: "0", count: max(0, rhsDigits[i] - digits.count)) + digits
            }
            s += fraction + String(repeating: " ", count: max(fractionWidth - fraction.count, 0))
            rows.append(s + exponentTexts[i])
        }
        let w = rows.map(\.count).max() ?? 0
        return rows.map { $0.leftPadded(to: w) }
    }
}

enum PillarNumbers {
    static let machineEpsilon2 = 4.440892098500626e-16

    /// split_decimal for the decimal form (scientific: false) or the scientific one.
    static func split(_ x: [Double], isInteger: Bool, sigfig: Int, scientific: Bool) -> PillarDecimal {
        let finite = x.map { $0.isFinite }
        let negative = x.map { !$0.isNaN && $0 < 0 }
        let absolute = x.map { abs($0) }
        var mantissa = absolute
        var exponents: [Int?]?
        if scientific {
            let exps = absolute.map { computeExponent($0, sigfig: sigfig) }
            for i in mantissa.indices where finite[i] && mantissa[i] != 0 {
                if let e = exps[i] { mantissa[i] = mantissa[i] / pow(10, Double(e)) }
            }
            exponents = exps
        }
        let integerTyped = isInteger && !scientific
        let rounded = mantissa.map { m -> Double in
            guard m.isFinite, m != 0 else { return m }
            let minimum = Int(floor(log10(m))) + 1
            return fprec(m, Double(max(sigfig, minimum)))
        }
        let rhsDigits = computeRhsDigits(mantissa, sigfig: sigfig, integerTyped: integerTyped)
        let lhsValues = rounded.map { $0.isFinite ? $0.rounded(.towardZero) : $0 }
        let rhs = zip(rounded, lhsValues).map { $0 - $1 }
        var hasPoint = finite
        for i in x.indices where finite[i] {
            let scale = scientific ? pow(10, Double(exponents?[i].flatMap { $0 } ?? 0)) : 1
            if mantissa[i] == 0 || (rhs[i] == 0 && withinTolerance(lhsValues[i] * scale, absolute[i])) { hasPoint[i] = false }
        }
        let lhs = zip(x, lhsValues).map { original, v -> String in
            if original.isRNA { return "NA" }
            if original.isNaN { return "NaN" }
            if v.isInfinite { return "Inf" }
            return String(format: "%.0f", v)
        }
        return PillarDecimal(negative: negative, finite: finite, lhs: lhs, hasPoint: hasPoint, rhs: rhs,
                             rhsDigits: rhsDigits, exponents: exponents)
    }

    /// compute_exp: the power of ten of each value, rounding up where `sigfig` digits would carry.
    static func computeExponent(_ x: Double, sigfig: Int) -> Int? {
        guard x != 0, x.isFinite else { return nil }
        let offset = log1p(-5 * pow(10, Double(-sigfig - 1))) / log(10)
        return Int(floor(log10(x) - offset))
    }

    /// compute_rhs_digits: digits after the point, dropping trailing zeros value by value.
    static func computeRhsDigits(_ x: [Double], sigfig: Int, integerTyped: Bool) -> [Int] {
        var digits = [Int](repeating: 0, count: x.count)
        let allWhole = x.allSatisfy { $0.isNaN || $0 == $0.rounded(.towardZero) }
        if integerTyped || allWhole { return digits }
        for i in x.indices {
            guard let e = computeExponent(x[i], sigfig: sigfig), e <= sigfig else { continue }
            digits[i] = sigfig - 1 - e
            while digits[i] > 0 {
                let v = x[i] * pow(10, Double(digits[i] - 1))
                if withinTolerance(v, v.rounded(.toNearestOrEven)) { digits[i] -= 1 } else { break }
            }
        }
        return digits
    }

    /// within_tolerance: equal up to two ulps at the same binary magnitude.
    static func withinTolerance(_ x: Double, _ y: Double) -> Bool {
        let lx = log2(x).rounded(.toNearestOrEven), ly = log2(y).rounded(.toNearestOrEven)
        guard !lx.isNaN, !ly.isNaN, lx == ly else { return false }
        if x == y { return true }
        return abs((x - y) * pow(2, -lx)) <= machineEpsilon2
    }

    /// supernum: `e` and the exponent, signed when any is negative, right-justified.
    static func superscriptExponents(_ exps: [Int?]) -> [String] {
        guard exps.contains(where: { $0 != nil }) else { return exps.map { _ in "" } }
        let anyNegative = exps.contains { ($0 ?? 0) < 0 }
        let digits = exps.map { $0.map { String(abs($0)) } ?? "" }
        let w = digits.map(\.count).max() ?? 0
        return exps.indices.map { i in
            let sign = anyNegative ? (exps[i] == nil ? " " : ((exps[i] ?? 0) < 0 ? "-" : "+")) : ""
            return (exps[i] == nil ? " " : "e") + sign + digits[i].leftPadded(to: w)
        }
    }
}
