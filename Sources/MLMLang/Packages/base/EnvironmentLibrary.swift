/// Environments and the language itself: get/assign/exists, environments, substitute,
/// eval, deparse, sys.call, match.arg.
enum EnvironmentLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("environment", { ctx, args in
            guard let f = args.first?.value, !f.isNullValue else { return .environment(ctx.env) }
            if case .closure(let c) = f { return .environment(c.env) }
            // A formula (or anything else) keeps its environment as an attribute.
            return f.attribute(".Environment") ?? .null
        })
        // `environment<-`: a closure with another enclosing environment; for other values (a
        // formula) the .Environment attribute.
        interp.define("environment<-", { _, args in
            guard args.count == 2 else { throw RError("invalid arguments") }
            let value = args[1].value
            if case .closure(let c) = args[0].value {
                guard case .environment(let e) = value else { throw RError("replacement object is not an environment") }
                let copy = Closure(parameters: c.parameters, body: c.body, env: e)
                copy.attributes = c.attributes
                return .closure(copy)
            }
            switch args[0].value {
            case .language(var l):
                l.attributes[".Environment"] = value.isNullValue ? nil : value
                return .language(l)
            case .vector(var v):
                v.attributes[".Environment"] = value.isNullValue ? nil : value
                return .vector(v)
            default:
                throw RError("replacement object is not an environment")
            }
        })
        interp.define("new.env", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["hash", "parent", "size"], args, call: ctx.call)
            var parent = ctx.env
            if case .environment(let p)? = m["parent"] { parent = p }
            return .environment(Environment(parent: parent))
        })
        interp.define("globalenv", { ctx, _ in .environment(ctx.interpreter.globalEnv) })
        interp.define("baseenv", { ctx, _ in .environment(ctx.interpreter.baseEnv) })
        interp.define("emptyenv", { _, _ in .environment(Environment(parent: nil, name: "R_EmptyEnv")) })
        interp.define("environmentName", { ctx, args in
            guard case .environment(let e)? = args.first?.value else { return .scalar("") }
            if e === ctx.interpreter.globalEnv { return .scalar("R_GlobalEnv") }
            // A namespace is named by its package ("utils"), an attached package as "package:utils".
            if let name = e.name, name.hasPrefix("namespace:") { return .scalar(String(name.dropFirst("namespace:".count))) }
            return .scalar(e.name ?? "")
        })
        // parent.frame(n): the environment the function was called from, then (n > 1) the one
        // that caller was called from, and so on; the global environment beyond the outermost.
        interp.define("parent.frame", { ctx, args in
            let i = ctx.interpreter
            let n = args.first?.value.doubleValue ?? 1
            guard n.isFinite, n >= 1 else { throw RError("invalid 'n' value") }
            guard var index = i.frames.lastIndex(where: { $0.env === ctx.env }) else { return .environment(i.globalEnv) }
            var env = i.frames[index].callerEnv
            var remaining = Int(min(n, 1e6)) - 1
            while remaining > 0 {
                guard let caller = i.frames[..<index].lastIndex(where: { $0.env === env }) else { return .environment(i.globalEnv) }
                index = caller
                env = i.frames[caller].callerEnv
                remaining -= 1
            }
            return .environment(env)
        })
        interp.define("parent.env", { _, args in
            guard case .environment(let e)? = args.first?.value, let p = e.parent else { throw RError("argument is not an environment") }
            return .environment(p)
        })
        interp.define("sys.call", { ctx, args in
            let i = ctx.interpreter
            let which = args.first?.value.scalarInt() ?? 0
            guard let k = i.frames.lastIndex(where: { $0.env === ctx.env }) else { return .null }
            let target = which <= 0 ? k + which : which - 1
            guard target >= 0, target < i.frames.count else { return .null }
            return .language(Language(.call(i.frames[target].call)))
        })
        interp.define("sys.function", { ctx, _ in
            guard let frame = ctx.interpreter.frames.last(where: { $0.env === ctx.env }) else { return .null }
            return .closure(frame.function)
        })
        interp.define("match.call", { ctx, _ in
            guard let frame = ctx.interpreter.frames.last(where: { $0.env === ctx.env }) else { throw RError("match.call() was called from outside a function") }
            return .language(Language(.call(matchedCall(frame, interpreter: ctx.interpreter))))
        })
        interp.define("nargs", { ctx, _ in
            guard let frame = ctx.interpreter.frames.last(where: { $0.env === ctx.env }) else { return .scalar(0) }
            return .scalar(frame.supplied.count)
        })
        interp.define("assign", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "value", "pos", "envir", "inherits", "immediate"], args, call: ctx.call)
            guard let name = m["x"]?.stringValue else { throw RError("invalid first argument") }
            var env = ctx.env
            if case .environment(let e)? = m["envir"] { env = e }
            let value = m["value"] ?? .null
            if m["inherits"]?.logicalValue == true, let frame = env.lookupFrame(name) { frame.set(name, value) } else { env.set(name, value) }
            ctx.interpreter.visible = false
            return value
        })
        interp.define("get", { ctx, args in try get(ctx, args, fallback: nil) })
        interp.define("get0", { ctx, args in
            let fallback = args.first(where: { $0.name == "ifnotfound" })?.value ?? .null
            return try get(ctx, args.filter { $0.name != "ifnotfound" }, fallback: fallback)
        })
        interp.define("mget", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "envir"], args, call: ctx.call)
            var env = ctx.env
            if case .environment(let e)? = m["envir"] { env = e }
            let names = m["x"]?.asVector.map { Coerce.strings($0).compactMap { $0 } } ?? []
            return .list(try names.map { try ctx.interpreter.lookup($0, env) }, names: names)
        })
        interp.define("exists", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "where", "envir", "frame", "mode", "inherits"], args, call: ctx.call)
            guard let name = m["x"]?.stringValue else { throw RError("invalid first argument") }
            var env = ctx.env
            if case .environment(let e)? = m["envir"] { env = e } else if case .environment(let e)? = m["where"] { env = e }
            let inherits = m["inherits"]?.logicalValue ?? true
            guard let frame = inherits ? env.lookupFrame(name) : (env.binding(name) != nil ? env : nil) else { return .scalar(false) }
            if let mode = m["mode"]?.stringValue, mode != "any", let b = frame.binding(name),
               let v = try? ctx.interpreter.value(of: b, name: name) {
                switch mode {
                case "function": return .scalar(v.isFunction)
                case "numeric": return .scalar(["double", "integer"].contains(v.typeName))
                default: return .scalar(v.typeName == mode)
                }
            }
            return .scalar(true)
        })
        interp.define("rm", special: { ctx, args in
            let i = ctx.interpreter
            var env = ctx.env
            var names: [String] = []
            for a in args {
                if a.name == "envir", case .environment(let e) = try i.eval(a.value, ctx.env) { env = e; continue }
                if a.name == "list", case .vector(let v) = try i.eval(a.value, ctx.env) { names += Coerce.strings(v).compactMap { $0 }; continue }
                switch a.value {
                case .symbol(let s): names.append(s)
                case .constant(let c): if let s = c.stringValue { names.append(s) }
                default: throw RError("... must contain names or character strings", call: ctx.call)
                }
            }
            for n in names where !env.remove(n) {
                i.warning("object '\(n)' not found", call: ctx.call)
            }
            i.visible = false
            return .null
        })
        interp.define("ls", { ctx, args in
            var env = ctx.env
            if let place = args.first(where: { $0.name == nil || $0.name == "envir" || $0.name == "name" || $0.name == "pos" })?.value {
                env = try ctx.interpreter.searchPathEnvironment(place)
            }
            let all = args.first(where: { $0.name == "all.names" })?.value.logicalValue ?? false
            let names = env.names.filter { all || !$0.hasPrefix(".") }.sorted { Collation.compare($0, $1) < 0 }
            return .character(names)
        })
        interp.define("as.environment", { ctx, args in
            guard let place = args.first?.value else { throw RError("argument \"x\" is missing, with no default") }
            return .environment(try ctx.interpreter.searchPathEnvironment(place))
        })
        interp.define("local", special: { ctx, args in
            let i = ctx.interpreter
            guard let expr = args.first(where: { $0.name == nil || $0.name == "expr" }) else { return .null }
            var env = Environment(parent: ctx.env)
            if let e = args.first(where: { $0.name == "envir" }), case .environment(let target) = try i.eval(e.value, ctx.env) { env = target }
            return try i.eval(expr.value, env)
        })
        interp.define("eval", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["expr", "envir", "enclos"], args, call: ctx.call)
            let env = try evaluationEnvironment(m["envir"], enclos: m["enclos"], ctx: ctx)
            return try evaluate(m["expr"] ?? .null, in: env, ctx.interpreter)
        })
        interp.define("evalq", special: { ctx, args in
            let i = ctx.interpreter
            guard let expr = args.first else { return .null }
            let envArg = try args.dropFirst().first.map { try i.eval($0.value, ctx.env) }
            let env = try evaluationEnvironment(envArg, enclos: nil, ctx: ctx)
            return try i.eval(expr.value, env)
        })
        interp.define("substitute", special: { ctx, args in
            guard let expr = args.first?.value else { return .null }
            var env = ctx.env
            if args.count > 1 {
                let target = try ctx.interpreter.eval(args[1].value, ctx.env)
                if case .environment(let e) = target { env = e }
                else if case .vector(let v) = target, case .list(let items) = v.storage {
                    env = Environment(parent: nil)
                    for (k, n) in (v.names ?? []).enumerated() { if let n { env.set(n, items[k]) } }
                }
            }
            // At top level substitute leaves the expression alone.
            if env === ctx.interpreter.globalEnv { return ControlLibrary.quoted(expr) }
            return ControlLibrary.quoted(substitute(expr, env))
        })
        interp.define("deparse", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["expr", "width.cutoff", "backtick", "control", "nlines"], args, call: ctx.call)
            let cutoff = m["width.cutoff"]?.scalarInt() ?? 60
            switch m["expr"] ?? .null {
            case .language(let l): return .character(Deparser.deparseLines(l.expr, cutoff: cutoff))
            case let v:
                return .character(Deparser.deparseValue(v).split(separator: "\n", omittingEmptySubsequences: false).map { String($0) })
            }
        })
        interp.define("body", { _, args in
            guard case .closure(let c)? = args.first?.value else { return .null }
            if case .function(let def) = c.body { return ControlLibrary.quoted(def.body) }
            return ControlLibrary.quoted(c.body)
        })
        interp.define("formals", { _, args in
            guard case .closure(let c)? = args.first?.value else { return .null }
            return .list(c.parameters.map { p in p.defaultValue.map(ControlLibrary.quoted) ?? .scalar("") }, names: c.parameters.map(\.name))
        })
        interp.define("match.arg", special: { ctx, args in
            let i = ctx.interpreter
            guard let argExpr = args.first?.value else { throw RError("argument \"arg\" is missing, with no default") }
            let value = try i.eval(argExpr, ctx.env)
            var choices: [String]
            if args.count > 1 {
                choices = try i.eval(args[1].value, ctx.env).asVector.map { Coerce.strings($0).compactMap { $0 } } ?? []
            } else {
                guard case .symbol(let name) = argExpr, let frame = i.frames.last(where: { $0.env === ctx.env }),
                      let p = frame.function.parameters.first(where: { $0.name == name }), let def = p.defaultValue else {
                    throw RError("'arg' must be of length 1", call: ctx.call)
                }
                choices = try i.eval(def, ctx.env).asVector.map { Coerce.strings($0).compactMap { $0 } } ?? []
            }
            guard case .vector(let v) = value else { return .scalar(choices.first ?? "") }
            let given = Coerce.strings(v).compactMap { $0 }
            if given == choices { return .scalar(choices.first ?? "") }
            guard given.count == 1 else { throw RError("'arg' must be of length 1", call: ctx.call) }
            let hits = choices.filter { $0.hasPrefix(given[0]) }
            if let exact = choices.first(where: { $0 == given[0] }) { return .scalar(exact) }
            guard hits.count == 1 else {
                throw RError("'arg' should be one of " + choices.map(Quotes.double).joined(separator: ", "), call: ctx.call)
            }
            return .scalar(hits[0])
        })
        interp.define("Recall", { ctx, args in
            guard let frame = ctx.interpreter.frames.last(where: { $0.env === ctx.env }) else { throw RError("Recall called from outside a closure") }
            return try ctx.interpreter.callValue(.closure(frame.function), args, env: ctx.env)
        })
        interp.define("call", { _, args in
            guard let name = args.first?.value.stringValue else { throw RError("first argument must be a character string") }
            return .language(Language(.call(Call(.symbol(name), args.dropFirst().map { Argument(name: $0.name, exprOf($0.value)) }))))
        })
        interp.define("as.call", { _, args in
            guard case .vector(let v)? = args.first?.value, case .list(let items) = v.storage, let f = items.first else {
                throw RError("invalid argument list")
            }
            let names = v.names
            return .language(Language(.call(Call(exprOf(f), items.dropFirst().enumerated().map {
                Argument(name: names?[$0.offset + 1].flatMap { $0.isEmpty ? nil : $0 }, exprOf($0.element))
            }))))
        })
        for name in ["as.name", "as.symbol"] {
            interp.define(name, { _, args in
                guard let s = args.first?.value.stringValue else { throw RError("invalid type/length (symbol/0) in vector allocation") }
                return .language(Language(.symbol(s)))
            })
        }
        interp.define("parse", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["file", "n", "text", "prompt", "keep.source"], args, call: ctx.call)
            let text = m["text"]?.asVector.map { Coerce.strings($0).compactMap { $0 }.joined(separator: "\n") } ?? ""
            do {
                let exprs = try Parser.parse(text)
                var v = RVector(.list(exprs.map(ControlLibrary.quoted)))
                v.attributes["class"] = .character(["expression"])
                return .vector(v)
            } catch let e as ParseError {
                throw RError(parseErrorMessage(e, text: text))
            }
        })
        interp.define("bquote", special: { ctx, args in
            guard let expr = args.first?.value else { return .null }
            return ControlLibrary.quoted(try bquote(expr, ctx))
        })
    }

    /// The call with every argument named by the formal it matched, as match.call gives it.
    static func matchedCall(_ frame: Interpreter.Frame, interpreter: Interpreter) -> Call {
        var args: [Argument] = []
        var dotsArgs: [Argument] = []
        let formals = frame.function.parameters
        // The arguments as the call supplied them, matched again: a formal the body has since
        // assigned to still shows its argument, as in R.
        let matched = Environment(parent: frame.env)
        if (try? interpreter.matchArguments(formals, frame.supplied, into: matched, call: frame.call)) == nil {
            for p in formals { if let b = frame.env.binding(p.name) { matched.set(p.name, binding: b) } }
        }
        for p in formals {
            switch matched.binding(p.name) {
            case .promise(let promise)? where !promise.isDefault:
                args.append(Argument(name: p.name, promise.expr))
            case .dots(let d)?:
                dotsArgs = d.map { Argument(name: $0.name, $0.promise.expr) }
                args += dotsArgs
            default: break
            }
        }
        return Call(frame.call.function, args, location: frame.call.location)
    }

    /// R's parse error: position, message, then the offending line numbered, with a caret.
    static func parseErrorMessage(_ e: ParseError, text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var line = e.location.line, column = e.location.column
        if e.message == "unexpected end of input" {
            // R places the end of input at column 0 of the line after the last one.
            line = lines.count + 1
            column = 0
        }
        let shown = min(line, lines.count)
        guard shown >= 1 else { return "<text>:\(line):\(column): \(e.message)" }
        let prefix = "\(shown): "
        let caret = String(repeating: " ", count: prefix.count + column) + "^"
        return "<text>:\(line):\(column): \(e.message)\n\(prefix)\(lines[shown - 1])\n" + caret
    }

    static func exprOf(_ v: RValue) -> Expr {
        if case .language(let l) = v { return l.expr }
        return .constant(v)
    }

    static func get(_ ctx: CallContext, _ args: [EvaluatedArgument], fallback: RValue?) throws -> RValue {
        let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "pos", "envir", "mode", "inherits"], args, call: ctx.call)
        guard let name = m["x"]?.stringValue else { throw RError("invalid first argument") }
        var env = ctx.env
        if case .environment(let e)? = m["envir"] { env = e } else if case .environment(let e)? = m["pos"] { env = e }
        do {
            if m["mode"]?.stringValue == "function" { return try ctx.interpreter.lookupFunction(name, env) }
            return try ctx.interpreter.lookup(name, env)
        } catch let e as RError {
            if let fallback { return fallback }
            throw RError(e.message, call: ctx.call)
        }
    }

    static func evaluationEnvironment(_ envir: RValue?, enclos: RValue?, ctx: CallContext) throws -> Environment {
        switch envir {
        case .environment(let e)?: return e
        case .vector(let v)? where v.storage.rank == 4:
            var parent = ctx.env
            if case .environment(let p)? = enclos { parent = p }
            let env = Environment(parent: parent)
            if case .list(let items) = v.storage { for (k, n) in (v.names ?? []).enumerated() { if let n, !n.isEmpty { env.set(n, items[k]) } } }
            return env
        default: return ctx.env
        }
    }

    static func evaluate(_ value: RValue, in env: Environment, _ interp: Interpreter) throws -> RValue {
        switch value {
        case .language(let l): return try interp.eval(l.expr, env)
        case .vector(let v) where v.classes == ["expression"]:
            var result = RValue.null
            if case .list(let items) = v.storage { for item in items { result = try evaluate(item, in: env, interp) } }
            return result
        default: return value
        }
    }

    /// Replaces symbols bound to promises (arguments) by their expressions, others by values.
    static func substitute(_ e: Expr, _ env: Environment) -> Expr {
        switch e {
        case .symbol(let s):
            guard let b = env.binding(s) else { return e }
            switch b {
            case .promise(let p): return p.expr
            case .value(let v):
                if case .language(let l) = v { return l.expr }
                return .constant(v)
            default: return e
            }
        case .call(let c):
            var args: [Argument] = []
            for a in c.arguments {
                if case .symbol("...") = a.value, case .dots(let d)? = env.binding("...") {
                    args += d.map { Argument(name: $0.name, $0.promise.expr) }
                } else {
                    args.append(Argument(name: a.name, substitute(a.value, env)))
                }
            }
            return .call(Call(substitute(c.function, env), args, location: c.location))
        default:
            return e
        }
    }

    static func bquote(_ e: Expr, _ ctx: CallContext) throws -> Expr {
        guard case .call(let c) = e else { return e }
        if c.functionName == ".", let inner = c.arguments.first {
            return exprOf(try ctx.interpreter.eval(inner.value, ctx.env))
        }
        return .call(Call(try bquote(c.function, ctx), try c.arguments.map { Argument(name: $0.name, try bquote($0.value, ctx)) }, location: c.location))
    }
}
