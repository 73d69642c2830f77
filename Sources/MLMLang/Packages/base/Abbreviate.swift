/// base::abbreviate.
extension MixedModelSummary {
    static func installAbbreviate(_ interp: Interpreter) {
        interp.define("abbreviate", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["names.arg", "minlength", "..."], args, call: ctx.call)
            guard case .vector(let x)? = m["names.arg"] else { return .character([]) }
            let strings = Coerce.strings(x)
            let minlength = m["minlength"]?.scalarInt() ?? 4
            var out = RVector(.character(strings.map { $0.map { abbreviate($0, minlength: minlength) } }))
            out.names = strings
            return .vector(out)
        })
    }
}
