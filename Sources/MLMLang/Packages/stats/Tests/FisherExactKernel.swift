import CRmath
import Foundation

/// The kernel under fisher.test() for tables larger than 2 x 2: the exact p-value, the total
/// probability (given both margins) of every table no more probable than the observed one.
/// R finds it with Mehta and Patel's network algorithm (FEXACT); here the tables are
/// enumerated cell by cell, column after column, and at each column the tables still to come are
/// settled at once when bounds on their probabilities show they all count or none does (their
/// total probability has a closed form), which gives the same sum.
/// A table with too many arrangements is refused with a hint at simulate.p.value, as R does
/// when its workspace runs out.
enum FisherExactKernel {
    /// Arrangements visited before giving up.
    static let budget = 50_000_000

    static func install(_ interp: Interpreter) {
        // .Internal(Fexact(x)): the p-value for the integer matrix x.
        interp.defineInternal("Fexact", { ctx, args in
            guard let v = args.first?.value.asVector, let counts = Coerce.integers(v),
                  case .vector(let dimVector)? = v.attributes["dim"], let dims = Coerce.integers(dimVector), dims.count == 2 else {
                throw RError("'x' must be an integer matrix")
            }
            // fisher.test has checked its table; a direct .Internal call may not have.
            guard dims[0] >= 0, dims[1] >= 0, counts.count == dims[0] * dims[1],
                  counts.allSatisfy({ $0 != NAInteger && $0 >= 0 }) else {
                throw RError("all entries of 'x' must be nonnegative and finite")
            }
            let table = (0..<dims[0]).map { i in (0..<dims[1]).map { j in counts[i + j * dims[0]] } }
            return .scalar(try pValue(table) { try ctx.interpreter.charge(steps: $0) })
        })
    }

    /// `charge` is told of every 100,000 arrangements visited, so that a long enumeration
    /// counts against the step budget and stops at a chunk's time limit or an interrupt.
    static func pValue(_ table: [[Int]], charge: (Int) throws -> Void = { _ in }) throws -> Double {
        // Empty rows and columns change nothing; drop them.
        var rows = table.filter { $0.reduce(0, +) > 0 }
        guard !rows.isEmpty else { return 1 }
        let keep = (0..<rows[0].count).filter { j in rows.reduce(0) { $0 + $1[j] } > 0 }
        rows = rows.map { r in keep.map { r[$0] } }
        let nr = rows.count, nc = keep.count
        if nr < 2 || nc < 2 { return 1 }
        let rowSums = rows.map { $0.reduce(0, +) }
        let colSums = (0..<nc).map { j in rows.reduce(0) { $0 + $1[j] } }
        let n = rowSums.reduce(0, +)
        let logFactorial = LogFactorials(upTo: n)
        let constant = rowSums.reduce(0.0) { $0 + logFactorial[$1] } + colSums.reduce(0.0) { $0 + logFactorial[$1] } - logFactorial[n]
        let observed = rows.joined().reduce(constant) { $0 - logFactorial[$1] }
        let threshold = observed + log1p(1e-7)

        var remaining = rowSums
        var total = 0.0
        var visited = 0
        // Fill column j from row i down, with `left` of the column's total still to place.
        func fill(_ j: Int, _ i: Int, _ left: Int, _ logP: Double) throws {
            if j == nc - 1 {
                // The last column is what the rows have left.
                var p = logP
                for r in 0..<nr { p -= logFactorial[remaining[r]] }
                visited += 1
                if visited % 100_000 == 0 { try charge(1_000) }
                if visited > budget {
                    throw RError("FEXACT error 7: the table has too many arrangements for an exact p-value.\nConsider using 'simulate.p.value=TRUE'")
                }
                if p <= threshold { total += exp(p) }
                return
            }
            if i == 0 && j > 0 {
                // A new column: settle every completion of the columns left at once when bounds
                // on their probabilities put them all on one side of the observed table's.
                let columnsLeft = Array(colSums[j...])
                let rest = remaining.reduce(0, +)
                let (fewest, most) = logFactorialSumBounds(rows: remaining, columns: columnsLeft, logFactorial)
                if logP - most > threshold { return }                     // all more probable than observed
                if logP - fewest <= threshold {                           // all at most as probable
                    var mass = logP + logFactorial[rest]
                    for r in remaining { mass -= logFactorial[r] }
                    for c in columnsLeft { mass -= logFactorial[c] }
                    total += exp(mass)
                    return
                }
            }
            if i == nr - 1 {
                guard left <= remaining[i] else { return }
                remaining[i] -= left
                try fill(j + 1, 0, colSums[j + 1], logP - logFactorial[left])
                remaining[i] += left
                return
            }
            let below = remaining[(i + 1)...].reduce(0, +)
            let low = max(0, left - below), high = min(remaining[i], left)
            if low > high { return }
            for v in low...high {
                remaining[i] -= v
                try fill(j, i + 1, left - v, logP - logFactorial[v])
                remaining[i] += v
            }
        }
        try fill(0, 0, colSums[0], constant)
        return min(1, max(0, total))
    }

    /// Bounds on the sum of log(x!) over the cells of any table with these margins: at least
    /// what spreading each row (or column) evenly over the other margin gives, at most what
    /// putting each row (or column) into one cell gives; the tighter of the row and column
    /// relaxations is used for each bound.
    static func logFactorialSumBounds(rows: [Int], columns: [Int], _ logFactorial: LogFactorials) -> (fewest: Double, most: Double) {
        func spread(_ totals: [Int], over k: Int) -> Double {
            totals.reduce(0.0) { sum, t in
                let q = t / k, extra = t % k
                return sum + Double(extra) * logFactorial[q + 1] + Double(k - extra) * logFactorial[q]
            }
        }
        let activeRows = rows.filter { $0 > 0 }, activeColumns = columns.filter { $0 > 0 }
        guard !activeRows.isEmpty, !activeColumns.isEmpty else { return (0, 0) }
        let fewest = max(spread(activeRows, over: activeColumns.count), spread(activeColumns, over: activeRows.count))
        let most = min(activeRows.reduce(0.0) { $0 + logFactorial[$1] }, activeColumns.reduce(0.0) { $0 + logFactorial[$1] })
        return (fewest, most)
    }
}

/// log(k!) for k = 0 ... n: tabulated for the counts lessons tabulate, computed on demand for
/// larger totals (a table of a billion counts must not allocate gigabytes).
struct LogFactorials {
    private let table: [Double]

    init(upTo n: Int) {
        table = (0...min(n, 1_000_000)).map { lgammafn(Double($0) + 1) }
    }

    subscript(k: Int) -> Double { k < table.count ? table[k] : lgammafn(Double(k) + 1) }
}
