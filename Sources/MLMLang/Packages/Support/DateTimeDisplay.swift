import DataFrames
import Foundation

/// Dates, date-times and time differences as text where mlmd's printers show them without
/// calling R methods: data frame and tibble cells, str(), summaries. Each gives what R's
/// format method gives for the class.
enum DateTimeDisplay {
    enum Kind { case date, dateTime, difftime }

    static func kind(_ v: RVector) -> Kind? {
        guard let classes = v.classes else { return nil }
        if classes.contains("Date") { return .date }
        if classes.contains("POSIXct") { return .dateTime }
        if classes.contains("difftime") { return .difftime }
        return nil
    }

    /// format(x): NA stays nil. Date-times show dates alone when every time is midnight
    /// (`alwaysClock` shows the clock anyway, as tibbles do), and with `secondDigits`, as many
    /// decimals of the seconds (up to that many) as format.POSIXlt's `digits` finds needed.
    static func format(_ v: RVector, kind: Kind, digits: Int = 7, alwaysClock: Bool = false,
                       secondDigits: Int? = nil) -> [String?] {
        let values = Coerce.doubles(v) ?? []
        switch kind {
        case .date:
            return values.map { d in
                CivilCalendar.brokenDown(dayCount: d).map { TimeFormatting.format($0, "%Y-%m-%d") }
            }
        case .dateTime:
            let rule = TimeZoneRule(zoneName(v)) ?? TimeZoneRule("UTC")!
            let times = values.map { rule.brokenDown(seconds: $0) }
            let midnight = times.allSatisfy { t in t.map { $0.hour == 0 && $0.min == 0 && $0.sec == 0 } ?? true }
            var places = Swift.min(6, secondDigits ?? 0)
            let seconds = times.compactMap { $0?.sec }
            for k in 0..<Swift.max(places, 0) {
                let scale = pow(10, Double(k))
                if seconds.allSatisfy({ abs($0 - ($0 * scale).rounded() / scale) < 1e-6 }) { places = k; break }
            }
            let format = midnight && !alwaysClock ? "%Y-%m-%d" : (places > 0 ? "%Y-%m-%d %H:%M:%OS\(places)" : "%Y-%m-%d %H:%M:%S")
            return times.map { $0.map { TimeFormatting.format($0, format) } }
        case .difftime:
            let units = v.attributes["units"]?.stringValue ?? "days"
            let f = RFormat.formatReal(values, digits: digits, scipen: 0)
            return values.map { RFormat.encodeReal($0, f) + " " + units }
        }
    }

    /// The zone of a POSIXct's tzone attribute, "" (the session's) when it has none.
    static func zoneName(_ v: RVector) -> String {
        guard case .vector(let tz)? = v.attributes["tzone"] else { return "" }
        return Coerce.strings(tz).first.flatMap { $0 } ?? ""
    }

    /// The values of a Date or POSIXct summary (days or seconds) as date text.
    static func summaryTexts(_ values: [Double], kind: Kind, zone: String, digits: Int) -> [String] {
        var v = RVector(.double(values))
        v.attributes["class"] = .character([kind == .date ? "Date" : "POSIXct"])
        if kind == .dateTime { v.attributes["tzone"] = .scalar(zone) }
        return format(v, kind: kind, secondDigits: digits).map { $0 ?? "NA" }
    }
}
