/// knitr's `opts_chunk` and `opts_knit`: lists of functions (get, set, delete, append, merge,
/// restore) over a set of option values. `opts_chunk$set()` changes the defaults of the chunks
/// that follow, which the knitter reads from `Interpreter.chunkOptionDefaults`; `opts_knit`
/// keeps what is set but mlmd's knitter has no use for it.
enum KnitrOptions {
    /// knitr's own defaults for the chunk options mlmd honours (fig.height as R Markdown's).
    static let chunkDefaults: [(String, RValue)] = [
        ("eval", .scalar(true)), ("echo", .scalar(true)), ("results", .scalar("markup")), ("collapse", .scalar(false)),
        ("comment", .scalar("##")), ("warning", .scalar(true)), ("error", .scalar(true)), ("message", .scalar(true)),
        ("include", .scalar(true)), ("fig.width", .scalar(7.0)), ("fig.height", .scalar(5.0)),
    ]

    static func install(_ interp: Interpreter) {
        interp.define("opts_chunk", value: object(interp, get: { $0.chunkOptionDefaults }, set: { $0.chunkOptionDefaults = $1 },
                                                  defaults: chunkDefaults))
        interp.define("opts_knit", value: object(interp, get: { $0.knitOptions }, set: { $0.knitOptions = $1 }, defaults: []))
    }

    typealias Options = [(name: String, value: RValue)]

    /// Sets `name` to `value` in place, or adds it at the end.
    private static func upsert(_ options: inout Options, _ name: String, _ value: RValue) {
        if let k = options.firstIndex(where: { $0.name == name }) { options[k].value = value } else { options.append((name, value)) }
    }

    /// The list of functions over one set of options, as knitr's new_defaults() makes it.
    private static func object(_ interp: Interpreter, get current: @escaping (Interpreter) -> Options,
                               set store: @escaping (Interpreter, Options) -> Void, defaults: [(String, RValue)]) -> RValue {
        func merged(_ i: Interpreter) -> Options {
            var all: Options = defaults.map { ($0.0, $0.1) }
            for (name, value) in current(i) { upsert(&all, name, value) }
            return all
        }
        func list(_ options: Options) -> RValue { .list(options.map(\.value), names: options.map(\.name)) }
        func named(_ args: [EvaluatedArgument]) -> Options {
            // set(list(a = 1)) and set(a = 1) alike.
            if args.count == 1, args[0].name == nil, case .vector(let v) = args[0].value, case .list(let items) = v.storage {
                return zip(v.names ?? [], items.array).compactMap { name, value in name.map { ($0, value) } }
            }
            return args.compactMap { a in a.name.map { ($0, a.value) } }
        }
        let get = Builtin(name: "get", body: .eager({ ctx, args in
            let all = merged(ctx.interpreter)
            guard let first = args.first(where: { $0.name == nil || $0.name == "name" }), case .vector(let v) = first.value,
                  let wanted = Coerce.strings(v).first.flatMap({ $0 }) else { return list(all) }
            if v.count == 1 { return all.first(where: { $0.name == wanted })?.value ?? .null }
            let names = Coerce.strings(v).compactMap { $0 }
            return list(names.compactMap { n in all.first(where: { $0.name == n }) })
        }))
        let set = Builtin(name: "set", body: .eager({ ctx, args in
            let i = ctx.interpreter
            let before = merged(i)
            var options = current(i)
            let given = named(args)
            for (name, value) in given { upsert(&options, name, value) }
            store(i, options)
            i.visible = false
            // The values they had before, as knitr returns them.
            return list(given.map { g in (g.name, before.first(where: { $0.name == g.name })?.value ?? .null) })
        }))
        let delete = Builtin(name: "delete", body: .eager({ ctx, args in
            let keys = args.flatMap { $0.value.asVector.map { Coerce.strings($0).compactMap { $0 } } ?? [] }
            store(ctx.interpreter, current(ctx.interpreter).filter { !keys.contains($0.name) })
            ctx.interpreter.visible = false
            return .null
        }))
        let append = Builtin(name: "append", body: .eager({ ctx, args in
            let i = ctx.interpreter
            var options = current(i)
            let all = merged(i)
            for (name, value) in named(args) {
                let old = all.first(where: { $0.name == name })?.value
                let joined = try old.map { try i.callValue(try i.lookupFunction("c", i.baseEnv), [EvaluatedArgument($0), EvaluatedArgument(value)], env: ctx.env) } ?? value
                upsert(&options, name, joined)
            }
            store(i, options)
            i.visible = false
            return .null
        }))
        let merge = Builtin(name: "merge", body: .eager({ ctx, args in
            var all = merged(ctx.interpreter)
            for (name, value) in named(args) { upsert(&all, name, value) }
            return list(all)
        }))
        let restore = Builtin(name: "restore", body: .eager({ ctx, _ in
            store(ctx.interpreter, [])
            ctx.interpreter.visible = false
            return .null
        }))
        return .list([.builtin(get), .builtin(set), .builtin(delete), .builtin(append), .builtin(merge), .builtin(restore)],
                     names: ["get", "set", "delete", "append", "merge", "restore"])
    }
}
