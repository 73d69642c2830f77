/// Splits R source into tokens. Errors are `ParseError`s that carry line and column.
public struct Lexer {
    private let chars: [Unicode.Scalar]
    private var pos = 0
    private var line = 1
    private var column = 1

    public init(_ source: String) {
        chars = Array(source.unicodeScalars)
    }

    private static let keywords: Set<String> = ["if", "else", "for", "while", "repeat", "function", "break", "next", "in"]
    /// Longest first, so that `<<-` wins over `<-` and `:::` over `::`.
    private static let multiCharacterOperators = [":::", "<<-", "->>", "|>", "<-", "<=", ">=", "==", "!=", "&&", "||", "->", "::"]
    private static let constants: [String: ConstantKind] = [
        "NULL": .null, "TRUE": .true, "FALSE": .false, "NA": .na, "NA_integer_": .naInteger,
        "NA_real_": .naReal, "NA_character_": .naCharacter, "Inf": .inf, "NaN": .nan,
    ]

    public mutating func tokenize() throws -> [Token] {
        var tokens: [Token] = []
        while true {
            let t = try next()
            tokens.append(t)
            if t.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = pos + offset
        return i < chars.count ? chars[i] : nil
    }

    private mutating func advance() -> Unicode.Scalar {
        let c = chars[pos]
        pos += 1
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
        return c
    }

    private func error(_ message: String, at loc: SourceLocation) -> ParseError {
        ParseError(message: message, location: loc)
    }

    private mutating func next() throws -> Token {
        // Skip blanks and comments; newlines are tokens because they can end an expression.
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" || c == "\u{0C}" || c == "\u{A0}" { _ = advance() }
            else if c == "#" { while let d = peek(), d != "\n" { _ = advance() } }
            else { break }
        }
        let loc = SourceLocation(line: line, column: column)
        let start = pos
        func make(_ kind: TokenKind) -> Token { Token(kind: kind, location: loc, start: start, end: pos) }
        guard let c = peek() else { return make(.end) }

        if c == "\n" { _ = advance(); return make(.newline) }
        if c.isDigit || (c == "." && (peek(1)?.isDigit ?? false)) { return make(try number(loc)) }
        if c == "\"" || c == "'" { return make(.string(try string(quote: c, loc))) }
        if (c == "r" || c == "R"), let q = peek(1), q == "\"" || q == "'" {
            _ = advance()
            return make(.string(try rawString(loc)))
        }
        if c.isIdentifierStart {
            var name = ""
            while let d = peek(), d.isIdentifierPart { name.unicodeScalars.append(advance()) }
            if Self.keywords.contains(name) { return make(.keyword(name)) }
            if let k = Self.constants[name] { return make(.constant(k)) }
            return make(.symbol(name))
        }
        if c == "`" {
            _ = advance()
            var name = ""
            while true {
                guard let d = peek() else { throw error("unexpected INCOMPLETE_STRING", at: loc) }
                _ = advance()
                if d == "`" { break }
                if d == "\\", let e = peek() { _ = advance(); name.unicodeScalars.append(e); continue }
                name.unicodeScalars.append(d)
            }
            return make(.symbol(name))
        }
        _ = advance()
        switch c {
        case "(": return make(.lparen)
        case ")": return make(.rparen)
        case "{": return make(.lbrace)
        case "}": return make(.rbrace)
        case "[":
            if peek() == "[" { _ = advance(); return make(.dlbracket) }
            return make(.lbracket)
        case "]": return make(.rbracket)
        case ",": return make(.comma)
        case ";": return make(.semicolon)
        case "%":
            var op = "%"
            while let d = peek(), d != "\n" {
                op.unicodeScalars.append(advance())
                if d == "%" { return make(.op(op)) }
            }
            throw error("unexpected input", at: loc)
        default:
            break
        }
        // Longest operator first.
        let rest = String(String.UnicodeScalarView([c] + (0..<2).compactMap { peek($0) }))
        for op in Self.multiCharacterOperators where rest.hasPrefix(op) {
            for _ in 1..<op.unicodeScalars.count { _ = advance() }
            return make(.op(op))
        }
        if c == "*", peek() == "*" { _ = advance(); return make(.op("^")) }  // R reads ** as ^
        if "+-*/^<>=!&|~?:$@\\".unicodeScalars.contains(c) { return make(.op(String(c))) }
        throw error("unexpected input", at: loc)
    }

    private mutating func number(_ loc: SourceLocation) throws -> TokenKind {
        var text = ""
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            _ = advance(); _ = advance()
            while let d = peek(), d.properties.isASCIIHexDigit { text.unicodeScalars.append(advance()) }
            guard let v = UInt64(text, radix: 16) else { throw error("unexpected symbol", at: loc) }
            if peek() == "L", v < 2_147_483_648 { _ = advance(); return .integer(Int(v)) }
            return .number(Double(v))
        }
        while let d = peek(), d.isDigit || d == "." { text.unicodeScalars.append(advance()) }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            if let s = sign, s.isDigit || ((s == "+" || s == "-") && (peek(2)?.isDigit ?? false)) {
                text.unicodeScalars.append(advance())
                if s == "+" || s == "-" { text.unicodeScalars.append(advance()) }
                while let d = peek(), d.isDigit { text.unicodeScalars.append(advance()) }
            }
        }
        guard let value = Double(text) else { throw error("unexpected numeric constant", at: loc) }
        if peek() == "L" {
            _ = advance()
            if value == value.rounded(), abs(value) < 2_147_483_648 { return .integer(Int(value)) }
            return .number(value)
        }
        if let d = peek(), d.isIdentifierStart { throw error("unexpected symbol", at: loc) }
        return .number(value)
    }

    private mutating func string(quote: Unicode.Scalar, _ loc: SourceLocation) throws -> String {
        _ = advance()
        var s = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw error("unexpected INCOMPLETE_STRING", at: loc) }
            _ = advance()
            if c == quote { return String(s) }
            if c != "\\" { s.append(c); continue }
            guard let e = peek() else { throw error("unexpected INCOMPLETE_STRING", at: loc) }
            _ = advance()
            switch e {
            case "n": s.append("\n")
            case "t": s.append("\t")
            case "r": s.append("\r")
            case "0": s.append("\0")
            case "a": s.append("\u{07}")
            case "b": s.append("\u{08}")
            case "f": s.append("\u{0C}")
            case "v": s.append("\u{0B}")
            case "\\", "\"", "'", "`", " ", "\n": s.append(e)
            case "x":
                guard let v = hexDigits(max: 2) else { throw error("'\\x' used without hex digits in character string", at: loc) }
                s.append(Unicode.Scalar(v) ?? "?")
            case "u", "U":
                let braced = peek() == "{"
                if braced { _ = advance() }
                guard let v = hexDigits(max: e == "u" ? 4 : 8), let scalar = Unicode.Scalar(v) else {
                    throw error("invalid \\\(e){xxxx} sequence", at: loc)
                }
                if braced {
                    guard peek() == "}" else { throw error("invalid \\\(e){xxxx} sequence", at: loc) }
                    _ = advance()
                }
                s.append(scalar)
            default:
                throw error("'\\\(e)' is an unrecognized escape in character string", at: loc)
            }
        }
    }

    private mutating func hexDigits(max: Int) -> UInt32? {
        var digits = ""
        while digits.count < max, let d = peek(), d.properties.isASCIIHexDigit { digits.unicodeScalars.append(advance()) }
        return UInt32(digits, radix: 16)
    }

    /// r"(...)", r"[...]", r"{...}" with optional dashes, as in R 4.0.
    private mutating func rawString(_ loc: SourceLocation) throws -> String {
        let quote = advance()
        var dashes = 0
        while peek() == "-" { _ = advance(); dashes += 1 }
        guard let open = peek(), let close: Unicode.Scalar = ["(": ")", "[": "]", "{": "}"][open] else {
            throw error("malformed raw string literal", at: loc)
        }
        _ = advance()
        var s = String.UnicodeScalarView()
        while let c = peek() {
            _ = advance()
            if c == close {
                var k = 0
                while k < dashes, peek(k) == "-" { k += 1 }
                if k == dashes, peek(k) == quote {
                    for _ in 0...k { _ = advance() }
                    return String(s)
                }
            }
            s.append(c)
        }
        throw error("unexpected INCOMPLETE_STRING", at: loc)
    }
}

extension Unicode.Scalar {
    var isDigit: Bool { ("0"..."9").contains(self) }
    var isIdentifierStart: Bool { properties.isAlphabetic || self == "." }
    var isIdentifierPart: Bool { properties.isAlphabetic || isDigit || self == "." || self == "_" }
}

/// A syntax error, located in the source the parser was given.
public struct ParseError: Error, CustomStringConvertible {
    public let message: String
    public let location: SourceLocation
    public var description: String { "\(location.line):\(location.column): \(message)" }
}
