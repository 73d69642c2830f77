/// Data masking as dplyr does it: a verb's arguments are expressions evaluated in an
/// environment whose bindings are the data's columns (for one group at a time) and whose
/// parent is the environment the expression was written in, so `mutate(df, y = x * k)` finds
/// the column x and the variable k.
enum DataMask {
    /// An argument expression with its environment (rlang's quosure); `value` when a
    /// promise was already forced.
    struct Quosure {
        var name: String?
        var expr: Expr
        var env: Environment
        var value: RValue?

        /// as_label: what an unnamed argument is called (`x * 2`).
        var label: String {
            if case .symbol(let s) = expr { return s }
            if case .constant(let c) = expr, let v = c.asVector, v.count == 1, case .character(let s) = v.storage, let s0 = s[0] {
                return s0
            }
            return Deparser.deparseLines(expr).first ?? ""
        }

        /// `name = expr` as dplyr's messages show the argument (`..1 = x > 1` when unnamed).
        func described(position: Int) -> String {
            "\(name ?? "..\(position)") = \(Deparser.deparseLines(expr).first ?? "")"
        }

        func evaluate(_ interp: Interpreter, in env: Environment? = nil) throws -> RValue {
            if let value { return value }
            return try interp.eval(expr, env ?? self.env)
        }
    }

    /// The arguments, `...` replaced by the caller's dots (keeping their own environments).
    static func expand(_ args: [Argument], _ ctx: CallContext) throws -> [Quosure] {
        var out: [Quosure] = []
        for a in args {
            switch a.value {
            case .symbol("..."):
                guard case .dots(let dots)? = ctx.env.lookupFrame("...")?.binding("...") else { continue }
                for d in dots {
                    let name = (d.name?.isEmpty ?? true) ? nil : d.name
                    out.append(Quosure(name: name, expr: d.promise.expr, env: d.promise.env ?? ctx.env, value: d.promise.value))
                }
            case .missingArgument:
                continue
            default:
                let name = (a.name?.isEmpty ?? true) ? nil : a.name
                var q = Quosure(name: name, expr: a.value, env: ctx.env, value: nil)
                if case .constant(let v) = a.value { q.value = v }
                out.append(q)
            }
        }
        return out
    }

    /// The first argument (the data) evaluated, and the others as quosures.
    static func split(_ args: [Argument], _ ctx: CallContext) throws -> (RValue, [Quosure]) {
        let all = try expand(args, ctx)
        guard let first = all.first(where: { $0.name == nil || $0.name == ".data" }) ?? all.first else {
            throw RError("argument \".data\" is missing, with no default", call: ctx.call)
        }
        var rest = all
        if let k = all.firstIndex(where: { $0.name == nil || $0.name == ".data" }) { rest.remove(at: k) }
        return (try first.evaluate(ctx.interpreter), rest)
    }

    /// An environment binding each column (rows of one group), `n()` and the `.data` pronoun.
    /// The helpers live in a frame of their own under the columns', so that a column named
    /// `n` is found as a value while `n()` still finds the function.
    static func environment(names: [String], columns: [RValue], size: Int, parent: Environment,
                            groupVars: [String] = []) -> Environment {
        let helpers = Environment(parent: parent)
        if !groupVars.isEmpty { helpers.set(DplyrAcross.groupVarsBinding, .character(groupVars.map { Optional($0) })) }
        helpers.set(".data", .list(columns, names: names))
        helpers.set("n", .builtin(Builtin(name: "n", body: .eager({ _, _ in .scalar(size) }))))
        let env = Environment(parent: helpers)
        for (k, n) in names.enumerated() where !n.isEmpty { env.set(n, columns[k]) }
        return env
    }

    /// dplyr's wrapping of an error raised while computing an argument.
    static func problem(_ error: Error, verb: String, quosure: Quosure, position: Int, group: String?, call: Call) -> Error {
        guard let e = error as? RError else { return error }
        if e.message.hasPrefix("Problem while computing") { return e }
        var text = "Problem while computing `\(quosure.described(position: position))`."
        if let group { text += "\n\u{2139} The error occurred in group \(group)." }
        let inner = e.call.map { "`" + (Deparser.deparseLines(.call(Call($0.function, []))).first ?? "") + "`" } ?? "`mask$eval_all_\(verb)()`"
        text += "\nCaused by error in \(inner):\n! \(e.message)"
        return RError(text, call: call)
    }

    /// An error dplyr reports about an argument's result (its size or type).
    static func resultProblem(_ detail: String, quosure: Quosure, position: Int, group: String?, call: Call) -> RError {
        var text = "Problem while computing `\(quosure.described(position: position))`.\n\u{2716} \(detail)"
        if let group { text += "\n\u{2139} The error occurred in group \(group)." }
        return RError(text, call: call)
    }
}
