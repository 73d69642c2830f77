/// An R error: the message, and the call R would name in `Error in <call>: <message>`.
public struct RError: Error, CustomStringConvertible {
    public var message: String
    public var call: Call?
    /// The condition object, when R code signalled one (a classed error from stop(cond)).
    public var condition: RValue?
    /// Already shown to the user (before on.exit output, as R does); not to be shown again.
    public var reported = false
    /// An error R raises with no call (`Error: cannot allocate vector ...`): the builtin or
    /// closure it passes through does not name itself.
    public var noCall = false

    public init(_ message: String, call: Call? = nil, condition: RValue? = nil) {
        self.message = message
        self.call = call
        self.condition = condition
    }

    public init(_ message: String, call: Call?, noCall: Bool) {
        self.init(message, call: call)
        self.noCall = noCall
    }

    public var description: String {
        if let call { return "Error in \(Deparser.firstLine(call)): \(message)" }
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
    /// A finished figure as an SVG document (printing a plot, as R's graphics device would).
    case plot(svg: String, width: Double, height: Double)
    /// The figure last drawn, redrawn after a low-level addition (abline, qqline, lines).
    case plotUpdate(svg: String, width: Double, height: Double)
    /// Text a knitted notebook places in its Markdown as it is (knitr's asis_output, which
    /// kable's tables use); elsewhere it is printed text.
    case asis(String)
}
