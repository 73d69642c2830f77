/// The kernel under stats' uniroot(): Brent's zero finder (Forsythe, Malcolm and Moler,
/// "Computer Methods for Mathematical Computations", 1977), which alternates bisection with
/// secant and inverse quadratic interpolation steps. uniroot() itself is written in R
/// (UnirootRSource); R's tests (fisher.test's odds-ratio limits, wilcox.test's intervals) print
/// roots to seven digits, so the steps are taken exactly as that algorithm takes them.
enum RootFinding {
    struct Result {
        var root: Double
        /// Iterations used, or -1 when maxIterations ran out first.
        var iterations: Int
        var estimatedPrecision: Double
    }

    static func brent(lower: Double, upper: Double, fLower: Double, fUpper: Double, tolerance: Double,
                      maxIterations: Int, f: (Double) throws -> Double) rethrows -> Result {
        // b: best estimate; a: previous estimate; c: the point bracketing the root with b.
        var a = lower, b = upper, c = lower
        var fa = fLower, fb = fUpper, fc = fLower
        if fa == 0 { return Result(root: a, iterations: 0, estimatedPrecision: 0) }
        if fb == 0 { return Result(root: b, iterations: 0, estimatedPrecision: 0) }
        var remaining = maxIterations + 1
        while remaining > 0 {
            remaining -= 1
            let previousStep = b - a
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let actualTolerance = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            var step = (c - b) / 2
            if abs(step) <= actualTolerance || fb == 0 {
                return Result(root: b, iterations: maxIterations - remaining, estimatedPrecision: abs(c - b))
            }
            if abs(previousStep) >= actualTolerance && abs(fa) > abs(fb) {
                let cb = c - b
                var p: Double, q: Double
                if a == c {
                    // Two distinct points: a secant step.
                    let t1 = fb / fa
                    p = cb * t1
                    q = 1 - t1
                } else {
                    // Three: inverse quadratic interpolation.
                    let qa = fa / fc, t1 = fb / fc, t2 = fb / fa
                    p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
                    q = (qa - 1) * (t1 - 1) * (t2 - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                // Accept the interpolated point only well inside [b, c] and shrinking fast enough.
                if p < 0.75 * cb * q - abs(actualTolerance * q) / 2 && p < abs(previousStep * q / 2) {
                    step = p / q
                }
            }
            if abs(step) < actualTolerance { step = step > 0 ? actualTolerance : -actualTolerance }
            a = b; fa = fb
            b += step
            fb = try f(b)
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) { c = a; fc = fa }
        }
        return Result(root: b, iterations: -1, estimatedPrecision: abs(c - b))
    }

    static func install(_ interp: Interpreter) {
        // .Internal(zeroin2(f, lower, upper, f.lower, f.upper, tol, maxiter)):
        // c(root, iterations, estimated precision).
        interp.defineInternal("zeroin2", { ctx, args in
            guard args.count == 7 else { throw RError("zeroin2 needs 7 arguments") }
            let f = args[0].value
            func number(_ k: Int) throws -> Double {
                guard let d = args[k].value.asVector.flatMap(Coerce.doubles)?.first else { throw RError("invalid '\(["f", "xmin", "xmax", "f.lower", "f.upper", "tol", "maxiter"][k])' value") }
                return d
            }
            let lower = try number(1), upper = try number(2)
            guard lower.isFinite else { throw RError("invalid 'xmin' value") }
            guard upper.isFinite else { throw RError("invalid 'xmax' value") }
            guard lower < upper else { throw RError("'xmin' not less than 'xmax'") }
            let fLower = try finiteValue(try number(3), ctx), fUpper = try finiteValue(try number(4), ctx)
            if fLower * fUpper > 0 { throw RError("f() values at end points not of opposite sign") }
            let tolerance = try number(5)
            guard tolerance.isFinite, tolerance > 0 else { throw RError("invalid 'tol' value") }
            let iterationsGiven = try number(6)
            guard iterationsGiven.isFinite, iterationsGiven > 0 else { throw RError("'maxiter' must be positive") }
            let maxIterations = Int(min(iterationsGiven, 1e9))
            let result = try brent(lower: lower, upper: upper, fLower: fLower, fUpper: fUpper, tolerance: tolerance,
                                   maxIterations: maxIterations) { x in
                let value = try ctx.interpreter.callValue(f, [EvaluatedArgument(.scalar(x))], env: ctx.env)
                guard let y = value.asVector.flatMap(Coerce.doubles), y.count == 1 else {
                    throw RError("invalid function value in 'zeroin'")
                }
                return try finiteValue(y[0], ctx)
            }
            return .vector(RVector(.double([result.root, Double(result.iterations), result.estimatedPrecision])))
        })
    }

    /// R's replacements for infinite function values (the largest finite numbers, with a
    /// warning); NA stops the search.
    private static func finiteValue(_ y: Double, _ ctx: CallContext) throws -> Double {
        if y.isNaN { throw RError("f() values at end points not of opposite sign") }
        if y == .infinity {
            ctx.interpreter.warning("Inf replaced by maximum positive value", call: nil)
            return .greatestFiniteMagnitude
        }
        if y == -.infinity {
            ctx.interpreter.warning("-Inf replaced by maximally negative value", call: nil)
            return -.greatestFiniteMagnitude
        }
        return y
    }
}

/// stats' uniroot(), written in R over the zeroin2 kernel, with R's interval extension
/// (extendInt) and its result list.
enum UnirootRSource {
    static let source = RSource(functions: ["uniroot"], code: #"""
uniroot <- function(f, interval, ..., lower = min(interval), upper = max(interval),
                    f.lower = f(lower, ...), f.upper = f(upper, ...),
                    extendInt = c("no", "yes", "downX", "upX"), check.conv = FALSE,
                    tol = .Machine$double.eps^0.25, maxiter = 1000, trace = 0) {
  if (!missing(interval) && length(interval) != 2L) stop("'interval' must be a vector of length 2")
  if (!is.numeric(lower) || !is.numeric(upper) || lower >= upper) stop("lower < upper  is not fulfilled")
  if (is.na(f.lower)) stop("f.lower = f(lower) is NA")
  if (is.na(f.upper)) stop("f.upper = f(upper) is NA")
  # The direction the function must cross zero in: NULL for either, 0 for no extension.
  direction <- switch(match.arg(extendInt), yes = NULL, downX = -1, no = 0, upX = 1)
  clamp <- function(v) max(min(v, .Machine$double.xmax), -.Machine$double.xmax)
  fl <- clamp(f.lower); fu <- clamp(f.upper)
  extend <- (is.null(direction) && fl * fu > 0) ||
    (is.numeric(direction) && (direction * fl > 0 || direction * fu < 0))
  widened <- NA_integer_
  if (extend) {
    step <- function(u) 0.01 * pmax(1e-4, abs(u))
    widened <- 0L
    if (is.null(direction)) {
      delta <- step(c(lower, upper))
      while (isTRUE(f.lower * f.upper > 0) && any(finite <- is.finite(c(lower, upper)))) {
        if ((widened <- widened + 1L) > maxiter) stop(gettextf("no sign change found in %d iterations", widened - 1))
        if (finite[1]) {
          previous <- c(lower, f.lower)
          lower <- lower - delta[1]; f.lower <- f(lower, ...)
          if (is.na(f.lower)) { lower <- previous[1]; f.lower <- previous[2]; delta[1] <- delta[1] / 4 }
        }
        if (finite[2]) {
          previous <- c(upper, f.upper)
          upper <- upper + delta[2]; f.upper <- f(upper, ...)
          if (is.na(f.upper)) { upper <- previous[1]; f.upper <- previous[2]; delta[2] <- delta[2] / 4 }
        }
        delta <- 2 * delta
      }
    } else {
      delta <- step(lower)
      while (isTRUE(direction * f.lower > 0)) {
        if ((widened <- widened + 1L) > maxiter) stop(gettextf("no sign change found in %d iterations", widened - 1))
        lower <- lower - delta; f.lower <- f(lower, ...)
        delta <- 2 * delta
      }
      delta <- step(upper)
      while (isTRUE(direction * f.upper < 0)) {
        if ((widened <- widened + 1L) > maxiter) stop(gettextf("no sign change found in %d iterations", widened - 1))
        upper <- upper + delta; f.upper <- f(upper, ...)
        delta <- 2 * delta
      }
    }
  }
  if (!isTRUE(as.vector(sign(f.lower) * sign(f.upper) <= 0)))
    stop(if (extend) "did not succeed extending the interval endpoints for f(lower) * f(upper) <= 0"
         else "f() values at end points not of opposite sign")
  found <- .Internal(zeroin2(function(arg) f(arg, ...), lower, upper, f.lower, f.upper, tol, as.integer(maxiter)))
  iter <- as.integer(found[2L])
  if (iter < 0) {
    (if (check.conv) stop else warning)(sprintf(if (maxiter == 1) "_NOT_ converged in %d iteration" else "_NOT_ converged in %d iterations", maxiter))
    iter <- maxiter
  }
  if (extend) iter <- iter + widened
  list(root = found[1L], f.root = f(found[1L], ...), iter = iter, init.it = widened, estim.prec = found[3L])
}
"""#)
}
