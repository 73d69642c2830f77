/// Turns code back into R text the way `deparse` does, including its line breaking: after an
/// argument's comma or a spaced binary operator, a line longer than the cutoff (60 bytes by
/// default) is ended and the rest indented by four spaces.
public enum Deparser {
    public static func deparse(_ expr: Expr) -> String {
        deparseLines(expr, cutoff: Int.max).joined(separator: "\n")
    }

    /// The lines of `deparse(expr, width.cutoff = cutoff)`.
    public static func deparseLines(_ expr: Expr, cutoff: Int = 60) -> [String] {
        var w = Writer(cutoff: cutoff)
        w.write(expr)
        return w.finish()
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

    static let spacedBinary: Set<String> = ["+", "-", "*", "<-", "<<-", "=", "~", "==", "!=", "<", ">", "<=", ">=",
                                            "&", "&&", "|", "||", "|>"]
    static let tightBinary: Set<String> = ["/", "^", ":", "$", "@", "::", ":::"]

    /// Accumulates deparsed text line by line.
    struct Writer {
        let cutoff: Int
        var lines: [String] = []
        var line = ""
        var indent = 0
        var atLineStart = true

        init(cutoff: Int) { self.cutoff = cutoff }

        mutating func put(_ s: String) {
            if atLineStart {
                for i in 0..<indent { line += i < 4 ? "    " : "  " }
                atLineStart = false
            }
            line += s
        }

        mutating func newline() {
            lines.append(line)
            line = ""
            atLineStart = true
        }

        /// R's linebreak(): ends the line when it has grown past the cutoff.
        mutating func breakIfLong(_ broke: inout Bool) {
            guard line.utf8.count > cutoff else { return }
            if !broke {
                broke = true
                indent += 1
            }
            newline()
        }

        mutating func finish() -> [String] {
            if !line.isEmpty || lines.isEmpty { lines.append(line) }
            return lines
        }

        mutating func write(_ expr: Expr) {
            switch expr {
            case .constant(let v): put(deparseValue(v))
            case .symbol(let s): put(quoteName(s))
            case .missingArgument: break
            case .function(let def):
                put("function(")
                writeArguments(def.parameters.map { p in Argument(name: p.name, p.defaultValue ?? .missingArgument) }, formals: true)
                put(") ")
                write(def.body)
            case .call(let call):
                writeCall(call)
            }
        }

        mutating func writeCall(_ call: Call) {
            let args = call.arguments
            guard let name = call.functionName else {
                if case .function = call.function { put("("); write(call.function); put(")") } else { write(call.function) }
                put("(")
                writeArguments(args, formals: false)
                put(")")
                return
            }
            let unnamed = args.allSatisfy { $0.name == nil }
            switch (name, args.count) {
            case (_, 2) where unnamed && (spacedBinary.contains(name) || (name.hasPrefix("%") && name.hasSuffix("%") && name.count > 1)):
                write(args[0].value)
                put(" \(name) ")
                var broke = false
                breakIfLong(&broke)
                write(args[1].value)
                if broke { indent -= 1 }
            case (_, 2) where unnamed && tightBinary.contains(name):
                write(args[0].value)
                put(name)
                write(args[1].value)
            case ("-", 1), ("+", 1), ("!", 1), ("~", 1), ("?", 1):
                put(name)
                write(args[0].value)
            case ("(", 1):
                put("(")
                write(args[0].value)
                put(")")
            case ("{", _):
                put("{")
                indent += 1
                for a in args {
                    newline()
                    write(a.value)
                }
                indent -= 1
                newline()
                put("}")
            case ("[", _) where !args.isEmpty, ("[[", _) where !args.isEmpty:
                write(args[0].value)
                put(name)
                writeArguments(Array(args.dropFirst()), formals: false)
                put(name == "[" ? "]" : "]]")
            case ("if", 2), ("if", 3):
                put("if (")
                write(args[0].value)
                put(") ")
                write(args[1].value)
                if args.count == 3 {
                    put(" else ")
                    write(args[2].value)
                }
            case ("for", 3):
                put("for (")
                write(args[0].value)
                put(" in ")
                write(args[1].value)
                put(") ")
                write(args[2].value)
            case ("while", 2):
                put("while (")
                write(args[0].value)
                put(") ")
                write(args[1].value)
            case ("repeat", 1):
                put("repeat ")
                write(args[0].value)
            case ("break", 0), ("next", 0):
                put(name)
            default:
                put(quoteName(name) + "(")
                writeArguments(args, formals: false)
                put(")")
            }
        }

        /// R's args2buff: arguments separated by ", ", breaking long lines after a comma.
        mutating func writeArguments(_ args: [Argument], formals: Bool) {
            var broke = false
            for (k, a) in args.enumerated() {
                if let n = a.name {
                    put(quoteName(n))
                    if case .missingArgument = a.value {
                        if !formals { put(" = ") }
                    } else {
                        put(" = ")
                        write(a.value)
                    }
                } else {
                    write(a.value)
                }
                if k < args.count - 1 {
                    put(", ")
                    breakIfLong(&broke)
                }
            }
            if broke { indent -= 1 }
        }
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
            if case .integer(let a) = vec.storage, a.count > 1, let names = vec.names, !a.contains(NAInteger),
               zip(a, a.dropFirst()).allSatisfy({ $1 == $0 + 1 }) {
                // R keeps a named integer range compact and puts the names in structure().
                let nameList = "c(" + names.map { $0.map { quoteString($0) } ?? "NA" }.joined(separator: ", ") + ")"
                return "structure(\(a[0]):\(a[a.count - 1]), names = \(nameList))"
            }
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

    /// A string in quotes (double by default; none when `quote` is empty) with R's escapes
    /// for backslash, the quote character and control characters.
    public static func quoteString(_ s: String, quote: String = "\"") -> String {
        var out = quote
        for c in s.unicodeScalars {
            switch c {
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
                if !quote.isEmpty && String(c) == quote {
                    out += "\\" + quote
                } else if c.value < 0x20 || c.value == 0x7F {
                    out += "\\" + String(String(c.value, radix: 8).leftPadded(to: 3, with: "0"))
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + quote
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
