/// The Markdown knitr writes for one figure of a chunk (its plot hook for Markdown):
/// - `![caption](path)` when nothing asks for HTML;
/// - an HTML image tag when the chunk gives alt text apart from the caption, a size
///   (`out.width`, `out.height`) or an alignment (`fig.align`), with knitr's attributes;
/// - with a caption as well, knitr's HTML figure (`<div class="figure">` with the image and a
///   `<p class="caption">`), as knitr writes it for HTML output, so the caption stays on the page.
enum FigureMarkup {
    static func markdown(path: String, label: String, options: ChunkOptions) -> String {
        let caption = options.figCap ?? ""
        let needsHTML = options.figAlt != nil || options.outWidth != nil || options.outHeight != nil || options.figAlign != "default"
        guard needsHTML else { return "![\(caption.isEmpty ? "plot of chunk \(label)" : caption)](\(path))\n\n" }
        let alt = options.figAlt ?? (caption.isEmpty ? "plot of chunk \(label)" : caption)
        var attributes = [options.outWidth.map { "width=\"\(escape($0))\"" }, options.outHeight.map { "height=\"\(escape($0))\"" }].compactMap { $0 }
        if caption.isEmpty {
            if let style = blockStyle(options.figAlign) { attributes.append("style=\"\(style)\"") }
            return "<img src=\"\(path)\" alt=\"\(escape(alt))\" \(attributes.joined(separator: " ")) />\n\n"
        }
        let align = options.figAlign == "default" ? "" : " style=\"text-align: \(options.figAlign)\""
        return "<div class=\"figure\"\(align)>\n<img src=\"\(path)\" alt=\"\(escape(alt))\" \(attributes.joined(separator: " ")) />\n"
            + "<p class=\"caption\">\(caption)</p>\n</div>\n\n"
    }

    /// knitr's css_align.
    static func blockStyle(_ align: String) -> String? {
        switch align {
        case "left": return "display: block; margin: auto auto auto 0;"
        case "center": return "display: block; margin: auto;"
        case "right": return "display: block; margin: auto 0 auto auto;"
        default: return nil
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
