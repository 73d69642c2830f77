/// library()'s "The following objects are masked from ..." notices, computed as R's
/// checkConflicts does: for each other environment on the search path, the names both bind
/// (functions against functions, other objects against other objects) whose objects differ.
extension Interpreter {
    /// Names R never reports.
    private static let namesNotReported: Set<String> = [
        "last.dump", "last.warning", ".Last.value", ".Random.seed", ".Last.lib", ".onDetach",
        ".packageName", ".noGenerics", ".required", ".no_S3_generics", ".Depends", ".requireCachedGenerics",
    ]

    func announceMasking(by env: Environment, package: String) throws {
        let index = PackageIndex.shared
        var announced = false
        let positions: [(label: String, env: Environment)] = [(".GlobalEnv", globalEnv)]
            + searchPathEnvironments.map { ($0 === baseEnv ? "package:base" : $0.name ?? "", $0) }
        for (k, position) in positions.enumerated() where position.env !== env && position.label != "Autoloads" {
            var masked: [String]
            if position.env === globalEnv {
                // An object of the user's own is never identical to a package's.
                let names = globalEnv.names
                guard !names.isEmpty else { continue }
                masked = names.filter { name in
                    guard let object = index.export(name, of: package) else { return false }
                    var isFunction = false
                    if case .value(let v)? = globalEnv.binding(name) { isFunction = v.isFunction }
                    return isFunction == object.isFunction
                }
            } else {
                let other = String(position.label.dropFirst("package:".count))
                masked = index.holders.compactMap { name, holders -> String? in
                    guard let mine = holders.first(where: { $0.package == package })?.object,
                          let theirs = holders.first(where: { $0.package == other })?.object,
                          theirs.isFunction == mine.isFunction, theirs.home != mine.home else { return nil }
                    return name
                }
            }
            masked.removeAll { Self.namesNotReported.contains($0) || $0.hasPrefix(".__") }
            masked.sort { Collation.compare($0, $1) < 0 }
            guard !masked.isEmpty else { continue }
            if !announced {
                announced = true
                try signalPackageStartupMessage("\nAttaching package: \(Quotes.single(package))\n\n")
            }
            // The global environment comes before the new package: its objects mask the package's.
            let by = k == 0
            let verb = masked.count == 1 ? "The following object is masked" : "The following objects are masked"
            let list = Self.wrapNames(masked.joined(separator: ", "), width: Int(0.9 * Double(width)), indent: 4)
            try signalPackageStartupMessage("\(verb) \(by ? "_by_" : "from") \(Quotes.single(position.label)):\n\n\(list)\n\n")
        }
    }

    /// R's strwrap of one paragraph with equal indent and exdent: a line takes words while their
    /// lengths, each plus one, add up to at most width - indent - 1.
    static func wrapNames(_ text: String, width: Int, indent: Int) -> String {
        let words = text.split(separator: " ").map(String.init)
        var lines: [String] = []
        var line: [String] = []
        var used = 0
        for word in words {
            let cost = word.count + 1
            if !line.isEmpty && used + cost > width - indent - 1 {
                lines.append(line.joined(separator: " "))
                line = []
                used = 0
            }
            line.append(word)
            used += cost
        }
        if !line.isEmpty { lines.append(line.joined(separator: " ")) }
        let pad = String(repeating: " ", count: indent)
        return lines.map { pad + $0 }.joined(separator: "\n")
    }
}
