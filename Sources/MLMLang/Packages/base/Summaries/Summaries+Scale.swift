/// base::scale and base::format.pval.
extension Summaries {
    static func installScale(_ interp: Interpreter) {
        interp.define("scale", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "center", "scale"], args, call: ctx.call)
            return try scale(m["x"], center: m["center"], scale: m["scale"])
        })
        interp.define("format.pval", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["pv", "digits", "eps", "na.form", "..."], args, call: ctx.call)
            let digits = m["digits"]?.scalarInt() ?? Swift.max(1, ctx.interpreter.digits - 2)
            return .character(formatPValues(try numbers(m["pv"]), digits: digits,
                                            eps: m["eps"]?.scalarDouble() ?? Double.ulpOfOne,
                                            naForm: m["na.form"]?.scalarString() ?? "NA"))
        })
    }
}
