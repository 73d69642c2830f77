/// R's type.convert(as.is = TRUE) over one column of read.table's fields: logical if every
/// value is T, F, TRUE or FALSE; integer if every value is a whole number in R's integer
/// range; numeric if every value reads as a double; character otherwise. NA strings and,
/// outside character columns, empty fields are NA; an all-NA column is logical.
enum TypeConvert {
    private enum Kind: Int { case logical, integer, double, character }

    static func column(_ cells: ColumnCells, na: NAByteSet) -> Column {
        var kind = Kind.logical
        // Try the narrowest type that fits; on the first value that does not fit, move to the
        // next type that could take it and start over, so each pass converts as it tests.
        while true {
            switch kind {
            case .logical:
                if let values = logical(cells, na: na) { return .logical(values) }
                kind = .integer
            case .integer:
                if let values = integer(cells, na: na) { return .integer(values) }
                kind = .double
            case .double:
                if let values = double(cells, na: na) { return .double(values) }
                kind = .character
            case .character:
                return .character(character(cells, na: na))
            }
        }
    }

    /// Outside character columns a blank field (only whitespace) is NA too.
    @inline(__always)
    private static func isMissing(_ b: UnsafeBufferPointer<UInt8>, _ na: NAByteSet) -> Bool {
        b.allSatisfy(NumberParsing.isCSpace) || na.contains(b)
    }

    private static func logical(_ cells: ColumnCells, na: NAByteSet) -> [Bool?]? {
        var out = [Bool?](repeating: nil, count: cells.count)
        for r in 0..<cells.count {
            let ok: Bool = cells.withCell(r) { b, _ in
                if isMissing(b, na) { return true }
                switch b.count {
                case 1 where b[0] == UInt8(ascii: "T"): out[r] = true
                case 1 where b[0] == UInt8(ascii: "F"): out[r] = false
                case 4 where b.elementsEqual("TRUE".utf8): out[r] = true
                case 5 where b.elementsEqual("FALSE".utf8): out[r] = false
                default: return false
                }
                return true
            } ?? true
            if !ok { return nil }
        }
        return out
    }

    private static func integer(_ cells: ColumnCells, na: NAByteSet) -> [Int?]? {
        var out = [Int?](repeating: nil, count: cells.count)
        for r in 0..<cells.count {
            let ok: Bool = cells.withCell(r) { b, _ in
                if isMissing(b, na) { return true }
                guard let v = NumberParsing.rInteger(b) else { return false }
                out[r] = v
                return true
            } ?? true
            if !ok { return nil }
        }
        return out
    }

    private static func double(_ cells: ColumnCells, na: NAByteSet) -> [Double?]? {
        var out = [Double?](repeating: nil, count: cells.count)
        for r in 0..<cells.count {
            let ok: Bool = cells.withCell(r) { b, _ in
                if isMissing(b, na) { return true }
                guard let v = NumberParsing.rDouble(b) else { return false }
                out[r] = v
                return true
            } ?? true
            if !ok { return nil }
        }
        return out
    }

    /// Character columns keep empty fields as "" (only NA strings are NA); so do the blank
    /// fields that fill = TRUE adds to short rows.
    private static func character(_ cells: ColumnCells, na: NAByteSet) -> [String?] {
        var out = [String?](repeating: nil, count: cells.count)
        for r in 0..<cells.count {
            out[r] = cells.withCell(r) { b, _ in na.contains(b) ? nil : String(decoding: b, as: UTF8.self) } ?? ""
        }
        return out
    }
}
