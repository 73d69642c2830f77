import CCmark
#if canImport(Glibc)
import Glibc
#endif
/// Knitted Markdown to an HTML fragment with libcmark. Raw HTML in prose passes through as
/// CommonMark allows; output blocks (plain fences) get the class `language-output`.
public enum HTMLRenderer {
    public static func render(markdown: String) -> String {
        guard let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_node_free(root) }
        if let iter = cmark_iter_new(root) {
            while true {
                let event = cmark_iter_next(iter)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                      cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { continue }
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                if info.isEmpty, isFenced(node, in: markdown) { cmark_node_set_fence_info(node, "output") }
            }
            cmark_iter_free(iter)
        }
        guard let html = cmark_render_html(root, CMARK_OPT_UNSAFE) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Indented code blocks stay plain code; only fenced blocks without info are output.
    private static func isFenced(_ node: OpaquePointer, in markdown: String) -> Bool {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        guard line >= 1 else { return false }
        var current = 1
        for l in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == line {
                let text = l.dropFirst(max(column - 1, 0))
                return text.hasPrefix("```") || text.hasPrefix("~~~")
            }
            current += 1
        }
        return false
    }
}

/// Escapes text for HTML content and attribute values.
public func escapeHTML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
