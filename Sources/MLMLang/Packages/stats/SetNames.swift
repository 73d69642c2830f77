/// stats::setNames.
enum SetNames {
    static func install(_ interp: Interpreter) {
        interp.define("setNames", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "nm"], args, call: ctx.call)
            guard case .vector(var v)? = m["object"] else { return m["object"] ?? .null }
            if case .vector(let n)? = m["nm"] {
                var names = Coerce.strings(n)
                if names.count < v.count { names += [String?](repeating: nil, count: v.count - names.count) }
                v.names = Array(names.prefix(v.count))
            } else {
                v.names = nil
            }
            return .vector(v)
        })
    }
}
