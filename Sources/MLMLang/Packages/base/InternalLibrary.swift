/// base's `.Internal(f(args))`: calls the kernel `f` registered with `defineInternal`, its
/// arguments evaluated in the caller. Functions mlmd writes in R reach their Swift kernels this
/// way, as R's reach their C code, without those kernels being bound in any namespace.
enum InternalLibrary {
    static func install(_ interp: Interpreter) {
        interp.define(".Internal", special: { ctx, args in
            guard args.count == 1, case .call(let call) = args[0].value, let name = call.functionName else {
                throw RError("invalid .Internal() argument")
            }
            guard let kernel = ctx.interpreter.internalFunctions[name], case .eager(let body) = kernel.body else {
                throw RError("there is no .Internal function '\(name)'")
            }
            let evaluated = try ctx.interpreter.evaluateArguments(call.arguments, ctx.env, call: call)
            return try body(CallContext(interpreter: ctx.interpreter, env: ctx.env, call: ctx.call), evaluated)
        })
    }
}
