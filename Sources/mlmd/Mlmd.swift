import ArgumentParser
import Foundation
import MLMLang

/// The mlmd command line: knit, render, build and run; each subcommand only wires options
/// to the libraries.
@main
struct Mlmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlmd",
        abstract: "Run multilevel-modeling notebooks and publish them as a static lesson site.",
        version: MlmdVersion.string,
        subcommands: [Knit.self, Render.self, Build.self, Check.self, Run.self, Serve.self, Compare.self])
}

enum MlmdVersion {
    static let string = "0.1.0"
}

/// Reports an error as one line on standard error and exits with status 1 (130 after Ctrl-C,
/// as shells report an interrupted command).
func fail(_ error: Error) -> ExitCode {
    FileHandle.standardError.write(Data("mlmd: \(error)\n".utf8))
    if let e = error as? EvaluationInterrupted, e.reason == .userInterrupt { return ExitCode(130) }
    return ExitCode(1)
}
