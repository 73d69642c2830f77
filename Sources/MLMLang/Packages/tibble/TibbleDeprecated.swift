/// tibble's deprecated spellings lessons still use: data_frame() for tibble() and
/// as_data_frame() for as_tibble(), each with lifecycle's warning, once per session.
enum TibbleDeprecated {
    static func install(_ interp: Interpreter) {
        interp.define("data_frame", special: { ctx, args in
            Lifecycle.deprecated("data_frame()", "`data_frame()` was deprecated in tibble 1.1.0.\n\u{2139} Please use `tibble()` instead.", ctx)
            return try TibbleLibrary.makeTibble(ctx, arguments: DataMask.expand(args, ctx))
        })
        interp.define("as_data_frame", { ctx, args in
            Lifecycle.deprecated("as_data_frame()", "`as_data_frame()` was deprecated in tibble 2.0.0.\n\u{2139} Please use `as_tibble()` instead.\n\u{2139} The signature and semantics have changed, see `?as_tibble`.", ctx)
            return try TibbleLibrary.asTibbleBuiltin(ctx, args)
        })
    }
}
