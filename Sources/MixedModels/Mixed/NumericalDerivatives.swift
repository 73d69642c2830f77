import Foundation

/// numDeriv's (2016.8-1.1) Richardson-extrapolated derivatives: `hessian` (through `genD`) and
/// `jacobian`, step for step as the R code takes them, so that results computed from them, such
/// as lmerTest's Satterthwaite degrees of freedom, agree with R's to rounding. The steps are
/// large (a tenth of x for the Hessian), so the truncation error R leaves in is part of what
/// lmerTest reports: matching it needs the same steps and the same extrapolation, not a more
/// accurate derivative. Matrices are column-major `[Double]`.
public enum NumericalDerivatives {
    /// numDeriv's `method.args` for method "Richardson".
    public struct Settings: Equatable {
        /// Absolute step for elements of x below `zeroTolerance` in magnitude.
        public var eps: Double
        /// Relative step: the first step of element i is |d x_i|.
        public var d: Double
        public var zeroTolerance: Double
        /// Number of step halvings (Richardson iterations).
        public var r: Int

        public init(eps: Double, d: Double, zeroTolerance: Double, r: Int) {
            self.eps = eps
            self.d = d
            self.zeroTolerance = zeroTolerance
            self.r = r
        }

        /// numDeriv's zero.tol default, sqrt(.Machine$double.eps / 7e-7).
        public static let defaultZeroTolerance = (Double.ulpOfOne / 7e-7).squareRoot()

        /// `jacobian`'s defaults (and `grad`'s): d = 1e-4.
        public static let jacobian = Settings(eps: 1e-4, d: 1e-4, zeroTolerance: defaultZeroTolerance, r: 4)

        /// `hessian`'s defaults, which it hands to `genD`: d = 0.1, not genD's own 1e-4.
        public static let hessian = Settings(eps: 1e-4, d: 0.1, zeroTolerance: defaultZeroTolerance, r: 4)

        /// numDeriv's v: each step is half the one before. The extrapolation weights 4^m below
        /// assume it, as numDeriv's do (genD refuses any other v).
        static let v = 2.0

        /// The first step of each element: abs(d * x) + eps * (abs(x) < zero.tol).
        func initialSteps(_ x: [Double]) -> [Double] {
            x.map { abs(d * $0) + ($0.magnitude < zeroTolerance ? eps : 0) }
        }
    }

    /// `numDeriv::hessian(f, x)` for a scalar f: n x n. Calls f 1 + 2rn + rn(n − 1) times.
    public static func hessian(_ f: ([Double]) throws -> Double, at x: [Double],
                               settings: Settings = .hessian) rethrows -> [Double] {
        let n = x.count, r = settings.r
        let steps = settings.initialSteps(x)
        let f0 = try f(x)
        var hessian = [Double](repeating: 0, count: n * n)
        // genD's first pass: the diagonal from second differences along each axis.
        var diagonal = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var h = steps, approximations = [Double]()
            for _ in 0..<r {
                let f1 = try f(shifted(x, by: h, along: [i], sign: 1))
                let f2 = try f(shifted(x, by: h, along: [i], sign: -1))
                approximations.append((f1 - 2 * f0 + f2) / (h[i] * h[i]))
                h = h.map { $0 / Settings.v }
            }
            diagonal[i] = extrapolate(approximations)
            hessian[i + i * n] = diagonal[i]
        }
        // Off the diagonal: steps along both axes at once, less the two diagonal contributions.
        for i in 0..<n {
            for j in 0..<i {
                var h = steps, approximations = [Double]()
                for _ in 0..<r {
                    let f1 = try f(shifted(x, by: h, along: [i, j], sign: 1))
                    let f2 = try f(shifted(x, by: h, along: [i, j], sign: -1))
                    approximations.append((f1 - 2 * f0 + f2 - diagonal[i] * (h[i] * h[i]) - diagonal[j] * (h[j] * h[j]))
                                          / (2 * h[i] * h[j]))
                    h = h.map { $0 / Settings.v }
                }
                let value = extrapolate(approximations)
                hessian[i + j * n] = value
                hessian[j + i * n] = value
            }
        }
        return hessian
    }

    /// `numDeriv::jacobian(f, x)` (side = NULL): m x n for f with m values. Calls f 1 + 2rn times
    /// (the first, as numDeriv's, only to learn m).
    public static func jacobian(_ f: ([Double]) throws -> [Double], at x: [Double],
                                settings: Settings = .jacobian) rethrows -> [Double] {
        let n = x.count, r = settings.r
        let m = try f(x).count
        var jacobian = [Double](repeating: 0, count: m * n)
        var approximations = [[[Double]]](repeating: [], count: n)
        var h = settings.initialSteps(x)
        // numDeriv's loop order: step size outside, coordinate inside.
        for _ in 0..<r {
            for i in 0..<n {
                let plus = try f(shifted(x, by: h, along: [i], sign: 1))
                let minus = try f(shifted(x, by: h, along: [i], sign: -1))
                approximations[i].append(zip(plus, minus).map { ($0 - $1) / (2 * h[i]) })
            }
            h = h.map { $0 / Settings.v }
        }
        for i in 0..<n {
            for row in 0..<m {
                jacobian[row + i * m] = extrapolate(approximations[i].map { $0[row] })
            }
        }
        return jacobian
    }

    /// x with h added to (sign 1) or subtracted from (sign −1) the elements in `axes`, one axis
    /// after the other as R's `x + e_i * h + e_j * h` adds them.
    private static func shifted(_ x: [Double], by h: [Double], along axes: [Int], sign: Double) -> [Double] {
        var moved = x
        for axis in axes {
            moved[axis] = sign > 0 ? moved[axis] + h[axis] : moved[axis] - h[axis]
        }
        return moved
    }

    /// Richardson extrapolation of estimates at steps h, h/2, h/4, ...: r − 1 rounds of
    /// a_k := (4^m a_{k+1} − a_k) / (4^m − 1), each cancelling the next even power of h.
    private static func extrapolate(_ estimates: [Double]) -> Double {
        var a = estimates
        guard a.count > 1 else { return a.first ?? .nan }
        for m in 1..<a.count {
            let weight = pow(4.0, Double(m))
            for k in 0..<(a.count - m) {
                a[k] = (a[k + 1] * weight - a[k]) / (weight - 1)
            }
        }
        return a[0]
    }

    /// The Hessian of f at x by plain central differences with the given steps: second
    /// differences on the diagonal, four-point differences off it. Column-major n x n; calls f
    /// 1 + 2n + 2n(n − 1) times. For smooth objectives whose rounding needs steps well above
    /// the cube root of the machine epsilon (nlme's apVar on the lmer core, Newton steps).
    public static func centralHessian(_ f: ([Double]) -> Double, at x: [Double], steps h: [Double]) -> [Double] {
        let n = x.count
        func at(_ moves: [(Int, Double)]) -> Double {
            var y = x
            for (i, sign) in moves { y[i] += sign * h[i] }
            return f(y)
        }
        let f0 = f(x)
        var hessian = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            hessian[i + i * n] = (at([(i, 1)]) - 2 * f0 + at([(i, -1)])) / (h[i] * h[i])
            for j in 0..<i {
                let value = (at([(i, 1), (j, 1)]) - at([(i, 1), (j, -1)]) - at([(i, -1), (j, 1)])
                    + at([(i, -1), (j, -1)])) / (4 * h[i] * h[j])
                hessian[i + j * n] = value
                hessian[j + i * n] = value
            }
        }
        return hessian
    }
}
