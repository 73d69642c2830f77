import Foundation

/// Reads delimited text files the way R's read.table family or readr's read_delim family do,
/// parsing the bytes in place (no line splitting into Strings).
public enum CSVReader {
    /// read.table / read.csv / read.delim (stringsAsFactors is left to the caller).
    public static func read(path: String, options: ReadTableOptions) throws -> Table {
        let data = try load(path, missing: "cannot open file '\(path)': No such file or directory")
        return try read(data: data, name: path, options: options)
    }

    /// read_delim / read_csv / read_tsv.
    public static func read(path: String, options: ReadrOptions) throws -> Table {
        let cwd = FileManager.default.currentDirectoryPath
        let message = path.hasPrefix("/") ? "'\(path)' does not exist."
            : "'\(path)' does not exist in current working directory ('\(cwd)')."
        let data = try load(path, missing: message)
        return try read(data: data, name: path, options: options)
    }

    /// Reads text already in memory (R's `text =` argument); `name` is used in messages.
    public static func read(data: Data, name: String, options: ReadTableOptions) throws -> Table {
        try data.withUnsafeBytes { raw in
            try BaseRTableReader(bytes: raw.bindMemory(to: UInt8.self), name: name, options: options).read()
        }
    }

    public static func read(data: Data, name: String, options: ReadrOptions) throws -> Table {
        try data.withUnsafeBytes { raw in
            try ReadrTableReader(bytes: raw.bindMemory(to: UInt8.self), name: name, options: options).read()
        }
    }

    private static func load(_ path: String, missing: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DataReadError(.fileNotFound, path: path, message: missing)
        }
        do {
            // Mapping spares a copy of large files; the bytes are only read.
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw DataReadError(.unreadable, path: path, message: "cannot open file '\(path)': \(error.localizedDescription)")
        }
    }

    /// Fails with the line of the first byte that is not UTF-8.
    static func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws {
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            let line = UTF8Validation.line(of: bad, in: bytes)
            throw DataReadError(.invalidUTF8, path: name, message: "invalid UTF-8 in \(name) at line \(line)", line: line)
        }
    }

    /// A one-byte separator or comment option, with scan's message otherwise ("" is none).
    static func singleByte(_ s: String, option: String, name: String) throws -> UInt8? {
        guard !s.isEmpty else { return nil }
        let bytes = Array(s.utf8)
        guard bytes.count == 1 else {
            throw DataReadError(.invalidArgument, path: name, message: "invalid '\(option)' value: must be one byte")
        }
        return bytes[0]
    }
}
