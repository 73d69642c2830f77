import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Notebook
import MLMLang
import CLinux
import Synchronization

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

    /// Reuse notebooks knitted by an earlier build when nothing they depend on changed
    /// (see KnitCache); `mlmd build --force` and `mlmd check` knit everything.
    public var useCache = false
    /// Identifies the program in the cache key.
    public var generator = "mlmd"

    /// How many notebooks to knit at once, each in its own interpreter session.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Seconds a chunk may run before it is stopped (0: no limit).
    public var chunkTimeout = Knitter.defaultChunkTimeout
    /// Stops the build (its sessions at their next checkpoint) when cancelled.
    public var cancellation: CancellationFlag?

    /// Knits every notebook (up to `jobs` at a time), in lesson order.
    public func knitAll() throws -> [KnittedDocument] {
        let paths = try notebookPaths()
        let cache = useCache ? KnitCache(notebooksDirectory: notebooksDirectory, generator: generator) : nil
        let results = Mutex([Result<KnittedDocument, Error>?](repeating: nil, count: paths.count))
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, jobs)
        for (k, url) in paths.enumerated() {
            queue.addOperation {
                let outcome = Result { try knit(url, cache: cache) }
                results.withLock { results in
                    results[k] = outcome.map(\.document)
                    if case .success(let done) = outcome { progress(done.line) }
                }
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        // The first failure in lesson-file order is the one reported.
        var documents = try results.withLock { try $0.map { try $0!.get() } }
        documents.sort { a, b in
            let oa = a.notebook.frontMatter.order ?? Int.max, ob = b.notebook.frontMatter.order ?? Int.max
            return oa != ob ? oa < ob : a.notebook.path < b.notebook.path
        }
        return documents
    }

    /// One notebook: from the cache when nothing it depends on changed, else run.
    private func knit(_ url: URL, cache: KnitCache?) throws -> (document: KnittedDocument, line: String) {
        let start = Date()
        let notebook = try Notebook.load(path: url.path)
        if let entry = cache?.lookup(url) {
            var document = KnittedDocument(notebook: notebook, markdown: entry.markdown, figures: entry.figures, inputs: entry.inputs.map(\.path))
            document.fromCache = true
            return (document, "\(url.lastPathComponent) (unchanged)")
        }
        let knitter = Knitter(notebook: notebook)
        knitter.chunkTimeout = chunkTimeout
        knitter.session.interpreter.cancellation = cancellation
        if cancellation?.isCancelled == true { throw EvaluationInterrupted(reason: .cancelled) }
        // One folder of figures for the site: names carry the lesson so labels may repeat.
        knitter.figurePrefix = "figures/\(Knitter.fileSafe(url.deletingPathExtension().lastPathComponent))-"
        let document = try knitter.knit()
        cache?.store(document, for: url)
        return (document, String(format: "%@ (%.2f s)", url.lastPathComponent, Date().timeIntervalSince(start)))
    }

    /// What a build did, for its summary line.
    public struct Report: CustomStringConvertible {
        public let pages: Int
        public let ran: Int
        public let unchanged: Int
        public let seconds: Double
        public let site: String

        public var description: String {
            let notebooks = unchanged == 0 ? "\(ran) ran" : "\(ran) ran, \(unchanged) unchanged"
            return String(format: "Built %d lesson page%@ into %@ in %.2f s (notebooks: %@)", pages, pages == 1 ? "" : "s", site, seconds, notebooks)
        }
    }

    @discardableResult
    public func build() throws -> Report {
        let start = Date()
        AtomicDirectory.removeLeftovers(of: siteDirectory)
        let math = prerenderMath()
        let documents = try knitAll()
        math.wait()
        let unchanged = knitCacheHits(documents)
        let pages = SitePages(documents: documents)
        try AtomicDirectory.replace(siteDirectory) { staging in
            try pages.write(into: staging)
        }
        return Report(pages: documents.count, ran: documents.count - unchanged, unchanged: unchanged,
                      seconds: Date().timeIntervalSince(start), site: siteDirectory.lastPathComponent + "/")
    }

    /// Starts rendering the notebooks' math on a thread of its own, to overlap the knitting.
    private func prerenderMath() -> DispatchGroup {
        let group = DispatchGroup()
        let sources = ((try? notebookPaths()) ?? []).compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        guard sources.contains(where: { $0.contains("$") || $0.contains("\\(") || $0.contains("\\[") }) else { return group }
        DispatchQueue.global().async(group: group) { MathRenderer.prerender(sources) }
        return group
    }

    /// How many of the documents came from the knit cache.
    private func knitCacheHits(_ documents: [KnittedDocument]) -> Int {
        documents.filter { $0.fromCache }.count
    }

    /// What differs between the site as committed and the site the notebooks build now.
    public func check() throws -> [SiteDifference] {
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        try SitePages(documents: try knitAll()).write(into: fresh)
        return try SiteDifference.compare(expected: fresh, actual: siteDirectory)
    }
}

/// The files of a site, computed from knitted documents.
public struct SitePages {
    let documents: [KnittedDocument]
    let navigation: [PageTemplate.NavigationEntry]

    public init(documents: [KnittedDocument]) {
        self.documents = documents
        navigation = documents.map { PageTemplate.NavigationEntry(title: $0.notebook.title, href: Self.pageName($0)) }
    }

    public static func pageName(_ doc: KnittedDocument) -> String {
        URL(fileURLWithPath: doc.notebook.path).deletingPathExtension().lastPathComponent + ".html"
    }

    public func lessonPage(_ doc: KnittedDocument) throws -> String {
        let (content, headings) = try Self.render(doc)
        return lessonPage(doc, content: content, headings: headings)
    }

    /// A lesson's prose as HTML; a TeX error or an unknown cross-reference names the
    /// notebook's line.
    static func render(_ doc: KnittedDocument) throws -> (html: String, headings: [HTMLRenderer.Heading]) {
        do {
            return try HTMLRenderer.renderWithHeadings(markdown: prose(doc), foldCode: doc.notebook.frontMatter.foldsCode)
        } catch let e as PageRenderError {
            let needle = e.needle.split(separator: "\n").first.map(String.init) ?? e.needle
            let line = doc.notebook.lines.firstIndex { $0.contains(needle) }.map { $0 + 1 }
                ?? e.markdownLine + doc.notebook.frontMatter.lineCount
            throw NotebookError(file: doc.notebook.path, line: line, message: e.message)
        }
    }

    /// The knitted Markdown without its front matter.
    static func prose(_ doc: KnittedDocument) -> String {
        stripFrontMatter(doc.markdown, lines: doc.notebook.frontMatter.lineCount)
    }

    func lessonPage(_ doc: KnittedDocument, content: String, headings: [HTMLRenderer.Heading]) -> String {
        let fm = doc.notebook.frontMatter
        var body = PageTemplate.lessonHeader(fm, fallbackTitle: doc.notebook.title)
        if headings.count >= 2 { body += PageTemplate.tableOfContents(headings) }
        body += content
        body += PageTemplate.sourceLink(SourceFiles.sitePath(doc))
        if let k = documents.firstIndex(where: { $0.notebook.path == doc.notebook.path }) {
            let previous = k > 0 ? navigation[k - 1] : nil
            let next = k + 1 < documents.count ? navigation[k + 1] : nil
            body += PageTemplate.previousNext(previous: previous, next: next)
        }
        return PageTemplate.page(title: doc.notebook.title, body: "<div class=\"lesson\">\n" + body + "</div>", navigation: navigation,
                                 current: Self.pageName(doc), stylesheet: "assets/style.css", description: fm.description,
                                 mathStylesheet: MathAssets.pageUsesMath(content) ? MathAssets.stylesheet : nil)
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
        try Data(SearchIndex.siteScript.utf8).write(to: directory.appendingPathComponent("assets/site.js"))
        try Data(indexPage().utf8).write(to: directory.appendingPathComponent("index.html"))
        var entries: [SearchIndex.Entry] = []
        var math = false
        for doc in documents {
            // Each page is rendered once; its headings serve the page and the search index.
            let (content, headings) = try Self.render(doc)
            math = math || MathAssets.pageUsesMath(content)
            try Data(lessonPage(doc, content: content, headings: headings).utf8).write(to: directory.appendingPathComponent(Self.pageName(doc)))
            entries.append(SearchIndex.entry(for: doc, href: Self.pageName(doc), markdown: Self.prose(doc), headings: headings))
            try Self.writeFigures(doc.figures, besides: directory)
            try SourceFiles.write(doc, into: directory)
        }
        if math { try MathAssets.write(into: directory) }
        try Data(SearchIndex.script(entries).utf8).write(to: directory.appendingPathComponent("assets/search-index.js"))
    }

    /// One lesson's page with what it needs (stylesheets, figures, math assets, its notebook)
    /// into a folder that may hold other files; each file goes through a temporary name.
    public func writePage(_ doc: KnittedDocument, into directory: URL) throws {
        let (content, headings) = try Self.render(doc)
        try AtomicDirectory.writeFile(Data(lessonPage(doc, content: content, headings: headings).utf8),
                                      to: directory.appendingPathComponent(Self.pageName(doc)))
        try AtomicDirectory.writeFile(Data(Self.stylesheet.utf8), to: directory.appendingPathComponent("assets/style.css"))
        try Self.writeFigures(doc.figures, besides: directory)
        try SourceFiles.write(doc, into: directory)
        if MathAssets.pageUsesMath(content) { try MathAssets.write(into: directory) }
    }

    /// Writes figures at their relative paths under `directory`.
    public static func writeFigures(_ figures: [Figure], besides directory: URL) throws {
        for figure in figures {
            let url = directory.appendingPathComponent(figure.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(figure.svg.utf8).write(to: url)
        }
    }

    /// Knitted Markdown keeps the front matter; the page shows it as a header instead.
    static func stripFrontMatter(_ markdown: String, lines: Int) -> String {
        guard lines > 0 else { return markdown }
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(lines).joined(separator: "\n")
    }
}

/// One way the committed site differs from a fresh build.
public struct SiteDifference: CustomStringConvertible {
    public enum Kind { case missing, extra, changed(line: Int) }
    public let path: String
    public let kind: Kind

    public var description: String {
        switch kind {
        case .missing: return "\(path): missing from the committed site"
        case .extra: return "\(path): in the committed site but no longer built"
        case .changed(let line): return "\(path): differs from a fresh build (first at line \(line))"
        }
    }

    /// Compares two site folders file by file.
    static func compare(expected: URL, actual: URL) throws -> [SiteDifference] {
        let wanted = try files(under: expected), have = (try? files(under: actual)) ?? []
        var differences: [SiteDifference] = []
        for path in wanted.sorted() {
            guard have.contains(path) else { differences.append(SiteDifference(path: path, kind: .missing)); continue }
            let a = try Data(contentsOf: expected.appendingPathComponent(path))
            let b = try Data(contentsOf: actual.appendingPathComponent(path))
            if a != b { differences.append(SiteDifference(path: path, kind: .changed(line: firstDifferentLine(a, b)))) }
        }
        for path in have.subtracting(wanted).sorted() { differences.append(SiteDifference(path: path, kind: .extra)) }
        return differences
    }

    private static func files(under root: URL) throws -> Set<String> {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var out = Set<String>()
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            out.insert(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return out
    }

    private static func firstDifferentLine(_ a: Data, _ b: Data) -> Int {
        let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) where (i < la.count ? la[i] : nil) != (i < lb.count ? lb[i] : nil) { return i + 1 }
        return 1
    }
}

/// Writes a folder's new contents beside it, then swaps it in with one atomic exchange.
public enum AtomicDirectory {
    /// Staging and retired folders are named `.NAME.new-PID-TOKEN` and `.NAME.old-PID-TOKEN`,
    /// so that a later build can tell the leftovers of a killed one (its process is gone) from
    /// those of a build still running.
    public static func replace(_ target: URL, write: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(of: target)
        let tag = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(tag)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try write(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        guard fm.fileExists(atPath: target.path) else {
            if rename(staging.path, target.path) != 0 {
                let code = errno
                try? fm.removeItem(at: staging)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path, "errno": code])
            }
            return
        }
        // One exchange: the target path holds the whole old site or the whole new one, never
        // nothing. The old site, now at the staging path, is removed afterwards.
        if mlmd_rename_exchange(staging.path, target.path) == 0 {
            try? fm.removeItem(at: staging)
            return
        }
        // A file system without RENAME_EXCHANGE: two renames, the old kept until the new is in.
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(tag)")
        try fm.moveItem(at: target, to: old)
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            try? fm.moveItem(at: old, to: target)
            try? fm.removeItem(at: staging)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    /// Removes staging and retired folders of `target` left by builds whose process has died.
    public static func removeLeftovers(of target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let pid = leftoverOwner(name, target: target.lastPathComponent) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    /// The process that made `.NAME.new-PID-TOKEN` or `.NAME.old-PID-TOKEN`; nil for other names.
    /// Names of the older form without a PID (`.NAME.new-TOKEN`) count as a dead process's.
    static func leftoverOwner(_ name: String, target: String) -> pid_t? {
        for kind in ["new", "old"] {
            let prefix = ".\(target).\(kind)-"
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count).split(separator: "-")
            if rest.count == 2, let pid = pid_t(rest[0]) { return pid }
            return rest.count == 1 ? pid_t.max : nil
        }
        return nil
    }

    /// Writes a file through a temporary name in the same folder and a rename.
    public static func writeFile(_ data: Data, to url: URL) throws {
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        try data.write(to: tmp)
        // rename(2) replaces the old file in one step; FileManager's replaceItemAt can lose it.
        if rename(tmp.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: tmp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, "errno": code])
        }
    }
}
