import CLibXML2
import Foundation

/// readxl's cell types, ordered so that a column's type is the largest type among its cells.
enum CellKind: Int, Comparable {
    case unknown, blank, logical, date, numeric, text

    static func < (a: CellKind, b: CellKind) -> Bool { a.rawValue < b.rawValue }
}

/// The strings read_excel treats as missing, compared after trimming when trim_ws is set.
struct NAStrings {
    private let set: Set<String>
    private let onlyEmpty: Bool
    let trimWS: Bool

    init(_ strings: [String], trimWS: Bool) {
        set = Set(strings)
        onlyEmpty = set == [""]
        self.trimWS = trimWS
    }

    func contains(_ s: String) -> Bool {
        set.contains(trimWS ? trimSpacesAndTabs(s) : s)
    }

    /// The same test on a C string, without building a String in the usual case (na = "").
    func contains(cString p: UnsafePointer<UInt8>) -> Bool {
        if set.isEmpty { return false }
        if onlyEmpty {
            var i = 0
            while trimWS && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
            return p[i] == 0
        }
        return contains(String(cString: p))
    }
}

/// readxl trims only spaces and tabs.
func trimSpacesAndTabs(_ s: String) -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = s.firstIndex(where: { !isBlank($0) }),
          let last = s.lastIndex(where: { !isBlank($0) }) else { return "" }
    return String(s[first...last])
}

/// Reads cells the way readxl's XlsxCell does: classifies each by its `t` attribute, style and
/// content, and converts it to what a column of a given type holds.
struct CellReader {
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let is1904: Bool
    let na: NAStrings

    private enum Declared { case none, number, sharedString, inlineString, boolean, isoDate, error, formulaString, other }

    private func declared(_ node: XMLNode) -> Declared {
        guard let t = node.attributeBytes("t") else { return .none }
        if cStringEquals(t, "n") { return .number }
        if cStringEquals(t, "s") { return .sharedString }
        if cStringEquals(t, "inlineStr") { return .inlineString }
        if cStringEquals(t, "b") { return .boolean }
        if cStringEquals(t, "str") { return .formulaString }
        if cStringEquals(t, "d") { return .isoDate }
        if cStringEquals(t, "e") { return .error }
        return .other
    }

    private func sharedString(_ v: XMLNode?) -> String? {
        guard let bytes = v?.textBytes else { return nil }
        let id = atoi(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
        guard id >= 0, Int(id) < sharedStrings.count else { return nil }
        return sharedStrings[Int(id)]
    }

    /// The cell's type (readxl's inferType). A shim (a cell added to fill a range) is blank.
    func kind(_ cell: xmlNodePtr?) -> CellKind {
        guard let cell else { return .blank }
        let node = XMLNode(cell)
        let t = declared(node)
        if t == .inlineString {
            guard let s = node.firstChild(named: "is").flatMap(SharedStrings.richString) else { return .blank }
            return na.contains(s) ? .blank : .text
        }
        let v = node.firstChild(named: "v")
        if t == .sharedString {
            // A missing or out-of-range index: readxl fails or warns; here the cell is empty.
            guard let s = sharedString(v) else { return .blank }
            return na.contains(s) ? .blank : .text
        }
        guard let valueBytes = v?.textBytes ?? v.map({ _ in ("" as StaticString).utf8Start }) else { return .blank }
        if na.contains(cString: valueBytes) { return .blank }
        switch t {
        case .none, .number:
            guard let style = node.attributeBytes("s") else { return .numeric }
            let index = Int(atoi(UnsafeRawPointer(style).assumingMemoryBound(to: CChar.self)))
            return dateStyles.contains(index) ? .date : .numeric
        case .boolean: return .logical
        case .isoDate, .formulaString: return .text
        case .error: return .blank
        case .other: return .unknown
        case .sharedString, .inlineString: return .blank  // handled above
        }
    }

    private func valueBytes(_ cell: xmlNodePtr) -> UnsafePointer<UInt8>? {
        XMLNode(cell).firstChild(named: "v")?.textBytes
    }

    private func number(_ cell: xmlNodePtr) -> Double? {
        guard let bytes = valueBytes(cell) else { return nil }
        return strtod(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self), nil)
    }

    /// asCharSxp: the text a character column gets; an empty result is NA.
    func text(_ cell: xmlNodePtr?, kind: CellKind) -> String? {
        guard let cell else { return nil }
        let node = XMLNode(cell)
        let out: String
        switch kind {
        case .unknown, .blank:
            return nil
        case .logical:
            guard let bytes = valueBytes(cell) else { return nil }
            out = atoi(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self)) != 0 ? "TRUE" : "FALSE"
        case .date, .numeric:
            // readxl keeps the number as written in the file, not R's formatting of it.
            guard let bytes = valueBytes(cell) else { return nil }
            out = String(cString: bytes)
        case .text:
            let raw: String?
            switch declared(node) {
            case .inlineString: raw = node.firstChild(named: "is").flatMap(SharedStrings.richString)
            case .sharedString: raw = sharedString(node.firstChild(named: "v"))
            default: raw = node.firstChild(named: "v")?.text
            }
            guard let raw else { return nil }
            out = na.trimWS ? trimSpacesAndTabs(raw) : raw
        }
        return out.isEmpty ? nil : out
    }

    /// asLogical: numbers count as TRUE when their integer part (C's atoi) is non-zero.
    func logical(_ cell: xmlNodePtr?, kind: CellKind) -> Bool? {
        guard let cell else { return nil }
        switch kind {
        case .logical, .numeric:
            guard let bytes = valueBytes(cell) else { return nil }
            return atoi(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self)) != 0
        case .text:
            // readxl's logicalFromString.
            switch text(cell, kind: kind) {
            case "T", "True", "TRUE", "true": return true
            case "F", "False", "FALSE", "false": return false
            default: return nil
            }
        case .unknown, .blank, .date:
            return nil
        }
    }

    /// asDouble; text that is a whole number in C's strtod sense is coerced, as readxl does.
    func double(_ cell: xmlNodePtr?, kind: CellKind) -> Double? {
        guard let cell else { return nil }
        switch kind {
        case .logical, .date, .numeric:
            return number(cell)
        case .text:
            guard let s = text(cell, kind: kind) else { return nil }
            return s.withCString { p -> Double? in
                var end: UnsafeMutablePointer<CChar>?
                errno = 0
                let value = strtod(p, &end)
                guard let end, end.pointee == 0, errno == 0 else { return nil }
                return value
            }
        case .unknown, .blank:
            return nil
        }
    }

    /// asDate: seconds since the epoch (POSIXct, UTC) from an Excel serial number.
    func dateTime(_ cell: xmlNodePtr?, kind: CellKind) -> Double? {
        guard let cell, kind == .date || kind == .numeric, let serial = number(cell) else { return nil }
        return CellReader.posixct(fromSerial: serial, is1904: is1904)
    }

    /// readxl's POSIXctFromSerial: serials before 1900-03-01 are shifted a day for Lotus's
    /// phantom 1900-02-29 (which itself is NA), and times round to the millisecond.
    static func posixct(fromSerial serial: Double, is1904: Bool) -> Double? {
        var x = serial
        if !is1904 && x < 61 {
            if x < 60 { x += 1 } else { return nil }
        }
        guard x >= 0, x.isFinite else { return nil }
        let seconds = (x - (is1904 ? 24107 : 25569)) * 86400
        var ms = seconds * 1000
        ms = ms >= 0 ? (ms + 0.5).rounded(.down) : (ms - 0.5).rounded(.up)
        return ms / 1000
    }
}
