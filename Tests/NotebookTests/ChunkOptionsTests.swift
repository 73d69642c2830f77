import XCTest
@testable import Notebook

final class ChunkOptionsTests: XCTestCase {
    func chunk(_ text: String) throws -> Notebook {
        try Notebook.parse(text, path: "t.md")
    }

    func testEnginesThatRunAndDisplayCodeThatDoesNot() throws {
        let nb = try chunk("```r\nnot run\n```\n\n```mlm\n1\n```\n\n```{r}\n2\n```\n\n```{mlm x}\n3\n```\n\n```python\n4\n```\n\n    indented\n")
        XCTAssertEqual(nb.chunks.map(\.engine), ["mlm", "r", "mlm"])
        XCTAssertEqual(nb.chunks.map(\.code), ["1", "2", "3"])
        XCTAssertEqual(nb.chunks.map(\.fenceLine), [5, 9, 13])
    }

    func testHeaderLabelAndOptionsAreReadAsR() throws {
        let session = Knitter(notebook: try chunk("")).session
        var o = ChunkOptions()
        try ChunkHeader.apply("my-plot, echo = FALSE, fig.width = 2 * 3, fig.cap = \"A, b\", results = 'hold'", to: &o, session: session)
        XCTAssertEqual(o.label, "my-plot")
        XCTAssertFalse(o.echo)
        XCTAssertEqual(o.figWidth, 6)
        XCTAssertEqual(o.figCap, "A, b")
        XCTAssertEqual(o.results, .hold)
    }

    /// knitr's HTML figure when a caption comes with a size or an alignment (as knitr writes it
    /// for HTML output: `<div class="figure" style="text-align: center">`, image, caption);
    /// without a caption the image tag is knitr's Markdown one (Golden/plots.Rmd covers those).
    func testCaptionedFiguresWithSizeOrAlignmentKeepTheirCaption() throws {
        let md = try Knitter(notebook: chunk("```{r p1, fig.cap=\"A caption\", fig.align=\"center\", out.width=\"50%\"}\nplot(1:3)\n```\n")).knit().markdown
        XCTAssertTrue(md.contains("<div class=\"figure\" style=\"text-align: center\">\n<img src=\"figures/p1-1.svg\" alt=\"A caption\" width=\"50%\" />\n<p class=\"caption\">A caption</p>\n</div>"), md)
        let bad = try chunk("```{r, fig.align=\"middle\"}\n1\n```\n")
        XCTAssertThrowsError(try Knitter(notebook: bad).knit()) { error in
            XCTAssertTrue("\(error)".contains("fig.align must be one of \"default\", \"left\", \"center\", \"right\""), "\(error)")
        }
    }

    /// Quarto's cross-reference labels, tbl-cap and code-fold reach the page through the knitted
    /// Markdown: a div carrying the label, pandoc's "Table:" caption line, the fence's info.
    func testQuartoLabelsTableCaptionsAndCodeFoldReachThePage() throws {
        let nb = try chunk("```{r}\n#| label: tbl-cars\n#| tbl-cap: \"Cars\"\n#| code-fold: true\nknitr::kable(data.frame(a = 1))\n```\n\n```{r plain}\n#| code-fold: false\n1\n```\n")
        let md = try Knitter(notebook: nb).knit().markdown
        XCTAssertTrue(md.hasPrefix("\n\n<div class=\"cross-ref\" data-label=\"tbl-cars\">\n\n```r fold\nknitr::kable(data.frame(a = 1))\n```\n\nTable: Cars\n\n"), md)
        XCTAssertTrue(md.contains("|  a|\n|--:|\n|  1|\n\n</div>"), md)
        XCTAssertTrue(md.contains("```r nofold\n1\n```"), md)
    }

    func testHashPipeLinesAreYAML() throws {
        let nb = try chunk("```{r}\n#| label: fig-one\n#| fig-height: 4\n#| \n#| echo: false\n#| comment: \"#>\"\nx\n```\n")
        let session = Knitter(notebook: nb).session
        var o = ChunkOptions()
        try ChunkHeader.applyOptionLines(nb.chunks[0].optionLines, to: &o, session: session)
        XCTAssertEqual(o.label, "fig-one")
        XCTAssertEqual(o.figHeight, 4)
        XCTAssertFalse(o.echo)
        XCTAssertEqual(o.comment, "#>")
        XCTAssertEqual(nb.chunks[0].code, "x")
        XCTAssertEqual(nb.chunks[0].codeLine, 7)
    }

    /// --keep-going: chunks without their own `error` option show the error and the knit goes
    /// on; a chunk with `error = FALSE` still stops it.
    func testKeepGoingMakesErrorTrueTheDefault() throws {
        let knitter = Knitter(notebook: try chunk("```{r}\nstop(\"first\")\n```\n\n```{r}\n1 + 1\n```\n"))
        knitter.keepGoing = true
        let md = try knitter.knit().markdown
        XCTAssertTrue(md.contains("## Error: first"), md)
        XCTAssertTrue(md.contains("## [1] 2"), md)
        let strict = Knitter(notebook: try chunk("```{r, error = FALSE}\nstop(\"first\")\n```\n"))
        strict.keepGoing = true
        XCTAssertThrowsError(try strict.knit())
    }

    func testFrontMatterFields() throws {
        let nb = try chunk("---\ntitle: \"Random slopes\"\ndescription: Slopes that vary\norder: 3\n---\n\nBody\n")
        XCTAssertEqual(nb.frontMatter.title, "Random slopes")
        XCTAssertEqual(nb.frontMatter.description, "Slopes that vary")
        XCTAssertEqual(nb.frontMatter.order, 3)
        XCTAssertEqual(nb.frontMatter.lineCount, 5)
    }

    func testFrontMatterIsNotParsedAsMarkdown() throws {
        // A `---` line after text would make a setext heading if the block reached cmark.
        let nb = try chunk("---\ntitle: T\n---\n```mlm\n1\n```\n")
        XCTAssertEqual(nb.chunks.count, 1)
        XCTAssertEqual(nb.chunks[0].fenceLine, 4)
    }
}

/// knitr keeps a base-graphics figure as its low-level additions finish it: one image, placed
/// after the code that last changed it; a later chunk that adds to it gets a figure of its own.
final class BaseGraphicsKnitTests: XCTestCase {
    func testLowLevelAdditionsReplaceTheFigure() throws {
        let source = "```{r}\nx <- c(1, 3, 2)\nplot(x)\nabline(h = 2)\n1 + 1\n```\n\n```{r}\nabline(v = 2)\n```\n"
        let knitted = try Knitter(notebook: try Notebook.parse(source, path: "t.md")).knit()
        XCTAssertEqual(knitted.figures.map(\.path), ["figures/unnamed-chunk-1-1.svg", "figures/unnamed-chunk-2-1.svg"])
        XCTAssertEqual(knitted.figures[0].svg.components(separatedBy: "<polyline").count - 1, 1, "the h = 2 line is drawn")
        XCTAssertEqual(knitted.figures[1].svg.components(separatedBy: "<polyline").count - 1, 2, "both lines in the second")
        let markdown = knitted.markdown
        let image = try XCTUnwrap(markdown.range(of: "![plot of chunk unnamed-chunk-1]"))
        let abline = try XCTUnwrap(markdown.range(of: "abline(h = 2)"))
        let sum = try XCTUnwrap(markdown.range(of: "## [1] 2"))
        XCTAssertTrue(abline.upperBound < image.lowerBound && image.upperBound < sum.lowerBound, markdown)
    }

    /// par(mfrow = c(2, 2)) puts plot(fit)'s four figures on one page, one figure in the chunk;
    /// the next chunk starts with one figure per page again, as knitr resets par().
    func testMfrowPageIsOneFigureAndResetsPerChunk() throws {
        let source = "```{r}\nfit <- lm(mpg ~ wt, data = mtcars)\npar(mfrow = c(2, 2))\nplot(fit)\n```\n\n```{r}\nplot(1:3)\nplot(3:1)\n```\n"
        let knitted = try Knitter(notebook: try Notebook.parse(source, path: "t.md")).knit()
        XCTAssertEqual(knitted.figures.map(\.path), ["figures/unnamed-chunk-1-1.svg", "figures/unnamed-chunk-2-1.svg",
                                                     "figures/unnamed-chunk-2-2.svg"])
        let page = knitted.figures[0].svg
        XCTAssertEqual(page.components(separatedBy: "<g transform=\"translate(").count - 1, 4, "four panels")
        for caption in ["Residuals vs Fitted", "Normal Q-Q", "Scale-Location", "Residuals vs Leverage"] {
            XCTAssertTrue(page.contains(">\(caption)</text>"), caption)
        }
        XCTAssertFalse(page.contains(">lm(mpg ~ wt)</text>"), "no sub-caption on a page of panels, as plot.lm")
        XCTAssertFalse(knitted.figures[1].svg.contains("translate("))
    }

    /// knitr shows no output block for text that is only line breaks.
    func testLineBreaksAloneMakeNoOutputBlock() throws {
        let knitted = try Knitter(notebook: try Notebook.parse("```{r}\ncat(\"\\n\")\n1\n```\n", path: "t.md")).knit()
        XCTAssertFalse(knitted.markdown.contains("## \n"), knitted.markdown)
        XCTAssertTrue(knitted.markdown.contains("## [1] 1"))
    }
}
