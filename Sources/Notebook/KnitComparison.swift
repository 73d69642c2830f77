import Foundation

/// How much of what R printed knitting a document a second knit of it reproduces: the numbers
/// of R's output lines (`## `) found in the same order in the candidate's, each within the
/// precision R printed it with, and R's output lines found verbatim (runs of spaces folded).
/// Package start-up chatter is left out of both. `mlmd compare` and the corpus test score
/// with it.
public struct KnitComparison: Equatable {
    public var numbersMatched: Int
    public var numbersTotal: Int
    public var linesMatched: Int
    public var linesTotal: Int

    public init(numbersMatched: Int, numbersTotal: Int, linesMatched: Int, linesTotal: Int) {
        self.numbersMatched = numbersMatched
        self.numbersTotal = numbersTotal
        self.linesMatched = linesMatched
        self.linesTotal = linesTotal
    }

    public init(reference: String, candidate: String) {
        let referenceLines = Self.outputLines(reference), candidateLines = Self.outputLines(candidate)
        let referenceNumbers = Self.numbers(referenceLines), candidateNumbers = Self.numbers(candidateLines)
        numbersTotal = referenceNumbers.count
        numbersMatched = Self.longestCommonSubsequence(referenceNumbers, candidateNumbers, Self.agree)
        let folded = { (lines: [String]) in
            lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        }
        let referenceText = folded(referenceLines)
        linesTotal = referenceText.count
        linesMatched = Self.longestCommonSubsequence(referenceText, folded(candidateLines), ==)
    }

    public var numbersPercent: Double { numbersTotal == 0 ? 100 : 100 * Double(numbersMatched) / Double(numbersTotal) }
    public var linesPercent: Double { linesTotal == 0 ? 100 : 100 * Double(linesMatched) / Double(linesTotal) }

    public var summary: String {
        "numbers \(numbersMatched)/\(numbersTotal) (\(String(format: "%.1f", numbersPercent))%), "
            + "verbatim lines \(linesMatched)/\(linesTotal) (\(String(format: "%.1f", linesPercent))%)"
    }

    /// Output lines that only say which packages were attached or masked.
    private static let chatter = try! NSRegularExpression(pattern:
        #"Attaching|masked|Loading required package|Warning in system|timedatectl|had status|"#
        + #"tidyverse|tidyverse_conflicts|✔|✖|^\s*(filter|intersect|expand|lmer|step)\b"#)
    private static let number = try! NSRegularExpression(pattern:
        #"(?<![A-Za-z_\.\d])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?"#)

    /// The text after `## ` of the lines in plain fenced blocks (knitr's output blocks).
    static func outputLines(_ markdown: String) -> [String] {
        var lines: [String] = [], inBlock = false, isOutput = false
        for line in markdown.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if inBlock { inBlock = false } else {
                    inBlock = true
                    isOutput = line.trimmingCharacters(in: .whitespaces) == "```"
                }
                continue
            }
            guard inBlock, isOutput, line.hasPrefix("##") else { continue }
            let body = String(line.dropFirst(line.hasPrefix("## ") ? 3 : 2))
            let range = NSRange(body.startIndex..., in: body)
            if chatter.firstMatch(in: body, range: range) == nil { lines.append(body) }
        }
        return lines
    }

    /// A printed number: its value and the unit of its last printed digit.
    struct PrintedNumber { var value: Double; var unit: Double }

    static func numbers(_ lines: [String]) -> [PrintedNumber] {
        var found: [PrintedNumber] = []
        for line in lines {
            for match in number.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let r = Range(match.range, in: line) else { continue }
                let token = line[r].lowercased()
                guard let value = Double(token) else { continue }
                let parts = token.split(separator: "e", omittingEmptySubsequences: false)
                let mantissa = parts[0]
                let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
                found.append(PrintedNumber(value: value, unit: pow(10, Double(exponent - decimals))))
            }
        }
        return found
    }

    /// Equal within the coarser of the two printed precisions.
    static func agree(_ a: PrintedNumber, _ b: PrintedNumber) -> Bool {
        let tolerance = max(a.unit, b.unit) * 1.01 + 1e-12
        return abs(a.value - b.value) <= tolerance || (abs(abs(a.value) - abs(b.value)) <= tolerance && a.value == 0)
    }

    static func longestCommonSubsequence<T>(_ a: [T], _ b: [T], _ equal: (T, T) -> Bool) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1), current = previous
        for x in a {
            for j in 1...b.count {
                current[j] = equal(x, b[j - 1]) ? previous[j - 1] + 1 : max(current[j - 1], previous[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
