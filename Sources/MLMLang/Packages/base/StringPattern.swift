import Foundation

/// How a pattern is to be read: R's `fixed`, `perl` and `ignore.case` arguments.
struct PatternOptions {
    var fixed = false
    var perl = false
    var ignoreCase = false

    init(fixed: Bool = false, perl: Bool = false, ignoreCase: Bool = false) {
        self.fixed = fixed
        self.perl = perl
        self.ignoreCase = ignoreCase
    }

    init(_ m: [String: RValue]) {
        fixed = StringSupport.flag(m["fixed"], false)
        perl = StringSupport.flag(m["perl"], false)
        ignoreCase = StringSupport.flag(m["ignore.case"], false)
    }
}

/// A pattern compiled for searching: a literal string, or a regular expression run by ICU.
/// R's default syntax (POSIX extended, through TRE) is translated into ICU's; perl = TRUE
/// patterns are close enough to ICU's own syntax to pass through.
struct StringPattern {
    private let literal: String?
    private let regex: NSRegularExpression?

    /// `warn` receives the compiler's complaint, which R reports as a warning before the error.
    init(_ pattern: String, _ options: PatternOptions, warn: (String) -> Void = { _ in }) throws {
        if options.fixed {
            guard !pattern.isEmpty else { throw RError("zero-length pattern") }
            literal = pattern
            regex = nil
            return
        }
        literal = nil
        var flags: NSRegularExpression.Options = options.ignoreCase ? [.caseInsensitive] : []
        let translated: String
        if options.perl {
            translated = pattern
        } else {
            // In POSIX regular expressions "." matches a newline too.
            flags.insert(.dotMatchesLineSeparators)
            translated = Self.translateExtended(pattern)
        }
        do {
            // ICU refuses an empty pattern, which matches the empty string everywhere in R.
            regex = try NSRegularExpression(pattern: translated.isEmpty ? "(?:)" : translated, options: flags)
        } catch {
            if options.perl { throw RError("invalid regular expression '\(pattern)'") }
            let reason = Self.reason(pattern)
            warn("TRE pattern compilation error '\(reason)'")
            throw RError("invalid regular expression '\(pattern)', reason '\(reason)'")
        }
    }

    /// A match's whole range and its groups (NSNotFound locations for groups that did not take part).
    struct Match {
        let range: NSRange
        let groups: [NSRange]
    }

    /// The first match starting at or after UTF-16 offset `from`. With `anchoredAtStart`, `^`
    /// matches at `from` as if the string began there (R's strsplit searches what is left);
    /// otherwise only at the real start (R's REG_NOTBOL for later matches).
    func search(_ s: NSString, from: Int, anchoredAtStart: Bool = false) -> Match? {
        guard from <= s.length else { return nil }
        let range = NSRange(location: from, length: s.length - from)
        if let literal {
            let r = s.range(of: literal, options: [.literal], range: range)
            return r.location == NSNotFound ? nil : Match(range: r, groups: [])
        }
        guard let regex else { return nil }
        let options: NSRegularExpression.MatchingOptions = anchoredAtStart ? [] : [.withoutAnchoringBounds, .withTransparentBounds]
        guard let m = regex.firstMatch(in: s as String, options: options, range: range) else { return nil }
        return Match(range: m.range, groups: (1..<max(m.numberOfRanges, 1)).map { m.range(at: $0) })
    }

    /// A guess at TRE's reason for rejecting a pattern, for R's error message.
    private static func reason(_ pattern: String) -> String {
        var depth = 0, inBracket = false, escaped = false
        for c in pattern {
            if escaped { escaped = false; continue }
            if c == "\\" && !inBracket { escaped = true; continue }
            if inBracket { if c == "]" { inBracket = false }; continue }
            switch c {
            case "[": inBracket = true
            case "(": depth += 1
            case ")": depth -= 1
            default: break
            }
        }
        if inBracket { return "Missing ']'" }
        if depth > 0 { return "Missing ')'" }
        return "Invalid regexp"
    }

    // MARK: - POSIX extended syntax to ICU

    /// Rewrites what differs: bracket expressions (where a backslash is an ordinary character
    /// and [:class:] names a class), `$` (only the very end), and the word edges \< and \>.
    static func translateExtended(_ pattern: String) -> String {
        let cs = Array(pattern.unicodeScalars)
        var out = ""
        var i = 0
        while i < cs.count {
            let c = cs[i]
            switch c {
            case "\\":
                guard i + 1 < cs.count else { out += "\\\\"; i += 1; continue }
                let next = cs[i + 1]
                if next == "<" { out += "\\b(?=\\w)" } else if next == ">" { out += "\\b(?<=\\w)" } else {
                    out += "\\" + String(next)
                }
                i += 2
            case "[":
                let (set, end) = bracketExpression(cs, from: i)
                out += set
                i = end
            case "$":
                out += "(?!.)"
                i += 1
            default:
                out.unicodeScalars.append(c)
                i += 1
            }
        }
        return out
    }

    /// One bracket expression starting at `start` ("["), as an ICU set, and the index after it.
    private static func bracketExpression(_ cs: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var i = start + 1
        var out = "["
        if i < cs.count && cs[i] == "^" { out += "^"; i += 1 }
        var first = true
        while i < cs.count {
            let c = cs[i]
            if c == "]" && !first { return (out + "]", i + 1) }
            first = false
            if c == "[", i + 1 < cs.count, cs[i + 1] == ":" || cs[i + 1] == "=" || cs[i + 1] == "." {
                let kind = cs[i + 1]
                var j = i + 2
                while j + 1 < cs.count && !(cs[j] == kind && cs[j + 1] == "]") { j += 1 }
                if j + 1 < cs.count {
                    let name = String(codePoints: cs[(i + 2)..<j])
                    out += kind == ":" ? posixClass(name) : name.unicodeScalars.map(setLiteral).joined()
                    i = j + 2
                    continue
                }
            }
            if c == "-", i + 1 < cs.count, cs[i + 1] != "]", out.count > 1, out != "[^" {
                out += "-"
            } else {
                out += setLiteral(c)
            }
            i += 1
        }
        // No closing bracket: let ICU report the error.
        return (out, i)
    }

    /// A character inside an ICU set: punctuation escaped, since ICU gives it meaning.
    private static func setLiteral(_ c: Unicode.Scalar) -> String {
        if c.properties.isAlphabetic || (c.value >= 48 && c.value <= 57) { return String(c) }
        if c.value < 0x20 || c.value == 0x7F { return String(format: "\\x{%X}", c.value) }
        return "\\" + String(c)
    }

    /// POSIX character classes, in the C locale's sense for punctuation and the like.
    private static func posixClass(_ name: String) -> String {
        switch name {
        case "alpha": return "\\p{Alphabetic}"
        case "digit": return "0-9"
        case "alnum": return "\\p{Alphabetic}0-9"
        case "upper": return "\\p{Uppercase}"
        case "lower": return "\\p{Lowercase}"
        case "space": return "\\s"
        case "blank": return " \\t"
        case "punct": return "!-/:-@\\[-`{-~"
        case "cntrl": return "\\x{0}-\\x{1F}\\x{7F}"
        case "xdigit": return "0-9A-Fa-f"
        case "print": return "\\x{20}-\\x{7E}\\x{A0}-\\x{10FFFF}"
        case "graph": return "\\x{21}-\\x{7E}\\x{A1}-\\x{10FFFF}"
        default: return ""
        }
    }
}
