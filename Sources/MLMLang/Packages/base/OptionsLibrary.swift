import Foundation
/// options() and getOption(), and the quoting that follows options(useFancyQuotes).
enum OptionsLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("options", { ctx, args in
            let i = ctx.interpreter
            var previous: [(String, RValue)] = []
            for a in args {
                if let name = a.name {
                    previous.append((name, i.options[name] ?? .null))
                    i.options[name] = a.value.isNullValue ? nil : a.value
                    if name == "useFancyQuotes" { Quotes.fancy = a.value.logicalValue ?? false }
                } else if let name = a.value.stringValue {
                    previous.append((name, i.options[name] ?? .null))
                }
            }
            if args.isEmpty {
                let names = i.options.keys.sorted()
                return .list(names.map { i.options[$0] ?? .null }, names: names)
            }
            i.visible = !args.contains { $0.name != nil }
            return .list(previous.map(\.1), names: previous.map(\.0))
        })
        interp.define("getOption", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "default"], args, call: ctx.call)
            guard let name = m["x"]?.stringValue else { throw RError("'x' must be a character string") }
            return ctx.interpreter.options[name] ?? m["default"] ?? .null
        })
    }
}

/// R's sQuote and dQuote as messages use them. mlmd writes plain ASCII quotes by default, as
/// R does in a C locale (the setting R Markdown references are usually knitted in), so lesson
/// output is the same everywhere; options(useFancyQuotes = TRUE) gives ‘ ’ and “ ”.
enum Quotes {
    /// Per thread: each session sets it from its own options when its code starts running
    /// (Session.run), so notebooks knitted side by side never see each other's setting.
    static var fancy: Bool {
        get { (Thread.current.threadDictionary["mlmd.fancyQuotes"] as? Bool) ?? false }
        set { Thread.current.threadDictionary["mlmd.fancyQuotes"] = newValue }
    }

    static func single(_ s: String) -> String { fancy ? "\u{2018}\(s)\u{2019}" : "'\(s)'" }
    static func double(_ s: String) -> String { fancy ? "\u{201C}\(s)\u{201D}" : "\"\(s)\"" }
}
