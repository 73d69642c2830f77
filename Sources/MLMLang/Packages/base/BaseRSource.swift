/// base functions that R writes in R, here in R too.
enum BaseRSource {
    static let source = RSource(functions: ["Negate"], code: #"""
Negate <- function(f) {
  f <- match.fun(f)
  function(...) !f(...)
}
"""#)
}
