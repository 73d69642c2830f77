import Foundation

/// A1-style references: "C5" for a cell, "B2:D10" (optionally "Sheet!B2:D10") for a range.
/// Rows and columns are 0-based here, as in readxl's C++ code.
enum CellReference {
    /// Excel's limits (XFD1048576); a reference past them is malformed, and refusing it keeps
    /// a corrupt file from asking for a table of billions of cells.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// Parses a cell reference such as "AB12" ("$AB$12" too); nil when it is not one.
    static func parse<S: Sequence>(_ bytes: S) -> (row: Int, col: Int)? where S.Element == UInt8 {
        var col = 0, row = 0
        var sawLetter = false, sawDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                // Letters come before digits, and no sheet has more than 16,384 columns.
                guard !sawDigit else { return nil }
                col = col * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                guard col <= maxColumns else { return nil }
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard row <= maxRows else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row >= 1, row <= maxRows else { return nil }
        return (row - 1, col - 1)
    }

    /// Parses a cell reference given as a C string (the `r` attribute).
    static func parse(cString: UnsafePointer<UInt8>) -> (row: Int, col: Int)? {
        var length = 0
        while cString[length] != 0 {
            length += 1
            if length > 32 { return nil }
        }
        return parse(UnsafeBufferPointer(start: cString, count: length))
    }

    /// "A", "AB" for 0-based column 0, 27.
    static func columnName(_ col: Int) -> String {
        var n = col + 1
        var letters: [Character] = []
        while n > 0 {
            n -= 1
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(n % 26))))
            n /= 26
        }
        return String(letters.reversed())
    }
}

/// A rectangle of cells as read_excel's `range` gives it, with the sheet it may name.
struct CellRange: Equatable {
    var sheet: String?
    var minRow: Int, maxRow: Int, minCol: Int, maxCol: Int

    init(sheet: String?, minRow: Int, maxRow: Int, minCol: Int, maxCol: Int) {
        self.sheet = sheet
        self.minRow = minRow; self.maxRow = maxRow; self.minCol = minCol; self.maxCol = maxCol
    }

    /// Parses "B2:D10", "B2", "Sheet2!B2:D10" or "'My sheet'!B2:D10"; nil when malformed.
    init?(_ text: String) {
        var body = Substring(text)
        if let bang = text.lastIndex(of: "!") {
            var name = text[..<bang]
            if name.count >= 2, name.first == "'", name.last == "'" {
                name = name.dropFirst().dropLast()
            }
            // A quote inside a quoted sheet name is written twice.
            sheet = String(name).replacingOccurrences(of: "''", with: "'")
            body = text[text.index(after: bang)...]
        }
        let corners = body.split(separator: ":", omittingEmptySubsequences: false)
        guard corners.count == 1 || corners.count == 2,
              let ul = CellReference.parse(corners[0].utf8),
              let lr = CellReference.parse(corners[corners.count - 1].utf8) else { return nil }
        minRow = min(ul.row, lr.row); maxRow = max(ul.row, lr.row)
        minCol = min(ul.col, lr.col); maxCol = max(ul.col, lr.col)
    }
}
