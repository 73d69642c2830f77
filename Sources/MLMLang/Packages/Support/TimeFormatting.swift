import DataFrames
import Foundation

/// strftime and strptime as R runs them in the C locale: `%` conversions on broken-down times,
/// with R's `%OSn` for seconds with n decimals.
enum TimeFormatting {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    // MARK: strftime

    static func format(_ t: BrokenDownTime, _ format: String) -> String {
        var out = ""
        var chars = Array(format)[...]
        func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
        func pad(_ n: Int, _ width: Int, _ fill: Character = "0") -> String {
            let s = String(abs(n))
            return (n < 0 ? "-" : "") + String(repeating: fill, count: max(0, width - s.count)) + s
        }
        let year = t.year + 1900
        let hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12
        while let c = chars.popFirst() {
            guard c == "%", let spec = chars.popFirst() else { out.append(c); continue }
            switch spec {
            case "a": out += String(weekdayNames[safe: t.wday].prefix(3))
            case "A": out += weekdayNames[safe: t.wday]
            case "b", "h": out += String(monthNames[safe: t.mon].prefix(3))
            case "B": out += monthNames[safe: t.mon]
            case "c": out += Self.format(t, "%a %b %e %H:%M:%S %Y")
            case "C": out += two(year / 100)
            case "d": out += two(t.mday)
            case "D": out += Self.format(t, "%m/%d/%y")
            case "e": out += pad(t.mday, 2, " ")
            case "F": out += Self.format(t, "%Y-%m-%d")
            case "g": out += two(isoWeek(t).year % 100)
            case "G": out += String(isoWeek(t).year)
            case "H": out += two(t.hour)
            case "I": out += two(hour12)
            case "j": out += pad(t.yday + 1, 3)
            case "k": out += pad(t.hour, 2, " ")
            case "l": out += pad(hour12, 2, " ")
            case "m": out += two(t.mon + 1)
            case "M": out += two(t.min)
            case "n": out += "\n"
            case "p": out += t.hour < 12 ? "AM" : "PM"
            case "P": out += t.hour < 12 ? "am" : "pm"
            case "r": out += Self.format(t, "%I:%M:%S %p")
            case "R": out += Self.format(t, "%H:%M")
            case "s": out += String(Int(t.sec))
            case "S": out += two(Int(t.sec.rounded(.down)))
            case "t": out += "\t"
            case "T": out += Self.format(t, "%H:%M:%S")
            case "u": out += String(t.wday == 0 ? 7 : t.wday)
            case "U": out += two((t.yday + 7 - t.wday) / 7)
            case "V": out += two(isoWeek(t).week)
            case "w": out += String(t.wday)
            case "W": out += two((t.yday + 7 - (t.wday + 6) % 7) / 7)
            case "x": out += Self.format(t, "%m/%d/%y")
            case "X": out += Self.format(t, "%H:%M:%S")
            case "y": out += two(((year % 100) + 100) % 100)
            case "Y": out += String(year)
            case "z":
                let off = t.gmtoff ?? 0
                out += (off < 0 ? "-" : "+") + two(abs(off) / 3600) + two((abs(off) % 3600) / 60)
            case "Z": out += t.zone
            case "%": out += "%"
            case "O" where chars.first == "S":
                chars.removeFirst()
                var decimals = 0
                if let d = chars.first, let n = d.wholeNumberValue { decimals = n; chars.removeFirst() }
                out += secondsText(t.sec, decimals: decimals)
            default: out += "%" + String(spec)
            }
        }
        return out
    }

    /// Seconds with `decimals` places, truncated as R truncates them, zero-padded to two digits.
    static func secondsText(_ sec: Double, decimals: Int) -> String {
        if decimals == 0 { return (sec < 10 ? "0" : "") + String(Int(sec.rounded(.down))) }
        let scale = pow(10, Double(decimals))
        let truncated = (sec * scale).rounded(.down) / scale
        let text = String(format: "%0\(decimals + 3).\(decimals)f", truncated)
        return text
    }

    /// The ISO 8601 week and its year.
    static func isoWeek(_ t: BrokenDownTime) -> (year: Int, week: Int) {
        let year = t.year + 1900
        let isoWeekday = (t.wday + 6) % 7
        var week = (t.yday - isoWeekday + 10) / 7
        if week < 1 {
            let previous = year - 1
            let previousDays = CivilCalendar.isLeap(previous) ? 366 : 365
            week = (t.yday + previousDays - isoWeekday + 10) / 7
            return (previous, week)
        }
        let daysInYear = CivilCalendar.isLeap(year) ? 366 : 365
        if week == 53 && t.yday - isoWeekday + 3 >= daysInYear { return (year + 1, 1) }
        return (year, week)
    }

    // MARK: strptime

    /// The fields of `text` read by `format`; nil where it does not match or gives an invalid
    /// date. Text after the format's end is ignored, as R ignores it. Unspecified hours,
    /// minutes and seconds are zero; an unspecified year, month or day is today's.
    static func parse(_ text: String, _ format: String, today: BrokenDownTime) -> BrokenDownTime? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var t = BrokenDownTime()
        var year: Int?, month: Int?, day: Int?, yday: Int?
        var hour12: Int?, pm: Bool?
        t.isdst = -1
        func skipSpaces() { while i < s.count, s[i].properties.isWhitespace { i += 1 } }
        func number(_ maxDigits: Int, signed: Bool = false) -> Int? {
            while i < s.count, s[i] == " " { i += 1 }
            var negative = false
            if signed, i < s.count, s[i] == "-" || s[i] == "+" { negative = s[i] == "-"; i += 1 }
            var value = 0, digits = 0
            while digits < maxDigits, i < s.count, let d = s[i].properties.numericType != nil ? Int(String(s[i])) : nil {
                value = value * 10 + d; digits += 1; i += 1
            }
            return digits == 0 ? nil : (negative ? -value : value)
        }
        func name(_ names: [String]) -> Int? {
            let rest = String(String.UnicodeScalarView(s[i...])).lowercased()
            for (k, full) in names.enumerated() {
                for candidate in [full.lowercased(), String(full.lowercased().prefix(3))] where rest.hasPrefix(candidate) {
                    i += candidate.unicodeScalars.count
                    return k
                }
            }
            return nil
        }
        var f = Array(Self.expand(format).unicodeScalars)[...]
        while let c = f.popFirst() {
            if c.properties.isWhitespace { skipSpaces(); continue }
            guard c == "%", let spec = f.popFirst() else {
                guard i < s.count, s[i] == c else { return nil }
                i += 1
                continue
            }
            switch spec {
            case "Y": guard let v = number(4, signed: true) else { return nil }; year = v
            case "y":
                guard let v = number(2) else { return nil }
                year = v < 69 ? 2000 + v : 1900 + v
            case "C": guard let v = number(2) else { return nil }; year = v * 100 + (year ?? 0) % 100
            case "m": guard let v = number(2), (1...12).contains(v) else { return nil }; month = v
            case "d", "e": guard let v = number(2), (1...31).contains(v) else { return nil }; day = v
            case "H", "k": guard let v = number(2), (0...24).contains(v) else { return nil }; t.hour = v
            case "I", "l": guard let v = number(2), (1...12).contains(v) else { return nil }; hour12 = v
            case "M": guard let v = number(2), (0...59).contains(v) else { return nil }; t.min = v
            case "S": guard let v = number(2), (0...61).contains(v) else { return nil }; t.sec = Double(v)
            case "j": guard let v = number(3), (1...366).contains(v) else { return nil }; yday = v - 1
            case "b", "B", "h": guard let v = name(monthNames) else { return nil }; month = v + 1
            case "a", "A": guard name(weekdayNames) != nil else { return nil }
            case "p":
                let rest = String(String.UnicodeScalarView(s[i...])).uppercased()
                if rest.hasPrefix("AM") { pm = false } else if rest.hasPrefix("PM") { pm = true } else { return nil }
                i += 2
            case "z":
                guard i < s.count, s[i] == "+" || s[i] == "-" else { return nil }
                let negative = s[i] == "-"
                i += 1
                guard let hh = number(2) else { return nil }
                if i < s.count, s[i] == ":" { i += 1 }
                guard let mm = number(2) else { return nil }
                t.gmtoff = (negative ? -1 : 1) * (hh * 3600 + mm * 60)
            case "O":
                guard f.first == "S" else { return nil }
                f.removeFirst()
                if let d = f.first, d.properties.numericType != nil { f.removeFirst() }
                guard let whole = number(2) else { return nil }
                var sec = Double(whole)
                if i < s.count, s[i] == "." {
                    i += 1
                    var scale = 0.1
                    while i < s.count, let d = Int(String(s[i])) { sec += Double(d) * scale; scale /= 10; i += 1 }
                }
                t.sec = sec
            case "n", "t": skipSpaces()
            case "%": guard i < s.count, s[i] == "%" else { return nil }; i += 1
            default: return nil
            }
        }
        if let h = hour12 { t.hour = (h % 12) + (pm == true ? 12 : 0) }
        else if pm == true, t.hour < 12 { t.hour += 12 }
        let y = year ?? (today.year + 1900)
        if let yday, month == nil, day == nil {
            let (_, m, d) = CivilCalendar.civil(days: CivilCalendar.days(year: y, month: 1, day: 1) + yday)
            month = m; day = d
        }
        let m = month ?? (today.mon + 1)
        let d = day ?? today.mday
        guard d <= CivilCalendar.daysInMonth(year: y, month: m) else { return nil }
        let days = CivilCalendar.days(year: y, month: m, day: d)
        let date = CivilCalendar.brokenDown(days: days)
        t.year = date.year; t.mon = date.mon; t.mday = date.mday; t.wday = date.wday; t.yday = date.yday
        t.zone = ""
        return t
    }

    /// The composite conversions written out.
    static func expand(_ format: String) -> String {
        var f = format
        for (short, long) in [("%F", "%Y-%m-%d"), ("%T", "%H:%M:%S"), ("%R", "%H:%M"), ("%D", "%m/%d/%y"),
                              ("%x", "%y/%m/%d"), ("%X", "%H:%M:%S"), ("%r", "%I:%M:%S %p")] {
            f = f.replacingOccurrences(of: short, with: long)
        }
        return f
    }
}

private extension Array where Element == String {
    subscript(safe index: Int) -> String { indices.contains(index) ? self[index] : "" }
}
