/// A position in source text, 1-based.
public struct SourceLocation: Equatable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// R code as the parser builds it. As in R, operators, `if`, loops and assignments are calls.
public indirect enum Expr {
    case constant(RValue)
    case symbol(String)
    case call(Call)
    case function(FunctionDefinition)
    /// An empty argument, as in `x[, 1]`, or a formal with no default.
    case missingArgument
}

/// One argument of a call, possibly named; its value is `.missingArgument` when left empty.
public struct Argument {
    public var name: String?
    public var value: Expr
    public init(name: String? = nil, _ value: Expr) {
        self.name = name
        self.value = value
    }
}

public final class Call {
    public private(set) var function: Expr
    public private(set) var arguments: [Argument]
    public let location: SourceLocation?
    /// A base function this call site resolved to, valid while the session's lookup epoch
    /// is `cachedEpoch` (see FunctionLookupEpoch).
    var cachedFunction: RValue?
    var cachedEpoch = -1

    public init(_ function: Expr, _ arguments: [Argument], location: SourceLocation? = nil) {
        self.function = function
        self.arguments = arguments
        self.location = location
    }

    /// A call nested any number of levels deep (`for (i in 1:1e5) x <- call("f", x)`) is freed
    /// through DeepRelease, level by level, not by recursion.
    deinit {
        if !arguments.isEmpty {
            var taken: [Argument] = []
            swap(&taken, &arguments)
            DeepRelease.release(.arguments(consume taken))
        }
        if case .call = function {
            var taken = Expr.missingArgument
            swap(&taken, &function)
            DeepRelease.release(.expression(consume taken))
        }
    }

    /// The called name, when the function position holds a plain symbol.
    public var functionName: String? {
        if case .symbol(let s) = function { return s }
        return nil
    }
}

public final class FunctionDefinition {
    public let parameters: [Parameter]
    public let body: Expr
    /// The text the function was written as, for printing it back.
    public let sourceText: String?

    public init(parameters: [Parameter], body: Expr, sourceText: String?) {
        self.parameters = parameters
        self.body = body
        self.sourceText = sourceText
    }
}

public extension Expr {
    static func call(_ name: String, _ args: [Expr], location: SourceLocation? = nil) -> Expr {
        .call(Call(.symbol(name), args.map { Argument($0) }, location: location))
    }

    var location: SourceLocation? {
        if case .call(let c) = self { return c.location }
        return nil
    }
}
