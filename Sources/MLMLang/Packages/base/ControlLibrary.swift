/// Control flow, assignment and quoting: the specials that see their arguments unevaluated.
enum ControlLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("{", special: { ctx, args in
            var result = RValue.null
            ctx.interpreter.visible = true
            for a in args { result = try ctx.interpreter.eval(a.value, ctx.env) }
            return result
        })
        interp.define("(", special: { ctx, args in
            guard let a = args.first else { return .null }
            let v = try ctx.interpreter.eval(a.value, ctx.env)
            ctx.interpreter.visible = true
            return v
        })
        interp.define("if", special: { ctx, args in
            let i = ctx.interpreter
            let cond = try i.eval(args[0].value, ctx.env)
            if try conditionHolds(cond, call: ctx.call, what: "if") {
                return try i.eval(args[1].value, ctx.env)
            } else if args.count > 2 {
                return try i.eval(args[2].value, ctx.env)
            }
            i.visible = false
            return .null
        })
        interp.define("for", special: { ctx, args in
            let i = ctx.interpreter
            guard case .symbol(let name) = args[0].value else { throw RError("invalid for() loop sequence", call: ctx.call) }
            let seq = try i.eval(args[1].value, ctx.env)
            let storage: Storage
            switch seq {
            case .null: storage = .logical([])
            case .vector(let v): storage = v.isFactor ? .character(Coerce.strings(v)) : v.storage
            default: throw RError("invalid for() loop sequence", call: ctx.call)
            }
            // Elements are made one at a time: a loop over 1:1e6 need not hold a million values.
            loop: for k in 0..<storage.count {
                let item: RValue
                switch storage {
                case .logical(let a): item = .logical([a[k]])
                case .integer(let a): item = .integer([a[k]])
                case .double(let a): item = .double([a[k]])
                case .character(let a): item = .character([a[k]])
                case .list(let a): item = a[k]
                }
                ctx.env.set(name, item)
                do { _ = try i.eval(args[2].value, ctx.env) }
                catch ControlFlow.breakLoop { break loop }
                catch ControlFlow.nextIteration { continue loop }
            }
            i.visible = false
            return .null
        })
        interp.define("while", special: { ctx, args in
            let i = ctx.interpreter
            while try conditionHolds(try i.eval(args[0].value, ctx.env), call: ctx.call, what: "while") {
                do { _ = try i.eval(args[1].value, ctx.env) }
                catch ControlFlow.breakLoop { break }
                catch ControlFlow.nextIteration { continue }
            }
            i.visible = false
            return .null
        })
        interp.define("repeat", special: { ctx, args in
            let i = ctx.interpreter
            while true {
                do { _ = try i.eval(args[0].value, ctx.env) }
                catch ControlFlow.breakLoop { break }
                catch ControlFlow.nextIteration { continue }
            }
            i.visible = false
            return .null
        })
        interp.define("break", special: { _, _ in throw ControlFlow.breakLoop })
        interp.define("next", special: { _, _ in throw ControlFlow.nextIteration })
        interp.define("return", special: { ctx, args in
            let v = try args.first.map { try ctx.interpreter.eval($0.value, ctx.env) } ?? .null
            throw ControlFlow.returnValue(v, from: ctx.env)
        })
        interp.define("quote", special: { ctx, args in
            guard args.count == 1 else { throw RError("\(args.count) arguments passed to 'quote' which requires 1", call: ctx.call) }
            return quoted(args[0].value)
        })
        interp.define("invisible", { ctx, args in
            ctx.interpreter.visible = false
            return args.first?.value ?? .null
        })
        for op in ["<-", "=", "<<-"] {
            interp.define(op, special: { ctx, args in
                guard args.count == 2 else { throw RError("invalid assignment", call: ctx.call) }
                let i = ctx.interpreter
                let value = try i.eval(args[1].value, ctx.env)
                try i.assign(args[0].value, value, in: ctx.env, superAssignment: op == "<<-", call: ctx.call)
                i.visible = false
                return value
            })
        }
        interp.define("missing", special: { ctx, args in
            guard case .symbol(let name)? = args.first?.value else { throw RError("invalid use of 'missing'", call: ctx.call) }
            guard let b = ctx.env.binding(name) else { throw RError("'missing' can only be used for arguments", call: ctx.call) }
            switch b {
            case .missing: return .scalar(true)
            case .dots(let d): return .scalar(d.isEmpty)
            case .promise(let p): return .scalar(p.isDefault)
            case .value: return .scalar(false)
            }
        })
    }

    /// A quoted expression as a value: constants stay constants.
    static func quoted(_ e: Expr) -> RValue {
        if case .constant(let v) = e { return v }
        return .language(Language(e))
    }

    /// R's checks on the condition of `if` and `while`.
    static func conditionHolds(_ v: RValue, call: Call, what: String) throws -> Bool {
        guard case .vector(let vec) = v, vec.count > 0 else {
            throw RError("argument is of length zero", call: call)
        }
        if vec.count > 1 { throw RError("the condition has length > 1", call: call) }
        if case .character(let s) = vec.storage, Coerce.logicals(vec)?[0] == .na {
            _ = s
            throw RError("argument is not interpretable as logical", call: call)
        }
        guard let l = Coerce.logicals(vec)?[0] else { throw RError("argument is of length zero", call: call) }
        switch l {
        case .yes: return true
        case .no: return false
        case .na: throw RError("missing value where TRUE/FALSE needed", call: call)
        }
    }
}

extension Promise {
    /// Whether the promise holds a formal's default rather than a supplied argument.
    var isDefault: Bool { isDefaultArgument }
}

extension Interpreter {
    /// Assigns to a name or, for `f(x, ...) <- value`, to `x` through the replacement function `f<-`.
    func assign(_ target: Expr, _ value: RValue, in env: Environment, superAssignment: Bool, call: Call) throws {
        switch target {
        case .symbol(let name):
            bind(name, value, in: env, superAssignment: superAssignment)
        case .constant(let c):
            guard let name = c.scalarString(), case .vector(let v) = c, case .character = v.storage else {
                throw RError("invalid (do_set) left-hand side to assignment", call: call)
            }
            bind(name, value, in: env, superAssignment: superAssignment)
        case .call(let c):
            if !superAssignment, try assignElementInPlace(c, value, in: env) { return }
            guard let fname = c.functionName, let first = c.arguments.first else {
                throw RError("invalid function in complex assignment", call: call)
            }
            let current: RValue
            do {
                current = try superAssignment ? lookup(rootName(first.value) ?? "", env.parent ?? env) : eval(first.value, env)
            } catch {
                if case .symbol(let n) = first.value { throw RError("object '\(n)' not found", call: call) }
                throw error
            }
            var replacement = try lookupFunction(fname + "<-", env)
            for cls in current.explicitClass ?? [] {
                if let method = lookupMethod("\(fname)<-.\(cls)", env) { replacement = method; break }
            }
            var supplied: [(name: String?, promise: Promise?)] = [(nil, Promise(value: current, expr: first.value))]
            for a in c.arguments.dropFirst() {
                if fname == "$" || fname == "@", case .symbol(let field) = a.value {
                    supplied.append((nil, Promise(value: .scalar(field), expr: .constant(.scalar(field)))))
                } else if case .missingArgument = a.value {
                    supplied.append((a.name, nil))
                } else {
                    supplied.append((a.name, Promise(expr: a.value, env: env)))
                }
            }
            supplied.append(("value", Promise(value: value, expr: .constant(value))))
            let replacementCall = Call(.symbol(fname + "<-"), c.arguments + [Argument(name: "value", .constant(value))],
                                       location: c.location)
            let updated: RValue
            do {
                updated = try invoke(replacement, supplied: supplied, call: replacementCall, env: env)
            } catch var error as RError where error.call === replacementCall && replacement.isBuiltin {
                // R reports an error in a primitive replacement function against the whole assignment.
                error.call = call
                throw error
            }
            try assign(first.value, updated, in: env, superAssignment: superAssignment, call: call)
        default:
            throw RError("invalid (do_set) left-hand side to assignment", call: call)
        }
    }

    private func rootName(_ e: Expr) -> String? {
        switch e {
        case .symbol(let s): return s
        case .call(let c): return c.arguments.first.flatMap { rootName($0.value) }
        default: return nil
        }
    }

    func bind(_ name: String, _ value: RValue, in env: Environment, superAssignment: Bool) {
        if superAssignment {
            let target = env.parent?.lookupFrame(name) ?? globalEnv
            target.set(name, value)
        } else {
            env.set(name, value)
        }
    }

    /// Calls a function with already-made promises, whether it is a builtin or a closure.
    public func invoke(_ function: RValue, supplied: [(name: String?, promise: Promise?)], call: Call, env: Environment) throws -> RValue {
        switch function {
        case .closure(let c):
            return try applyClosure(c, call: call, supplied: supplied, callerEnv: env)
        case .builtin(let b):
            switch b.body {
            case .eager(let body):
                var args: [EvaluatedArgument] = []
                for s in supplied {
                    guard let p = s.promise else { throw RError("argument is missing, with no default", call: call) }
                    args.append(EvaluatedArgument(name: s.name, try force(p)))
                }
                do {
                    return try body(CallContext(interpreter: self, env: env, call: call), args)
                } catch var e as RError where e.call == nil && !e.noCall {
                    e.call = call
                    throw e
                }
            case .special(let body):
                var args: [Argument] = []
                for s in supplied {
                    if let p = s.promise {
                        let v = try force(p)
                        args.append(Argument(name: s.name, .constant(v)))
                    } else {
                        args.append(Argument(name: s.name, .missingArgument))
                    }
                }
                return try body(CallContext(interpreter: self, env: env, call: call), args)
            }
        default:
            throw RError("attempt to apply non-function", call: call)
        }
    }
}
