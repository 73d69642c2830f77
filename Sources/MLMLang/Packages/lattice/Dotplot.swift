/// lattice::dotplot and the print method of trellis objects.
extension BaseGraphicsLibrary {
    static func installLattice(_ interp: Interpreter) {
        interp.define("dotplot", { ctx, args in try dotplot(ctx, args) })
        interp.define("print.trellis", { ctx, args in
            guard let object = args.first?.value else { return .null }
            try drawTrellis(object, ctx.interpreter)
            ctx.interpreter.visible = false
            return object
        })
    }
}
