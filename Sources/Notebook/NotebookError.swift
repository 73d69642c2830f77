/// A problem with a notebook, reported as one line that names the file, the line and,
/// where there is one, the chunk.
public struct NotebookError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let chunk: String?
    public let message: String

    public init(file: String, line: Int? = nil, chunk: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.chunk = chunk
        self.message = message
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ":"
        if let chunk { s += " in chunk '\(chunk)':" }
        return s + " " + message
    }
}
