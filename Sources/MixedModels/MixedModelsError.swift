/// The one error type of the MixedModels layer. Messages use R's words where R has words for the
/// same condition, so the interpreter can pass them through unchanged.
public struct MixedModelsError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
