import Dispatch
import Foundation
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
///
/// KaTeX in Duktape takes a few milliseconds a formula, so rendered formulas are kept: in
/// memory for the process (the preview server renders pages again), and in the user's cache
/// folder keyed by the KaTeX program, so a rebuild renders only formulas it has not seen.
/// Formulas not found there are rendered on up to two engines at once.
enum MathRenderer {
    private static let rendered = Mutex<[String: String]>([:])

    /// Renders the math of notebooks ahead of their pages, into the memory cache: a site build
    /// does this on threads of its own while the notebooks knit (their prose, and so their math, is
    /// known before they run). Errors are left for the page to report.
    static func prerender(_ markdowns: [String]) {
        // All pages in one batch, so both engines have work to share.
        var inputs: [(tex: String, display: Bool)] = []
        for markdown in markdowns {
            var references = CrossReferences()
            inputs += katexInputs(MathScanner.extract(markdown).spans, &references)
        }
        var seen = Set<String>()
        let missing = inputs.filter { input in
            let key = Self.key(input)
            guard seen.insert(key).inserted, rendered.withLock({ $0[key] }) == nil else { return false }
            if let cached = DiskCache.load(key) {
                rendered.withLock { $0[key] = cached }
                return false
            }
            return true
        }
        guard let results = try? renderAll(missing) else { return }
        for (input, result) in zip(missing, results) {
            guard case .success(let html) = result else { continue }
            rendered.withLock { $0[key(input)] = html }
            DiskCache.store(key(input), html)
        }
    }

    /// What KaTeX is given for each span: labelled equations carry their number.
    private static func katexInputs(_ spans: [MathSpan], _ references: inout CrossReferences) -> [(tex: String, display: Bool)] {
        spans.map { span in
            var tex = span.tex
            if let label = span.label { tex += " \\tag{\(references.number("eq", label: label))}" }
            return (tex, span.display)
        }
    }

    private static func key(_ input: (tex: String, display: Bool)) -> String { (input.display ? "D" : "I") + input.tex }

    static func render(_ spans: [MathSpan], references: inout CrossReferences) throws -> [String] {
        guard !spans.isEmpty else { return [] }
        let inputs = katexInputs(spans, &references)
        let keys = inputs.map(key)
        var html = rendered.withLock { known in keys.map { known[$0] } }
        var missing = Set<Int>()
        for k in html.indices where html[k] == nil {
            if let cached = DiskCache.load(keys[k]) { html[k] = cached } else { missing.insert(k) }
        }
        // One render per distinct formula, in page order so the first error is the first on the page.
        var firstOfKey: [String: Int] = [:]
        var work: [Int] = []
        for k in missing.sorted() where firstOfKey[keys[k]] == nil {
            firstOfKey[keys[k]] = k
            work.append(k)
        }
        var results: [Result<String, KaTeX.Failure>] = []
        if let first = work.first {
            do {
                results = try renderAll(work.map { inputs[$0] })
            } catch {
                // KaTeX itself could not be loaded: said at the page's first formula to render.
                throw PageRenderError(message: "\(error)", needle: spans[first].tex, markdownLine: spans[first].line)
            }
        }
        for (n, k) in work.enumerated() where n < results.count {
            switch results[n] {
            case .success(let out):
                html[k] = out
                DiskCache.store(keys[k], out)
            case .failure(let failure):
                let span = spans[k]
                // Long formulas are cut in the message; KaTeX's own part shows where it failed.
                let shown = span.tex.count > 80 ? span.tex.prefix(77) + "..." : Substring(span.tex)
                throw PageRenderError(message: "TeX error in math `\(shown)`: \(failure.description)", needle: span.tex, markdownLine: span.line)
            }
        }
        // A repeated formula takes its first occurrence's rendering.
        for k in missing where html[k] == nil { html[k] = firstOfKey[keys[k]].flatMap { html[$0] } }
        rendered.withLock { known in for k in html.indices { known[keys[k]] = html[k] } }
        return spans.indices.map { k in
            let out = html[k] ?? ""
            guard let label = spans[k].label else { return out }
            return "<span class=\"equation\" id=\"\(escapeHTML(label))\">\(out)</span>"
        }
    }

    /// Renders formulas, on two engines when there are enough of them to pay for the second.
    private static func renderAll(_ inputs: [(tex: String, display: Bool)]) throws -> [Result<String, KaTeX.Failure>] {
        guard !inputs.isEmpty else { return [] }
        let lanes = inputs.count >= 8 && ProcessInfo.processInfo.activeProcessorCount >= 2 ? 2 : 1
        let results = Mutex([Result<String, KaTeX.Failure>?](repeating: nil, count: inputs.count))
        let failure = Mutex<Error?>(nil)
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            do {
                try KaTeX.withEngine { engine in
                    for k in stride(from: lane, to: inputs.count, by: lanes) {
                        let out = engine.render(inputs[k].tex, display: inputs[k].display)
                        results.withLock { $0[k] = out }
                    }
                }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0.map { $0! } }
    }

    /// Rendered formulas in the user's cache folder, one file per formula named by a hash of
    /// it; the file repeats the formula, so a hash collision is a miss, not a wrong formula.
    private enum DiskCache {
        static let folder: URL? = {
            guard let key = try? KaTeX.programKey.get() else { return nil }
            return UserCache.folder?.appendingPathComponent("math-\(key)")
        }()

        static func file(_ key: String) -> URL? {
            folder?.appendingPathComponent(String(fnv1a(Data(key.utf8)), radix: 16) + ".html")
        }

        static func load(_ key: String) -> String? {
            guard let file = file(key), let data = UserCache.read(file, kind: "math") else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            guard let split = text.range(of: "\n\u{0}\n"), text[..<split.lowerBound] == key else { return nil }
            return String(text[split.upperBound...])
        }

        static func store(_ key: String, _ html: String) {
            guard let file = file(key) else { return }
            UserCache.write(Data((key + "\n\u{0}\n" + html).utf8), to: file, kind: "math")
        }
    }
}
