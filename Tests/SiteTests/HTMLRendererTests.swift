import XCTest
@testable import Site

final class HTMLRendererTests: XCTestCase {
    func testOutputBlocksAreMarkedAndCodeKeepsItsLanguage() {
        let html = HTMLRenderer.render(markdown: "```r\nx\n```\n\n```\n## [1] 1\n```\n\n    indented\n")
        XCTAssertEqual(html, """
        <pre><code class="language-r">x
        </code></pre>
        <pre><code class="language-output">## [1] 1
        </code></pre>
        <pre><code>indented
        </code></pre>

        """)
    }

    func testRawHTMLInProsePassesAsCommonMarkAllows() {
        XCTAssertEqual(HTMLRenderer.render(markdown: "1.2 &times; 10<sup>8</sup>"), "<p>1.2 × 10<sup>8</sup></p>\n")
    }

    func testEscapeHTML() {
        XCTAssertEqual(escapeHTML("a < b & \"c\" 'd'"), "a &lt; b &amp; &quot;c&quot; &#39;d&#39;")
    }
}
