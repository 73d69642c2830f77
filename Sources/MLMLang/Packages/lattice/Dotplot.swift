/// lattice::dotplot and the print method of trellis objects.
enum Dotplot {
    static func install(_ interp: Interpreter) {
        interp.define("dotplot", { ctx, args in try BaseGraphicsLibrary.dotplot(ctx, args) })
        interp.define("print.trellis", { ctx, args in
            guard let object = args.first?.value else { return .null }
            try BaseGraphicsLibrary.drawTrellis(object, ctx.interpreter)
            ctx.interpreter.visible = false
            return object
        })
    }
}
