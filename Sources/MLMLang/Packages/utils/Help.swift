/// utils' `?` and `help()`. mlmd has no help pages, so asking for one shows nothing, as knitr
/// shows nothing for `?topic` in a knitted lesson; the result is R's "help_files_with_topic"
/// object (no files), returned invisibly.
enum Help {
    static func install(_ interp: Interpreter) {
        for name in ["?", "help"] {
            interp.define(name, special: { ctx, args in
                var topic = ""
                if let first = args.last(where: { $0.name == nil || $0.name == "topic" }) {
                    switch first.value {
                    case .symbol(let s): topic = s
                    case .constant(let v): topic = v.stringValue ?? ""
                    default: topic = Deparser.deparse(first.value)
                    }
                }
                var v = RVector(.character([]))
                v.attributes["call"] = .language(Language(.call(ctx.call)))
                v.attributes["topic"] = .scalar(topic)
                v.attributes["class"] = .character(["help_files_with_topic"])
                ctx.interpreter.visible = false
                return .vector(v)
            })
        }
    }
}
