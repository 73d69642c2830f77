/// R's interpolating cubic splines (spline() and splinefun() with method = "fmm"), shared by
/// stats' profile intervals and the colour ramps of viridis palettes.
public enum CubicSpline {
    /// Forsythe, Malcolm and Moler's cubic spline coefficients (R's fmm_spline): end conditions
    /// from cubics through the first and last four points. x is sorted and without ties.
    public static func fmmCoefficients(_ x: [Double], _ y: [Double], _ b: inout [Double], _ c: inout [Double], _ d: inout [Double]) {
        let n = x.count
        if n < 3 {
            b[0] = (y[1] - y[0]) / (x[1] - x[0])
            b[1] = b[0]
            return
        }
        let nm1 = n - 1
        // 0-based transcription of the 1-based algorithm: index k here is k + 1 there.
        d[0] = x[1] - x[0]
        c[1] = (y[1] - y[0]) / d[0]
        for i in 1..<nm1 {
            d[i] = x[i + 1] - x[i]
            b[i] = 2 * (d[i - 1] + d[i])
            c[i + 1] = (y[i + 1] - y[i]) / d[i]
            c[i] = c[i + 1] - c[i]
        }
        b[0] = -d[0]
        b[nm1] = -d[nm1 - 1]
        c[0] = 0
        c[nm1] = 0
        if n > 3 {
            c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0])
            c[nm1] = c[nm1 - 1] / (x[nm1] - x[n - 3]) - c[n - 3] / (x[nm1 - 1] - x[n - 4])
            c[0] = c[0] * d[0] * d[0] / (x[3] - x[0])
            c[nm1] = -c[nm1] * d[nm1 - 1] * d[nm1 - 1] / (x[nm1] - x[n - 4])
        }
        for i in 1..<n {
            let t = d[i - 1] / b[i - 1]
            b[i] = b[i] - t * d[i - 1]
            c[i] = c[i] - t * c[i - 1]
        }
        c[nm1] = c[nm1] / b[nm1]
        for i in stride(from: nm1 - 1, through: 0, by: -1) {
            c[i] = (c[i] - d[i] * c[i + 1]) / b[i]
        }
        b[nm1] = (y[nm1] - y[nm1 - 1]) / d[nm1 - 1] + d[nm1 - 1] * (c[nm1 - 1] + 2 * c[nm1])
        for i in 0..<nm1 {
            b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i])
            d[i] = (c[i + 1] - c[i]) / d[i]
            c[i] = 3 * c[i]
        }
        c[nm1] = 3 * c[nm1]
        d[nm1] = d[nm1 - 1]
    }

    /// The spline through (x, y) as a function (splinefun(x, y, method = "fmm")), for x sorted
    /// and without ties.
    public static func function(x: [Double], y: [Double]) -> (Double) -> Double {
        let n = x.count
        guard n >= 2, y.count == n else { return { _ in .nan } }
        var b = [Double](repeating: 0, count: n), c = b, d = b
        fmmCoefficients(x, y, &b, &c, &d)
        return { u in
            // spline_eval: the interval by bisection, then the cubic in dx.
            var i = 0, j = n
            if u < x[0] || (n > 1 && x[1] <= u) {
                repeat {
                    let k = (i + j) / 2
                    if u < x[k] { j = k } else { i = k }
                } while j > i + 1
            }
            let dx = u - x[i]
            return y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]))
        }
    }
}
