import Foundation

/// What each provided package holds in R, mlmd's own or not (PackageIndexTables.swift, written
/// by scripts/generate-package-index.R): library() computes its masking notices from it as R
/// does from the real packages, so a notice names `intersect` even where mlmd has no
/// dplyr::intersect of its own.
///
/// The first library() of every session reads it, so it must cost little next to knitting a
/// notebook: the tables are compiled in; the shared rows (the few hundred objects more than one
/// package exports, all that package-to-package notices compare) are read whole, the full table
/// only by the rows of the package asked for.
struct PackageIndex {
    struct Object {
        /// The namespace the object comes from: two packages export the same object when both
        /// name the same home (re-exports), which R does not report as masking.
        let home: String
        let isFunction: Bool
    }

    /// For each name more than one package exports, the packages that do and their objects.
    private(set) var holders: [String: [(package: String, object: Object)]] = [:]

    static let shared = PackageIndex()

    private init() {
        Self.forEachRow(Self.bytes(Self.sharedRows)) { _, fields in
            guard fields[2] == "export" else { return }
            holders[fields[1], default: []].append((fields[0], Object(fields, package: fields[0])))
        }
    }

    /// A compiled-in table's bytes, not copied.
    private static func bytes(_ table: StaticString) -> Data {
        Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: table.utf8Start), count: table.utf8CodeUnitCount, deallocator: .none)
    }

    /// Everything a package's attached environment holds in R (ls("package:name")).
    func exports(of package: String) -> [String: Object] {
        var result: [String: Object] = [:]
        rows(of: package) { fields in
            if fields[2] == "export" { result[fields[1]] = Object(fields, package: package) }
        }
        return result
    }

    /// The object a package's attached environment binds to `name` in R, if any; looks at that
    /// one row only (library() asks this for each name in the global environment).
    func export(_ name: String, of package: String) -> Object? {
        guard let table = Self.exportRows[package].map(Self.bytes) else { return nil }
        let needle = Data("\(package)\t\(name)\texport\t".utf8)
        var from = 0
        while let found = table.range(of: needle, in: from..<table.count) {
            // A match must start a line.
            if found.lowerBound == 0 || table[found.lowerBound - 1] == UInt8(ascii: "\n") {
                var end = found.upperBound
                while end < table.count && table[end] != UInt8(ascii: "\n") { end += 1 }
                let rest = String(decoding: table[found.upperBound..<end], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
                guard rest.count == 2 else { return nil }
                return Object(home: rest[0].isEmpty ? package : String(rest[0]), isFunction: rest[1] == "1")
            }
            from = found.upperBound
        }
        return nil
    }

    /// The S3 methods a package's namespace registers in R.
    func s3Methods(of package: String) -> Set<String> {
        var result = Set<String>()
        rows(of: package) { fields in if fields[2] == "s3" { result.insert(fields[1]) } }
        return result
    }

    private func rows(of package: String, _ body: ([String]) -> Void) {
        guard let table = Self.exportRows[package] else { return }
        Self.forEachRow(Self.bytes(table)) { _, fields in body(fields) }
    }

    /// Calls `body` with each data row's byte range and its five fields (package, name, kind,
    /// home, isfun); comment and header lines are skipped.
    private static func forEachRow(_ data: Data, _ body: (Range<Int>, [String]) -> Void) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
            var start = 0
            var fields: [String] = []
            fields.reserveCapacity(5)
            for i in 0...bytes.count where i == bytes.count || bytes[i] == newline {
                let line = start..<i
                start = i + 1
                guard !line.isEmpty, bytes[line.lowerBound] != UInt8(ascii: "#") else { continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = line.lowerBound
                for j in line.lowerBound...line.upperBound where j == line.upperBound || bytes[j] == tab {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<j]), as: UTF8.self))
                    fieldStart = j + 1
                }
                guard fields.count == 5, fields[0] != "package" else { continue }
                body(line, fields)
            }
        }
    }
}

private extension PackageIndex.Object {
    init(_ fields: [String], package: String) {
        self.init(home: fields[3].isEmpty ? package : fields[3], isFunction: fields[4] == "1")
    }
}
