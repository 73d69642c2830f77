import Foundation
import XCTest

/// Hostile and careless input, as users and CI meet it: values nested hundreds of thousands
/// deep, chunks that never end, allocations the machine cannot hold, killed and interrupted
/// builds, and the preview server. Every case runs mlmd in a child process, so a crash is a
/// failed assertion on its exit status, not the end of the test run.
final class ReliabilityTests: MlmdProcessTestCase {
    func run(_ script: String, shellPrefix: String? = nil) throws -> Result {
        try write("script.R", script)
        return try mlmd(["run", "script.R"], shellPrefix: shellPrefix)
    }

    // MARK: - Deep values

    func testDeepListAliveWhenTheSessionEnds() throws {
        let r = try run("x <- NULL; for (i in 1:500000) x <- list(x)\ncat(\"built\\n\")\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "built\n")
    }

    func testDeepCallAliveWhenTheSessionEnds() throws {
        let r = try run("x <- NULL; for (i in 1:300000) x <- call(\"f\", x)\ncat(\"built\\n\")\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "built\n")
    }

    func testDeepEnvironmentAndAttributeChainsAreReleased() throws {
        let r = try run("""
            e <- emptyenv(); for (i in 1:300000) e <- new.env(parent = e)
            a <- 1; for (i in 1:300000) { y <- 1; attr(y, "a") <- a; a <- y }
            e <- NULL; a <- NULL
            cat("released\\n")
            """)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "released\n")
    }

    func testBuildWithADeepListKeepsTheNewSite() throws {
        try write("nb/deep.Rmd", "# Deep\n\n```{r}\nx <- NULL; for (i in 1:500000) x <- list(x)\nlength(x)\n```\n")
        let r = try mlmd(["build", "nb", "-o", "site", "--force"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let page = try String(contentsOf: workDir.appendingPathComponent("site/deep.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("## [1] 1"), page)
    }

    func testPrintingAndStrOfDeepListsEnd() throws {
        let printed = try run("x <- NULL; for (i in 1:20000) x <- list(x)\nprint(x)\n")
        XCTAssertFalse(printed.timedOut)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let lines = printed.stdout.split(separator: "\n")
        // R's tags stop growing at 256 characters (260 with the last index).
        XCTAssertEqual(lines.map(\.count).max(), 260)
        XCTAssertEqual(lines.filter { $0 == "NULL" }.count, 1)

        let str = try run("y <- NULL; for (i in 1:100000) y <- list(y)\nstr(y)\n")
        XCTAssertFalse(str.timedOut)
        XCTAssertEqual(str.status, 1)
        XCTAssertTrue(str.stderr.contains("evaluation nested too deeply: infinite recursion / options(expressions=)?"), str.stderr)
        XCTAssertTrue(str.stdout.hasPrefix("List of 1\n $ :List of 1\n"), String(str.stdout.prefix(80)))
    }

    // MARK: - Runaway chunks

    func testRunawayChunkStopsAtTheTimeLimitAndTheOldSiteStays() throws {
        try write("nb/a.Rmd", "# A\n\n```{r}\n1 + 1\n```\n")
        XCTAssertEqual(try mlmd(["build", "nb", "-o", "site"]).status, 0)
        let before = try Data(contentsOf: workDir.appendingPathComponent("site/index.html"))
        try write("nb/loop.Rmd", "# Loop\n\nText.\n\n```{r spin}\nx <- 1\nwhile (TRUE) {}\n```\n")
        let r = try mlmd(["build", "nb", "-o", "site", "--chunk-timeout", "2"], limit: 60)
        XCTAssertFalse(r.timedOut)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("nb/loop.Rmd:7: in chunk 'spin': Error: reached elapsed time limit of 2 seconds"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: workDir.appendingPathComponent("site/index.html")), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workDir.appendingPathComponent("site/loop.html").path))
    }

    func testTimeoutOptionWithErrorTrueGoesOn() throws {
        try write("t.Rmd", "```{r spin, timeout = 1, error = TRUE}\nrepeat {}\n```\n\n```{r after}\n2 * 3\n```\n")
        let r = try mlmd(["knit", "t.Rmd", "-o", "t.md"], limit: 60)
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOf: workDir.appendingPathComponent("t.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("## Error: reached elapsed time limit of 1 second\n"), md)
        XCTAssertTrue(md.contains("## [1] 6"), md)
    }

    func testTryCatchCannotSwallowTheTimeLimit() throws {
        try write("t.Rmd", "```{r spin}\nwhile (TRUE) tryCatch(while (TRUE) NULL, error = function(e) NULL)\n```\n")
        let r = try mlmd(["knit", "t.Rmd", "-o", "t.md", "--chunk-timeout", "1"], limit: 60)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("t.Rmd:2: in chunk 'spin': Error: reached elapsed time limit of 1 second"), r.stderr)
    }

    func testCtrlCStopsAKnitAndWritesNothing() throws {
        try write("loop.Rmd", "```{r}\nwhile (TRUE) {}\n```\n")
        let p = Process()
        p.executableURL = binary
        p.arguments = ["knit", "loop.Rmd", "-o", "loop.md"]
        p.currentDirectoryURL = workDir
        let err = Pipe()  // this test reads what mlmd says on standard error
        p.standardError = err
        try p.run()
        Thread.sleep(forTimeInterval: 1)
        kill(p.processIdentifier, SIGINT)
        let killer = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: killer)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        killer.cancel()
        XCTAssertEqual(p.terminationStatus, 130, stderr)
        XCTAssertEqual(stderr, "mlmd: interrupted\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: workDir.appendingPathComponent("loop.md").path))
    }

    // MARK: - Memory and sizes

    func testAnAllocationPastTheAddressSpaceIsRsError() throws {
        let r = try run("x <- numeric(1e9)\nlength(x)\n", shellPrefix: "ulimit -v 4000000;")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "Error: cannot allocate vector of size 7.5 Gb\nExecution halted\n")
    }

    func testStringSizesPastRsLimitsAreErrors() throws {
        let na = try run("x <- strrep(\"a\", 1e10)\nprint(x)\n")
        XCTAssertEqual(na.status, 0, na.stderr)
        XCTAssertEqual(na.stdout, "[1] NA\n")
        XCTAssertTrue(na.stderr.contains("NAs introduced by coercion to integer range"), na.stderr)
        let long = try run("x <- strrep(strrep(\"a\", 1e5), 1e5)\n")
        XCTAssertEqual(long.status, 1)
        XCTAssertTrue(long.stderr.contains("R character strings are limited to 2^31-1 bytes"), long.stderr)
        let pasted = try run("x <- paste(rep(\"a\", 1e5), collapse = strrep(\"b\", 1e5))\n")
        XCTAssertEqual(pasted.status, 1)
        XCTAssertTrue(pasted.stderr.contains("result would exceed 2^31-1 bytes"), pasted.stderr)
        let matrix = try run("x <- matrix(0, 1e5, 1e5)\n")
        XCTAssertEqual(matrix.status, 1)
        XCTAssertTrue(matrix.stderr.contains("Error: cannot allocate vector of size 74.5 Gb"), matrix.stderr)
    }

    // MARK: - The command line

    func testJobsMustBeAtLeastOne() throws {
        let r = try mlmd(["build", "--jobs", "-1"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--jobs must be at least 1"), r.stderr)
        // Help text is wrapped to the terminal: compare with white space folded.
        let help = try mlmd(["build", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(help.contains("the number of cores of the machine it runs on"), help)
        XCTAssertFalse(help.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"), help)
        XCTAssertTrue(help.contains("--chunk-timeout"), help)
    }

    // MARK: - Killed builds

    func testBuildsRemoveTheLeftoversOfKilledOnes() throws {
        try write("nb/a.Rmd", "# A\n\n```{r}\nx <- 0; for (i in 1:200000) x <- x + i\nx\n```\n")
        try write("nb/b.Rmd", "# B\n\n```{r}\nsummary(lm(mpg ~ wt, mtcars))\n```\n")
        XCTAssertEqual(try mlmd(["build", "nb", "-o", "site"]).status, 0)
        let fm = FileManager.default
        // Leftovers of a dead process, in both name forms.
        for name in [".site.new-4194305-abcd1234", ".site.old-deadbeef"] {
            try fm.createDirectory(at: workDir.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        // Builds killed at moments spread over their run.
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8] {
            let p = try start(["build", "nb", "-o", "site", "--force"])
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            XCTAssertTrue(fm.fileExists(atPath: workDir.appendingPathComponent("site/index.html").path), "site missing after a kill at \(delay) s")
        }
        let r = try mlmd(["build", "nb", "-o", "site", "--force"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let litter = try fm.contentsOfDirectory(atPath: workDir.path).filter { $0.hasPrefix(".site.") }
        XCTAssertEqual(litter, [])
        XCTAssertTrue(fm.fileExists(atPath: workDir.appendingPathComponent("site/b.html").path))
    }

    // MARK: - The preview server

    func testServeRecoversAndCancelsARunawayBuild() throws {
        try write("nb/a.Rmd", "# A\n\n```{r}\n1 + 1\n```\n")
        let (p, port) = try startServe("nb")
        defer {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
        XCTAssertEqual(httpGet(port: port, "/__mlmd/generation"), "0")
        // A notebook that never ends: its build runs (no limit but the default 600 s) ...
        try write("nb/a.Rmd", "# A\n\n```{r}\nwhile (TRUE) {}\n```\n")
        Thread.sleep(forTimeInterval: 1.5)
        // ... until the author fixes it: the runaway build is cancelled and the fix is served.
        try write("nb/a.Rmd", "# A fixed\n\n```{r}\n2 + 2\n```\n")
        var generation = "0"
        for _ in 0..<100 where generation == "0" {
            Thread.sleep(forTimeInterval: 0.2)
            generation = httpGet(port: port, "/__mlmd/generation") ?? "0"
        }
        XCTAssertEqual(generation, "1")
        XCTAssertTrue(httpGet(port: port, "/a.html")?.contains("## [1] 4") == true)
    }
}
