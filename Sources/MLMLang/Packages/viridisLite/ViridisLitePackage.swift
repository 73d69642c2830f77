import Graphics

extension RPackage {
    /// viridisLite: the viridis colour maps (viridis, magma, inferno, plasma, cividis, rocket, mako,
    /// turbo) as vectors of "#RRGGBBAA" colours, interpolated as R does (Graphics' ViridisPalette).
    static let viridisLite = RPackage(name: "viridisLite", install: { interp in ViridisLiteLibrary.install(interp) })
}

enum ViridisLiteLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("viridis") { ctx, args in try colours(ctx, args, option: nil) }
        for (name, letter) in [("magma", "A"), ("inferno", "B"), ("plasma", "C"), ("cividis", "E"), ("rocket", "F"),
                               ("mako", "G"), ("turbo", "H")] {
            interp.define(name) { ctx, args in try colours(ctx, args, option: letter) }
        }
    }

    /// viridis(n, alpha = 1, begin = 0, end = 1, direction = 1, option = "D"); the named maps
    /// take no option.
    private static func colours(_ ctx: CallContext, _ args: [EvaluatedArgument], option fixed: String?) throws -> RValue {
        let formals = ["n", "alpha", "begin", "end", "direction"] + (fixed == nil ? ["option"] : [])
        let (m, _) = try ctx.interpreter.matchBuiltinArguments(formals, args, call: ctx.call)
        guard let nArgument = m["n"] else { throw RError("argument \"n\" is missing, with no default") }
        guard let nValue = nArgument.doubleValue, nValue.isFinite, nValue >= 0 else { throw RError("invalid 'n' argument") }
        let n = nValue.saturatingInt
        try RLimits.check(n, bytesPerElement: 8)
        let begin = m["begin"]?.doubleValue ?? 0, end = m["end"]?.doubleValue ?? 1
        guard (0...1).contains(begin), (0...1).contains(end) else { throw RError("begin and end must be in [0,1]") }
        let direction = m["direction"]?.doubleValue ?? 1
        guard abs(direction) == 1 else { throw RError("direction must be 1 or -1") }
        var option = fixed ?? m["option"]?.stringValue ?? "D"
        if ViridisPalette.optionLetter(option) == nil {
            ctx.interpreter.warning("Option '\(option)' does not exist. Defaulting to 'viridis'.", call: ctx.call)
            option = "D"
        }
        guard let hex = ViridisPalette.colours(count: n, alpha: m["alpha"]?.doubleValue ?? 1, begin: begin, end: end,
                                                       direction: Int(direction), option: option) else {
            throw RError("invalid 'n' argument")
        }
        return .character(hex.map { Optional($0) })
    }
}
