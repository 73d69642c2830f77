/// magrittr's pipes %>%, %$% and %<>% (which pipes its left side and assigns the result back to it).
enum MagrittrPipes {
    static func install(_ interp: Interpreter) {
        interp.define("%>%", special: { ctx, args in try pipe(ctx, args) })
        interp.define("%<>%", special: { ctx, args in
            let value = try pipe(ctx, args)
            try ctx.interpreter.assign(args[0].value, value, in: ctx.env, superAssignment: false, call: ctx.call)
            ctx.interpreter.visible = false
            return value
        })
        interp.define("%$%", special: { ctx, args in
            guard args.count == 2 else { throw RError("invalid pipe", call: ctx.call) }
            let data = try ctx.interpreter.eval(args[0].value, ctx.env)
            let env = try EnvironmentLibrary.evaluationEnvironment(data, enclos: nil, ctx: ctx)
            return try ctx.interpreter.eval(args[1].value, env)
        })
    }

    static func pipe(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        guard args.count == 2 else { throw RError("invalid use of pipe", call: ctx.call) }
        let i = ctx.interpreter
        let lhs = try i.eval(args[0].value, ctx.env)
        let env = Environment(parent: ctx.env)
        env.set(".", lhs)
        let dot = Argument(.symbol("."))
        switch args[1].value {
        case .symbol(let name):
            return try i.eval(.call(Call(.symbol(name), [dot], location: ctx.call.location)), env)
        case .function:
            let f = try i.eval(args[1].value, env)
            return try i.callValue(f, [EvaluatedArgument(lhs)], env: env)
        case .call(let c):
            if c.functionName == "{" { return try i.eval(args[1].value, env) }
            if c.functionName == "(" || c.functionName == "function" {
                let f = try i.eval(args[1].value, env)
                return try i.callValue(f, [EvaluatedArgument(lhs)], env: env)
            }
            let hasDot = c.arguments.contains { if case .symbol(".") = $0.value { return true }; return false }
            let call = hasDot ? c : Call(c.function, [dot] + c.arguments, location: c.location)
            return try i.eval(.call(call), env)
        default:
            throw RError("RHS must be a function or a call", call: ctx.call)
        }
    }
}
