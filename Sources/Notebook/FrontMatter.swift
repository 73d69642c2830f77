/// The YAML block at the top of a notebook. mlmd reads flat `key: value` pairs (title,
/// author, date, description, order); nested YAML is kept in the text but not interpreted.
public struct FrontMatter: Equatable {
    public var fields: [String: String] = [:]
    /// Lines the block occupies, delimiters included (0 when there is none).
    public var lineCount = 0

    public var title: String? { fields["title"] }
    public var description: String? { fields["description"] }
    public var author: String? { fields["author"] }
    public var date: String? { fields["date"] }
    public var order: Int? { fields["order"].flatMap { Int($0) } }
    /// R Markdown's `code_folding: hide` (under `output: html_document:`) or Quarto's
    /// `code-fold: true` (under `format: html:` or at the top): code shown behind a toggle.
    public var foldsCode = false

    public init() {}

    /// Splits front matter off the start of `lines`: a `---` line, fields, and `---` or `...`.
    public static func split(_ lines: [Substring]) -> FrontMatter {
        var fm = FrontMatter()
        guard let first = lines.first, first.trimmingTrailingWhitespace() == "---" else { return fm }
        guard let close = lines.dropFirst().firstIndex(where: {
            let t = $0.trimmingTrailingWhitespace()
            return t == "---" || t == "..."
        }) else { return fm }
        for line in lines[1..<close] {
            let setting = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            if setting == "code_folding: hide" || setting == "code-fold: true" { fm.foldsCode = true }
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fm.fields[key] = unquote(value)
        }
        fm.lineCount = close + 1
        return fm
    }

    static func unquote(_ s: String) -> String {
        guard s.count >= 2, let f = s.first, let l = s.last, f == l, f == "\"" || f == "'" else { return s }
        let inner = String(s.dropFirst().dropLast())
        if f == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
        return inner.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }
}

import Foundation

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
