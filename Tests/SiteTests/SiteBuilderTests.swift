import XCTest
import CLibXML2
@testable import Site
@testable import Notebook

final class SiteBuilderTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent("notebooks/\(name)"), atomically: true, encoding: .utf8)
    }

    func builder() -> SiteBuilder {
        SiteBuilder(notebooksDirectory: root.appendingPathComponent("notebooks"), siteDirectory: root.appendingPathComponent("site"))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("site/\(path)"), encoding: .utf8)
    }

    func testBuildWritesIndexAndOnePagePerNotebookInOrder() throws {
        try write("b.md", "---\ntitle: \"Second <lesson>\"\ndescription: \"Comes second\"\norder: 2\n---\n\n```mlm\n1:3\n```\n")
        try write("a.Rmd", "---\ntitle: First\ndescription: Comes first\norder: 1\n---\n\nText `r 2 + 2`.\n")
        try write("notes.txt", "not a notebook")
        try builder().build()
        let index = try read("index.html")
        XCTAssertTrue(index.contains("<a href=\"a.html\">First</a>"))
        XCTAssertTrue(index.contains("Second &lt;lesson&gt;"), "titles are escaped")
        XCTAssertLessThan(index.range(of: "a.html")!.lowerBound, index.range(of: "b.html")!.lowerBound)
        XCTAssertTrue(try read("a.html").contains("<p>Text 4.</p>"))
        XCTAssertTrue(try read("a.html").contains("<a class=\"next\" href=\"b.html\">Second &lt;lesson&gt; \u{2192}</a>"))
        XCTAssertTrue(try read("b.html").contains("<a class=\"prev\" href=\"a.html\">\u{2190} First</a>"))
        XCTAssertTrue(try read("b.html").contains("<code class=\"language-output\">## [1] 1 2 3\n</code>"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/assets/style.css").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/notes.html").path))
        for page in ["index.html", "a.html", "b.html"] { try assertValidHTML(try read(page), page) }
    }

    func testFailedBuildLeavesPreviousSiteIntact() throws {
        try write("a.md", "---\ntitle: Good\n---\n\n```mlm\n1\n```\n")
        try builder().build()
        let before = try read("a.html")
        try write("b.md", "```mlm\nstop(\"broken lesson\")\n```\n")
        XCTAssertThrowsError(try builder().build()) { e in
            XCTAssertTrue("\(e)".hasSuffix("b.md:2: in chunk 'unnamed-chunk-1': Error: broken lesson"), "\(e)")
        }
        XCTAssertEqual(try read("a.html"), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/b.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site") }
        XCTAssertEqual(leftovers, [], "no staging folders are left behind")
    }

    func testOutputIsEscapedOnce() throws {
        try write("x.md", "```mlm\n\"<script>alert(1)</script> & more\"\n```\n")
        try builder().build()
        let page = try read("x.html")
        XCTAssertFalse(page.contains("<script>alert"))
        XCTAssertTrue(page.contains("&quot;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more&quot;"))
    }

    func testFiguresAreWrittenIntoTheSite() throws {
        try write("plots.md", "---\ntitle: Plots\n---\n\n```{mlm pts, fig.alt=\"Three points rising\"}\nlibrary(ggplot2)\nggplot(data.frame(a = 1:3, b = c(1, 3, 2)), aes(a, b)) + geom_point()\n```\n")
        try builder().build()
        let page = try read("plots.html")
        XCTAssertTrue(page.contains("<img src=\"figures/plots-pts-1.svg\" alt=\"Three points rising\"  />"), page)
        let svg = try read("figures/plots-pts-1.svg")
        XCTAssertTrue(svg.contains("<desc id=\"figure-1-desc\">"), svg)
        try assertValidHTML(page, "plots.html")
    }

    func testRebuildReusesUnchangedNotebooksAndRerunsChangedOnes() throws {
        try write("a.md", "---\ntitle: A\n---\n\n```mlm\nreadLines(\"data.txt\")\n```\n")
        try write("b.md", "---\ntitle: B\n---\n\n```mlm\n1 + 1\n```\n")
        try write("data.txt", "first\n")
        var lines: [String] = []
        var b = builder()
        b.useCache = true
        b.progress = { lines.append($0) }
        try b.build()
        let first = try read("a.html")
        XCTAssertFalse(lines.contains { $0.contains("unchanged") })
        lines = []
        try b.build()
        XCTAssertEqual(lines.filter { $0.contains("unchanged") }.count, 2, "nothing changed: nothing reruns")
        XCTAssertEqual(try read("a.html"), first, "a rebuild from the cache is byte-identical")
        try write("unrelated.csv", "x\n1\n")
        lines = []
        try b.build()
        XCTAssertEqual(lines.filter { $0.contains("unchanged") }.count, 2, "a file no notebook reads changes nothing")
        try write("data.txt", "second\n")
        lines = []
        try b.build()
        XCTAssertEqual(lines.filter { $0.contains("unchanged") }, ["b.md (unchanged)"], "only the notebook that read the file reruns")
        XCTAssertTrue(try read("a.html").contains("second"))
        // A damaged cache entry is ignored, not trusted.
        let cache = root.appendingPathComponent(".mlmd-cache")
        for entry in try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil) {
            try Data("{".utf8).write(to: entry)
        }
        lines = []
        try b.build()
        XCTAssertFalse(lines.contains { $0.contains("unchanged") })
        XCTAssertTrue(try read("a.html").contains("second"))
    }

    func testChunkLabelsCannotEscapeTheSiteFolder() throws {
        try write("x.md", "```{mlm ../../../escape, fig.alt=\"p\"}\nlibrary(ggplot2)\nggplot(data.frame(a = 1:2, b = 1:2), aes(a, b)) + geom_point()\n```\n")
        try builder().build()
        let escaped = root.appendingPathComponent("escape-1.svg").path
        XCTAssertFalse(FileManager.default.fileExists(atPath: escaped))
        let figures = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("site/figures").path)
        XCTAssertEqual(figures.count, 1)
        XCTAssertFalse(figures[0].contains("/") || figures[0].contains(".."), figures[0])
    }

    func testSearchIndexHoldsEveryLessonsProseEscapedForJavaScript() throws {
        try write("a.md", "---\ntitle: \"Quotes \\\"and\\\" </script>\"\n---\n\nIntro text.\n\n## Random slopes\n\nSlopes vary.\n\n```mlm\n1 + 1\n```\n")
        try builder().build()
        let index = try read("assets/search-index.js")
        XCTAssertTrue(index.contains("\"title\": \"Quotes \\\"and\\\" \\u003c/script>\""), index)
        XCTAssertTrue(index.contains("{\"id\": \"random-slopes\", \"heading\": \"Random slopes\", \"text\": \"Slopes vary.\"}"), index)
        XCTAssertFalse(index.contains("1 + 1"), "code is not indexed")
        XCTAssertTrue(try read("a.html").contains("<script src=\"assets/site.js\" defer></script>"))
        XCTAssertFalse(try read("assets/site.js").isEmpty)
    }

    func testFigureCaptionsAreShownUnderTheFigure() throws {
        try write("c.md", "```{mlm cap, fig.cap=\"Scores <rise> with experience\"}\nlibrary(ggplot2)\nggplot(data.frame(a = 1:3, b = c(1, 3, 2)), aes(a, b)) + geom_point()\n```\n\n```{mlm nocap}\nggplot(data.frame(a = 1:3, b = c(1, 3, 2)), aes(a, b)) + geom_point()\n```\n")
        try builder().build()
        let page = try read("c.html")
        XCTAssertTrue(page.contains("<div class=\"figure\">\n<img src=\"figures/c-cap-1.svg\" alt=\"Scores &lt;rise&gt; with experience\">\n<p class=\"caption\">Figure 1: Scores &lt;rise&gt; with experience</p>\n</div>"), page)
        XCTAssertFalse(page.contains("<p class=\"caption\">plot of chunk"), "knitr's default alt text is not a caption")
        try assertValidHTML(page, "c.html")
    }

    func testNotebooksKnittedInParallelKeepTheirOwnSessions() throws {
        for k in 0..<6 {
            let fancy = k % 2 == 0 ? "TRUE" : "FALSE"
            try write("n\(k).md", "```mlm\noptions(useFancyQuotes = \(fancy))\nx <- \(k)\nfor (i in 1:200) x <- x + 0\nsQuote(x)\n```\n")
        }
        var parallel = builder()
        parallel.jobs = 4
        try parallel.build()
        let pages = try (0..<6).map { try read("n\($0).html") }
        for (k, page) in pages.enumerated() {
            let want = k % 2 == 0 ? "\u{2018}\(k)\u{2019}" : "'\(k)'"
            XCTAssertTrue(page.contains(want.replacingOccurrences(of: "'", with: "&#39;")) || page.contains(want), "n\(k): \(want)")
        }
        var serial = builder()
        serial.jobs = 1
        XCTAssertTrue(try serial.check().isEmpty, "one job at a time builds the same site")
    }

    func testCheckFindsAStaleSite() throws {
        try write("a.md", "---\ntitle: A\n---\n\n```mlm\n1 + 1\n```\n")
        try builder().build()
        XCTAssertTrue(try builder().check().isEmpty, "a fresh build matches itself byte for byte")
        try write("a.md", "---\ntitle: A\n---\n\n```mlm\n1 + 2\n```\n")
        try write("b.md", "new lesson\n")
        let differences = try builder().check().map(\.description)
        XCTAssertEqual(differences.count, 6, "a.html, b.html, index.html, the search index and the two notebooks' copies: \(differences)")
        XCTAssertTrue(differences.contains { $0.hasPrefix("assets/search-index.js: differs") }, "\(differences)")
        XCTAssertTrue(differences.contains { $0.hasPrefix("a.html: differs from a fresh build") }, "\(differences)")
        XCTAssertTrue(differences.contains("b.html: missing from the committed site"), "\(differences)")
        try FileManager.default.removeItem(at: root.appendingPathComponent("notebooks/b.md"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("notebooks/a.md"))
        XCTAssertTrue(try builder().check().contains { $0.description == "a.html: in the committed site but no longer built" })
    }

    func testPagesWithMathGetKaTeXsAssetsAndBuildReproducibly() throws {
        try write("m.md", "---\ntitle: M\n---\n\nThe model $Y_{ij} = \\beta_0 + e_{ij}$.\n\n```{mlm}\n1 + 1\n```\n")
        try write("plain.md", "No math, $5 and $10.\n")
        try builder().build()
        let page = try read("m.html")
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">"), page)
        XCTAssertTrue(page.contains("<span class=\"katex\"><span class=\"katex-mathml\"><math"), page)
        XCTAssertFalse(try read("plain.html").contains("katex"), "a page without math does not load KaTeX")
        XCTAssertTrue(try read("assets/katex/katex.min.css").contains("KaTeX_Main-Regular.woff2"))
        XCTAssertNotNil(FileManager.default.contents(atPath: root.appendingPathComponent("site/assets/katex/fonts/KaTeX_Main-Regular.woff2").path))
        XCTAssertTrue(page.contains("<a href=\"notebooks/m.md\" download>"), "the page links its notebook")
        XCTAssertEqual(try read("notebooks/m.md"), "---\ntitle: M\n---\n\nThe model $Y_{ij} = \\beta_0 + e_{ij}$.\n\n```{mlm}\n1 + 1\n```\n")
        XCTAssertTrue(try builder().check().isEmpty, "a fresh build with math matches itself byte for byte")
    }

    func testAsIsOutputIsMarkdownOnThePageAndPagesPrintWithoutNavigation() throws {
        try write("a.md", "```{r, results=\"asis\", echo=FALSE}\ncat(\"A **bold** claim about $\\\\tau_{00}$.\\n\")\n```\n")
        try builder().build()
        let page = try read("a.html")
        XCTAssertTrue(page.contains("<p>A <strong>bold</strong> claim about <span class=\"katex\">"), page)
        let css = try read("assets/style.css")
        XCTAssertTrue(css.contains("@media print {"), "a print stylesheet")
        XCTAssertTrue(css.contains(".lessons, .toc, .prev-next, .source-link, pre .copy { display: none; }"), css)
    }

    func testTeXErrorsAndUnknownLabelsNameTheNotebooksLine() throws {
        try write("bad.md", "---\ntitle: Bad\n---\n\n```{mlm}\nx <- 1\nx\n```\n\nNow $\\frac{1}{2$ fails.\n")
        XCTAssertThrowsError(try builder().build()) { error in
            XCTAssertTrue("\(error)".hasSuffix("bad.md:10: TeX error in math `\\frac{1}{2`: KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{2"), "\(error)")
        }
        try write("bad.md", "---\ntitle: Bad\n---\n\n```{mlm}\nx <- 1\nx\n```\n\nAs @tbl-none shows.\n")
        XCTAssertThrowsError(try builder().build()) { error in
            XCTAssertTrue("\(error)".hasSuffix("bad.md:10: unknown cross-reference @tbl-none: no figure, table or equation of the page has this label"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/bad.html").path), "nothing is written")
    }

    func testMissingNotebooksFolderIsAnError() {
        let b = SiteBuilder(notebooksDirectory: root.appendingPathComponent("nope"), siteDirectory: root.appendingPathComponent("site"))
        XCTAssertThrowsError(try b.build())
    }

    /// libxml2's HTML parser reports no error on the page.
    func assertValidHTML(_ html: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard let ctxt = htmlNewParserCtxt() else { return XCTFail("no parser context") }
        defer { htmlFreeParserCtxt(ctxt) }
        let doc = htmlCtxtReadMemory(ctxt, html, Int32(html.utf8.count), name, "UTF-8", options)
        XCTAssertNotNil(doc, file: file, line: line)
        if let doc { xmlFreeDoc(doc) }
        let errors = ctxt.pointee.errNo
        XCTAssertEqual(errors, 0, "\(name) has HTML errors", file: file, line: line)
    }
}
