import XCTest
@testable import Site

/// TeX math found as pandoc finds it, and rendered by KaTeX at build time.
final class MathScannerTests: XCTestCase {
    private func spans(_ markdown: String) -> [MathSpan] { MathScanner.extract(markdown).spans }

    func testDollarsFollowPandocsRules() {
        XCTAssertEqual(spans("a $x_1$ b").map(\.tex), ["x_1"])
        XCTAssertEqual(spans("costs $5 and $10 today").map(\.tex), [], "a closing $ after a space is no delimiter")
        XCTAssertEqual(spans("from $20$30 on").map(\.tex), [], "a closing $ before a digit is no delimiter")
        XCTAssertEqual(spans("a $ x$ b").map(\.tex), [], "an opening $ before a space is no delimiter")
        XCTAssertEqual(spans("a \\$x\\$ b").map(\.tex), [], "escaped dollars are dollars")
        XCTAssertEqual(spans("$$\na_{ij}\n$$").map { [$0.tex, "\($0.display)"] }, [["a_{ij}", "true"]])
        XCTAssertEqual(spans("\\(a\\) and \\[b\\]").map(\.display), [false, true])
        XCTAssertEqual(spans("$a\n\nb$").map(\.tex), [], "math does not cross a blank line")
        XCTAssertEqual(spans("a $x *y* \\$ z$ b").map(\.tex), ["x *y* \\$ z"])
    }

    func testCodeIsLeftAlone() {
        XCTAssertEqual(spans("`$x$` and ``a $y$ b`` and $z$").map(\.tex), ["z"])
        XCTAssertEqual(spans("```r\nx <- \"$a$\"\n```\n\n$b$\n").map(\.tex), ["b"])
        XCTAssertEqual(spans("~~~~\n$a$\n~~~\n$b$\n~~~~\n$c$").map(\.tex), ["c"], "a shorter fence does not close a longer one")
    }

    func testLinesLabelsAndTokensSurviveMarkdown() {
        let found = spans("one\n\n$$\nx\n$$ {#eq-first}\n\ntwo $y$\n")
        XCTAssertEqual(found.map(\.label), ["eq-first", nil])
        XCTAssertEqual(found.map(\.line), [3, 7])
        let (text, _) = MathScanner.extract("# A $b_c$ head\n\n*e* $f_g^*$ *h*\n")
        XCTAssertEqual(MathScanner.substitute(text, ["[0]", "[1]"]), "# A [0] head\n\n*e* [1] *h*\n")
        // Placeholder characters a notebook holds itself (no such span) are left as written.
        let stray = "a \u{E000}\u{E019}\u{E019}\u{E001} b"
        XCTAssertEqual(MathScanner.substitute(stray, ["x"]), stray)
        XCTAssertNoThrow(try HTMLRenderer.render(markdown: stray + " and $x$"))
        XCTAssertEqual(HTMLRenderer.slug(text), "a-head-e-h", "tokens leave heading ids alone")
    }
}

final class KaTeXRenderingTests: XCTestCase {
    func testMathBecomesKaTeXHTMLWithMathML() throws {
        let html = try HTMLRenderer.render(markdown: "Popularity $Y_{ij}$ of *pupil* $i$:\n\n$$\\beta_{0j} = \\gamma_{00} + u_{0j}$$\n")
        XCTAssertEqual(html.components(separatedBy: "<span class=\"katex\">").count - 1, 3, html)
        XCTAssertEqual(html.components(separatedBy: "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"").count - 1, 3)
        XCTAssertTrue(html.contains("<annotation encoding=\"application/x-tex\">Y_{ij}</annotation>"), "underscores stay TeX")
        XCTAssertTrue(html.contains("<em>pupil</em>"))
        XCTAssertTrue(html.contains("<span class=\"katex-display\">"))
        XCTAssertFalse(html.contains("$"))
    }

    func testMathInTablesListsAndHeadings() throws {
        let (html, headings) = try HTMLRenderer.renderWithHeadings(markdown: "## Model $\\tau_{00}$\n\n- $a_1$\n\n| x | y |\n|---|---|\n| $\\sigma^2$ | 1 |\n")
        XCTAssertTrue(html.contains("<td><span class=\"katex\">"), html)
        XCTAssertTrue(html.contains("<li><span class=\"katex\">"), html)
        XCTAssertEqual(headings.first?.text, "Model \\tau_{00}")
        XCTAssertEqual(headings.first?.id, "model-tau-00")
        XCTAssertTrue(headings.first?.html?.contains("<span class=\"katex\">") ?? false)
    }

    func testATeXErrorIsKaTeXsMessage() {
        XCTAssertThrowsError(try HTMLRenderer.render(markdown: "text\n\nand $\\frac{1}{$ here\n")) { error in
            let e = error as? PageRenderError
            XCTAssertEqual(e?.markdownLine, 3)
            XCTAssertEqual(e?.needle, "\\frac{1}{")
            XCTAssertTrue(e?.message.hasPrefix("TeX error in math `\\frac{1}{`: KaTeX parse error: ") ?? false, "\(error)")
        }
    }

    func testTheEnvironmentsLessonsUse() throws {
        for tex in ["\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", "\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
                    "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "\\hat\\beta = \\bar{x}", "\\sum_{i=1}^n \\frac{1}{n}",
                    "\\mathrm{Var}(u) \\sim N(0, \\sigma^2)", "\\text{half-Cauchy}(0, 25)", "\\operatorname{logit}(\\pi)"] {
            XCTAssertTrue(try HTMLRenderer.render(markdown: "$$\(tex)$$").contains("katex-display"), tex)
        }
    }
}

final class CrossReferenceTests: XCTestCase {
    func testEquationsFiguresAndTablesAreNumberedAndCited() throws {
        let markdown = """
        See @eq-one, @fig-b, @tbl-c and me@fig-b.example.

        $$a$$ {#eq-one}

        ![First](a.svg)

        ![Second](b.svg){#fig-b}

        | x |
        |---|
        | 1 |

        : Counts {#tbl-c}
        """
        let html = try HTMLRenderer.render(markdown: markdown)
        XCTAssertTrue(html.contains("See <a class=\"cross-ref\" href=\"#eq-one\">Equation\u{a0}1</a>, <a class=\"cross-ref\" href=\"#fig-b\">Figure\u{a0}2</a>, "
                                    + "<a class=\"cross-ref\" href=\"#tbl-c\">Table\u{a0}1</a> and <a href=\"mailto:me@fig-b.example\">"), "an address is no citation: \(html)")
        XCTAssertTrue(html.contains("<span class=\"equation\" id=\"eq-one\">"), html)
        XCTAssertTrue(html.contains("<mtext>(</mtext><mtext><mn>1</mn></mtext><mtext>)</mtext>") || html.contains("(1)"), "the equation shows its number")
        XCTAssertTrue(html.contains("<p class=\"caption\">Figure 1: First</p>"), html)
        XCTAssertTrue(html.contains("<div class=\"figure\" id=\"fig-b\">"), html)
        XCTAssertTrue(html.contains("<p class=\"caption\">Figure 2: Second</p>"), html)
        XCTAssertTrue(html.contains("<table id=\"tbl-c\">\n<caption>Table 1: Counts</caption>"), html)
        XCTAssertFalse(html.contains("{#"), html)
    }

    func testAnUnknownLabelIsAnErrorNamingItsLine() {
        XCTAssertThrowsError(try HTMLRenderer.render(markdown: "# T\n\nas @fig-missing shows\n")) { error in
            let e = error as? PageRenderError
            XCTAssertEqual(e?.needle, "@fig-missing")
            XCTAssertEqual(e?.markdownLine, 3)
            XCTAssertEqual(e?.message, "unknown cross-reference @fig-missing: no figure, table or equation of the page has this label")
        }
    }

    func testCodeFoldingFootnotesAndStrikethrough() throws {
        let html = try HTMLRenderer.render(markdown: "```r fold\nx\n```\n\n```r\ny\n```\n\nA~~b~~[^n]\n\n[^n]: Note.\n")
        XCTAssertTrue(html.contains("<details class=\"code-fold\">\n<summary>Code</summary>\n<pre><code class=\"language-r\">x\n</code></pre>\n</details>"), html)
        XCTAssertTrue(html.contains("<pre><code class=\"language-r\">y\n</code></pre>\n<p>"), html)
        XCTAssertTrue(html.contains("<del>b</del>"), html)
        XCTAssertTrue(html.contains("class=\"footnotes\""), html)
        let folded = try HTMLRenderer.renderWithHeadings(markdown: "```r\ny\n```\n\n```r nofold\nz\n```\n", foldCode: true).html
        XCTAssertEqual(folded.components(separatedBy: "<details").count, 2, folded)
    }
}

final class UserCacheTests: XCTestCase {
    func testADamagedOrForeignFileIsIgnored() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-cache-\(UUID().uuidString)/entry")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        UserCache.write(Data("payload".utf8), to: file, kind: "math")
        XCTAssertEqual(UserCache.read(file, kind: "math"), Data("payload".utf8))
        XCTAssertNil(UserCache.read(file, kind: "katex-duk"), "another kind of file is not read as this one")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: file)
        XCTAssertNil(UserCache.read(file, kind: "math"), "a changed byte fails the checksum")
        try Data("short".utf8).write(to: file)
        XCTAssertNil(UserCache.read(file, kind: "math"))
    }

    func testRenderedMathIsTheSameFromTheCache() throws {
        let markdown = "$\\frac{a_{\(UUID().uuidString.prefix(8))}}{b}$ and $$c^2$$ {#eq-c}\n\nSee @eq-c.\n"
        let first = try HTMLRenderer.render(markdown: markdown)
        XCTAssertEqual(try HTMLRenderer.render(markdown: markdown), first)
    }
}
