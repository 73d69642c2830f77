import MLMLang

/// R code as HTML with spans for keywords, strings, numbers, comments and calls, found with
/// the interpreter's own lexer, so the page needs no JavaScript to show highlighted code.
enum CodeHighlighter {
    static func highlight(_ code: String) -> String {
        var lexer = Lexer(code)
        guard let tokens = try? lexer.tokenize() else { return escapeHTML(code) }
        let scalars = Array(code.unicodeScalars)
        func text(_ a: Int, _ b: Int) -> String {
            String(String.UnicodeScalarView(scalars[max(0, min(a, scalars.count))..<max(0, min(b, scalars.count))]))
        }
        var out = ""
        var position = 0
        for (k, token) in tokens.enumerated() {
            out += gap(text(position, token.start))
            let body = escapeHTML(text(token.start, token.end))
            switch token.kind {
            case .keyword: out += span("kw", body)
            case .string: out += span("str", body)
            case .number, .integer: out += span("num", body)
            case .constant: out += span("const", body)
            case .op: out += span("op", body)
            case .symbol:
                let isCall = k + 1 < tokens.count && tokens[k + 1].kind == .lparen && tokens[k + 1].start == token.end
                out += isCall ? span("fn", body) : body
            default: out += body
            }
            position = token.end
        }
        return out + gap(text(position, scalars.count))
    }

    /// Text between tokens: blanks, newlines and comments.
    private static func gap(_ s: String) -> String {
        guard let hash = s.firstIndex(of: "#") else { return escapeHTML(s) }
        let comment = s[hash...].prefix { $0 != "\n" }
        let rest = s[s.index(hash, offsetBy: comment.count)...]
        return escapeHTML(String(s[..<hash])) + span("com", escapeHTML(String(comment))) + gap(String(rest))
    }

    private static func span(_ cls: String, _ html: String) -> String { "<span class=\"tok-\(cls)\">\(html)</span>" }
}
