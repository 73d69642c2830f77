import Foundation
import XCTest
@testable import MLMLang

/// Random and mutated programs through lexer, parser and evaluator: every one must end in a
/// value or an R-style error, never a crash or a hang (a step budget bounds each program).
final class FuzzTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let vocabulary = [
        "x", "y", "f", "function(a, b = 2, ...)", "(", ")", "{", "}", "[", "]", "[[", "]]", ",", ";", "\n", "<-", "<<-", "=",
        "->", "+", "-", "*", "/", "^", "%%", "%in%", "%/%", ":", "==", "!=", "<", ">", "&", "&&", "|", "||", "!", "~", "?",
        "$", "@", "::", "if", "else", "for", "in", "while", "repeat", "break", "next", "return", "1", "0", "-1", "1L",
        "2.5", "1e308", "1e-308", "NA", "NaN", "Inf", "NULL", "TRUE", "FALSE", "\"s\"", "'t'", "\"\"", "c(", "list(",
        "sum(", "rep(", "seq(", "paste(", "print(", "names(", "length(", "matrix(", "factor(", "tryCatch(", "stop(",
        "warning(", "lapply(", "sapply(", "do.call(", "switch(", "quote(", "eval(", "substitute(", "sort(", "order(",
        "table(", "unlist(", "structure(", "UseMethod(", "NextMethod(", "sprintf(", "format(", "rnorm(", "sample(",
        "1:10", "letters", "x[1]", "x[[2]]", "-1e9", "2147483647L", "...", "..1", "\\(z)", "|>", "#",
    ]

    func mutate(_ program: String, _ rng: inout Random) -> String {
        var chars = Array(program)
        for _ in 0...rng.below(3) {
            switch rng.below(5) {
            case 0 where !chars.isEmpty:
                let i = rng.below(chars.count), n = min(rng.below(6) + 1, chars.count - i)
                chars.removeSubrange(i..<(i + n))
            case 1:
                let token = Self.vocabulary[rng.below(Self.vocabulary.count)]
                chars.insert(contentsOf: token, at: rng.below(chars.count + 1))
            case 2 where chars.count > 1:
                let i = rng.below(chars.count), j = rng.below(chars.count)
                chars.swapAt(i, j)
            case 3 where !chars.isEmpty:
                let i = rng.below(chars.count), n = min(rng.below(12) + 1, chars.count - i)
                chars.insert(contentsOf: chars[i..<(i + n)], at: rng.below(chars.count + 1))
            default:
                let printable = Array("()[]{},;+-*/^<>=!&|~$@:%\"'`\\#0123456789.eELxyz \n")
                if !chars.isEmpty { chars[rng.below(chars.count)] = printable[rng.below(printable.count)] }
            }
        }
        return String(chars)
    }

    func randomProgram(_ rng: inout Random) -> String {
        (0..<(rng.below(25) + 3)).map { _ in Self.vocabulary[rng.below(Self.vocabulary.count)] }.joined(separator: rng.below(3) == 0 ? "" : " ")
    }

    /// Values nested deep (lists, calls, parentheses, environments, attributes) built, used and
    /// released, and loops that never end: the program must end in a value or an R error.
    func deepOrRunawayProgram(_ rng: inout Random) -> (program: String, runaway: Bool) {
        // Depths spread over four and a half orders of magnitude, up to about 30,000 (the
        // reliability tests take values ten times deeper through the whole program).
        let depth = Int(pow(10.0, Double(rng.below(4501)) / 1000.0))
        let build = [
            "x <- NULL; for (i in 1:\(depth)) x <- list(x)",
            "x <- quote(a); for (i in 1:\(depth)) x <- call(\"f\", x)",
            "x <- emptyenv(); for (i in 1:\(depth)) x <- new.env(parent = x)",
            "x <- 1; for (i in 1:\(depth)) { y <- 1; attr(y, \"a\") <- x; x <- y }",
            "x <- NULL; for (i in 1:\(depth)) x <- list(a = x, b = i)",
            "x <- parse(text = paste0(strrep(\"(\", \(depth)), \"1\", strrep(\")\", \(depth))))",
            "x <- Reduce(function(a, b) list(a), seq_len(\(depth)), NULL)",
        ][rng.below(7)]
        let use = [
            "x <- NULL", "str(x)", "print(x)", "identical(x, x)", "length(x)", "deparse(x)", "y <- x; x <- NULL; y <- NULL",
            "f <- function(a) a; eval(x)", "unlist(x)", "x[[1]]", "format(x)", "as.list(x)", "rapply(x, function(z) z, how = \"list\")",
            "all.equal(x, x)", "rm(x)", "",
        ]
        let runaway = [
            "while (TRUE) {}", "repeat { x <- 1 }", "f <- function() f(); f()", "while (TRUE) try(stop(\"e\"), silent = TRUE)",
            "g <- function(n) g(n + 1); tryCatch(g(0), error = function(e) while (TRUE) NULL)",
            "for (i in 1:1e9) NULL", "while (TRUE) tryCatch(NULL, finally = NULL)",
        ]
        if rng.below(3) == 0 { return (runaway[rng.below(runaway.count)], true) }
        let uses = (0..<(rng.below(3) + 1)).map { _ in use[rng.below(use.count)] }
        // Printing a huge nested value is slow, not wrong: str's indentation and the names
        // unlist and all.equal build (a.a.a...b) grow with the depth, so their output is
        // quadratic, in R too. Keep what is printed or flattened shallower.
        let tame = uses.map { use -> String in
            if ["str(x)", "unlist(x)", "all.equal(x, x)"].contains(use) && depth > 1_000 { return "length(x)" }
            if ["print(x)", "format(x)", "deparse(x)"].contains(use) && depth > 10_000 { return "length(x)" }
            return use
        }
        return (([build] + tame).joined(separator: "\n"), false)
    }

    func testRandomAndMutatedProgramsNeverCrash() throws {
        let count = Int(ProcessInfo.processInfo.environment["MLMD_FUZZ_PROGRAMS"] ?? "") ?? 100_000
        let corpus = try ConformanceTests.cases().map(\.code)
        XCTAssertFalse(corpus.isEmpty)
        let savedLimit = RLimits.maxLength
        RLimits.maxLength = 100_000
        defer { RLimits.maxLength = savedLimit }
        var rng = Random(state: 20261122)
        var session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        var outcomes = [String: Int]()
        // The slowest programs, printed at the end: a kernel that ignores the step budget shows here.
        var slowest: [(Double, Int, String)] = []
        // Set MLMD_FUZZ_TRACE to print each program before it runs, to find the one that crashed.
        let trace = ProcessInfo.processInfo.environment["MLMD_FUZZ_TRACE"] != nil
        for k in 0..<count {
            if k % 50 == 0 { session = Session(workingDirectory: FileManager.default.temporaryDirectory) }
            var program = rng.below(2) == 0 ? mutate(corpus[rng.below(corpus.count)], &rng) : randomProgram(&rng)
            session.interpreter.stepBudget = 20_000
            session.interpreter.deadline = nil
            // One program in a hundred builds deep values or loops for ever under a short limit.
            if rng.below(100) == 0 {
                let (deep, runaway) = deepOrRunawayProgram(&rng)
                program = deep
                session.interpreter.stepBudget = runaway ? Int.max : 20_000_000
                session.interpreter.deadline = EvaluationDeadline(seconds: runaway ? 0.02 : 5)
                outcomes[runaway ? "runaway" : "deep", default: 0] += 1
            }
            if trace { FileHandle.standardError.write(Data("--- program \(k)\n\(program)\n".utf8)) }
            session.interpreter.emit = { _ in }
            let started = Date()
            defer { slowest.append((Date().timeIntervalSince(started), k, program)); slowest.sort { $0.0 > $1.0 }; if slowest.count > 6 { slowest.removeLast() } }
            do {
                let steps = try session.run(program, continueAfterError: true)
                for step in steps {
                    // stop() with no message is R's own empty error; every other error says something.
                    for case .error(let message, _) in step.events where !program.contains("stop(") {
                        XCTAssertFalse(message.isEmpty, "empty error message for program \(k):\n\(program)")
                    }
                }
                outcomes["ran", default: 0] += 1
            } catch let e as ParseError {
                XCTAssertFalse(e.message.isEmpty)
                outcomes["parse error", default: 0] += 1
            } catch {
                XCTFail("program \(k) threw a non-R error \(error):\n\(program)")
            }
        }
        print("fuzz: \(count) programs, \(outcomes)")
        for (t, k, p) in slowest { print("SLOW", t, k, p.prefix(300).replacingOccurrences(of: "\n", with: " | ")) }
    }
}
