/// broom's tidiers for emmeans results, written in R as broom writes them: the summary's columns
/// renamed to broom's (estimate, std.error, conf.low, statistic, adj.p.value when a family was
/// adjusted), a contrast's null value beside it, and the term its levels came from.
enum BroomEmmeansRSource {
    static let source = RSource(functions: ["tidy.emmGrid", "tidy.summary_emm"], code: #"""
tidy.emmGrid <- function(x, conf.int = FALSE, conf.level = 0.95, ...) {
  s <- summary(x, infer = c(conf.int, TRUE), level = conf.level, ...)
  .tidy_emmeans_summary(s, null.value = 0, term_names = names(x$misc$orig.grid))
}

tidy.summary_emm <- function(x, null.value = NULL, ...) .tidy_emmeans_summary(x, null.value = null.value)

.tidy_emmeans_summary <- function(x, null.value = NULL, term_names = NULL) {
  ret <- as.data.frame(x)
  attr(ret, "mesg") <- NULL
  repl <- c(lsmean = "estimate", emmean = "estimate", pmmean = "estimate", prediction = "estimate",
            effect.size = "estimate", SE = "std.error", lower.CL = "conf.low", asymp.LCL = "conf.low",
            upper.CL = "conf.high", asymp.UCL = "conf.high", z.ratio = "statistic", t.ratio = "statistic",
            F.ratio = "statistic", df1 = "num.df", df2 = "den.df", `model term` = "term")
  if (any(grepl("conf-level adjustment|p value adjustment", attr(x, "mesg"), ignore.case = TRUE)))
    repl <- c(repl, p.value = "adj.p.value")
  cn <- colnames(ret)
  hit <- cn %in% names(repl)
  cn[hit] <- repl[cn[hit]]
  colnames(ret) <- cn
  if ("contrast" %in% colnames(ret)) {
    if (length(null.value) < nrow(ret)) null.value <- rep_len(null.value, nrow(ret))
    rest <- ret[, setdiff(colnames(ret), "contrast"), drop = FALSE]
    ret <- cbind(data.frame(contrast = ret[, "contrast"], null.value = null.value, stringsAsFactors = FALSE), rest)
  }
  if ("term" %in% colnames(ret)) {
    ret$term <- trimws(ret$term)
  } else if (!is.null(term_names)) {
    term <- term_names[!term_names %in% colnames(ret)]
    if (length(term) != 0) term <- rep_len(paste(term, collapse = "*"), nrow(ret))
    else term <- apply(ret, 1, function(x) colnames(ret)[which(x == ".")])
    ret <- cbind(ret[, colnames(ret) %in% term_names, drop = FALSE], data.frame(term = term, stringsAsFactors = FALSE),
                 ret[, !colnames(ret) %in% term_names, drop = FALSE])
  }
  for (v in names(ret)) if (is.factor(ret[[v]])) ret[[v]] <- as.character(ret[[v]])
  tibble::as_tibble(ret)
}
"""#)
}
