/// What library(tidyverse) prints and does: a rule with the version, the core packages not yet
/// attached (ticked, in two columns), their attaching, then the conflicts among all attached
/// packages that involve a tidyverse package, as tidyverse 1.3.2 computes them.
enum TidyverseAttach {
    static let core = PackageIndex.tidyverseCore
    /// tidyverse_packages(): the packages its DESCRIPTION imports, itself included.
    static let members = Set(PackageIndex.tidyverseMembers)

    static func run(_ interp: Interpreter) throws {
        let toLoad = core.filter { !interp.isAttached($0) }
        guard !toLoad.isEmpty else { return }
        let width = interp.width
        // One start-up message for it all, as knitr shows it (a single block).
        var text = rule(left: "Attaching packages", right: "tidyverse \(RPackage.tidyverse.version)", width: width) + "\n"
        let nameWidth = toLoad.map(\.count).max() ?? 0
        let versions = toLoad.map { interp.namespaces[$0]?.package.version ?? "" }
        let versionWidth = versions.map(\.count).max() ?? 0
        var entries = zip(toLoad, versions).map { name, version in
            "\u{2714} " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + " "
                + version.padding(toLength: versionWidth, withPad: " ", startingAt: 0)
        }
        if entries.count % 2 == 1 { entries.append("") }
        let half = entries.count / 2
        let lines = (0..<half).map { entries[$0] + "     " + entries[half + $0] }
        text += lines.joined(separator: "\n") + "\n"
        for name in toLoad { try interp.attachQuietly(name) }
        let conflicts = conflictLines(interp)
        if !conflicts.isEmpty {
            text += rule(left: "Conflicts", right: "tidyverse_conflicts()", width: width) + "\n" + conflicts.joined(separator: "\n") + "\n"
        }
        try interp.signalPackageStartupMessage(text)
    }

    /// cli's rule: "── left ───…─── right ──" filling the console width.
    static func rule(left: String, right: String, width: Int) -> String {
        let fixed = "\u{2500}\u{2500} \(left) ".count + " \(right) \u{2500}\u{2500}".count
        return "\u{2500}\u{2500} \(left) " + String(repeating: "\u{2500}", count: max(width - fixed, 0)) + " \(right) \u{2500}\u{2500}"
    }

    /// tidyverse_conflicts(): names that more than one attached package exports, one of them a
    /// tidyverse package, where those packages' functions are not all the same function.
    static func conflictLines(_ interp: Interpreter) -> [String] {
        let index = PackageIndex.shared
        let packages = interp.searchPathNames.filter { $0.hasPrefix("package:") }.map { String($0.dropFirst("package:".count)) }
        // Only names more than one package exports can conflict.
        var holders: [String: [(package: String, object: PackageIndex.Object)]] = [:]
        for (name, all) in index.holders where !name.hasPrefix(".") {
            for package in packages {
                // tidyverse leaves out dplyr's set operations, which only add methods.
                if package == "dplyr" && ["intersect", "setdiff", "setequal", "union"].contains(name) { continue }
                if let object = all.first(where: { $0.package == package })?.object { holders[name, default: []].append((package, object)) }
            }
        }
        var found: [(name: String, packages: [String])] = []
        for (name, owners) in holders where owners.count > 1 && owners.contains(where: { members.contains($0.package) }) {
            let functions = owners.map(\.object).filter(\.isFunction)
            guard functions.count > 1, Set(functions.map(\.home)).count > 1 else { continue }
            found.append((name, owners.map(\.package)))
        }
        found.sort { Collation.compare($0.name, $1.name) < 0 }
        let winners = found.map { "\($0.packages[0])::\($0.name)()" }
        let winnerWidth = winners.map(\.count).max() ?? 0
        return zip(found, winners).map { conflict, winner in
            "\u{2716} " + winner.padding(toLength: winnerWidth, withPad: " ", startingAt: 0) + " masks "
                + conflict.packages.dropFirst().map { "\($0)::\(conflict.name)()" }.joined(separator: ", ")
        }
    }
}
