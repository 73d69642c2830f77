/// base::I: a value kept as it is (class AsIs), in formulas and data frames.
enum AsIs {
    static func install(_ interp: Interpreter) {
        interp.define("I", { _, args in
            guard case .vector(var v)? = args.first?.value else { return args.first?.value ?? .null }
            v.attributes["class"] = .character(["AsIs"] + (v.classes ?? []).filter { $0 != "AsIs" })
            return .vector(v)
        })
    }
}
