/// stats::relevel: a factor with the given level first.
enum Relevel {
    static func install(_ interp: Interpreter) {
        interp.define("relevel", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "ref", "..."], args, call: ctx.call)
            guard case .vector(let v)? = m["x"], v.isFactor, let levels = v.levels, let ref = m["ref"]?.stringValue else {
                throw RError("'relevel' only for (unordered) factors")
            }
            guard let k = levels.firstIndex(of: ref) else { throw RError("'ref' must be an existing level") }
            let newLevels = [ref] + levels.enumerated().filter { $0.offset != k }.map(\.element)
            return try FactorLibrary.makeFactor(.character(Coerce.strings(v)), levels: .character(newLevels), labels: nil, excludeNA: true, ordered: false)
        })
    }
}
