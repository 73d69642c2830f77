/// Evaluation of expressions: constants, symbol lookup through promises, and calls.
extension Interpreter {
    public func eval(_ expr: Expr, _ env: Environment) throws -> RValue {
        checkpointCountdown &-= 1
        if checkpointCountdown < 0 { try checkpoint() }
        switch expr {
        case .constant(let v):
            visible = true
            return v
        case .symbol(let name):
            visible = true
            return try lookup(name, env)
        case .call(let call):
            return try evalCall(call, env)
        case .function(let def):
            visible = true
            return .closure(Closure(parameters: def.parameters, body: .function(def), env: env))
        case .missingArgument:
            throw RError("argument is missing, with no default")
        }
    }

    /// The value bound to `name`, forcing a promise if needed.
    public func lookup(_ name: String, _ env: Environment) throws -> RValue {
        if name.utf8.first == UInt8(ascii: "."), name.hasPrefix(".."), let k = Int(name.dropFirst(2)), k >= 1 {
            guard case .dots(let d)? = env.lookupFrame("...")?.binding("...") else { throw RError("..\(k) used in an incorrect context, no ... to look in") }
            guard k <= d.count else { throw RError("the ... list contains fewer than \(k) elements") }
            return try force(d[k - 1].promise)
        }
        var e: Environment? = env
        while let frame = e {
            if let binding = frame.binding(name) {
                if case .value(let v) = binding { return v }
                return try value(of: binding, name: name)
            }
            e = frame.parent
        }
        throw RError("object '\(name)' not found")
    }

    func value(of binding: Binding, name: String) throws -> RValue {
        switch binding {
        case .value(let v): return v
        case .promise(let p): return try force(p)
        case .missing: throw RError("argument \"\(name)\" is missing, with no default")
        case .dots: throw RError("'...' used in an incorrect context")
        }
    }

    public func force(_ p: Promise) throws -> RValue {
        if let v = p.value { return v }
        guard let env = p.env else { return .null }
        if p.underEvaluation {
            throw RError("promise already under evaluation: recursive default argument reference or earlier problems?")
        }
        p.underEvaluation = true
        defer { p.underEvaluation = false }
        let v = try eval(p.expr, env)
        p.fulfil(v)
        return v
    }

    /// Finds a function by name, skipping bindings that are not functions, as R does for calls.
    func lookupFunction(_ name: String, _ env: Environment) throws -> RValue {
        var e: Environment? = env
        while let frame = e {
            if let b = frame.binding(name) {
                if case .value(let v) = b, v.isFunction { return v }
                let v = try value(of: b, name: name)
                if v.isFunction { return v }
            }
            e = frame.parent
        }
        throw RError("could not find function \"\(name)\"")
    }

    func evalCall(_ call: Call, _ env: Environment) throws -> RValue {
        let function: RValue
        switch call.function {
        case .symbol(let name):
            if call.cachedEpoch == env.epoch.value, let cached = call.cachedFunction {
                function = cached
                break
            }
            do { function = try lookupFunction(name, env) } catch let e as RError { throw RError(e.message, call: call) }
            if case .builtin = function, env.epoch.baseFunctionNames.contains(name) {
                call.cachedFunction = function
                call.cachedEpoch = env.epoch.value
            }
        default:
            function = try eval(call.function, env)
        }
        return try apply(function, call: call, env: env)
    }

    /// Calls a function value with the call's (unevaluated) arguments.
    func apply(_ function: RValue, call: Call, env: Environment) throws -> RValue {
        switch function {
        case .builtin(let b):
            switch b.body {
            case .special(let body):
                visible = true
                return try body(CallContext(interpreter: self, env: env, call: call), call.arguments)
            case .eager(let body):
                if let binary = b.binary, call.arguments.count == 2, let result = try applyBinary(binary, b, call, env) {
                    return result
                }
                let args = try evaluateArguments(call.arguments, env, call: call)
                visible = true
                switch b.dispatch {
                case .none: break
                case .groupOp:
                    if args.contains(where: { $0.value.hasAttributes }), args.contains(where: { $0.value.explicitClass != nil }),
                       let result = try dispatchOps(b.name, args: args, call: call, env: env) {
                        return result
                    }
                case .groupSummary:
                    if let first = args.first?.value, let classes = first.explicitClass,
                       let result = try dispatchSummary(b.name, classes: classes, args: args, call: call, env: env) {
                        return result
                    }
                case .internalGeneric:
                    if let first = args.first?.value, let classes = first.explicitClass,
                       let result = try dispatchInternalGeneric(b.name, classes: classes, args: args, call: call, env: env) {
                        return result
                    }
                }
                return try runBuiltin(b, call) { try body(CallContext(interpreter: self, env: env, call: call), args) }
            }
        case .closure(let c):
            let supplied = try promiseArguments(call.arguments, env)
            return try applyClosure(c, call: call, supplied: supplied, callerEnv: env)
        default:
            throw RError("attempt to apply non-function", call: call)
        }
    }

    /// R reports an uncaught error before the on.exit code of the functions it unwinds runs.
    private func reportBeforeExitHandlers(_ e: inout RError, env: Environment) {
        guard !e.reported, exitHandlers[ObjectIdentifier(env)] != nil,
              !handlerStack.contains(where: { ["error", "simpleError", "condition"].contains($0.conditionClass) }) else { return }
        emit(.error(e.message, call: e.call.map(Deparser.firstLine)))
        e.reported = true
    }

    static let groupOps: Set<String> = ["+", "-", "*", "/", "^", "%%", "%/%", "==", "!=", "<", ">", "<=", ">=", "&", "|", "!"]

    /// The Ops group generic: `op.class` or `Ops.class` of the left, then the right operand.
    func dispatchOps(_ op: String, args: [EvaluatedArgument], call: Call, env: Environment) throws -> RValue? {
        for operand in args {
            guard let classes = operand.value.explicitClass else { continue }
            for cls in classes {
                for name in ["\(op).\(cls)", "Ops.\(cls)"] {
                    guard let method = lookupMethod(name, env) else { continue }
                    let supplied = args.map { (name: Optional<String>.none, promise: Optional(Promise(value: $0.value, expr: .constant($0.value)))) }
                    guard case .closure(let c) = method else {
                        return try invoke(method, supplied: supplied, call: call, env: env)
                    }
                    let methodCall = Call(.symbol(name), call.arguments, location: call.location)
                    return try applyClosure(c, call: methodCall, supplied: supplied, callerEnv: env,
                                            extraBindings: [(".Generic", .scalar(op))])
                }
            }
        }
        return nil
    }

    static let groupSummary: Set<String> = ["sum", "prod", "max", "min", "range", "all", "any"]

    /// The Summary group generic: `fun.class` or `Summary.class` of the first argument.
    func dispatchSummary(_ name: String, classes: [String], args: [EvaluatedArgument], call: Call, env: Environment) throws -> RValue? {
        for cls in classes {
            for methodName in ["\(name).\(cls)", "Summary.\(cls)"] {
                guard let method = lookupMethod(methodName, env), case .closure(let c) = method else { continue }
                let supplied = args.map { (name: $0.name, promise: Optional(Promise(value: $0.value, expr: .constant($0.value)))) }
                let methodCall = Call(.symbol(methodName), call.arguments, location: call.location)
                return try applyClosure(c, call: methodCall, supplied: supplied, callerEnv: env,
                                        extraBindings: [(".Generic", .scalar(name))])
            }
        }
        return nil
    }

    /// Builtins that are S3 generics in R: a classed first argument goes to a method if one exists.
    static let internalGenerics: Set<String> = [
        "print", "format", "summary", "length", "as.character", "as.numeric", "as.double", "as.integer", "as.list",
        "as.vector", "head", "tail", "mean", "median", "quantile", "unique", "rev", "sort", "toString", "all.equal",
        "seq", "rep", "t", "dim", "levels", "c", "anova", "as.data.frame", "as_tibble", "plot", "predict", "coef",
        "fitted", "residuals", "resid", "vcov", "confint", "logLik", "nobs", "update", "droplevels", "cbind", "rbind",
        "names", "$", "[[", "[", "with", "within", "subset", "merge", "split", "by", "aggregate", "transform",
        "str", "deviance", "AIC", "BIC", "sigma", "ranef", "fixef", "VarCorr", "glance", "tidy", "augment",
        "diff", "cut", "is.na", "is.numeric", "trunc", "round", "model.matrix",
    ]

    /// Runs `name.<class>` for the first class that has a method; nil when none has.
    func dispatchInternalGeneric(_ name: String, classes: [String], args: [EvaluatedArgument], call: Call, env: Environment) throws -> RValue? {
        // as.numeric is as.double, and resid is residuals: their methods are the others'.
        let name = name == "as.numeric" ? "as.double" : name == "resid" ? "residuals" : name
        for (k, cls) in classes.enumerated() {
            guard let method = lookupMethod("\(name).\(cls)", env) else { continue }
            let supplied = args.map { (name: $0.name, promise: Optional(Promise(value: $0.value, expr: .constant($0.value)))) }
            let methodCall = Call(.symbol("\(name).\(cls)"), call.arguments, location: call.location)
            switch method {
            case .closure(let c):
                let state = DispatchState(generic: name, classes: classes, position: k, object: args[0].value)
                return try applyClosure(c, call: methodCall, supplied: supplied, callerEnv: env, dispatch: state)
            case .builtin:
                return try invoke(method, supplied: supplied, call: methodCall, env: env)
            default:
                continue
            }
        }
        return nil
    }

    /// Operators with two plain arguments skip building an argument array; classed operands
    /// (which may have Ops methods) take the general path.
    @inline(__always)
    private func applyBinary(_ binary: (RValue, RValue, CallContext) throws -> RValue, _ b: Builtin, _ call: Call,
                             _ env: Environment) throws -> RValue? {
        let a0 = call.arguments[0], a1 = call.arguments[1]
        guard a0.name == nil, a1.name == nil else { return nil }
        switch a0.value { case .symbol("..."), .missingArgument: return nil; default: break }
        switch a1.value { case .symbol("..."), .missingArgument: return nil; default: break }
        let x = try eval(a0.value, env)
        let y = try eval(a1.value, env)
        visible = true
        if x.hasAttributes || y.hasAttributes {
            let args = [EvaluatedArgument(x), EvaluatedArgument(y)]
            if let result = try dispatchOps(b.name, args: args, call: call, env: env) { return result }
        }
        return try runBuiltin(b, call) { try binary(x, y, CallContext(interpreter: self, env: env, call: call)) }
    }

    /// Runs a builtin's body: its errors name the call (except stop and warning, which name
    /// the calling closure), and an unwind a handler asked for during it happens now.
    @inline(__always)
    private func runBuiltin(_ b: Builtin, _ call: Call, _ body: () throws -> RValue) throws -> RValue {
        let result: RValue
        do {
            result = try body()
        } catch var e as RError where e.call == nil && !e.noCall && !isConditionSignal(b.name) && e.condition == nil {
            e.call = call
            throw e
        }
        if let pending = pendingUnwind {
            pendingUnwind = nil
            throw pending
        }
        return result
    }

    /// `stop` and `warning` name the calling closure, never themselves.
    private func isConditionSignal(_ name: String) -> Bool { name == "stop" || name == "warning" }

    /// Evaluates arguments for a builtin, expanding `...`.
    public func evaluateArguments(_ arguments: [Argument], _ env: Environment, call: Call? = nil) throws -> [EvaluatedArgument] {
        var result: [EvaluatedArgument] = []
        result.reserveCapacity(arguments.count)
        for (i, a) in arguments.enumerated() {
            switch a.value {
            case .symbol("..."):
                guard let frame = env.lookupFrame("..."), case .dots(let dots)? = frame.binding("...") else {
                    if env.lookupFrame("...") != nil { continue }
                    throw RError("'...' used in an incorrect context")
                }
                for d in dots { result.append(EvaluatedArgument(name: d.name, try force(d.promise))) }
            case .missingArgument:
                throw RError("argument \(i + 1) is empty", call: call)
            default:
                result.append(EvaluatedArgument(name: a.name, try eval(a.value, env)))
            }
        }
        return result
    }

    /// Wraps arguments in promises for a closure, expanding `...` into its promises.
    func promiseArguments(_ arguments: [Argument], _ env: Environment) throws -> [(name: String?, promise: Promise?)] {
        var result: [(name: String?, promise: Promise?)] = []
        for a in arguments {
            switch a.value {
            case .symbol("..."):
                if case .dots(let dots)? = env.lookupFrame("...")?.binding("...") {
                    for d in dots { result.append((d.name, d.promise)) }
                }
            case .missingArgument:
                result.append((a.name, nil))
            case .constant(let v):
                result.append((a.name, Promise(value: v, expr: a.value)))
            default:
                result.append((a.name, Promise(expr: a.value, env: env)))
            }
        }
        return result
    }

    /// Evaluates a closure's body in a new environment whose parent is the closure's own.
    func applyClosure(_ c: Closure, call: Call, supplied: [(name: String?, promise: Promise?)],
                             callerEnv: Environment, dispatch: DispatchState? = nil,
                             extraBindings: [(String, RValue)] = []) throws -> RValue {
        let env = Environment(parent: c.env)
        try matchArguments(c.parameters, supplied, into: env, call: call)
        for (name, value) in extraBindings { env.set(name, value) }
        if frames.count > 5000 {
            throw RError("evaluation nested too deeply: infinite recursion / options(expressions=)?")
        }
        frames.append(Frame(call: call, env: env, function: c, supplied: supplied, callerEnv: callerEnv, dispatch: dispatch))
        conditionCalls.append(call)
        defer {
            frames.removeLast()
            conditionCalls.removeLast()
        }
        defer { runExitHandlers(env) }
        let body: Expr
        if case .function(let def) = c.body { body = def.body } else { body = c.body }
        do {
            return try eval(body, env)
        } catch ControlFlow.returnValue(let v, let from) where from === env {
            return v
        } catch var e as RError where e.call == nil && !e.noCall && e.condition == nil && !e.reported {
            // Errors the evaluator raises (an unknown object, a missing argument) name the closure.
            e.call = call
            reportBeforeExitHandlers(&e, env: env)
            throw e
        } catch var e as RError {
            reportBeforeExitHandlers(&e, env: env)
            throw e
        } catch ControlFlow.breakLoop, ControlFlow.nextIteration {
            throw RError("no loop for break/next, jumping to top level", call: call)
        }
    }

    /// Arguments of a builtin that also accepts `...`: R's rules of exact, partial and
    /// positional matching, reported as values.
    public func matchBuiltinArguments(_ formals: [String], _ args: [EvaluatedArgument], call: Call?) throws
        -> (matched: [String: RValue], rest: [EvaluatedArgument]) {
        var matched: [String: RValue] = [:]
        var used = [Bool](repeating: false, count: args.count)
        let dotsIndex = formals.firstIndex(of: "...") ?? formals.count
        // Exact names.
        for (i, a) in args.enumerated() {
            guard let n = a.name, formals.contains(n), n != "...", matched[n] == nil else { continue }
            matched[n] = a.value
            used[i] = true
        }
        // Partial names, only for formals before `...`.
        for (i, a) in args.enumerated() where !used[i] {
            guard let n = a.name, !n.isEmpty else { continue }
            let candidates = formals[..<dotsIndex].filter { $0.hasPrefix(n) && matched[$0] == nil }
            if candidates.count == 1 { matched[candidates[0]] = a.value; used[i] = true }
        }
        // Positions.
        var rest: [EvaluatedArgument] = []
        var f = 0
        for (i, a) in args.enumerated() where !used[i] {
            if a.name != nil && !(a.name?.isEmpty ?? true) {
                if dotsIndex < formals.count { rest.append(a); continue }
                throw RError("unused argument (\(a.name ?? "") = \(Deparser.deparseValueBrief(a.value)))", call: call)
            }
            while f < dotsIndex && matched[formals[f]] != nil { f += 1 }
            if f < dotsIndex {
                matched[formals[f]] = a.value
                f += 1
            } else if dotsIndex < formals.count {
                rest.append(a)
            } else {
                throw RError("unused argument (\(Deparser.deparseValueBrief(a.value)))", call: call)
            }
        }
        return (matched, rest)
    }
}
