import XCTest
import Foundation

/// The built `mlmd` binary, run as a user would run it.
final class CommandLineTests: MlmdProcessTestCase {
    func testEverySubcommandHasHelp() throws {
        for sub in ["knit", "render", "build", "run"] {
            let r = try mlmd([sub, "--help"])
            XCTAssertEqual(r.status, 0, sub)
            XCTAssertTrue(r.stdout.contains("USAGE: mlmd \(sub)"), r.stdout)
        }
        XCTAssertTrue(try mlmd(["--help"]).stdout.contains("SUBCOMMANDS"))
    }

    func testKnitWritesMarkdownBesideTheNotebook() throws {
        try write("lesson.Rmd", "```{r}\nx <- c(1, 2)\nx * 2\n```\n")
        let r = try mlmd(["knit", "lesson.Rmd"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOf: workDir.appendingPathComponent("lesson.md"), encoding: .utf8)
        XCTAssertEqual(md, "\n```r\nx <- c(1, 2)\nx * 2\n```\n\n```\n## [1] 2 4\n```\n")
    }

    func testKnittingTwiceReplacesTheOutput() throws {
        try write("twice.Rmd", "```{r}\n1\n```\n")
        XCTAssertEqual(try mlmd(["knit", "twice.Rmd"]).status, 0)
        try write("twice.Rmd", "```{r}\n2\n```\n")
        let r = try mlmd(["knit", "twice.Rmd"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOf: workDir.appendingPathComponent("twice.md"), encoding: .utf8).contains("## [1] 2"))
    }

    func testBadInputGivesOneLineAndStatusOne() throws {
        try write("open.md", "```mlm\n1\n")
        try write("syntax.md", "text\n\n```{mlm parse-me}\nx <- )\n```\n")
        try write("fails.md", "```{mlm boom}\nundefined_function(1)\n```\n")
        let cases: [(String, String)] = [
            ("missing.md", "mlmd: missing.md: cannot open file 'missing.md': No such file or directory\n"),
            ("open.md", "mlmd: open.md:1: unterminated code chunk: the fence opened here is never closed\n"),
            ("syntax.md", "mlmd: syntax.md:4: in chunk 'parse-me': Error: <text>:1:6: unexpected ')'\n"),
            ("fails.md", "mlmd: fails.md:2: in chunk 'boom': Error in undefined_function(1): could not find function \"undefined_function\"\n"),
        ]
        for (file, message) in cases {
            let r = try mlmd(["knit", file, "-o", "out.md"])
            XCTAssertEqual(r.status, 1, file)
            XCTAssertEqual(r.stderr, message, file)
            XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains(file), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: workDir.appendingPathComponent("out.md").path))
    }

    func testBuildKeepsThePreviousSiteWhenANotebookFails() throws {
        try write("notebooks/a.md", "---\ntitle: A\n---\n\n```mlm\n1\n```\n")
        XCTAssertEqual(try mlmd(["build"]).status, 0)
        let index = try String(contentsOf: workDir.appendingPathComponent("site/index.html"), encoding: .utf8)
        try write("notebooks/b.md", "```mlm\nundefined_name\n```\n")
        let r = try mlmd(["build"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "mlmd: \(workDir.appendingPathComponent("notebooks/b.md").path):2: in chunk 'unnamed-chunk-1': Error: object 'undefined_name' not found\n")
        XCTAssertEqual(try String(contentsOf: workDir.appendingPathComponent("site/index.html"), encoding: .utf8), index)
    }

    /// On a terminal `mlmd build` tells what it does, a line per notebook and a summary; in
    /// pipes (CI logs) and with --quiet it prints nothing. `script` gives it a terminal.
    func testBuildReportsProgressOnATerminalOnly() throws {
        try write("notebooks/a.md", "---\ntitle: A\n---\n\n```mlm\n1\n```\n")
        XCTAssertEqual(try mlmd(["build"]).stderr, "", "quiet when standard error is not a terminal")
        try FileManager.default.removeItem(at: workDir.appendingPathComponent(".mlmd-cache"))
        let first = try inTerminal("build")
        XCTAssertTrue(first.hasPrefix("  a.md ("), first)
        XCTAssertTrue(first.contains("Built 1 lesson page into site/ in "), first)
        XCTAssertTrue(first.contains(" s (notebooks: 1 ran)"), first)
        let again = try inTerminal("build")
        XCTAssertTrue(again.hasPrefix("  a.md (unchanged)"), again)
        XCTAssertTrue(again.contains("(notebooks: 0 ran, 1 unchanged)"), again)
        XCTAssertEqual(try inTerminal("build --quiet"), "")
    }

    /// Runs `mlmd ARGUMENTS` with a pseudo-terminal for its output (util-linux's script).
    private func inTerminal(_ arguments: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "'\(binary.path)' \(arguments)", "/dev/null"]
        p.currentDirectoryURL = workDir
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    func testKnitWritesFiguresWithSafeNames() throws {
        try write("fig.Rmd", "```{r ../../escape}\nlibrary(ggplot2)\nd <- data.frame(x = c(1, 2, 3), y = c(2, 4, 5))\nggplot(d, aes(x, y)) + geom_point()\n```\n")
        let r = try mlmd(["knit", "fig.Rmd", "-o", "out/fig.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOf: workDir.appendingPathComponent("out/fig.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("![plot of chunk ../../escape](figures/------escape-1.svg)"), md)
        let svg = try String(contentsOf: workDir.appendingPathComponent("out/figures/------escape-1.svg"), encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertFalse(FileManager.default.fileExists(atPath: workDir.deletingLastPathComponent().appendingPathComponent("escape-1.svg").path))
    }

    func testRenderWritesOnePage() throws {
        try write("one.md", "---\ntitle: One\n---\n\n```mlm\n\"hi\"\n```\n")
        let r = try mlmd(["render", "one.md", "-o", "out"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let page = try String(contentsOf: workDir.appendingPathComponent("out/one.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<title>One</title>"))
        XCTAssertTrue(page.contains("## [1] &quot;hi&quot;"))
    }

    func testRunBehavesLikeRscript() throws {
        try write("script.R", "x <- 1:3\nx\nmessage(\"note\")\nf <- function() warning(\"careful\")\nf()\ncat(\"done\\n\")\n")
        let r = try mlmd(["run", "script.R"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "[1] 1 2 3\ndone\n")
        XCTAssertEqual(r.stderr, "note\nWarning message:\nIn f() : careful\n")
        try write("bad.R", "1\nstop(\"halt here\")\n2\n")
        let bad = try mlmd(["run", "bad.R"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stdout, "[1] 1\n")
        XCTAssertEqual(bad.stderr, "Error: halt here\nExecution halted\n")
    }

    /// `mlmd serve` builds, serves on a free port, and rebuilds when a notebook changes.
    func testServeRebuildsWhenANotebookChanges() throws {
        let notebooks = workDir.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        let lesson = notebooks.appendingPathComponent("a.md")
        try "---\ntitle: A\n---\n\nFirst version.\n".write(to: lesson, atomically: true, encoding: .utf8)
        let (p, port) = try startServe("notebooks")
        defer { p.terminate(); p.waitUntilExit() }
        func get(_ path: String) throws -> String { try XCTUnwrap(httpGet(port: port, path)) }
        XCTAssertTrue(try get("/a.html").contains("First version."))
        XCTAssertEqual(try get("/__mlmd/generation"), "0")
        try "---\ntitle: A\n---\n\nSecond version.\n".write(to: lesson, atomically: true, encoding: .utf8)
        var generation = "0"
        for _ in 0..<50 where generation == "0" {
            Thread.sleep(forTimeInterval: 0.2)
            generation = try get("/__mlmd/generation")
        }
        XCTAssertEqual(generation, "1", "the change was noticed and the site rebuilt")
        XCTAssertTrue(try get("/a.html").contains("Second version."))
    }
}
