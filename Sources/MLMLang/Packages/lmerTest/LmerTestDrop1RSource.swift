/// lmerTest's drop1 for its fits, written in R as lmerTest writes it: each marginal term (one no
/// other term contains) tested by the F test of its own coefficients (contestMD, Satterthwaite or
/// Kenward-Roger), as an anova table; ddf = "lme4" gives lme4's likelihood-based drop1.
enum LmerTestDrop1RSource {
    static let source = RSource(functions: ["drop1.lmerModLmerTest"], code: #"""
drop1.lmerModLmerTest <- function(object, scope, ddf = c("Satterthwaite", "Kenward-Roger", "lme4"),
                                  force_get_contrasts = FALSE, ...) {
  ddf <- match.arg(ddf)
  if (ddf == "lme4") return(NextMethod())
  marg_terms <- stats::drop.scope(stats::terms(object))
  if (missing(scope)) scope <- marg_terms
  else {
    if (length(scope) == 0 || !is.character(scope)) stop("'scope' should be a character vector naming terms to be dropped")
    if (!all(scope %in% marg_terms)) stop("Only marginal terms can be dropped from the model")
  }
  X <- lme4::getME(object, "X")
  assign <- attr(X, "assign")
  labels <- attr(stats::terms(object), "term.labels")
  # A marginal term's hypothesis is that its own coefficients are zero.
  Llist <- lapply(scope, function(term) diag(ncol(X))[assign == match(term, labels), , drop = FALSE])
  names(Llist) <- scope
  aov <- do.call(rbind, lapply(Llist, function(L) contestMD(object, L, ddf = ddf)))
  row.names(aov) <- scope
  method <- switch(ddf, Satterthwaite = "Satterthwaite's", `Kenward-Roger` = "Kenward-Roger's")
  attr(aov, "heading") <- c(paste("Single term deletions using", method, "method:"), "\nModel:",
                            paste(deparse(stats::formula(object)), collapse = "\n"))
  attr(aov, "hypotheses") <- Llist
  attr(aov, "ddf") <- ddf
  class(aov) <- c("anova", "data.frame")
  aov
}
"""#)
}
