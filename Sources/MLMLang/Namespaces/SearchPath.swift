/// R's search path: the global environment, then each attached package's environment (the
/// last attached first), Autoloads and base. A name is found in the first that binds it, so
/// a package attached later masks the ones before it.
extension Interpreter {
    /// The environments from the global environment's parent down to base.
    var searchPathEnvironments: [Environment] {
        var result: [Environment] = []
        var env = globalEnv.parent
        while let e = env {
            result.append(e)
            env = e.parent
        }
        return result
    }

    /// search(): ".GlobalEnv", "package:...", "Autoloads", "package:base".
    var searchPathNames: [String] {
        [".GlobalEnv"] + searchPathEnvironments.map { $0 === baseEnv ? "package:base" : ($0.name ?? "") }
    }

    func isAttached(_ package: String) -> Bool {
        package == "base" || searchPathEnvironments.contains { $0.name == "package:\(package)" }
    }

    /// library(name): attaches the packages it depends on first (saying so, as R does), then the
    /// package itself below the global environment, with R's notices of what it masks and
    /// what its .onAttach says.
    /// `quietly` leaves out the "Loading required package" notices, `warnConflicts: false` the
    /// masking notices; what a package's .onAttach says is said either way.
    func attachPackage(_ name: String, quietly: Bool = false, warnConflicts: Bool = true) throws {
        guard let namespace = namespaces[name], !isAttached(name) else { return }
        for dependency in namespace.package.depends where !isAttached(dependency) {
            if !quietly { try signalPackageStartupMessage("Loading required package: \(dependency)\n") }
            try attachPackage(dependency, quietly: quietly)
        }
        let env = insertOnSearchPath(namespace)
        if warnConflicts { try announceMasking(by: env, package: name) }
        try namespace.package.onAttach?(self)
    }

    /// Attaches a package without its start-up messages (what tidyverse does for its core).
    func attachQuietly(_ name: String) throws {
        guard let namespace = namespaces[name], !isAttached(name) else { return }
        for dependency in namespace.package.depends { try attachQuietly(dependency) }
        insertOnSearchPath(namespace)
    }

    /// Binds a package's exports (and its data sets, loaded when first used) in a new
    /// environment placed right below the global environment.
    @discardableResult
    func insertOnSearchPath(_ namespace: Namespace) -> Environment {
        if namespace.env === baseEnv { return baseEnv }
        let env = Environment(parent: globalEnv.parent, name: "package:\(namespace.name)")
        for name in namespace.exports {
            if let home = namespace.package.reexports[name] {
                if let source = namespaces[home], let b = source.env.binding(name) { env.set(name, binding: b) }
            } else if let b = namespace.env.binding(name) {
                env.set(name, binding: b)
            }
        }
        for name in namespace.package.datasets {
            let load = Expr.call(Call(.symbol(":::"), [Argument(.symbol(namespace.name)), Argument(.symbol(name))]))
            env.set(name, binding: .promise(Promise(expr: load, env: baseEnv)))
        }
        globalEnv.parent = env
        attached.append(namespace.name)
        // Call sites that cached a function found further down may now be masked.
        baseEnv.epoch.value &+= 1
        return env
    }

    /// Removes an attached package from the search path (detach("package:name")).
    func detachPackage(_ name: String) -> Bool {
        var child = globalEnv
        while let env = child.parent {
            if env.name == "package:\(name)" {
                child.parent = env.parent
                attached.removeAll { $0 == name }
                baseEnv.epoch.value &+= 1
                return true
            }
            child = env
        }
        return false
    }

    func signalPackageStartupMessage(_ text: String) throws {
        try signalMessage(text, call: nil, classes: ["packageStartupMessage", "simpleMessage", "message", "condition"])
    }
}

extension Interpreter {
    /// What as.environment() makes of an environment, a search-path position (1 is the global
    /// environment) or a search-path name ("package:lme4", ".GlobalEnv").
    func searchPathEnvironment(_ place: RValue) throws -> Environment {
        if case .environment(let e) = place { return e }
        let environments = [globalEnv] + searchPathEnvironments
        if case .vector(let v) = place, case .character = v.storage, let name = place.stringValue {
            guard let k = searchPathNames.firstIndex(of: name) else {
                throw RError("no item called \(Quotes.double(name)) on the search list",
                             call: Call(.symbol("as.environment"), [Argument(.symbol("pos"))]))
            }
            return environments[k]
        }
        if let k = place.scalarInt() {
            guard k >= 1, k <= environments.count else { throw RError("invalid 'pos' argument") }
            return environments[k - 1]
        }
        throw RError("invalid object for 'as.environment'")
    }
}
