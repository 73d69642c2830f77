import Synchronization

/// A page that cannot be rendered as written: a TeX error, an unknown cross-reference. The
/// site names the notebook's line by looking for `needle` in it.
public struct PageRenderError: Error, CustomStringConvertible {
    public let message: String
    /// Text of the notebook to find the line by (the TeX, or `@label`).
    public let needle: String
    /// The line of the knitted Markdown, when the notebook does not hold the needle.
    public let markdownLine: Int
    public var description: String { message }
}

/// The math of a page as HTML: each span through KaTeX, labelled display equations numbered
/// with `\tag` and wrapped in an element with the label as its id.
enum MathRenderer {
    /// Formulas already rendered in this process (the preview server renders pages again).
    private static let rendered = Mutex<[String: String]>([:])

    static func render(_ spans: [MathSpan], references: inout CrossReferences) throws -> [String] {
        var out: [String] = []
        for span in spans {
            var tex = span.tex
            if let label = span.label {
                tex += " \\tag{\(references.number("eq", label: label))}"
            }
            let html = try renderOne(tex, display: span.display, span: span)
            if let label = span.label {
                out.append("<span class=\"equation\" id=\"\(escapeHTML(label))\">\(html)</span>")
            } else {
                out.append(html)
            }
        }
        return out
    }

    private static func renderOne(_ tex: String, display: Bool, span: MathSpan) throws -> String {
        let key = (display ? "D" : "I") + tex
        if let known = rendered.withLock({ $0[key] }) { return known }
        let result: Result<String, KaTeX.Failure>
        do {
            result = try KaTeX.withEngine { $0.render(tex, display: display) }
        } catch {
            throw PageRenderError(message: "\(error)", needle: span.tex, markdownLine: span.line)
        }
        switch result {
        case .success(let html):
            rendered.withLock { $0[key] = html }
            return html
        case .failure(let failure):
            throw PageRenderError(message: "TeX error in math `\(span.tex)`: \(failure.description)", needle: span.tex, markdownLine: span.line)
        }
    }
}
