/// Signalling and handling conditions: stop, warning, message, tryCatch, withCallingHandlers,
/// try, on.exit and the condition constructors.
enum ConditionLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("message", { ctx, args in
            let i = ctx.interpreter
            let parts = args.filter { $0.name != "appendLF" && $0.name != "domain" }
            if parts.count == 1, parts[0].value.inherits("condition") {
                let text = i.conditionField(parts[0].value, "message")?.stringValue ?? ""
                try i.signalMessage(text, call: nil)
            } else {
                let text = parts.map { a -> String in
                    if case .vector(let v) = a.value { return Coerce.strings(v).map { $0 ?? "NA" }.joined() }
                    return Deparser.deparseValue(a.value)
                }.joined()
                let appendLF = args.first(where: { $0.name == "appendLF" })?.value.logicalValue ?? true
                try i.signalMessage(text + (appendLF ? "\n" : ""), call: i.currentClosureCall)
            }
            i.visible = false
            return .null
        })
        interp.define("warning", { ctx, args in
            let i = ctx.interpreter
            if let first = args.first?.value, first.inherits("condition") {
                let text = i.conditionField(first, "message")?.stringValue ?? ""
                if try i.signal(first, muffleRestart: "muffleWarning") == false {
                    var call: Call?
                    if case .language(let l)? = i.conditionField(first, "call"), case .call(let c) = l.expr { call = c }
                    i.emit(.warning(text, call: call.map(Deparser.firstLine)))
                }
                i.visible = false
                return .scalar(text)
            }
            let text = OutputLibrary.conditionText(args)
            let includeCall = args.first(where: { $0.name == "call." })?.value.logicalValue ?? true
            try i.signalWarning(text, call: includeCall ? i.currentClosureCall : nil)
            i.visible = false
            return .scalar(text)
        })
        interp.define("stop", { ctx, args in
            let i = ctx.interpreter
            if let first = args.first?.value, first.inherits("condition") {
                guard case .vector(let m)? = i.conditionField(first, "message"), case .character = m.storage, m.count == 1 else {
                    throw RError("bad error message", call: ctx.call)
                }
                try i.signalError(first)
            }
            let includeCall = args.first(where: { $0.name == "call." })?.value.logicalValue ?? true
            let condition = i.makeCondition(OutputLibrary.conditionText(args), call: includeCall ? i.currentClosureCall : nil,
                                            classes: ["simpleError", "error", "condition"])
            try i.signalError(condition)
        })
        interp.define("signalCondition", { ctx, args in
            guard let c = args.first?.value else { return .null }
            _ = try ctx.interpreter.signal(c, muffleRestart: nil)
            return .null
        })
        for (name, classes) in [("simpleError", ["simpleError", "error", "condition"]),
                                ("simpleWarning", ["simpleWarning", "warning", "condition"]),
                                ("simpleMessage", ["simpleMessage", "message", "condition"]),
                                ("simpleCondition", ["simpleCondition", "condition"])] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["message", "call"], args, call: ctx.call)
                var call: Call?
                if case .language(let l)? = m["call"], case .call(let c) = l.expr { call = c }
                return ctx.interpreter.makeCondition(m["message"]?.stringValue ?? "", call: call, classes: classes)
            })
        }
        interp.define("conditionMessage", { ctx, args in
            guard let c = args.first?.value else { return .null }
            return ctx.interpreter.conditionField(c, "message") ?? .null
        })
        interp.define("conditionCall", { ctx, args in
            guard let c = args.first?.value else { return .null }
            return ctx.interpreter.conditionField(c, "call") ?? .null
        })
        interp.define("print.condition", { ctx, args in
            guard let c = args.first?.value else { return .null }
            let i = ctx.interpreter
            let cls = c.explicitClass?.first ?? "condition"
            let message = i.conditionField(c, "message")?.stringValue ?? ""
            var text = "<\(cls)"
            if case .language(let l)? = i.conditionField(c, "call"), case .call(let call) = l.expr {
                text += " in \(Deparser.firstLine(call))"
            }
            i.write(text + ": \(message)>\n")
            i.visible = false
            return c
        })
        interp.define("invokeRestart", { _, args in
            throw RestartInvoked(name: args.first?.value.stringValue ?? "")
        })
        interp.define("tryCatch", special: { ctx, args in try tryCatch(ctx, args) })
        interp.define("withCallingHandlers", special: { ctx, args in try withCallingHandlers(ctx, args) })
        interp.define("try", special: { ctx, args in
            let i = ctx.interpreter
            guard let expr = args.first(where: { $0.name == nil || $0.name == "expr" }) else { return .null }
            let silent = try args.first(where: { $0.name == "silent" }).map { try i.eval($0.value, ctx.env).logicalValue ?? false } ?? false
            do {
                return try i.eval(expr.value, ctx.env)
            } catch let e as RError {
                var prefix = "Error : "
                if let call = e.call {
                    // try's LONG rule: the message on its own line when call and message pass 75 columns.
                    let deparsed = Deparser.firstLine(call)
                    let firstLine = e.message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
                    prefix = "Error in \(deparsed) : " + (14 + deparsed.count + firstLine.count > 75 ? "\n  " : "")
                }
                let text = prefix + e.message + "\n"
                if !silent { i.emit(.text(text)) }
                var v = RVector(.character([text]))
                v.attributes["class"] = .character(["try-error"])
                v.attributes["condition"] = i.condition(for: e)
                i.visible = false
                return .vector(v)
            }
        })
        interp.define("suppressWarnings", special: { ctx, args in
            try suppress(ctx, args, conditionClass: "warning", restart: "muffleWarning")
        })
        interp.define("suppressMessages", special: { ctx, args in
            try suppress(ctx, args, conditionClass: "message", restart: "muffleMessage")
        })
        interp.define("on.exit", special: { ctx, args in
            let i = ctx.interpreter
            let expr = args.first(where: { $0.name == nil || $0.name == "expr" })?.value
            let add = try args.first(where: { $0.name == "add" }).map { try i.eval($0.value, ctx.env).logicalValue ?? false } ?? false
            let key = ObjectIdentifier(ctx.env)
            var list = add ? (i.exitHandlers[key] ?? []) : []
            if let expr { list.append(expr) }
            i.exitHandlers[key] = list
            i.visible = false
            return .null
        })
    }

    /// tryCatch(expr, class = handler, ..., finally = expr).
    static func tryCatch(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let i = ctx.interpreter
        let result: Result<RValue, Error>
        do { result = .success(try tryCatchBody(ctx, args)) } catch { result = .failure(error) }
        if let finally = args.first(where: { $0.name == "finally" }) {
            // finally runs however the body ended and leaves the body's visibility alone.
            let wasVisible = i.visible
            _ = try i.eval(finally.value, ctx.env)
            i.visible = wasVisible
        }
        return try result.get()
    }

    private static func tryCatchBody(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let i = ctx.interpreter
        let expr = args.first(where: { $0.name == nil || $0.name == "expr" })
        i.nextHandlerOwner += 1
        let owner = i.nextHandlerOwner
        var handlers: [HandlerEntry] = []
        for a in args {
            guard let name = a.name, name != "expr", name != "finally" else { continue }
            let f = try i.eval(a.value, ctx.env)
            handlers.append(HandlerEntry(conditionClass: name, function: f, exiting: true, owner: owner))
        }
        guard let expr else { return .null }
        if handlers.isEmpty { return try i.eval(expr.value, ctx.env) }
        let savedStack = i.handlerStack
        // Handlers are offered innermost first; within one tryCatch the first listed wins.
        i.handlerStack += handlers.reversed()
        // R evaluates the expression inside doTryCatch, which conditions then name as their call.
        i.conditionCalls.append(Self.doTryCatchCall)
        let framesDepth = i.frames.count
        do {
            let value = try i.eval(expr.value, ctx.env)
            i.handlerStack = savedStack
            i.conditionCalls.removeLast()
            return value
        } catch let unwind as ConditionUnwind where unwind.handler.owner == owner {
            i.handlerStack = savedStack
            i.conditionCalls.removeLast()
            _ = framesDepth
            return try i.callValue(unwind.handler.function, [EvaluatedArgument(unwind.condition)], env: ctx.env)
        } catch let e as RError {
            i.handlerStack = savedStack
            i.conditionCalls.removeLast()
            let condition = i.condition(for: e)
            let classes = condition.explicitClass ?? []
            guard let h = handlers.first(where: { classes.contains($0.conditionClass) }) else { throw e }
            return try i.callValue(h.function, [EvaluatedArgument(condition)], env: ctx.env)
        } catch {
            i.handlerStack = savedStack
            i.conditionCalls.removeLast()
            throw error
        }
    }

    static let doTryCatchCall = Call(.symbol("doTryCatch"), [
        Argument(.call("return", [.symbol("expr")])), Argument(.symbol("name")), Argument(.symbol("parentenv")), Argument(.symbol("handler")),
    ])

    static func withCallingHandlers(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let i = ctx.interpreter
        var handlers: [HandlerEntry] = []
        for a in args {
            guard let name = a.name, name != "expr" else { continue }
            handlers.append(HandlerEntry(conditionClass: name, function: try i.eval(a.value, ctx.env), exiting: false, owner: 0))
        }
        guard let expr = args.first(where: { $0.name == nil || $0.name == "expr" }) else { return .null }
        let saved = i.handlerStack
        i.handlerStack += handlers.reversed()
        i.conditionCalls.append(ctx.call)
        defer {
            i.handlerStack = saved
            i.conditionCalls.removeLast()
        }
        do {
            return try i.eval(expr.value, ctx.env)
        } catch let e as RError where e.condition == nil {
            // Errors raised by builtins reach calling handlers here, on their way out.
            let condition = i.condition(for: e)
            let classes = condition.explicitClass ?? []
            i.handlerStack = saved
            for h in handlers where classes.contains(h.conditionClass) {
                _ = try i.callValue(h.function, [EvaluatedArgument(condition)], env: ctx.env)
            }
            throw e
        }
    }

    static func suppress(_ ctx: CallContext, _ args: [Argument], conditionClass: String, restart: String) throws -> RValue {
        let i = ctx.interpreter
        guard let expr = args.first(where: { $0.name == nil || $0.name == "expr" }) else { return .null }
        let muffle = RValue.builtin(Builtin(name: "muffle", body: .eager({ _, _ in throw RestartInvoked(name: restart) })))
        let saved = i.handlerStack
        i.handlerStack.append(HandlerEntry(conditionClass: conditionClass, function: muffle, exiting: false, owner: 0))
        defer { i.handlerStack = saved }
        return try i.eval(expr.value, ctx.env)
    }
}

extension Interpreter {
    /// Runs a closure's on.exit expressions when its call ends.
    func runExitHandlers(_ env: Environment) {
        let key = ObjectIdentifier(env)
        guard let handlers = exitHandlers.removeValue(forKey: key) else { return }
        let wasVisible = visible
        for e in handlers { _ = try? eval(e, env) }
        visible = wasVisible
    }
}
