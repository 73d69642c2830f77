public enum TokenKind: Equatable {
    case number(Double)
    case integer(Int)
    case string(String)
    case symbol(String)
    /// `NULL`, `TRUE`, `NA`, `Inf`, ... : constants the lexer recognises by name.
    case constant(ConstantKind)
    case keyword(String)        // if else for while repeat function break next in
    case op(String)             // operators, including %op%
    case lparen, rparen, lbrace, rbrace, lbracket, dlbracket, rbracket, comma, semicolon
    case newline
    case end
}

public enum ConstantKind: Equatable {
    case null, `true`, `false`, na, naInteger, naReal, naCharacter, inf, nan
}

public struct Token {
    public let kind: TokenKind
    public let location: SourceLocation
    /// Offset of the first and one past the last character, in the source's unicode scalars.
    public let start: Int
    public let end: Int
}
