/// Shared by the formula methods of stats' two-sample tests (t.test, wilcox.test): the
/// samples `y ~ g` names (the response split by a two-level factor) or the one sample of
/// `y ~ 1`, with the data.name R prints for them.
enum FormulaSamplesRSource {
    static let source = RSource(functions: [], code: #"""
.formula_samples <- function(formula, data) {
  if (missing(formula) || length(formula) != 3L) stop("'formula' missing or incorrect")
  env <- environment(formula)
  if (is.null(data)) data <- env
  response <- eval(formula[[2L]], data, env)
  rhs <- formula[[3L]]
  if (identical(rhs, 1) || identical(rhs, 1L))
    return(list(response = response, groups = NULL, levels = NULL, data.name = deparse1(formula[[2L]])))
  g <- factor(eval(rhs, data, env))
  if (nlevels(g) != 2L) stop("grouping factor must have exactly 2 levels")
  list(response = response, groups = split(response, g), levels = levels(g),
       data.name = paste(deparse1(formula[[2L]]), "by", deparse1(rhs)))
}
"""#)
}
