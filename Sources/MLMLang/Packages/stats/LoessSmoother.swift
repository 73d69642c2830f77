import CRmath

/// stat_smooth(method = "loess") for one predictor: R's loess with its defaults (span 0.75,
/// degree 2, gaussian family, surface = "interpolate", statistics = "approximate", exact
/// trace of the hat matrix), after Cleveland's dloess as R ships it:
///
/// - the local fit at a point q: weighted least squares of y on (1, x − q, (x − q)²) over the
///   floor(n × span) nearest points with tricube weights, giving a value and a slope at q;
/// - a k-d tree (one dimension here) splitting the data at medians until a cell holds at most
///   floor(n × span × 0.2) points; the fit is computed at the cell vertices only and cubic
///   Hermite interpolation between them gives the curve, and, being linear in y, the hat
///   matrix's rows;
/// - σ̂ = √(RSS / δ₁) and t quantiles on δ₁² / δ₂ degrees of freedom, δ₁ and δ₂ from
///   Cleveland's approximation in the trace of the hat matrix (ehg141), whose coefficients are
///   the published ones.
struct LoessSmoother {
    let x: [Double]
    let y: [Double]
    var span = 0.75
    /// loess.control(cell = 0.2).
    var cell = 0.2

    /// A vertex's fitted value and slope, each as weights on y.
    struct VertexOperator {
        let position: Double
        let value: [Double]
        let slope: [Double]
    }

    /// The local quadratic at q: rows of (X'WX)⁻¹X'W for the intercept and the linear term.
    func localFit(at q: Double) -> (value: [Double], slope: [Double])? {
        let n = x.count
        // min() first: a span of 1e300 must not overflow the conversion to Int.
        let neighbours = Int(min(Double(n), (Double(n) * span).rounded(.down)))
        guard neighbours >= 3 else { return nil }
        let squared = x.map { ($0 - q) * ($0 - q) }
        var rho = squared.sorted()[neighbours - 1]
        rho *= max(1, span)
        guard rho > 0 else { return nil }
        let weights = squared.map { d -> Double in
            guard d < rho else { return 0 }
            let u = (d / rho).squareRoot()
            return pow(1 - u * u * u, 3)
        }
        var m = [Double](repeating: 0, count: 9)
        for i in 0..<n where weights[i] > 0 {
            let d = x[i] - q, basis = [1, d, d * d]
            for r in 0..<3 { for c in 0..<3 { m[r + 3 * c] += weights[i] * basis[r] * basis[c] } }
        }
        guard let inverse = Self.inverse3(m) else { return nil }
        var value = [Double](repeating: 0, count: n), slope = value
        for i in 0..<n where weights[i] > 0 {
            let d = x[i] - q
            value[i] = weights[i] * (inverse[0] + inverse[3] * d + inverse[6] * d * d)
            slope[i] = weights[i] * (inverse[1] + inverse[4] * d + inverse[7] * d * d)
        }
        return (value, slope)
    }

    /// The inverse of a symmetric positive definite 3 x 3 matrix (column-major), nil if singular.
    private static func inverse3(_ a: [Double]) -> [Double]? {
        func e(_ r: Int, _ c: Int) -> Double { a[r + 3 * c] }
        let c00 = e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1), c01 = e(1, 2) * e(2, 0) - e(1, 0) * e(2, 2)
        let c02 = e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0), c11 = e(0, 0) * e(2, 2) - e(0, 2) * e(2, 0)
        let c12 = e(0, 1) * e(2, 0) - e(0, 0) * e(2, 1), c22 = e(0, 0) * e(1, 1) - e(0, 1) * e(1, 0)
        let det = e(0, 0) * c00 + e(0, 1) * c01 + e(0, 2) * c02
        guard det.isFinite, abs(det) > 1e-13 * abs(e(0, 0) * e(1, 1) * e(2, 2)) else { return nil }
        return [c00, c01, c02, c01, c11, c12, c02, c12, c22].map { $0 / det }
    }

    /// The vertices of dloess's k-d tree: the data's range widened by 0.5%, split at medians
    /// (ties kept together) until a cell holds at most floor(n × span × cell) points.
    func vertices() -> [Double] {
        let sorted = x.sorted(), n = sorted.count
        guard let lo = sorted.first, let hi = sorted.last else { return [] }
        let margin = 0.005 * max(hi - lo, 1e-10 * max(abs(lo), abs(hi)) + 1e-30)
        var points = [lo - margin, hi + margin]
        let capacity = Int(min(Double(n), (Double(n) * span * cell).rounded(.down)))
        // Cells as (first, last) positions in the sorted data, with their two vertices.
        var cells: [(Int, Int, Double, Double)] = [(0, n - 1, lo - margin, hi + margin)]
        var p = 0
        while p < cells.count {
            let (l, u, left, right) = cells[p]
            p += 1
            guard u - l + 1 > capacity else { continue }
            var m = (l + u) / 2
            // The median's ties go to the upper cell: look outwards for a change of value.
            var offset = 0
            while m + offset < u && m + offset >= l {
                if sorted[m + offset] == sorted[m + offset + 1] {
                    offset = -offset
                    if offset >= 0 { offset += 1 }
                } else {
                    m += offset
                    break
                }
            }
            let split = sorted[m]
            guard split != left && split != right else { continue }
            points.append(split)
            cells.append((l, m, left, split))
            cells.append((m + 1, u, split, right))
        }
        return points.sorted()
    }

    /// The interpolated operator at z: Hermite blending of the enclosing cell's vertices.
    private static func interpolate(_ z: Double, _ vertices: [VertexOperator]) -> [Double] {
        // The cell: the last vertex at or below z starts it (z on a split belongs to the lower cell).
        var k = 0
        while k + 2 < vertices.count && vertices[k + 1].position < z { k += 1 }
        let v0 = vertices[k], v1 = vertices[k + 1]
        let width = v1.position - v0.position
        let basis = hermite((z - v0.position) / width)
        return v0.value.indices.map { i in
            basis.phi0 * v0.value[i] + basis.phi1 * v1.value[i] + (basis.psi0 * v0.slope[i] + basis.psi1 * v1.slope[i]) * width
        }
    }

    /// The smooth at `grid`: fitted values, and the band's half-widths at confidence `level`.
    func fit(at grid: [Double], level: Double = 0.95) -> (fitted: [Double], halfWidth: [Double])? {
        let n = x.count
        guard n >= 4, span.isFinite, span > 0 else { return nil }
        var operators: [VertexOperator] = []
        for v in vertices() {
            guard let local = localFit(at: v) else { return nil }
            operators.append(VertexOperator(position: v, value: local.value, slope: local.slope))
        }
        guard operators.count >= 2 else { return nil }
        // Residuals and the trace of the (interpolated) hat matrix.
        var rss = 0.0, trace = 0.0
        for i in 0..<n {
            let row = Self.interpolate(x[i], operators)
            let fitted = zip(row, y).reduce(0) { $0 + $1.0 * $1.1 }
            rss += (y[i] - fitted) * (y[i] - fitted)
            trace += row[i]
        }
        guard let (delta1, delta2) = Self.approximateDeltas(trace: trace, n: n), delta1 > 0, delta2 > 0 else { return nil }
        let sigma = (rss / delta1).squareRoot()
        let t = qt(level / 2 + 0.5, delta1 * delta1 / delta2, 1, 0)
        var fitted: [Double] = [], half: [Double] = []
        for z in grid {
            let row = Self.interpolate(z, operators)
            fitted.append(zip(row, y).reduce(0) { $0 + $1.0 * $1.1 })
            half.append(t * sigma * row.reduce(0) { $0 + $1 * $1 }.squareRoot())
        }
        return (fitted, half)
    }

    // MARK: - Cleveland's approximation of δ₁ = tr (I − L)'(I − L) and δ₂ = tr [(I − L)'(I − L)]²

    /// For one predictor and degree 2 (loess's lowesa with τ = 3, which is ehg141 at degree 2):
    /// δ = n − tr(L) exp(c₁ z^c₂ (1 − z)^c₃ e^{g(z)}), z = (√(τ / tr L) − √(τ / n)) / (1 − √(τ / n)).
    static func approximateDeltas(trace: Double, n: Int) -> (Double, Double)? {
        guard trace > 0 else { return nil }
        let tau = 3.0
        let corx = (tau / Double(n)).squareRoot()
        var z = ((tau / trace).squareRoot() - corx) / (1 - corx)
        z = min(1, max(0, z))
        let c4 = exp(correction(z))
        func delta(_ c: (Double, Double, Double)) -> Double {
            Double(n) - trace * exp(c.0 * pow(z, c.1) * pow(1 - z, c.2) * c4)
        }
        return (delta((0.1611761, 0.3091323, 0.4401023)), delta((0.2075670, 0.2822574, 0.2369957)))
    }

    /// dloess's ehg176: a fixed cubic Hermite curve on [0, 1] through these knots (position,
    /// value, slope).
    private static let correctionKnots: [(Double, Double, Double)] = [
        (-0.005, -9.0572e-2, 4.4844), (0.1204, 9.5807e-2, -0.7978), (0.2017, 2.6152e-2, -0.7286),
        (0.2815, -3.1926e-2, -0.4457), (0.3705, -5.3718e-2, -0.3495), (0.4536, -6.4170e-2, 3.2813e-2),
        (0.5591, -5.8387e-2, 0.1611), (0.7132, -2.0636e-2, 0.3350), (0.8751, 4.0172e-2, -4.1032e-2),
        (1.005, -1.0856e-2, -0.7736),
    ]

    private static func correction(_ z: Double) -> Double {
        let knots = correctionKnots
        var k = 0
        while k + 2 < knots.count && knots[k + 1].0 < z { k += 1 }
        let (a, fa, sa) = knots[k], (b, fb, sb) = knots[k + 1]
        let basis = hermite((z - a) / (b - a))
        return basis.phi0 * fa + basis.phi1 * fb + (basis.psi0 * sa + basis.psi1 * sb) * (b - a)
    }

    /// The cubic Hermite basis at h in [0, 1]: weights of the two end values and (times the
    /// interval's width) of the two end slopes.
    private static func hermite(_ h: Double) -> (phi0: Double, phi1: Double, psi0: Double, psi1: Double) {
        ((1 - h) * (1 - h) * (1 + 2 * h), h * h * (3 - 2 * h), h * (1 - h) * (1 - h), h * h * (h - 1))
    }
}
