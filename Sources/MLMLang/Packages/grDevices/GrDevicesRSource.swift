/// grDevices' colour ramps written in R over hsv(), as R writes them: heat.colors (red to
/// yellow to white), terrain.colors (green, yellow, brown to grey), topo.colors (blue, green,
/// yellow to tan) and cm.colors (cyan to magenta).
enum GrDevicesRSource {
    static let source = RSource(functions: ["heat.colors", "terrain.colors", "topo.colors", "cm.colors"], code: #"""
# hsv() and rainbow() with an alpha channel only when one was given.
.hsv <- function(h = 0, s = 1, v = 1, a = NULL) if (is.null(a)) hsv(h, s, v) else hsv(h, s, v, a)

heat.colors <- function(n, alpha, rev = FALSE) {
  a <- if (missing(alpha)) NULL else alpha
  if ((n <- as.integer(n[1L])) <= 0) return(character())
  j <- n %/% 4
  i <- n - j
  cols <- c(if (is.null(a)) rainbow(i, start = 0, end = 1 / 6) else rainbow(i, start = 0, end = 1 / 6, alpha = a),
            if (j > 0) .hsv(h = 1 / 6, s = seq.int(from = 1 - 1 / (2 * j), to = 1 / (2 * j), length.out = j), v = 1, a = a))
  if (rev) rev(cols) else cols
}

terrain.colors <- function(n, alpha, rev = FALSE) {
  a <- if (missing(alpha)) NULL else alpha
  if ((n <- as.integer(n[1L])) <= 0) return(character())
  k <- n %/% 2
  h <- c(4 / 12, 2 / 12, 0 / 12); s <- c(1, 1, 0); v <- c(0.65, 0.9, 0.95)
  # Green to yellow over the first half, then on to off-white.
  cols <- c(.hsv(h = seq.int(h[1L], h[2L], length.out = k), s = seq.int(s[1L], s[2L], length.out = k),
                v = seq.int(v[1L], v[2L], length.out = k), a = a),
            .hsv(h = seq.int(h[2L], h[3L], length.out = n - k + 1)[-1L], s = seq.int(s[2L], s[3L], length.out = n - k + 1)[-1L],
                v = seq.int(v[2L], v[3L], length.out = n - k + 1)[-1L], a = a))
  if (rev) rev(cols) else cols
}

topo.colors <- function(n, alpha, rev = FALSE) {
  a <- if (missing(alpha)) NULL else alpha
  if ((n <- as.integer(n[1L])) <= 0) return(character())
  j <- n %/% 3
  k <- n %/% 3
  i <- n - j - k
  cols <- c(if (i > 0) .hsv(h = seq.int(from = 43 / 60, to = 31 / 60, length.out = i), a = a),
            if (j > 0) .hsv(h = seq.int(from = 23 / 60, to = 11 / 60, length.out = j), a = a),
            if (k > 0) .hsv(h = seq.int(from = 10 / 60, to = 6 / 60, length.out = k), a = a,
                           s = seq.int(from = 1, to = 0.3, length.out = k), v = 1))
  if (rev) rev(cols) else cols
}

cm.colors <- function(n, alpha, rev = FALSE) {
  a <- if (missing(alpha)) NULL else alpha
  if ((n <- as.integer(n[1L])) <= 0L) return(character())
  even <- n %% 2L == 0L
  k <- n %/% 2L
  l1 <- k + 1L - even
  l2 <- n - k + even
  cols <- c(if (l1 > 0L) .hsv(h = 6 / 12, s = seq.int(0.5, if (even) 0.5 / k else 0, length.out = l1), v = 1, a = a),
            if (l2 > 1) .hsv(h = 10 / 12, s = seq.int(0, 0.5, length.out = l2)[-1L], v = 1, a = a))
  if (rev) rev(cols) else cols
}
"""#)
}
