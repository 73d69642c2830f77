import CCmark
import Graphics
#if canImport(Glibc)
import Glibc
#endif
/// Knitted Markdown to an HTML fragment with libcmark-gfm: CommonMark plus GitHub's pipe tables
/// (kable's tables become <table>). Raw HTML in prose passes through as CommonMark allows; output blocks (plain fences) get the class `language-output`; R code
/// is highlighted; level 2 and 3 headings get ids and are listed for a table of contents.
public enum HTMLRenderer {
    public struct Heading: Equatable {
        public let level: Int
        public let id: String
        public let text: String
    }

    public static func render(markdown: String) -> String { renderWithHeadings(markdown: markdown).html }

    public static func renderWithHeadings(markdown: String) -> (html: String, headings: [Heading]) {
        guard let document = MarkdownDocument(markdown) else { return ("", []) }
        defer { document.release() }
        let root = document.root
        var replacements: [(OpaquePointer, String)] = []
        var headings: [Heading] = []
        var usedIDs = Set<String>()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        if let iter = cmark_iter_new(root) {
            while true {
                let event = cmark_iter_next(iter)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_CODE_BLOCK:
                    let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                    if info.isEmpty, isFenced(node, in: lines) { cmark_node_set_fence_info(node, "output") }
                    if info == "r" || info == "mlm" {
                        let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                        replacements.append((node, "<pre><code class=\"language-\(info)\">\(CodeHighlighter.highlight(code))</code></pre>\n"))
                    }
                case CMARK_NODE_HEADING:
                    let level = Int(cmark_node_get_heading_level(node))
                    guard level == 2 || level == 3 else { continue }
                    let html = document.html(node)
                    let text = plainText(node)
                    let id = uniqueID(slug(text), &usedIDs)
                    headings.append(Heading(level: level, id: id, text: text))
                    replacements.append((node, html.replacingOccurrences(of: "<h\(level)>", with: "<h\(level) id=\"\(id)\">")))
                case CMARK_NODE_PARAGRAPH:
                    // A figure knitted with fig.cap is a paragraph holding only its image: show the
                    // caption under it (knitr's default "plot of chunk" alt text is no caption).
                    guard let image = cmark_node_first_child(node), cmark_node_next(image) == nil,
                          cmark_node_get_type(image) == CMARK_NODE_IMAGE else { continue }
                    let caption = plainText(image, keepingInlineHTML: true)
                    guard !caption.isEmpty, !caption.hasPrefix("plot of chunk ") else { continue }
                    let src = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
                    replacements.append((node, "<div class=\"figure\">\n<img src=\"\(escapeHTML(src))\" alt=\"\(escapeHTML(caption))\">\n"
                                              + "<p class=\"caption\">\(escapeHTML(caption))</p>\n</div>\n"))
                default:
                    break
                }
            }
            cmark_iter_free(iter)
        }
        // Replaced after the walk, so the iterator never sees a freed node.
        for (node, html) in replacements {
            guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { continue }
            cmark_node_set_literal(block, html)
            if cmark_node_replace(node, block) != 0 { cmark_node_free(node) } else { cmark_node_free(block) }
        }
        return (captioningTables(document.html(root)), headings)
    }

    /// knitr writes a kable caption as a "Table: ..." paragraph right before the table, which
    /// pandoc reads as the table's caption; here it becomes the table's <caption> too.
    static func captioningTables(_ html: String) -> String {
        guard html.contains("<p>Table: ") else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<p>Table: ") {
            guard let end = rest[start.upperBound...].range(of: "</p>\n"),
                  rest[end.upperBound...].hasPrefix("<table>\n"), !rest[start.upperBound..<end.lowerBound].contains("\n") else {
                out += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            out += rest[..<start.lowerBound]
            out += "<table>\n<caption>" + rest[start.upperBound..<end.lowerBound] + "</caption>\n"
            rest = rest[end.upperBound...].dropFirst("<table>\n".count)
        }
        return out + rest
    }

    /// The text of a node's inline content.
    /// The prose of a page for the search index: the text of its paragraphs, list items and
    /// headings, each heading starting a section (code and output are left out).
    public static func searchSections(markdown: String) -> [(heading: String?, text: String)] {
        guard let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return [] }
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
