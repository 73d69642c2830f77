/// stats' contrast matrices and `contrasts()` / `contrasts<-`, written in R as R writes them.
/// model.matrix codes a factor by `contrasts(f)` (see ModelMatrix.contrastCoding): the matrix set
/// on the factor, or the function options("contrasts") names for unordered and ordered factors.
enum ContrastsRSource {
    static let source = RSource(functions: ["contr.treatment", "contr.sum", "contr.helmert", "contr.SAS", "contr.poly",
                                            "contrasts", "contrasts<-"], code: #"""
.contrast_levels <- function(n) {
  if (is.numeric(n) && length(n) == 1L) {
    if (n <= 1L) stop("not enough degrees of freedom to define contrasts")
    as.character(seq_len(n))
  } else as.character(n)
}

.contrast_identity <- function(levels) {
  n <- length(levels)
  m <- matrix(0, n, n, dimnames = list(levels, levels))
  m[cbind(seq_len(n), seq_len(n))] <- 1
  m
}

contr.treatment <- function(n, base = 1, contrasts = TRUE, sparse = FALSE) {
  levels <- .contrast_levels(n)
  n <- length(levels)
  m <- .contrast_identity(levels)
  if (!contrasts) return(m)
  if (n < 2L) stop(gettextf("contrasts not defined for %d degrees of freedom", n - 1L))
  if (base < 1L || base > n) stop("baseline group number out of range")
  m[, -base, drop = FALSE]
}

contr.SAS <- function(n, contrasts = TRUE, sparse = FALSE) {
  contr.treatment(n, base = if (is.numeric(n) && length(n) == 1L) n else length(n),
                  contrasts = contrasts, sparse = sparse)
}

contr.sum <- function(n, contrasts = TRUE, sparse = FALSE) {
  levels <- .contrast_levels(n)
  n <- length(levels)
  m <- .contrast_identity(levels)
  if (!contrasts) return(m)
  m <- m[, -n, drop = FALSE]
  m[n, ] <- -1
  colnames(m) <- NULL
  m
}

contr.helmert <- function(n, contrasts = TRUE, sparse = FALSE) {
  levels <- .contrast_levels(n)
  n <- length(levels)
  if (!contrasts) return(.contrast_identity(levels))
  m <- matrix(0, n, n - 1L, dimnames = list(levels, NULL))
  for (j in seq_len(n - 1L)) {
    m[seq_len(j), j] <- -1
    m[j + 1L, j] <- j
  }
  m
}

# Orthogonal polynomials as R makes them: the QR decomposition of the centred scores' powers,
# Q times R's diagonal, each column scaled to unit length.
contr.poly <- function(n, scores = 1:n, contrasts = TRUE, sparse = FALSE) {
  if (is.numeric(n) && length(n) == 1L) levs <- seq_len(n)
  else { levs <- n; n <- length(levs) }
  if (n < 2) stop(gettextf("contrasts not defined for %d degrees of freedom", n - 1))
  if (n > 95) stop(gettextf("orthogonal polynomials cannot be represented accurately enough for %d degrees of freedom", n - 1))
  if (length(scores) != n) stop("'scores' argument is of the wrong length")
  if (!is.numeric(scores) || anyDuplicated(scores)) stop("'scores' must all be different numbers")
  y <- scores - mean(scores)
  x <- outer(y, seq_len(n) - 1, `^`)
  decomposition <- qr(x)
  diagonal <- decomposition$qr * (row(decomposition$qr) == col(decomposition$qr))
  raw <- qr.qy(decomposition, diagonal)
  z <- sweep(raw, 2L, apply(raw, 2L, function(v) sqrt(sum(v^2))), `/`)
  names <- paste0("^", seq_len(n) - 1L)
  names[2:min(4, n)] <- c(".L", ".Q", ".C")[seq_len(min(3, n - 1))]
  colnames(z) <- names
  if (contrasts) z[, -1, drop = FALSE] else { z[, 1] <- 1; z }
}

contrasts <- function(x, contrasts = TRUE, sparse = FALSE) {
  if (is.logical(x)) x <- factor(x, levels = c(FALSE, TRUE))
  if (!is.factor(x)) stop("contrasts apply only to factors")
  if (!contrasts) return(.contrast_identity(levels(x)))
  ctr <- attr(x, "contrasts")
  if (is.null(ctr) || is.character(ctr)) {
    if (is.null(ctr)) ctr <- getOption("contrasts")[[if (is.ordered(x)) 2L else 1L]]
    ctr <- get(ctr, mode = "function")(levels(x), contrasts = contrasts)
  }
  ctr
}

`contrasts<-` <- function(x, how.many = NULL, value) {
  if (is.logical(x)) x <- factor(x, levels = c(FALSE, TRUE))
  if (!is.factor(x)) stop("contrasts apply only to factors")
  if (nlevels(x) < 2L) stop("contrasts can be applied only to factors with 2 or more levels")
  if (is.function(value)) value <- value(nlevels(x))
  if (is.numeric(value)) {
    value <- as.matrix(value)
    if (nrow(value) != nlevels(x)) stop("wrong number of contrast matrix rows")
    wanted <- if (is.null(how.many)) nlevels(x) - 1L else how.many
    given <- ncol(value)
    rownames(value) <- levels(x)
    if (given < wanted) {
      # Completed, as R does, by columns orthogonal to the intercept and the given ones.
      decomposition <- qr(cbind(1, value))
      if (decomposition$rank != given + 1L) stop("singular contrast matrix")
      full <- qr.qy(decomposition, diag(nlevels(x)))[, 2L:nlevels(x), drop = FALSE]
      full[, seq_len(given)] <- value
      dimnames(full) <- list(levels(x), NULL)
      if (!is.null(colnames(value))) colnames(full) <- c(colnames(value), rep.int("", wanted - given))
      value <- full
    } else value <- value[, seq_len(wanted), drop = FALSE]
  } else if (!is.character(value) && !is.null(value)) {
    stop("numeric contrasts or contrast name expected")
  }
  attr(x, "contrasts") <- value
  x
}
"""#)
}
