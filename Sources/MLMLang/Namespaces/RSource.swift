/// Functions (and the odd constant, such as p.adjust.methods) a package defines in R rather than Swift, as R itself writes them in R (a
/// package's own words, compiled into mlmd as text). The source is parsed and run in the
/// package's namespace the first time one of its functions is used, so a session that never
/// calls them pays nothing at start-up.
struct RSource {
    /// The objects the source defines, bound before it is run.
    let functions: [String]
    let code: String
}

extension Interpreter {
    /// Binds each function of a package's R source to a promise that runs the source (once)
    /// and gives the function it defined.
    func installRSource(_ source: RSource, in namespace: Namespace) {
        for name in source.functions {
            let load = Builtin(name: "\(namespace.name) R source", body: .eager({ ctx, _ in
                let i = ctx.interpreter
                if !i.loadedRSources.contains(namespace.name) {
                    i.loadedRSources.insert(namespace.name)
                    let program: [Expr]
                    do { program = try Parser.parse(source.code) } catch {
                        preconditionFailure("\(namespace.name)'s R source does not parse: \(error)")
                    }
                    for expr in program { _ = try i.eval(expr, namespace.env) }
                }
                // The source defines every name it lists (a test checks); only code that removed
                // or replaced it in the namespace since finds something else.
                guard case .value(let f)? = namespace.env.binding(name) else {
                    throw RError("object \(Quotes.single(name)) not found")
                }
                return f
            }))
            namespace.env.set(name, binding: .promise(Promise(expr: .call(Call(.constant(.builtin(load)), [])), env: baseEnv)))
        }
    }
}

extension RSource {
    /// One package's R source made of several files' (each file one concern).
    static func combined(_ parts: [RSource]) -> RSource {
        RSource(functions: parts.flatMap(\.functions), code: parts.map(\.code).joined(separator: "\n"))
    }
}
