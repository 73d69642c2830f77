import Foundation
import Notebook

/// Builds the lesson site: one page per notebook, an index, and the stylesheet. The site is
/// written to a temporary folder beside the target and swapped in only when every notebook
/// succeeded, so a failed build leaves the previous site as it was.
public struct SiteBuilder {
    public let notebooksDirectory: URL
    public let siteDirectory: URL
    /// Receives one line per notebook as it is built.
    public var progress: (String) -> Void = { _ in }

    public init(notebooksDirectory: URL, siteDirectory: URL) {
        self.notebooksDirectory = notebooksDirectory
        self.siteDirectory = siteDirectory
    }

    public static let notebookExtensions: Set<String> = ["md", "rmd", "qmd"]

    /// Notebook files directly in the folder, in lesson order (front matter `order`, then name).
    public func notebookPaths() throws -> [URL] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: notebooksDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NotebookError(file: notebooksDirectory.path, message: "notebooks folder '\(notebooksDirectory.path)' does not exist")
        }
        return try fm.contentsOfDirectory(at: notebooksDirectory, includingPropertiesForKeys: nil)
            .filter { Self.notebookExtensions.contains($0.pathExtension.lowercased()) && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    public func build() throws {
        var documents: [KnittedDocument] = []
        for url in try notebookPaths() {
            let start = Date()
            let notebook = try Notebook.load(path: url.path)
            documents.append(try Knitter(notebook: notebook).knit())
            progress(String(format: "%@ (%.2f s)", url.lastPathComponent, Date().timeIntervalSince(start)))
        }
        documents.sort { a, b in
            let oa = a.notebook.frontMatter.order ?? Int.max, ob = b.notebook.frontMatter.order ?? Int.max
            return oa != ob ? oa < ob : a.notebook.path < b.notebook.path
        }
        let pages = SitePages(documents: documents)
        try AtomicDirectory.replace(siteDirectory) { staging in
            try pages.write(into: staging)
        }
    }
}

/// The files of a site, computed from knitted documents.
public struct SitePages {
    let documents: [KnittedDocument]

    public init(documents: [KnittedDocument]) {
        self.documents = documents
    }

    public static func pageName(_ doc: KnittedDocument) -> String {
        URL(fileURLWithPath: doc.notebook.path).deletingPathExtension().lastPathComponent + ".html"
    }

    var navigation: [PageTemplate.NavigationEntry] {
        documents.map { PageTemplate.NavigationEntry(title: $0.notebook.title, href: Self.pageName($0)) }
    }

    public func lessonPage(_ doc: KnittedDocument) -> String {
        let fm = doc.notebook.frontMatter
        let body = PageTemplate.lessonHeader(fm, fallbackTitle: doc.notebook.title)
            + HTMLRenderer.render(markdown: Self.stripFrontMatter(doc.markdown, lines: fm.lineCount))
        return PageTemplate.page(title: doc.notebook.title, body: "<div class=\"lesson\">\n" + body + "</div>", navigation: navigation,
                                 current: Self.pageName(doc), stylesheet: "assets/style.css", description: fm.description)
    }

    public func indexPage() -> String {
        var body = "<h1>Lessons</h1>\n<ul class=\"lesson-cards\">\n"
        for doc in documents {
            body += "<li><h2><a href=\"\(escapeHTML(Self.pageName(doc)))\">\(escapeHTML(doc.notebook.title))</a></h2>"
            if let d = doc.notebook.frontMatter.description, !d.isEmpty { body += "<p>\(escapeHTML(d))</p>" }
            body += "</li>\n"
        }
        body += "</ul>"
        return PageTemplate.page(title: "Lessons", body: body, navigation: navigation, current: "index.html",
                                 stylesheet: "assets/style.css")
    }

    public static var stylesheet: String { Stylesheet.css }

    public func write(into directory: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: directory.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data(Stylesheet.css.utf8).write(to: directory.appendingPathComponent("assets/style.css"))
        try Data(indexPage().utf8).write(to: directory.appendingPathComponent("index.html"))
        for doc in documents {
            try Data(lessonPage(doc).utf8).write(to: directory.appendingPathComponent(Self.pageName(doc)))
        }
    }

    /// Knitted Markdown keeps the front matter; the page shows it as a header instead.
    static func stripFrontMatter(_ markdown: String, lines: Int) -> String {
        guard lines > 0 else { return markdown }
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(lines).joined(separator: "\n")
    }
}

/// Writes a folder's new contents beside it, then swaps it in with renames.
public enum AtomicDirectory {
    public static func replace(_ target: URL, write: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(token)")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(token)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try write(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        let hadOld = fm.fileExists(atPath: target.path)
        if hadOld { try fm.moveItem(at: target, to: old) }
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            if hadOld { try? fm.moveItem(at: old, to: target) }
            try? fm.removeItem(at: staging)
            throw error
        }
        if hadOld { try? fm.removeItem(at: old) }
    }

    /// Writes a file through a temporary name in the same folder and a rename.
    public static func writeFile(_ data: Data, to url: URL) throws {
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        try data.write(to: tmp)
        do {
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: tmp)
            } else {
                try FileManager.default.moveItem(at: tmp, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }
}
