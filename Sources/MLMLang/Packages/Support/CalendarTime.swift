import DataFrames
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A time broken into calendar fields, as C's `struct tm` and R's POSIXlt hold it: month 0-11,
/// year since 1900, weekday 0 (Sunday) to 6, day of the year 0-365. Seconds may carry a fraction.
struct BrokenDownTime: Equatable {
    var sec: Double = 0
    var min = 0
    var hour = 0
    var mday = 1
    var mon = 0
    var year = 70
    var wday = 4
    var yday = 0
    /// 1 in summer time, 0 not, -1 unknown.
    var isdst = 0
    var zone = ""
    var gmtoff: Int? = nil
}

/// The calendar fields of dates (CivilCalendar's arithmetic, from DataFrames) as R's POSIXlt
/// holds them.
extension CivilCalendar {
    /// Days and seconds mlmd turns into calendar fields: some 270 million years either way.
    /// Beyond them a date or time is NA, as R's are far enough out.
    static let dayRange = -1e11...1e11
    static let secondRange = -8.64e15...8.64e15

    /// The fields of a day count (a fraction falls to its day); nil when not finite or out of range.
    static func brokenDown(dayCount d: Double) -> BrokenDownTime? {
        dayRange.contains(d) ? brokenDown(days: Int(d.rounded(.down))) : nil
    }

    /// The calendar fields of a whole day, at midnight, in UTC.
    static func brokenDown(days: Int) -> BrokenDownTime {
        let (y, m, d) = civil(days: days)
        var t = BrokenDownTime(mday: d, mon: m - 1, year: y - 1900)
        t.wday = ((days % 7) + 11) % 7
        t.yday = days - Self.days(year: y, month: 1, day: 1)
        t.zone = "UTC"
        t.gmtoff = 0
        return t
    }

    /// Days since 1970-01-01 of the fields' date, months and days out of range carried as
    /// mktime carries them.
    static func days(of t: BrokenDownTime) -> Int {
        let totalMonths = (t.year + 1900) * 12 + t.mon
        let year = totalMonths >= 0 ? totalMonths / 12 : (totalMonths - 11) / 12
        let month = totalMonths - year * 12
        return days(year: year, month: month + 1, day: 1) + t.mday - 1
    }
}

/// A time zone as R names it: "" for the session's own (TZ, else the system's), "UTC" and
/// "GMT", or an Olson name such as "America/New_York". Conversions go through the C library,
/// as R's do, so zone abbreviations and summer time come from the system's tz database.
struct TimeZoneRule {
    /// The name as given ("" stays "").
    let name: String
    /// The zone the C library is told to use.
    let resolved: String
    let isUTC: Bool

    /// A zone name mlmd recognizes; nil for a name the tz database lacks (R warns "unknown
    /// timezone" and uses UTC).
    init?(_ name: String) {
        self.name = name
        let effective = name.isEmpty ? Self.sessionZone : name
        resolved = effective
        isUTC = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "UCT", "Etc/UCT", "Zulu", "Etc/Zulu", "GMT0", "Etc/GMT0", "UTC0"].contains(effective)
        if !isUTC && !FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + effective) && !Self.isPosixRule(effective) {
            return nil
        }
    }

    static var sessionZone: String {
        if let tz = ProcessInfo.processInfo.environment["TZ"], !tz.isEmpty { return tz.hasPrefix(":") ? String(tz.dropFirst()) : tz }
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime"),
           let range = link.range(of: "zoneinfo/") {
            return String(link[range.upperBound...])
        }
        return "UTC"
    }

    /// A POSIX TZ string such as "EST5EDT" or "CET-1".
    static func isPosixRule(_ s: String) -> Bool {
        s.range(of: #"^[A-Za-z]{3,}[+-]?[0-9]"#, options: .regularExpression) != nil
    }

    /// The zone's abbreviations (standard, summer) as R's tzone attribute lists them.
    var abbreviations: (String, String) {
        if isUTC { return (utcName, utcName) }
        return Self.withZone(resolved) {
            (tzname.0.map { String(cString: $0) } ?? "", tzname.1.map { String(cString: $0) } ?? "")
        }
    }

    private var utcName: String { resolved.contains("GMT") ? "GMT" : "UTC" }

    /// The fields of a time given in seconds since the epoch, in this zone; nil when the time
    /// is not finite or out of range.
    func brokenDown(seconds: Double) -> BrokenDownTime? {
        guard CivilCalendar.secondRange.contains(seconds) else { return nil }
        let whole = (seconds).rounded(.down)
        let fraction = seconds - whole
        if isUTC {
            let days = Int((whole / 86400).rounded(.down))
            let rest = Int(whole - Double(days) * 86400)
            var t = CivilCalendar.brokenDown(days: days)
            t.hour = rest / 3600
            t.min = (rest % 3600) / 60
            t.sec = Double(rest % 60) + fraction
            t.zone = utcName
            return t
        }
        return Self.withZone(resolved) {
            var clock = time_t(whole)
            var tm = tm()
            localtime_r(&clock, &tm)
            return BrokenDownTime(sec: Double(tm.tm_sec) + fraction, min: Int(tm.tm_min), hour: Int(tm.tm_hour),
                                  mday: Int(tm.tm_mday), mon: Int(tm.tm_mon), year: Int(tm.tm_year), wday: Int(tm.tm_wday),
                                  yday: Int(tm.tm_yday), isdst: Int(tm.tm_isdst),
                                  zone: tm.tm_zone.map { String(cString: $0) } ?? "", gmtoff: tm.tm_gmtoff)
        }
    }

    /// Seconds since the epoch of the fields read as a time in this zone (mktime); fields out
    /// of range carry over. NaN where the fields hold NA.
    func seconds(of t: BrokenDownTime) -> Double {
        let days = CivilCalendar.days(of: t)
        let wallClock = Double(days) * 86400 + Double(t.hour * 3600 + t.min * 60) + t.sec
        if isUTC { return wallClock }
        let whole = wallClock.rounded(.down)
        return Self.withZone(resolved) {
            var tm = tm()
            let (y, m, d) = CivilCalendar.civil(days: Int((whole / 86400).rounded(.down)))
            let rest = Int(whole - (whole / 86400).rounded(.down) * 86400)
            tm.tm_year = Int32(y - 1900); tm.tm_mon = Int32(m - 1); tm.tm_mday = Int32(d)
            tm.tm_hour = Int32(rest / 3600); tm.tm_min = Int32((rest % 3600) / 60); tm.tm_sec = Int32(rest % 60)
            tm.tm_isdst = Int32(t.isdst)
            let clock = mktime(&tm)
            return Double(clock) + (wallClock - whole)
        }
    }

    /// Runs `body` with the C library set to `zone`, then restores the session's TZ.
    private static let lock = NSLock()
    private static func withZone<T>(_ zone: String, _ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let saved = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", zone, 1)
        tzset()
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        return body()
    }
}
