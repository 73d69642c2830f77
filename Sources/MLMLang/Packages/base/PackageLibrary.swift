/// library(), require(), the namespace functions and `::`: R's packages as mlmd provides them
/// (see Namespaces/). Any other package is R's "there is no package called" error.
enum PackageLibrary {
    static func install(_ interp: Interpreter) {
        installNamespaceAccess(interp)
        installNamespaceFunctions(interp)
        interp.define("library", special: { ctx, args in
            let i = ctx.interpreter
            guard let name = try packageName(args, ctx) else {
                i.visible = false
                return .character(i.attachedPackages)
            }
            guard i.namespaces[name] != nil else {
                throw RError("there is no package called \(Quotes.single(name))", call: ctx.call)
            }
            try attach(name, args, ctx)
            i.visible = false
            return .character(i.attachedPackages)
        })
        interp.define("require", special: { ctx, args in
            let i = ctx.interpreter
            guard let name = try packageName(args, ctx) else { return .scalar(true) }
            i.visible = false
            guard i.namespaces[name] != nil else {
                try i.signalPackageStartupMessage("Loading required package: \(name)\n")
                try i.signalWarning("there is no package called \(Quotes.single(name))", call: Self.requireLibraryCall)
                return .scalar(false)
            }
            if try !i.isAttached(name) && flag("quietly", args, ctx) != true {
                try i.signalPackageStartupMessage("Loading required package: \(name)\n")
            }
            try attach(name, args, ctx)
            return .scalar(true)
        })
        interp.define("suppressPackageStartupMessages", special: { ctx, args in
            try ConditionLibrary.suppress(ctx, args, conditionClass: "packageStartupMessage", restart: "muffleMessage")
        })
        interp.define("search", { ctx, _ in .character(ctx.interpreter.searchPathNames.map { Optional($0) }) })
        interp.define("detach", special: { ctx, args in
            let i = ctx.interpreter
            guard let first = args.first(where: { $0.name == nil || $0.name == "name" }) else { return .null }
            var label: String?
            if case .symbol(let s) = first.value { label = s } else { label = try i.eval(first.value, ctx.env).stringValue }
            let package = label.map { $0.hasPrefix("package:") ? String($0.dropFirst("package:".count)) : $0 } ?? ""
            guard package != "base", i.detachPackage(package) else { throw RError("invalid 'name' argument", call: ctx.call) }
            i.visible = false
            return .null
        })
    }

    /// Attaches with library()'s options quietly and warn.conflicts.
    private static func attach(_ name: String, _ args: [Argument], _ ctx: CallContext) throws {
        try ctx.interpreter.attachPackage(name, quietly: flag("quietly", args, ctx) ?? false,
                                          warnConflicts: flag("warn.conflicts", args, ctx) ?? true)
    }

    private static func flag(_ name: String, _ args: [Argument], _ ctx: CallContext) throws -> Bool? {
        guard let a = args.first(where: { $0.name == name }) else { return nil }
        return try ctx.interpreter.eval(a.value, ctx.env).logicalValue
    }

    /// The package argument, a name or (with character.only or a string) a value.
    static func packageName(_ args: [Argument], _ ctx: CallContext) throws -> String? {
        guard let first = args.first(where: { $0.name == nil || $0.name == "package" }) else { return nil }
        let characterOnly = try flag("character.only", args, ctx) ?? false
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
    /// pkg::name (an export, data sets included) and pkg:::name (anything in the namespace),
    /// whether or not the package is attached.
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
                let i = ctx.interpreter
                let namespace = try i.namespace(package)
                if op == "::" {
                    if let v = try i.exportedValue(object, from: namespace) { return v }
                    throw RError("\(Quotes.single(object)) is not an exported object from 'namespace:\(package)'")
                }
                if let v = try i.internalValue(object, from: namespace) { return v }
                if let method = i.s3Methods[object], namespace.package.s3Methods.contains(object) { return method }
                throw RError("object \(Quotes.single(object)) not found")
            })
        }
    }

    static func installNamespaceFunctions(_ interp: Interpreter) {
        interp.define("requireNamespace", { ctx, args in
            guard let package = args.first?.value.stringValue else { throw RError("invalid package name") }
            ctx.interpreter.visible = false
            return .scalar(ctx.interpreter.namespaces[package] != nil)
        })
        for name in ["loadNamespace", "asNamespace", "getNamespace"] {
            interp.define(name, { ctx, args in
                guard let package = args.first?.value.stringValue else { throw RError("invalid package name") }
                return .environment(try ctx.interpreter.namespace(package).env)
            })
        }
        interp.define("isNamespaceLoaded", { ctx, args in
            .scalar(args.first?.value.stringValue.map { ctx.interpreter.namespaces[$0] != nil } ?? false)
        })
        // Every provided namespace is loaded from the start (they are part of the binary).
        interp.define("loadedNamespaces", { ctx, _ in
            .character(RPackage.all.map(\.name).filter { ctx.interpreter.namespaces[$0] != nil }.map { Optional($0) })
        })
        interp.define("getNamespaceExports", { ctx, args in
            guard let package = args.first?.value.stringValue else { throw RError("invalid package name") }
            return .character(try ctx.interpreter.namespace(package).exports.map { Optional($0) })
        })
        interp.define(".packages", { ctx, _ in
            ctx.interpreter.visible = false
            return .character(ctx.interpreter.attachedPackages)
        })
    }
}

extension Interpreter {
    /// Packages on the search path, most recently attached first, as library() returns them.
    var attachedPackages: [String?] {
        searchPathNames.filter { $0.hasPrefix("package:") }.map { Optional(String($0.dropFirst("package:".count))) }
    }

    /// A provided package's namespace, or R's error for any other package.
    func namespace(_ package: String) throws -> Namespace {
        guard let namespace = namespaces[package] else {
            throw RError("there is no package called \(Quotes.single(package))",
                         call: Call(.symbol("loadNamespace"), [Argument(.symbol("x"))]))
        }
        return namespace
    }
}
