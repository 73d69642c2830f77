import Foundation
import Notebook

/// Knitted notebooks kept between builds, so that rebuilding a site reruns only the notebooks
/// whose inputs changed: an entry is found by a hash of the notebook's source and the mlmd
/// program itself (its version, size and modification time), and is used only while every file
/// the notebook read when it last ran (the interpreter records them) still has the same
/// contents. Entries are written through a temporary file and a rename, so an interrupted build
/// or two builds at once never leave a torn entry; a damaged entry is ignored and rebuilt.
public struct KnitCache {
    public let directory: URL
    let programHash: UInt64

    /// A knitted notebook: its Markdown and figures, stored as parts "<bytes> <name>\n<bytes>"
    /// after a header line (plain bytes, so large SVGs need no escaping or parsing).
    struct Entry {
        let markdown: String
        let figures: [Figure]
        /// Each file the notebook read, with its fingerprint then.
        var inputs: [(path: String, fingerprint: String)] = []

        static let header = Data("mlmd-knit-cache 1\n".utf8)

        var encoded: Data {
            var out = Self.header
            let parts = [("markdown", markdown)] + inputs.map { ("input \($0.path)", $0.fingerprint) } + figures.map { ($0.path, $0.svg) }
            for (name, text) in parts {
                let bytes = Data(text.utf8)
                out.append(Data("\(bytes.count) \(name)\n".utf8))
                out.append(bytes)
            }
            return out
        }

        init(markdown: String, figures: [Figure], inputs: [(path: String, fingerprint: String)]) {
            self.markdown = markdown
            self.figures = figures
            self.inputs = inputs
        }

        /// Nil for anything but a complete, well-formed entry.
        init?(_ data: Data) {
            guard data.starts(with: Self.header) else { return nil }
            var position = data.startIndex + Self.header.count
            var parts: [(String, String)] = []
            while position < data.endIndex {
                guard let newline = data[position...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
                let line = String(decoding: data[position..<newline], as: UTF8.self)
                guard let space = line.firstIndex(of: " "), let count = Int(line[..<space]), count >= 0,
                      newline + 1 + count <= data.endIndex else { return nil }
                let body = data[(newline + 1)..<(newline + 1 + count)]
                parts.append((String(line[line.index(after: space)...]), String(decoding: body, as: UTF8.self)))
                position = newline + 1 + count
            }
            guard let first = parts.first, first.0 == "markdown" else { return nil }
            markdown = first.1
            let rest = parts.dropFirst()
            inputs = rest.filter { $0.0.hasPrefix("input ") }.map { (String($0.0.dropFirst(6)), $0.1) }
            figures = rest.filter { !$0.0.hasPrefix("input ") }.map { Figure(path: $0.0, svg: $0.1) }
        }
    }

    /// The cache for the notebooks in `notebooksDirectory`, in `.mlmd-cache` beside that folder.
    public init(notebooksDirectory: URL, generator: String) {
        directory = notebooksDirectory.deletingLastPathComponent().appendingPathComponent(".mlmd-cache")
        var hash = FNV1a()
        hash.add(generator)
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path) {
            hash.add("\(attributes[.size] ?? 0) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        programHash = hash.value
    }

    /// A file's contents as a hash ("missing" when it does not exist).
    static func fingerprint(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "missing" }
        var hash = FNV1a()
        hash.add(data)
        return String(format: "%016llx", hash.value)
    }

    func key(for notebook: URL) throws -> String {
        var hash = FNV1a()
        hash.add(programHash)
        hash.add(notebook.lastPathComponent)
        hash.add(try Data(contentsOf: notebook))
        return String(format: "%016llx", hash.value)
    }

    /// The cached knit of the notebook, if its inputs are unchanged.
    func lookup(_ notebook: URL) -> Entry? {
        guard let key = try? key(for: notebook),
              let data = try? Data(contentsOf: directory.appendingPathComponent("\(key).knit")),
              let entry = Entry(data) else { return nil }
        // Stale once any file it read has changed.
        return entry.inputs.allSatisfy { Self.fingerprint($0.path) == $0.fingerprint } ? entry : nil
    }

    func store(_ document: KnittedDocument, for notebook: URL) {
        guard let key = try? key(for: notebook) else { return }
        let entry = Entry(markdown: document.markdown, figures: document.figures,
                          inputs: document.inputs.map { ($0, Self.fingerprint($0)) })
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // A cache that cannot be written only makes the next build slower.
        try? AtomicDirectory.writeFile(entry.encoded, to: directory.appendingPathComponent("\(key).knit"))
    }

    /// Regular files under a folder, hidden ones left out, in a stable order.
    static func files(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var out: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            out.append(url)
        }
        return out.sorted { $0.path < $1.path }
    }
}

/// 64-bit FNV-1a: a fast hash for noticing changed inputs (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        for byte in data {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        add(UInt64(data.count))
    }

    mutating func add(_ string: String) { add(Data(string.utf8)) }

    mutating func add(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            value ^= (number >> UInt64(shift)) & 0xff
            value = value &* 0x0000_0100_0000_01b3
        }
    }
}
