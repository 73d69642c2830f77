import Foundation

/// Byte-level number parsers for the CSV readers: each takes a field's bytes and answers the
/// value or nil, never reading outside the field.
enum NumberParsing {
    private static let powersOf10: [Double] = (0...22).map { pow(10, Double($0)) }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// C's isspace, which R's strtol and R_strtod skip.
    @inline(__always)
    static func isCSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// R's Strtoi as type.convert uses it: C strtol over the whole field (leading whitespace and
    /// a sign allowed, nothing after the digits), within R's integer range, which leaves out
    /// -2^31 because that is NA_integer_.
    static func rInteger(_ f: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = f.count
        while i < n, isCSpace(f[i]) { i += 1 }
        var negative = false
        if i < n, f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+") {
            negative = f[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < n else { return nil }
        var value = 0
        while i < n {
            let d = f[i] &- 0x30
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
            if value > 2_147_483_647 { return nil }
            i += 1
        }
        return negative ? -value : value
    }

    /// R's R_strtod followed by a check that only whitespace remains (type.convert's rule for
    /// "numeric"): leading whitespace, a sign, NaN, Inf, infinity (any case), hexadecimal, or a
    /// decimal with an optional exponent whose digits may be missing ("1e" is 1).
    static func rDouble(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = f.count
        while i < n, isCSpace(f[i]) { i += 1 }
        var end = n
        while end > i, isCSpace(f[end - 1]) { end -= 1 }
        guard i < end else { return nil }
        var sign = 1.0
        if f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+") {
            if f[i] == UInt8(ascii: "-") { sign = -1 }
            i += 1
        }
        let rest = UnsafeBufferPointer(rebasing: f[i..<end])
        if let special = nanOrInfinity(rest, allowInfinityWord: true) { return sign * special }
        if rest.count > 2, rest[0] == UInt8(ascii: "0"), rest[1] | 0x20 == UInt8(ascii: "x") {
            // Hexadecimal, as C's strtod reads it (R_strtod does the same, "0x1p3" too).
            guard let value = strtodWhole(rest) else { return nil }
            return sign * value
        }
        guard let value = decimal(rest, exponentDigitsOptional: true) else { return nil }
        return sign * value
    }

    /// "NaN", "Inf" (and, for R, "infinity"), any case; the sign is handled by the caller.
    static func nanOrInfinity(_ f: UnsafeBufferPointer<UInt8>, allowInfinityWord: Bool) -> Double? {
        func matches(_ word: StaticString) -> Bool {
            guard f.count == word.utf8CodeUnitCount else { return false }
            for k in 0..<f.count where f[k] | 0x20 != word.utf8Start[k] { return false }
            return true
        }
        if matches("nan") { return .nan }
        if matches("inf") || (allowInfinityWord && matches("infinity")) { return .infinity }
        return nil
    }

    /// An unsigned decimal: digits, an optional "." and digits (at least one digit in all),
    /// an optional exponent. Correctly rounded: exact for up to 15 digits and small exponents
    /// (Clinger's fast path), C's strtod otherwise.
    static func decimal(_ f: UnsafeBufferPointer<UInt8>, exponentDigitsOptional: Bool) -> Double? {
        let n = f.count
        var i = 0
        var mantissa: UInt64 = 0
        var digits = 0          // significant digits kept in mantissa
        var anyDigit = false
        var scale = 0           // power of ten to apply
        var exact = true
        while i < n, isDigit(f[i]) {
            anyDigit = true
            if digits < 19 {
                if mantissa != 0 || f[i] != UInt8(ascii: "0") {
                    mantissa = mantissa * 10 + UInt64(f[i] - 0x30)
                    digits += 1
                }
            } else {
                scale += 1
                exact = false
            }
            i += 1
        }
        if i < n, f[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, isDigit(f[i]) {
                anyDigit = true
                if digits < 19 {
                    if mantissa != 0 || f[i] != UInt8(ascii: "0") {
                        mantissa = mantissa * 10 + UInt64(f[i] - 0x30)
                        digits += 1
                    }
                    scale -= 1
                } else {
                    exact = false
                }
                i += 1
            }
        }
        guard anyDigit else { return nil }
        if i < n, f[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n, f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+") {
                expNegative = f[i] == UInt8(ascii: "-")
                i += 1
            }
            var exponent = 0
            var expDigits = 0
            while i < n, isDigit(f[i]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(f[i] - 0x30) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 && !exponentDigitsOptional { return nil }
            scale += expNegative ? -exponent : exponent
        }
        guard i == n else { return nil }
        if mantissa == 0 { return 0 }
        if exact, digits <= 15, abs(scale) <= 22 {
            let m = Double(mantissa)
            return scale >= 0 ? m * powersOf10[scale] : m / powersOf10[-scale]
        }
        return strtodWhole(f) ?? fallbackDecimal(f)
    }

    /// C's strtod over the whole field, or nil when it stops early.
    static func strtodWhole(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        guard f.count < 512 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: f.count + 1) { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            for k in 0..<f.count { base[k] = CChar(bitPattern: f[k]) }
            base[f.count] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &endPointer)
            guard let endPointer, endPointer - base == f.count else { return nil }
            return value
        }
    }

    /// strtod stops at an exponent marker with no digits ("1e", "1e+"), which R reads as 1.
    private static func fallbackDecimal(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        var end = f.count
        while end > 0, !isDigit(f[end - 1]), f[end - 1] != UInt8(ascii: ".") { end -= 1 }
        guard end < f.count, end > 0 else { return nil }
        return strtodWhole(UnsafeBufferPointer(rebasing: f[0..<end]))
    }
}

extension NumberParsing {
    /// readr's double: a sign, digits with an optional point and exponent ("1e" is 1), or
    /// NaN / Inf in any case; a whole part with a leading zero ("00012") stays text, as
    /// readr keeps such identifiers.
    static func readrDouble(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let (sign, rest) = splitSign(f) else { return nil }
        if let special = nanOrInfinity(rest, allowInfinityWord: false) { return sign * special }
        guard !hasLeadingZero(rest), let value = decimal(rest, exponentDigitsOptional: true) else { return nil }
        return sign * value
    }

    /// readr's number with grouping marks: "1,000.5", even "1,0,0" (commas are dropped
    /// wherever they stand after the first digit).
    static func readrGroupedNumber(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let (sign, rest) = splitSign(f), let first = rest.first, isDigit(first),
              !hasLeadingZero(rest) else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(rest.count)
        var sawPoint = false
        for b in rest {
            if b == UInt8(ascii: ",") {
                if sawPoint { return nil }
                continue
            }
            if b == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if !isDigit(b) {
                return nil
            }
            digits.append(b)
        }
        return digits.withUnsafeBufferPointer { decimal($0, exponentDigitsOptional: false) }.map { sign * $0 }
    }

    private static func splitSign(_ f: UnsafeBufferPointer<UInt8>) -> (Double, UnsafeBufferPointer<UInt8>)? {
        guard let first = f.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            return (first == UInt8(ascii: "-") ? -1 : 1, UnsafeBufferPointer(rebasing: f[1...]))
        }
        return (1, f)
    }

    private static func hasLeadingZero(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        f.count >= 2 && f[0] == UInt8(ascii: "0") && isDigit(f[1])
    }
}
