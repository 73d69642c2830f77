import Foundation

/// What each provided package holds in R, mlmd's own or not (PackageIndex/exports.tsv,
/// written by scripts/generate-package-index.R): library() computes its masking notices from it
/// as R does from the real packages, so a notice names `intersect` even where mlmd has no
/// dplyr::intersect of its own. Read on the first library() call, not at start-up.
struct PackageIndex {
    struct Object {
        /// The namespace the object comes from: two packages export the same object when both
        /// name the same home (re-exports), which R does not report as masking.
        let home: String
        let isFunction: Bool
    }

    /// Objects of each package's attached environment, by package and name.
    private(set) var exports: [String: [String: Object]] = [:]
    /// S3 methods each package's namespace registers.
    private(set) var s3Methods: [String: Set<String>] = [:]

    static let shared: PackageIndex = {
        guard let url = Bundle.module.url(forResource: "exports", withExtension: "tsv", subdirectory: "PackageIndex"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return PackageIndex() }
        return PackageIndex(tsv: text)
    }()

    init() {}

    init(tsv text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("package\t") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5 else { continue }
            let package = f[0], name = f[1]
            if f[2] == "s3" {
                s3Methods[package, default: []].insert(name)
            } else {
                exports[package, default: [:]][name] = Object(home: f[3].isEmpty ? package : f[3], isFunction: f[4] == "1")
            }
        }
    }
}
