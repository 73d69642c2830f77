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
        let tex = spans.map(\.tex)
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
                    heading.html = MathScanner.substitute(String(inner.hasSuffix("</h\(level)>") ? inner.dropLast(5) : inner), math)
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
        let html = MathScanner.substitute(document.html(document.root), math)
        return (html, headings)
    }

    /// Every node of a tree, in document order.
    static func nodes(_ root: OpaquePointer) -> [OpaquePointer] {
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

    /// The text of a node's inline content.
    /// The prose of a page for the search index: the text of its paragraphs, list items and
    /// headings, each heading starting a section (code and output are left out).
    public static func searchSections(markdown: String) -> [(heading: String?, text: String)] {
        let (text, spans) = MathScanner.extract(markdown)
        let tex = spans.map(\.tex)
        let plainText: (OpaquePointer) -> String = { MathScanner.substitute(Self.plainText($0), tex) }
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

    static func plainText(_ node: OpaquePointer, keepingInlineHTML: Bool = false) -> String {
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
