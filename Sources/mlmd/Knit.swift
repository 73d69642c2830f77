import ArgumentParser
import Foundation
import MLMLang
import Notebook
import Site

struct Knit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a notebook's chunks and write knitted Markdown, as knitr::knit does.")

    @ArgumentParser.Argument(help: "The notebook (.md, .Rmd or .qmd).")
    var notebook: String

    @Option(name: .shortAndLong, help: "Where to write the Markdown (default: the notebook's name with .md, or .knit.md for a .md notebook).")
    var output: String?

    @OptionGroup var limits: ChunkLimits

    @Flag(name: .customLong("keep-going"),
          help: "Run every chunk as with knitr's error = TRUE (unless its own options say otherwise): a failing chunk shows its error and the knit goes on.")
    var keepGoing = false

    func run() throws {
        InterruptHandling.install()
        do {
            let nb = try Notebook.load(path: notebook)
            let knitter = Knitter(notebook: nb)
            knitter.chunkTimeout = limits.chunkTimeout
            knitter.keepGoing = keepGoing
            let doc = try knitter.knit()
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

    @ArgumentParser.Argument(help: "The notebook (.md, .Rmd or .qmd).")
    var notebook: String

    @Option(name: .shortAndLong, help: "Folder to write the page and its assets into (default: the current folder).")
    var output: String = "."

    @OptionGroup var limits: ChunkLimits

    func run() throws {
        InterruptHandling.install()
        do {
            let nb = try Notebook.load(path: notebook)
            let knitter = Knitter(notebook: nb)
            knitter.chunkTimeout = limits.chunkTimeout
            let doc = try knitter.knit()
            let pages = SitePages(documents: [doc])
            let dir = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try pages.writePage(doc, into: dir)
        } catch {
            throw fail(error)
        }
    }
}

/// Where the notebooks are and where their site goes (build and serve).
struct SiteFolders: ParsableArguments {
    @ArgumentParser.Argument(help: "Folder of notebooks.")
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

    // Unconditional, so that `--jobs -1` reaches validate() as a number.
    @Option(parsing: .unconditional,
            help: "Notebooks run at once, each in its own session (default: the number of cores of the machine it runs on).")
    var jobs: Int?

    @OptionGroup var limits: ChunkLimits

    @Flag(name: .shortAndLong, help: "Print nothing but errors (the default when standard error is not a terminal).")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        InterruptHandling.install()
        var builder = folders.builder()
        builder.useCache = !force
        builder.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        builder.chunkTimeout = limits.chunkTimeout
        // On a terminal, a line per notebook as it finishes (its time, or "unchanged" when the
        // cache served it) and a summary; quiet in scripts and CI logs, as Quarto is.
        let talk = !quiet && isatty(STDERR_FILENO) != 0
        if talk {
            builder.progress = { FileHandle.standardError.write(Data("  \($0)\n".utf8)) }
        }
        do {
            let report = try builder.build()
            if talk { FileHandle.standardError.write(Data("\(report)\n".utf8)) }
        } catch {
            throw fail(error)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the site in memory and fail if the committed site is stale or a chunk fails (a CI gate).")

    @ArgumentParser.Argument(help: "Folder of notebooks.")
    var notebooks: String = "notebooks"

    @Option(name: .long, help: "The committed site to compare with.")
    var site: String = "site"

    @OptionGroup var limits: ChunkLimits

    func run() throws {
        InterruptHandling.install()
        var builder = SiteBuilder(notebooksDirectory: URL(fileURLWithPath: notebooks), siteDirectory: URL(fileURLWithPath: site))
        builder.chunkTimeout = limits.chunkTimeout
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

    @OptionGroup var limits: ChunkLimits

    func run() throws {
        let folder = URL(fileURLWithPath: folders.notebooks)
        var builder = folders.builder()
        builder.chunkTimeout = limits.chunkTimeout
        builder.progress = { FileHandle.standardError.write(Data("  \($0)\n".utf8)) }
        let server = PreviewServer(siteDirectory: URL(fileURLWithPath: folders.output), port: port)
        let rebuilds = RebuildQueue(builder: builder) { server.generation += 1 }
        rebuilds.rebuildAndWait()
        do { try server.start() } catch { throw fail(error) }
        print("Serving \(folders.output)/ on http://127.0.0.1:\(server.port)/ (Ctrl-C to stop)")
        fflush(stdout)
        var fingerprint = FolderFingerprint(folder)
        while true {
            Thread.sleep(forTimeInterval: 0.3)
            let now = FolderFingerprint(folder)
            guard now != fingerprint else { continue }
            fingerprint = now
            rebuilds.rebuild()
        }
    }
}

/// `mlmd serve`'s builds, one at a time in the background: a change that arrives while a build
/// runs cancels it (its sessions stop at their next checkpoint, the site stays the last good
/// one) and the newest state is built next, so a notebook that loops or runs long never keeps
/// the preview from following the author's edits.
final class RebuildQueue: @unchecked Sendable {
    private let builder: SiteBuilder
    private let onSuccess: () -> Void
    private let queue = DispatchQueue(label: "mlmd.serve.rebuild")
    private let lock = NSLock()
    private var running: CancellationFlag?

    init(builder: SiteBuilder, onSuccess: @escaping () -> Void) {
        self.builder = builder
        self.onSuccess = onSuccess
    }

    /// Cancels the build under way, if any, and queues a new one; `onSuccess` runs when it
    /// succeeds (not for the first build, which the server starts from).
    func rebuild(notify: Bool = true) {
        let flag = CancellationFlag()
        lock.lock()
        running?.cancel()
        running = flag
        lock.unlock()
        queue.async { [self] in run(flag, notify: notify) }
    }

    func rebuildAndWait() {
        rebuild(notify: false)
        queue.sync {}
    }

    private func run(_ flag: CancellationFlag, notify: Bool) {
        guard !flag.isCancelled else { return }
        var b = builder
        b.cancellation = flag
        do {
            try b.build()
            if notify { onSuccess() }
        } catch let e as EvaluationInterrupted where e.reason == .cancelled {
            FileHandle.standardError.write(Data("  (build cancelled: the notebooks changed)\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("mlmd: \(error)\n".utf8))
        }
    }
}
