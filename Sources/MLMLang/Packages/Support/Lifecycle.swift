/// lifecycle's deprecate_warn(): a warning without a call, given once per session.
enum Lifecycle {
    static func deprecated(_ what: String, _ message: String, _ ctx: CallContext) {
        guard !ctx.interpreter.lifecycleWarningsGiven.contains(what) else { return }
        ctx.interpreter.lifecycleWarningsGiven.insert(what)
        ctx.interpreter.warning(message, call: nil)
    }
}
