/// stats' approx() and approxfun(): linear (or step) interpolation, written in R. Ties in x
/// are collapsed by `ties` (mean by default); `rule` 1 gives NA outside the data, 2 the nearest end.
enum ApproxRSource {
    static let source = RSource(functions: ["approx", "approxfun"], code: #"""
.approx_points <- function(x, y, ties) {
  if (is.null(y)) { y <- x; x <- seq_along(y) }
  ok <- !(is.na(x) | is.na(y))
  x <- as.numeric(x[ok]); y <- as.numeric(y[ok])
  o <- order(x)
  x <- x[o]; y <- y[o]
  if (anyDuplicated(x)) {
    f <- if (is.function(ties)) ties else if (identical(ties, "ordered")) mean else match.fun(ties)
    u <- unique(x)
    y <- vapply(u, function(v) f(y[x == v]), 0)
    x <- u
  }
  list(x = x, y = y)
}

approxfun <- function(x, y = NULL, method = "linear", yleft, yright, rule = 1, f = 0, ties = mean, na.rm = TRUE) {
  method <- match.arg(method, c("linear", "constant"))
  p <- .approx_points(x, y, ties)
  x <- p$x; y <- p$y
  n <- length(x)
  if (n == 0L) stop("zero non-NA points")
  rule <- rep_len(rule, 2L)
  if (missing(yleft)) yleft <- if (rule[1L] == 1) NA else y[1L]
  if (missing(yright)) yright <- if (rule[2L] == 2) y[n] else NA
  function(v) {
    out <- rep(NA_real_, length(v))
    for (k in seq_along(v)) {
      t <- v[k]
      if (is.na(t)) next
      if (t < x[1L]) { out[k] <- yleft; next }
      if (t > x[n]) { out[k] <- yright; next }
      i <- max(which(x <= t))
      if (i >= n) { out[k] <- y[n]; next }
      if (t == x[i]) { out[k] <- y[i]; next }
      out[k] <- if (method == "linear") y[i] + (y[i + 1L] - y[i]) * (t - x[i]) / (x[i + 1L] - x[i])
                else (1 - f) * y[i] + f * y[i + 1L]
    }
    out
  }
}

approx <- function(x, y = NULL, xout, method = "linear", n = 50, yleft, yright, rule = 1, f = 0, ties = mean, na.rm = TRUE) {
  p <- .approx_points(x, y, ties)
  if (missing(xout)) xout <- seq.int(p$x[1L], p$x[length(p$x)], length.out = n)
  fun <- approxfun(p$x, p$y, method = method, yleft = if (missing(yleft)) (if (rep_len(rule, 2L)[1L] == 1) NA else p$y[1L]) else yleft,
                   yright = if (missing(yright)) (if (rep_len(rule, 2L)[2L] == 2) p$y[length(p$y)] else NA) else yright, f = f)
  list(x = xout, y = fun(xout))
}
"""#)
}
