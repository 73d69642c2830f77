import MLMLang

/// Reads chunk options from a header (`label, echo=FALSE, fig.cap="A plot"`) and from
/// `#| key: value` lines. Option values are R expressions evaluated in the notebook's
/// session, as knitr evaluates them.
enum ChunkHeader {
    static func apply(_ header: String, to options: inout ChunkOptions, session: Session) throws {
        var rest = Substring(header)
        // knitr takes a first item without `=` as the label, so `my-label` needs no quotes.
        let firstItem = rest.prefix(while: { $0 != "," })
        if !firstItem.contains("="), !firstItem.trimmingCharacters(in: .whitespaces).isEmpty {
            options.label = unquote(firstItem.trimmingCharacters(in: .whitespaces))
            rest = rest.dropFirst(firstItem.count).drop(while: { $0 == "," || $0 == " " })
        }
        guard !rest.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let call: [Expr]
        do {
            call = try Parser.parse("alist(" + rest + ")")
        } catch let e as ParseError {
            throw OptionError("invalid chunk options '\(header)': \(e.message)")
        }
        guard call.count == 1, case .call(let c) = call[0] else {
            throw OptionError("invalid chunk options '\(header)'")
        }
        for arg in c.arguments {
            guard let name = arg.name else {
                throw OptionError("invalid chunk options '\(header)': every option after the label needs a name")
            }
            let value: RValue
            do {
                value = try session.interpreter.eval(arg.value, session.interpreter.globalEnv)
            } catch let e as RError {
                throw OptionError("chunk option '\(name)': \(e)")
            }
            try options.set(name, value)
        }
    }

    /// `#| echo: false`, `#| fig-cap: "A plot"`, `#| fig.width: 6`, `#| eval: !expr x > 1`.
    static func applyOptionLines(_ lines: [String], to options: inout ChunkOptions, session: Session) throws {
        // A bare `#|` line is empty YAML: Quarto and knitr pass over it.
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw OptionError("invalid chunk option line '#|\(line)': expected 'name: value'")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let raw = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let value: RValue
            if raw.hasPrefix("!expr ") {
                do {
                    var v = RValue.null
                    for e in try Parser.parse(String(raw.dropFirst(6))) { v = try session.interpreter.eval(e, session.interpreter.globalEnv) }
                    value = v
                } catch {
                    throw OptionError("chunk option '\(name)': \(error)")
                }
            } else {
                value = yamlScalar(raw)
            }
            try options.set(name, value)
        }
    }

    /// A YAML scalar: booleans, numbers, quoted or plain strings.
    static func yamlScalar(_ raw: String) -> RValue {
        switch raw {
        case "true", "True", "TRUE", "yes", "Yes", "YES": return .scalar(true)
        case "false", "False", "FALSE", "no", "No", "NO": return .scalar(false)
        case "null", "~", "NA": return .logical([.na])
        default: break
        }
        if let d = Double(raw) { return .scalar(d) }
        return .scalar(unquote(raw))
    }

    static func unquote(_ s: String) -> String {
        guard s.count >= 2, let f = s.first, let l = s.last, f == l, f == "\"" || f == "'" else { return s }
        return String(s.dropFirst().dropLast())
    }
}
