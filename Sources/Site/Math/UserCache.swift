import Foundation

/// mlmd's files in the user's cache folder (`$XDG_CACHE_HOME/mlmd`, else `~/.cache/mlmd`):
/// KaTeX compiled for Duktape, and formulas KaTeX rendered. Everything there can be made again;
/// a folder that cannot be written only makes builds slower.
///
/// A file holds a header naming its kind, a checksum and the payload. One whose header or
/// checksum does not match is ignored, so a damaged file is never trusted (Duktape is never
/// handed broken bytecode). Files are written through a temporary name and a rename.
enum UserCache {
    static let folder: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return URL(fileURLWithPath: xdg).appendingPathComponent("mlmd") }
        if let home = environment["HOME"], home.hasPrefix("/") { return URL(fileURLWithPath: home).appendingPathComponent(".cache/mlmd") }
        return nil
    }()

    private static func header(_ kind: String) -> Data { Data("mlmd-\(kind)-1\n".utf8) }

    static func read(_ file: URL, kind: String) -> Data? {
        let magic = header(kind)
        guard let data = FileManager.default.contents(atPath: file.path), data.count >= magic.count + 8,
              data.prefix(magic.count) == magic else { return nil }
        let sumStart = data.startIndex + magic.count
        let stored = data[sumStart..<(sumStart + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let payload = data[(sumStart + 8)...]
        return fnv1a(payload) == stored ? Data(payload) : nil
    }

    static func write(_ payload: Data, to file: URL, kind: String) {
        guard (try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)) != nil else { return }
        let sum = fnv1a(payload)
        var data = header(kind)
        data.append(contentsOf: (0..<8).reversed().map { UInt8(truncatingIfNeeded: sum >> (8 * UInt64($0))) })
        data.append(payload)
        try? AtomicDirectory.writeFile(data, to: file)
    }
}

/// FNV-1a, 64 bits: a checksum and cache key, not a defence against anyone.
func fnv1a<D: DataProtocol>(_ bytes: D) -> UInt64 {
    var h: UInt64 = 0xcbf29ce484222325
    for region in bytes.regions {
        for b in region { h = (h ^ UInt64(b)) &* 0x100000001b3 }
    }
    return h
}
