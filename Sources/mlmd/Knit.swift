import ArgumentParser
import Foundation
import Notebook
import Site

struct Knit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a notebook's chunks and write knitted Markdown, as knitr::knit does.")

    @Argument(help: "The notebook (.md, .Rmd or .qmd).")
    var notebook: String

    @Option(name: .shortAndLong, help: "Where to write the Markdown (default: the notebook's name with .md, or .knit.md for a .md notebook).")
    var output: String?

    func run() throws {
        do {
            let nb = try Notebook.load(path: notebook)
            let doc = try Knitter(notebook: nb).knit()
            let target = output ?? Self.defaultOutput(for: notebook)
            let targetURL = URL(fileURLWithPath: target)
            try SitePages.writeFigures(doc.figures, besides: targetURL.deletingLastPathComponent())
            try AtomicDirectory.writeFile(Data(doc.markdown.utf8), to: targetURL)
        } catch {
            throw fail(error)
        }
    }

    static func defaultOutput(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension()
        return url.pathExtension.lowercased() == "md" ? base.path + ".knit.md" : base.path + ".md"
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Knit one notebook and write it as an HTML page.")

    @Argument(help: "The notebook (.md, .Rmd or .qmd).")
    var notebook: String

    @Option(name: .shortAndLong, help: "Folder to write the page and its assets into (default: the current folder).")
    var output: String = "."

    func run() throws {
        do {
            let nb = try Notebook.load(path: notebook)
            let doc = try Knitter(notebook: nb).knit()
            let pages = SitePages(documents: [doc])
            let dir = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try AtomicDirectory.writeFile(Data(pages.lessonPage(doc).utf8),
                                          to: dir.appendingPathComponent(SitePages.pageName(doc)))
            try AtomicDirectory.writeFile(Data(SitePages.stylesheet.utf8), to: dir.appendingPathComponent("assets/style.css"))
            try SitePages.writeFigures(doc.figures, besides: dir)
        } catch {
            throw fail(error)
        }
    }
}

/// Where the notebooks are and where their site goes (build and serve).
struct SiteFolders: ParsableArguments {
    @Argument(help: "Folder of notebooks.")
    var notebooks: String = "notebooks"

    @Option(name: .shortAndLong, help: "Folder to write the site into; replaced only when the whole build succeeds.")
    var output: String = "site"

    /// A builder for these folders that reuses unchanged notebooks.
    func builder() -> SiteBuilder {
        var builder = SiteBuilder(notebooksDirectory: URL(fileURLWithPath: notebooks), siteDirectory: URL(fileURLWithPath: output))
        builder.useCache = true
        builder.generator = "mlmd \(MlmdVersion.string)"
        return builder
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the lesson site: an index page and one page per notebook.")

    @OptionGroup var folders: SiteFolders

    @Flag(help: "Run every notebook again, even those whose inputs did not change since the last build.")
    var force = false

    @Option(help: "Notebooks run at once, each in its own session (the default is the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        var builder = folders.builder()
        builder.useCache = !force
        builder.jobs = jobs
        if isatty(STDERR_FILENO) != 0 {
            builder.progress = { FileHandle.standardError.write(Data("  \($0)\n".utf8)) }
        }
        do {
            try builder.build()
        } catch {
            throw fail(error)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the site in memory and fail if the committed site is stale or a chunk fails (a CI gate).")

    @Argument(help: "Folder of notebooks.")
    var notebooks: String = "notebooks"

    @Option(name: .long, help: "The committed site to compare with.")
    var site: String = "site"

    func run() throws {
        let builder = SiteBuilder(notebooksDirectory: URL(fileURLWithPath: notebooks), siteDirectory: URL(fileURLWithPath: site))
        let differences: [SiteDifference]
        do {
            differences = try builder.check()
        } catch {
            throw fail(error)
        }
        guard !differences.isEmpty else { return }
        var report = "mlmd: the site in '\(site)' is stale; run `mlmd build` and commit it:\n"
        for d in differences.prefix(20) { report += "  \(d)\n" }
        if differences.count > 20 { report += "  ... and \(differences.count - 20) more\n" }
        FileHandle.standardError.write(Data(report.utf8))
        throw ExitCode(1)
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1, rebuild when a notebook changes and reload the page.")

    @OptionGroup var folders: SiteFolders

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 8000

    func run() throws {
        let folder = URL(fileURLWithPath: folders.notebooks)
        var builder = folders.builder()
        builder.progress = { FileHandle.standardError.write(Data("  \($0)\n".utf8)) }
        func rebuild() -> Bool {
            do { try builder.build(); return true } catch {
                FileHandle.standardError.write(Data("mlmd: \(error)\n".utf8))
                return false
            }
        }
        _ = rebuild()
        let server = PreviewServer(siteDirectory: URL(fileURLWithPath: folders.output), port: port)
        do { try server.start() } catch { throw fail(error) }
        print("Serving \(folders.output)/ on http://127.0.0.1:\(server.port)/ (Ctrl-C to stop)")
        fflush(stdout)
        var fingerprint = FolderFingerprint(folder)
        while true {
            Thread.sleep(forTimeInterval: 0.3)
            let now = FolderFingerprint(folder)
            guard now != fingerprint else { continue }
            fingerprint = now
            if rebuild() { server.generation += 1 }
        }
    }
}
