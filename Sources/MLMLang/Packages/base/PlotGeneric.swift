/// base::plot, the generic (R 4 moved it from graphics to base; graphics re-exports it): draws base graphics.
enum PlotGeneric {
    static func install(_ interp: Interpreter) {
        interp.define("plot", special: { ctx, args in try BaseGraphicsLibrary.plot(ctx, args) })
    }
}
