import ArgumentParser
import Foundation

/// The mlmd command line: knit, render, build and run; each subcommand only wires options
/// to the libraries.
@main
struct Mlmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlmd",
        abstract: "Run multilevel-modeling notebooks and publish them as a static lesson site.",
        version: MlmdVersion.string,
        subcommands: [Knit.self, Render.self, Build.self, Check.self, Run.self, Serve.self])
}

enum MlmdVersion {
    static let string = "0.1.0"
}

/// Reports an error as one line on standard error and exits with status 1.
func fail(_ error: Error) -> ExitCode {
    FileHandle.standardError.write(Data("mlmd: \(error)\n".utf8))
    return ExitCode(1)
}
