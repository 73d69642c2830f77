import Foundation

/// M. J. D. Powell's BOBYQA as the R package minqa (1.2.5, Debian 12's r-cran-minqa) runs it:
/// the optimizer of lme4's `bobyqa` and of glmer's first stage. Unlike NLopt's version
/// (BOBYQA.swift) it keeps minqa's defaults (npt = n + 2), step rules and stopping rules, and
/// it evaluates every floating-point expression in the Fortran's order, so that it visits the
/// same points as minqa to the last bit.
///
/// The files: this one is minqa's R wrapper and Powell's BOBYQA entry routine; +State holds the
/// solver's data; +Initial is PRELIM, +Iteration BOBYQB's main loop, +TrustRegion TRSBOX,
/// +AlternativeStep ALTMOV, +Update UPDATE and +Rescue RESCUE.
enum PowellBOBYQA {
    struct Result {
        let x: [Double]
        /// The objective at `x`, evaluated once more after the run as minqa's `fval` is.
        let minimum: Double
        /// Calls of the objective by the algorithm (minqa's `feval`): without the check call
        /// before the run and the call for `minimum` after it.
        let evaluations: Int
        /// minqa's `ierr`: 0 normal exit, 1 evaluation limit, 2 bad npt, 3 a trust-region step
        /// failed to reduce the model, 4 a range of the bounds below 2 rhobeg, 5 cancellation.
        let code: Int
        let message: String
    }

    /// One of the errors with which minqa stops (its `stop()` and `stopifnot()` messages).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// minqa's `bobyqa(par, fn, lower, upper, control)`: nil arguments take minqa's defaults,
    /// npt = n + 2 (at least n + 2, at most (n + 1)(n + 2)/2), rhobeg = min(0.95,
    /// 0.2 max|start|), rhoend = 1e-6 rhobeg. Bounds of length one apply to every variable.
    ///
    /// Like minqa, evaluates `f` once at `start` before the run (minqa checks the value is a
    /// number) and once at the answer after it; a stateful objective (a GLMM's PIRLS state) is
    /// thus left where minqa leaves it. The algorithm's own calls come in between.
    static func minimize(start: [Double], lower: [Double], upper: [Double], npt: Int? = nil, rhobeg: Double? = nil,
                         rhoend: Double? = nil, maxEvaluations: Int = 10_000,
                         _ f: ([Double]) -> Double) throws -> Result {
        // minqa's commonArgs: settings and their checks.
        let n = start.count
        guard start.allSatisfy(\.isFinite) else { throw Failure(description: "all(is.finite(par)) is not TRUE") }
        let npt = max(n + 2, min(npt ?? min(n + 2, 2 * n), (n + 1) * (n + 2) / 2))
        // R's max() of an empty vector is -Inf, which fails the rhoend check below as in R.
        var rhobeg = rhobeg ?? min(0.95, 0.2 * (start.map(abs).max() ?? -.infinity))
        let rhoend = rhoend ?? 1.0e-6 * rhobeg
        guard 0 < rhoend else { throw Failure(description: "0 < ctrl$rhoend is not TRUE") }
        guard rhoend <= rhobeg else { throw Failure(description: "ctrl$rhoend <= ctrl$rhobeg is not TRUE") }

        // minqa's bobyqa(): the check call, the bounds, and rhobeg shrunk to fit them.
        _ = f(start)
        let lower = lower.count == 1 ? [Double](repeating: lower[0], count: n) : lower
        let upper = upper.count == 1 ? [Double](repeating: upper[0], count: n) : upper
        guard lower.count == n else { throw Failure(description: "length(lower) == n is not TRUE") }
        guard upper.count == n else { throw Failure(description: "length(upper) == n is not TRUE") }
        guard zip(lower, upper).allSatisfy({ $0 < $1 }) else {
            throw Failure(description: "all(lower < upper) is not TRUE")
        }
        var par = start
        if zip(par, zip(lower, upper)).contains(where: { $0 < $1.0 || $0 > $1.1 }) {
            throw Failure(description: "Starting values violate bounds")
        }
        let rng = zip(upper, lower).map { $0 - $1 }
        if rng.contains(where: { $0 < 2 * rhobeg }) {
            rhobeg = 0.2 * rng.min()!
        }
        // minqa's "Jens modification" for finite boxes. After the change of rhobeg just above no
        // range is below rhobeg, so it never fires; it is kept for fidelity.
        if upper.allSatisfy(\.isFinite) && lower.allSatisfy(\.isFinite)
            && zip(par, lower).allSatisfy({ $0 >= $1 }) && zip(par, upper).allSatisfy({ $0 <= $1 }) {
            for i in 0..<n where rng[i] < rhobeg { par[i] = lower[i] + rhobeg }
            for i in 0..<n where rng[i] < rhobeg { par[i] = upper[i] - rhobeg }
        }

        let (x, evaluations, stop) = try withoutActuallyEscaping(f) { objective in
            var solver = Solver(start: par, lower: lower, upper: upper, npt: npt, rhobeg: rhobeg,
                                rhoend: rhoend, maxfun: maxEvaluations, objective: objective)
            try solver.bobyqa()
            return (solver.x, solver.evaluations, solver.stop)
        }
        // minqa's rval() evaluates the objective at the answer for `fval`, outside the count.
        let minimum = f(x)
        let (code, message) = rCode(stop)
        return Result(x: x, minimum: minimum, evaluations: evaluations, code: code, message: message)
    }

    /// minqa's translation of the Fortran's IERR for R.
    private static func rCode(_ stop: Stop) -> (Int, String) {
        switch stop {
        case .normal: return (0, "Normal exit from bobyqa")
        case .evaluationLimit: return (1, "bobyqa -- maximum number of function evaluations exceeded")
        case .badNpt: return (2, "bobyqa -- NPT is not in the required interval")
        case .noReduction: return (3, "bobyqa -- a trust region step failed to reduce q")
        case .rangeTooSmall: return (4, "bobyqa -- one of the box constraint ranges is too small (< 2*RHOBEG)")
        case .cancellation: return (5, "bobyqa detected too much cancellation in denominator")
        }
    }
}

extension PowellBOBYQA.Solver {
    /// Powell's BOBYQA entry routine: checks npt and the ranges of the bounds, moves a start
    /// within rhobeg of a bound onto that bound or to rhobeg inside it (so that PRELIM's steps
    /// of length rhobeg stay feasible), records the bounds relative to the start in sl and su,
    /// and runs BOBYQB.
    mutating func bobyqa() throws {
        guard npt >= n + 2 && npt <= (n + 2) * (n + 1) / 2 else {
            stop = .badNpt
            return
        }
        for j in 0..<n {
            let temp = upper[j] - lower[j]
            if temp < rhobeg + rhobeg {
                // Powell returns at once; variables already moved stay moved.
                stop = .rangeTooSmall
                return
            }
            sl[j] = lower[j] - x[j]
            su[j] = upper[j] - x[j]
            if sl[j] >= -rhobeg {
                if sl[j] >= 0 {
                    x[j] = lower[j]
                    sl[j] = 0
                    su[j] = temp
                } else {
                    x[j] = lower[j] + rhobeg
                    sl[j] = -rhobeg
                    su[j] = dmax1(upper[j] - x[j], rhobeg)
                }
            } else if su[j] <= rhobeg {
                if su[j] <= 0 {
                    x[j] = upper[j]
                    sl[j] = -temp
                    su[j] = 0
                } else {
                    x[j] = upper[j] - rhobeg
                    sl[j] = dmin1(lower[j] - x[j], -rhobeg)
                    su[j] = rhobeg
                }
            }
        }
        try run()
    }
}
