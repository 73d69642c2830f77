/// A promise: an argument expression evaluated at most once, on first use.
public final class Promise {
    public let expr: Expr
    public private(set) var env: Environment?
    public private(set) var value: RValue?
    var underEvaluation = false
    /// True when the promise is a formal's default, which `missing()` reports as missing.
    let isDefaultArgument: Bool

    public init(expr: Expr, env: Environment, isDefault: Bool = false) {
        self.expr = expr
        self.env = env
        self.isDefaultArgument = isDefault
    }

    /// A promise that is already forced (arguments supplied by builtins, `do.call`).
    public init(value: RValue, expr: Expr) {
        self.expr = expr
        self.value = value
        self.isDefaultArgument = false
    }

    func fulfil(_ v: RValue) {
        value = v
        env = nil
    }
}

/// What a name is bound to.
public enum Binding {
    case value(RValue)
    case promise(Promise)
    /// The `...` of a closure call: its promises in order, with their names.
    case dots([(name: String?, promise: Promise)])
    /// A formal argument that the call did not supply and that has no default.
    case missing
}

/// A frame of bindings with a parent, shared by reference as in R.
public final class Environment {
    public let parent: Environment?
    public let name: String?
    private var bindings: [String: Binding] = [:]
    /// Names in the order they were first bound (for `ls()` sorted and for printing).
    private var order: [String] = []

    public init(parent: Environment?, name: String? = nil) {
        self.parent = parent
        self.name = name
    }

    public var count: Int { bindings.count }
    public var names: [String] { order }

    public func binding(_ name: String) -> Binding? { bindings[name] }

    public func set(_ name: String, _ value: RValue) { set(name, binding: .value(value)) }

    public func set(_ name: String, binding: Binding) {
        if bindings.updateValue(binding, forKey: name) == nil { order.append(name) }
    }

    public func remove(_ name: String) -> Bool {
        guard bindings.removeValue(forKey: name) != nil else { return false }
        order.removeAll { $0 == name }
        return true
    }

    /// The nearest environment, from this one up, that binds `name`.
    public func lookupFrame(_ name: String) -> Environment? {
        var env: Environment? = self
        while let e = env {
            if e.bindings[name] != nil { return e }
            env = e.parent
        }
        return nil
    }
}
