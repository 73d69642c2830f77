import CCmark

/// The parts of a page HTMLRenderer numbers and links: captioned figures (R Markdown's
/// "Figure 1: ..."), captioned and labelled tables, and Quarto's `@fig-`, `@tbl-` and `@eq-`
/// citations of them (equations are numbered by MathRenderer).
extension HTMLRenderer {
    enum Caption {
        case figure(number: Int, label: String?, alt: String, src: String)
        case htmlFigure(number: Int, label: String?)
        case table(number: Int?, label: String?, caption: OpaquePointer?)
    }

    /// Numbers the captioned figures (R Markdown's "Figure 1: ...") and the labelled tables
    /// (Quarto's), in page order; a chunk labelled `fig-...` or `tbl-...` arrives wrapped in a
    /// `cross-ref` div carrying its label.
    static func numberFiguresAndTables(_ document: MarkdownDocument, _ references: inout CrossReferences) -> [OpaquePointer: Caption] {
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
    static func figureParagraph(_ node: OpaquePointer) -> (String, String, String?)? {
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
    static func captionHTML(_ document: MarkdownDocument, _ node: OpaquePointer, skippingImage: Bool) -> String {
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
    static func linkCitations(_ root: OpaquePointer, _ references: CrossReferences) throws {
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

    static func insert(_ type: cmark_node_type, _ literal: String, before node: OpaquePointer) {
        guard !literal.isEmpty, let new = cmark_node_new(type) else { return }
        cmark_node_set_literal(new, literal)
        if cmark_node_insert_before(node, new) == 0 { cmark_node_free(new) }
    }

    static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var n = cmark_node_parent(node)
        while let p = n {
            let t = cmark_node_get_type(p)
            if t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE { return true }
            n = cmark_node_parent(p)
        }
        return false
    }
}
