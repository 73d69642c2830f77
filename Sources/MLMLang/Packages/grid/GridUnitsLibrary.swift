/// grid's unit() and arrow() (which ggplot2 re-exports for themes and segments) and
/// print.unit: values with grid's classes; mlmd draws no grid graphics of its own.
enum GridUnitsLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("unit", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "units", "data"], args, call: ctx.call)
            guard let x = m["x"]?.asVector, let values = Coerce.doubles(x), !values.isEmpty else {
                throw RError("'x' and 'units' must have length > 0")
            }
            guard let name = m["units"]?.stringValue else { throw RError("argument \"units\" is missing, with no default") }
            guard let code = GridUnits.code(name) else { throw RError("Invalid unit") }
            var v = RVector(.double(values))
            v.attributes["unit"] = .integer([code])
            v.attributes["class"] = .character(["simpleUnit", "unit", "unit_v2"])
            return .vector(v)
        })
        interp.define("print.unit", { ctx, args in
            guard case .vector(let v)? = args.first?.value else { return .null }
            let name = GridUnits.name(v.attributes["unit"]?.scalarInt() ?? 0)
            var printer = ctx.interpreter.vectorPrinter
            printer.quote = false
            let texts = (Coerce.doubles(v) ?? []).map { Optional(RFormat.significant($0, digits: 15) + name) }
            ctx.interpreter.write(printer.print(RVector(.character(texts))))
            ctx.interpreter.visible = false
            return .vector(v)
        })
        interp.define("arrow", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["angle", "length", "ends", "type"], args, call: ctx.call)
            let ends = ["first", "last", "both"], types = ["open", "closed"]
            let end = m["ends"]?.stringValue ?? "last", type = m["type"]?.stringValue ?? "open"
            guard let e = ends.firstIndex(of: end) else { throw RError("'arg' should be one of \u{201C}first\u{201D}, \u{201C}last\u{201D}, \u{201C}both\u{201D}") }
            guard let t = types.firstIndex(of: type) else { throw RError("'arg' should be one of \u{201C}open\u{201D}, \u{201C}closed\u{201D}") }
            var length = RVector(.double([0.25]))
            length.attributes["unit"] = .integer([2])
            length.attributes["class"] = .character(["simpleUnit", "unit", "unit_v2"])
            var v = RVector(.list([m["angle"] ?? .scalar(30.0), m["length"] ?? .vector(length), .integer([e + 1]), .integer([t + 1])]))
            v.names = ["angle", "length", "ends", "type"]
            v.attributes["class"] = .character(["arrow"])
            return .vector(v)
        })
    }
}
