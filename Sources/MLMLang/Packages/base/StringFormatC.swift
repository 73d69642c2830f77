import Foundation

/// formatC: each number through C's printf with a width, precision and flags, element by
/// element (unlike format, which finds one common layout).
enum StringFormatC {
    static func install(_ interp: Interpreter) {
        interp.define("formatC") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["x", "width", "digits", "format", "flag", "mode", "big.mark", "big.interval", "small.mark",
                 "small.interval", "decimal.mark", "preserve.width", "zero.print", "replace.zero", "drop0trailing"],
                args, call: ctx.call)
            return try formatC(m, interp: ctx.interpreter, call: ctx.call)
        }
    }

    private static func formatC(_ m: [String: RValue], interp: Interpreter, call: Call) throws -> RValue {
        guard case .vector(var x)? = m["x"] else {
            if m["x"]?.isNullValue ?? true { return .character([]) }
            throw RError("unsupported type ")
        }
        // Classes are dropped; every other attribute is copied onto the result.
        x.attributes["class"] = nil
        let flag = m["flag"]?.scalarString() ?? ""
        if let f = m["flag"], f.length != 1 { throw RError("'flag' must be a string, i.e., of length 1") }
        guard flag.allSatisfy({ "0+- #'I".contains($0) }) else {
            throw RError("'flag' should contain only characters from [0+- #'I]")
        }
        guard x.count > 0 else { return .character([]) }
        var width = StringSupport.int(m["width"])
        var digits = StringSupport.int(m["digits"])
        var format = m["format"].flatMap { $0.isNullValue ? nil : $0 }?.scalarString()

        var mode = x.storage.typeName
        if let given = m["mode"]?.scalarString() {
            switch given {
            case "double", "real":
                mode = "double"
                x.storage = .double(Coerce.doubles(x) ?? [])
            case "integer":
                mode = "integer"
                x.storage = .integer(Coerce.integers(x) ?? [])
            case "character":
                mode = "character"
            default:
                throw RError("'mode' must be \"double\" (\"real\"), \"integer\" or \"character\"")
            }
        }
        if mode == "character" || format == "s" {
            if mode != "character" { interp.warning("coercing argument to \"character\" for format=\"s\"", call: call) }
            let texts = formatChar(Coerce.strings(x), width: width, flag: flag)
            return attach(texts, from: x)
        }
        if let f = format {
            if ["f", "e", "E", "g", "G", "fg"].contains(f) {
                if mode == "integer" { mode = "double"; x.storage = .double(Coerce.doubles(x) ?? []) }
            } else if f == "d" {
                if mode != "integer" {
                    let after = Coerce.integersWarningOutOfRange(x, interp, call: call) ?? []
                    mode = "integer"
                    x.storage = .integer(after)
                }
            } else {
                throw RError("'format' must be one of {\"f\",\"e\",\"E\",\"g\",\"G\", \"fg\", \"s\"}")
            }
        } else {
            format = mode == "integer" ? "d" : "g"
        }
        let numbers: [Double]
        switch x.storage {
        case .integer(let a): numbers = a.map { $0 == NAInteger ? NAReal : Double($0) }
        case .double(let a): numbers = a
        default: throw RError("unsupported type ")
        }
        if width == nil && digits == nil { width = 1 }
        if let d = digits {
            let limit = format == "f" ? maxFixedDigits : 50
            if d < 0 {
                digits = 6
            } else if d > limit {
                interp.warning("'digits' reduced to \(limit)", call: call)
                digits = limit
            }
        } else {
            digits = mode == "integer" ? 2 : 4
        }
        var dig = digits ?? 4
        if width == nil { width = dig + 1 } else if width == 0 { width = dig }
        let w = width ?? 1
        // A "#" flag keeps trailing zeros, which "fg" otherwise removes.
        let keepZeros = dig > 0 && flag.contains("#")
        if keepZeros { dig = -dig }
        let conversion = format ?? "g"

        var out: [String?] = try numbers.map { v in
            guard v.isFinite else { return nil }
            return mode == "integer" ? try StringSupport.cFormat("%\(flag)*d", [Int32(clamping: w), Int32(truncatingIfNeeded: Int(v))])
                                     : try signif(v, width: w, digits: dig, format: conversion, flag: flag)
        }
        // NA, NaN and Inf are written as words, formatted together as strings.
        let special = numbers.indices.filter { !numbers[$0].isFinite }
        if !special.isEmpty {
            let words = special.map { i -> String? in
                let v = numbers[i]
                return v.isNaN ? (v.isRNA ? "NA" : "NaN") : (v > 0 ? "Inf" : "-Inf")
            }
            for (i, text) in zip(special, formatChar(words, width: w, flag: flag)) { out[i] = text }
        }
        var marks = try StringFormat.readMarks(m)
        marks.inputDecimalMark = "."
        if !marks.isTrivial {
            let preserve = StringFormat.PreserveWidth(rawValue: try StringSupport.choice(
                m["preserve.width"], ["individual", "common", "none"])) ?? .individual
            out = StringFormat.applyMarks(out, marks, preserve: preserve)
        }
        return attach(out, from: x)
    }

    /// The most decimals "f" may ask for: enough to show the smallest subnormal double.
    private static let maxFixedDigits = 324

    private static func attach(_ texts: [String?], from x: RVector) -> RValue {
        var out = RVector(.character(texts))
        for (name, value) in x.attributes.entries { out.attributes[name] = value }
        return .vector(out)
    }

    /// Strings right-justified to `width`, or left-justified for flag "-" or a negative width.
    private static func formatChar(_ s: [String?], width: Int?, flag: String) -> [String?] {
        var w = width ?? 0
        var left = flag == "-"
        if w < 0 { left = true; w = -w }
        return StringFormat.justify(s, left ? .left : .right, width: w, naEncode: true)
    }

    /// One double by C's printf; "fg" asks for `digits` significant digits in fixed notation.
    private static func signif(_ x: Double, width: Int, digits: Int, format: String, flag: String) throws -> String {
        let dig = abs(digits)
        guard format == "fg" else {
            return try StringSupport.cFormat("%\(flag)*.*\(format)", [Int32(clamping: width), Int32(clamping: dig), x])
        }
        if x == 0 { return "0" }
        var value = x
        let magnitude = abs(x)
        var iex = Int(floor(log10(magnitude) + 1e-12))
        let scale = pow(10.0, Double(dig - 1))
        let mantissa = ((magnitude / pow(10.0, Double(iex)) + 1e-12) * scale).rounded() / scale
        if iex > 0 && mantissa >= 10 {
            // Rounding carried into a new leading digit.
            value = (x < 0 ? -mantissa : mantissa) * pow(10.0, Double(iex))
            iex += 1
        }
        if iex == -4 && magnitude < 1e-4 { iex = -5 }
        if iex < -4 {
            // %g would switch to an exponent here; print enough decimals instead.
            var s = try StringSupport.cFormat("%\(flag).*f", [Int32(clamping: dig - 1 - iex), value])
            if digits >= 0 { while s.hasSuffix("0") { s.removeLast() } }
            return s
        }
        return try StringSupport.cFormat("%\(flag)*.*g", [Int32(clamping: width), Int32(clamping: iex >= dig ? iex + 1 : dig), value])
    }
}
