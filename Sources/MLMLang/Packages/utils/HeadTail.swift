/// utils::head and utils::tail, and their data-frame methods.
enum HeadTail {
    static func install(_ interp: Interpreter) {
        installGenerics(interp)
        installDataFrameMethods(interp)
    }

    static func installGenerics(_ interp: Interpreter) {
        interp.define("head", { ctx, args in try SequenceLibrary.ends(ctx, args, head: true) })
        interp.define("tail", { ctx, args in try SequenceLibrary.ends(ctx, args, head: false) })
    }
}
extension HeadTail {
    static func installDataFrameMethods(_ interp: Interpreter) {
        for (name, fromEnd) in [("head.data.frame", false), ("tail.data.frame", true)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "n", "..."], args, call: ctx.call)
                guard let x = m["x"], let df = DataFrame(x) else { throw RError("argument \"x\" is missing, with no default") }
                let n = m["n"]?.scalarInt() ?? 6
                let total = df.rowCount
                let count = n >= 0 ? min(n, total) : max(total + n, 0)
                let idx = fromEnd ? Array((total - count)..<total) : Array(0..<count)
                var out = df.rows(idx.map { Optional($0) })
                if fromEnd && !df.isTibble { out.rowNames = idx.map { df.rowLabels[$0] } }
                if !fromEnd && df.rowNames == nil { out.rowNames = nil }
                return DplyrLibrary.regroup(out).value
            })
        }
    }
}
