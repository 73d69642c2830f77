/// The one error the readers throw. `message` is R's wording where R has one, so the interpreter
/// can print it as R would; `description` also names the file when the message does not.
public struct DataReadError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Equatable {
        case fileNotFound
        case unreadable        // not a zip, truncated, or I/O failure
        case sheetNotFound
        case invalidArgument   // a range, sep or option R would reject
        case malformed         // structure R rejects: ragged rows, bad xml
        case invalidUTF8
        case empty             // "no lines available in input"
    }

    public var kind: Kind
    public var path: String
    public var message: String
    /// 1-based line of the file, when the problem has one.
    public var line: Int?

    public init(_ kind: Kind, path: String, message: String, line: Int? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.line = line
    }

    public var description: String {
        message.contains(path) ? message : "\(message) in '\(path)'"
    }
}
