/// set.seed, sample and sample.int: base R's side of the random-number generator that stats' variates draw from.
enum RandomSeed {
    static func install(_ interp: Interpreter) {
        interp.define("set.seed", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["seed", "kind", "normal.kind", "sample.kind"],
                                                                    args, call: ctx.call)
            try RandomLibrary.setSeed(m, ctx)
            ctx.interpreter.visible = false
            return .null
        })
        interp.define("sample", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "size", "replace", "prob"], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            return try RandomLibrary.sample(x, size: m["size"], replace: m["replace"], prob: m["prob"], ctx)
        })
        interp.define("sample.int", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "size", "replace", "prob", "useHash"],
                                                                    args, call: ctx.call)
            guard let n = m["n"] else { throw RError("argument \"n\" is missing, with no default") }
            guard n.length == 1 else { throw RError("length(n) == 1L is not TRUE") }
            return try RandomLibrary.sampleIndices(n: n, size: m["size"] ?? n, replace: m["replace"], prob: m["prob"],
                                     random: ctx.interpreter.random)
        })
    }
}
