/// stats' print method for "anova" tables, whichever function made them (anova of lm and
/// lmer fits, lmerTest's ranova).
enum PrintAnova {
    static func install(_ interp: Interpreter) {
        interp.define("print.anova", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits", "signif.stars", "..."], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            let digits = m["digits"]?.scalarInt() ?? max(ctx.interpreter.digits - 2, 3)
            ctx.interpreter.write(try AnovaTable.printed(x, RCalls(ctx), digits: digits))
            ctx.interpreter.visible = false
            return x
        })
    }
}
