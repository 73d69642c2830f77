/// stats' hat(): the diagonal of the hat matrix of a design (with an intercept column unless
/// intercept = FALSE), or of a QR decomposition. Written in R as R writes it.
enum HatRSource {
    static let source = RSource(functions: ["hat"], code: #"""
hat <- function(x, intercept = TRUE) {
  if (is.qr(x)) {
    n <- nrow(x$qr)
  } else {
    if (intercept) x <- cbind(1, x)
    n <- nrow(x)
    x <- qr(x)
  }
  rowSums(qr.qy(x, diag(1, nrow = n, ncol = x$rank))^2)
}
"""#)
}
