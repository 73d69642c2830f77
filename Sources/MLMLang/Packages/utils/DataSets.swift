/// utils::data: loads a provided data set into the calling environment.
enum DataSets {
    static let findPackageCall = Call(.symbol("find.package"), [
        Argument(.symbol("package")), Argument(.symbol("lib.loc")), Argument(name: "verbose", .symbol("verbose")),
    ])

    static func install(_ interp: Interpreter) {
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
            // R looks in the packages given by `package`, else in those attached.
            var packages = i.attachedPackages.compactMap { $0 }
            if let p = args.first(where: { $0.name == "package" }), case .vector(let v) = try i.eval(p.value, ctx.env) {
                packages = Coerce.strings(v).compactMap { $0 }
                // A package mlmd does not provide is R's error from find.package().
                if let missing = packages.first(where: { i.namespaces[$0] == nil }) {
                    throw RError("there is no package called \(Quotes.single(missing))", call: Self.findPackageCall)
                }
            }
            for n in names {
                if let home = packages.first(where: { i.namespaces[$0]?.package.datasets.contains(n) == true }) {
                    ctx.env.set(n, try DatasetLibrary.load(n, package: home, interp: i))
                } else {
                    i.warning("data set \(Quotes.single(n)) not found", call: ctx.call)
                }
            }
            i.visible = false
            return .character(names.map { Optional($0) })
        })
    }
}
