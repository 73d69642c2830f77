import Foundation

/// The layout R chooses for a set of doubles: total width, digits after the point (or of the
/// mantissa), and 0 for fixed notation or 1/2 for an exponent of two/three digits.
public struct RealFormat: Equatable {
    public var width: Int
    public var digits: Int
    public var exponent: Int
}

/// R's number formatting (src/main/format.c: scientific, formatReal, encodeReal0).
public enum RFormat {
    private static let maxPower = 27
    /// Powers of ten in extended precision, as R scales by them in `scientific`.
    private static let powersOfTen: [Float80] = (0...maxPower).map { k in
        var p: Float80 = 1
        for _ in 0..<k { p *= 10 }
        return p
    }
    private static let minDecimalExponent = -308

    /// Decomposes |x| = alpha * 10^kpower with alpha rounded to `digits` significant digits;
    /// nsig is how many of those digits are needed (trailing zeros dropped).
    static func scientific(_ x: Double, digits R: Int) -> (negative: Bool, kpower: Int, nsig: Int, roundingWidens: Bool) {
        if x == 0 { return (false, 0, 1, false) }
        let negative = x < 0
        let r = abs(x)
        if R >= 16 {
            // Beyond double precision R reads the digits off C's printf.
            let text = String(format: "%#.*e", R - 1, r)
            let chars = Array(text.utf8)
            guard let ePos = chars.firstIndex(of: UInt8(ascii: "e")), let kpower = Int(String(decoding: chars[(ePos + 1)...], as: UTF8.self)) else {
                return (negative, 0, 1, false)
            }
            var i = R
            while i >= 2 && chars[i] == UInt8(ascii: "0") { i -= 1 }
            return (negative, kpower, i, false)
        }
        var kp = Int(floor(log10(r))) - R + 1
        var rPrec = Float80(r)
        if abs(kp) < 10 {
            if kp > 0 { rPrec /= powersOfTen[kp] } else if kp < 0 { rPrec *= powersOfTen[-kp] }
        } else if kp <= minDecimalExponent {
            rPrec = (Float80(r) * 1e303) / pow10(kp + 303)
        } else {
            rPrec /= pow10(kp)
        }
        if rPrec < powersOfTen[max(R - 1, 0)] {
            rPrec *= 10
            kp -= 1
        }
        var alpha = Double(rPrec.rounded(.toNearestOrEven))
        var nsig = R
        for _ in 0..<R {
            alpha /= 10
            if alpha == alpha.rounded(.down) { nsig -= 1 } else { break }
        }
        if nsig == 0 && R > 0 {
            nsig = 1
            kp += 1
        }
        let kpower = kp + R - 1
        var rgt = R - kpower
        rgt = rgt < 0 ? 0 : (rgt > maxPower ? maxPower : rgt)
        let fuzz = 0.5 / Double(powersOfTen[rgt])
        let widens = kpower > 0 && kpower <= maxPower && r < Double(powersOfTen[kpower]) - fuzz
        return (negative, kpower, nsig, widens)
    }

    private static func pow10(_ k: Int) -> Float80 {
        if k >= 0 && k <= maxPower { return powersOfTen[k] }
        return Float80(sign: .plus, exponent: 0, significand: 1) * Float80(pow(10.0, Double(k)))
    }

    /// The common format of a vector of doubles.
    public static func formatReal(_ xs: [Double], digits: Int, nsmall: Int = 0, scipen: Int = 0, naWidth: Int = 2) -> RealFormat {
        var naflag = false, nanflag = false, posinf = false, neginf = false
        var neg = false
        var rgt = Int.min, mxl = Int.min, mxsl = Int.min, mxns = Int.min, mnl = Int.max
        for x in xs {
            if !x.isFinite {
                if x.isRNA { naflag = true } else if x.isNaN { nanflag = true } else if x > 0 { posinf = true } else { neginf = true }
                continue
            }
            let s = scientific(x, digits: digits)
            var left = s.kpower + 1
            if s.roundingWidens { left -= 1 }
            let sleft = (s.negative ? 1 : 0) + (left <= 0 ? 1 : left)
            let right = s.nsig - left
            if s.negative { neg = true }
            rgt = max(rgt, right)
            mxl = max(mxl, left)
            mnl = min(mnl, left)
            mxsl = max(mxsl, sleft)
            mxns = max(mxns, s.nsig)
        }
        var f = RealFormat(width: 0, digits: 0, exponent: 0)
        if mxl != Int.min {
            if mxl < 0 { mxsl = 1 + (neg ? 1 : 0) }
            if rgt < 0 { rgt = 0 }
            var wF = mxsl + rgt + (rgt != 0 ? 1 : 0)
            f.exponent = (mxl > 100 || mnl <= -99) ? 2 : 1
            f.digits = mxns - 1
            f.width = (neg ? 1 : 0) + (f.digits > 0 ? 1 : 0) + f.digits + 4 + f.exponent
            if wF <= f.width + scipen {
                f.exponent = 0
                if nsmall > rgt {
                    rgt = nsmall
                    wF = mxsl + rgt + (rgt != 0 ? 1 : 0)
                }
                f.digits = rgt
                f.width = wF
            }
        }
        if naflag { f.width = max(f.width, naWidth) }
        if nanflag { f.width = max(f.width, 3) }
        if posinf { f.width = max(f.width, 3) }
        if neginf { f.width = max(f.width, 4) }
        return f
    }

    /// One double in a chosen format, right-justified to its width.
    public static func encodeReal(_ x: Double, _ f: RealFormat, naString: String = "NA") -> String {
        let text: String
        if x.isRNA { text = naString }
        else if x.isNaN { text = "NaN" }
        else if x.isInfinite { text = x > 0 ? "Inf" : "-Inf" }
        else {
            let v = x == 0 ? 0.0 : x // R drops the sign of zero
            if f.exponent != 0 {
                text = String(format: f.digits > 0 ? "%#.*e" : "%.*e", f.digits, v)
            } else {
                text = String(format: "%.*f", f.digits, v)
            }
        }
        return text.leftPadded(to: f.width)
    }

    /// Width of the widest integer (NA counts as `naWidth`).
    public static func formatInteger(_ xs: [Int], naWidth: Int = 2) -> Int {
        var w = 1
        for x in xs {
            if x == NAInteger { w = max(w, naWidth); continue }
            w = max(w, String(x).count)
        }
        return w
    }

    public static func encodeInteger(_ x: Int, width: Int, naString: String = "NA") -> String {
        (x == NAInteger ? naString : String(x)).leftPadded(to: width)
    }

    public static func formatLogical(_ xs: [Logical], naWidth: Int = 2) -> Int {
        var w = 1
        for x in xs {
            switch x {
            case .no: w = max(w, 5)
            case .yes: w = max(w, 4)
            case .na: w = max(w, naWidth)
            }
        }
        return w
    }

    public static func encodeLogical(_ x: Logical, width: Int, naString: String = "NA") -> String {
        let s: String
        switch x {
        case .yes: s = "TRUE"
        case .no: s = "FALSE"
        case .na: s = naString
        }
        return s.leftPadded(to: width)
    }

    /// `%.*g`-style text with R's choice of fixed or scientific for `digits` significant digits,
    /// as `as.character` and `deparse` use for a single double.
    public static func significant(_ x: Double, digits: Int) -> String {
        if x.isRNA { return "NA" }
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        let f = formatReal([x], digits: digits)
        return encodeReal(x, f).trimmingCharacters(in: .whitespaces)
    }
}
