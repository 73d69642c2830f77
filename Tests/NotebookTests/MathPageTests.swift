import Foundation
import Notebook
import Site
import XCTest

/// A lesson of thirty formulas as multilevel lessons write them (Math/equations.md): built into
/// a site, every formula reaches Chromium as KaTeX's rendering with MathML, no TeX delimiter is
/// left in the page's text, the page loads with no console message or failed request, and it
/// looks like its reference screenshots in light and dark mode (MLMD_UPDATE_SCREENSHOTS=1
/// rewrites them after an intended change of the look).
final class MathPageTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testThirtyFormulasRenderInChromiumAndLookLikeTheirScreenshots() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("math-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let notebooks = Self.repository.appendingPathComponent("Tests/NotebookTests/Math")
        let site = root.appendingPathComponent("site")
        try SiteBuilder(notebooksDirectory: notebooks, siteDirectory: site).build()

        let server = try LocalServer(root: site)
        defer { server.stop() }
        let profile = root.appendingPathComponent("chromium")
        let result = try Browser.run("chromium", Browser.commonFlags(profile) + ["--enable-logging=stderr", "--v=0", "--dump-dom",
                                                                               "http://127.0.0.1:\(server.port)/equations.html"])
        XCTAssertEqual(result.status, 0)
        // The contents list repeats the math of headings; each formula is counted in the lesson.
        let dom = result.out.replacingOccurrences(of: "<div class=\"toc\"[\\s\\S]*?</div>", with: "", options: .regularExpression)
        let source = try String(contentsOf: notebooks.appendingPathComponent("equations.md"), encoding: .utf8)
        let formulas = MathScannerCount.count(source)
        XCTAssertGreaterThanOrEqual(formulas, 30, "the notebook holds thirty formulas")
        XCTAssertEqual(dom.components(separatedBy: "<span class=\"katex\">").count - 1, formulas, "each formula is rendered")
        XCTAssertEqual(dom.components(separatedBy: "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"").count - 1, formulas, "each has MathML")
        let text = Self.visibleText(dom)
        XCTAssertFalse(text.contains("$"), "no TeX delimiter is left: \(text.components(separatedBy: "$").first!.suffix(200))")
        XCTAssertFalse(text.contains("\\("), "no TeX delimiter is left")
        XCTAssertFalse(text.contains("\\["), "no TeX delimiter is left")
        XCTAssertTrue(dom.contains("Equation&nbsp;1</a>") && dom.contains("Table&nbsp;2</a>") && dom.contains("Figure&nbsp;1</a>"), "cross-references are links")
        XCTAssertEqual(Browser.consoleMessages(result.err), [], "the page wrote to the console")
        XCTAssertEqual(server.failedRequests(), [], "requests that failed")
        XCTAssertTrue(server.log().contains("GET /assets/katex/fonts/KaTeX_Main-Regular.woff2"), "KaTeX's fonts come from the site")

        let references = Self.repository.appendingPathComponent("Tests/NotebookTests/Screenshots")
        for dark in [false, true] {
            let name = "math-\(dark ? "dark" : "light").png"
            let png = root.appendingPathComponent(name)
            try Browser.screenshot(URL(string: "http://127.0.0.1:\(server.port)/equations.html")!, width: 1000, height: 1800, to: png, dark: dark)
            guard let share = try Browser.compareWithReference(png, reference: references.appendingPathComponent(name)) else { continue }
            XCTAssertLessThan(share, 0.01, "\(name): \(share * 100)% of the pixels differ from the reference")
        }
    }

    /// The text a reader sees: no tags, no MathML annotations (they hold the TeX source for
    /// copying), no scripts or code.
    static func visibleText(_ html: String) -> String {
        var s = html
        for pattern in ["<annotation[^>]*>.*?</annotation>", "<script[^>]*>.*?</script>", "<pre>.*?</pre>", "<[^>]+>"] {
            s = s.replacingOccurrences(of: pattern, with: " ", options: [.regularExpression])
        }
        return s
    }
}

/// Counts the formulas of a notebook by its delimiters (independently of the site's scanner):
/// `$$` pairs, single `$` pairs outside them, `\(` and `\[`.
enum MathScannerCount {
    static func count(_ source: String) -> Int {
        var prose = source.replacingOccurrences(of: "```[\\s\\S]*?```", with: "", options: .regularExpression)
        let display = prose.components(separatedBy: "$$").count / 2
        prose = prose.replacingOccurrences(of: "\\$\\$[\\s\\S]*?\\$\\$", with: "", options: .regularExpression)
        let inline = prose.components(separatedBy: "$").count / 2
        return display + inline + prose.components(separatedBy: "\\(").count - 1 + prose.components(separatedBy: "\\[").count - 1
    }
}
