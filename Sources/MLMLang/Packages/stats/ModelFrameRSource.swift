/// stats' model.frame, written in R: the variables of a formula's terms evaluated in the data
/// (named as written, `log(x)`), rows subset, unused factor levels dropped on request, missing
/// values handled by the na.action (na.omit unless options say otherwise), and the terms kept as
/// the "terms" attribute; a fitted lm or glm gives the frame it kept. Also weights() of fits.
enum ModelFrameRSource {
    static let source = RSource(functions: ["model.frame", "model.frame.default", "model.frame.lm", "model.frame.glm",
                                            "weights", "weights.default", "weights.glm"], code: #"""
weights <- function(object, ...) UseMethod("weights")

weights.default <- function(object, ...) object$weights

weights.glm <- function(object, type = c("prior", "working"), ...) {
  type <- match.arg(type)
  if (type == "prior") object$prior.weights else object$weights
}

model.frame <- function(formula, ...) UseMethod("model.frame")

model.frame.default <- function(formula, data = NULL, subset = NULL, na.action = na.fail, drop.unused.levels = FALSE,
                                xlev = NULL, ...) {
  if (missing(na.action)) {
    naa <- getOption("na.action")
    if (!is.null(naa)) na.action <- naa
  }
  if (!inherits(formula, "terms")) formula <- terms(formula)
  env <- environment(formula)
  if (is.null(env)) env <- parent.frame()
  vars <- attr(formula, "variables")
  varnames <- vapply(as.list(vars)[-1L], function(v) paste(deparse(v, width.cutoff = 500L), collapse = " "), "")
  variables <- if (is.null(data)) eval(vars, env) else eval(vars, data, env)
  names(variables) <- varnames
  frame <- data.frame(variables, check.names = FALSE, stringsAsFactors = FALSE)
  names(frame) <- varnames
  if (is.data.frame(data) && nrow(data) == nrow(frame)) attr(frame, "row.names") <- attr(data, "row.names")
  if (!missing(subset) && !is.null(subset)) {
    rows <- eval(substitute(subset), if (is.null(data)) env else data, env)
    frame <- frame[rows, , drop = FALSE]
  }
  if (drop.unused.levels) for (nm in names(frame)) if (is.factor(frame[[nm]])) frame[[nm]] <- droplevels(frame[[nm]])
  if (is.character(na.action)) na.action <- get(na.action, mode = "function")
  if (!is.null(na.action)) frame <- na.action(frame)
  attr(frame, "terms") <- formula
  frame
}

model.frame.lm <- function(formula, ...) {
  if (!is.null(formula$model)) return(formula$model)
  model.frame.default(stats::formula(formula), data = eval(formula$call$data, environment(stats::formula(formula))), ...)
}

model.frame.glm <- function(formula, ...) model.frame.lm(formula, ...)
"""#)
}
