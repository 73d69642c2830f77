import XCTest
@testable import Notebook

/// Bad notebooks fail with one line naming the file, the line and the chunk.
final class NotebookErrorTests: XCTestCase {
    func knit(_ text: String) throws -> String {
        try Knitter(notebook: try Notebook.parse(text, path: "lesson.md"), workingDirectory: URL(fileURLWithPath: "/tmp")).knit().markdown
    }

    func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> NotebookError? {
        do {
            _ = try knit(text)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let e as NotebookError {
            return e
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
            return nil
        }
    }

    func testUnterminatedFenceNamesItsLine() {
        let e = error("# Title\n\ntext\n\n```mlm\nx <- 1\nx\n")
        XCTAssertEqual(e?.line, 5)
        XCTAssertEqual(e?.description, "lesson.md:5: unterminated code chunk: the fence opened here is never closed")
    }

    func testUnparseableCodeNamesLineAndChunk() {
        let e = error("intro\n\n```{r setup}\nx <- 1\ny <- (2 +\n```\n")
        XCTAssertEqual(e?.chunk, "setup")
        XCTAssertEqual(e?.line, 5)
        XCTAssertTrue(e?.message.contains("unexpected end of input") ?? false, e?.message ?? "")
    }

    func testChunkErrorWithoutErrorOptionStopsTheKnit() {
        let e = error("text\n\n```mlm\nx <- 1\n\nundefined_thing + 1\n```\n")
        XCTAssertEqual(e?.description, "lesson.md:6: in chunk 'unnamed-chunk-1': Error: object 'undefined_thing' not found")
    }

    func testErrorInFunctionNamesTheCall() {
        let e = error("```{mlm check}\nf <- function(x) stop(\"x must be positive\")\nf(-1)\n```\n")
        XCTAssertEqual(e?.description, "lesson.md:3: in chunk 'check': Error in f(-1): x must be positive")
    }

    func testErrorTrueShowsTheErrorAndGoesOn() throws {
        let md = try knit("```{mlm, error=TRUE}\nstop(\"shown\")\n1 + 1\n```\n")
        XCTAssertEqual(md, "\n```mlm\nstop(\"shown\")\n```\n\n```\n## Error: shown\n```\n\n```mlm\n1 + 1\n```\n\n```\n## [1] 2\n```\n")
    }

    func testParseErrorWithErrorTrueIsShown() throws {
        let md = try knit("```{mlm, error=TRUE}\n1 +* 2\n```\n")
        XCTAssertTrue(md.contains("## Error: <text>:1:4: unexpected '*'"), md)
    }

    func testDuplicateLabelsAreRejected() {
        let e = error("```{mlm a}\n1\n```\n\n```{mlm a}\n2\n```\n")
        XCTAssertEqual(e?.line, 5)
        XCTAssertEqual(e?.message, "Duplicate chunk label 'a'")
    }

    func testInvalidResultsOptionIsReported() {
        let e = error("```{mlm bad, results='loud'}\n1\n```\n")
        XCTAssertEqual(e?.line, 1)
        XCTAssertTrue(e?.message.contains("results must be one of") ?? false)
    }

    func testErrorInInlineCodeNamesItsLine() {
        let e = error("First line.\n\nValue: `mlm nothing_here`.\n")
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.message.contains("object 'nothing_here' not found") ?? false)
    }

    func testMissingFileIsReported() {
        XCTAssertThrowsError(try Notebook.load(path: "/nonexistent/lesson.md")) { e in
            XCTAssertEqual("\(e)", "/nonexistent/lesson.md: cannot open file '/nonexistent/lesson.md': No such file or directory")
        }
    }
}
