/// What nlme's lme and gls share: the rows a model is fitted to under its na.action, what a
/// summary adds, and the printing of its coefficient table with the estimates' correlation.
enum NlmeSupportRSource {
    static let source = RSource(functions: [], code: #"""
# The data's columns the model uses (from data, or the formula's environment), and the rows
# where all are observed as na.action decides: na.fail stops, na.omit and na.exclude drop them
# and are recorded as the na.action nlme keeps (class "omit" or "exclude").
.nlme_frame <- function(vars, data, env, na.action) {
  frame <- if (is.environment(data)) as.data.frame(mget(vars, envir = data, inherits = TRUE))
           else as.data.frame(data)
  for (v in setdiff(vars, names(frame))) frame[[v]] <- get(v, envir = env)
  complete <- stats::complete.cases(frame[vars])
  if (all(complete)) return(list(frame = frame, na.action = NULL))
  action <- if (is.function(na.action)) {
    if (identical(na.action, stats::na.fail)) "na.fail"
    else if (identical(na.action, stats::na.exclude)) "na.exclude" else "na.omit"
  } else as.character(na.action)
  if (action == "na.fail") stop("missing values in object")
  dropped <- which(!complete)
  names(dropped) <- row.names(frame)[dropped]
  list(frame = frame[complete, , drop = FALSE],
       na.action = structure(dropped, class = if (action == "na.exclude") "exclude" else "omit"))
}

# What a summary adds of the fit: the quartiles of the standardized residuals (in place of the
# residuals), AIC and BIC.
.nlme_summary_fit <- function(object) {
  resd <- stats::residuals(object, type = "pearson")
  if (length(resd) > 5) {
    resd <- stats::quantile(resd, na.rm = TRUE)
    names(resd) <- c("Min", "Q1", "Med", "Q3", "Max")
  }
  object$residuals <- resd
  ll <- stats::logLik(object)
  object$AIC <- stats::AIC(ll)
  object$BIC <- stats::BIC(ll)
  object
}

# A summary's t table as nlme prints it (each column zapped and formatted, p values to four
# places), then the estimates' correlation under `title`.
.nlme_print_ttable <- function(tTable, correlation, title, ...) {
  table <- as.data.frame(tTable)
  for (i in setdiff(names(table), "p-value")) table[, i] <- format(zapsmall(table[, i]))
  table[, "p-value"] <- format(round(table[, "p-value"], 4))
  row.names(table) <- dimnames(tTable)[[1L]]
  print(table, ...)
  if (nrow(tTable) > 1) {
    class(correlation) <- "correlation"
    print(correlation, title = title, ...)
  }
}
"""#)
}
