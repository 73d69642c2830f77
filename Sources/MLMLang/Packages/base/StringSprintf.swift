import Foundation

/// sprintf: C's printf vectorised over the format and every argument. Like R, each
/// conversion is handed to the C library, after R's own checks of argument types.
enum StringSprintf {
    static func install(_ interp: Interpreter) {
        interp.define("sprintf") { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["fmt", "..."], args, call: ctx.call)
            return try sprintf(m["fmt"], rest.map(\.value), interp: ctx.interpreter, call: ctx.call)
        }
        interp.define("gettextf") { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["fmt", "...", "domain", "trim"], args, call: ctx.call)
            return try sprintf(m["fmt"], rest.map(\.value), interp: ctx.interpreter, call: ctx.call)
        }
    }

    /// Longest piece one conversion may produce, as in R.
    private static let maxLine = 8192

    /// An argument as sprintf sees it: its type decides which conversions are allowed.
    private enum Argument {
        case logical([Logical])
        case integer([Int])
        case double([Double])
        case string([String?])
        case other(RValue)

        init(_ value: RValue) {
            switch value {
            case .vector(let v):
                switch v.storage {
                case .logical(let a): self = .logical(a)
                case .integer(let a): self = .integer(a)
                case .double(let a): self = .double(a)
                case .character(let a): self = .string(a)
                case .list: self = .other(value)
                }
            default: self = .other(value)
            }
        }
    }

    static func sprintf(_ fmtValue: RValue?, _ values: [RValue], interp: Interpreter, call: Call) throws -> RValue {
        guard case .vector(let fv)? = fmtValue, case .character(let formats) = fv.storage else {
            throw RError("'fmt' is not a character vector")
        }
        if formats.isEmpty { return .character([]) }
        for (i, v) in values.enumerated() {
            if case .language = v { throw RError("invalid type of argument[\(i + 1)]: '\(v.typeName)'") }
            if case .vector = v {} else if !v.isNullValue { throw RError("unsupported type") }
        }
        var args = values.map(Argument.init)
        let lengths = values.map(\.length)
        if lengths.contains(0) { return .character([]) }
        let maxlen = ([formats.count] + lengths).max() ?? 0
        if maxlen % formats.count != 0 || lengths.contains(where: { maxlen % $0 != 0 }) {
            throw RError("arguments cannot be recycled to the same length")
        }
        var used = [Bool](repeating: false, count: args.count)
        var out: [String?] = []
        for ns in 0..<maxlen {
            let format = Array((formats[ns % formats.count] ?? "NA").unicodeScalars)
            var text = ""
            var counter = 0
            var cur = 0
            while cur < format.count {
                guard format[cur] == "%" else {
                    let end = format[cur...].firstIndex(of: "%") ?? format.count
                    text += String(codePoints: format[cur..<end])
                    cur = end
                    continue
                }
                if cur + 1 < format.count && format[cur + 1] == "%" {
                    text += "%"
                    cur += 2
                    continue
                }
                guard let end = format[(cur + 1)...].firstIndex(where: { "diosfeEgGxXaA".unicodeScalars.contains($0) }) else {
                    throw RError("unrecognised format specification '\(String(codePoints: format[cur...]))'")
                }
                var spec = Array(format[cur...end])
                cur = end + 1
                let nthis = try takePosition(&spec, at: 1, nargs: args.count)
                var star: Int?
                if let s = spec.firstIndex(of: "*") {
                    var nstar = try takePosition(&spec, at: s + 1, nargs: args.count)
                    if nstar == nil {
                        guard counter < args.count else { throw RError("too few arguments") }
                        nstar = counter
                        counter += 1
                    }
                    if spec[(s + 1)...].contains("*") {
                        throw RError("at most one asterisk '*' is supported in each conversion specification")
                    }
                    let k = nstar ?? 0
                    used[k] = true
                    if ns == 0, case .vector(let v) = values[k], case .double = v.storage {
                        // as.integer: fractions are truncated.
                        args[k] = .integer(Coerce.integers(v) ?? [])
                    }
                    guard case .integer(let w) = args[k], !w.isEmpty, w[ns % w.count] != NAInteger else {
                        throw RError("argument for '*' conversion specification must be a number")
                    }
                    star = w[ns % w.count]
                }
                let index: Int
                if let nthis { index = nthis } else {
                    guard counter < args.count else { throw RError("too few arguments") }
                    index = counter
                    counter += 1
                }
                used[index] = true
                var fmtp = String(codePoints: spec)
                if let star { fmtp = fmtp.replacingOccurrences(of: "*", with: String(star)) }
                if ns == 0 {
                    args[index] = coerceOnce(args[index], original: values[index], conversion: conversion(of: fmtp))
                }
                text += try convert(args[index], at: ns, spec: fmtp)
            }
            out.append(text)
        }
        let unused = used.filter { !$0 }.count
        if unused > 0 {
            let what = unused == 1 ? "one argument" : "\(unused) arguments"
            let suffix = formats.count == 1 ? " '\(formats[0] ?? "NA")'" : ""
            interp.warning("\(what) not used by format\(suffix)", call: call)
        }
        return .character(out)
    }

    /// `%n$` (or `*n$` inside a width) picks argument n; the marker is removed from the spec.
    /// R looks for it only when at least three characters follow its first digit's position.
    private static func takePosition(_ spec: inout [Unicode.Scalar], at i: Int, nargs: Int) throws -> Int? {
        func digit(_ c: Unicode.Scalar) -> Int? { c.value >= 48 && c.value <= 57 ? Int(c.value) - 48 : nil }
        guard spec.count > i + 2, let d1 = digit(spec[i]), d1 >= 1 else { return nil }
        var v = d1, markerLength = 2
        if spec[i + 1] != "$" {
            guard let d2 = digit(spec[i + 1]), spec[i + 2] == "$" else { return nil }
            v = 10 * v + d2
            markerLength = 3
        }
        if v > nargs { throw RError("reference to non-existent argument \(v)") }
        spec.removeSubrange(i..<(i + markerLength))
        return v - 1
    }

    /// The conversion character: the first one after the flags, width and precision.
    private static func conversion(of spec: String) -> Character {
        spec.dropFirst().first(where: { !"-+ #.0123456789'".contains($0) }) ?? "?"
    }

    /// A whole double as an R integer; anything else becomes NA.
    private static func integerValue(_ d: Double) -> Int {
        d.isFinite && d == d.rounded() && abs(d) <= Double(Int32.max) ? Int(d) : NAInteger
    }

    private static func count(_ a: Argument) -> Int {
        switch a {
        case .logical(let x): return x.count
        case .integer(let x): return x.count
        case .double(let x): return x.count
        case .string(let x): return x.count
        case .other(let v): return v.length
        }
    }

    /// R coerces an argument once, for the first element, by the conversion that first uses it.
    private static func coerceOnce(_ arg: Argument, original: RValue, conversion: Character) -> Argument {
        switch conversion {
        case "d", "i", "o", "x", "X":
            // Whole doubles (and NA) print as integers; anything else stays double and fails below.
            if case .double(let d) = arg, d.allSatisfy({ $0.isRNA || integerValue($0) != NAInteger }) {
                return .integer(d.map(integerValue))
            }
        case "a", "A", "e", "f", "g", "E", "G":
            switch arg {
            case .double, .string: break
            default:
                if case .vector(let v) = original, let d = Coerce.doubles(v) { return .double(d) }
            }
        case "s":
            if case .string = arg { break }
            return .string(Coerce.asCharacter(original))
        default:
            break
        }
        return arg
    }

    /// One conversion of element `ns` of an argument.
    private static func convert(_ arg: Argument, at ns: Int, spec fmtp: String) throws -> String {
        let conv = conversion(of: fmtp)
        // Coercion (as.character of a list, say) may have changed the length.
        if count(arg) == 0 { throw RError("coercion has changed vector length to 0") }
        func check(_ allowed: String, _ advice: String) throws {
            if !allowed.contains(conv) { throw RError("invalid format '\(fmtp)'; use format \(advice)") }
        }
        /// The spec with its conversion turned into %s, as R prints NA and friends.
        func asString(_ spec: String) -> String { String(spec.dropLast()) + "s" }
        switch arg {
        case .logical(let x):
            try check("di", "%d or %i for logical objects")
            let v = x[ns % x.count]
            if v == .na { return try StringSupport.cFormat(asString(fmtp), string: "NA", limit: maxLine) }
            return try StringSupport.cFormat(fmtp, [Int32(v == .yes ? 1 : 0)], limit: maxLine)
        case .integer(let x):
            try check("dioxX", "%d, %i, %o, %x or %X for integer objects")
            let v = x[ns % x.count]
            if v == NAInteger { return try StringSupport.cFormat(asString(fmtp), string: "NA", limit: maxLine) }
            return try StringSupport.cFormat(fmtp, [Int32(truncatingIfNeeded: v)], limit: maxLine)
        case .double(let x):
            try check("aAfeEgG", "%f, %e, %g or %a for numeric objects")
            let v = x[ns % x.count]
            if v.isFinite { return try StringSupport.cFormat(fmtp, [v], limit: maxLine) }
            // Non-finite values drop the precision and print as words.
            let head = fmtp.firstIndex(of: ".").map { String(fmtp[..<$0]) + "s" } ?? asString(fmtp)
            let word: String
            if v.isRNA { word = head.contains(" ") ? " NA" : "NA" }
            else if v.isNaN { word = head.contains(" ") ? " NaN" : "NaN" }
            else if v > 0 { word = head.contains("+") ? "+Inf" : head.contains(" ") ? " Inf" : "Inf" }
            else { word = "-Inf" }
            return try StringSupport.cFormat(head, string: word, limit: maxLine)
        case .string(let x):
            try check("s", "%s for character objects")
            let s = x[ns % x.count] ?? "NA"
            if fmtp == "%s" { return s }
            return try StringSupport.cFormat(fmtp, string: s, limit: maxLine)
        case .other:
            throw RError("unsupported type")
        }
    }
}
