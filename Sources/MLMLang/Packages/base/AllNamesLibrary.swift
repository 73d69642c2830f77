/// base's all.names() and all.vars(): the symbols of an expression in the order R's walk meets
/// them (a call's function, then its arguments), with or without the functions' names.
enum AllNamesLibrary {
    static func install(_ interp: Interpreter) {
        for (name, functionsByDefault, uniqueByDefault) in [("all.names", true, false), ("all.vars", false, true)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["expr", "functions", "max.names", "unique"], args, call: ctx.call)
                let functions = m["functions"]?.logicalValue ?? functionsByDefault
                let unique = m["unique"]?.logicalValue ?? uniqueByDefault
                let limit = m["max.names"]?.doubleValue.map { $0.isNaN || $0 < 0 ? Int.max : $0.saturatingInt } ?? Int.max
                var names: [String] = []
                for expr in expressions(m["expr"] ?? .null) { collect(expr, functions: functions, into: &names) }
                if unique {
                    var seen = Set<String>()
                    names = names.filter { seen.insert($0).inserted }
                }
                return .character(names.prefix(limit).map { Optional($0) })
            })
        }
    }

    static func expressions(_ value: RValue) -> [Expr] {
        switch value {
        case .language(let l): return [l.expr]
        case .vector(let v):
            if case .list(let items) = v.storage { return items.array.flatMap(expressions) }
            return []
        default: return []
        }
    }

    /// Depth-first without recursion: a call's function, then its arguments, left to right.
    static func collect(_ root: Expr, functions: Bool, into names: inout [String]) {
        var stack: [(Expr, isFunction: Bool)] = [(root, false)]
        while let (expr, isFunction) = stack.popLast() {
            switch expr {
            case .symbol(let s):
                if !isFunction || functions { names.append(s) }
            case .call(let c):
                for a in c.arguments.reversed() { stack.append((a.value, false)) }
                if case .symbol = c.function { stack.append((c.function, true)) } else { stack.append((c.function, false)) }
            case .constant(.language(let l)):
                stack.append((l.expr, false))
            default:
                break
            }
        }
    }
}
