/// An R error: the message, and the call R would name in `Error in <call>: <message>`.
public struct RError: Error, CustomStringConvertible {
    public var message: String
    public var call: Call?

    public init(_ message: String, call: Call? = nil) {
        self.message = message
        self.call = call
    }

    public var description: String {
        if let call { return "Error in \(Deparser.deparseCall(call)): \(message)" }
        return "Error: \(message)"
    }
}

/// Non-local exits that are not errors.
enum ControlFlow: Error {
    case breakLoop
    case nextIteration
    case returnValue(RValue, from: Environment)
}

/// What evaluation writes: printed text and conditions, in the order they happen.
public enum OutputEvent: Equatable {
    case text(String)
    case message(String)
    /// A warning's message and the deparsed call it came from, if any.
    case warning(String, call: String?)
    case error(String, call: String?)
}
