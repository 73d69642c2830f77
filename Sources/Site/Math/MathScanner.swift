/// TeX math in a page's Markdown, found before the Markdown is parsed so that underscores,
/// asterisks and backslashes inside it stay as written. The rules are pandoc's for TeX math
/// in dollars:
/// - `$$...$$` is display math, and may span lines (but not a blank line);
/// - `$...$` is inline math when the opening `$` has a non-space character right after it
///   and the closing `$` a non-space character right before it and no digit right after it
///   (so "costs $5 and $10" stays text);
/// - `\$` is a literal dollar;
/// - `\(...\)` is inline math and `\[...\]` display math.
/// Code is left alone: fenced blocks, and inline code spans of any number of backticks.
/// A display equation followed by `{#eq-label}` carries that label (Quarto's syntax).
struct MathSpan: Equatable {
    let tex: String
    let display: Bool
    let label: String?
    /// The line of the Markdown (1-based) where the span starts.
    let line: Int
}

enum MathScanner {
    /// The Markdown with every math span replaced by its placeholder token, and the spans.
    static func extract(_ markdown: String) -> (markdown: String, spans: [MathSpan]) {
        guard markdown.contains("$") || markdown.contains("\\(") || markdown.contains("\\[") else { return (markdown, []) }
        // The lines in runs of code (fenced blocks, fences included) and prose, each run
        // joined again with the newlines it had.
        var runs: [(code: Bool, firstLine: Int, lines: [Substring])] = []
        var fence: (char: Character, length: Int)?
        for (k, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code: Bool
            if let open = fence {
                code = true
                if let close = fenceRun(line), close.char == open.char, close.length >= open.length,
                   line.drop(while: { $0 == " " }).dropFirst(close.length).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                }
            } else if let open = fenceRun(line) {
                code = true
                fence = open
            } else {
                code = false
            }
            if let last = runs.last, last.code == code {
                runs[runs.count - 1].lines.append(line)
            } else {
                runs.append((code, k + 1, [line]))
            }
        }
        var spans: [MathSpan] = []
        let out = runs.map { run in
            let text = run.lines.joined(separator: "\n")
            return run.code ? text : scanProse(text, firstLine: run.firstLine, spans: &spans)
        }.joined(separator: "\n")
        return (out, spans)
    }

    /// The placeholder of span `k`: private-use characters that Markdown leaves alone and that
    /// no heading slug keeps.
    static func token(_ k: Int) -> String {
        "\u{E000}" + String(String(k).unicodeScalars.map { Character(Unicode.Scalar(0xE010 + $0.value - 48)!) }) + "\u{E001}"
    }

    /// Replaces every token in `text` with the value at its span index. The placeholders are
    /// private-use characters a notebook could hold itself: a "token" without a value is left
    /// as it was written.
    static func substitute(_ text: String, _ values: [String]) -> String {
        guard text.unicodeScalars.contains("\u{E000}") else { return text }
        var out = String.UnicodeScalarView()
        var pending: [Unicode.Scalar] = []
        var number: Int?
        for c in text.unicodeScalars {
            switch c.value {
            case 0xE000:
                out.append(contentsOf: pending)
                pending = [c]
                number = 0
            case 0xE010...0xE019 where number != nil:
                pending.append(c)
                number = number! > values.count ? number : number! * 10 + Int(c.value - 0xE010)
            case 0xE001 where number != nil:
                if let k = number, k < values.count {
                    out.append(contentsOf: values[k].unicodeScalars)
                } else {
                    out.append(contentsOf: pending)
                    out.append(c)
                }
                pending = []
                number = nil
            default:
                out.append(contentsOf: pending)
                pending = []
                number = nil
                out.append(c)
            }
        }
        out.append(contentsOf: pending)
        return String(out)
    }

    /// A code fence opener or closer: up to three spaces, then three or more backticks or tildes.
    private static func fenceRun(_ line: Substring) -> (char: Character, length: Int)? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3, let c = line.dropFirst(indent.count).first, c == "`" || c == "~" else { return nil }
        let run = line.dropFirst(indent.count).prefix(while: { $0 == c }).count
        return run >= 3 ? (c, run) : nil
    }

    private static func scanProse(_ text: String, firstLine: Int, spans: inout [MathSpan]) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var line = firstLine
        func copy(_ range: Range<Int>) {
            for k in range {
                if s[k] == "\n" { line += 1 }
                out.append(s[k])
            }
        }
        func emit(_ tex: Range<Int>, display: Bool, end: Int) {
            var label: String?
            var next = end
            if display, let (found, after) = equationLabel(s, from: end) {
                label = found
                next = after
            }
            let source = String(String.UnicodeScalarView(s[tex]))
            let trimmed = display ? source.trimmingCharacters(in: .whitespacesAndNewlines) : source
            spans.append(MathSpan(tex: trimmed, display: display, label: label, line: line))
            out.append(contentsOf: token(spans.count - 1).unicodeScalars)
            // The lines the span covered still count, so later spans know their line.
            for k in tex where s[k] == "\n" { line += 1 }
            i = next
        }
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count {
                let d = s[i + 1]
                if d == "(" || d == "[", let close = find(s, closing: d == "(" ? ")" : "]", after: i + 2) {
                    emit((i + 2)..<close, display: d == "[", end: close + 2)
                    continue
                }
                copy(i..<(i + 2))
                i += 2
            } else if c == "`" {
                let run = s[i...].prefix(while: { $0 == "`" }).count
                if let end = codeSpanEnd(s, from: i + run, run: run) {
                    copy(i..<end)
                    i = end
                } else {
                    copy(i..<(i + run))
                    i += run
                }
            } else if c == "$" {
                if i + 1 < s.count, s[i + 1] == "$" {
                    if let close = findDisplayClose(s, from: i + 2) {
                        emit((i + 2)..<close, display: true, end: close + 2)
                    } else {
                        copy(i..<(i + 2))
                        i += 2
                    }
                } else if let close = findInlineClose(s, from: i + 1) {
                    emit((i + 1)..<close, display: false, end: close + 1)
                } else {
                    copy(i..<(i + 1))
                    i += 1
                }
            } else {
                copy(i..<(i + 1))
                i += 1
            }
        }
        return String(out)
    }

    /// Where an inline code span opened by `run` backticks ends (after its closing run).
    private static func codeSpanEnd(_ s: [Unicode.Scalar], from start: Int, run: Int) -> Int? {
        var k = start
        while k < s.count {
            if s[k] == "`" {
                let n = s[k...].prefix(while: { $0 == "`" }).count
                if n == run { return k + n }
                k += n
            } else {
                k += 1
            }
        }
        return nil
    }

    private static func isBlankLineAt(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        // s[k] is a newline: the next line is blank when only spaces come before the next newline.
        var j = k + 1
        while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
        return j >= s.count || s[j] == "\n"
    }

    /// The `$` closing inline math opened just before `start`, by pandoc's rules.
    private static func findInlineClose(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < s.count, !isSpace(s[start]), s[start] != "$" else { return nil }
        var k = start
        while k < s.count {
            let c = s[k]
            if c == "\\" { k += 2; continue }
            if c == "\n", isBlankLineAt(s, k) { return nil }
            if c == "$" {
                let before = s[k - 1]
                let after: Unicode.Scalar? = k + 1 < s.count ? s[k + 1] : nil
                if !isSpace(before), !(after.map { ("0"..."9").contains($0) } ?? false) { return k }
                return nil
            }
            k += 1
        }
        return nil
    }

    /// The `$$` closing display math opened just before `start`.
    private static func findDisplayClose(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var k = start
        while k + 1 < s.count {
            let c = s[k]
            if c == "\\" { k += 2; continue }
            if c == "\n", isBlankLineAt(s, k) { return nil }
            if c == "$", s[k + 1] == "$" { return k > start ? k : nil }
            k += 1
        }
        return nil
    }

    /// The `\)` or `\]` closing math opened just before `start`.
    private static func find(_ s: [Unicode.Scalar], closing: Unicode.Scalar, after start: Int) -> Int? {
        var k = start
        while k + 1 < s.count {
            if s[k] == "\n", isBlankLineAt(s, k) { return nil }
            if s[k] == "\\" {
                if s[k + 1] == closing { return k > start ? k : nil }
                k += 2
                continue
            }
            k += 1
        }
        return nil
    }

    /// `{#eq-label}` after a display equation (spaces allowed before it on the same line).
    private static func equationLabel(_ s: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var k = start
        while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
        guard k + 2 < s.count, s[k] == "{", s[k + 1] == "#" else { return nil }
        var j = k + 2
        var label = String.UnicodeScalarView()
        while j < s.count, s[j] != "}", s[j] != "\n", s[j] != " " { label.append(s[j]); j += 1 }
        guard j < s.count, s[j] == "}", String(label).hasPrefix("eq-"), label.count > 3 else { return nil }
        return (String(label), j + 1)
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" }
}
