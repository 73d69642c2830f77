/// The splines package's functions that R writes in R, here in R too: the B-spline design
/// matrix, interpolating splines, their piecewise-polynomial form and its inverse.
enum SplinesRSource {
    static let source = RSource(functions: [
        "splineDesign", "interpSpline", "interpSpline.default", "interpSpline.formula", "polySpline", "polySpline.bSpline",
        "polySpline.polySpline", "backSpline", "backSpline.npolySpline", "splineKnots", "splineKnots.spline", "splineOrder",
        "splineOrder.bSpline", "splineOrder.polySpline", "predict.bSpline", "predict.nbSpline", "predict.polySpline",
        "predict.npolySpline", "xyVector", "print.polySpline"], code: #"""
splineDesign <- function(knots, x, ord = 4L, derivs = 0L, outer.ok = FALSE, sparse = FALSE) {
  knots <- sort(as.numeric(knots))
  nk <- length(knots)
  if (nk <= 0) stop("must have at least 'ord' knots")
  ord <- as.integer(ord)
  x <- as.numeric(x)
  nx <- length(x)
  derivs <- as.integer(derivs)
  if (length(derivs) > nx) stop("length of 'derivs' is larger than length of 'x'")
  if (length(derivs) < 1L) stop("empty 'derivs'")
  if (any(derivs < 0L | derivs >= ord)) stop("'derivs' must be in {0, .., ord - 1}")
  ncoef <- nk - ord
  if (ncoef < 1L) stop(gettextf("'ord' must be positive integer, at most the number of knots (%d)", nk), domain = NA)
  inside <- x >= knots[ord] & x <= knots[ncoef + 1L]
  if (!outer.ok && !all(inside))
    stop(gettextf("the 'x' data must be in the range %g to %g unless you set '%s'",
                  knots[ord], knots[ncoef + 1L], "outer.ok = TRUE"), domain = NA)
  basis <- .Internal(spline_basis(knots, ord, x, rep_len(derivs, nx)))
  offsets <- attr(basis, "Offsets")
  design <- matrix(0, nx, ncoef)
  # Points outside the inner knots (allowed with outer.ok) keep a row of zeros.
  for (i in seq_len(nx)) {
    cols <- offsets[i] + seq_len(ord)
    ok <- cols >= 1L & cols <= ncoef & !is.na(basis[, i])
    design[i, cols[ok]] <- basis[ok, i]
  }
  design
}

interpSpline <- function(obj1, obj2, bSpline = FALSE, period = NULL, ord = 4L, na.action = stats::na.fail, sparse = FALSE)
  UseMethod("interpSpline")

interpSpline.formula <- function(obj1, obj2, bSpline = FALSE, period = NULL, ord = 4L, na.action = stats::na.fail, sparse = FALSE) {
  form <- stats::as.formula(obj1)
  if (length(form) != 3L) stop("'formula' must be of the form \"y ~ x\"")
  local <- if (missing(obj2)) parent.frame() else obj2
  x <- eval(form[[3L]], local, environment(form))
  y <- eval(form[[2L]], local, environment(form))
  value <- interpSpline.default(x, y, bSpline = bSpline, period = period, ord = ord, na.action = na.action, sparse = sparse)
  attr(value, "formula") <- form
  value
}

interpSpline.default <- function(obj1, obj2, bSpline = FALSE, period = NULL, ord = 4L, na.action = stats::na.fail, sparse = FALSE) {
  degree <- ord - 1L
  points <- na.action(data.frame(x = as.numeric(obj1), y = as.numeric(obj2)))
  points <- points[order(points$x), ]
  n <- nrow(points)
  x <- points$x
  if (anyDuplicated(x)) stop("values of 'x' must be distinct")
  if (n < ord) stop(gettextf("must have at least 'ord'=%d points", ord), domain = NA)
  # The data as interior knots, with 'degree' more on each side placed as the first and last
  # 'ord' points are spaced; the second derivative is zero at both ends (a natural spline).
  ends <- seq_len(degree)
  knots <- c(x[ends] + x[1L] - x[ord], x, x[n + ends - degree] + x[n] - x[n - degree])
  half <- ord %/% 2L
  design <- splineDesign(knots, c(x[1L], x, x[n]), ord, c(half, integer(n), half))
  coefficients <- solve(design, c(0, points$y, 0))
  value <- structure(list(knots = knots, coefficients = coefficients, order = ord),
                     formula = do.call("~", list(substitute(obj2), substitute(obj1))),
                     class = c("nbSpline", "bSpline", "spline"))
  if (bSpline) return(value)
  value <- polySpline(value)
  pieces <- value$coefficients
  pieces[, 1L] <- points$y
  pieces[1L, degree] <- pieces[nrow(pieces), degree] <- 0
  value$coefficients <- pieces
  value
}

splineKnots <- function(object) UseMethod("splineKnots")
splineKnots.spline <- function(object) object$knots
splineOrder <- function(object) UseMethod("splineOrder")
splineOrder.bSpline <- function(object) object$order
splineOrder.polySpline <- function(object) ncol(object$coefficients)

xyVector <- function(x, y) {
  x <- as.vector(x)
  y <- as.vector(y)
  if (length(x) != length(y)) stop("lengths of 'x' and 'y' must be the same")
  structure(list(x = x, y = y), class = "xyVector")
}

predict.bSpline <- function(object, x, nseg = 50, deriv = 0, ...) {
  knots <- object$knots
  if (missing(x)) {
    ord <- object$order
    x <- seq.int(knots[ord], knots[length(knots) + 1L - ord], length.out = nseg + 1)
  }
  xyVector(x = x, y = .Internal(spline_value(knots, object$coefficients, object$order, as.numeric(x), as.integer(deriv))))
}

# A natural spline is linear beyond its boundary knots.
predict.nbSpline <- function(object, x, nseg = 50, deriv = 0, ...) {
  value <- NextMethod("predict")
  if (!anyNA(value$y)) return(value)
  ord <- object$order
  knots <- object$knots
  first <- knots[ord]
  last <- knots[length(knots) + 1L - ord]
  ends <- predict.bSpline(object, c(first, last))$y
  slopes <- predict.bSpline(object, c(first, last), deriv = 1)$y
  y <- value$y
  below <- is.na(y) & value$x < first
  above <- is.na(y) & value$x > last
  y[below] <- switch(deriv + 1L, ends[1L] + slopes[1L] * (value$x[below] - first), slopes[1L], 0, 0)
  y[above] <- switch(deriv + 1L, ends[2L] + slopes[2L] * (value$x[above] - last), slopes[2L], 0, 0)
  xyVector(x = value$x, y = y)
}

polySpline <- function(object, ...) UseMethod("polySpline")
polySpline.polySpline <- function(object, ...) object

# The B-spline as one cubic (or other degree) polynomial per interval between knots: its value
# and derivatives at each knot, divided by the factorials.
polySpline.bSpline <- function(object, ...) {
  ord <- object$order
  knots <- object$knots
  if (any(diff(knots) < 0)) stop("knot positions must be non-decreasing")
  knots <- knots[ord:(length(knots) + 1L - ord)]
  pieces <- matrix(0, length(knots), ord)
  pieces[, 1L] <- predict.bSpline(object, knots)$y
  if (ord > 1L) for (i in 2:ord) pieces[, i] <- predict.bSpline(object, knots, deriv = i - 1L)$y / factorial(i - 1L)
  structure(list(knots = knots, coefficients = pieces), formula = attr(object, "formula"),
            class = c(if (inherits(object, "nbSpline")) "npolySpline", "polySpline", "spline"))
}

predict.polySpline <- function(object, x, nseg = 50, deriv = 0, ...) {
  knots <- object$knots
  pieces <- object$coefficients
  ord <- ncol(pieces)
  if (missing(x)) x <- seq.int(knots[1L], knots[nrow(pieces)], length.out = nseg + 1)
  interval <- as.numeric(cut(x, knots))
  interval[x == knots[1L]] <- 1
  delta <- x - knots[interval]
  deriv <- as.integer(deriv)[1L]
  if (deriv < 0 || deriv >= ord) stop(gettextf("'deriv' must be between 0 and %d", ord - 1), domain = NA)
  while (deriv > 0) {
    ord <- ord - 1L
    pieces <- t(t(pieces[, -1, drop = FALSE]) * seq_len(ord))
    deriv <- deriv - 1L
  }
  y <- pieces[interval, ord]
  if (ord > 1) for (j in (ord - 1L):1) y <- y * delta + pieces[interval, j]
  xyVector(x = x, y = y)
}

predict.npolySpline <- function(object, x, nseg = 50, deriv = 0, ...) {
  value <- NextMethod("predict")
  if (!anyNA(value$y)) return(value)
  knots <- object$knots
  nk <- length(knots)
  ends <- object$coefficients[c(1L, nk), , drop = FALSE]
  y <- value$y
  below <- is.na(y) & value$x < knots[1L]
  above <- is.na(y) & value$x > knots[nk]
  y[below] <- switch(deriv + 1L, ends[1L, 1L] + ends[1L, 2L] * (value$x[below] - knots[1L]), ends[1L, 2L], 0, 0)
  y[above] <- switch(deriv + 1L, ends[2L, 1L] + ends[2L, 2L] * (value$x[above] - knots[nk]), ends[2L, 2L], 0, 0)
  xyVector(x = value$x, y = y)
}

backSpline <- function(object) UseMethod("backSpline")

# The inverse of a monotone cubic interpolating spline: x as a function of y, a cubic on each
# interval that matches the values and slopes at both ends (the slopes are the reciprocals);
# the end intervals are kept from curving back.
backSpline.npolySpline <- function(object) {
  knots <- object$knots
  nk <- length(knots)
  gaps <- diff(knots)
  if (any(gaps <= 0)) stop("knot positions must be strictly increasing")
  pieces <- object$coefficients
  if (ncol(pieces) != 4L) stop("currently implemented only for cubic splines")
  values <- pieces[, 1L]
  rises <- diff(values)
  reversed <- if (all(rises < 0)) TRUE else if (all(rises > 0)) FALSE else stop("spline must be monotone")
  inverse <- matrix(0, nk, 4L)
  inverse[, 1L] <- knots
  inverse[, 2L] <- 1 / pieces[, 2L]
  for (i in seq_len(nk - 1L)) {
    h <- rises[i]
    system <- matrix(c(h^2, 2 * h, h^3, 3 * h^2), 2L, 2L)
    inverse[i, 3:4] <- solve(system, c(gaps[i] - h * inverse[i, 2L], inverse[i + 1L, 2L] - inverse[i, 2L]))
  }
  inverse[nk, 2:4] <- NA
  if (nk > 2L) {
    inverse[1L, 4L] <- inverse[nk - 1L, 4L] <- 0
    inverse[1L, 2:3] <- solve(matrix(c(rises[1L], 1, rises[1L]^2, 2 * rises[1L]), 2L, 2L),
                              c(gaps[1L], 1 / pieces[2L, 2L]))
    inverse[nk - 1L, 3L] <- (gaps[nk - 1L] - rises[nk - 1L] * inverse[nk - 1L, 2L]) / rises[nk - 1L]^2
  }
  if (inverse[1L, 3L] > 0) {
    inverse[1L, 3L] <- 0
    inverse[1L, 2L] <- gaps[1L] / rises[1L]
  }
  if (inverse[nk - 1L, 3L] < 0) {
    inverse[nk - 1L, 3L] <- 0
    inverse[nk - 1L, 2L] <- gaps[nk - 1L] / rises[nk - 1L]
  }
  order <- if (reversed) nk:1 else seq_len(nk)
  value <- list(knots = values[order], coefficients = inverse[order, , drop = FALSE])
  form <- attr(object, "formula")
  if (!is.null(form)) attr(value, "formula") <- do.call("~", as.list(form)[3:2])
  class(value) <- c("polySpline", "spline")
  value
}

print.polySpline <- function(x, ...) {
  cat("polynomial representation of spline")
  if (!is.null(form <- attr(x, "formula"))) cat(" for", deparse(as.vector(form)))
  cat("\n")
  pieces <- x$coefficients
  dimnames(pieces) <- list(format(x$knots), c("constant", "linear", "quadratic", "cubic")[seq_len(ncol(pieces))])
  print(pieces, ...)
  invisible(x)
}
"""#)
}
