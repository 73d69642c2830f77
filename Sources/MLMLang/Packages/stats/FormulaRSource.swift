/// stats' formula(), getCall() and update(), written in R as R writes them. update.formula
/// stands on two kernels (FormulaUpdate): R's C_updateform and the simplification that
/// terms.formula(simplify = TRUE) does.
enum FormulaRSource {
    static let source = RSource(functions: ["formula", "getCall", "update", "formula.default", "formula.formula", "formula.character", "formula.lm", "formula.glm",
                                                "getCall.default", "update.default", "update.formula", "as.formula",
                                                "terms", "terms.default", "terms.formula", "terms.terms", "delete.response"], code: #"""
terms <- function(x, ...) UseMethod("terms")

terms.default <- function(x, ...) {
  v <- x$terms
  if (is.null(v)) v <- attr(x, "terms")
  # mlmd's lm fits keep their formula rather than a terms component.
  if (is.null(v) && !is.null(x$formula)) v <- terms(stats::formula(x))
  if (is.null(v)) stop("no terms component nor attribute")
  v
}

terms.terms <- function(x, ...) x

terms.formula <- function(x, ...) .Internal(termsFormula(x))

delete.response <- function(termobj) {
  a <- attributes(termobj)
  if (is.null(a$response) || a$response == 0) return(termobj)
  f <- structure(call("~", termobj[[3L]]), class = "formula", .Environment = a$.Environment)
  .Internal(termsFormula(f))
}

formula <- function(x, ...) UseMethod("formula")

formula.default <- function(x = NULL, env = parent.frame(), ...) {
  notAtomic <- !is.atomic(x)
  notnull <- function(z) notAtomic && !is.null(z)
  if (notnull(x$formula)) eval(x$formula)
  else if (notnull(x$terms)) { z <- x$terms; oldClass(z) <- "formula"; z }
  else if (notnull(x$call$formula)) eval(x$call$formula)
  else if (!is.null(attr(x, "formula"))) attr(x, "formula")
  else {
    form <- switch(mode(x),
                   NULL = structure(list(), class = "formula"),
                   character = eval(str2lang(x)),
                   call = eval(x),
                   stop("invalid formula"))
    environment(form) <- env
    form
  }
}

formula.formula <- function(x, ...) x

formula.character <- function(x, env = parent.frame(), ...) {
  ff <- str2lang(x)
  if (!(is.call(ff) && identical(ff[[1L]], as.name("~"))))
    stop(gettextf("invalid formula: %s", deparse2(x)), domain = NA)
  ff <- eval(ff)
  environment(ff) <- env
  ff
}

formula.lm <- function(x, ...) {
  form <- x$formula
  if (!is.null(form)) {
    # A formula object keeps the environment it was written in; evaluating it again here
    # would give it this function's frame instead.
    if (!inherits(form, "formula")) form <- eval(form)
    return(form)
  }
  formula.default(x, ...)
}

formula.glm <- function(x, ...) formula.lm(x, ...)

getCall <- function(x, ...) UseMethod("getCall")
# lme4's fits are lists here (S4 objects in R), so their call is x$call too.
getCall.default <- function(x, ...) x$call

as.formula <- function(object, env = parent.frame()) {
  if (inherits(object, "formula")) object
  else {
    rval <- formula(object, env = baseenv())
    if (identical(environment(rval), baseenv()) || !missing(env)) environment(rval) <- env
    rval
  }
}

update <- function(object, ...) UseMethod("update")

update.default <- function(object, formula., ..., evaluate = TRUE) {
  if (is.null(call <- getCall(object))) stop("need an object with call component")
  extras <- as.list(substitute(list(...)))[-1L]
  if (!missing(formula.)) call$formula <- update(formula(object), formula.)
  if (length(extras)) {
    existing <- !is.na(match(names(extras), names(call)))
    for (a in names(extras)[existing]) call[[a]] <- extras[[a]]
    if (any(!existing)) {
      call <- c(as.list(call), extras[!existing])
      call <- as.call(call)
    }
  }
  if (evaluate) eval(call, parent.frame()) else call
}

update.formula <- function(old, new, ...) {
  tmp <- .Internal(updateform(as.formula(old), as.formula(new)))
  .Internal(simplifyFormula(tmp))
}
"""#)
}
