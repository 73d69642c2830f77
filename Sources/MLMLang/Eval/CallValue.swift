/// Calling an R function value from Swift with evaluated arguments (apply family, do.call,
/// tryCatch handlers), with S3 dispatch for builtin generics as at an R call site.
extension Interpreter {
    public func callValue(_ function: RValue, _ args: [EvaluatedArgument], env: Environment, call: Call? = nil) throws -> RValue {
        let site = call ?? Call(.symbol("FUN"), args.map { Argument(name: $0.name, .constant($0.value)) })
        switch function {
        case .closure(let c):
            let supplied = args.map { (name: $0.name, promise: Optional(Promise(value: $0.value, expr: .constant($0.value)))) }
            return try applyClosure(c, call: site, supplied: supplied, callerEnv: env)
        case .builtin(let b):
            if Self.internalGenerics.contains(b.name), let first = args.first?.value, let classes = first.explicitClass,
               let result = try dispatchInternalGeneric(b.name, classes: classes, args: args, call: site, env: env) {
                return result
            }
            if Self.groupSummary.contains(b.name), let first = args.first?.value, let classes = first.explicitClass,
               let result = try dispatchSummary(b.name, classes: classes, args: args, call: site, env: env) {
                return result
            }
            let supplied = args.map { (name: $0.name, promise: Optional(Promise(value: $0.value, expr: .constant($0.value)))) }
            return try invoke(function, supplied: supplied, call: site, env: env)
        default:
            throw RError("attempt to apply non-function", call: call)
        }
    }

    /// `match.fun`: a function value, or the function named by a string.
    public func functionArgument(_ v: RValue, env: Environment) throws -> RValue {
        if v.isFunction { return v }
        if let name = v.stringValue, case .vector(let vec) = v, case .character = vec.storage { return try lookupFunction(name, env) }
        throw RError("'\(Deparser.deparseValueBrief(v))' is not a function, character or symbol")
    }
}
