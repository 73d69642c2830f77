import Foundation

/// String functions: nchar, case, substr, trimws, quoting and friends. sprintf, format,
/// formatC and the regular-expression functions live in the other String*.swift files.
enum StringLibrary {
    static func install(_ interp: Interpreter) {
        installMeasuring(interp)
        installCase(interp)
        installSubstrings(interp)
        installQuoting(interp)
        StringSprintf.install(interp)
        StringFormat.install(interp)
        StringFormatC.install(interp)
        StringRegex.install(interp)
        StringCodes.install(interp)
    }

    // MARK: - nchar, nzchar, startsWith, endsWith

    private static func installMeasuring(_ interp: Interpreter) {
        interp.define("nchar") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "type", "allowNA", "keepNA"], args, call: ctx.call)
            if case .vector(let v)? = m["x"], v.isFactor { throw RError("'nchar()' requires a character vector") }
            let type = try ncharType(m["type"])
            // keepNA = NA (the default) means NA for chars and bytes but 2, the printed width, for width.
            let keepNA = m["keepNA"]?.scalarLogical()?.bool ?? (type != "width")
            let counts: [Int] = StringSupport.strings(m["x"]).map { s in
                guard let s else { return keepNA ? NAInteger : 2 }
                switch type {
                case "bytes": return s.utf8.count
                case "width": return s.displayWidth
                default: return s.unicodeScalars.count
                }
            }
            return StringSupport.result(.integer(counts), keepingStructureOf: m["x"])
        }
        interp.define("nzchar") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "keepNA"], args, call: ctx.call)
            let keepNA = StringSupport.flag(m["keepNA"], false)
            let out: [Logical] = StringSupport.strings(m["x"]).map { s in
                guard let s else { return keepNA ? .na : .yes }
                return Logical(!s.isEmpty)
            }
            return StringSupport.result(.logical(out), keepingStructureOf: m["x"])
        }
        // Code points are compared, not grapheme clusters, as R compares bytes.
        for (name, test) in [("startsWith", { (s: String, p: String) in s.unicodeScalars.starts(with: p.unicodeScalars) }),
                             ("endsWith", { (s: String, p: String) in
                                 s.unicodeScalars.reversed().starts(with: p.unicodeScalars.reversed()) })] {
            interp.define(name) { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", name == "startsWith" ? "prefix" : "suffix"],
                                                                       args, call: ctx.call)
                let x = try StringSupport.characterArgument(m["x"], error: "non-character object(s)")
                let affix = try StringSupport.characterArgument(m[name == "startsWith" ? "prefix" : "suffix"],
                                                                error: "non-character object(s)")
                guard !x.isEmpty, !affix.isEmpty else { return .logical([]) }
                let n = max(x.count, affix.count)
                return .logical((0..<n).map { i in
                    guard let s = x[i % x.count], let p = affix[i % affix.count] else { return .na }
                    return Logical(test(s, p))
                })
            }
        }
    }

    /// R accepts any prefix of "bytes", "chars" or "width".
    private static func ncharType(_ value: RValue?) throws -> String {
        guard let given = value?.scalarString() else { return "chars" }
        for option in ["bytes", "chars", "width"] where !given.isEmpty && option.hasPrefix(given) { return option }
        throw RError("invalid 'type' argument")
    }

    // MARK: - toupper, tolower, casefold, chartr

    private static func installCase(_ interp: Interpreter) {
        interp.define("toupper") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x"], args, call: ctx.call)
            return changeCase(m["x"], upper: true)
        }
        interp.define("tolower") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x"], args, call: ctx.call)
            return changeCase(m["x"], upper: false)
        }
        interp.define("casefold") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "upper"], args, call: ctx.call)
            return changeCase(m["x"], upper: StringSupport.flag(m["upper"], false))
        }
        interp.define("chartr") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["old", "new", "x"], args, call: ctx.call)
            guard let old = m["old"]?.scalarString(), let new = m["new"]?.scalarString() else {
                throw RError("invalid 'old' argument")
            }
            let from = expandRanges(old), to = expandRanges(new)
            guard from.count <= to.count else { throw RError("'old' is longer than 'new'") }
            var table: [Unicode.Scalar: Unicode.Scalar] = [:]
            for (a, b) in zip(from, to) { table[a] = b }
            let out = StringSupport.strings(m["x"]).map { s in
                s.map { String(codePoints: $0.unicodeScalars.map { table[$0] ?? $0 }) }
            }
            return keepCharacterStructure(.character(out), of: m["x"])
        }
    }

    /// Upper or lower case one code point at a time, as R's towupper does (so "ß" stays "ß").
    private static func changeCase(_ x: RValue?, upper: Bool) -> RValue {
        let out = StringSupport.strings(x).map { s in
            s.map { text in
                String(codePoints: text.unicodeScalars.map { c -> Unicode.Scalar in
                    let mapped = upper ? c.properties.uppercaseMapping : c.properties.lowercaseMapping
                    return mapped.unicodeScalars.count == 1 ? mapped.unicodeScalars.first ?? c : c
                })
            }
        }
        return keepCharacterStructure(.character(out), of: x)
    }

    /// Functions that call as.character first keep names only when x was already character.
    static func keepCharacterStructure(_ storage: Storage, of x: RValue?) -> RValue {
        if case .vector(let v)? = x, case .character = v.storage {
            return StringSupport.result(storage, keepingStructureOf: x)
        }
        return .vector(RVector(storage))
    }

    /// chartr's specification: characters, with `a-z` standing for the whole range.
    private static func expandRanges(_ spec: String) -> [Unicode.Scalar] {
        let cs = spec.codePoints
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < cs.count {
            if i + 2 < cs.count, cs[i + 1] == "-", cs[i].value <= cs[i + 2].value {
                for v in cs[i].value...cs[i + 2].value { if let u = Unicode.Scalar(v) { out.append(u) } }
                i += 3
            } else {
                out.append(cs[i])
                i += 1
            }
        }
        return out
    }

    // MARK: - substr, substring and their replacement forms, trimws, strrep

    private static func installSubstrings(_ interp: Interpreter) {
        interp.define("substr") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "start", "stop"], args, call: ctx.call)
            let x = StringSupport.strings(m["x"])
            let out = try substrings(x, StringSupport.integers(m["start"]), StringSupport.integers(m["stop"]))
            return keepCharacterStructure(.character(out), of: m["x"])
        }
        interp.define("substring") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["text", "first", "last"], args, call: ctx.call)
            let text = StringSupport.strings(m["text"])
            let first = StringSupport.integers(m["first"])
            let last = m["last"].map { StringSupport.integers($0) } ?? [1_000_000]
            let n = max(text.count, first.count, last.count)
            guard !text.isEmpty else { return .character([]) }
            if text.count == n { return keepCharacterStructure(.character(try substrings(text, first, last)), of: m["text"]) }
            // rep_len drops the names when text is recycled.
            let long = (0..<n).map { text[$0 % text.count] }
            return .character(try substrings(long, first, last))
        }
        interp.define("substr<-") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "start", "stop", "value"], args, call: ctx.call)
            guard m["stop"] != nil else { throw RError("argument \"stop\" is missing, with no default") }
            return try replaceSubstrings(m["x"], StringSupport.integers(m["start"]), StringSupport.integers(m["stop"]),
                                         m["value"])
        }
        interp.define("substring<-") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["text", "first", "last", "value"], args, call: ctx.call)
            let last = m["last"].map { StringSupport.integers($0) } ?? [1_000_000]
            return try replaceSubstrings(m["text"], StringSupport.integers(m["first"]), last, m["value"])
        }
        interp.define("trimws") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "which", "whitespace"], args, call: ctx.call)
            let which = try StringSupport.choice(m["which"], ["both", "left", "right"])
            let space = m["whitespace"]?.scalarString() ?? "[ \t\r\n]"
            var x = m["x"] ?? .null
            if which != "right" { x = try StringRegex.substitute(pattern: "^" + space + "+", replacement: "", in: x, global: false, options: .init(perl: true)) }
            if which != "left" { x = try StringRegex.substitute(pattern: space + "+$", replacement: "", in: x, global: false, options: .init(perl: true)) }
            return x
        }
        interp.define("strrep") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "times"], args, call: ctx.call)
            let x = StringSupport.strings(m["x"]), times = m["times"]?.asVector.flatMap {
                // Counts past the integer range are NA, with as.integer's warning, not an overflow.
                Coerce.integersWarningOutOfRange($0, ctx.interpreter, call: ctx.call)
            } ?? []
            guard !x.isEmpty, !times.isEmpty else { return .character([]) }
            let n = max(x.count, times.count)
            let out: [String?] = try (0..<n).map { i in
                let t = times[i % times.count]
                guard let s = x[i % x.count], t != NAInteger else { return nil }
                guard t >= 0 else { throw RError("invalid 'times' value") }
                if RLimits.product(s.utf8.count, t) > RLimits.maxStringBytes {
                    throw RError("R character strings are limited to 2^31-1 bytes")
                }
                return String(repeating: s, count: t)
            }
            return n == x.count ? keepCharacterStructure(.character(out), of: m["x"]) : .character(out)
        }
    }

    /// substr for each element, with start and stop recycled over x; positions count code points.
    private static func substrings(_ x: [String?], _ start: [Int], _ stop: [Int]) throws -> [String?] {
        guard !x.isEmpty else { return [] }
        guard !start.isEmpty, !stop.isEmpty else { throw RError("invalid substring arguments") }
        return x.enumerated().map { i, s in
            let a = start[i % start.count], b = stop[i % stop.count]
            guard let s, a != NAInteger, b != NAInteger else { return nil }
            let cs = s.codePoints
            let from = max(a, 1), to = min(b, cs.count)
            guard from <= to else { return "" }
            return String(codePoints: cs[(from - 1)..<to])
        }
    }

    /// `substr<-`: overwrites characters from start, never changing the string's length.
    private static func replaceSubstrings(_ x: RValue?, _ start: [Int], _ stop: [Int], _ value: RValue?) throws -> RValue {
        let xs = StringSupport.strings(x)
        let values = StringSupport.strings(value)
        guard !xs.isEmpty else { return x ?? .null }
        guard !start.isEmpty, !stop.isEmpty, !values.isEmpty else { throw RError("invalid substring arguments") }
        let out: [String?] = xs.enumerated().map { i, s in
            let a = start[i % start.count], b = stop[i % stop.count]
            guard let s, let v = values[i % values.count], a != NAInteger, b != NAInteger else { return nil }
            var cs = s.codePoints
            let replacement = v.codePoints
            let from = max(a, 1)
            let to = min(b, cs.count, from + replacement.count - 1)
            guard from <= to else { return s }
            cs.replaceSubrange((from - 1)..<to, with: replacement[0..<(to - from + 1)])
            return String(codePoints: cs)
        }
        return keepCharacterStructure(.character(out), of: x)
    }

    // MARK: - toString, sQuote, dQuote, shQuote

    private static func installQuoting(_ interp: Interpreter) {
        interp.define("toString") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "sep", "..."], args, call: ctx.call)
            let sep = m["sep"]?.scalarString() ?? ", "
            return try VectorLibrary.paste([EvaluatedArgument(m["x"] ?? .null),
                                            EvaluatedArgument(name: "collapse", .scalar(sep))], defaultSeparator: " ")
        }
        for (name, fancy, plain) in [("sQuote", ("\u{2018}", "\u{2019}"), "'"), ("dQuote", ("\u{201C}", "\u{201D}"), "\"")] {
            interp.define(name) { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "q"], args, call: ctx.call)
                let useFancy: Bool
                if let q = m["q"], case .vector(let qv) = q, case .character = qv.storage {
                    useFancy = q.scalarString() == "UTF-8"
                } else {
                    useFancy = m["q"].map { $0.isNullValue ? false : StringSupport.flag($0, true) } ?? Quotes.fancy
                }
                let (open, close) = useFancy ? fancy : (plain, plain)
                return .character(StringSupport.strings(m["x"]).map { open + ($0 ?? "NA") + close })
            }
        }
        interp.define("shQuote") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["string", "type"], args, call: ctx.call)
            let type = try StringSupport.choice(m["type"], ["sh", "csh", "cmd", "cmd2"])
            let strings = StringSupport.strings(m["string"]).map { $0 ?? "NA" }
            if type == "cmd" || type == "cmd2" {
                return .character(strings.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" })
            }
            guard !strings.isEmpty else { return .scalar("") }
            // Single quotes protect everything in sh unless a string contains one; then R
            // switches every element to double quotes with the shell's specials escaped.
            if !strings.contains(where: { $0.contains("'") }) { return .character(strings.map { "'\($0)'" }) }
            return .character(strings.map { s in
                var out = "\""
                for c in s {
                    if "\"$`\\".contains(c) { out.append("\\") }
                    out.append(c)
                }
                return out + "\""
            })
        }
    }
}
