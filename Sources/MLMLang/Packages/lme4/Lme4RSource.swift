/// lme4 functions that lme4 writes in R, here in R too.
enum Lme4RSource {
    static let source = RSource(functions: ["formula.merMod"], code: #"""
formula.merMod <- function(x, fixed.only = FALSE, random.only = FALSE, ...) {
  if (missing(fixed.only) && random.only) fixed.only <- FALSE
  if (fixed.only && random.only) stop("can't specify 'only fixed' and 'only random' terms")
  # The formula as lmer() read it, in the environment the model was fitted from.
  form <- eval(x$formula, globalenv())
  if (random.only) stop("formula(random.only = TRUE) is not available in mlmd yet")
  if (fixed.only) {
    rhs <- .nobars(form[[length(form)]])
    form[[length(form)]] <- if (is.null(rhs)) 1 else rhs
  }
  form
}

# lme4's nobars(): a formula's right side without its (x | g) terms; NULL when nothing is left.
.nobars <- function(term) {
  isBar <- function(e) is.call(e) && (identical(e[[1L]], as.name("|")) || identical(e[[1L]], as.name("||")))
  if (!is.call(term)) return(term)
  if (isBar(term)) return(NULL)
  if (identical(term[[1L]], as.name("(")) && isBar(term[[2L]])) return(NULL)
  if (identical(term[[1L]], as.name("+")) && length(term) == 3L) {
    left <- .nobars(term[[2L]])
    right <- .nobars(term[[3L]])
    if (is.null(left)) return(right)
    if (is.null(right)) return(left)
    term[[2L]] <- left
    term[[3L]] <- right
  }
  term
}
"""#)
}
