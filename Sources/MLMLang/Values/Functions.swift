/// A formal argument of a closure: its name and default expression, if any.
public struct Parameter {
    public let name: String
    public let defaultValue: Expr?
    public init(name: String, defaultValue: Expr?) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

/// A function written in R: formals, body, and the environment it was created in.
public final class Closure {
    public let parameters: [Parameter]
    public let body: Expr
    public let env: Environment
    public var attributes = Attributes()

    public init(parameters: [Parameter], body: Expr, env: Environment) {
        self.parameters = parameters
        self.body = body
        self.env = env
    }
}

/// An argument as a builtin receives it: evaluated, unless the builtin is special.
public struct EvaluatedArgument {
    public var name: String?
    public var value: RValue
    public init(name: String? = nil, _ value: RValue) {
        self.name = name
        self.value = value
    }
}

/// A function implemented in Swift.
public struct Builtin {
    public enum Body {
        /// Receives evaluated arguments, `...` expanded.
        case eager((CallContext, [EvaluatedArgument]) throws -> RValue)
        /// Receives the unevaluated call (`quote`, `if`, `function`, `library`, ...).
        case special((CallContext, [Argument]) throws -> RValue)
    }
    public let name: String
    public let body: Body
    /// How calls to this builtin may dispatch to S3 methods, decided once from its name.
    let dispatch: DispatchKind
    /// A direct entry for two-operand calls (arithmetic, comparison), avoiding an argument array.
    var binary: ((RValue, RValue, CallContext) throws -> RValue)?

    enum DispatchKind {
        case none
        /// A generic such as print or summary: a classed first argument may have a method.
        case internalGeneric
        /// An operator of the Ops group: either operand's class may have a method.
        case groupOp
        /// A function of the Summary group (min, max, range, ...): the first argument's class
        /// may have a method.
        case groupSummary
    }

    public init(name: String, body: Body) {
        self.name = name
        self.body = body
        if Interpreter.groupOps.contains(name) { dispatch = .groupOp }
        else if Interpreter.groupSummary.contains(name) { dispatch = .groupSummary }
        else if Interpreter.internalGenerics.contains(name) { dispatch = .internalGeneric }
        else { dispatch = .none }
    }

    public var isSpecial: Bool {
        if case .special = body { return true }
        return false
    }
}

/// What a builtin sees of the call it serves.
public struct CallContext {
    public let interpreter: Interpreter
    /// The environment the call is evaluated in.
    public let env: Environment
    public let call: Call
}
