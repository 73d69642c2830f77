import CCmark

/// What mlmd needs from a CommonMark parse: fenced code blocks with their lines, and inline
/// code spans with the block they sit in. The C tree is walked once and freed at once.
struct MarkdownScan {
    struct CodeBlock {
        let info: String
        let literal: String
        /// 1-based lines of the opening and closing fence (or of the block's last line).
        let startLine: Int
        let endLine: Int
    }

    struct InlineCode {
        let literal: String
        /// Lines of the block (paragraph, heading, table cell...) that holds the span.
        let blockStartLine: Int
        let blockEndLine: Int
    }

    var codeBlocks: [CodeBlock] = []
    var inlineCode: [InlineCode] = []

    init(markdown: String) {
        guard let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return }
        defer { cmark_node_free(root) }
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        var blockLines: [(Int, Int)] = []
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            // libcmark-gfm tags each node type with its kind in the top bits (0x8000: a block).
            let isBlock = type.rawValue & 0xc000 == 0x8000
            if isBlock {
                if event == CMARK_EVENT_ENTER {
                    blockLines.append((Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node))))
                } else if event == CMARK_EVENT_EXIT {
                    _ = blockLines.popLast()
                }
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_CODE_BLOCK:
                codeBlocks.append(CodeBlock(
                    info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
                    literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                    startLine: Int(cmark_node_get_start_line(node)),
                    endLine: Int(cmark_node_get_end_line(node))))
                _ = blockLines.popLast() // leaf blocks get no exit event
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                _ = blockLines.popLast()
            case CMARK_NODE_CODE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let lines = blockLines.last ?? (0, 0)
                inlineCode.append(InlineCode(literal: literal, blockStartLine: lines.0, blockEndLine: lines.1))
            default:
                break
            }
        }
    }
}
