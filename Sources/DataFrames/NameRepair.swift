/// Column-name rules of the two R families: tidyverse's "unique" repair (readxl, readr,
/// tibble) and base R's make.names(unique = TRUE) (read.csv's check.names).
public enum NameRepair {
    /// vctrs' "unique" repair: an earlier "...N" suffix is dropped, then empty and duplicated
    /// names get "...j" with j their position; read_excel and read_csv name columns this way.
    public static func unique(_ names: [String?]) -> [String] {
        let stripped = names.map { stripPositionSuffix($0 ?? "") }
        var counts: [String: Int] = [:]
        for name in stripped where !name.isEmpty { counts[name, default: 0] += 1 }
        return stripped.enumerated().map { position, name in
            if name.isEmpty { return "...\(position + 1)" }
            if let count = counts[name], count > 1 { return "\(name)...\(position + 1)" }
            return name
        }
    }

    /// "x...3" -> "x", "...3" -> "", and the dot-dot names ("...", "..1") that R reserves -> "".
    private static func stripPositionSuffix(_ name: String) -> String {
        let bytes = Array(name.utf8)
        var end = bytes.count
        while end > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end - 1]) { end -= 1 }
        if end >= 3, bytes[end - 3] == 0x2E, bytes[end - 2] == 0x2E, bytes[end - 1] == 0x2E {
            // "...N" (or a bare "...") ends the name.
            return String(decoding: bytes[..<(end - 3)], as: UTF8.self)
        }
        if end == 2, bytes.count > 2, bytes[0] == 0x2E, bytes[1] == 0x2E { return "" }  // "..1"
        return name
    }

    private static let reserved: Set<String> = [
        "if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE", "NULL",
        "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "NA_complex_", "in",
    ]

    /// make.names: invalid characters become ".", a name not starting with a letter (or with
    /// a dot followed by a digit) gets "X" in front, reserved words get "." after.
    public static func makeName(_ name: String?) -> String {
        guard let name else { return "NA." }
        var out = String(name.map { c -> Character in
            c.isLetter || c.isNumber || c == "." || c == "_" ? c : "."
        })
        let chars = Array(out)
        let startsValid: Bool
        if let first = chars.first {
            if first == "." {
                startsValid = !(chars.count > 1 && chars[1].isASCII && chars[1].isNumber)
            } else {
                startsValid = first.isLetter
            }
        } else {
            startsValid = false
        }
        if !startsValid { out = "X" + out }
        if reserved.contains(out) { out += "." }
        return out
    }

    /// make.unique: later duplicates get ".1", ".2", ... skipping names already taken.
    public static func makeUnique(_ names: [String]) -> [String] {
        var taken = Set(names)
        var seen = Set<String>()
        var counters: [String: Int] = [:]
        return names.map { name in
            guard seen.contains(name) else { seen.insert(name); return name }
            var k = counters[name, default: 0]
            var candidate: String
            repeat {
                k += 1
                candidate = "\(name).\(k)"
            } while taken.contains(candidate)
            counters[name] = k
            taken.insert(candidate)
            return candidate
        }
    }

    /// read.table's check.names = TRUE.
    public static func makeNames(_ names: [String?]) -> [String] {
        makeUnique(names.map(makeName))
    }
}
