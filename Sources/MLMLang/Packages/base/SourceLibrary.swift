import Foundation

/// base's `source()`: a file of R code parsed and evaluated expression by expression, as lessons
/// load shared settings or helper functions (`source("settings.r")`).
enum SourceLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("source", { ctx, args in
            let i = ctx.interpreter
            let (m, _) = try i.matchBuiltinArguments(
                ["file", "local", "echo", "print.eval", "exprs", "spaced", "verbose", "prompt.echo", "max.deparse.length",
                 "width.cutoff", "deparseCtrl", "chdir", "encoding", "continue.echo", "skip.echo", "keep.source"],
                args, call: ctx.call)
            guard let file = m["file"]?.scalarString() else { throw RError("'file' must be a character string or connection") }
            let url = SystemLibrary.url(file, ctx)
            i.recordRead(url.path)
            let fileCall = Call(.symbol("file"), [Argument(.symbol("filename")), Argument(.constant(.scalar("r"))),
                                                  Argument(name: "encoding", .symbol("encoding"))])
            guard let data = FileManager.default.contents(atPath: url.path) else {
                i.warning("cannot open file '\(file)': No such file or directory", call: fileCall)
                throw RError("cannot open the connection", call: fileCall)
            }
            let text = String(decoding: data, as: UTF8.self)
            let program: [Parser.TopLevel]
            do { program = try Parser.parseProgram(text) } catch let e as ParseError {
                throw RError("\(file):" + EnvironmentLibrary.parseErrorMessage(e, text: text).drop { $0 != ":" }.dropFirst())
            }
            let env = try environment(m["local"], ctx)
            let echo = m["echo"]?.logicalValue ?? false
            let printEval = m["print.eval"]?.logicalValue ?? echo
            var value = RValue.null, visible = false
            for expression in program {
                if echo {
                    // Without kept sources (R's default outside an interactive session) the
                    // echo is the deparsed expression.
                    let code = Deparser.deparseLines(expression.expr, cutoff: 60)
                    i.write("\n" + code.enumerated().map { ($0.offset == 0 ? "> " : "+ ") + $0.element }.joined(separator: "\n") + "\n")
                }
                i.visible = true
                value = try i.eval(expression.expr, env)
                visible = i.visible
                if printEval, visible { try i.printTopLevel(value, env: env) }
            }
            i.visible = false
            return .list([value, .scalar(visible)], names: ["value", "visible"])
        })
    }

    /// `local`: FALSE the global environment, TRUE the caller's, or an environment.
    private static func environment(_ local: RValue?, _ ctx: CallContext) throws -> Environment {
        switch local {
        case nil: return ctx.interpreter.globalEnv
        case .environment(let env)?: return env
        case let value?:
            guard let flag = value.logicalValue else { throw RError("'local' must be TRUE, FALSE or an environment") }
            return flag ? ctx.env : ctx.interpreter.globalEnv
        }
    }
}
