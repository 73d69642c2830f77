import XCTest
@testable import Site

final class HTMLRendererTests: XCTestCase {
    func testOutputBlocksAreMarkedAndCodeKeepsItsLanguage() throws {
        let html = try HTMLRenderer.render(markdown: "```r\nx\n```\n\n```\n## [1] 1\n```\n\n    indented\n")
        XCTAssertEqual(html, """
        <pre><code class="language-r">x
        </code></pre>
        <pre><code class="language-output">## [1] 1
        </code></pre>
        <pre><code>indented
        </code></pre>

        """)
    }

    func testRawHTMLInProsePassesAsCommonMarkAllows() throws {
        XCTAssertEqual(try HTMLRenderer.render(markdown: "1.2 &times; 10<sup>8</sup>"), "<p>1.2 × 10<sup>8</sup></p>\n")
    }

    func testEscapeHTML() {
        XCTAssertEqual(escapeHTML("a < b & \"c\" 'd'"), "a &lt; b &amp; &quot;c&quot; &#39;d&#39;")
    }
}

final class HighlightingAndContentsTests: XCTestCase {
    func testRCodeIsHighlightedWithTheInterpretersLexer() {
        XCTAssertEqual(CodeHighlighter.highlight("x <- mean(c(1, \"a\")) # note\nif (TRUE) NULL"),
                       "x <span class=\"tok-op\">&lt;-</span> <span class=\"tok-fn\">mean</span>(<span class=\"tok-fn\">c</span>(<span class=\"tok-num\">1</span>, "
                       + "<span class=\"tok-str\">&quot;a&quot;</span>)) <span class=\"tok-com\"># note</span>\n"
                       + "<span class=\"tok-kw\">if</span> (<span class=\"tok-const\">TRUE</span>) <span class=\"tok-const\">NULL</span>")
    }

    func testCodeThatDoesNotLexIsShownEscaped() {
        XCTAssertEqual(CodeHighlighter.highlight("x <- \"open <"), "x &lt;- &quot;open &lt;")
    }

    func testHeadingsGetIDsAndAreListed() throws {
        let (html, headings) = try HTMLRenderer.renderWithHeadings(markdown: "# Title\n\n## Random *slopes*\n\ntext\n\n### Random slopes\n")
        XCTAssertEqual(headings, [HTMLRenderer.Heading(level: 2, id: "random-slopes", text: "Random slopes"),
                                  HTMLRenderer.Heading(level: 3, id: "random-slopes-1", text: "Random slopes")])
        XCTAssertTrue(html.contains("<h2 id=\"random-slopes\">Random <em>slopes</em></h2>"), html)
        XCTAssertTrue(html.contains("<h3 id=\"random-slopes-1\">Random slopes</h3>"), html)
        XCTAssertTrue(html.contains("<h1>Title</h1>"), html)
    }

    func testKableTablesBecomeTablesWithTheirCaption() throws {
        let markdown = "Table: Cars\n\n|     |  mpg|cyl |\n|:----|----:|:--:|\n|Fiat | 21.0|  4 |\n\nafter\n"
        let html = try HTMLRenderer.render(markdown: markdown)
        XCTAssertTrue(html.contains("<table>\n<caption>Cars</caption>\n<thead>"), html)
        XCTAssertTrue(html.contains("<th align=\"right\">mpg</th>"), html)
        XCTAssertTrue(html.contains("<td align=\"center\">4</td>"), html)
        XCTAssertFalse(html.contains("Table: Cars"), html)
        XCTAssertTrue(html.contains("<p>after</p>"), html)
    }
}
