import Foundation

/// An interpreter session as a notebook uses it: source in, per-expression results out.
public final class Session {
    public let interpreter: Interpreter

    public init(workingDirectory: URL) {
        interpreter = Interpreter(workingDirectory: workingDirectory)
    }

    /// One top-level expression of a chunk: the source lines it owns (comments before it
    /// included) and everything it printed or signalled.
    public struct Step {
        public var firstLine: Int
        public var lastLine: Int
        /// Where the step's code itself starts, after any comments and blank lines.
        public var expressionLine: Int
        public var events: [OutputEvent]
        /// Set when the expression raised an error; later expressions of the chunk did not run.
        public var failed: Bool
        /// Set when the expression was stopped from outside (time limit, Ctrl-C); the rest of
        /// the code never runs then, whatever `continueAfterError` says.
        public var interrupted: EvaluationInterrupted.Reason? = nil
    }

    /// Runs a script step by step, handing each step over as soon as it has run (for
    /// `mlmd run`, which streams). Returns whether a step failed; the rest is skipped then.
    public func run(_ source: String, onStep: @escaping (Step) -> Void) throws -> Bool {
        var failed = false
        _ = try run(source, continueAfterError: false) { step in
            onStep(step)
            failed = failed || step.failed
        }
        return failed
    }

    /// Parses and runs code top-level expression by top-level expression, as R's REPL
    /// (and knitr's evaluate) do. After an error the rest runs only if `continueAfterError`.
    public func run(_ source: String, continueAfterError: Bool = false, onStep: ((Step) -> Void)? = nil) throws -> [Step] {
        try LargeStack.run { try self.runOnCurrentThread(source, continueAfterError: continueAfterError, onStep: onStep) }
    }

    private func runOnCurrentThread(_ source: String, continueAfterError: Bool, onStep: ((Step) -> Void)?) throws -> [Step] {
        Quotes.fancy = interpreter.options["useFancyQuotes"]?.logicalValue ?? false
        let program = try Parser.parseProgram(source)
        var steps: [Step] = []
        let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
        var nextLine = 1
        var index = 0
        while index < program.count {
            // Expressions that start on the line the previous one ended on are one step.
            var group = [program[index]]
            while index + 1 < program.count, program[index + 1].firstLine == group.last?.lastLine {
                index += 1
                group.append(program[index])
            }
            index += 1
            var step = Step(firstLine: nextLine, lastLine: group.last?.lastLine ?? nextLine,
                            expressionLine: group[0].firstLine, events: [], failed: false)
            for top in group {
                let (events, failed, interrupted) = evaluateTopLevel(top.expr)
                step.events += events
                if failed {
                    step.failed = true
                    step.interrupted = interrupted
                    break
                }
            }
            nextLine = step.lastLine + 1
            steps.append(step)
            onStep?(step)
            if step.failed && (!continueAfterError || step.interrupted != nil) { return steps }
        }
        // Comments after the last expression are source of their own.
        if nextLine <= lineCount {
            let trailing = source.split(separator: "\n", omittingEmptySubsequences: false)[(nextLine - 1)...]
            if trailing.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                steps.append(Step(firstLine: nextLine, lastLine: lineCount, expressionLine: nextLine, events: [], failed: false))
            }
        }
        return steps
    }

    /// Evaluates one expression and prints its value if visible, collecting the output.
    func evaluateTopLevel(_ expr: Expr) -> (events: [OutputEvent], failed: Bool, interrupted: EvaluationInterrupted.Reason?) {
        var events: [OutputEvent] = []
        let previous = interpreter.emit
        interpreter.emit = { events.append($0) }
        defer {
            interpreter.emit = previous
            interpreter.handlerStack = []
            interpreter.conditionCalls = []
            interpreter.pendingUnwind = nil
        }
        do {
            interpreter.visible = true
            let value = try interpreter.eval(expr, interpreter.globalEnv)
            if interpreter.visible { try interpreter.printTopLevel(value, env: interpreter.globalEnv) }
            return (events, false, nil)
        } catch let e as EvaluationInterrupted {
            events.append(.error(e.description, call: nil))
            return (events, true, e.reason)
        } catch let e as RError {
            if !e.reported { events.append(.error(e.message, call: e.call.map(Deparser.firstLine))) }
        } catch let r as RestartInvoked {
            events.append(.error("no 'restart' '\(r.name)' found", call: Deparser.firstLine(Call(.symbol("invokeRestart"), [Argument(.constant(.scalar(r.name)))]))))
        } catch ControlFlow.breakLoop, ControlFlow.nextIteration {
            events.append(.error("no loop for break/next, jumping to top level", call: nil))
        } catch ControlFlow.returnValue {
            events.append(.error("no function to return from, jumping to top level", call: nil))
        } catch {
            events.append(.error("\(error)", call: nil))
        }
        return (events, true, nil)
    }

    /// Evaluates inline code (`` `r expr` ``) and returns its value.
    public func evaluateInline(_ source: String) throws -> RValue {
        try LargeStack.run { try self.evaluateInlineOnCurrentThread(source) }
    }

    private func evaluateInlineOnCurrentThread(_ source: String) throws -> RValue {
        Quotes.fancy = interpreter.options["useFancyQuotes"]?.logicalValue ?? false
        var value = RValue.null
        let previous = interpreter.emit
        interpreter.emit = { _ in }
        defer { interpreter.emit = previous }
        for e in try Parser.parse(source) { value = try interpreter.eval(e, interpreter.globalEnv) }
        return value
    }
}
