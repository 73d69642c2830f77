/// stats' p.adjust, written in R as R writes it: p values adjusted for n comparisons by Holm's,
/// Hochberg's, Hommel's, Bonferroni's, Benjamini-Hochberg's (fdr) or Benjamini-Yekutieli's method.
enum PAdjustRSource {
    static let source = RSource(functions: ["p.adjust", "p.adjust.methods"], code: #"""
p.adjust.methods <- c("holm", "hochberg", "hommel", "bonferroni", "BH", "BY", "fdr", "none")

p.adjust <- function(p, method = p.adjust.methods, n = length(p)) {
  method <- match.arg(method)
  if (method == "fdr") method <- "BH"
  nm <- names(p)
  p <- as.numeric(p)
  p0 <- p
  names(p0) <- nm
  if (all(nna <- !is.na(p))) nna <- TRUE
  else p <- p[nna]
  lp <- length(p)
  stopifnot(n >= lp)
  if (n <= 1) return(p0)
  if (n == 2 && method == "hommel") method <- "hochberg"
  p0[nna] <- switch(method,
    bonferroni = pmin(1, n * p),
    holm = {
      i <- seq_len(lp)
      o <- order(p)
      ro <- order(o)
      pmin(1, cummax((n + 1L - i) * p[o]))[ro]
    },
    hommel = {
      if (n > lp) p <- c(p, rep.int(1, n - lp))
      i <- seq_len(n)
      o <- order(p)
      p <- p[o]
      ro <- order(o)
      q <- pa <- rep.int(min(n * p / i), n)
      for (m in (n - 1L):2L) {
        i1 <- seq_len(n - m + 1L)
        i2 <- (n - m + 2L):n
        q1 <- min(m * p[i2] / (2L:m))
        q[i1] <- pmin(m * p[i1], q1)
        q[i2] <- q[n - m + 1L]
        pa <- pmax(pa, q)
      }
      pmax(pa, p)[if (lp < n) ro[nna] else ro]
    },
    hochberg = {
      i <- lp:1L
      o <- order(p, decreasing = TRUE)
      ro <- order(o)
      pmin(1, cummin((n + 1L - i) * p[o]))[ro]
    },
    BH = {
      i <- lp:1L
      o <- order(p, decreasing = TRUE)
      ro <- order(o)
      pmin(1, cummin(n / i * p[o]))[ro]
    },
    BY = {
      i <- lp:1L
      o <- order(p, decreasing = TRUE)
      ro <- order(o)
      q <- sum(1 / (1L:n))
      pmin(1, cummin(q * n / i * p[o]))[ro]
    },
    none = p)
  p0
}
"""#)
}
