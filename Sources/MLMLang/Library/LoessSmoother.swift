import CRmath

/// stat_smooth(method = "loess") for one predictor: R's loess with its defaults (span 0.75,
/// degree 2, gaussian family): at each x0 a quadratic fitted by least squares with tricube
/// weights over the nearest floor(n × span) points. The curve is computed directly at each
/// point (R interpolates a kd-tree of vertices; the two agree closely), and the band from the
/// exact operator: σ̂² = RSS / δ₁, se(x0) = σ̂ ‖l(x0)‖ and t quantiles on δ₁² / δ₂ degrees of
/// freedom, where δ₁ and δ₂ are the traces R's loess approximates.
struct LoessSmoother {
    let x: [Double]
    let y: [Double]
    var span = 0.75

    /// The weights l(x0) with fitted value l(x0)'y.
    func operatorRow(at x0: Double) -> [Double]? {
        let n = x.count
        let q = min(max(Int((Double(n) * span).rounded(.down)), 3), n)
        let distances = x.map { abs($0 - x0) }
        var rho = distances.sorted()[q - 1]
        if span > 1 { rho *= span }
        guard rho > 0 else { return nil }
        // Tricube weights, then weighted least squares on (1, d, d²) with d = x - x0.
        let weights = distances.map { d -> Double in
            let u = d / rho
            return u < 1 ? pow(1 - u * u * u, 3) : 0
        }
        var xtwx = [Double](repeating: 0, count: 9)
        for i in 0..<n where weights[i] > 0 {
            let d = x[i] - x0, basis = [1, d, d * d]
            for r in 0..<3 { for c in 0..<3 { xtwx[r + 3 * c] += weights[i] * basis[r] * basis[c] } }
        }
        // The first row of (X'WX)⁻¹, from the 3 x 3 system by Cramer's rule; a degenerate
        // neighbourhood (fewer than three distinct x) drops to a local line.
        guard let e1 = firstRowOfInverse(xtwx) ?? firstRowOfInverse2(xtwx) else { return nil }
        return (0..<n).map { i in
            guard weights[i] > 0 else { return 0 }
            let d = x[i] - x0
            return weights[i] * (e1[0] + e1[1] * d + e1[2] * d * d)
        }
    }

    private func firstRowOfInverse(_ m: [Double]) -> [Double]? {
        func a(_ r: Int, _ c: Int) -> Double { m[r + 3 * c] }
        let c00 = a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1)
        let c01 = -(a(1, 0) * a(2, 2) - a(1, 2) * a(2, 0))
        let c02 = a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0)
        let det = a(0, 0) * c00 + a(0, 1) * c01 + a(0, 2) * c02
        let scale = abs(a(0, 0) * a(1, 1) * a(2, 2))
        guard det.isFinite, abs(det) > 1e-12 * scale else { return nil }
        // Row 0 of the inverse is the first column of the cofactors over det (symmetric m).
        return [c00 / det, c01 / det, c02 / det]
    }

    private func firstRowOfInverse2(_ m: [Double]) -> [Double]? {
        let det = m[0] * m[4] - m[1] * m[3]
        guard det != 0 else { return nil }
        return [m[4] / det, -m[1] / det, 0]
    }

    /// The smooth at `grid`: fitted values, and the band's half-widths at confidence `level`.
    func fit(at grid: [Double], level: Double = 0.95) -> (fitted: [Double], halfWidth: [Double])? {
        let n = x.count
        guard n >= 4 else { return nil }
        // The operator on the data: residual maker I - L, its traces δ₁ and δ₂.
        var residualMaker = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            guard let row = operatorRow(at: x[i]) else { return nil }
            for j in 0..<n { residualMaker[i + j * n] = (i == j ? 1 : 0) - row[j] }
        }
        var rss = 0.0
        for i in 0..<n {
            var r = 0.0
            for j in 0..<n { r += residualMaker[i + j * n] * y[j] }
            rss += r * r
        }
        // C = (I - L)'(I - L); δ₁ = tr C, δ₂ = tr C² = ‖C‖²_F.
        var c = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            for i in 0...j {
                var s = 0.0
                for k in 0..<n { s += residualMaker[k + i * n] * residualMaker[k + j * n] }
                c[i + j * n] = s
                c[j + i * n] = s
            }
        }
        var delta1 = 0.0, delta2 = 0.0
        for i in 0..<n { delta1 += c[i + i * n] }
        for v in c { delta2 += v * v }
        guard delta1 > 0, delta2 > 0 else { return nil }
        let sigma = (rss / delta1).squareRoot()
        let t = qt(level / 2 + 0.5, delta1 * delta1 / delta2, 1, 0)
        var fitted: [Double] = [], half: [Double] = []
        for x0 in grid {
            guard let row = operatorRow(at: x0) else { return nil }
            fitted.append(zip(row, y).reduce(0) { $0 + $1.0 * $1.1 })
            half.append(t * sigma * row.reduce(0) { $0 + $1 * $1 }.squareRoot())
        }
        return (fitted, half)
    }
}
