import Foundation
import Notebook

/// Each lesson's notebook, copied into the site so readers can download what the page was
/// built from and run it themselves.
enum SourceFiles {
    /// `notebooks/NAME.md` inside the site.
    static func sitePath(_ doc: KnittedDocument) -> String {
        "notebooks/" + URL(fileURLWithPath: doc.notebook.path).lastPathComponent
    }

    static func write(_ doc: KnittedDocument, into site: URL) throws {
        let target = site.appendingPathComponent(sitePath(doc))
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: doc.notebook.path)).write(to: target)
    }
}
