/// emmeans' summaries, written in R as emmeans writes them: each row's estimate Lβ̂, its
/// standard error √(LVL'), degrees of freedom from the fit's method, confidence limits or tests
/// (adjusted within each family), back-transformation through the link for type = "response",
/// and the notes printed under the table; print.summary_emm lays it out as emmeans prints it.
enum EmmeansSummaryRSource {
    static let source = RSource(functions: [
        "summary.emmGrid", "confint.emmGrid", "test", "test.emmGrid", "as.data.frame.emmGrid", "print.summary_emm",
    ], code: #"""
.emm_link <- function(tran) {
  if (is.null(tran)) return(NULL)
  if (identical(tran, "log.o.r.")) {
    link <- stats::make.link("log")
    link$name <- "log odds ratio"
    return(link)
  }
  link <- stats::make.link(tran)
  link
}

.validate_type <- function(type) {
  types <- c("link", "reponse", "response", "lp", "linear.predictor", "mu", "unlink", "scale")
  type <- types[pmatch(type, types)]
  if (is.na(type)) stop("Invalid 'type' argument")
  if (type == "reponse") type <- "response"
  if (type %in% c("lp", "linear.predictor")) type <- "link"
  type
}

summary.emmGrid <- function(object, infer, level, adjust, by, type, df, null = 0, ...) {
  misc <- object$misc
  if (missing(infer)) infer <- misc$infer
  if (missing(level)) level <- misc$level
  if (missing(adjust)) adjust <- misc$adjust
  if (missing(by)) by <- misc$by.vars
  type <- if (missing(type)) { if (is.null(misc$predict.type)) "link" else .validate_type(misc$predict.type) } else .validate_type(type)
  if (!is.na(misc$estType) && misc$estType == "pairs" && !identical(by, misc$by.vars)) misc$estType <- "contrast"
  grid <- object$grid
  L <- object$linfct
  dffun <- object$dffun
  dfmesg <- misc$dfmesg
  if (!missing(df)) {
    dffun <- function(k, dfargs) df[1]
    dfmesg <- "user-specified"
  }
  est <- as.numeric(L %*% object$bhat)
  SE <- sqrt(rowSums((L %*% object$V) * L))
  dfs <- vapply(seq_len(nrow(L)), function(i) as.numeric(dffun(L[i, ], object$dfargs)), numeric(1))
  result <- data.frame(est, SE, df = dfs)
  zFlag <- all(is.na(result$df) | is.infinite(result$df))
  link <- .emm_link(misc$tran)
  inv <- type %in% c("response", "mu", "unlink") && !is.null(link)
  if (length(infer) == 1) infer <- c(infer, infer)
  names(result)[1] <- if (inv) { if (!is.null(misc$inv.lbl)) misc$inv.lbl else "response" } else misc$estName
  estName <- names(result)[1]
  if (inv && isTRUE(misc$log.contrast)) {
    for (v in names(grid)) if (!is.numeric(grid[[v]])) {
      grid[[v]] <- factor(grid[[v]])
      levels(grid[[v]]) <- gsub(" - ", " / ", levels(grid[[v]]))
    }
  }
  mesg <- misc$initMesg
  if (!is.null(dfmesg)) mesg <- c(mesg, paste("Degrees-of-freedom method:", dfmesg))
  if (!inv && !is.null(link)) mesg <- c(mesg, paste("Results are given on the", link$name, "(not the response) scale."))
  et <- pmatch(c(misc$estType, "c"), c("prediction", "contrast", "pairs"), nomatch = 2)[1]
  by.rows <- .find_by_rows(grid, by)
  by.size <- nrow(grid)
  if (!is.null(by)) {
    if (length(unique(vapply(by.rows, length, integer(1)))) > 1) by.size <- misc$famSize <- "(varies)"
    else for (nm in by) by.size <- by.size / length(unique(object$levels[[nm]]))
  }
  fam.info <- list(misc$famSize, by.size, et)
  adjust <- tolower(adjust)
  if (adjust %in% c("bh", "by")) adjust <- toupper(adjust)
  cnm <- NULL
  if (infer[1]) {
    acv <- .adj_critval(level, result$df, adjust, fam.info, 0, by.rows)
    cnm <- if (zFlag) c("asymp.LCL", "asymp.UCL") else c("lower.CL", "upper.CL")
    result[[cnm[1]]] <- result[[1]] - acv$cv * result$SE
    result[[cnm[2]]] <- result[[1]] + acv$cv * result$SE
    mesg <- c(mesg, paste("Confidence level used:", level), acv$mesg)
    if (inv) {
      clims <- cbind(link$linkinv(result[[cnm[1]]]), link$linkinv(result[[cnm[2]]]))
      width <- apply(clims, 1, function(x) { z <- diff(x); if (is.na(z)) 0 else z })
      idx <- if (all(width >= 0)) 1:2 else 2:1
      result[[cnm[1]]] <- clims[, idx[1]]
      result[[cnm[2]]] <- clims[, idx[2]]
      mesg <- c(mesg, paste("Intervals are back-transformed from the", link$name, "scale"))
    }
  }
  if (infer[2]) {
    tnm <- if (zFlag) "z.ratio" else "t.ratio"
    result[["null"]] <- if (inv) link$linkinv(null) else null
    if (all(result$null == 0)) result[["null"]] <- NULL
    t.ratio <- result[[tnm]] <- (result[[1]] - null) / result$SE
    apv <- .adj_p_value(t.ratio, result$df, adjust, fam.info, 0, by.rows)
    adjust <- apv$adjust
    result$p.value <- apv$pval
    mesg <- c(mesg, apv$mesg)
    if (inv) mesg <- c(mesg, paste("Tests are performed on the", link$name, "scale"))
  }
  if (inv) {
    result[["SE"]] <- abs(link$mu.eta(result[[1]]) * result[["SE"]])
    result[[1]] <- link$linkinv(result[[1]])
  }
  if (length(misc$avgd.over) > 0)
    mesg <- c(paste0("Results are averaged over the levels of: ", paste(misc$avgd.over, collapse = ", ")), mesg)
  summ <- cbind(grid, result)
  attr(summ, "estName") <- estName
  attr(summ, "clNames") <- cnm
  pri <- if (is.null(misc$pri.vars) || length(misc$pri.vars) == 0) names(object$levels) else misc$pri.vars
  attr(summ, "pri.vars") <- setdiff(union(pri, misc$by.vars), by)
  attr(summ, "by.vars") <- by
  attr(summ, "adjust") <- adjust
  attr(summ, "side") <- 0
  attr(summ, "delta") <- 0
  attr(summ, "type") <- type
  attr(summ, "mesg") <- unique(mesg)
  class(summ) <- c("summary_emm", "data.frame")
  summ
}

confint.emmGrid <- function(object, parm, level = 0.95, ...) summary(object, infer = c(TRUE, FALSE), level = level, ...)

test <- function(object, null, ...) UseMethod("test")

test.emmGrid <- function(object, null = 0, ...) summary(object, infer = c(FALSE, TRUE), null = null, ...)

as.data.frame.emmGrid <- function(x, row.names = NULL, optional = FALSE, ...) summary(x, ...)

# The number of digits that shows the estimates to within a fraction of their standard errors.
.opt_dig <- function(x) {
  z <- range(x) / max(abs(x))
  dz <- zapsmall(c(diff(z), z), digits = 8)[1]
  zz <- round(1.51 - log(dz, 10))
  zz[is.infinite(zz)] <- 3
  max(zz, 3, na.rm = TRUE)
}

.just_labs <- function(m, just) {
  nm <- dimnames(m)[[2]]
  for (j in seq_along(nm)) {
    if (just[nm[j]] == "L") nm[j] <- format(nm[j], width = nchar(m[1, j]), justify = "left")
  }
  dimnames(m) <- list(rep("", nrow(m)), nm)
  m
}

print.summary_emm <- function(x, ..., digits = NULL, quote = FALSE, right = TRUE) {
  estn <- attr(x, "estName")
  if (is.null(estn)) return(invisible(print(data.frame(x))))
  x.save <- x
  for (i in seq_along(names(x))) if (is.numeric(x[[i]])) x[[i]] <- zapsmall(x[[i]])
  just <- vapply(x, function(col) if (is.numeric(col)) "R" else "L", character(1))
  if (!is.null(x$df)) x$df <- round(x$df, 2)
  for (nm in c("t.ratio", "z.ratio", "F.ratio", "T.square"))
    if (!is.null(x[[nm]])) x[[nm]] <- format(round(x[[nm]], 3), nsmall = 3, scientific = FALSE)
  if (!is.null(x$p.value)) {
    fp <- x$p.value <- format(round(x$p.value, 4), nsmall = 4, scientific = FALSE)
    x$p.value[fp == "0.0000"] <- "<.0001"
  }
  est <- x[[estn]]
  if (get_emm_option("opt.digits") && is.null(digits) && !is.null(x[["SE"]])) {
    tmp <- est + x[["SE"]] * cbind(rep(-2, nrow(x)), 0, 2)
    digits <- max(apply(tmp, 1, .opt_dig))
  }
  if (any(is.na(est))) {
    x[[estn]] <- format(est, digits = digits)
    x[[estn]][is.na(est)] <- "nonEst"
  }
  xc <- as.matrix(format.data.frame(x, digits = digits, na.encode = FALSE))
  m <- apply(rbind(just, names(x), xc), 2, function(col) {
    w <- max(nchar(col))
    if (col[1] == "R") format(col[-seq_len(2)], width = w, justify = "right")
    else format(col[-seq_len(2)], width = w, justify = "left")
  })
  if (!is.matrix(m)) m <- t(as.matrix(m))
  by.vars <- attr(x, "by.vars")
  if (is.null(by.vars)) {
    m <- .just_labs(m, just)
    print(m, quote = FALSE, right = TRUE)
    cat("\n")
  } else {
    m <- .just_labs(m[, setdiff(names(x), by.vars), drop = FALSE], just)
    pargs <- unname(as.list(x[, by.vars, drop = FALSE]))
    ord <- do.call(order, rev(pargs))
    m <- m[ord, , drop = FALSE]
    xc <- xc[ord, , drop = FALSE]
    pargs <- unname(as.list(x[ord, by.vars, drop = FALSE]))
    lbls <- do.call(paste, c(pargs, list(sep = ", ")))
    for (lb in unique(lbls)) {
      rows <- which(lbls == lb)
      levs <- paste(by.vars, "=", xc[rows[1], by.vars])
      levs <- paste(levs, collapse = ", ")
      cat(paste(levs, ":\n", sep = ""))
      print(m[rows, , drop = FALSE], ..., quote = quote, right = right)
      cat("\n")
    }
  }
  msg <- unique(attr(x, "mesg"))
  for (j in seq_along(msg)) cat(paste(msg[j], "\n"))
  invisible(x.save)
}
"""#)
}
