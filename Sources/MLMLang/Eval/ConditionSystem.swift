/// R's condition system: handlers established by tryCatch (exiting) and withCallingHandlers
/// (calling), signalled by stop, warning, message and signalCondition, and by builtins.
struct HandlerEntry {
    let conditionClass: String
    let function: RValue
    let exiting: Bool
    /// Identifies the tryCatch that owns an exiting handler.
    let owner: Int
}

/// Unwinds to the tryCatch that owns the chosen exiting handler.
struct ConditionUnwind: Error {
    let condition: RValue
    let handler: HandlerEntry
}

/// Thrown by `invokeRestart("muffleWarning")` / `"muffleMessage"` back to the signal.
struct RestartInvoked: Error {
    let name: String
}

extension Interpreter {
    /// A condition object: list(message, call) with a class vector.
    public func makeCondition(_ message: String, call: Call?, classes: [String]) -> RValue {
        var v = RVector(.list([.scalar(message), call.map { .language(Language(.call($0))) } ?? .null]))
        v.names = ["message", "call"]
        v.attributes["class"] = .character(classes)
        return .vector(v)
    }

    /// Offers a condition to the handlers, innermost first. Calling handlers run here; an
    /// exiting handler unwinds. Returns true when a calling handler muffled the condition.
    func signal(_ condition: RValue, muffleRestart: String?) throws -> Bool {
        let classes = condition.explicitClass ?? []
        var index = handlerStack.count - 1
        while index >= 0 {
            let h = handlerStack[index]
            if classes.contains(h.conditionClass) {
                if h.exiting { throw ConditionUnwind(condition: condition, handler: h) }
                // A calling handler runs with only the handlers below it in force.
                let saved = handlerStack
                handlerStack = Array(handlerStack.prefix(index))
                defer { handlerStack = saved }
                do {
                    _ = try callValue(h.function, [EvaluatedArgument(condition)], env: globalEnv)
                } catch let r as RestartInvoked where r.name == muffleRestart {
                    return true
                }
            }
            index -= 1
        }
        return false
    }

    /// A warning from R code or a builtin: handlers first, then the output.
    public func signalWarning(_ message: String, call: Call?) throws {
        let condition = makeCondition(message, call: call, classes: ["simpleWarning", "warning", "condition"])
        if try signal(condition, muffleRestart: "muffleWarning") { return }
        emit(.warning(message, call: call.map(Deparser.firstLine)))
    }

    /// A warning raised where throwing is not possible: the unwind (if a handler asks for one)
    /// is kept and thrown when the builtin returns.
    public func warning(_ text: String, call: Call?) {
        do { try signalWarning(text, call: call) } catch { if pendingUnwind == nil { pendingUnwind = error } }
    }

    public func signalMessage(_ text: String, call: Call?) throws {
        try signalMessage(text, call: call, classes: ["simpleMessage", "message", "condition"])
    }

    /// A message of the given condition classes (library()'s "packageStartupMessage" first).
    func signalMessage(_ text: String, call: Call?, classes: [String]) throws {
        let condition = makeCondition(text, call: call, classes: classes)
        if try signal(condition, muffleRestart: "muffleMessage") { return }
        emit(.message(text))
    }

    /// An error condition object signalled by stop(): handlers, then an R error.
    func signalError(_ condition: RValue) throws -> Never {
        _ = try signal(condition, muffleRestart: nil)
        let message = conditionField(condition, "message")?.stringValue ?? ""
        var call: Call?
        if case .language(let l)? = conditionField(condition, "call"), case .call(let c) = l.expr { call = c }
        throw RError(message, call: call, condition: condition)
    }

    func conditionField(_ condition: RValue, _ name: String) -> RValue? {
        guard case .vector(let v) = condition, case .list(let items) = v.storage, let names = v.names,
              let i = names.firstIndex(of: name) else { return nil }
        return items[i]
    }

    /// The condition object for an R error thrown by a builtin.
    func condition(for error: RError) -> RValue {
        if let c = error.condition { return c }
        return makeCondition(error.message, call: error.call, classes: ["simpleError", "error", "condition"])
    }
}

extension Deparser {
    /// The first line of a call's deparse, as R shows calls in condition messages.
    public static func firstLine(_ call: Call) -> String {
        deparseLines(.call(call), cutoff: 60).first ?? ""
    }
}
