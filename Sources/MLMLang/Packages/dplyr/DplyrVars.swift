/// dplyr's vars(): the expressions given, unevaluated (rlang quosures), for facet_wrap(),
/// facet_grid() and the scoped verbs to evaluate in the data.
enum DplyrVars {
    static func install(_ interp: Interpreter) {
        interp.define("vars", special: { _, args in
            var v = RVector(.list(RList(args.map { RValue.language(Language($0.value)) })))
            v.names = args.map { $0.name ?? "" }
            v.attributes["class"] = .character(["quosures", "list"])
            return .vector(v)
        })
    }
}
