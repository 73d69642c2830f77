/// S3 objects: classes, attributes, UseMethod and NextMethod.
enum S3Library {
    static func install(_ interp: Interpreter) {
        interp.define("class", { _, args in .character(implicitClass(args.first?.value ?? .null)) })
        interp.define("oldClass", { _, args in args.first?.value.attribute("class") ?? .null })
        interp.define("class<-", { _, args in try setAttribute(args, "class") })
        interp.define("oldClass<-", { _, args in try setAttribute(args, "class") })
        interp.define("levels<-", { _, args in try setAttribute(args, "levels") })
        interp.define("inherits", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "what", "which"], args, call: ctx.call)
            let classes = implicitClass(m["x"] ?? .null)
            let what = m["what"]?.asVector.map { Coerce.strings($0).compactMap { $0 } } ?? []
            if m["which"]?.logicalValue == true {
                return .integer(what.map { w in (classes.firstIndex(of: w).map { $0 + 1 }) ?? 0 })
            }
            return .scalar(what.contains { classes.contains($0) })
        })
        interp.define("unclass", { _, args in
            guard case .vector(var v)? = args.first?.value else { return args.first?.value ?? .null }
            v.attributes["class"] = nil
            return .vector(v)
        })
        interp.define("attr", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "which", "exact"], args, call: ctx.call)
            guard let name = m["which"]?.stringValue else { throw RError("exactly one attribute 'which' must be given") }
            let attrs = (m["x"] ?? .null).attributes
            if name == "names", case .vector(let v)? = m["x"], v.classes?.contains("data.frame") == true { return attrs["names"] ?? .null }
            if let exact = attrs[name] { return exact }
            let partial = attrs.entries.filter { $0.name.hasPrefix(name) }
            return partial.count == 1 && m["exact"]?.logicalValue != true ? partial[0].value : .null
        })
        interp.define("attr<-", { _, args in
            guard args.count == 3, let name = args[1].value.stringValue else { throw RError("'name' must be non-null character string") }
            return try setAttribute([args[0], args[2]], name)
        })
        interp.define("attributes", { _, args in
            let entries = (args.first?.value ?? .null).attributes.entries
            if entries.isEmpty { return .null }
            return .list(entries.map(\.value), names: entries.map(\.name))
        })
        // `attributes<-`: every attribute replaced by the list's (NULL removes them all); dim goes
        // first, so that dimnames find it.
        interp.define("attributes<-", { _, args in
            guard args.count == 2 else { throw RError("invalid arguments") }
            guard case .vector(var v) = args[0].value else {
                if args[1].value.isNullValue { return args[0].value }
                throw RError("attributes must be a list or NULL")
            }
            v.attributes = Attributes()
            v.names = nil
            var value = RValue.vector(v)
            guard case .vector(let list) = args[1].value, case .list(let items) = list.storage else {
                if args[1].value.isNullValue { return value }
                throw RError("attributes must be a list or NULL")
            }
            let names = list.names ?? []
            guard names.count == items.count, !names.contains(where: { ($0 ?? "").isEmpty }) || items.isEmpty else {
                throw RError("attributes must be named")
            }
            let order = items.indices.sorted { (names[$0] == "dim" ? 0 : 1) < (names[$1] == "dim" ? 0 : 1) }
            for k in order {
                value = try setAttribute([EvaluatedArgument(value), EvaluatedArgument(items[k])], names[k] ?? "")
            }
            return value
        })
        interp.define("structure", { _, args in
            guard let dataIndex = args.firstIndex(where: { $0.name == nil || $0.name == ".Data" }) else {
                throw RError("argument \".Data\" is missing, with no default")
            }
            var value = args[dataIndex].value
            for (k, a) in args.enumerated() where k != dataIndex {
                guard let name = a.name else { continue }
                let key = name == ".Names" ? "names" : name
                value = try setAttribute([EvaluatedArgument(value), a], key)
            }
            return value
        })
        interp.define("UseMethod", { ctx, args in
            let i = ctx.interpreter
            guard let generic = args.first?.value.stringValue else { throw RError("'generic' argument must be a character string") }
            guard let frame = i.frames.last(where: { $0.env === ctx.env }) else {
                throw RError("UseMethod called from outside a function")
            }
            let object: RValue
            if args.count > 1 { object = args[1].value } else { object = try i.dispatchObject(frame) }
            let classes = implicitClass(object)
            let value = try i.dispatch(generic, classes: classes, from: 0, object: object, frame: frame, extra: [])
            throw ControlFlow.returnValue(value, from: ctx.env)
        })
        interp.define("NextMethod", { ctx, args in
            let i = ctx.interpreter
            guard let frame = i.frames.last(where: { $0.env === ctx.env }), let state = frame.dispatch else {
                throw RError("NextMethod called from outside a method dispatch")
            }
            let extra = args.filter { $0.name != nil && $0.name != "generic" && $0.name != "object" }
            return try i.dispatch(state.generic, classes: state.classes, from: state.position + 1, object: state.object,
                                  frame: frame, extra: extra)
        })
        interp.define("standardGeneric", { _, _ in throw RError("S4 generics are not supported") })
    }

    /// The class R dispatches on: the class attribute, or the implicit class of the type.
    static func implicitClass(_ v: RValue) -> [String] {
        if let explicit = v.explicitClass { return explicit }
        switch v {
        case .null: return ["NULL"]
        case .closure, .builtin: return ["function"]
        case .environment: return ["environment"]
        case .language(let l):
            switch l.expr {
            case .symbol: return ["name"]
            case .call(let c):
                switch c.functionName {
                case "if": return ["if"]
                case "for": return ["for"]
                case "<-", "=": return ["<-"]
                case "(": return ["("]
                case "{": return ["{"]
                default: return ["call"]
                }
            default: return ["call"]
            }
        case .vector(let vec):
            if let d = vec.dim { return d.count == 2 ? ["matrix", "array"] : ["array"] }
            let prefix: [String] = []
            switch vec.storage {
            case .double: return prefix + ["numeric"]
            case .integer: return prefix + ["integer"]
            case .logical: return prefix + ["logical"]
            case .character: return prefix + ["character"]
            case .list: return prefix + ["list"]
            }
        }
    }

    /// Classes used to look methods up: integer and double also dispatch to "numeric".
    static func dispatchClasses(_ v: RValue) -> [String] {
        if v.explicitClass != nil { return implicitClass(v) }
        var classes = implicitClass(v)
        if case .vector(let vec) = v, vec.dim != nil {
            // Arrays dispatch on their type too: c("matrix", "array", "integer", "numeric").
            classes += implicitClass(.vector(RVector(vec.storage)))
        }
        if case .vector(let vec) = v {
            if case .double = vec.storage, let i = classes.firstIndex(of: "numeric") { classes.replaceSubrange(i...i, with: ["double", "numeric"]) }
            if case .integer = vec.storage, let i = classes.firstIndex(of: "integer") { classes.replaceSubrange(i...i, with: ["integer", "numeric"]) }
        }
        if case .closure = v { classes = ["function"] }
        return classes
    }

    static func setAttribute(_ args: [EvaluatedArgument], _ name: String) throws -> RValue {
        guard args.count == 2 else { throw RError("invalid arguments") }
        let value = args[1].value
        switch args[0].value {
        case .vector(var v):
            if name == "names" {
                if case .vector(let nv) = value { v.names = Coerce.strings(nv) } else { v.names = nil }
            } else if name == "class", case .vector(let cv) = value, cv.count == 0 {
                v.attributes["class"] = nil
            } else if name == "dim", case .vector(let dv) = value {
                let dims = Coerce.integers(dv) ?? []
                if dims.contains(NAInteger) { throw RError("the dims contain missing or negative values") }
                if dims.contains(where: { $0 < 0 }) { throw RError("the dims contain negative values") }
                let product = dims.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
                guard product == v.count else {
                    throw RError("dims [product \(product)] do not match the length of object [\(v.count)]")
                }
                v.names = nil
                v.attributes["dim"] = .integer(dims)
            } else if name == "dimnames", case .vector(let dn) = value, case .list(let items) = dn.storage {
                let dims = v.dim ?? []
                guard items.count == dims.count else { throw RError("length of 'dimnames' [\(items.count)] must match that of 'dims' [\(dims.count)]") }
                for (k, item) in items.enumerated() where !item.isNullValue && item.length != dims[k] {
                    throw RError("length of 'dimnames' [\(k + 1)] not equal to array extent")
                }
                v.attributes["dimnames"] = value
            } else {
                v.attributes[name] = value
            }
            return .vector(v)
        case .language(var l):
            l.attributes[name] = value
            return .language(l)
        case .closure(let c):
            c.attributes[name] = value
            return .closure(c)
        case .null:
            if value.isNullValue { return .null }
            throw RError("attempt to set an attribute on NULL")
        default:
            return args[0].value
        }
    }
}

extension Interpreter {
    /// The object a generic dispatches on: its first argument's value.
    func dispatchObject(_ frame: Frame) throws -> RValue {
        guard let first = frame.function.parameters.first else { return .null }
        if first.name == "..." {
            if case .dots(let d)? = frame.env.binding("..."), let p = d.first?.promise { return try force(p) }
            return .null
        }
        guard let b = frame.env.binding(first.name) else { return .null }
        switch b {
        case .promise(let p): return try force(p)
        case .value(let v): return v
        default: return .null
        }
    }

    /// Calls the first method of `generic` for classes[from...], then `generic.default`,
    /// then a builtin of the generic's own name when it is internal (print, format, ...).
    func dispatch(_ generic: String, classes: [String], from: Int, object: RValue, frame: Frame,
                  extra: [EvaluatedArgument]) throws -> RValue {
        let dispatchClasses = S3Library.dispatchClasses(object)
        let all = classes == S3Library.implicitClass(object) ? dispatchClasses : classes
        var supplied = frame.supplied
        for e in extra {
            supplied.removeAll { $0.name == e.name }
            supplied.append((e.name, Promise(value: e.value, expr: .constant(e.value))))
        }
        let position = from
        for k in position..<(all.count + 1) {
            let name = k < all.count ? "\(generic).\(all[k])" : "\(generic).default"
            guard let method = lookupMethod(name, frame.env) else { continue }
            let call = Call(.symbol(name), frame.call.arguments, location: frame.call.location)
            let state = DispatchState(generic: generic, classes: all, position: k, object: object)
            if case .closure(let c) = method {
                return try applyClosure(c, call: call, supplied: supplied, callerEnv: frame.callerEnv, dispatch: state)
            }
            return try invoke(method, supplied: supplied, call: frame.call, env: frame.callerEnv)
        }
        if let builtinMethod = packageBuiltin(generic) {
            return try invoke(builtinMethod, supplied: supplied, call: frame.call, env: frame.callerEnv)
        }
        let shown = all.count == 1 ? "\"\(all[0])\"" : "\"c(" + all.map { "'\($0)'" }.joined(separator: ", ") + ")\""
        throw RError("no applicable method for '\(generic)' applied to an object of class \(shown)",
                     call: Call(.symbol("UseMethod"), [Argument(.constant(.scalar(generic)))]))
    }
}
