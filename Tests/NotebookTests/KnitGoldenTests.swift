import XCTest
@testable import Notebook

/// Knitting the notebooks in Golden/ gives exactly what knitr wrote for them
/// (scripts/knit-golden.R made the .md files with R).
final class KnitGoldenTests: XCTestCase {
    static let golden = Bundle.module.url(forResource: "Golden", withExtension: nil)!

    func goldenPairs() throws -> [(URL, URL)] {
        try FileManager.default.contentsOfDirectory(at: Self.golden, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "Rmd" }
            .map { ($0, $0.deletingPathExtension().appendingPathExtension("md")) }
    }

    func testEveryGoldenNotebookKnitsAsKnitrDid() throws {
        let pairs = try goldenPairs()
        XCTAssertGreaterThanOrEqual(pairs.count, 2)
        for (source, expected) in pairs {
            let doc = try Knitter(notebook: try Notebook.load(path: source.path)).knit()
            let want = try String(contentsOf: expected, encoding: .utf8)
            XCTAssertEqual(doc.markdown, want, "knitting \(source.lastPathComponent)")
            for figure in doc.figures { LessonTests.assertParses(figure) }
            if doc.markdown != want { print(LessonTests.firstDifference(doc.markdown, want)) }
        }
    }

    /// `mlm` chunks run like `{r}` chunks; their source blocks are tagged `mlm`.
    func testMlmFencesKnitLikeRChunks() throws {
        let source = try String(contentsOf: Self.golden.appendingPathComponent("chunks.Rmd"), encoding: .utf8)
        let expected = try String(contentsOf: Self.golden.appendingPathComponent("chunks.md"), encoding: .utf8)
        let mlm = source.replacingOccurrences(of: "```{r}", with: "```mlm").replacingOccurrences(of: "```{r ", with: "```{mlm ")
            .replacingOccurrences(of: "`r ", with: "`mlm ")
        let doc = try Knitter(notebook: try Notebook.parse(mlm, path: Self.golden.appendingPathComponent("chunks.md").path)).knit()
        XCTAssertEqual(doc.markdown, expected.replacingOccurrences(of: "```r\n", with: "```mlm\n"))
    }

}
