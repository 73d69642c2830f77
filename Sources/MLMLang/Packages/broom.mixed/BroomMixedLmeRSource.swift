/// broom.mixed's tidy() for nlme's lme fits, written in R: the fixed effects with nlme's t
/// tests (its df), then each level's standard deviations and correlations ("ran_pars") and the
/// residual standard deviation as "sd_Observation".
enum BroomMixedLmeRSource {
    static let source = RSource(functions: ["tidy.lme"], code: #"""
tidy.lme <- function(x, effects = c("var_model", "ran_pars", "fixed"), scales = NULL,
                     conf.int = FALSE, conf.level = 0.95, ...) {
  if (conf.int) stop("tidy.lme(conf.int = TRUE) is not supported yet")
  rows <- list()
  if ("fixed" %in% effects) {
    tt <- summary(x)$tTable
    rows[[length(rows) + 1L]] <- list(effect = rep("fixed", nrow(tt)), group = rep(NA_character_, nrow(tt)),
      term = rownames(tt), estimate = unname(tt[, "Value"]), std.error = unname(tt[, "Std.Error"]),
      df = unname(tt[, "DF"]), statistic = unname(tt[, "t-value"]), p.value = unname(tt[, "p-value"]))
  }
  if ("ran_pars" %in% effects) {
    levels <- rev(x$modelStruct$reStruct)
    group <- character(0); term <- character(0); estimate <- double(0)
    for (g in names(levels)) {
      cv <- levels[[g]]$cov * x$sigma^2
      sds <- sqrt(diag(cv))
      r <- cv / outer(sds, sds)
      # The lower triangle row by row: a row's correlations, then its standard deviation.
      for (i in seq_along(sds)) {
        for (j in seq_len(i - 1L)) {
          group <- c(group, g)
          term <- c(term, paste0("cor_", names(sds)[i], ".", names(sds)[j]))
          estimate <- c(estimate, r[i, j])
        }
        group <- c(group, g)
        term <- c(term, paste0("sd_", names(sds)[i]))
        estimate <- c(estimate, unname(sds[i]))
      }
    }
    group <- c(group, "Residual"); term <- c(term, "sd_Observation"); estimate <- c(estimate, x$sigma)
    n <- length(term)
    rows[[length(rows) + 1L]] <- list(effect = rep("ran_pars", n), group = group, term = term, estimate = estimate,
      std.error = rep(NA_real_, n), df = rep(NA_real_, n), statistic = rep(NA_real_, n), p.value = rep(NA_real_, n))
  }
  columns <- c("effect", "group", "term", "estimate", "std.error", "df", "statistic", "p.value")
  combined <- lapply(columns, function(k) unlist(lapply(rows, `[[`, k)))
  names(combined) <- columns
  do.call(tibble::tibble, combined)
}
"""#)
}
