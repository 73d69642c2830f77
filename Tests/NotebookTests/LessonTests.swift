import CLibXML2
import XCTest
@testable import Notebook

/// Every lesson in notebooks/ knits to exactly what R printed for it (scripts/knit-lessons.R
/// wrote the references in Lessons/ with knitr, lme4 and lmerTest), every number and line.
final class LessonTests: XCTestCase {
    static let references = Bundle.module.url(forResource: "Lessons", withExtension: nil)!
    static let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks")

    func testEveryLessonMatchesItsRReference() throws {
        let references = try FileManager.default.contentsOfDirectory(at: Self.references, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        let lessons = try FileManager.default.contentsOfDirectory(atPath: Self.notebooks.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix("00-") && $0.first?.isNumber == true }
        XCTAssertEqual(Set(references.map(\.lastPathComponent)), Set(lessons), "every lesson has an R reference")
        for reference in references {
            let source = Self.notebooks.appendingPathComponent(reference.lastPathComponent)
            let doc = try Knitter(notebook: try Notebook.load(path: source.path)).knit()
            let want = try String(contentsOf: reference, encoding: .utf8)
            XCTAssertEqual(doc.markdown, want, "knitting \(reference.lastPathComponent)")
            for figure in doc.figures { Self.assertParses(figure) }
            if doc.markdown != want { print(Self.firstDifference(doc.markdown, want)) }
        }
    }

    /// Every figure is well-formed XML for libxml2.
    static func assertParses(_ figure: Figure, file: StaticString = #filePath, line: UInt = #line) {
        let doc = xmlReadMemory(figure.svg, Int32(figure.svg.utf8.count), figure.path, nil, Int32(XML_PARSE_NONET.rawValue))
        XCTAssertNotNil(doc, "\(figure.path) parses with libxml2", file: file, line: line)
        if let doc { xmlFreeDoc(doc) }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) where (i < la.count ? la[i] : "<end>") != (i < lb.count ? lb[i] : "<end>") {
            return "line \(i + 1):\n  got:  \(i < la.count ? la[i] : "<end>")\n  want: \(i < lb.count ? lb[i] : "<end>")"
        }
        return "no difference"
    }
}
