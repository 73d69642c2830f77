import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `mlmd serve`: the built site over HTTP on 127.0.0.1 for an author at work. Files come from
/// the site folder (never from outside it); HTML pages get a few lines of script that ask
/// `/__mlmd/generation` every second and reload the page when a rebuild finished.
public final class PreviewServer {
    public let siteDirectory: URL
    public private(set) var port: Int
    private var listener: Int32 = -1
    private let lock = NSLock()
    private var generationNumber = 0

    public init(siteDirectory: URL, port: Int) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.port = port
    }

    /// Counts finished builds; pages reload when it moves.
    public var generation: Int {
        get { lock.lock(); defer { lock.unlock() }; return generationNumber }
        set { lock.lock(); generationNumber = newValue; lock.unlock() }
    }

    public struct Failure: Error, CustomStringConvertible { public let description: String }

    /// Binds the port (0 picks a free one) and serves on a background thread.
    public func start() throws {
        guard (0...65535).contains(port) else { throw Failure(description: "port \(port) is not between 0 and 65535") }
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw Failure(description: "cannot open a socket") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw Failure(description: "cannot listen on 127.0.0.1:\(port) (\(String(cString: strerror(errno))))")
        }
        var actual = sockaddr_in(), length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        port = Int(UInt16(bigEndian: actual.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { if errno == EINTR { continue } else { return } }
            // A client that connects and sends nothing, or stops reading, is dropped after
            // a few seconds rather than holding its thread for ever.
            var idle = timeval(tv_sec: Self.idleTimeoutSeconds, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &idle, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &idle, socklen_t(MemoryLayout<timeval>.size))
            let thread = Thread { [self] in
                handle(client)
                close(client)
            }
            thread.start()
        }
    }

    private func handle(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = read(client, &buffer, buffer.count)
        guard count > 0 else { return }
        let request = String(decoding: buffer[0..<count], as: UTF8.self)
        let parts = request.split(separator: "\r\n").first?.split(separator: " ") ?? []
        guard parts.count >= 2, parts[0] == "GET" || parts[0] == "HEAD" else { return respond(client, 405, "text/plain", Data("method not allowed\n".utf8)) }
        let response = self.response(for: String(parts[1]))
        // HEAD answers with the headers GET would send, Content-Length included.
        respond(client, response.status, response.type, response.body, sendBody: parts[0] == "GET")
    }

    static let idleTimeoutSeconds = 5

    /// What a GET of `target` returns: status, content type and body.
    public func response(for target: String) -> (status: Int, type: String, body: Data) {
        var path = String(target.split(separator: "?", maxSplits: 1).first ?? "/")
        path = path.removingPercentEncoding ?? path
        if path == "/__mlmd/generation" { return (200, "text/plain", Data("\(generation)".utf8)) }
        if path.hasSuffix("/") { path += "index.html" }
        let file = siteDirectory.appendingPathComponent(String(path.drop { $0 == "/" })).standardizedFileURL
        // Nothing outside the site folder, whatever the path says and wherever a symbolic link
        // inside it points: the path is checked after links are resolved, and only regular
        // files are served.
        guard file.path.hasPrefix(siteDirectory.path + "/"), let root = Self.realPath(siteDirectory.path),
              let real = Self.realPath(file.path), real.hasPrefix(root + "/"), Self.isRegularFile(real),
              let data = FileManager.default.contents(atPath: real) else {
            return (404, "text/plain", Data("not found\n".utf8))
        }
        let type = Self.contentTypes[file.pathExtension.lowercased()] ?? "application/octet-stream"
        guard type.hasPrefix("text/html") else { return (200, type, data) }
        let page = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</body>", with: Self.reloadScript(generation) + "</body>")
        return (200, type, Data(page.utf8))
    }

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "json": "application/json", "txt": "text/plain; charset=utf-8",
    ]

    static func reloadScript(_ generation: Int) -> String {
        """
        <script>
        (function () {
          var seen = "\(generation)";
          setInterval(function () {
            fetch("/__mlmd/generation", { cache: "no-store" }).then(function (r) { return r.text(); })
              .then(function (now) { if (now !== seen) { location.reload(); } }).catch(function () {});
          }, 1000);
        })();
        </script>

        """
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private func respond(_ client: Int32, _ status: Int, _ type: String, _ body: Data, sendBody: Bool = true) {
        let reason = [200: "OK", 404: "Not Found", 405: "Method Not Allowed"][status] ?? "OK"
        var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        var bytes = Data(head.utf8)
        if sendBody { bytes.append(body) }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(client, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// Notices changes in the notebooks folder: names, sizes and modification times of its files.
public struct FolderFingerprint: Equatable {
    let entries: [String]

    public init(_ directory: URL) {
        entries = KnitCache.files(under: directory).map { url in
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(url.path) \(size) \(modified)"
        }
    }
}
