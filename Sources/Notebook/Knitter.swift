import Foundation
import MLMLang

/// The result of knitting: Markdown as `knitr::knit` writes it, the figures it refers to
/// (paths relative to the Markdown file), and the notebook's metadata.
public struct KnittedDocument {
    public let notebook: Notebook
    public let markdown: String
    public var figures: [Figure] = []
    /// The files the notebook's code read (absolute paths).
    public var inputs: [String] = []
    /// Whether a site build took this document from its knit cache instead of running it.
    public var fromCache = false

    public init(notebook: Notebook, markdown: String, figures: [Figure] = [], inputs: [String] = []) {
        self.notebook = notebook
        self.markdown = markdown
        self.figures = figures
        self.inputs = inputs
    }
}

public struct Figure: Equatable, Codable {
    /// `figures/LABEL-N.svg`, with the label made safe for a file name.
    public let path: String
    public var svg: String

    public init(path: String, svg: String) {
        self.path = path
        self.svg = svg
    }
}

/// Runs a notebook's chunks in one session and writes knitr's Markdown: source in fenced
/// blocks tagged with the engine, output in plain fences with `## ` before each line.
public final class Knitter {
    public let notebook: Notebook
    public let session: Session
    private var labels: Set<String> = []
    private var figures: [Figure] = []

    /// Where figures go, relative to the knitted file: `figures/` as knitr's fig.path.
    public var figurePrefix = "figures/"

    /// Seconds a chunk (or one inline expression) may run before it is stopped; 0 for no
    /// limit. A chunk's `timeout` option overrides it.
    public var chunkTimeout: Double = Knitter.defaultChunkTimeout
    public static let defaultChunkTimeout: Double = 600

    /// Every chunk runs as with knitr's `error = TRUE` unless its own options say otherwise: a
    /// failing chunk shows its error and the knit goes on (`mlmd knit --keep-going`), as
    /// `knitr::opts_chunk$set(error = TRUE)` before the first chunk would.
    public var keepGoing = false

    public init(notebook: Notebook, workingDirectory: URL? = nil) {
        self.notebook = notebook
        let dir = workingDirectory ?? URL(fileURLWithPath: notebook.path).deletingLastPathComponent()
        session = Session(workingDirectory: dir)
        session.interpreter.knitting = true
    }

    public func knit() throws -> KnittedDocument {
        var parts: [String] = []
        var line = 1
        var inlineIndex = 0
        // Like knitr, the document is a sequence of non-empty text groups and chunks joined by newlines.
        for (index, chunk) in notebook.chunks.enumerated() {
            if line < chunk.fenceLine { parts.append(try textGroup(from: line, to: chunk.fenceLine - 1, inlineIndex: &inlineIndex)) }
            parts.append(try render(chunk, number: index + 1))
            line = chunk.endLine + 1
        }
        if line <= notebook.lines.count {
            parts.append(try textGroup(from: line, to: notebook.lines.count, inlineIndex: &inlineIndex))
        }
        return KnittedDocument(notebook: notebook, markdown: parts.joined(separator: "\n") + "\n", figures: figures,
                               inputs: session.interpreter.filesRead)
    }

    // MARK: - Text and inline code

    /// Lines `first...last` of the notebook with inline code replaced by its formatted value.
    private func textGroup(from first: Int, to last: Int, inlineIndex: inout Int) throws -> String {
        guard first <= last else { return "" }
        var text = notebook.lines[(first - 1)..<last].joined(separator: "\n")
        var cursor = text.startIndex
        while inlineIndex < notebook.inlineCode.count, notebook.inlineCode[inlineIndex].blockStartLine <= last {
            let span = notebook.inlineCode[inlineIndex]
            inlineIndex += 1
            guard span.blockStartLine >= first else { continue }
            let value: RValue
            session.interpreter.deadline = chunkTimeout > 0 ? EvaluationDeadline(seconds: chunkTimeout) : nil
            defer { session.interpreter.deadline = nil }
            do {
                value = try session.evaluateInline(span.code)
            } catch let e as EvaluationInterrupted {
                guard case .timeLimit = e.reason else { throw e }
                throw NotebookError(file: notebook.path, line: span.blockStartLine, message: "in inline code `\(span.literal)`: Error: \(e)")
            } catch let e as RError {
                throw NotebookError(file: notebook.path, line: span.blockStartLine, message: "in inline code `\(span.literal)`: \(e)")
            } catch let e as ParseError {
                throw NotebookError(file: notebook.path, line: span.blockStartLine,
                                    message: "in inline code `\(span.literal)`: Error: <text>:\(e.location.line):\(e.location.column): \(e.message)")
            }
            let formatted = InlineFormatter.format(value, digits: session.interpreter.digits)
            for ticks in ["`", "``", "```"] {
                if let range = text.range(of: ticks + span.literal + ticks, range: cursor..<text.endIndex) {
                    text.replaceSubrange(range, with: formatted)
                    cursor = text.index(range.lowerBound, offsetBy: formatted.count)
                    break
                }
            }
        }
        return text
    }

    // MARK: - Chunks

    private func options(for chunk: Chunk, number: Int) throws -> ChunkOptions {
        var options = ChunkOptions()
        options.error = keepGoing
        do {
            // Defaults set with knitr::opts_chunk$set in an earlier chunk, then the header's own.
            for (name, value) in session.interpreter.chunkOptionDefaults { try options.set(name, value) }
            try ChunkHeader.apply(chunk.header, to: &options, session: session)
            try ChunkHeader.applyOptionLines(chunk.optionLines, to: &options, session: session)
        } catch let e as OptionError {
            throw NotebookError(file: notebook.path, line: chunk.fenceLine, chunk: options.label, message: e.message)
        }
        let label = options.label ?? "unnamed-chunk-\(number)"
        if labels.contains(label) {
            throw NotebookError(file: notebook.path, line: chunk.fenceLine, chunk: label,
                                message: "Duplicate chunk label '\(label)'")
        }
        labels.insert(label)
        options.label = label
        return options
    }

    private enum Piece {
        case source(String)
        case output(String, step: Int)
        case asis(String)
        case condition(String)
    }

    private func render(_ chunk: Chunk, number: Int) throws -> String {
        let options = try self.options(for: chunk, number: number)
        let label = options.label ?? ""
        let codeLines = chunk.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var pieces: [Piece] = []
        var figureCount = 0
        // The figure this chunk drew last, which low-level base graphics calls redraw.
        var lastFigure: Int?, lastFigurePiece: Int?
        session.interpreter.figureSize = (options.figWidth, options.figHeight)
        session.interpreter.resetBaseGraphicsLayout()

        if options.eval {
            let steps: [Session.Step]
            let limit = options.timeout ?? chunkTimeout
            session.interpreter.deadline = limit > 0 ? EvaluationDeadline(seconds: limit) : nil
            defer { session.interpreter.deadline = nil }
            do {
                steps = try session.run(chunk.code, continueAfterError: options.error)
            } catch let e as ParseError {
                let line = chunk.codeLine + e.location.line - 1
                let message = "Error: <text>:\(e.location.line):\(e.location.column): \(e.message)"
                if !options.error { throw NotebookError(file: notebook.path, line: line, chunk: label, message: message) }
                if options.echo { pieces.append(.source(chunk.code)) }
                pieces.append(.condition(message))
                steps = []
            }
            // Ctrl-C and cancellation end the whole knit; nothing of it is written.
            if let reason = steps.last?.interrupted {
                if case .timeLimit = reason {} else { throw EvaluationInterrupted(reason: reason) }
            }
            for (s, step) in steps.enumerated() {
                if options.echo {
                    let lo = max(step.firstLine - 1, 0), hi = min(step.lastLine, codeLines.count)
                    if lo < hi { pieces.append(.source(codeLines[lo..<hi].joined(separator: "\n"))) }
                }
                for event in step.events {
                    switch event {
                    case .text(let t):
                        switch options.results {
                        case .hide: continue
                        case .asis: pieces.append(.asis(t))
                        case .markup, .hold:
                            if case .output(let previous, let ps)? = pieces.last, ps == s {
                                pieces[pieces.count - 1] = .output(previous + t, step: s)
                            } else {
                                pieces.append(.output(t, step: s))
                            }
                        }
                    case .asis(let t):
                        // knit_print's as-is text (a kable table) goes into the page, not an output block.
                        if options.results != .hide { pieces.append(.asis(t)) }
                    case .message(let m):
                        if options.message { pieces.append(.condition(m)) }
                    case .warning(let m, let call):
                        if options.warning {
                            let text = call.map { "Warning in \($0): \(m)" } ?? "Warning: \(m)"
                            pieces.append(.condition(text.contains("\n") ? text : StringWrap.wrap(text, width: session.interpreter.width)))
                        }
                    case .plotUpdate(let svg, _, _) where lastFigure != nil:
                        // knitr keeps the finished high-level plot: the addition replaces it, and
                        // the figure moves after the code that finished it.
                        if let index = lastFigure { figures[index].svg = svg }
                        if let piece = lastFigurePiece {
                            pieces.append(pieces.remove(at: piece))
                            lastFigurePiece = pieces.count - 1
                        }
                    case .plot(let svg, _, _), .plotUpdate(let svg, _, _):
                        lastFigure = figures.count
                        let path = "\(figurePrefix)\(Self.fileSafe(label))-\(figureCount + 1).svg"
                        figureCount += 1
                        figures.append(Figure(path: path, svg: svg))
                        pieces.append(.asis(FigureMarkup.markdown(path: path, label: label, options: options)))
                        lastFigurePiece = pieces.count - 1
                    case .error(let m, let call):
                        let text = call.map { "Error in \($0): \(m)" } ?? "Error: \(m)"
                        if !options.error {
                            throw NotebookError(file: notebook.path, line: chunk.codeLine + step.expressionLine - 1, chunk: label, message: text)
                        }
                        pieces.append(.condition(text))
                    }
                }
            }
        } else if options.echo {
            pieces.append(.source(chunk.code))
        }
        guard options.include else { return "" }

        if options.results == .hold {
            let held = pieces.compactMap { p -> String? in if case .output(let t, _) = p { return t } else { return nil } }
            pieces.removeAll { if case .output = $0 { return true } else { return false } }
            if !held.isEmpty { pieces.append(.output(held.joined(), step: -1)) }
        }
        if let caption = options.tblCap, label.hasPrefix("tbl-"), let first = pieces.firstIndex(where: { if case .asis = $0 { return true } else { return false } }) {
            // Quarto's tbl-cap: the caption line pandoc reads before a pipe table.
            pieces.insert(.asis("Table: \(caption)\n\n"), at: first)
        }
        var text = chunkText(pieces, options: options, engine: chunk.engine)
        if label.hasPrefix("fig-") || label.hasPrefix("tbl-") {
            // Quarto's cross-reference labels: the page numbers the figure or table inside and
            // links `@label` in the prose to it.
            text = "\n\n<div class=\"cross-ref\" data-label=\"\(FigureMarkup.escape(label))\">\n\n" + text.drop(while: { $0 == "\n" }) + "\n\n</div>"
        }
        return text
    }

    /// Joins the pieces as knitr's Markdown hooks do, then tidies blank lines (knitr's chunk hook).
    private func chunkText(_ pieces: [Piece], options: ChunkOptions, engine: String) -> String {
        var merged: [Piece] = []
        for p in pieces {
            if case .source(let s) = p, case .source(let previous)? = merged.last {
                merged[merged.count - 1] = .source(previous + "\n" + s)
            } else {
                merged.append(p)
            }
        }
        var x = ""
        for p in merged {
            switch p {
            case .source(let code):
                // Quarto's code-fold, passed to the page on the fence's info string.
                let fold = options.codeFold.map { $0 ? " fold" : " nofold" } ?? ""
                x += fenced(code, info: engine + fold)
            case .output(let t, _):
                // knitr shows no block for output that is only line breaks (cat("\n"), the blank
                // line after a plot printed from a list).
                if t.allSatisfy({ $0 == "\n" }) { continue }
                x += fenced(commentOut(t, prefix: options.comment), info: "")
            case .condition(let t): x += fenced(commentOut(t, prefix: options.comment), info: "")
            case .asis(let t): x += t
            }
        }
        x = KnitrText.collapseBlankLinesBeforeFences(x)
        while x.hasSuffix("\n") { x.removeLast() }
        if x.hasPrefix("\n") { x = "\n" + x.drop(while: { $0 == "\n" }) }
        if options.collapse { x = KnitrText.collapseAdjacentFences(x, engine: engine) }
        return x
    }

    /// A chunk label as part of a file name: letters, digits, '-' and '_' only, so that a
    /// label like `../../x` cannot name a file outside the figures folder.
    public static func fileSafe(_ label: String) -> String {
        let mapped = String(label.unicodeScalars.map { c -> Character in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" ? Character(c) : "-"
        })
        return mapped.isEmpty ? "chunk" : mapped
    }

    private func fenced(_ text: String, info: String) -> String {
        var body = text
        if body.hasSuffix("\n") { body.removeLast() }
        return "\n\n```\(info)\n\(body)\n```\n\n"
    }

    /// knitr's comment_out: the prefix and a space before every line, trailing blanks of
    /// the last line removed, exactly one final newline.
    private func commentOut(_ text: String, prefix: String?) -> String {
        var x = text
        while x.hasSuffix("\n\n") { x.removeLast() }
        if !x.hasSuffix("\n") { x += "\n" }
        guard let prefix else { return x }
        // Blanks ending the text go before the prefix is added, so a last line of only blanks
        // still reads "## ", as knitr writes it.
        x.removeLast()
        while x.hasSuffix(" ") { x.removeLast() }
        let p = prefix + " "
        return x.split(separator: "\n", omittingEmptySubsequences: false).map { p + $0 }.joined(separator: "\n") + "\n"
    }
}
