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
/// State shared by all environments of one session: what call sites may cache.
final class FunctionLookupEpoch {
    /// Changes whenever a binding could hide one of the base functions; call sites that
    /// cached a base function are valid only while it is unchanged.
    var value = 0
    /// Names of base functions, filled when the library is installed.
    var baseFunctionNames = Set<String>()
}

public final class Environment {
    /// Settable inside the interpreter only: attaching a package inserts it below the global
    /// environment, as R's search path does.
    public internal(set) var parent: Environment?
    public let name: String?
    private var table = BindingTable()
    let epoch: FunctionLookupEpoch

    /// Bindings and parent go through DeepRelease, so that a long chain of environments (or
    /// values bound in them) is freed without recursing once per link.
    deinit {
        if table.count > 0 {
            var taken = BindingTable()
            swap(&taken, &table)
            DeepRelease.release(.bindings(consume taken))
        }
        if parent != nil {
            var taken: Environment? = nil
            swap(&taken, &parent)
            DeepRelease.release(.environment(consume taken))
        }
    }

    public init(parent: Environment?, name: String? = nil) {
        self.parent = parent
        self.name = name
        epoch = parent?.epoch ?? FunctionLookupEpoch()
    }

    public var count: Int { table.count }
    /// Names in the order they were first bound.
    public var names: [String] { table.names }

    @inline(__always)
    public func binding(_ name: String) -> Binding? { table[name] }

    public func set(_ name: String, _ value: RValue) { set(name, binding: .value(value)) }

    public func set(_ name: String, binding: Binding) {
        table.set(name, binding)
        switch binding {
        case .value(let v) where !v.isFunction: return
        case .missing: return
        default:
            if epoch.baseFunctionNames.contains(name) { epoch.value &+= 1 }
        }
    }

    /// Changes the plain value bound to `name` in this frame in place (see
    /// BindingTable.modifyValue); nil when it is not bound here to a plain value.
    func modifyValue<T>(_ name: String, _ body: (inout RValue) throws -> T) rethrows -> T? {
        try table.modifyValue(name, body)
    }

    public func remove(_ name: String) -> Bool {
        epoch.value &+= 1
        return table.remove(name)
    }

    /// The nearest environment, from this one up, that binds `name`.
    public func lookupFrame(_ name: String) -> Environment? {
        var env: Environment? = self
        while let e = env {
            if e.table[name] != nil { return e }
            env = e.parent
        }
        return nil
    }
}
