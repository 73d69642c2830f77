/// Which cell styles (indices into <cellXfs>) show numbers as dates, following readxl's
/// isDateTime and isDateFormat, since readxl decides "date" from the style alone.
enum Styles {
    static func dateStyleIndices(_ tree: XMLTree) -> Set<Int> {
        guard let styleSheet = tree.root, styleSheet.isNamed("styleSheet") else { return [] }
        var customDates = Set<Int>()
        for format in styleSheet.firstChild(named: "numFmts")?.children(named: "numFmt") ?? [] {
            guard let id = format.attribute("numFmtId").flatMap(Int.init),
                  let code = format.attribute("formatCode") else { continue }
            if isDateFormat(code) { customDates.insert(id) }
        }
        var result = Set<Int>()
        let records = styleSheet.firstChild(named: "cellXfs")?.children(named: "xf") ?? []
        for (index, record) in records.enumerated() {
            if let id = record.attribute("numFmtId").flatMap(Int.init), isDateTime(id, custom: customDates) {
                result.insert(index)
            }
        }
        return result
    }

    /// Built-in date and time formats of ECMA-376 18.8.30; ids below 164 are built in, so a
    /// custom definition only counts from 164 on.
    static func isDateTime(_ id: Int, custom: Set<Int>) -> Bool {
        switch id {
        case 14...22, 27...36, 45...47, 50...58, 71...81: return true
        case ..<164: return false
        default: return custom.contains(id)
        }
    }

    /// A format code is a date when it has d, h, m, s or y outside quotes and brackets
    /// ("[Red]", "[$-409]"); `\x` and `_x` hide the next character. A "G" with six or more
    /// characters after it ends the scan as "not a date": that is what readxl's check for
    /// "General" amounts to, so it is kept.
    static func isDateFormat(_ code: String) -> Bool {
        let x = Array(code.utf8)
        var escaped = false
        var bracket = false
        var i = 0
        while i < x.count {
            switch x[i] {
            case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "h"), UInt8(ascii: "H"),
                 UInt8(ascii: "m"), UInt8(ascii: "M"), UInt8(ascii: "s"), UInt8(ascii: "S"),
                 UInt8(ascii: "y"), UInt8(ascii: "Y"):
                if !escaped && !bracket { return true }
            case UInt8(ascii: "g"), UInt8(ascii: "G"):
                if i + 6 < x.count { return false }
            case UInt8(ascii: "\""): escaped.toggle()
            case UInt8(ascii: "\\"), UInt8(ascii: "_"): i += 1
            case UInt8(ascii: "["): if !escaped { bracket = true }
            case UInt8(ascii: "]"): if !escaped { bracket = false }
            default: break
            }
            i += 1
        }
        return false
    }
}
