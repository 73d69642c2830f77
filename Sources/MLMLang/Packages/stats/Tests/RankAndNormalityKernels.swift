import CRmath
import Foundation

/// Kernels under stats' shapiro.test() and the exact p-values of cor.test()'s rank methods:
/// Royston's Shapiro-Wilk W (Applied Statistics algorithm AS R94, 1995), the exact null
/// distribution of Kendall's concordance count and Spearman's S (AS 89, 1975: exact by
/// enumeration up to n = 9, an Edgeworth series beyond). The tests are written in R.
enum RankAndNormalityKernels {
    static func install(_ interp: Interpreter) {
        // .Internal(SWilk(sorted x)): c(W, p-value).
        interp.defineInternal("SWilk", { _, args in
            guard let x = args.first?.value.asVector.flatMap(Coerce.doubles) else { throw RError("invalid 'x' argument") }
            let (w, p) = try shapiroWilk(x)
            return .vector(RVector(.double([w, p])))
        })
        // .Internal(pKendall(q, n)): P(T <= q) for the number T of concordant pairs.
        interp.defineInternal("pKendall", { _, args in
            guard args.count == 2, let q = args[0].value.asVector.flatMap(Coerce.doubles),
                  let n = args[1].value.asVector.flatMap(Coerce.doubles)?.first, n >= 1, n <= 100 else {
                // cor.test asks for the exact distribution below n = 50 only; it grows as n^4.
                throw RError("invalid arguments to pKendall")
            }
            let table = KendallCounts(n: Int(n))
            return .vector(RVector(.double(q.map { table.cumulative($0) })))
        })
        // .Internal(pRho(s, n, lower.tail)): P(S >= s), or P(S < s) for the lower tail.
        interp.defineInternal("pRho", { _, args in
            guard args.count == 3, let s = args[0].value.asVector.flatMap(Coerce.doubles)?.first,
                  let n = args[1].value.asVector.flatMap(Coerce.doubles)?.first, n.isFinite, abs(n) < 1e9,
                  let lower = args[2].value.logicalValue else {
                throw RError("invalid arguments to pRho")
            }
            return .scalar(spearmanTail(s: s, n: Int(n), lowerTail: lower))
        })
    }

    // MARK: Shapiro-Wilk

    /// W and its p-value for sorted, complete x (3 <= n <= 5000), by Royston's approximations
    /// to the normal-order-statistic coefficients and to W's null distribution.
    static func shapiroWilk(_ x: [Double]) throws -> (Double, Double) {
        let n = x.count
        guard n >= 3 else { throw RError("n is too small") }
        let half = n / 2
        var a = [Double](repeating: 0, count: half + 1)   // 1-based, as in the paper
        let nd = Double(n)
        if n == 3 {
            a[1] = 0.5.squareRoot()
        } else {
            var m2 = 0.0
            for i in 1...half {
                a[i] = qnorm5((Double(i) - 0.375) / (nd + 0.25), 0, 1, 1, 0)
                m2 += a[i] * a[i]
            }
            m2 *= 2
            let rootM2 = m2.squareRoot(), u = 1 / nd.squareRoot()
            let a1 = polynomial([0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056], u) - a[1] / rootM2
            let first: Int, scale: Double
            if n > 5 {
                let a2 = -a[2] / rootM2 + polynomial([0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633], u)
                scale = ((m2 - 2 * a[1] * a[1] - 2 * a[2] * a[2]) / (1 - 2 * a1 * a1 - 2 * a2 * a2)).squareRoot()
                a[2] = a2
                first = 3
            } else {
                scale = ((m2 - 2 * a[1] * a[1]) / (1 - 2 * a1 * a1)).squareRoot()
                first = 2
            }
            a[1] = a1
            if first <= half { for i in first...half { a[i] /= -scale } }
        }
        let range = x[n - 1] - x[0]
        guard range >= 1e-19 else { throw RError("all 'x' values are identical") }
        // The coefficient of the i-th order statistic (0-based): antisymmetric about the middle.
        func coefficient(_ i: Int) -> Double {
            let j = n - 1 - i
            if i == j { return 0 }
            return (i < j ? -1.0 : 1.0) * a[1 + min(i, j)]
        }
        let meanA = (0..<n).reduce(0.0) { $0 + coefficient($1) } / nd
        let meanX = x.reduce(0.0) { $0 + $1 / range } / nd
        var ssa = 0.0, ssx = 0.0, sax = 0.0
        for i in 0..<n {
            let da = coefficient(i) - meanA, dx = x[i] / range - meanX
            ssa += da * da; ssx += dx * dx; sax += da * dx
        }
        // 1 - W, formed so that W near 1 keeps its digits.
        let root = (ssa * ssx).squareRoot()
        let oneMinusW = (root - sax) * (root + sax) / (ssa * ssx)
        let w = 1 - oneMinusW
        if n == 3 {
            let p = 6 / Double.pi * (asin(w.squareRoot()) - asin((0.75).squareRoot()))
            return (w, max(p, 0))
        }
        var y = log(oneMinusW)
        let mean: Double, sd: Double
        if n <= 11 {
            let gamma = polynomial([-2.273, 0.459], nd)
            if y >= gamma { return (w, 1e-99) }
            y = -log(gamma - y)
            mean = polynomial([0.544, -0.39978, 0.025054, -6.714e-4], nd)
            sd = exp(polynomial([1.3822, -0.77857, 0.062767, -0.0020322], nd))
        } else {
            let ln = log(nd)
            mean = polynomial([-1.5861, -0.31082, -0.083751, 0.0038915], ln)
            sd = exp(polynomial([-0.4803, -0.082676, 0.0030302], ln))
        }
        return (w, pnorm5(y, mean, sd, 0, 0))
    }

    /// c[0] + c[1] x + ... evaluated from the highest power down, as AS 181.2 evaluates it.
    private static func polynomial(_ c: [Double], _ x: Double) -> Double {
        guard c.count > 1 else { return c[0] }
        var p = x * c[c.count - 1]
        var j = c.count - 2
        while j > 0 { p = (p + c[j]) * x; j -= 1 }
        return c[0] + p
    }

    // MARK: Kendall

    /// Counts of permutations of n with k concordant pairs, k = 0 ... n(n-1)/2, built by
    /// inserting one element at a time (each insertion adds 0 ... m - 1 pairs).
    struct KendallCounts {
        let n: Int
        let counts: [Double]

        init(n: Int) {
            self.n = n
            var row = [1.0]
            if n >= 2 {
                for m in 2...n {
                    var next = [Double](repeating: 0, count: row.count + m - 1)
                    for (k, c) in row.enumerated() where c != 0 {
                        for added in 0..<m { next[k + added] += c }
                    }
                    row = next
                }
            }
            counts = row
        }

        func cumulative(_ q: Double) -> Double {
            let k = floor(q + 1e-7)
            if k.isNaN { return .nan }
            if k < 0 { return 0 }
            if k > Double(counts.count - 1) { return 1 }
            var total = 0.0
            for j in 0...Int(k) { total += counts[j] }
            return total / tgamma(Double(n) + 1)
        }
    }

    // MARK: Spearman

    static func spearmanTail(s: Double, n: Int, lowerTail: Bool) -> Double {
        if n <= 1 { return lowerTail ? 0 : 1 }
        if s <= 0 { return lowerTail ? 0 : 1 }
        let nd = Double(n)
        let maximum = nd * (nd * nd - 1) / 3
        if s > maximum { return lowerTail ? 1 : 0 }
        if n <= 9 {
            // Exact: the share of the n! rankings whose sum of squared rank differences is >= s.
            var permutation = Array(1...n)
            var total = 0, atLeast = 0
            func visit(_ k: Int) {
                if k == n {
                    total += 1
                    var d2 = 0
                    for i in 0..<n { let d = i + 1 - permutation[i]; d2 += d * d }
                    if s <= Double(d2) { atLeast += 1 }
                    return
                }
                for i in k..<n {
                    permutation.swapAt(k, i)
                    visit(k + 1)
                    permutation.swapAt(k, i)
                }
            }
            if s == maximum { total = (1...n).reduce(1, *); atLeast = 1 } else { visit(0) }
            return Double(lowerTail ? total - atLeast : atLeast) / Double(total)
        }
        // Edgeworth series in x = rho sqrt(n - 1) (AS 89's coefficients).
        let b = 1 / nd
        let x = (6 * (s - 1) * b / (nd * nd - 1) - 1) * (nd - 1).squareRoot()
        let x2 = x * x
        let u = x * b * (0.2274 + b * (0.2531 + 0.1745 * b)
            + x2 * (-0.0758 + b * (0.1033 + 0.3932 * b)
                - x2 * b * (0.0879 + 0.0151 * b - x2 * (0.0072 - 0.0831 * b + x2 * b * (0.0131 - 4.6e-4 * x2)))))
        let correction = u / exp(x2 / 2)
        let p = (lowerTail ? -correction : correction) + pnorm5(x, 0, 1, lowerTail ? 1 : 0, 0)
        return min(max(p, 0), 1)
    }
}
