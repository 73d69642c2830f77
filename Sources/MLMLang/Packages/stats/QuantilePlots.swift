/// stats::qqnorm and stats::qqline, drawn as base graphics.
enum QuantilePlots {
    static func install(_ interp: Interpreter) {
        interp.define("qqnorm", special: { ctx, args in try BaseGraphicsLibrary.qqnorm(ctx, args) })
        interp.define("qqline", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["y", "datax", "distribution", "probs", "qtype", "col", "lty", "lwd", "..."], args, call: ctx.call)
            let y = BaseGraphicsLibrary.numbers(m["y"]).filter { !$0.isNaN }.sorted()
            guard !y.isEmpty else { throw RError("missing or infinite values in inputs are not allowed") }
            // The line through the first and third quartiles (type 7) and the normal's.
            let line = Summaries.quartileLine(y)
            let style = try BaseGraphicsLibrary.lineStyle(m, ctx.interpreter.colourPalette)
            try BaseGraphicsLibrary.add(ctx, .straightLine(a: line.intercept, b: line.slope, horizontal: nil, vertical: nil,
                                       colour: style.colour, width: style.width, lineType: style.lineType))
            return .null
        })
    }
}
