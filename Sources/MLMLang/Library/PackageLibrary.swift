/// library(), require() and data(): the packages mlmd provides are part of the interpreter,
/// so attaching one only records it; any other package is R's "there is no package" error.
enum PackageLibrary {
    /// Packages whose functions mlmd implements (or that only re-export them).
    static let provided: Set<String> = [
        "base", "stats", "utils", "methods", "graphics", "grDevices", "datasets", "lme4", "lmerTest", "Matrix", "mlmRev",
        "dplyr", "tidyr", "tibble", "readr", "readxl", "broom", "broom.mixed", "ggplot2", "tidyverse", "magrittr",
        "lattice", "purrr", "stringr", "forcats",
    ]

    static func install(_ interp: Interpreter) {
        installSearch(interp)
        installNamespaceAccess(interp)
        interp.define("library", special: { ctx, args in
            let i = ctx.interpreter
            guard let name = try packageName(args, ctx) else {
                i.visible = false
                return .character(i.attachedPackages)
            }
            guard provided.contains(name) else {
                throw RError("there is no package called \(Quotes.single(name))", call: ctx.call)
            }
            i.attach(name)
            i.visible = false
            return .character(i.attachedPackages)
        })
        interp.define("require", special: { ctx, args in
            let i = ctx.interpreter
            guard let name = try packageName(args, ctx) else { return .scalar(true) }
            i.visible = false
            guard provided.contains(name) else {
                try i.signalMessage("Loading required package: \(name)\n", call: nil)
                try i.signalWarning("there is no package called \(Quotes.single(name))", call: Self.requireLibraryCall)
                return .scalar(false)
            }
            i.attach(name)
            return .scalar(true)
        })
        for name in ["requireNamespace", "loadNamespace"] {
            interp.define(name, { ctx, args in
                guard let package = args.first?.value.stringValue else { throw RError("invalid package name") }
                ctx.interpreter.visible = false
                if provided.contains(package) { return name == "requireNamespace" ? .scalar(true) : .null }
                if name == "requireNamespace" { return .scalar(false) }
                throw RError("there is no package called \(Quotes.single(package))")
            })
        }
        interp.define("suppressPackageStartupMessages", special: { ctx, args in
            try ConditionLibrary.suppress(ctx, args, conditionClass: "message", restart: "muffleMessage")
        })
        interp.define("data", special: { ctx, args in
            let i = ctx.interpreter
            var names: [String] = []
            for a in args where a.name == nil {
                switch a.value {
                case .symbol(let s): names.append(s)
                case .constant(let c): if let s = c.stringValue { names.append(s) }
                default: break
                }
            }
            if let list = args.first(where: { $0.name == "list" }), case .vector(let v) = try i.eval(list.value, ctx.env) {
                names += Coerce.strings(v).compactMap { $0 }
            }
            for n in names {
                if let load = i.datasets[n] { ctx.env.set(n, try load()) }
                else { i.warning("data set \(Quotes.single(n)) not found", call: ctx.call) }
            }
            i.visible = false
            return .character(names.map { Optional($0) })
        })
    }

    /// The package argument, a name or (with character.only or a string) a value.
    static func packageName(_ args: [Argument], _ ctx: CallContext) throws -> String? {
        guard let first = args.first(where: { $0.name == nil || $0.name == "package" }) else { return nil }
        let characterOnly = try args.first(where: { $0.name == "character.only" }).map { try ctx.interpreter.eval($0.value, ctx.env).logicalValue ?? false } ?? false
        if case .symbol(let s) = first.value, !characterOnly { return s }
        return try ctx.interpreter.eval(first.value, ctx.env).stringValue
    }

    /// The call R's require() reports its warning from.
    static let requireLibraryCall = Call(.symbol("library"), [
        Argument(.symbol("package")), Argument(name: "lib.loc", .symbol("lib.loc")),
        Argument(name: "character.only", .constant(.scalar(true))), Argument(name: "logical.return", .constant(.scalar(true))),
        Argument(name: "warn.conflicts", .symbol("warn.conflicts")), Argument(name: "quietly", .symbol("quietly")),
        Argument(name: "mask.ok", .symbol("mask.ok")), Argument(name: "exclude", .symbol("exclude")),
        Argument(name: "include.only", .symbol("include.only")), Argument(name: "attach.required", .symbol("attach.required")),
    ])
}

extension PackageLibrary {
    /// pkg::name and pkg:::name: every package's objects live in one namespace in mlmd, so the
    /// name is looked up there, data sets (lme4::sleepstudy) loaded on demand.
    static func installNamespaceAccess(_ interp: Interpreter) {
        for op in ["::", ":::"] {
            interp.define(op, special: { ctx, args in
                guard args.count == 2 else { throw RError("bad use of '\(op)'") }
                func name(_ e: Expr) -> String? {
                    switch e {
                    case .symbol(let s): return s
                    case .constant(let v): return v.stringValue
                    default: return nil
                    }
                }
                guard let package = name(args[0].value), let object = name(args[1].value) else { throw RError("bad use of '\(op)'") }
                guard provided.contains(package) else {
                    throw RError("there is no package called \(Quotes.single(package))",
                                 call: Call(.symbol("loadNamespace"), [Argument(.symbol("x"))]))
                }
                if let loader = ctx.interpreter.datasets[object] { return try loader() }
                if case .value(let v)? = ctx.interpreter.baseEnv.binding(object) { return v }
                throw RError("\(Quotes.single(object)) is not an exported object from 'namespace:\(package)'")
            })
        }
    }

    static func installSearch(_ interp: Interpreter) {
        interp.define("search", { ctx, _ in
            let packages = ctx.interpreter.attachedPackages.compactMap { $0 }
            return .character([".GlobalEnv"] + packages.dropLast().map { "package:\($0)" } + ["Autoloads", "package:base"])
        })
    }
}

extension Interpreter {
    /// Packages on the search path, most recently attached first, as library() returns them.
    var attachedPackages: [String?] {
        attached.reversed().map { Optional($0) } + ["stats", "graphics", "grDevices", "utils", "datasets", "methods", "base"]
    }

    func attach(_ name: String) {
        if name == "tidyverse" { for p in ["dplyr", "tibble", "tidyr", "readr", "ggplot2", "purrr", "stringr", "forcats"] { attach(p) } }
        // Packages that Depend on others attach them first, as R does.
        let depends = ["lmerTest": ["Matrix", "lme4"], "lme4": ["Matrix"], "broom.mixed": [], "mlmRev": ["lme4"]]
        for p in depends[name] ?? [] { attach(p) }
        DatasetLibrary.attach(name, to: self)
        guard !attached.contains(name), !["base", "stats", "graphics", "grDevices", "utils", "datasets", "methods"].contains(name) else { return }
        attached.append(name)
    }
}
