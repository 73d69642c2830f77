/// ggplot2's date and datetime position scales: a Date or POSIXct mapped to x or y makes its
/// axis a date scale, with breaks from pretty() over the expanded range labelled as pretty()
/// labels them ("Jan", "Feb", ...; "2020", "2021"); scale_x_date() and scale_x_datetime() (and
/// their y forms) give a name, `date_breaks` ("2 weeks", laid out as scales' fullseq does),
/// `date_labels` (a strftime format) or explicit `breaks`.
enum GgplotDateScale {
    enum Kind {
        case date
        case dateTime(TimeZoneRule)
    }

    static let dateClasses = ["ScaleContinuousDate", "ScaleContinuous", "Scale", "ggproto", "gg"]
    static let dateTimeClasses = ["ScaleContinuousDatetime", "ScaleContinuous", "Scale", "ggproto", "gg"]

    /// A date scale for a Date vector, a datetime scale (in the vector's zone) for POSIXct.
    static func kind(of v: RVector) -> Kind? {
        guard let classes = v.classes else { return nil }
        if classes.contains("Date") { return .date }
        if classes.contains("POSIXct") {
            var zone = ""
            if case .vector(let tz)? = v.attributes["tzone"] { zone = Coerce.strings(tz).first.flatMap { $0 } ?? "" }
            return .dateTime(TimeZoneRule(zone) ?? TimeZoneRule("UTC")!)
        }
        return nil
    }

    static func install(_ interp: Interpreter) {
        for axis in ["x", "y"] {
            for (suffix, classes) in [("date", dateClasses), ("datetime", dateTimeClasses)] {
                interp.define("scale_\(axis)_\(suffix)", { ctx, args in
                    let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                        ["name", "breaks", "date_breaks", "labels", "date_labels", "minor_breaks", "date_minor_breaks", "limits",
                         "expand", "guide", "position", "sec.axis", "timezone"], args, call: ctx.call)
                    for unsupported in ["labels", "minor_breaks", "date_minor_breaks", "limits", "expand", "guide", "position", "sec.axis"]
                        where m[unsupported] != nil {
                        throw RError("scale_\(axis)_\(suffix)(\(unsupported) = ) is not supported yet")
                    }
                    var names = ["aesthetic"], values: [RValue] = [.scalar(axis)]
                    for key in ["name", "breaks", "date_breaks", "date_labels", "timezone"] {
                        if let v = m[key] { names.append(key); values.append(v) }
                    }
                    var v = RVector(.list(values))
                    v.names = names.map { Optional($0) }
                    v.attributes["class"] = .character(classes.map { Optional($0) })
                    return .vector(v)
                })
            }
        }
    }

    /// The axis's ticks for a range (days for dates, seconds for times), from the scale's
    /// settings if a date scale was added.
    static func ticks(_ kind: Kind, settings: RValue?) throws -> (ClosedRange<Double>) -> [(Double, String)] {
        let isDate: Bool, zone: TimeZoneRule
        switch kind {
        case .date: isDate = true; zone = TimeZoneRule("UTC")!
        case .dateTime(let z):
            isDate = false
            let given = settings.flatMap { ListFields.field($0, "timezone")?.stringValue }
            zone = given.flatMap { TimeZoneRule($0) } ?? z
        }
        let format = settings.flatMap { ListFields.field($0, "date_labels")?.stringValue }
        let spec = settings.flatMap { ListFields.field($0, "date_breaks")?.stringValue }
        let explicit = settings.flatMap { ListFields.field($0, "breaks")?.asVector }.flatMap(Coerce.doubles)
        let scale = isDate ? 86400.0 : 1
        // Labels without date_labels: pretty()'s own, or format()'s default for other breaks.
        func label(_ position: Double, _ fallback: String?) -> String {
            if let format { return zone.brokenDown(seconds: position * scale).map { TimeFormatting.format($0, format) } ?? "NA" }
            if let fallback { return fallback }
            return zone.brokenDown(seconds: position * scale).map { TimeFormatting.format($0, isDate ? "%Y-%m-%d" : "%Y-%m-%d %H:%M:%S") } ?? "NA"
        }
        if let spec {
            _ = try PrettyDates.fullSequence(lo: 0, hi: 1, spec: spec, isDate: isDate, zone: zone)   // R's error for a bad spec
            return { range in
                let positions = (try? PrettyDates.fullSequence(lo: range.lowerBound, hi: range.upperBound, spec: spec, isDate: isDate, zone: zone)) ?? []
                return positions.map { ($0, label($0, nil)) }
            }
        }
        if let explicit { return { _ in explicit.map { ($0, label($0, nil)) } } }
        return { range in
            PrettyDates.pretty(lo: range.lowerBound * scale, hi: range.upperBound * scale, isDate: isDate, zone: zone)
                .map { ($0.0 / scale, label($0.0 / scale, $0.1)) }
        }
    }
}
