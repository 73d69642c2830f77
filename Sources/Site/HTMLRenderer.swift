import CCmark
import Graphics
#if canImport(Glibc)
import Glibc
#endif
/// Knitted Markdown to an HTML fragment with libcmark-gfm: CommonMark plus GitHub's pipe
/// tables (kable's tables become <table>), strikethrough, autolinks and footnotes. Before
/// parsing, TeX math is taken out (MathScanner) and after rendering put back as KaTeX's HTML
/// and MathML. Raw HTML in prose passes through as CommonMark allows; output blocks (plain
/// fences) get the class `language-output`; R code is highlighted, and folded behind a toggle
/// where the chunk or page asks for it; level 2 and 3 headings get ids and are listed for a
/// table of contents; captioned figures are numbered, and `@fig-`, `@tbl-` and `@eq-`
/// citations become links to their figure, table or equation.
public enum HTMLRenderer {
    public struct Heading: Equatable {
        public let level: Int
        public let id: String
        public let text: String
        /// The heading's content as HTML when plain text cannot show it (it holds math).
        public var html: String? = nil
    }

    public static func render(markdown: String) throws -> String { try renderWithHeadings(markdown: markdown).html }

    /// `foldCode`: whether R code is folded where its chunk does not say (the page's
    /// `code_folding: hide` or `code-fold: true`).
    public static func renderWithHeadings(markdown: String, foldCode: Bool = false) throws -> (html: String, headings: [Heading]) {
        let (text, spans) = MathScanner.extract(markdown)
        guard let document = MarkdownDocument(text) else { return ("", []) }
        defer { document.release() }
        var references = CrossReferences()
        let math = try MathRenderer.render(spans, references: &references)
        let tex: (Int) -> String = { k in spans[k].tex }
        let captions = numberFiguresAndTables(document, &references)
        try linkCitations(document.root, references)

        var replacements: [(OpaquePointer, String)] = []
        var removals: [OpaquePointer] = []
        var headings: [Heading] = []
        var usedIDs = Set<String>()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for node in nodes(document.root) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                let words = info.split(separator: " ")
                if info.isEmpty, isFenced(node, in: lines) { cmark_node_set_fence_info(node, "output") }
                if let language = words.first, language == "r" || language == "mlm" {
                    let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    let block = "<pre><code class=\"language-\(language)\">\(CodeHighlighter.highlight(code))</code></pre>\n"
                    let fold = words.contains("fold") || (foldCode && !words.contains("nofold"))
                    replacements.append((node, fold ? "<details class=\"code-fold\">\n<summary>Code</summary>\n\(block)</details>\n" : block))
                }
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                guard level == 2 || level == 3 else { continue }
                let html = document.html(node)
                let plain = MathScanner.substitute(plainText(node), tex)
                let id = uniqueID(slug(plain), &usedIDs)
                var heading = Heading(level: level, id: id, text: plain)
                if plainText(node).unicodeScalars.contains("\u{E000}") {
                    let inner = html.drop(while: { $0 != ">" }).dropFirst().prefix(while: { $0 != "\n" })
                    heading.html = MathScanner.substitute(String(inner.hasSuffix("</h\(level)>") ? inner.dropLast(5) : inner)) { math[$0] }
                }
                headings.append(heading)
                replacements.append((node, html.replacingOccurrences(of: "<h\(level)>", with: "<h\(level) id=\"\(id)\">")))
            default:
                guard let caption = captions[node] else { continue }
                switch caption {
                case .figure(let number, let label, let alt, let src):
                    let id = label.map { " id=\"\(escapeHTML($0))\"" } ?? ""
                    let text = captionHTML(document, node, skippingImage: true)
                    replacements.append((node, "<div class=\"figure\"\(id)>\n<img src=\"\(escapeHTML(src))\" alt=\"\(escapeHTML(MathScanner.substitute(alt, tex)))\">\n"
                                              + "<p class=\"caption\">Figure \(number): \(text)</p>\n</div>\n"))
                case .htmlFigure(let number, let label):
                    var html = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    if let label { html = html.replacingOccurrences(of: "<div class=\"figure\"", with: "<div class=\"figure\" id=\"\(escapeHTML(label))\"") }
                    html = html.replacingOccurrences(of: "<p class=\"caption\">", with: "<p class=\"caption\">Figure \(number): ")
                    replacements.append((node, html))
                case .table(let number, let label, let captionNode):
                    var html = document.html(node)
                    var captionText = ""
                    if let captionNode {
                        captionText = captionHTML(document, captionNode, skippingImage: false)
                        for prefix in ["Table: ", "Table:", ": ", ":"] where captionText.hasPrefix(prefix) {
                            captionText = String(captionText.dropFirst(prefix.count))
                            break
                        }
                        captionText = CrossReferences.trailingLabel(captionText).caption
                        removals.append(captionNode)
                    }
                    let numbered = number.map { "Table \($0)" + (captionText.isEmpty ? "" : ": ") } ?? ""
                    let id = label.map { " id=\"\(escapeHTML($0))\"" } ?? ""
                    let captionElement = numbered.isEmpty && captionText.isEmpty ? "" : "<caption>\(numbered)\(captionText)</caption>\n"
                    if html.hasPrefix("<table>\n") { html = "<table\(id)>\n" + captionElement + html.dropFirst("<table>\n".count) }
                    replacements.append((node, html))
                }
            }
        }
        // Replaced after the walk, so the walk never sees a freed node.
        for (node, html) in replacements {
            guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { continue }
            cmark_node_set_literal(block, html)
            if cmark_node_replace(node, block) != 0 { cmark_node_free(node) } else { cmark_node_free(block) }
        }
        for node in removals {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        let html = MathScanner.substitute(document.html(document.root)) { math[$0] }
        return (html, headings)
    }

    /// Every node of a tree, in document order.
    private static func nodes(_ root: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        guard let iter = cmark_iter_new(root) else { return out }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) { out.append(node) }
        }
        return out
    }

    private enum Caption {
        case figure(number: Int, label: String?, alt: String, src: String)
        case htmlFigure(number: Int, label: String?)
        case table(number: Int?, label: String?, caption: OpaquePointer?)
    }

    /// Numbers the captioned figures (R Markdown's "Figure 1: ...") and the labelled tables
    /// (Quarto's), in page order; a chunk labelled `fig-...` or `tbl-...` arrives wrapped in a
    /// `cross-ref` div carrying its label.
    private static func numberFiguresAndTables(_ document: MarkdownDocument, _ references: inout CrossReferences) -> [OpaquePointer: Caption] {
        var captions: [OpaquePointer: Caption] = [:]
        var chunkLabel: String?
        let opener = "<div class=\"cross-ref\" data-label=\""
        for node in nodes(document.root) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK {
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if literal.hasPrefix(opener), let end = literal.dropFirst(opener.count).firstIndex(of: "\"") {
                    chunkLabel = String(literal[literal.index(literal.startIndex, offsetBy: opener.count)..<end])
                } else if literal.hasPrefix("</div>") {
                    chunkLabel = nil
                } else if literal.hasPrefix("<div class=\"figure\""), literal.contains("<p class=\"caption\">") {
                    let label = chunkLabel.flatMap { CrossReferences.kind($0) == "fig" ? $0 : nil }
                    captions[node] = .htmlFigure(number: references.number("fig", label: label), label: label)
                }
            } else if type == CMARK_NODE_PARAGRAPH, let (alt, src, trailing) = figureParagraph(node) {
                let label = trailing ?? chunkLabel.flatMap { CrossReferences.kind($0) == "fig" ? $0 : nil }
                // knitr's default "plot of chunk" alt text is no caption.
                guard label != nil || (!alt.isEmpty && !alt.hasPrefix("plot of chunk ")) else { continue }
                captions[node] = .figure(number: references.number("fig", label: label), label: label, alt: alt, src: src)
            } else if cmark_node_get_type_string(node).map({ String(cString: $0) }) == "table" {
                var captionNode: OpaquePointer?
                if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH,
                   plainText(previous).hasPrefix("Table:") {
                    captionNode = previous
                } else if let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH, plainText(next).hasPrefix(":") {
                    captionNode = next
                }
                let captionText = captionNode.map { plainText($0) } ?? ""
                let label = CrossReferences.trailingLabel(captionText).label ?? chunkLabel.flatMap { CrossReferences.kind($0) == "tbl" ? $0 : nil }
                let number = label.map { references.number("tbl", label: $0) }
                if captionNode != nil || number != nil { captions[node] = .table(number: number, label: label, caption: captionNode) }
            }
        }
        return captions
    }

    /// A paragraph holding only an image, perhaps followed by `{#fig-label}`: its alt text
    /// (the caption), source and label.
    private static func figureParagraph(_ node: OpaquePointer) -> (String, String, String?)? {
        guard let image = cmark_node_first_child(node), cmark_node_get_type(image) == CMARK_NODE_IMAGE else { return nil }
        var label: String?
        if let rest = cmark_node_next(image) {
            guard cmark_node_get_type(rest) == CMARK_NODE_TEXT, cmark_node_next(rest) == nil else { return nil }
            let text = cmark_node_get_literal(rest).map { String(cString: $0) } ?? ""
            guard let found = CrossReferences.trailingLabel(text).label, CrossReferences.kind(found) == "fig",
                  text.trimmingCharacters(in: .whitespaces) == "{#\(found)}" else { return nil }
            label = found
        }
        let src = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
        return (plainText(image, keepingInlineHTML: true), src, label)
    }

    /// The inline content of a paragraph as HTML, without the <p> (or of its image).
    private static func captionHTML(_ document: MarkdownDocument, _ node: OpaquePointer, skippingImage: Bool) -> String {
        if skippingImage, let image = cmark_node_first_child(node) {
            var html = ""
            var child = cmark_node_first_child(image)
            while let c = child {
                // knitr's captions are text: "<" in one is shown, not parsed as a tag.
                if cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE {
                    html += escapeHTML(cmark_node_get_literal(c).map { String(cString: $0) } ?? "")
                } else {
                    html += document.html(c)
                }
                child = cmark_node_next(c)
            }
            return html
        }
        var html = document.html(node)
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html
    }

    /// Replaces `@fig-...`, `@tbl-...` and `@eq-...` in the prose's text with links reading
    /// "Figure 1"; a label the page does not define is an error.
    private static func linkCitations(_ root: OpaquePointer, _ references: CrossReferences) throws {
        var texts: [(OpaquePointer, [(range: Range<String.Index>, label: String)], String)] = []
        for node in nodes(root) where cmark_node_get_type(node) == CMARK_NODE_TEXT {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let found = CrossReferences.citations(in: literal)
            guard !found.isEmpty, !isInsideLink(node) else { continue }
            texts.append((node, found, literal))
        }
        for (node, found, literal) in texts {
            var cursor = literal.startIndex
            for (range, label) in found {
                guard let title = references.title(label) else {
                    var line = 0
                    var n: OpaquePointer? = node
                    while let p = n, line == 0 { line = Int(cmark_node_get_start_line(p)); n = cmark_node_parent(p) }
                    throw PageRenderError(message: "unknown cross-reference @\(label): no figure, table or equation of the page has this label",
                                          needle: "@\(label)", markdownLine: line)
                }
                insert(CMARK_NODE_TEXT, String(literal[cursor..<range.lowerBound]), before: node)
                insert(CMARK_NODE_HTML_INLINE, "<a class=\"cross-ref\" href=\"#\(escapeHTML(label))\">\(title)</a>", before: node)
                cursor = range.upperBound
            }
            insert(CMARK_NODE_TEXT, String(literal[cursor...]), before: node)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func insert(_ type: cmark_node_type, _ literal: String, before node: OpaquePointer) {
        guard !literal.isEmpty, let new = cmark_node_new(type) else { return }
        cmark_node_set_literal(new, literal)
        if cmark_node_insert_before(node, new) == 0 { cmark_node_free(new) }
    }

    private static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var n = cmark_node_parent(node)
        while let p = n {
            let t = cmark_node_get_type(p)
            if t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE { return true }
            n = cmark_node_parent(p)
        }
        return false
    }

    /// The text of a node's inline content.
    /// The prose of a page for the search index: the text of its paragraphs, list items and
    /// headings, each heading starting a section (code and output are left out).
    public static func searchSections(markdown: String) -> [(heading: String?, text: String)] {
        let (text, spans) = MathScanner.extract(markdown)
        let plainText: (OpaquePointer) -> String = { MathScanner.substitute(Self.plainText($0)) { spans[$0].tex } }
        guard let root = cmark_parse_document(text, text.utf8.count, CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_node_free(root) }
        var sections: [(heading: String?, text: String)] = [(nil, "")]
        var node = cmark_node_first_child(root)
        while let n = node {
            switch cmark_node_get_type(n) {
            case CMARK_NODE_HEADING:
                sections.append((plainText(n), ""))
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_LIST, CMARK_NODE_BLOCK_QUOTE:
                let text = plainText(n)
                sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : " ") + text
            default:
                break
            }
            node = cmark_node_next(n)
        }
        return sections.filter { $0.heading != nil || !$0.text.isEmpty }
    }

    private static func plainText(_ node: OpaquePointer, keepingInlineHTML: Bool = false) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(n)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || (keepingInlineHTML && type == CMARK_NODE_HTML_INLINE),
               let literal = cmark_node_get_literal(n) { out += String(cString: literal) }
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { out += " " }
        }
        return out
    }

    /// A URL fragment from heading text: lower case letters and digits joined by hyphens.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for c in text.lowercased().unicodeScalars {
            if c.properties.isAlphabetic || ("0"..."9").contains(c) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(c)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    private static func uniqueID(_ base: String, _ used: inout Set<String>) -> String {
        var id = base, k = 1
        while used.contains(id) { id = "\(base)-\(k)"; k += 1 }
        used.insert(id)
        return id
    }

    /// Indented code blocks stay plain code; only fenced blocks without info are output.
    /// (libcmark 0.30 has no cmark_node_get_fenced, so the block's first line is looked at.)
    private static func isFenced(_ node: OpaquePointer, in lines: [Substring]) -> Bool {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        guard line >= 1, line <= lines.count else { return false }
        let text = lines[line - 1].dropFirst(max(column - 1, 0))
        return text.hasPrefix("```") || text.hasPrefix("~~~")
    }
}

/// Escapes text for HTML content and attribute values.
public func escapeHTML(_ s: String) -> String { Markup.escape(s, apostrophes: true) }
