import ArgumentParser
import Foundation
import Notebook

/// Scores a knit against one made by R: for authors moving an R Markdown lesson to mlmd, and
/// for the corpus of public tutorials (scripts/mlmd-corpus.py).
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a knitted Markdown file against R's knit of the same notebook: R's printed numbers found in order, and R's output lines found verbatim.")

    @ArgumentParser.Argument(help: "What knitr wrote (the reference).")
    var reference: String

    @ArgumentParser.Argument(help: "What mlmd wrote for the same notebook.")
    var candidate: String

    @Option(name: .customLong("min-numbers"), help: "Fail unless at least this percentage of R's numbers is found.")
    var minNumbers: Double = 0

    @Option(name: .customLong("min-lines"), help: "Fail unless at least this percentage of R's output lines is found.")
    var minLines: Double = 0

    func run() throws {
        let texts = try [reference, candidate].map { path -> String in
            do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw ValidationError("cannot read '\(path)': \(error.localizedDescription)")
            }
        }
        let score = KnitComparison(reference: texts[0], candidate: texts[1])
        print(score.summary)
        if score.numbersPercent < minNumbers || score.linesPercent < minLines { throw ExitCode(1) }
    }
}
