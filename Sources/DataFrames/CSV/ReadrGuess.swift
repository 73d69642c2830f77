import Foundation

/// readr's column guessing (read_csv, read_delim): logical, then double (whole numbers stay
/// double), a number with grouping commas, a date (yyyy-mm-dd), a date-time, else character.
/// Values are trimmed and NA strings (by default "" and "NA") are NA; an all-NA column is
/// logical. readr also guesses times of day ("10:30") as hms; here they stay character.
enum ReadrGuess {
    private enum Kind { case logical, double, number, date, dateTime, character }

    static func column(_ cells: ColumnCells, na: NAByteSet) -> Column {
        var kind = Kind.logical
        while true {
            switch kind {
            case .logical:
                if let v = convert(cells, na, logical) { return .logical(v) }
                kind = .double
            case .double:
                if let v = convert(cells, na, NumberParsing.readrDouble) { return .double(v) }
                kind = .number
            case .number:
                if let v = convert(cells, na, { NumberParsing.readrDouble($0) ?? NumberParsing.readrGroupedNumber($0) }) {
                    return .double(v)
                }
                kind = .date
            case .date:
                if let v = convert(cells, na, DateParsing.date) { return .date(v.map { $0 ?? nil }) }
                kind = .dateTime
            case .dateTime:
                if let v = convert(cells, na, DateParsing.dateTime) { return .dateTime(v.map { $0 ?? nil }) }
                kind = .character
            case .character:
                var out = [String?](repeating: nil, count: cells.count)
                for r in 0..<cells.count {
                    out[r] = cells.withCell(r) { b, _ in na.contains(b) ? nil : String(decoding: b, as: UTF8.self) } ?? nil
                }
                return .character(out)
            }
        }
    }

    /// Converts every non-NA cell with `parse`; nil as soon as one does not parse. An empty
    /// field is NA in every type but character, whatever `na` says (readr does the same).
    private static func convert<T>(_ cells: ColumnCells, _ na: NAByteSet,
                                   _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> [T?]? {
        var out = [T?](repeating: nil, count: cells.count)
        for r in 0..<cells.count {
            let ok: Bool = cells.withCell(r) { b, _ in
                if b.isEmpty || na.contains(b) { return true }
                guard let v = parse(b) else { return false }
                out[r] = v
                return true
            } ?? true
            if !ok { return nil }
        }
        return out
    }

    /// readr's logical words.
    private static func logical(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch String(decoding: b, as: UTF8.self) {
        case "T", "t", "TRUE", "True", "true": return true
        case "F", "f", "FALSE", "False", "false": return false
        default: return nil
        }
    }
}

/// ISO 8601 dates and date-times as readr guesses them.
enum DateParsing {
    /// "2020-01-02" or "2020/01/02" guesses as a date; an impossible day ("2020-02-30")
    /// still does, and is NA (readr judges the shape, then fails the value).
    /// Returns .some(nil) for such NA, nil when the text is not date-shaped.
    static func date(_ b: UnsafeBufferPointer<UInt8>) -> Double?? {
        guard b.count == 10, let ymd = ymdShape(b) else { return nil }
        return .some(daysFromCivil(ymd.year, ymd.month, ymd.day).map(Double.init))
    }

    /// A date, then "T" or " ", hours, optional ":MM", ":SS" and fraction, then "Z" or an
    /// offset (+01, +0100, +01:00); a plain date is midnight. Hours, minutes and seconds must
    /// be in range for the text to count as a date-time at all.
    static func dateTime(_ b: UnsafeBufferPointer<UInt8>) -> Double?? {
        guard b.count >= 10, let ymd = ymdShape(UnsafeBufferPointer(rebasing: b[0..<10])) else { return nil }
        guard let days = daysFromCivil(ymd.year, ymd.month, ymd.day) else {
            return b.count == 10 ? .some(nil) : nil
        }
        var seconds = Double(days) * 86400
        var i = 10
        if i == b.count { return .some(seconds) }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = twoDigits(b, i), hour <= 23 else { return nil }
        i += 2
        var minute = 0, second = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let m = twoDigits(b, i + 1), m <= 59 else { return nil }
            minute = m
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ":") {
                guard let s = twoDigits(b, i + 1), s <= 60 else { return nil }
                second = Double(s)
                i += 3
                if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                    let fractionStart = i + 1
                    var j = fractionStart
                    while j < b.count, NumberParsing.isDigit(b[j]) { j += 1 }
                    guard j > fractionStart else { return nil }
                    var digits: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: ".")]
                    digits.append(contentsOf: b[fractionStart..<j])
                    second += digits.withUnsafeBufferPointer { NumberParsing.decimal($0, exponentDigitsOptional: false) } ?? 0
                    i = j
                }
            }
        }
        seconds += Double(hour * 3600 + minute * 60) + second
        if i == b.count { return .some(seconds) }
        if b[i] == UInt8(ascii: "Z"), i + 1 == b.count { return .some(seconds) }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign = b[i] == UInt8(ascii: "-") ? -1.0 : 1.0
        guard let offsetHours = twoDigits(b, i + 1) else { return nil }
        i += 3
        var offsetMinutes = 0
        if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
        if i < b.count {
            guard let m = twoDigits(b, i) else { return nil }
            offsetMinutes = m
            i += 2
        }
        guard i == b.count else { return nil }
        // Local time minus its offset from UTC.
        return .some(seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60))
    }

    private static func ymdShape(_ b: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard b.count == 10 else { return nil }
        let sep = b[4]
        guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/"), b[7] == sep else { return nil }
        guard let y1 = twoDigits(b, 0), let y2 = twoDigits(b, 2), let month = twoDigits(b, 5),
              let day = twoDigits(b, 8) else { return nil }
        return (y1 * 100 + y2, month, day)
    }

    private static func twoDigits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i + 1 < b.count, NumberParsing.isDigit(b[i]), NumberParsing.isDigit(b[i + 1]) else { return nil }
        return Int(b[i] - 0x30) * 10 + Int(b[i + 1] - 0x30)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date; nil when the day does not exist.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int? {
        CivilCalendar.validDays(year: year, month: month, day: day)
    }
}
