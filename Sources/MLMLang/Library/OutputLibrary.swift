/// Printing, and the conditions R code can signal: messages, warnings and errors.
enum OutputLibrary {
    static func install(_ interp: Interpreter) {
        // print dispatches on class before this runs (see internalGenerics); this is print.default.
        for name in ["print", "print.default"] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits", "quote", "..."], args, call: ctx.call)
                guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
                let saved = ctx.interpreter.options["digits"]
                if let d = m["digits"]?.scalarInt() {
                    guard (1...22).contains(d) else { throw RError("invalid digits argument") }
                    ctx.interpreter.options["digits"] = .scalar(d)
                }
                defer { ctx.interpreter.options["digits"] = saved }
                ctx.interpreter.write(ctx.interpreter.formatForPrint(x, quote: m["quote"]?.logicalValue ?? true))
                ctx.interpreter.visible = false
                return x
            })
        }
        interp.define("cat", { ctx, args in
            var sep = " "
            var parts: [String] = []
            for a in args {
                if a.name == "sep" { sep = a.value.scalarString() ?? sep; continue }
                if a.name == "fill" || a.name == "file" || a.name == "append" { continue }
                switch a.value {
                case .null: continue
                case .vector(let v):
                    if case .list = v.storage { throw RError("argument 1 (type 'list') cannot be handled by 'cat'") }
                    if case .double(let d) = v.storage {
                        parts += d.map { RFormat.significant($0, digits: 7) }
                    } else if v.isFactor, case .integer(let codes) = v.storage {
                        parts += codes.map { $0 == NAInteger ? "NA" : String($0) }
                    } else {
                        parts += Coerce.strings(v).map { $0 ?? "NA" }
                    }
                case .language(let l): parts.append(Deparser.deparse(l.expr))
                default: throw RError("argument 1 (type '\(a.value.typeName)') cannot be handled by 'cat'")
                }
            }
            // cat puts the separator between items, but not after an item ending in a newline
            // when the separator is a space... R simply joins; keep R's behaviour.
            ctx.interpreter.write(parts.joined(separator: sep))
            ctx.interpreter.visible = false
            return .null
        })
    }

    static func conditionText(_ args: [EvaluatedArgument]) -> String {
        args.filter { $0.name == nil || $0.name == "" }.map { a -> String in
            if case .vector(let v) = a.value { return Coerce.strings(v).map { $0 ?? "NA" }.joined() }
            return Deparser.deparseValue(a.value)
        }.joined()
    }
}
