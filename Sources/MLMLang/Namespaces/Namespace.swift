/// A package's namespace: the environment holding every object the package defines, and
/// the names it exports. R keeps the two apart so that `library()` shows only the exports while
/// `pkg:::name` and S3 dispatch still reach the rest.
final class Namespace {
    let package: RPackage
    /// The package's own objects; its parent is the base environment, so what its R code
    /// calls resolves to base whatever the user attached.
    let env: Environment
    /// Names the package exports, its own first (in definition order), then its re-exports.
    private(set) var exports: [String] = []

    init(_ package: RPackage, env: Environment) {
        self.package = package
        self.env = env
    }

    var name: String { package.name }

    /// Fixes the export list once the package's objects are defined: everything it defines
    /// but its registered S3 methods, then what it re-exports.
    func sealExports() {
        exports = env.names.filter { !package.s3Methods.contains($0) && !package.showMethods.contains($0) && !package.notExported.contains($0) }
            + package.reexports.keys.sorted()
    }
}

extension Interpreter {
    /// Fills every package's namespace, registers their S3 methods and attaches R's default
    /// packages, so that a new session's search path is R's.
    func installPackages() {
        for package in RPackage.all {
            let namespace = package.name == "base" ? Namespace(package, env: baseEnv)
                : Namespace(package, env: Environment(parent: baseEnv, name: "namespace:\(package.name)"))
            namespaces[package.name] = namespace
            installTarget = namespace.env
            package.install(self)
            if let source = package.rSource { installRSource(source, in: namespace) }
            installTarget = baseEnv
            for method in package.s3Methods.union(package.showMethods) {
                if case .promise? = namespace.env.binding(method), package.rSource?.functions.contains(method) == true {
                    // A method written in R: its source runs at the first call.
                    let env = namespace.env
                    rSourceMethodHomes[method] = env
                    s3Methods[method] = .builtin(Builtin(name: method, body: .eager({ ctx, args in
                        try ctx.interpreter.callValue(try ctx.interpreter.lookupFunction(method, env), args, env: ctx.env, call: ctx.call)
                    })))
                    continue
                }
                guard case .value(let f)? = namespace.env.binding(method) else {
                    preconditionFailure("\(package.name) registers \(method) but does not define it")
                }
                s3Methods[method] = f
            }
            namespace.sealExports()
        }
        var functionNames = Set(RPackage.all.flatMap { $0.rSource?.functions ?? [] })
        for namespace in namespaces.values {
            for name in namespace.env.names {
                if case .value(let v)? = namespace.env.binding(name), v.isFunction { functionNames.insert(name) }
            }
        }
        baseEnv.epoch.baseFunctionNames = functionNames
        let autoloads = Environment(parent: baseEnv, name: "Autoloads")
        globalEnv.parent = autoloads
        for name in RPackage.defaultPackages.reversed() {
            _ = insertOnSearchPath(namespaces[name]!)
        }
    }

    /// An exported object of a namespace, as `pkg::name` gives it (data sets included).
    func exportedValue(_ name: String, from namespace: Namespace) throws -> RValue? {
        if let home = namespace.package.reexports[name], let source = namespaces[home] {
            return try exportedValue(name, from: source)
        }
        if namespace.package.datasets.contains(name) { return try DatasetLibrary.load(name, package: namespace.name, interp: self) }
        guard namespace.exports.contains(name), let b = namespace.env.binding(name) else { return nil }
        return try value(of: b, name: name)
    }

    /// Any object of a namespace, exported or not, as `pkg:::name` gives it.
    func internalValue(_ name: String, from namespace: Namespace) throws -> RValue? {
        if let b = namespace.env.binding(name) { return try value(of: b, name: name) }
        return try exportedValue(name, from: namespace)
    }

    /// A builtin of a provided package by name, wherever it lives (for dispatch to fall back on
    /// an internal generic's default).
    func packageBuiltin(_ name: String) -> RValue? {
        for package in RPackage.all {
            if case .value(let v)? = namespaces[package.name]?.env.binding(name), case .builtin = v { return v }
        }
        return nil
    }

    /// A method for S3 dispatch: the nearest function of that name from `env` up, else the
    /// method a namespace registered (lme4's summary.merMod is on no search path).
    func lookupMethod(_ name: String, _ env: Environment) -> RValue? {
        if let f = try? lookupFunction(name, env) { return f }
        // A registered method written in R: its closure itself (running the package's source if
        // need be), so that dispatch passes empty arguments (`x[i, ]`) on unevaluated.
        if let home = rSourceMethodHomes[name], let f = try? lookupFunction(name, home) { return f }
        return s3Methods[name]
    }
}
