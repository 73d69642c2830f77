import Foundation

/// Cleveland's (1979) LOWESS, the robust locally weighted line of R's `lowess()` and of
/// `panel.smooth` in plot.lm's diagnostic plots. It follows the published algorithm as R's
/// clowess runs it: a window of ⌈f n⌉ nearest points in x, tricube weights, a weighted straight
/// line at each fitted point, points within `delta` of the last fitted one interpolated, and
/// `iterations` robustness passes with bisquare weights from six median absolute residuals.
enum Lowess {
    /// Fitted values at each x; `x` must be sorted ascending.
    static func fit(x: [Double], y: [Double], span f: Double = 2.0 / 3.0, iterations: Int = 3, delta: Double) -> [Double] {
        let n = x.count
        guard n >= 2 else { return y }
        // The window: f n points, at least two, at most n (the 1e-7 absorbs f n's rounding).
        let window = max(Int(min(f * Double(n) + 1e-7, Double(n))), 2)
        var fitted = [Double](repeating: 0, count: n)
        var robustness = [Double](repeating: 1, count: n)
        var residuals = [Double](repeating: 0, count: n)
        for pass in 0...iterations {
            var left = 0, right = window - 1, last = -1, i = 0
            while true {
                // Slide the window right while that brings its far end closer to x[i].
                if right < n - 1, x[i] - x[left] > x[right + 1] - x[i] {
                    left += 1
                    right += 1
                    continue
                }
                fitted[i] = localLine(x: x, y: y, at: i, left: left, right: right,
                                      robustness: pass > 0 ? robustness : nil) ?? y[i]
                // Points skipped since the last fit lie on the straight line between the two.
                if last < i - 1 {
                    let denominator = x[i] - x[last]
                    for j in (last + 1)..<i {
                        let alpha = (x[j] - x[last]) / denominator
                        fitted[j] = alpha * fitted[i] + (1 - alpha) * fitted[last]
                    }
                }
                last = i
                // Skip ahead past points within delta; ties take the value just fitted.
                let cut = x[last] + delta
                var next = last + 1
                while next < n, x[next] <= cut {
                    if x[next] == x[last] {
                        fitted[next] = fitted[last]
                        last = next
                    }
                    next += 1
                }
                i = max(last + 1, next - 1)
                if last >= n - 1 { break }
            }
            for j in 0..<n { residuals[j] = y[j] - fitted[j] }
            if pass == iterations { break }
            let scale = residuals.reduce(0) { $0 + abs($1) } / Double(n)
            // NaN (from an NA in y) sorts last, so the order stays a total one.
            let sorted = residuals.map(abs).sorted { !$0.isNaN && ($1.isNaN || $0 < $1) }
            let sixMedians = n % 2 == 0 ? 3 * (sorted[n / 2] + sorted[n - n / 2 - 1]) : 6 * sorted[n / 2]
            // A fit through (nearly) every point needs no robustness pass.
            if sixMedians < 1e-7 * scale { break }
            let high = 0.999 * sixMedians, low = 0.001 * sixMedians
            for j in 0..<n {
                let r = abs(residuals[j])
                robustness[j] = r <= low ? 1 : r <= high ? pow(1 - pow(r / sixMedians, 2), 2) : 0
            }
        }
        return fitted
    }

    /// The weighted straight line through the window's points evaluated at x[at], or nil when
    /// every weight is zero. The window extends right over points tied with its far end.
    private static func localLine(x: [Double], y: [Double], at: Int, left: Int, right: Int, robustness: [Double]?) -> Double? {
        let n = x.count, xs = x[at]
        let range = x[n - 1] - x[0]
        let h = max(xs - x[left], x[right] - xs)
        let h9 = 0.999 * h, h1 = 0.001 * h
        var weights: [Double] = [], total = 0.0
        var j = left
        while j < n {
            let r = abs(x[j] - xs)
            if r <= h9 {
                var w = r <= h1 ? 1 : pow(1 - pow(r / h, 3), 3)
                if let robustness { w *= robustness[j] }
                weights.append(w)
                total += w
            } else if x[j] > xs {
                break
            } else {
                weights.append(0)
            }
            j += 1
        }
        guard total > 0 else { return nil }
        weights = weights.map { $0 / total }
        if h > 0 {
            // A slope when the weighted points spread enough in x.
            var centre = 0.0
            for (k, w) in weights.enumerated() { centre += w * x[left + k] }
            var spread = 0.0
            for (k, w) in weights.enumerated() { spread += w * (x[left + k] - centre) * (x[left + k] - centre) }
            if spread.squareRoot() > 0.001 * range {
                let b = (xs - centre) / spread
                for k in weights.indices { weights[k] *= b * (x[left + k] - centre) + 1 }
            }
        }
        var value = 0.0
        for (k, w) in weights.enumerated() { value += w * y[left + k] }
        return value
    }
}

// MARK: - lowess()

extension Summaries {
    static func installLowess(_ interp: Interpreter) {
        interp.define("lowess", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "y", "f", "iter", "delta"], args, call: ctx.call)
            var x = try numbers(m["x"]), y: [Double]
            if let given = m["y"], !given.isNullValue {
                y = try numbers(given)
                guard x.count == y.count else { throw RError("'x' and 'y' lengths differ") }
            } else {
                y = x
                x = y.indices.map { Double($0 + 1) }
            }
            guard !x.isEmpty else { throw RError("invalid input") }
            let order = x.indices.sorted { (x[$0], $0) < (x[$1], $1) }
            x = order.map { x[$0] }
            y = order.map { y[$0] }
            let f = m["f"]?.scalarDouble() ?? 2.0 / 3.0
            let iterations = m["iter"]?.scalarDouble() ?? 3
            let range = (x.last ?? .nan) - (x.first ?? .nan)
            let delta = m["delta"]?.scalarDouble() ?? 0.01 * range
            guard f.isFinite, f > 0 else { throw RError("'f' must be finite and > 0") }
            guard iterations.isFinite, iterations >= 0 else { throw RError("'iter' must be finite and >= 0") }
            guard delta.isFinite, delta >= 0, x.allSatisfy(\.isFinite) else {
                throw RError("'delta' must be finite and > 0")
            }
            let fitted = Lowess.fit(x: x, y: y, span: f, iterations: Int(min(iterations, 1e6)), delta: delta)
            var out = RVector(.list([.double(x), .double(fitted)]))
            out.names = ["x", "y"]
            return .vector(out)
        })
    }
}
