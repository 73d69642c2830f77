/// base::plot, the generic (R 4 moved it from graphics to base; graphics re-exports it): draws base graphics.
extension BaseGraphicsLibrary {
    static func installPlotGeneric(_ interp: Interpreter) {
        interp.define("plot", special: { ctx, args in try plot(ctx, args) })
    }
}
