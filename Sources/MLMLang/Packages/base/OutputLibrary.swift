import Foundation
/// Printing, and the conditions R code can signal: messages, warnings and errors.
enum OutputLibrary {
    static func install(_ interp: Interpreter) {
        // print dispatches on class before this runs (see internalGenerics); this is print.default.
        for name in ["print", "print.default"] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits", "quote", "max.levels", "right", "..."], args, call: ctx.call)
                guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
                let saved = ctx.interpreter.options["digits"]
                if let d = m["digits"]?.scalarInt() {
                    guard (1...22).contains(d) else { throw RError("invalid digits argument") }
                    ctx.interpreter.options["digits"] = .scalar(d)
                }
                defer { ctx.interpreter.options["digits"] = saved }
                if m["quote"] == nil, m["max.levels"] == nil, m["right"] == nil {
                    try ctx.interpreter.printDefault(x, env: ctx.env)
                } else {
                    ctx.interpreter.write(ctx.interpreter.formatForPrint(x, quote: m["quote"]?.logicalValue ?? true,
                                                                         maxLevels: m["max.levels"]?.scalarInt(),
                                                                         right: m["right"]?.logicalValue ?? false))
                }
                ctx.interpreter.visible = false
                return x
            })
        }
        interp.define("cat", { ctx, args in
            var sep = " "
            var fill = 0
            var parts: [String] = []
            var position = 0
            if let f = args.first(where: { $0.name == "fill" })?.value {
                if case .vector(let fv) = f, case .logical = fv.storage { fill = f.logicalValue == true ? ctx.interpreter.width : 0 }
                else { fill = max(f.scalarInt() ?? 0, 0) }
            }
            for a in args {
                if a.name == "sep" { sep = a.value.scalarString() ?? sep; continue }
                if a.name == "fill" || a.name == "file" || a.name == "append" || a.name == "labels" { continue }
                position += 1
                switch a.value {
                case .null: continue
                case .vector(let v):
                    if case .list = v.storage {
                        // R writes what came before, then stops at the argument it cannot print.
                        ctx.interpreter.write(parts.joined(separator: sep) + (parts.isEmpty ? "" : sep))
                        throw RError("argument \(position) (type 'list') cannot be handled by 'cat'")
                    }
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
            let separators = args.first(where: { $0.name == "sep" })?.value.asVector.map { Coerce.strings($0) } ?? []
            var text: String
            if fill == 0, separators.count > 1 {
                // Separators taken in turn (write.ftable's c(" ", ..., "\n") ends each row).
                text = ""
                for (k, part) in parts.enumerated() {
                    if k > 0 { text += separators[(k - 1) % separators.count] ?? "NA" }
                    text += part
                }
            } else {
                text = fill > 0 ? filled(parts, sep: sep, width: fill) : parts.joined(separator: sep)
            }
            // R ends the output with a newline when a separator holds one (cat(x, sep = "\n")).
            if fill == 0, separators.contains(where: { $0?.contains("\n") == true }) { text += "\n" }
            let append = args.first(where: { $0.name == "append" })?.value.logicalValue == true
            try writeCat(text, to: args.first(where: { $0.name == "file" })?.value, append: append, ctx)
            ctx.interpreter.visible = false
            return .null
        })
        interp.define("stdout", { _, _ in connection(1, "stdout") })
        interp.define("stderr", { _, _ in connection(2, "stderr") })
    }

    /// cat(..., fill = width): items go on a line while they fit in `width` columns, separators
    /// included; a separator ends the line before a break, and a newline ends the text.
    static func filled(_ parts: [String], sep: String, width fill: Int) -> String {
        var out = "", width = 0
        for (k, p) in parts.enumerated() {
            if k > 0 && width + p.count + sep.count > fill { out += "\n"; width = 0 }
            out += p
            width += p.count
            if k < parts.count - 1 { out += sep; width += sep.count }
        }
        return out + "\n"
    }

    /// R's standard connections: the integer number with class terminal/connection.
    static func connection(_ number: Int, _ description: String) -> RValue {
        var v = RVector(.integer([number]))
        v.attributes["class"] = .character(["terminal", "connection"])
        return .vector(v)
    }

    /// cat's `file`: "" or stdout() is the session's output; stderr() is the process's standard
    /// error, which neither Rscript's stdout nor a knitted document captures; a path is a file.
    private static func writeCat(_ text: String, to file: RValue?, append: Bool, _ ctx: CallContext) throws {
        guard let file, !file.isNullValue else { ctx.interpreter.write(text); return }
        if file.explicitClass?.contains("connection") == true {
            if file.scalarInt() == 2 { FileHandle.standardError.write(Data(text.utf8)) } else { ctx.interpreter.write(text) }
            return
        }
        guard let path = file.scalarString() else { throw RError("invalid 'file' argument") }
        if path.isEmpty { ctx.interpreter.write(text); return }
        let url = URL(fileURLWithPath: path, relativeTo: ctx.interpreter.workingDirectory)
        if append, let handle = try? FileHandle(forWritingTo: url) {
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try? handle.close()
        } else if (try? Data(text.utf8).write(to: url)) == nil {
            throw RError("cannot open file '\(path)': No such file or directory")
        }
    }

    static func conditionText(_ args: [EvaluatedArgument]) -> String {
        args.filter { $0.name == nil || $0.name == "" }.map { a -> String in
            if case .vector(let v) = a.value { return Coerce.strings(v).map { $0 ?? "NA" }.joined() }
            return Deparser.deparseValue(a.value)
        }.joined()
    }
}
