import CLibXML2
import XCTest

/// The repository's own built site (site/, committed): every page is valid for libxml2's HTML
/// parser, loads in headless Chromium over HTTP with no console message and no failed request,
/// and looks like its reference screenshots in light and dark mode. Set
/// MLMD_UPDATE_SCREENSHOTS=1 to rewrite the references after an intended change of the look.
final class SitePagesTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let site = repository.appendingPathComponent("site")

    func pages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.site.path).filter { $0.hasSuffix(".html") }.sorted()
    }

    func testEveryPageParsesWithoutErrorInLibxml2() throws {
        let names = try pages()
        XCTAssertGreaterThan(names.count, 2)
        for name in names {
            // MathML and inline SVG belong to HTML5, which libxml2's HTML 4 parser does not know:
            // KaTeX's <math> and <svg> elements (its square roots) are taken out, the rest of the
            // page is checked.
            let html = try String(contentsOf: Self.site.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "<math[ >][\\s\\S]*?</math>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "<svg[ >][\\s\\S]*?</svg>", with: "", options: .regularExpression)
            let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
            guard let ctxt = htmlNewParserCtxt() else { return XCTFail("no parser context") }
            defer { htmlFreeParserCtxt(ctxt) }
            let doc = htmlCtxtReadMemory(ctxt, html, Int32(html.utf8.count), name, "UTF-8", options)
            XCTAssertNotNil(doc, name)
            if let doc { xmlFreeDoc(doc) }
            XCTAssertEqual(ctxt.pointee.errNo, 0, "\(name) has HTML errors")
        }
    }

    func testEveryPageLoadsWithoutConsoleMessagesOrFailedRequests() throws {
        let server = try LocalServer(root: Self.site)
        defer { server.stop() }
        for name in try pages() {
            let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: profile) }
            let result = try Browser.run("chromium", Browser.commonFlags(profile) + ["--enable-logging=stderr", "--v=0", "--dump-dom",
                                                                                   "http://127.0.0.1:\(server.port)/\(name)"])
            XCTAssertEqual(result.status, 0, name)
            XCTAssertTrue(result.out.contains("</html>"), "\(name) loaded")
            XCTAssertEqual(Browser.consoleMessages(result.err), [], "\(name) wrote to the console")
        }
        XCTAssertEqual(server.failedRequests(), [], "requests that failed")
        XCTAssertTrue(server.log().contains("GET /figures/"), "the figures were requested")
    }

    func testSearchFindsSectionsAndCodeGetsCopyButtons() throws {
        let server = try LocalServer(root: Self.site)
        defer { server.stop() }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let found = try Browser.run("chromium", Browser.commonFlags(profile) + ["--dump-dom", "http://127.0.0.1:\(server.port)/index.html?q=caterpillar%20plot"])
        XCTAssertTrue(found.out.contains("<a href=\"06-diagnostics.html#the-schools-random-effects\">"), "the section that mentions it is found")
        let none = try Browser.run("chromium", Browser.commonFlags(profile) + ["--dump-dom", "http://127.0.0.1:\(server.port)/index.html?q=zzzqqq"])
        XCTAssertTrue(none.out.contains("No lesson mentions that."))
        let lesson = try Browser.run("chromium", Browser.commonFlags(profile) + ["--dump-dom", "http://127.0.0.1:\(server.port)/02-specifying-models.html"])
        XCTAssertTrue(lesson.out.contains("<button type=\"button\" class=\"copy\" aria-label=\"Copy this code\">Copy</button>"))
    }

    func testIndexAndLessonLookLikeTheirScreenshotsInLightAndDarkMode() throws {
        let references = Self.repository.appendingPathComponent("Tests/NotebookTests/Screenshots")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (page, shot) in [("index.html", "index"), ("01-pupil-popularity.html", "lesson")] {
            for dark in [false, true] {
                let name = "\(shot)-\(dark ? "dark" : "light").png"
                let png = dir.appendingPathComponent(name)
                try Browser.screenshot(Self.site.appendingPathComponent(page), width: 1000, height: 700, to: png, dark: dark)
                guard let share = try Browser.compareWithReference(png, reference: references.appendingPathComponent(name)) else { continue }
                XCTAssertLessThan(share, 0.01, "\(name): \(share * 100)% of the pixels differ from the reference")
            }
        }
    }
}

/// Python's http.server on a free loopback port, its access log kept.
final class LocalServer {
    let process = Process()
    let port: Int
    private let logFile: URL

    init(root: URL) throws {
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("server-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        port = Int.random(in: 20000...60000)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root.path]
        let handle = try FileHandle(forWritingTo: logFile)
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until it answers.
        for _ in 0..<50 {
            if (try? Browser.run("python3", ["-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:\(port)/')"]).status) == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Browser.Failure(description: "the test server did not start on port \(port)")
    }

    func log() -> String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// The logged requests answered with an HTTP status of 400 or more.
    func failedRequests() -> [Substring] {
        log().split(separator: "\n").filter { line in
            guard let status = line.split(separator: "\"").last?.split(separator: " ").first, let code = Int(status) else { return false }
            return code >= 400
        }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: logFile)
    }
}
