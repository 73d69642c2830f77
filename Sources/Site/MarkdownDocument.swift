import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// A Markdown text parsed by libcmark-gfm with GitHub's table extension, so that the pipe
/// tables knitr::kable writes become tables on the page. The parser is kept with the tree:
/// it owns the extensions that render the table nodes.
struct MarkdownDocument {
    let parser: OpaquePointer
    let root: OpaquePointer

    init?(_ markdown: String) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        if let table = cmark_find_syntax_extension("table") { cmark_parser_attach_syntax_extension(parser, table) }
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
        guard let rendered = cmark_render_html(node, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { Glibc.free(rendered) }
        return String(cString: rendered)
    }

    func release() {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }
}
