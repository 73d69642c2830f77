/// stats::qqnorm and stats::qqline, drawn as base graphics.
extension BaseGraphicsLibrary {
    static func installQuantilePlots(_ interp: Interpreter) {
        interp.define("qqnorm", special: { ctx, args in try qqnorm(ctx, args) })
        interp.define("qqline", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["y", "datax", "distribution", "probs", "qtype", "col", "lty", "lwd", "..."], args, call: ctx.call)
            let y = numbers(m["y"]).filter { !$0.isNaN }.sorted()
            guard !y.isEmpty else { throw RError("missing or infinite values in inputs are not allowed") }
            // The line through the first and third quartiles (type 7) and the normal's.
            let line = Summaries.quartileLine(y)
            let style = try lineStyle(m)
            try add(ctx, .straightLine(a: line.intercept, b: line.slope, horizontal: nil, vertical: nil,
                                       colour: style.colour, width: style.width, lineType: style.lineType))
            return .null
        })
    }
}
