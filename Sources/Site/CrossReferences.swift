/// Quarto's cross-references within a page: figures, tables and display equations carry
/// labels (`fig-...`, `tbl-...`, `eq-...`) and numbers in page order, and the prose cites them
/// as `@fig-scatter`, which becomes a link reading "Figure 1".
struct CrossReferences {
    private(set) var numbers: [String: Int] = [:]
    private var counts: [String: Int] = [:]

    static let names = ["fig": "Figure", "tbl": "Table", "eq": "Equation"]

    /// The kind of a label ("fig", "tbl", "eq"), or nil for a label that is not a cross-reference.
    static func kind(_ label: String) -> String? {
        guard let dash = label.firstIndex(of: "-"), label.index(after: dash) < label.endIndex else { return nil }
        let kind = String(label[..<dash])
        return names[kind] == nil ? nil : kind
    }

    /// The next number of a kind, given to `label` when there is one.
    mutating func number(_ kind: String, label: String?) -> Int {
        let n = (counts[kind] ?? 0) + 1
        counts[kind] = n
        if let label { numbers[label] = n }
        return n
    }

    /// `Figure 1`, `Table 2`, `Equation 3`.
    func title(_ label: String) -> String? {
        guard let kind = Self.kind(label), let n = numbers[label], let name = Self.names[kind] else { return nil }
        return "\(name)\u{a0}\(n)"
    }

    /// The citations `@fig-x`, `@tbl-x`, `@eq-x` in a text: not after a letter or digit (an
    /// e-mail address), a label being letters, digits, `-` and `_`, not ending in `-`.
    static func citations(in text: String) -> [(range: Range<String.Index>, label: String)] {
        guard text.contains("@") else { return [] }
        var found: [(Range<String.Index>, String)] = []
        var i = text.startIndex
        while let at = text[i...].firstIndex(of: "@") {
            let previous = at > text.startIndex ? text[text.index(before: at)] : " "
            var end = text.index(after: at)
            while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "-" || text[end] == "_" { end = text.index(after: end) }
            var label = String(text[text.index(after: at)..<end])
            while label.hasSuffix("-") {
                label.removeLast()
                end = text.index(before: end)
            }
            if !(previous.isLetter || previous.isNumber), kind(label) != nil {
                found.append((at..<end, label))
            }
            i = end > at ? end : text.index(after: at)
        }
        return found
    }

    /// A caption's trailing `{#label}` (pandoc's attribute syntax), split off.
    static func trailingLabel(_ caption: String) -> (caption: String, label: String?) {
        let trimmed = caption.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return (caption, nil) }
        let label = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        guard !label.isEmpty, !label.contains(" "), kind(label) != nil else { return (caption, nil) }
        return (String(trimmed[..<open.lowerBound]).trimmingCharacters(in: .whitespaces), label)
    }
}
