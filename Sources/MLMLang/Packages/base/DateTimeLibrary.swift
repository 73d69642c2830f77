import DataFrames
import Foundation

/// The kernels under base's dates and times (R's .Internal conversions): POSIXct seconds and
/// Date days to and from POSIXlt fields, strptime and format.POSIXlt, and the clock. The
/// classes and their methods are written in R (DatesRSource, DateTimesRSource).
enum DateTimeLibrary {
    static let fieldNames = ["sec", "min", "hour", "mday", "mon", "year", "wday", "yday", "isdst", "zone", "gmtoff"]

    static func install(_ interp: Interpreter) {
        interp.define("Sys.time", { _, _ in posixct([Date().timeIntervalSince1970], tzone: nil) })
        interp.define("Sys.timezone", { _, _ in .scalar(TimeZoneRule.sessionZone) })

        // .Internal(as.POSIXlt(seconds, tz)): the fields of each time in zone tz.
        interp.defineInternal("as.POSIXlt", { ctx, args in
            let seconds = try doubles(args, 0)
            let rule = zone(args, 1, ctx)
            return posixlt(seconds.map { rule.brokenDown(seconds: $0) }, rule: rule)
        })
        // .Internal(Date2POSIXlt(days)): midnight UTC of each (whole) day.
        interp.defineInternal("Date2POSIXlt", { _, args in
            let days = try doubles(args, 0)
            return posixlt(days.map { CivilCalendar.brokenDown(dayCount: $0) },
                           rule: TimeZoneRule("UTC")!)
        })
        // .Internal(as.POSIXct(lt, tz)): seconds since the epoch of the fields read in zone tz.
        interp.defineInternal("as.POSIXct", { ctx, args in
            let rule = zone(args, 1, ctx)
            let seconds = try fields(args, 0).map { $0.map(rule.seconds(of:)) ?? NAReal }
            return .vector(RVector(.double(seconds)))
        })
        // .Internal(POSIXlt2Date(lt)): the days of the fields' dates.
        interp.defineInternal("POSIXlt2Date", { _, args in
            .vector(RVector(.double(try fields(args, 0).map { $0.map { Double(CivilCalendar.days(of: $0)) } ?? NAReal })))
        })
        // .Internal(format.POSIXlt(lt, format, usetz)): strftime of each element, format recycled.
        interp.defineInternal("format.POSIXlt", { _, args in
            let times = try fields(args, 0)
            let formats = args.count > 1 ? (args[1].value.asVector.map(Coerce.strings) ?? []) : []
            let useTZ = args.count > 2 ? (args[2].value.logicalValue ?? false) : false
            guard !formats.isEmpty else { throw RError("invalid 'format' argument") }
            let n = times.isEmpty ? 0 : max(times.count, formats.count)
            let out: [String?] = (0..<n).map { i in
                guard let t = times[i % times.count], let f = formats[i % formats.count] else { return nil }
                let text = TimeFormatting.format(t, f)
                return useTZ && !t.zone.isEmpty ? text + " " + t.zone : text
            }
            return .vector(RVector(.character(out)))
        })
        // .Internal(strptime(x, format, tz)): the fields read from each string, NA where they do not match.
        interp.defineInternal("strptime", { ctx, args in
            guard let strings = args.first?.value.asVector.map(Coerce.strings) else { throw RError("invalid 'x' argument") }
            let formats = args.count > 1 ? (args[1].value.asVector.map(Coerce.strings) ?? []) : []
            guard !formats.isEmpty, formats.allSatisfy({ $0 != nil }) else { throw RError("invalid 'format' argument") }
            let rule = zone(args, 2, ctx)
            let today = rule.brokenDown(seconds: Date().timeIntervalSince1970) ?? CivilCalendar.brokenDown(days: 0)
            let n = strings.isEmpty ? 0 : max(strings.count, formats.count)
            let parsed: [BrokenDownTime?] = (0..<n).map { i in
                guard let s = strings[i % strings.count], var t = TimeFormatting.parse(s, formats[i % formats.count]!, today: today)
                else { return nil }
                // Summer time and the zone's abbreviation as mktime settles them.
                guard let settled = rule.brokenDown(seconds: rule.seconds(of: t)) else { return nil }
                t.isdst = settled.isdst
                t.zone = settled.zone
                return t
            }
            return posixlt(parsed, rule: rule)
        })
    }

    static func doubles(_ args: [EvaluatedArgument], _ k: Int) throws -> [Double] {
        guard k < args.count, let v = args[k].value.asVector, let d = Coerce.doubles(v) else { throw RError("invalid 'x' argument") }
        return d
    }

    /// The zone named by argument k; an unknown name warns as R does and means UTC.
    static func zone(_ args: [EvaluatedArgument], _ k: Int, _ ctx: CallContext) -> TimeZoneRule {
        let name = k < args.count ? (args[k].value.stringValue ?? "") : ""
        if let rule = TimeZoneRule(name) { return rule }
        ctx.interpreter.warning("unknown timezone '\(name)'", call: nil)
        return TimeZoneRule("UTC")!
    }

    static func posixct(_ seconds: [Double], tzone: String?) -> RValue {
        var v = RVector(.double(seconds))
        v.attributes["class"] = .character(["POSIXct", "POSIXt"])
        if let tzone { v.attributes["tzone"] = .scalar(tzone) }
        return .vector(v)
    }

    /// A POSIXlt list of the times (nil for NA), its tzone attribute as R gives it: the name
    /// alone for UTC, else the name with the standard and summer abbreviations.
    static func posixlt(_ times: [BrokenDownTime?], rule: TimeZoneRule) -> RValue {
        func ints(_ f: (BrokenDownTime) -> Int) -> RValue { .integer(times.map { $0.map(f) ?? NAInteger }) }
        let columns: [RValue] = [
            .double(times.map { $0?.sec ?? NAReal }), ints(\.min), ints(\.hour), ints(\.mday), ints(\.mon), ints(\.year),
            ints(\.wday), ints(\.yday), .integer(times.map { $0?.isdst ?? -1 }),
            .character(times.map { $0?.zone ?? "" }),
            .integer(times.map { $0?.gmtoff ?? NAInteger }),
        ]
        var v = RVector(.list(columns))
        v.names = fieldNames.map { Optional($0) }
        v.attributes["class"] = .character(["POSIXlt", "POSIXt"])
        if rule.isUTC && !rule.name.isEmpty {
            v.attributes["tzone"] = .scalar(rule.name)
        } else {
            let (standard, summer) = rule.abbreviations
            v.attributes["tzone"] = .character([rule.name, standard, summer])
        }
        return .vector(v)
    }

    /// The elements of a POSIXlt list (the first argument) as broken-down times, nil where a
    /// field is NA. Shorter fields recycle, as R's balancing does.
    static func fields(_ args: [EvaluatedArgument], _ k: Int) throws -> [BrokenDownTime?] {
        guard k < args.count, case .vector(let v) = args[k].value, case .list(let items) = v.storage, items.count >= 9 else {
            throw RError("invalid 'x' argument")
        }
        let names = v.names ?? []
        func column(_ name: String, _ position: Int) -> RVector? {
            if let j = names.firstIndex(of: name), case .vector(let c) = items[j] { return c }
            if names.isEmpty, position < items.count, case .vector(let c) = items[position] { return c }
            return nil
        }
        let numeric = fieldNames.prefix(9).enumerated().map { column($0.element, $0.offset).flatMap(Coerce.doubles) ?? [] }
        let zones = column("zone", 9).map(Coerce.strings) ?? []
        let offsets = column("gmtoff", 10).flatMap(Coerce.doubles) ?? []
        let n = numeric.prefix(6).contains(where: \.isEmpty) ? 0 : numeric.map(\.count).max() ?? 0
        return (0..<n).map { i in
            func at(_ j: Int) -> Double { numeric[j].isEmpty ? 0 : numeric[j][i % numeric[j].count] }
            // Fields edited by R code may hold anything: beyond these bounds the time is NA, and
            // a weekday, day of the year or offset out of range is left unknown.
            let values = (0..<6).map(at)
            guard abs(values[0]) < 1e12, values.dropFirst().allSatisfy({ abs($0) < 1e9 }) else { return nil }
            func whole(_ x: Double, else unknown: Int) -> Int { abs(x) < 1e9 ? Int(x) : unknown }
            var t = BrokenDownTime(sec: values[0], min: Int(values[1]), hour: Int(values[2]), mday: Int(values[3]),
                                   mon: Int(values[4]), year: Int(values[5]))
            t.wday = whole(at(6), else: -1)
            t.yday = whole(at(7), else: 0)
            t.isdst = whole(at(8), else: -1)
            t.zone = zones.isEmpty ? "" : zones[i % zones.count] ?? ""
            if !offsets.isEmpty, abs(offsets[i % offsets.count]) < 1e9 { t.gmtoff = Int(offsets[i % offsets.count]) }
            return t
        }
    }
}
