/// stats::anova, the generic: dispatches on the class of its first argument.
enum AnovaGeneric {
    static func install(_ interp: Interpreter) {
        interp.define("anova", { ctx, args in
            guard let x = args.first?.value else { throw RError("argument \"object\" is missing, with no default") }
            let classes = x.explicitClass ?? S3Library.implicitClass(x)
            if let result = try ctx.interpreter.dispatchInternalGeneric("anova", classes: classes, args: args, call: ctx.call, env: ctx.env) {
                return result
            }
            throw RError("no applicable method for 'anova' applied to an object of class \"\(classes.first ?? "")\"")
        })
    }
}
