import Foundation
import ZIPFoundation

/// The zip container of a workbook: opens it and hands out its parts as bytes.
struct XLSXPackage {
    let path: String
    private let archive: Archive

    /// Opens `path`, failing with readxl's words when it is missing or not a readable zip.
    init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataReadError(.fileNotFound, path: path, message: "`path` does not exist: \u{2018}\(path)\u{2019}")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXPackage.cannotOpen(path)
        }
    }

    /// R's unzip() wording for a file that is not a zip, is truncated or has a corrupt member.
    static func cannotOpen(_ path: String) -> DataReadError {
        DataReadError(.unreadable, path: path, message: "zip file '\(path)' cannot be opened")
    }

    func contains(_ part: String) -> Bool { archive[part] != nil }

    /// The bytes of a part, or nil when the package has no such part.
    func data(_ part: String) throws -> Data? {
        guard let entry = archive[part] else { return nil }
        // A declared size guards against zip bombs only loosely; a sheet beyond 2 GiB is also
        // beyond what libxml2's in-memory parser takes, so refuse it here.
        guard entry.uncompressedSize < UInt64(Int32.max) else { throw XLSXPackage.cannotOpen(path) }
        var bytes = Data()
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in bytes.append(chunk) }
        } catch {
            throw XLSXPackage.cannotOpen(path)
        }
        return bytes
    }

    /// A part that must exist, with readxl's message when it does not.
    func requiredData(_ part: String) throws -> Data {
        guard let bytes = try data(part) else {
            throw DataReadError(.malformed, path: path, message: "Couldn't find '\(part)' in '\(path)'")
        }
        return bytes
    }

    /// Parses a part as XML, with a readxl-style message when it is not XML.
    func xml(_ part: String) throws -> XMLTree? {
        guard let bytes = try data(part) else { return nil }
        guard let tree = XMLTree(data: bytes) else {
            throw DataReadError(.malformed, path: path, message: "Invalid xml in '\(part)'")
        }
        return tree
    }
}
