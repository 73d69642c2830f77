import XCTest
@testable import Site

/// What `mlmd serve` answers, without a network.
final class PreviewServerTests: XCTestCase {
    var site: URL!

    override func setUpWithError() throws {
        site = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-serve-\(UUID().uuidString)/site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("figures"), withIntermediateDirectories: true)
        try "<html><body><p>Hi</p></body></html>".write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "<svg/>".write(to: site.appendingPathComponent("figures/a.svg"), atomically: true, encoding: .utf8)
        try "secret".write(to: site.deletingLastPathComponent().appendingPathComponent("outside.txt"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: site.deletingLastPathComponent())
    }

    func testPagesGetTheReloadScriptAndFilesTheirTypes() {
        let server = PreviewServer(siteDirectory: site, port: 0)
        let page = server.response(for: "/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.type, "text/html; charset=utf-8")
        let html = String(decoding: page.body, as: UTF8.self)
        XCTAssertTrue(html.contains("fetch(\"/__mlmd/generation\"") && html.hasSuffix("</script>\n</body></html>"), html)
        let figure = server.response(for: "/figures/a.svg?x=1")
        XCTAssertEqual(figure.status, 200)
        XCTAssertEqual(figure.type, "image/svg+xml")
        XCTAssertEqual(String(decoding: figure.body, as: UTF8.self), "<svg/>")
    }

    func testGenerationCountsRebuilds() {
        let server = PreviewServer(siteDirectory: site, port: 0)
        XCTAssertEqual(String(decoding: server.response(for: "/__mlmd/generation").body, as: UTF8.self), "0")
        server.generation += 1
        XCTAssertEqual(String(decoding: server.response(for: "/__mlmd/generation").body, as: UTF8.self), "1")
    }

    func testNothingOutsideTheSiteIsServed() {
        let server = PreviewServer(siteDirectory: site, port: 0)
        for path in ["/../outside.txt", "/figures/../../outside.txt", "/%2e%2e/outside.txt", "/missing.html"] {
            XCTAssertEqual(server.response(for: path).status, 404, path)
        }
    }
}
