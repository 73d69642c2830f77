import Foundation
import MLMLang

/// A code chunk: its engine, header, option lines and code, located in the notebook.
public struct Chunk {
    /// `r` or `mlm`.
    public let engine: String
    /// The header's text after the engine (`label, echo=FALSE`), braces removed.
    public let header: String
    /// `#| key: value` lines from the top of the chunk.
    public let optionLines: [String]
    public let code: String
    /// Notebook lines of the opening fence, of the first code line and of the closing fence.
    public let fenceLine: Int
    public let codeLine: Int
    public let endLine: Int
}

/// An inline `` `r expr` `` or `` `mlm expr` `` span and where its block lies.
public struct InlineCodeSpan {
    public let code: String
    public let literal: String
    public let blockStartLine: Int
    public let blockEndLine: Int
}

/// A parsed notebook: its lines, front matter, chunks in order and inline code.
public struct Notebook {
    public let path: String
    public let lines: [String]
    public let frontMatter: FrontMatter
    public let chunks: [Chunk]
    public let inlineCode: [InlineCodeSpan]

    public var title: String {
        frontMatter.title ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Reads and parses a notebook file.
    public static func load(path: String) throws -> Notebook {
        guard FileManager.default.fileExists(atPath: path) else {
            throw NotebookError(file: path, message: "cannot open file '\(path)': No such file or directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookError(file: path, message: "cannot read file '\(path)'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookError(file: path, message: "invalid UTF-8 in '\(path)'")
        }
        return try parse(text, path: path)
    }

    /// Parses notebook text: front matter off, then CommonMark by libcmark.
    public static func parse(_ text: String, path: String) throws -> Notebook {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var rawLines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        if rawLines.last == "" { rawLines.removeLast() }
        let frontMatter = FrontMatter.split(rawLines)
        let offset = frontMatter.lineCount
        // Blank lines stand in for the front matter so that cmark's line numbers are the file's.
        let body = (Array(repeating: "", count: offset) + rawLines[offset...].map(String.init)).joined(separator: "\n")
        let lines = rawLines.map(String.init)
        let scan = MarkdownScan(markdown: body)

        var chunks: [Chunk] = []
        for block in scan.codeBlocks {
            guard let fence = fenceOpening(lines, block.startLine), let (engine, header) = chunkEngine(block.info) else { continue }
            if !isClosingFence(lines, block.endLine, fence: fence) || block.endLine == block.startLine {
                throw NotebookError(file: path, line: block.startLine,
                                    message: "unterminated code chunk: the fence opened here is never closed")
            }
            var codeLines = block.literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if codeLines.last == "" { codeLines.removeLast() }
            var optionLines: [String] = []
            while let first = codeLines.first, first.hasPrefix("#|") {
                optionLines.append(String(first.dropFirst(2)))
                codeLines.removeFirst()
            }
            chunks.append(Chunk(engine: engine, header: header, optionLines: optionLines,
                                code: codeLines.joined(separator: "\n"), fenceLine: block.startLine,
                                codeLine: block.startLine + 1 + optionLines.count, endLine: block.endLine))
        }
        let inline = scan.inlineCode.compactMap { span -> InlineCodeSpan? in
            for prefix in ["r ", "mlm "] where span.literal.hasPrefix(prefix) {
                return InlineCodeSpan(code: String(span.literal.dropFirst(prefix.count)), literal: span.literal,
                                      blockStartLine: span.blockStartLine, blockEndLine: span.blockEndLine)
            }
            return nil
        }
        return Notebook(path: path, lines: lines, frontMatter: frontMatter, chunks: chunks, inlineCode: inline)
    }

    /// The fence characters opening a code block on `line`, or nil for an indented block.
    private static func fenceOpening(_ lines: [String], _ line: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1].drop(while: { $0 == " " })
        guard let c = text.first, c == "`" || c == "~" else { return nil }
        let fence = text.prefix(while: { $0 == c })
        return fence.count >= 3 ? String(fence) : nil
    }

    private static func isClosingFence(_ lines: [String], _ line: Int, fence: String) -> Bool {
        guard line >= 1, line <= lines.count, let c = fence.first else { return false }
        let text = lines[line - 1].trimmingCharacters(in: .whitespaces)
        return text.count >= fence.count && text.allSatisfy { $0 == c }
    }

    /// `{r ...}`, `{mlm ...}` and bare `mlm` run; anything else is display code.
    static func chunkEngine(_ info: String) -> (String, String)? {
        let trimmed = info.trimmingCharacters(in: .whitespaces)
        if trimmed == "mlm" { return ("mlm", "") }
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}") else { return nil }
        let inner = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        let engineEnd = inner.firstIndex(where: { $0 == " " || $0 == "," || $0 == "\t" }) ?? inner.endIndex
        let engine = inner[..<engineEnd].lowercased()
        guard engine == "r" || engine == "mlm" else { return nil }
        var header = inner[engineEnd...].trimmingCharacters(in: .whitespaces)
        if header.hasPrefix(",") { header = header.dropFirst().trimmingCharacters(in: .whitespaces) }
        return (engine, header)
    }
}
