/// stats' print method for "anova" tables, whichever function made them (anova of lm and
/// lmer fits, lmerTest's ranova).
enum PrintAnova {
    static func install(_ interp: Interpreter) {
        interp.define("print.anova", { ctx, args in
            guard let x = args.first?.value else { throw RError("argument \"x\" is missing, with no default") }
            ctx.interpreter.write(try AnovaTable.printed(x, RCalls(ctx)))
            ctx.interpreter.visible = false
            return x
        })
    }
}
