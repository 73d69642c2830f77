/// Turns code back into R text the way `deparse` does (one line; R's line breaking at
/// width.cutoff is applied by callers that print calls).
public enum Deparser {
    public static func deparse(_ expr: Expr) -> String {
        var out = ""
        write(expr, into: &out, indent: 0)
        return out
    }

    public static func deparseCall(_ call: Call) -> String { deparse(.call(call)) }

    /// A short description of a value for error messages (`unused argument (3)`).
    public static func deparseValueBrief(_ v: RValue) -> String {
        if case .vector(let vec) = v, vec.count == 1, vec.attributes.isEmpty {
            return deparse(.constant(v))
        }
        if case .language(let l) = v { return deparse(l.expr) }
        return deparseValue(v)
    }

    private static let spacedBinary: Set<String> = ["+", "-", "*", "<-", "<<-", "=", "~", "==", "!=", "<", ">", "<=", ">=",
                                                     "&", "&&", "|", "||", "|>"]
    private static let tightBinary: Set<String> = ["/", "^", ":", "$", "@", "::", ":::"]

    static func write(_ expr: Expr, into out: inout String, indent: Int) {
        switch expr {
        case .constant(let v): out += deparseValue(v)
        case .symbol(let s): out += quoteName(s)
        case .missingArgument: break
        case .function(let def):
            if let text = def.sourceText { out += text; return }
            out += "function(" + def.parameters.map { p in
                p.defaultValue.map { "\(p.name) = \(deparse($0))" } ?? p.name
            }.joined(separator: ", ") + ") "
            write(def.body, into: &out, indent: indent)
        case .call(let call):
            writeCall(call, into: &out, indent: indent)
        }
    }

    private static func writeCall(_ call: Call, into out: inout String, indent: Int) {
        let args = call.arguments
        guard let name = call.functionName else {
            if case .function = call.function { out += "(" ; write(call.function, into: &out, indent: indent); out += ")" }
            else { write(call.function, into: &out, indent: indent) }
            out += "(" + argumentList(args, indent: indent) + ")"
            return
        }
        switch (name, args.count) {
        case (_, 2) where spacedBinary.contains(name) && args.allSatisfy({ $0.name == nil }):
            write(args[0].value, into: &out, indent: indent)
            out += " \(name) "
            write(args[1].value, into: &out, indent: indent)
        case (_, 2) where tightBinary.contains(name) && args.allSatisfy({ $0.name == nil }):
            write(args[0].value, into: &out, indent: indent)
            out += name
            write(args[1].value, into: &out, indent: indent)
        case (_, 2) where name.hasPrefix("%") && name.hasSuffix("%") && name.count > 1:
            write(args[0].value, into: &out, indent: indent)
            out += " \(name) "
            write(args[1].value, into: &out, indent: indent)
        case ("-", 1), ("+", 1), ("!", 1), ("~", 1), ("?", 1):
            out += name
            write(args[0].value, into: &out, indent: indent)
        case ("(", 1):
            out += "("
            write(args[0].value, into: &out, indent: indent)
            out += ")"
        case ("{", _):
            out += "{\n"
            for a in args {
                out += String(repeating: "    ", count: indent + 1)
                write(a.value, into: &out, indent: indent + 1)
                out += "\n"
            }
            out += String(repeating: "    ", count: indent) + "}"
        case ("[", _) where !args.isEmpty, ("[[", _) where !args.isEmpty:
            write(args[0].value, into: &out, indent: indent)
            out += name + argumentList(Array(args.dropFirst()), indent: indent) + (name == "[" ? "]" : "]]")
        case ("if", 2), ("if", 3):
            out += "if ("
            write(args[0].value, into: &out, indent: indent)
            out += ") "
            write(args[1].value, into: &out, indent: indent)
            if args.count == 3 {
                out += " else "
                write(args[2].value, into: &out, indent: indent)
            }
        case ("for", 3):
            out += "for ("
            write(args[0].value, into: &out, indent: indent)
            out += " in "
            write(args[1].value, into: &out, indent: indent)
            out += ") "
            write(args[2].value, into: &out, indent: indent)
        case ("while", 2):
            out += "while ("
            write(args[0].value, into: &out, indent: indent)
            out += ") "
            write(args[1].value, into: &out, indent: indent)
        case ("repeat", 1):
            out += "repeat "
            write(args[0].value, into: &out, indent: indent)
        case ("break", 0), ("next", 0):
            out += name
        default:
            out += quoteName(name) + "(" + argumentList(args, indent: indent) + ")"
        }
    }

    private static func argumentList(_ args: [Argument], indent: Int) -> String {
        args.map { a in
            var s = ""
            if let n = a.name { s += quoteName(n) + " = " }
            write(a.value, into: &s, indent: indent)
            return s
        }.joined(separator: ", ")
    }

    /// Backticks around names that are not syntactic.
    public static func quoteName(_ s: String) -> String {
        if isSyntacticName(s) { return s }
        return "`" + s + "`"
    }

    static let reserved: Set<String> = ["if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE",
                                        "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "in"]

    public static func isSyntacticName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !reserved.contains(s) else { return false }
        if first == "." {
            if let second = s.unicodeScalars.dropFirst().first, second.isDigit { return false }
        } else if !first.properties.isAlphabetic {
            return false
        }
        return s.unicodeScalars.allSatisfy { $0.isIdentifierPart }
    }

    /// A value written back as R code, as `deparse` would for simple vectors.
    public static func deparseValue(_ v: RValue) -> String {
        switch v {
        case .null: return "NULL"
        case .vector(let vec):
            let items: [String]
            switch vec.storage {
            case .logical(let a): items = a.map { $0 == .na ? "NA" : ($0 == .yes ? "TRUE" : "FALSE") }
            case .integer(let a): items = a.map { $0 == NAInteger ? "NA" : "\($0)L" }
            case .double(let a): items = a.map(deparseDouble)
            case .character(let a): items = a.map { $0.map { quoteString($0) } ?? "NA" }
            case .list(let a): items = a.map(deparseValue)
            }
            var body: [String] = items
            if let names = vec.names {
                body = zip(items, names).map { item, name in
                    guard let name, !name.isEmpty else { return item }
                    return quoteName(name) + " = " + item
                }
            }
            if case .list = vec.storage { return "list(" + body.joined(separator: ", ") + ")" }
            if body.count == 1 && vec.names == nil { return body[0] }
            if case .integer(let a) = vec.storage, a.count > 1, vec.names == nil, !a.contains(NAInteger),
               zip(a, a.dropFirst()).allSatisfy({ $1 == $0 + 1 }) {
                return "\(a[0]):\(a[a.count - 1])"
            }
            return "c(" + body.joined(separator: ", ") + ")"
        case .language(let l): return deparse(l.expr)
        case .closure(let c):
            if case .function(let def) = c.body, let t = def.sourceText { return t }
            return "function(...)"
        case .builtin(let b): return ".Primitive(\"\(b.name)\")"
        case .environment: return "<environment>"
        }
    }

    static func deparseDouble(_ x: Double) -> String {
        if x.isRNA { return "NA" }
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        return RFormat.significant(x, digits: 15)
    }

    /// A string in double quotes with R's escapes.
    public static func quoteString(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            case "\0": out += "\\0"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\" + String(String(c.value, radix: 8).leftPadded(to: 3, with: "0"))
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        let n = displayWidth
        return n >= width ? self : String(repeating: pad, count: width - n) + self
    }

    func rightPadded(to width: Int) -> String {
        let n = displayWidth
        return n >= width ? self : self + String(repeating: " ", count: width - n)
    }

    /// Columns the string takes in a terminal: East Asian wide characters count two, combining marks none.
    public var displayWidth: Int {
        var w = 0
        for s in unicodeScalars {
            let v = s.value
            if v < 0x300 { w += 1; continue }
            if s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark { continue }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x20000...0x3FFFD).contains(v) {
                w += 2
            } else {
                w += 1
            }
        }
        return w
    }
}
