/// R's grammar by precedence climbing. Binding powers follow R's ?Syntax, lowest first:
/// `?`, `=`, `<-`, `->`, `~`, `|| |`, `&& &`, `!`, comparison, `+ -`, `* /`, `%any% |>`, `:`,
/// unary `+ -`, `^`, then `$ @ [[ [ (` and `::`.
public struct Parser {
    private let tokens: [Token]
    private let source: [Unicode.Scalar]
    private var pos = 0
    /// Whether newlines end expressions here: true at top level and in braces, false in
    /// parentheses and brackets.
    private var newlineSignificant: [Bool] = [true]

    public init(_ source: String) throws {
        var lexer = Lexer(source)
        tokens = try lexer.tokenize()
        self.source = Array(source.unicodeScalars)
    }

    /// A top-level expression with the lines it spans in the source.
    public struct TopLevel {
        public let expr: Expr
        public let firstLine: Int
        public let lastLine: Int
    }

    /// Parses a whole program: expressions separated by newlines or semicolons.
    public static func parseProgram(_ source: String) throws -> [TopLevel] {
        var p = try Parser(source)
        return try p.program()
    }

    public static func parse(_ source: String) throws -> [Expr] {
        try parseProgram(source).map(\.expr)
    }

    // program -> { expr (NEWLINE | ';') }* END
    mutating func program() throws -> [TopLevel] {
        var result: [TopLevel] = []
        while true {
            while case .newline = current.kind { pos += 1 }
            while case .semicolon = current.kind { pos += 1 }
            if case .end = current.kind { return result }
            if case .newline = current.kind { continue }
            let first = current.location.line
            let e = try expression(0)
            let last = tokens[max(pos - 1, 0)].location.line + newlinesInside(tokens[max(pos - 1, 0)])
            result.append(TopLevel(expr: e, firstLine: first, lastLine: last))
            switch current.kind {
            case .newline, .semicolon, .end: break
            default: throw unexpected(current)
            }
        }
    }

    /// Multi-line strings end on a later line than they start.
    private func newlinesInside(_ t: Token) -> Int {
        guard t.end > t.start else { return 0 }
        return source[t.start..<t.end].filter { $0 == "\n" }.count
    }

    // MARK: - Tokens

    private var current: Token {
        var i = pos
        if !(newlineSignificant.last ?? true) {
            while case .newline = tokens[i].kind { i += 1 }
        }
        return tokens[i]
    }

    private mutating func advance() -> Token {
        if !(newlineSignificant.last ?? true) { skipNewlines() }
        let t = tokens[pos]
        if t.kind != .end { pos += 1 }
        return t
    }

    private mutating func skipNewlines() {
        while case .newline = tokens[pos].kind { pos += 1 }
    }

    private mutating func expect(_ kind: TokenKind) throws -> Token {
        guard current.kind == kind else { throw unexpected(current) }
        return advance()
    }

    private func unexpected(_ t: Token) -> ParseError {
        let what: String
        switch t.kind {
        case .number, .integer: what = "unexpected numeric constant"
        case .string: what = "unexpected string constant"
        case .symbol: what = "unexpected symbol"
        case .constant(let k): what = k == .null ? "unexpected NULL_CONST" : "unexpected numeric constant"
        case .keyword(let k): what = "unexpected '\(k)'"
        case .op(let o):
            switch o {
            case "<-", "<<-": what = "unexpected assignment"
            case "->", "->>": what = "unexpected assignment"
            case "=": what = "unexpected '='"
            case "==": what = "unexpected EQ"
            case "!=": what = "unexpected NE"
            case ">=": what = "unexpected GE"
            case "<=": what = "unexpected LE"
            case "&&": what = "unexpected AND2"
            case "||": what = "unexpected OR2"
            default: what = o.hasPrefix("%") ? "unexpected SPECIAL" : "unexpected '\(o)'"
            }
        case .lparen: what = "unexpected '('"
        case .rparen: what = "unexpected ')'"
        case .lbrace: what = "unexpected '{'"
        case .rbrace: what = "unexpected '}'"
        case .lbracket: what = "unexpected '['"
        case .dlbracket: what = "unexpected '[['"
        case .rbracket: what = "unexpected ']'"
        case .comma: what = "unexpected ','"
        case .semicolon: what = "unexpected ';'"
        case .newline: what = "unexpected end of line"
        case .end: what = "unexpected end of input"
        }
        return ParseError(message: what, location: t.location)
    }

    // MARK: - Operators

    private enum Assoc { case left, right }

    /// Binding power and associativity of a binary operator.
    private func binary(_ t: Token) -> (power: Int, assoc: Assoc)? {
        guard case .op(let o) = t.kind else { return nil }
        switch o {
        case "?": return (1, .left)
        case "=": return (2, .right)
        case "<-", "<<-": return (3, .right)
        case "->", "->>": return (4, .left)
        case "~": return (5, .left)
        case "||", "|": return (6, .left)
        case "&&", "&": return (7, .left)
        case "==", "!=", "<", ">", "<=", ">=": return (9, .left)
        case "+", "-": return (10, .left)
        case "*", "/": return (11, .left)
        case "|>": return (12, .left)
        case ":": return (13, .left)
        case "^": return (15, .right)
        default: return o.hasPrefix("%") ? (12, .left) : nil
        }
    }

    private static let postfixPower = 16

    /// Nesting depth of expressions being parsed, bounded so that hostile input cannot
    /// exhaust the stack.
    private var depth = 0
    private static let maxDepth = 5000
    /// R's parser keeps at most 50 open brackets.
    private static let maxBrackets = 50

    private mutating func enter(_ t: Token) throws {
        depth += 1
        if depth > Self.maxDepth || newlineSignificant.count > Self.maxBrackets {
            throw ParseError(message: "contextstack overflow at line \(t.location.line)", location: t.location)
        }
    }

    // expr -> prefix { binop expr | postfix }*
    mutating func expression(_ minPower: Int) throws -> Expr {
        try enter(current)
        defer { depth -= 1 }
        var left = try prefix()
        while true {
            let t = current
            switch t.kind {
            case .lparen, .lbracket, .dlbracket:
                left = try postfix(left)
                continue
            case .op(let o) where o == "$" || o == "@":
                left = try postfix(left)
                continue
            default:
                break
            }
            guard let (power, assoc) = binary(t), power > minPower else { return left }
            _ = advance()
            skipNewlines()
            guard case .op(let o) = t.kind else { return left }
            let right = try expression(assoc == .left ? power : power - 1)
            left = makeBinary(o, left, right, t.location)
        }
    }

    private func makeBinary(_ o: String, _ l: Expr, _ r: Expr, _ loc: SourceLocation) -> Expr {
        switch o {
        case "->": return .call("<-", [r, l], location: loc)
        case "->>": return .call("<<-", [r, l], location: loc)
        case "|>":
            // The native pipe is syntax: `x |> f(y)` is `f(x, y)`.
            if case .call(let c) = r {
                return .call(Call(c.function, [Argument(l)] + c.arguments, location: c.location))
            }
            return .call(Call(r, [Argument(l)], location: loc))
        default: return .call(o, [l, r], location: loc)
        }
    }

    // prefix -> constant | symbol | '(' expr ')' | '{' exprlist '}' | unary expr | if | for | ...
    private mutating func prefix() throws -> Expr {
        let t = advance()
        switch t.kind {
        case .number(let v): return .constant(.scalar(v))
        case .integer(let v): return .constant(.scalar(v))
        case .string(let s): return .constant(.scalar(s))
        case .symbol(let s):
            if case .op(let o) = current.kind, o == "::" || o == ":::" {
                _ = advance()
                let name = try symbolOrString()
                return .call(o, [.symbol(s), .symbol(name)], location: t.location)
            }
            return .symbol(s)
        case .constant(let k): return .constant(constant(k))
        case .lparen:
            newlineSignificant.append(false)
            let inner = try expression(0)
            newlineSignificant.removeLast()
            _ = try expect(.rparen)
            return .call("(", [inner], location: t.location)
        case .lbrace:
            return try braces(t.location)
        case .op(let o):
            switch o {
            case "-", "+": return .call(o, [try expression(14)], location: t.location)
            case "!": return .call(o, [try expression(8)], location: t.location)
            case "~": return .call(o, [try expression(5)], location: t.location)
            case "?": return .call(o, [try expression(1)], location: t.location)
            case "\\": return try function(t)
            default: throw unexpected(t)
            }
        case .keyword(let k):
            switch k {
            case "if": return try ifExpression(t.location)
            case "for": return try forLoop(t.location)
            case "while":
                let cond = try condition()
                skipNewlines()
                let body = try expression(0)
                return .call("while", [cond, body], location: t.location)
            case "repeat":
                skipNewlines()
                return .call("repeat", [try expression(0)], location: t.location)
            case "function": return try function(t)
            case "break", "next": return .call(Call(.symbol(k), [], location: t.location))
            default: throw unexpected(t)
            }
        default:
            throw unexpected(t)
        }
    }

    private func constant(_ k: ConstantKind) -> RValue {
        switch k {
        case .null: return .null
        case .true: return .scalar(true)
        case .false: return .scalar(false)
        case .na: return .logical([.na])
        case .naInteger: return .integer([NAInteger])
        case .naReal: return .double([NAReal])
        case .naCharacter: return .character([nil])
        case .inf: return .scalar(Double.infinity)
        case .nan: return .scalar(Double.nan)
        }
    }

    private mutating func symbolOrString() throws -> String {
        let t = advance()
        switch t.kind {
        case .symbol(let s), .string(let s): return s
        case .keyword(let k): return k
        default: throw unexpected(t)
        }
    }

    // braces -> '{' { expr (NEWLINE | ';') }* '}'
    private mutating func braces(_ loc: SourceLocation) throws -> Expr {
        newlineSignificant.append(true)
        defer { newlineSignificant.removeLast() }
        var body: [Expr] = []
        while true {
            while true {
                if case .newline = current.kind { pos += 1; continue }
                if case .semicolon = current.kind { pos += 1; continue }
                break
            }
            if case .rbrace = current.kind { _ = advance(); break }
            body.append(try expression(0))
            switch current.kind {
            case .newline, .semicolon, .rbrace: break
            default: throw unexpected(current)
            }
        }
        return .call("{", body, location: loc)
    }

    // ifcond -> '(' expr ')'
    private mutating func condition() throws -> Expr {
        _ = try expect(.lparen)
        newlineSignificant.append(false)
        let c = try expression(0)
        newlineSignificant.removeLast()
        _ = try expect(.rparen)
        return c
    }

    // if -> 'if' ifcond expr [ 'else' expr ]
    private mutating func ifExpression(_ loc: SourceLocation) throws -> Expr {
        let cond = try condition()
        skipNewlines()
        let then = try expression(0)
        // Inside braces or parentheses an `else` may start the next line; at top level it may not.
        var look = pos
        let canSkip = newlineSignificant.count > 1 || !(newlineSignificant.last ?? true)
        if canSkip { while case .newline = tokens[look].kind { look += 1 } }
        if case .keyword("else") = tokens[look].kind {
            pos = look + 1
            skipNewlines()
            let otherwise = try expression(0)
            return .call("if", [cond, then, otherwise], location: loc)
        }
        return .call("if", [cond, then], location: loc)
    }

    // for -> 'for' '(' SYMBOL 'in' expr ')' expr
    private mutating func forLoop(_ loc: SourceLocation) throws -> Expr {
        _ = try expect(.lparen)
        newlineSignificant.append(false)
        let v = advance()
        guard case .symbol(let name) = v.kind else { throw unexpected(v) }
        let inTok = advance()
        guard case .keyword("in") = inTok.kind else { throw unexpected(inTok) }
        let seq = try expression(0)
        newlineSignificant.removeLast()
        _ = try expect(.rparen)
        skipNewlines()
        let body = try expression(0)
        return .call("for", [.symbol(name), seq, body], location: loc)
    }

    // function -> ('function' | '\') '(' formals ')' expr
    private mutating func function(_ start: Token) throws -> Expr {
        _ = try expect(.lparen)
        newlineSignificant.append(false)
        var params: [Parameter] = []
        if current.kind != .rparen {
            while true {
                let t = advance()
                guard case .symbol(let name) = t.kind else { throw unexpected(t) }
                if params.contains(where: { $0.name == name }) {
                    throw ParseError(message: "repeated formal argument '\(name)'", location: t.location)
                }
                var def: Expr?
                if case .op("=") = current.kind {
                    _ = advance()
                    def = try expression(2)
                }
                params.append(Parameter(name: name, defaultValue: def))
                if case .comma = current.kind { _ = advance(); continue }
                break
            }
        }
        newlineSignificant.removeLast()
        _ = try expect(.rparen)
        skipNewlines()
        let body = try expression(0)
        let end = tokens[max(pos - 1, 0)].end
        let text = String(String.UnicodeScalarView(source[start.start..<max(end, start.start)]))
        return .function(FunctionDefinition(parameters: params, body: body, sourceText: text))
    }

    // postfix -> '(' args ')' | '[' args ']' | '[[' args ']]' | '$' name | '@' name
    private mutating func postfix(_ target: Expr) throws -> Expr {
        let t = advance()
        switch t.kind {
        case .lparen:
            let args = try arguments(closing: .rparen)
            return .call(Call(target, args, location: target.location ?? t.location))
        case .lbracket:
            let args = try arguments(closing: .rbracket)
            return .call(Call(.symbol("["), [Argument(target)] + args, location: t.location))
        case .dlbracket:
            let args = try arguments(closing: .rbracket)
            _ = try expect(.rbracket)
            return .call(Call(.symbol("[["), [Argument(target)] + args, location: t.location))
        case .op(let o):
            let nameTok = advance()
            let field: Expr
            switch nameTok.kind {
            case .symbol(let s), .string(let s): field = .symbol(s)
            case .keyword(let k): field = .symbol(k)
            case .lparen:
                // `x$(...)` is not R; report it the way R does.
                throw unexpected(nameTok)
            default: throw unexpected(nameTok)
            }
            return .call(o, [target, field], location: t.location)
        default:
            throw unexpected(t)
        }
    }

    // args -> [ arg { ',' arg }* ] ; arg -> [ name '=' ] [ expr ]
    private mutating func arguments(closing: TokenKind) throws -> [Argument] {
        newlineSignificant.append(false)
        defer { newlineSignificant.removeLast() }
        var args: [Argument] = []
        if current.kind == closing { _ = advance(); return [] }
        while true {
            var name: String?
            // A name followed by `=` names the argument.
            var look = pos
            while case .newline = tokens[look].kind { look += 1 }
            switch tokens[look].kind {
            case .symbol(let s), .string(let s):
                var eq = look + 1
                while case .newline = tokens[eq].kind { eq += 1 }
                if case .op("=") = tokens[eq].kind { name = s; pos = eq + 1 }
            case .constant(.null):
                var eq = look + 1
                while case .newline = tokens[eq].kind { eq += 1 }
                if case .op("=") = tokens[eq].kind { name = "NULL"; pos = eq + 1 }
            default: break
            }
            let value: Expr
            if current.kind == .comma || current.kind == closing {
                value = .missingArgument
            } else {
                value = try expression(2)
            }
            args.append(Argument(name: name, value))
            let t = advance()
            if t.kind == .comma { continue }
            if t.kind == closing { break }
            throw unexpected(t)
        }
        // `f(a, )` has a trailing empty argument in R only for `[`; calls drop it.
        if closing == .rparen, let last = args.last, last.name == nil, case .missingArgument = last.value, args.count == 1 {
            return []
        }
        return args
    }
}
