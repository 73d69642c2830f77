import Foundation

/// Tick positions for continuous scales: the "extended" algorithm of Talbot, Lin and Hanrahan
/// (2010) with the settings of R's labeling::extended, which ggplot2 uses through
/// scales::extended_breaks(n = 5).
public enum Breaks {
    static let Q: [Double] = [1, 5, 2, 2.5, 4, 3]
    static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    public static func extended(_ dmin: Double, _ dmax: Double, count m: Int = 5) -> [Double] {
        guard dmin.isFinite, dmax.isFinite else { return [] }
        if dmax - dmin < 1e-10 { return [dmin] }
        var best: (lmin: Double, lmax: Double, step: Double, score: Double)?
        var bestScore = -2.0
        var j = 1.0
        searchLoop: while j < 50 {
            for (qi, q) in Q.enumerated() {
                let sm = simplicityMax(qi, j)
                if weights.simplicity * sm + weights.coverage + weights.density + weights.legibility < bestScore { break searchLoop }
                var k = 2.0
                while k < 50 {
                    let dm = densityMax(k, Double(m))
                    if weights.simplicity * sm + weights.coverage + weights.density * dm + weights.legibility < bestScore { break }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    var z = ceil(log10(delta))
                    while z < 30 {
                        let step = j * q * pow(10, z)
                        let cm = coverageMax(dmin, dmax, step * (k - 1))
                        if weights.simplicity * sm + weights.coverage * cm + weights.density * dm + weights.legibility < bestScore { break }
                        let minStart = floor(dmax / step) * j - (k - 1) * j
                        let maxStart = ceil(dmin / step) * j
                        if minStart > maxStart { z += 1; continue }
                        var start = minStart
                        while start <= maxStart {
                            let lmin = start * (step / j), lmax = lmin + step * (k - 1)
                            let s = simplicity(qi, j, lmin, lmax, step)
                            let c = coverage(dmin, dmax, lmin, lmax)
                            let g = density(k, Double(m), dmin, dmax, lmin, lmax)
                            let score = weights.simplicity * s + weights.coverage * c + weights.density * g + weights.legibility
                            if score > bestScore {
                                bestScore = score
                                best = (lmin, lmax, step, score)
                            }
                            start += 1
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let b = best else { return [] }
        let n = Int(((b.lmax - b.lmin) / b.step).rounded())
        return (0...max(n, 0)).map { b.lmin + Double($0) * b.step }
    }

    private static func simplicity(_ qi: Int, _ j: Double, _ lmin: Double, _ lmax: Double, _ step: Double) -> Double {
        let eps = Double.ulpOfOne * 100
        let remainder = lmin.truncatingRemainder(dividingBy: step)
        let r = remainder < 0 ? remainder + step : remainder
        let v: Double = ((r < eps || step - r < eps) && lmin <= 0 && lmax >= 0) ? 1 : 0
        return 1 - Double(qi) / Double(Q.count - 1) - j + v
    }

    private static func simplicityMax(_ qi: Int, _ j: Double) -> Double { 1 - Double(qi) / Double(Q.count - 1) - j + 1 }

    private static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    private static func coverageMax(_ dmin: Double, _ dmax: Double, _ span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
    }

    private static func density(_ k: Double, _ m: Double, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }

    private static func densityMax(_ k: Double, _ m: Double) -> Double { k >= m ? 2 - (k - 1) / (m - 1) : 1 }

    /// Labels as ggplot2 shows them: the common format R's format() gives the breaks.
    public static func labels(_ breaks: [Double]) -> [String] {
        // format(x, trim = TRUE): the fewest significant digits (up to 7) that show every break.
        for digits in 0...7 {
            let texts = breaks.map { String(format: "%.\(digits)f", $0) }
            if zip(texts, breaks).allSatisfy({ abs((Double($0) ?? .nan) - $1) < 1e-9 * max(1, abs($1)) }) {
                return texts.map { $0 == "-0" ? "0" : $0 }
            }
        }
        return breaks.map { String($0) }
    }
}
