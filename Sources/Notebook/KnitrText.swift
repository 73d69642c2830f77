/// Text clean-ups knitr's Markdown chunk hook applies to a rendered chunk.
enum KnitrText {
    /// Runs of two or more newlines before a fence or a four-space indent become exactly two.
    static func collapseBlankLinesBeforeFences(_ x: String) -> String {
        var out = ""
        var newlines = 0
        var chars = Array(x)
        chars.append("\0")
        var i = 0
        while i < chars.count - 1 {
            let c = chars[i]
            if c == "\n" { newlines += 1; i += 1; continue }
            if newlines > 0 {
                let rest = String(chars[i..<min(i + 4, chars.count - 1)])
                if newlines >= 2 && (rest.hasPrefix("```") || rest == "    ") {
                    out += "\n\n"
                } else {
                    out += String(repeating: "\n", count: newlines)
                }
                newlines = 0
            }
            out.append(c)
            i += 1
        }
        out += String(repeating: "\n", count: newlines)
        return out
    }

    /// collapse = TRUE: a closing fence followed by an opening one of the same length (plain or
    /// tagged with the engine) is removed, so source and output share one block.
    static func collapseAdjacentFences(_ x: String, engine: String) -> String {
        var lines = x.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let fence = lines[i]
            if fence.count >= 3, fence.allSatisfy({ $0 == "`" }), i > 0 {
                var j = i + 1
                while j < lines.count, lines[j].isEmpty { j += 1 }
                if j < lines.count, lines[j] == fence || lines[j] == fence + engine {
                    lines.removeSubrange(i...j)
                    continue
                }
            }
            i += 1
        }
        return lines.joined(separator: "\n")
    }
}

/// R's strwrap for one paragraph: words filled greedily into lines shorter than `width`.
enum StringWrap {
    static func wrap(_ text: String, width: Int) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        var lines: [String] = []
        var current = ""
        for w in words {
            if current.isEmpty {
                current = String(w)
            } else if current.count + 1 + w.count < width {
                current += " " + w
            } else {
                lines.append(current)
                current = String(w)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
