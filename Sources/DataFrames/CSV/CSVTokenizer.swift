/// How fields are separated and quoted: the part of read.table's and read_delim's options
/// that decides where fields begin and end.
struct CSVDialect {
    /// nil: fields are separated by runs of spaces and tabs (read.table's sep = "").
    var delimiter: UInt8?
    var quotes: [UInt8]
    var comment: UInt8?
    var skipBlankLines: Bool
    /// Physical lines dropped before anything is read (`skip`).
    var skipLines: Int
    /// R reads files in text mode, so "\r\n" inside a quoted field arrives as "\n";
    /// readr keeps the bytes.
    var quotedCRLFAsLF = false
}

/// Every field of a file as byte spans, grouped into records (one per line, or more lines
/// when a quoted field holds line breaks). Nothing is copied except the few quoted fields
/// whose doubled quotes must be undone; those live in `unescaped`.
struct CSVFields {
    var starts: [Int] = []
    var ends: [Int] = []
    /// Bit 0: the field was quoted. Bit 1: the span points into `unescaped`, not the file.
    var flags: [UInt8] = []
    /// Record r holds fields recordStarts[r] ..< recordStarts[r + 1].
    var recordStarts: [Int] = [0]
    /// The 1-based line where each record starts.
    var recordLines: [Int] = []
    var unescaped: [UInt8] = []

    static let quoted: UInt8 = 1
    static let inUnescaped: UInt8 = 2

    var recordCount: Int { recordLines.count }

    func fieldRange(ofRecord r: Int) -> Range<Int> { recordStarts[r]..<recordStarts[r + 1] }
}

/// Splits bytes into fields in one pass. R and readr agree on the essentials: a field that
/// starts with a quote runs to the matching quote, a doubled quote inside it is one quote,
/// line breaks inside quotes belong to the field, and "\r\n", "\n" and a lone "\r" end a line.
struct CSVTokenizer {
    let dialect: CSVDialect

    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVFields {
        var out = CSVFields()
        guard let p = bytes.baseAddress else { return out }
        let n = bytes.count
        // A byte-order mark is not data (R's scan and readr both drop it).
        var i = n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        var line = 1
        i = skipLines(p, n, from: i, line: &line)

        // special[b] marks bytes that end an unquoted field.
        var special = [Bool](repeating: false, count: 256)
        special[0x0A] = true
        special[0x0D] = true
        if let d = dialect.delimiter { special[Int(d)] = true } else { special[0x20] = true; special[0x09] = true }
        if let c = dialect.comment { special[Int(c)] = true }
        var isQuote = [Bool](repeating: false, count: 256)
        for q in dialect.quotes { isQuote[Int(q)] = true }
        let whitespaceSeparated = dialect.delimiter == nil
        let estimate = n / 8
        out.starts.reserveCapacity(estimate)
        out.ends.reserveCapacity(estimate)
        out.flags.reserveCapacity(estimate)

        special.withUnsafeBufferPointer { special in
        isQuote.withUnsafeBufferPointer { isQuote in
            while i < n {
                let recordLine = line
                let firstField = out.starts.count
                if whitespaceSeparated {
                    while i < n, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
                }
                // An empty line (or one holding only a comment) is blank.
                if i >= n || p[i] == 0x0A || p[i] == 0x0D || (dialect.comment.map { p[i] == $0 } ?? false) {
                    i = endOfLine(p, n, from: i, line: &line)
                    if dialect.skipBlankLines { continue }
                    out.starts.append(i); out.ends.append(i); out.flags.append(0)
                    out.recordStarts.append(out.starts.count)
                    out.recordLines.append(recordLine)
                    continue
                }
                // Fields of one record.
                while true {
                    if i < n, isQuote[Int(p[i])] {
                        i = quotedField(p, n, from: i, line: &line, special: special, into: &out)
                    } else {
                        let start = i
                        while i < n, !special[Int(p[i])] { i += 1 }
                        out.starts.append(start); out.ends.append(i); out.flags.append(0)
                    }
                    if i >= n { break }
                    let b = p[i]
                    if let d = dialect.delimiter, b == d {
                        i += 1
                        continue
                    }
                    if whitespaceSeparated, b == 0x20 || b == 0x09 {
                        while i < n, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
                        // Trailing blanks end the record rather than start a field.
                        if i >= n || p[i] == 0x0A || p[i] == 0x0D || (dialect.comment.map { p[i] == $0 } ?? false) { break }
                        continue
                    }
                    break  // end of line or a comment
                }
                if out.starts.count == firstField { out.starts.append(i); out.ends.append(i); out.flags.append(0) }
                i = endOfLine(p, n, from: i, line: &line)
                out.recordStarts.append(out.starts.count)
                out.recordLines.append(recordLine)
            }
        }
        }
        return out
    }

    /// Drops `skipLines` physical lines (quotes are not looked at, as R's skip does not).
    private func skipLines(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int, line: inout Int) -> Int {
        var i = start
        var remaining = dialect.skipLines
        while remaining > 0, i < n {
            while i < n, p[i] != 0x0A, p[i] != 0x0D { i += 1 }
            i = endOfLine(p, n, from: i, line: &line, skipComment: false)
            remaining -= 1
        }
        return i
    }

    /// From a comment or line break at `i`, moves past the end of the line.
    private func endOfLine(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int, line: inout Int,
                           skipComment: Bool = true) -> Int {
        var i = start
        if skipComment { while i < n, p[i] != 0x0A, p[i] != 0x0D { i += 1 } }
        guard i < n else { return i }
        if p[i] == 0x0D, i + 1 < n, p[i + 1] == 0x0A { i += 1 }
        line += 1
        return i + 1
    }

    /// A field starting with a quote at `start`. Text after the closing quote, up to the
    /// separator, is kept too (R keeps it; readr does as well).
    private func quotedField(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int, line: inout Int,
                             special: UnsafeBufferPointer<Bool>, into out: inout CSVFields) -> Int {
        let quote = p[start]
        var i = start + 1
        let contentStart = i
        var needsCopy = false
        var contentEnd = n
        // Inside quotes R's read.table (sep = "") escapes with a backslash; with a separator
        // a quote is doubled.
        let backslashEscapes = dialect.delimiter == nil
        while i < n {
            let b = p[i]
            if b == quote {
                if !backslashEscapes, i + 1 < n, p[i + 1] == quote {
                    needsCopy = true
                    i += 2
                    continue
                }
                contentEnd = i
                i += 1
                break
            }
            if backslashEscapes, b == UInt8(ascii: "\\"), i + 1 < n {
                needsCopy = true
                i += 2
                continue
            }
            if b == 0x0D, i + 1 < n, p[i + 1] == 0x0A, dialect.quotedCRLFAsLF { needsCopy = true }
            if b == 0x0A || (b == 0x0D && !(i + 1 < n && p[i + 1] == 0x0A)) { line += 1 }
            i += 1
        }
        // An unclosed quote runs to the end of the file, as in R (with a warning there).
        let tailStart = i
        while i < n, !special[Int(p[i])] { i += 1 }
        if !needsCopy && tailStart == i {
            out.starts.append(contentStart); out.ends.append(contentEnd); out.flags.append(CSVFields.quoted)
            return i
        }
        let copyStart = out.unescaped.count
        var k = contentStart
        while k < contentEnd {
            if p[k] == quote, !backslashEscapes, k + 1 < contentEnd, p[k + 1] == quote {
                out.unescaped.append(quote); k += 2; continue
            }
            if backslashEscapes, p[k] == UInt8(ascii: "\\"), k + 1 < contentEnd {
                out.unescaped.append(p[k + 1]); k += 2; continue
            }
            if dialect.quotedCRLFAsLF, p[k] == 0x0D, k + 1 < contentEnd, p[k + 1] == 0x0A {
                k += 1; continue
            }
            out.unescaped.append(p[k]); k += 1
        }
        out.unescaped.append(contentsOf: UnsafeBufferPointer(start: p + tailStart, count: i - tailStart))
        out.starts.append(copyStart); out.ends.append(out.unescaped.count)
        out.flags.append(CSVFields.quoted | CSVFields.inUnescaped)
        return i
    }
}
