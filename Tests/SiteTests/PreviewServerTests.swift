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

/// The server over a real loopback socket: HEAD, links out of the site.
final class PreviewServerSocketTests: XCTestCase {
    func testHeadAnswersWithTheHeadersOfGet() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-head-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "<html><body><p>Hello</p></body></html>".write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let server = PreviewServer(siteDirectory: site, port: 0)
        try server.start()
        let port = UInt16(server.port)
        let get = try XCTUnwrap(Self.request(port, "GET /index.html HTTP/1.0\r\n\r\n"))
        let head = try XCTUnwrap(Self.request(port, "HEAD /index.html HTTP/1.0\r\n\r\n"))
        XCTAssertEqual(head.head, get.head)
        XCTAssertTrue(head.head.contains("Content-Length: \(get.body.utf8.count)"), head.head)
        XCTAssertEqual(head.body, "")
    }

    func testLinksLeadingOutOfTheSiteAreNotFollowed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-link-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("inner"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try "page".write(to: site.appendingPathComponent("inner/page.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("secret.txt").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("up").path, withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("alias.txt").path, withDestinationPath: "inner/page.txt")
        let server = PreviewServer(siteDirectory: site, port: 0)
        for path in ["/passwd", "/secret.txt", "/up/secret.txt", "/inner", "/inner/"] {
            XCTAssertEqual(server.response(for: path).status, 404, path)
        }
        // A link that stays inside the site is served.
        XCTAssertEqual(String(decoding: server.response(for: "/alias.txt").body, as: UTF8.self), "page")
    }

    static func request(_ port: UInt16, _ text: String) -> (head: String, body: String)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { return nil }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let whole = String(decoding: data, as: UTF8.self)
        guard let split = whole.range(of: "\r\n\r\n") else { return nil }
        return (String(whole[..<split.lowerBound]), String(whole[split.upperBound...]))
    }
}
