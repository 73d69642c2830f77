import Foundation

/// lme4's checks after the optimizer (`checkConv`), on the gradient and Hessian of the objective
/// that `deriv12` computes by central differences at the optimum. Their words are lme4's.
public struct ConvergenceCheck {
    /// One finding, in lme4's words, and how lme4 signals it: a message (the singular fit), a
    /// warning, or not at all (kept for print and summary only).
    public struct Finding: Equatable {
        public enum Signal: Equatable { case message, warning, none }
        public let text: String
        public let signal: Signal
    }

    /// lmerControl's check.conv.grad tolerance.
    static let gradientTolerance = 2e-3
    /// lmerControl's check.conv.hess tolerance.
    static let hessianTolerance = 1e-6
    /// lmerControl's check.conv.singular tolerance.
    public static let singularTolerance = 1e-4

    /// lme4's deriv12(fun, x, delta = 1e-4, fx): the gradient by central differences and the
    /// Hessian from the same points and the four corners of each pair, with no bounds (lme4's
    /// optwrap passes none).
    static func derivatives(at x: [Double], value fx: Double, delta: Double = 1e-4,
                            _ f: ([Double]) -> Double) -> (gradient: [Double], hessian: [Double]) {
        let n = x.count
        var gradient = [Double](repeating: 0, count: n), hessian = [Double](repeating: 0, count: n * n)
        func moved(_ steps: [(Int, Double)]) -> [Double] {
            var point = x
            for (i, step) in steps { point[i] = x[i] + step }
            return point
        }
        for j in 0..<n {
            let up = f(moved([(j, delta)])), down = f(moved([(j, -delta)]))
            hessian[j + j * n] = up / (delta * delta) - 2 * fx / (delta * delta) + down / (delta * delta)
            gradient[j] = (up - down) / (delta + delta)
            for i in 0..<j {
                let both = 2 * delta
                let value = f(moved([(i, delta), (j, delta)])) / (both * both)
                    - f(moved([(i, delta), (j, -delta)])) / (both * both)
                    - f(moved([(i, -delta), (j, delta)])) / (both * both)
                    + f(moved([(i, -delta), (j, -delta)])) / (both * both)
                hessian[i + j * n] = value
                hessian[j + i * n] = value
            }
        }
        return (gradient, hessian)
    }

    /// lme4's isSingular(): a θ element bounded at 0 (a diagonal element of some λ) below the
    /// tolerance, by default check.conv.singular's.
    public static func isSingular(_ theta: [Double], lowerBounds: [Double], tolerance: Double = singularTolerance) -> Bool {
        zip(theta, lowerBounds).contains { $1 == 0 && $0 < tolerance }
    }

    /// The findings of checkConv for θ (after lme4's boundary rule) with derivatives taken at the
    /// optimizer's result, `derivatives` nil when lmerControl(calc.derivs = FALSE).
    static func findings(theta: [Double], lowerBounds: [Double],
                         derivatives: (gradient: [Double], hessian: [Double])?) -> [Finding] {
        if isSingular(theta, lowerBounds: lowerBounds) { return [Finding(text: "boundary (singular) fit: see help('isSingular')", signal: .message)] }
        guard let derivatives else { return [] }
        let (gradient, hessian) = derivatives
        let n = gradient.count
        guard gradient.allSatisfy({ !$0.isNaN }) else { return [Finding(text: "Gradient contains NAs", signal: .none)] }
        var findings = [Finding]()
        // The gradient scaled by the Cholesky factor: solve(chol(H), g), R upper triangular.
        var factor = hessian
        if let scaled = LAPACK.choleskyLower(&factor, n: n) ? LAPACK.solveTransposedLower(factor, n: n, gradient) : nil,
           !scaled.contains(where: \.isNaN) {
            let largest = zip(scaled, gradient).map { min(abs($0), abs($1)) }.max() ?? 0
            if largest > gradientTolerance {
                // lme4 names component which.max(max(...)), which is always 1.
                findings.append(Finding(text: "Model failed to converge with max|grad| = \(cFormatG(largest)) (tol = \(cFormatG(gradientTolerance)), component 1)",
                                        signal: .warning))
            }
        } else {
            findings.append(Finding(text: "unable to evaluate scaled gradient", signal: .warning))
        }
        let hessianMessages = checkHessian(hessian, n: n)
        if !hessianMessages.isEmpty {
            findings.append(Finding(text: hessianMessages.joined(separator: ";"), signal: .warning))
        }
        return findings
    }

    /// lme4's checkHess on the symmetric H.
    private static func checkHessian(_ hessian: [Double], n: Int) -> [String] {
        guard hessian.allSatisfy(\.isFinite), let eigen = LAPACK.symmetricEigen(hessian, n: n) else {
            return ["Problem with Hessian check (infinite or missing values?)"]
        }
        let values = eigen.values, tol = hessianTolerance
        let negative = values.filter { $0 < -tol }.count
        if negative > 0 {
            return ["Model failed to converge: degenerate  Hessian with \(negative) negative eigenvalues"]
        }
        var factor = hessian
        if values.contains(where: { abs($0) < tol }) || !LAPACK.choleskyLower(&factor, n: n) {
            return [" Hessian is numerically singular: parameters are not uniquely determined"]
        }
        guard let largest = values.max(), let smallest = values.min() else { return [] }
        var messages = [String]()
        if largest * tol > 1 { messages.append("Model is nearly unidentifiable: very large eigenvalue\n - Rescale variables?") }
        if smallest / largest < tol { messages.append("Model is nearly unidentifiable: large eigenvalue ratio\n - Rescale variables?") }
        return messages
    }

    /// C's %g, as gettextf uses it.
    static func cFormatG(_ x: Double) -> String { String(format: "%g", x) }
}

/// The words nloptr gives NLopt's result codes, which lme4 repeats in its warning and print.
enum NloptMessages {
    static func message(_ code: Int32) -> String {
        switch code {
        case 1: return "NLOPT_SUCCESS: Generic success return value."
        case 2: return "NLOPT_STOPVAL_REACHED: Optimization stopped because stopval (above) was reached."
        case 3: return "NLOPT_FTOL_REACHED: Optimization stopped because ftol_rel or ftol_abs (above) was reached."
        case 4: return "NLOPT_XTOL_REACHED: Optimization stopped because xtol_rel or xtol_abs (above) was reached."
        case 5: return "NLOPT_MAXEVAL_REACHED: Optimization stopped because maxeval (above) was reached."
        case 6: return "NLOPT_MAXTIME_REACHED: Optimization stopped because maxtime (above) was reached."
        case -1: return "NLOPT_FAILURE: Generic failure code."
        case -2: return "NLOPT_INVALID_ARGS: Invalid arguments (e.g. lower bounds are bigger than upper bounds, an unknown algorithm was specified, etcetera)."
        case -3: return "NLOPT_OUT_OF_MEMORY: Ran out of memory."
        case -4: return "NLOPT_ROUNDOFF_LIMITED: Roundoff errors led to a breakdown of the optimization algorithm. In this case, the returned minimum may still be useful. (e.g. this error occurs in NEWUOA if one tries to achieve a tolerance too close to machine precision.)"
        default: return "NLOPT_FORCED_STOP: Halted because of a forced termination: the user called nlopt_force_stop(opt) on the optimization's nlopt_opt object opt from the user's objective function or constraints."
        }
    }
}
