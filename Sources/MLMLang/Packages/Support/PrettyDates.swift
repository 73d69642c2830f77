import DataFrames
import Foundation

/// Tick marks for date and time axes, as R chooses them: grDevices' prettyDate() (behind
/// pretty() of dates, and the default breaks of ggplot2's date and datetime scales) picks, from a
/// ladder of calendar steps (seconds to millennia), the one that gives about n intervals over
/// the range and labels each tick in that step's format ("%b", "%b %d", "%Y", ...); and scales'
/// fullseq() (ggplot2's date_breaks = "2 weeks") lays a given step from the range's start
/// rounded down to a whole unit. Times are seconds since the epoch; a Date's days are passed
/// as seconds at midnight UTC.
enum PrettyDates {
    private static let minute = 60.0, hour = 3600.0, day = 86400.0
    private static let year = 365.25 * 86400.0, month = 365.25 * 86400.0 / 12

    /// A step of the ladder: its length in seconds, how it advances the calendar, where its
    /// ticks start (the range's start truncated to this unit) and its label format.
    struct Step {
        enum Advance { case seconds(Double), days(Int), halfMonth, months(Int), years(Int) }
        var length: Double
        var advance: Advance
        var start: String
        var format: String
    }

    static func ladder(span: Double) -> [Step] {
        var steps: [Step] = []
        func add(_ length: Double, _ advance: Step.Advance, start: String? = nil, format: String? = nil) {
            steps.append(Step(length: length, advance: advance, start: start ?? steps.last?.start ?? "mins",
                              format: format ?? steps.last?.format ?? "%S"))
        }
        add(1, .seconds(1), start: "mins", format: "%S")
        for s in [2.0, 5, 10, 15] { add(s, .seconds(s)) }
        add(30, .seconds(30), format: "%H:%M:%S")
        add(minute, .seconds(minute), format: "%H:%M")
        add(2 * minute, .seconds(2 * minute), start: "hours")
        for m in [5.0, 10, 15, 30] { add(m * minute, .seconds(m * minute)) }
        add(hour, .seconds(hour), format: span <= day ? "%H:%M" : "%b %d %H:%M")
        add(3 * hour, .seconds(3 * hour), start: "days")
        add(6 * hour, .seconds(6 * hour), format: "%b %d %H:%M")
        add(12 * hour, .seconds(12 * hour))
        add(day, .days(1), format: "%b %d")
        add(2 * day, .days(2))
        add(7 * day, .seconds(7 * day), start: "weeks")
        add(month / 2, .halfMonth, start: "months")
        add(month, .months(1), format: span < year ? "%b" : "%b %Y")
        add(3 * month, .months(3), start: "years")
        add(6 * month, .months(6), format: "%Y-%m")
        add(year, .years(1), format: "%Y")
        add(2 * year, .years(2), start: "decades")
        for y in [5, 10] { add(Double(y) * year, .years(y)) }
        add(20 * year, .years(20), start: "centuries")
        for y in [50, 100, 200, 500, 1000] { add(Double(y) * year, .years(y)) }
        return steps
    }

    /// The time truncated to a unit: seconds to minutes, hours or days, a day to its week
    /// (starting on Monday), month, year, decade or century.
    static func truncate(_ t: Double, to unit: String, zone: TimeZoneRule) -> Double {
        guard var f = zone.brokenDown(seconds: t) else { return t }
        f.sec = 0
        if unit != "mins" { f.min = 0 }
        if unit != "mins" && unit != "hours" { f.hour = 0 }
        switch unit {
        case "weeks": f.mday += f.wday > 0 ? 1 - f.wday : -6
        case "months": f.mday = 1
        case "years": f.mday = 1; f.mon = 0
        case "decades": f.mday = 1; f.mon = 0; f.year = floorDiv(f.year, 10) * 10
        case "centuries": f.mday = 1; f.mon = 0; f.year = floorDiv(f.year, 100) * 100
        default: break
        }
        f.isdst = -1
        return zone.seconds(of: f)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// The time one step later (calendar steps keep the clock time, as seq() by "DSTday" or
    /// "month" does; half months alternate between the 1st and the 15th).
    static func next(_ t: Double, _ advance: Step.Advance, zone: TimeZoneRule) -> Double {
        switch advance {
        case .seconds(let s): return t + s
        default: break
        }
        guard var f = zone.brokenDown(seconds: t) else { return .nan }
        switch advance {
        case .seconds: break
        case .days(let k): f.mday += k
        case .halfMonth:
            if f.mday == 1 { f.mday = 15 } else if f.mday >= 15 { f.mday = 1; f.mon += 1 } else { f.mday += 14 }
        case .months(let k): f.mon += k
        case .years(let k): f.year += k
        }
        f.isdst = -1
        return zone.seconds(of: f)
    }

    /// A step's ticks over the range: from the range's start truncated to the step's unit up
    /// to the first tick at or beyond its end, keeping one tick at or before the start.
    private static func ticks(_ step: Step, _ lo: Double, _ hi: Double, zone: TimeZoneRule) -> [Double] {
        var at: [Double] = []
        var t = truncate(lo, to: step.start, zone: zone)
        while t <= hi, at.count < 100_000 {
            at.append(t)
            let n = next(t, step.advance, zone: zone)
            guard n > t else { break }
            t = n
        }
        if case .halfMonth = step.advance, let last = at.last, let f = zone.brokenDown(seconds: last), f.mday == 1 {
            // seq() by "halfmonth" pairs every month's 1st with its 15th, even past the end.
            at.append(next(last, .halfMonth, zone: zone))
        }
        guard !at.isEmpty else { return [] }
        let first = at.filter { $0 <= lo }.count
        var lastIndex = at.count + 1 - at.filter { $0 >= hi }.count
        if lastIndex == at.count + 1 {
            let n = next(at[at.count - 1], step.advance, zone: zone)
            if n.isNaN || !(n > at[at.count - 1]) { lastIndex = at.count } else { at.append(n) }
        }
        let from = max(first, 1), to = min(lastIndex, at.count)
        return from <= to ? Array(at[(from - 1)...(to - 1)]) : []
    }

    /// prettyDate(range, n): the ticks and their labels.
    static func pretty(lo: Double, hi: Double, isDate: Bool, zone: TimeZoneRule, n: Int = 5) -> [(Double, String)] {
        let minN = n / 2
        // Beyond the calendar's range (NA dates) there is nothing to label.
        guard CivilCalendar.secondRange.contains(lo), CivilCalendar.secondRange.contains(hi), lo <= hi else { return [] }
        let utc = TimeZoneRule("UTC")!
        let zone = isDate ? utc : zone
        func labelled(_ at: [Double], _ format: String) -> [(Double, String)] {
            at.map { t in
                let shown = isDate ? (t / day).rounded() * day : t
                return (shown, zone.brokenDown(seconds: t).map { TimeFormatting.format($0, format) } ?? "NA")
            }
        }
        var lo = lo, hi = hi
        let span0 = hi - lo
        if isDate && span0 <= Double(n) * day {
            // A few days: every day, widened to at least min.n + 1 of them.
            let r = (Double(n) - span0 / day).rounded()
            var before = max(0, floorDiv(Int(r), 2)), after = before + Int(r) % 2
            let first = (lo / day).rounded(.down), last = (hi / day).rounded(.down)
            while Int(last - first) + before + after + 1 < minN + 1 {
                if before < after { before += 1 } else { after += 1 }
            }
            let days = stride(from: first - Double(before), through: last + Double(after), by: 1).map { $0 * day }
            return days.map { t in (t, utc.brokenDown(seconds: t).map { TimeFormatting.format($0, "%b %d") } ?? "NA") }
        }
        if span0 < 1 {
            let m = min(30, max(span0 == 0 ? 1 : 0, Double(n) / 2))
            lo = (lo - m).rounded(.down); hi = (hi + m).rounded(.up)
        }
        let span = hi - lo
        let steps = ladder(span: span)
        let counts = steps.map { span / $0.length }
        var index = counts.indices.min(by: { abs(counts[$0] - Double(n)) < abs(counts[$1] - Double(n)) }) ?? 0
        let initialIndex = index
        var at = ticks(steps[index], lo, hi, zone: zone)
        var extendRight = true, leftFailed = false, rightFailed = false
        while at.count - 1 < minN {
            if index == 0 {
                guard let last = at.last, let firstTick = at.first else { break }
                if extendRight {
                    let n = next(last, steps[0].advance, zone: zone)
                    rightFailed = !(n > last)
                    if !rightFailed { at.append(n) }
                } else {
                    let p = firstTick - 1
                    leftFailed = !(p < firstTick)
                    if !leftFailed { at.insert(p, at: 0) }
                }
                if rightFailed && leftFailed { break }
                extendRight.toggle()
            } else {
                index -= 1
                at = ticks(steps[index], lo, hi, zone: zone)
            }
        }
        let count = at.count - 1
        if count == n { return labelled(at, steps[index].format) }
        var excess = count - n
        if excess > 0 {
            // Too many intervals: drop ticks beyond the range, from both ends in proportion.
            var left = at.filter { $0 <= lo }.count - 1, right = at.filter { $0 >= hi }.count - 1
            if left > 0 || right > 0 {
                let outside = left + right
                if excess < outside {
                    left = Int((Double(excess * left) / Double(outside)).rounded(.toNearestOrEven))
                    right = excess - left
                }
                at = Array(at.dropFirst(max(left, 0)).dropLast(max(right, 0)))
            }
        }
        excess = at.count - 1 - n
        if excess == 0 || (excess > 0 && index < initialIndex) || (excess < 0 && index == 0) {
            return labelled(at, steps[index].format)
        }
        let otherIndex = excess > 0 ? min(index + 1, steps.count - 1) : index - 1
        let other = ticks(steps[otherIndex], lo, hi, zone: zone)
        var otherCount = Double(other.count - 1)
        if otherCount < Double(minN) { otherCount = -.infinity }
        if abs(otherCount - Double(n)) < Double(abs(excess)) { return labelled(other, steps[otherIndex].format) }
        return labelled(at, steps[index].format)
    }

    /// scales::fullseq() of a "k units" step over the range (ggplot2's date_breaks), in days
    /// for dates or seconds for times: from the start rounded down to the unit (a multiple of k
    /// days; the Monday of its week; the 1st of its month; the 1st of January) to the end plus
    /// one unit rounded down likewise.
    static func fullSequence(lo: Double, hi: Double, spec: String, isDate: Bool, zone: TimeZoneRule) throws -> [Double] {
        let parts = spec.split(separator: " ").map(String.init)
        let count = parts.count == 2 ? Double(parts[0]) : 1
        guard let k = count, k > 0, k <= 1e6, k == k.rounded(), var unit = parts.last else {
            throw RError("invalid date_breaks specification: '\(spec)'")
        }
        guard CivilCalendar.secondRange.contains(lo * (isDate ? day : 1)), CivilCalendar.secondRange.contains(hi * (isDate ? day : 1)) else { return [] }
        if unit.hasSuffix("s") { unit.removeLast() }
        let scale = isDate ? day : 1
        let zone = isDate ? TimeZoneRule("UTC")! : zone
        let secondsPer: [String: Double] = ["sec": 1, "min": minute, "hour": hour]
        func floorTo(_ t: Double) -> Double {
            switch unit {
            case "day":
                if isDate { return ((t / day) / k).rounded() * k * day }
                return truncate(t, to: "days", zone: zone)
            case "week": return truncate(t, to: "weeks", zone: zone)
            case "month": return truncate(t, to: "months", zone: zone)
            case "year": return truncate(t, to: "years", zone: zone)
            default:
                let s = (secondsPer[unit] ?? 1) * k
                return (t / s).rounded(.down) * s
            }
        }
        let up: [String: Double] = ["day": day, "week": 7 * day, "month": 31 * day, "year": 365 * day]
        guard up[unit] != nil || secondsPer[unit] != nil else { throw RError("invalid date_breaks specification: '\(spec)'") }
        let start = floorTo(lo * scale)
        let end = floorTo(hi * scale + k * (up[unit] ?? (secondsPer[unit] ?? 1)))
        let advance: Step.Advance
        switch unit {
        case "day": advance = isDate ? .seconds(k * day) : .days(Int(k))
        case "week": advance = .seconds(7 * k * day)
        case "month": advance = .months(Int(k))
        case "year": advance = .years(Int(k))
        default: advance = .seconds((secondsPer[unit] ?? 1) * k)
        }
        var out: [Double] = []
        var t = start
        while t <= end + 1e-9, out.count < 100_000 {
            out.append(t / scale)
            let n = next(t, advance, zone: zone)
            guard n > t else { break }
            t = n
        }
        return out
    }
}
