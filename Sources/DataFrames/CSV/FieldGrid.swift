/// Rows of fields as a reader lays them out over the tokenizer's records: row r takes
/// `counts[r]` fields from field index `starts[r]` on; a row shorter than the table is NA
/// to the right. Lets both R flavours describe wrapping and padding without copying.
struct FieldGrid {
    var starts: [Int] = []
    var counts: [Int] = []
    /// The file line each row came from, for error messages.
    var lines: [Int] = []
    /// Cells whose text replaces the field (readr's overlong rows); rare, so a dictionary.
    var overrides: [CellKey: [UInt8]] = [:]

    struct CellKey: Hashable {
        var row: Int
        var column: Int
    }

    var rowCount: Int { starts.count }

    mutating func append(start: Int, count: Int, line: Int) {
        starts.append(start)
        counts.append(count)
        lines.append(line)
    }
}

/// Hands out cell bytes for one column, trimmed as the reader's whitespace rule says.
struct ColumnCells {
    enum Trim { case none, unquoted, all }

    let fields: CSVFields
    let grid: FieldGrid
    let column: Int
    let trim: Trim
    let file: UnsafeBufferPointer<UInt8>

    var count: Int { grid.rowCount }

    /// The cell's bytes and whether it was quoted, or nil when the row has no such field.
    /// The buffer is valid only inside `body`.
    @inline(__always)
    func withCell<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R) -> R? {
        guard row < grid.rowCount, column < grid.counts[row] else { return nil }
        if !grid.overrides.isEmpty, let text = grid.overrides[FieldGrid.CellKey(row: row, column: column)] {
            return text.withUnsafeBufferPointer { body(trimmed($0, quoted: false), false) }
        }
        let f = grid.starts[row] + column
        guard f < fields.flags.count else { return nil }
        let flags = fields.flags[f]
        let quoted = flags & CSVFields.quoted != 0
        let start = fields.starts[f], end = fields.ends[f]
        if flags & CSVFields.inUnescaped != 0 {
            return fields.unescaped.withUnsafeBufferPointer { all in
                guard start <= end, end <= all.count else { return body(UnsafeBufferPointer(rebasing: all[0..<0]), quoted) }
                return body(trimmed(UnsafeBufferPointer(rebasing: all[start..<end]), quoted: quoted), quoted)
            }
        }
        guard start <= end, end <= file.count else { return body(UnsafeBufferPointer(rebasing: file[0..<0]), quoted) }
        return body(trimmed(UnsafeBufferPointer(rebasing: file[start..<end]), quoted: quoted), quoted)
    }

    @inline(__always)
    private func trimmed(_ b: UnsafeBufferPointer<UInt8>, quoted: Bool) -> UnsafeBufferPointer<UInt8> {
        switch trim {
        case .none: return b
        case .unquoted where quoted: return b
        case .unquoted, .all:
            var lo = 0, hi = b.count
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            return UnsafeBufferPointer(rebasing: b[lo..<hi])
        }
    }

    func string(_ row: Int) -> String? {
        withCell(row) { bytes, _ in String(decoding: bytes, as: UTF8.self) }
    }
}

/// NA strings compared as bytes.
struct NAByteSet {
    private let values: [[UInt8]]
    init(_ strings: [String]) { values = strings.map { Array($0.utf8) } }

    @inline(__always)
    func contains(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for v in values where v.count == b.count {
            if v.isEmpty { return true }
            var same = true
            for k in 0..<v.count where v[k] != b[k] { same = false; break }
            if same { return true }
        }
        return false
    }
}
