import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// A Markdown text parsed by libcmark-gfm with GitHub's extensions: pipe tables (so the tables
/// knitr::kable writes become tables on the page), strikethrough and autolinks, and footnotes.
/// The parser is kept with the tree: it owns the extensions that render their nodes.
struct MarkdownDocument {
    let parser: OpaquePointer
    static let options = CMARK_OPT_FOOTNOTES
    let root: OpaquePointer

    init?(_ markdown: String) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(Self.options) else { return nil }
        for name in ["table", "strikethrough", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
    }

    /// A node and what it holds as HTML, raw HTML passed through.
    func html(_ node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, CMARK_OPT_UNSAFE | Self.options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { Glibc.free(rendered) }
        return String(cString: rendered)
    }

    func release() {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }
}
