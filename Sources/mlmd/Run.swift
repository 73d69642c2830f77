import ArgumentParser
import Foundation
import MLMLang

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a script the way Rscript does: output on stdout, messages and warnings on stderr.")

    @ArgumentParser.Argument(help: "The script file.")
    var script: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: script) else {
            throw fail(ScriptError("cannot open file '\(script)': No such file or directory"))
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw fail(ScriptError("invalid UTF-8 in '\(script)'"))
        }
        let session = Session(workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let console = RscriptConsole()
        do {
            let failed = try session.run(source, onStep: console.report)
            if failed { throw ExitCode(1) }
        } catch let e as ParseError {
            console.stderr("Error: \(script):\(e.location.line):\(e.location.column): \(e.message)\nExecution halted\n")
            throw ExitCode(1)
        }
    }
}

struct ScriptError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Writes a session's events as R's console does: warnings collected per top-level call and
/// printed after it, errors followed by "Execution halted".
final class RscriptConsole {
    func stderr(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    func report(_ step: Session.Step) {
        var warnings: [(String, String?)] = []
        for event in step.events {
            switch event {
            case .text(let t), .asis(let t): FileHandle.standardOutput.write(Data(t.utf8))
            case .message(let m): stderr(m)
            case .warning(let m, let call): warnings.append((m, call))
            case .plot, .plotUpdate:
                // Rscript would draw on Rplots.pdf; a script's figures are not kept.
                continue
            case .error(let m, let call):
                flush(warnings)
                warnings = []
                stderr((call.map { "Error in \($0) : " } ?? "Error: ") + m + "\nExecution halted\n")
            }
        }
        flush(warnings)
    }

    private func flush(_ warnings: [(String, String?)]) {
        guard !warnings.isEmpty else { return }
        if warnings.count == 1 {
            let (m, call) = warnings[0]
            stderr("Warning message:\n" + Self.warningText(m, call: call, prefixWidth: 6) + "\n")
        } else {
            var s = "Warning messages:\n"
            for (i, (m, call)) in warnings.enumerated() {
                s += "\(i + 1): " + Self.warningText(m, call: call, prefixWidth: 10) + "\n"
            }
            stderr(s)
        }
    }

    /// R's printWarnings: "In call : message", the message on its own line, indented by two,
    /// when the call and the message's first line pass 75 columns (LONGWARN).
    static func warningText(_ message: String, call: String?, prefixWidth: Int) -> String {
        guard let call else { return message }
        let firstLine = message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        let long = prefixWidth + call.count + firstLine.count > 75
        return "In \(call) :" + (long ? "\n  " : " ") + message
    }
}
