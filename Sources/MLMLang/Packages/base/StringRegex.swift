import Foundation

/// grep, grepl, sub, gsub, regexpr, gregexpr, regmatches and strsplit.
enum StringRegex {
    static func install(_ interp: Interpreter) {
        interp.define("grepl") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["pattern", "x", "ignore.case", "perl", "fixed", "useBytes"], args, call: ctx.call)
            guard let pattern = try patternArgument(m, ctx) else {
                return .logical([Logical](repeating: .na, count: m["x"]?.length ?? 0))
            }
            let compiled = try compile(pattern, PatternOptions(m), ctx)
            return .logical(StringSupport.strings(m["x"]).map { s in
                guard let s else { return .no }
                return Logical(compiled.search(s as NSString, from: 0) != nil)
            })
        }
        interp.define("grep") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["pattern", "x", "ignore.case", "perl", "value", "fixed", "useBytes", "invert"], args, call: ctx.call)
            let x = StringSupport.strings(m["x"])
            let value = StringSupport.flag(m["value"], false)
            guard let pattern = try patternArgument(m, ctx) else {
                return value ? .character(x.map { _ in nil }) : .integer(x.map { _ in NAInteger })
            }
            let compiled = try compile(pattern, PatternOptions(m), ctx)
            let invert = StringSupport.flag(m["invert"], false)
            let hits = x.indices.filter { i in
                guard let s = x[i] else { return false }
                return (compiled.search(s as NSString, from: 0) != nil) != invert
            }
            guard value else { return .integer(hits.map { $0 + 1 }) }
            var out = RVector(.character(hits.map { x[$0] }))
            if case .vector(let xv)? = m["x"], let names = xv.names { out.names = hits.map { names[$0] } }
            return .vector(out)
        }
        for (name, global) in [("sub", false), ("gsub", true)] {
            interp.define(name) { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                    ["pattern", "replacement", "x", "ignore.case", "perl", "fixed", "useBytes"], args, call: ctx.call)
                var x = m["x"] ?? .null
                if case .vector(let v) = x, v.isFactor { x = .character(Coerce.strings(v)) }
                guard let pattern = try patternArgument(m, ctx) else {
                    return .character(StringSupport.strings(x).map { _ in nil })
                }
                let replacement: String? = StringSupport.strings(m["replacement"]).first ?? nil
                return try substitute(pattern: pattern, replacement: replacement, in: x, global: global,
                                      options: PatternOptions(m), warn: { ctx.interpreter.warning($0, call: ctx.call) })
            }
        }
        interp.define("regexpr") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["pattern", "text", "ignore.case", "perl", "fixed", "useBytes"], args, call: ctx.call)
            let text = StringSupport.strings(m["text"])
            guard let pattern = try patternArgument(m, ctx) else { return matchVector([], [], ascii: true) }
            let compiled = try compile(pattern, PatternOptions(m), ctx)
            var starts: [Int] = [], lengths: [Int] = []
            for s in text {
                guard let s else { starts.append(NAInteger); lengths.append(NAInteger); continue }
                let ns = s as NSString
                if let match = compiled.search(ns, from: 0) {
                    let (start, length) = characterPosition(match.range, in: ns)
                    starts.append(start)
                    lengths.append(length)
                } else {
                    starts.append(-1)
                    lengths.append(-1)
                }
            }
            return matchVector(starts, lengths, ascii: isASCII(pattern, text))
        }
        interp.define("gregexpr") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["pattern", "text", "ignore.case", "perl", "fixed", "useBytes"], args, call: ctx.call)
            let text = StringSupport.strings(m["text"])
            guard let pattern = try patternArgument(m, ctx) else { return .list([]) }
            let compiled = try compile(pattern, PatternOptions(m), ctx)
            let ascii = isASCII(pattern, text)
            return .list(text.map { s in
                guard let s else { return matchVector([NAInteger], [NAInteger], ascii: ascii) }
                let (starts, lengths) = allMatches(compiled, in: s as NSString)
                return starts.isEmpty ? matchVector([-1], [-1], ascii: ascii) : matchVector(starts, lengths, ascii: ascii)
            })
        }
        interp.define("regmatches") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "m", "invert"], args, call: ctx.call)
            return try regmatches(StringSupport.strings(m["x"]), m["m"] ?? .null)
        }
        interp.define("strsplit") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "split", "fixed", "perl", "useBytes"], args, call: ctx.call)
            let x = try StringSupport.characterArgument(m["x"], error: "non-character argument")
            let splits = StringSupport.strings(m["split"])
            let options = PatternOptions(m)
            var compiled: [String: StringPattern] = [:]
            let pieces: [RValue] = try x.enumerated().map { i, s in
                guard let s else { return .character([nil]) }
                guard !splits.isEmpty, let split = splits[i % splits.count], !split.isEmpty else {
                    return .character(s.unicodeScalars.map { String($0) })
                }
                if compiled[split] == nil { compiled[split] = try compile(split, options, ctx) }
                guard let pattern = compiled[split] else { return .character([s]) }
                return .character(splitString(s, by: pattern))
            }
            var out = RVector(.list(pieces))
            if case .vector(let xv)? = m["x"] { out.names = xv.names }
            return .vector(out)
        }
    }

    /// The first pattern as a string; nil for NA. Extra patterns are ignored with R's warning.
    private static func patternArgument(_ m: [String: RValue], _ ctx: CallContext) throws -> String? {
        let patterns = StringSupport.strings(m["pattern"])
        guard !patterns.isEmpty else { throw RError("invalid 'pattern' argument") }
        if patterns.count > 1 {
            ctx.interpreter.warning("argument 'pattern' has length > 1 and only the first element will be used", call: ctx.call)
        }
        return patterns[0]
    }

    private static func compile(_ pattern: String, _ options: PatternOptions, _ ctx: CallContext) throws -> StringPattern {
        try StringPattern(pattern, options, warn: { ctx.interpreter.warning($0, call: ctx.call) })
    }

    // MARK: - sub and gsub

    /// sub or gsub over a character vector (other vectors are coerced; names kept only for
    /// character input, as R's as.character drops them).
    static func substitute(pattern: String, replacement: String?, in x: RValue, global: Bool,
                           options: PatternOptions, warn: (String) -> Void = { _ in }) throws -> RValue {
        let compiled = try StringPattern(pattern, options, warn: warn)
        let template = replacement.map { Array($0.unicodeScalars) }
        let out: [String?] = StringSupport.strings(x).map { s in
            guard let s else { return nil }
            let ns = s as NSString
            var result = ""
            var offset = 0
            var lastEnd = -1
            var matched = false
            // R's loop: each search starts where the last match ended; after an empty match one
            // character is copied so the search moves on; a match ending at the string's end stops it.
            while let match = compiled.search(ns, from: offset) {
                matched = true
                result += ns.substring(with: NSRange(location: offset, length: match.range.location - offset))
                // An empty match right where the previous one ended is not replaced again.
                if NSMaxRange(match.range) > lastEnd {
                    if let template { result += expand(template, match, in: ns, fixed: options.fixed, perl: options.perl) }
                    lastEnd = NSMaxRange(match.range)
                }
                offset = NSMaxRange(match.range)
                if offset >= ns.length || !global { break }
                if match.range.length == 0 {
                    let step = codePointLength(ns, at: offset)
                    result += ns.substring(with: NSRange(location: offset, length: step))
                    offset += step
                }
            }
            if matched && template == nil { return nil }
            if offset < ns.length { result += ns.substring(from: offset) }
            return result
        }
        return StringLibrary.keepCharacterStructure(.character(out), of: x)
    }

    /// The replacement text for one match: \1 to \9 are groups; with perl = TRUE, \U and \L
    /// upper- or lower-case the groups that follow, until \E. Any other escaped character
    /// stands for itself.
    private static func expand(_ template: [Unicode.Scalar], _ match: StringPattern.Match, in s: NSString,
                               fixed: Bool, perl: Bool) -> String {
        if fixed { return String(codePoints: template) }
        var out = ""
        var caseMode: Character = "E"
        var i = 0
        while i < template.count {
            let c = template[i]
            guard c == "\\", i + 1 < template.count else {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            let next = template[i + 1]
            i += 2
            if next.value >= 49 && next.value <= 57 {
                let k = Int(next.value) - 49
                guard k < match.groups.count, match.groups[k].location != NSNotFound else { continue }
                let group = s.substring(with: match.groups[k])
                out += caseMode == "U" ? group.uppercased() : caseMode == "L" ? group.lowercased() : group
            } else if perl && (next == "U" || next == "L" || next == "E") {
                caseMode = Character(next)
            } else {
                out.unicodeScalars.append(next)
            }
        }
        return out
    }

    /// UTF-16 units of the code point at `i`: R steps over characters, not grapheme clusters.
    private static func codePointLength(_ s: NSString, at i: Int) -> Int {
        guard i < s.length else { return 1 }
        return UTF16.isLeadSurrogate(s.character(at: i)) && i + 1 < s.length ? 2 : 1
    }

    // MARK: - regexpr, gregexpr, regmatches

    /// 1-based position and length in characters (code points) of a UTF-16 range.
    private static func characterPosition(_ r: NSRange, in s: NSString) -> (Int, Int) {
        let before = s.substring(to: r.location).unicodeScalars.count
        let length = s.substring(with: r).unicodeScalars.count
        return (before + 1, length)
    }

    /// Every match of gregexpr: after an empty match the search moves one character on, and
    /// no search starts at the very end.
    private static func allMatches(_ pattern: StringPattern, in s: NSString) -> ([Int], [Int]) {
        var starts: [Int] = [], lengths: [Int] = []
        var offset = 0
        while offset < s.length, let match = pattern.search(s, from: offset) {
            let (start, length) = characterPosition(match.range, in: s)
            starts.append(start)
            lengths.append(length)
            offset = match.range.length == 0
                ? match.range.location + codePointLength(s, at: match.range.location)
                : NSMaxRange(match.range)
        }
        return (starts, lengths)
    }

    private static func isASCII(_ pattern: String, _ text: [String?]) -> Bool {
        pattern.unicodeScalars.allSatisfy(\.isASCII) && text.allSatisfy { $0?.unicodeScalars.allSatisfy(\.isASCII) ?? true }
    }

    /// The value of regexpr: positions with match.length, and for ASCII input the index type.
    private static func matchVector(_ starts: [Int], _ lengths: [Int], ascii: Bool) -> RValue {
        var v = RVector(.integer(starts))
        v.attributes["match.length"] = .integer(lengths)
        if ascii {
            v.attributes["index.type"] = .scalar("chars")
            v.attributes["useBytes"] = .scalar(true)
        }
        return .vector(v)
    }

    /// regmatches: the matched substrings, one vector per element for gregexpr's list, or the
    /// matched elements only for regexpr's vector.
    private static func regmatches(_ x: [String?], _ m: RValue) throws -> RValue {
        func pieces(_ s: String?, _ mv: RVector) -> [String?] {
            guard let s, let starts = Coerce.integers(mv),
                  case .vector(let lv)? = mv.attributes["match.length"], let lengths = Coerce.integers(lv) else { return [] }
            let cs = s.codePoints
            return zip(starts, lengths).compactMap { start, length in
                guard start > 0, length >= 0, start - 1 + length <= cs.count else { return nil }
                return String(codePoints: cs[(start - 1)..<(start - 1 + length)])
            }
        }
        guard case .vector(let mv) = m else { throw RError("'x' and 'm' must have the same length") }
        if case .list(let items) = mv.storage {
            guard items.count == x.count else { throw RError("'x' and 'm' must have the same length") }
            return .list(zip(x, items).map { s, item in
                guard case .vector(let iv) = item else { return .character([]) }
                return .character(pieces(s, iv))
            })
        }
        guard mv.count == x.count, let starts = Coerce.integers(mv),
              case .vector(let lv)? = mv.attributes["match.length"], let lengths = Coerce.integers(lv) else {
            throw RError("'x' and 'm' must have the same length")
        }
        var out: [String?] = []
        for i in x.indices {
            var one = RVector(.integer([starts[i]]))
            one.attributes["match.length"] = .integer([lengths[i]])
            out += pieces(x[i], one)
        }
        return .character(out)
    }

    // MARK: - strsplit

    /// R's strsplit: repeatedly cut at the first match in what is left; an empty match cuts
    /// off one character; nothing follows a match at the very end.
    private static func splitString(_ s: String, by pattern: StringPattern) -> [String?] {
        let ns = s as NSString
        var tokens: [String?] = []
        var offset = 0
        while offset < ns.length, let match = pattern.search(ns, from: offset, anchoredAtStart: true) {
            if NSMaxRange(match.range) > offset {
                tokens.append(ns.substring(with: NSRange(location: offset, length: match.range.location - offset)))
                offset = NSMaxRange(match.range)
            } else {
                let step = codePointLength(ns, at: offset)
                tokens.append(ns.substring(with: NSRange(location: offset, length: step)))
                offset += step
            }
        }
        if offset < ns.length { tokens.append(ns.substring(from: offset)) }
        return tokens
    }
}
