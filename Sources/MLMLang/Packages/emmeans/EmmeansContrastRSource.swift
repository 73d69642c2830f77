/// emmeans' contrasts of marginal means, written in R as emmeans writes them: the `.emmc`
/// contrast families (pairwise, revpairwise, trt.vs.ctrl, poly, eff, consec, del.eff), contrast()
/// and pairs() applying them within each `by` group, and the adjusted p values and critical values
/// of a family (Tukey's studentized range, Dunnett by emmeans' approximation, Šidák, Scheffé and
/// p.adjust's methods).
enum EmmeansContrastRSource {
    // The `.emmc` families are internal to emmeans, as in R: contrast() finds them by name.
    static let source = RSource(functions: ["contrast", "contrast.emmGrid", "pairs.emmGrid"], code: #"""
# Differences level i minus level j for each pair (i, j), as emmeans' pairwise families name them.
.pair_differences <- function(levs, pairs) {
  k <- length(levs)
  M <- data.frame(levs = levs)
  for (ij in pairs) {
    con <- rep(0, k)
    con[ij[1]] <- 1
    con[ij[2]] <- -1
    M[[paste(levs[ij[1]], levs[ij[2]], sep = " - ")]] <- con
  }
  row.names(M) <- levs
  M <- M[-1]
  attr(M, "desc") <- "pairwise differences"
  attr(M, "adjust") <- "tukey"
  attr(M, "type") <- "pairs"
  M
}

pairwise.emmc <- function(levs, reverse = FALSE, ...) {
  if (reverse) return(revpairwise.emmc(levs, ...))
  k <- length(levs)
  pairs <- list()
  for (i in seq_len(k - 1)) for (j in i + seq_len(k - i)) pairs[[length(pairs) + 1L]] <- c(i, j)
  M <- .pair_differences(levs, pairs)
  attr(M, "famSize") <- k
  M
}

revpairwise.emmc <- function(levs, ...) {
  k <- length(levs)
  pairs <- list()
  for (i in 1 + seq_len(k - 1)) for (j in seq_len(i - 1)) pairs[[length(pairs) + 1L]] <- c(i, j)
  .pair_differences(levs, pairs)
}

tukey.emmc <- function(levs, reverse = FALSE, ...) {
  if (reverse) revpairwise.emmc(levs, ...) else pairwise.emmc(levs, ...)
}

trt.vs.ctrl.emmc <- function(levs, ref = 1, reverse = FALSE, ...) {
  if (is.character(ref)) ref <- match(ref, levs)
  if (length(ref) == 0 || any(is.na(ref)) || min(ref) < 1 || max(ref) > length(levs))
    stop("In trt.vs.ctrl.emmc(), 'ref' levels are out of range", call. = FALSE)
  k <- length(levs)
  cnm <- if (length(ref) == 1) levs[ref] else paste("avg(", paste(levs[ref], collapse = ","), ")", sep = "")
  templ <- rep(0, k)
  templ[ref] <- -1 / length(ref)
  M <- data.frame(levs = levs)
  for (i in seq_len(k)) {
    if (i %in% ref) next
    con <- templ
    con[i] <- 1
    nm <- if (reverse) paste(cnm, levs[i], sep = " - ") else paste(levs[i], cnm, sep = " - ")
    M[[nm]] <- con
  }
  row.names(M) <- levs
  M <- M[-1]
  if (reverse) M <- -M
  attr(M, "desc") <- "differences from control"
  attr(M, "adjust") <- "dunnettx"
  M
}

dunnett.emmc <- function(levs, ref = 1, ...) trt.vs.ctrl.emmc(levs, ref = ref, ...)
trt.vs.ctrl1.emmc <- function(levs, ref = 1, ...) trt.vs.ctrl.emmc(levs, ref = ref, ...)
trt.vs.ctrlk.emmc <- function(levs, ref = length(levs), ...) trt.vs.ctrl.emmc(levs, ref = ref, ...)

poly.emmc <- function(levs, max.degree = min(6, k - 1), ...) {
  nm <- c("linear", "quadratic", "cubic", "quartic", paste("degree", 5:20))
  k <- length(levs)
  M <- as.data.frame(stats::contr.poly(k)[, seq_len(min(20, max.degree)), drop = FALSE])
  for (j in seq_len(ncol(M))) {
    con <- M[, j]
    pos <- which(con > 0.01)
    con <- con / min(con[pos])
    z <- max(abs(con - round(con)))
    while (z > 0.05) {
      con <- con / z
      z <- max(abs(con - round(con)))
    }
    M[, j] <- round(con)
  }
  row.names(M) <- levs
  names(M) <- nm[seq_len(ncol(M))]
  attr(M, "desc") <- "polynomial contrasts"
  attr(M, "adjust") <- "none"
  M
}

eff.emmc <- function(levs, wts = rep(1, length(levs)), ...) {
  M <- data.frame(row.names = levs)
  wts <- wts / sum(wts)
  for (i in seq_along(levs)) {
    con <- -wts
    con[i] <- 1 + con[i]
    M[[paste(levs[i], "effect")]] <- con
  }
  attr(M, "desc") <- "differences from grand mean"
  attr(M, "adjust") <- "fdr"
  M
}

del.eff.emmc <- function(levs, ...) {
  k <- length(levs)
  M <- as.data.frame(diag(k) * (k / (k - 1)) - 1 / (k - 1))
  names(M) <- paste(levs, "effect")
  row.names(M) <- levs
  attr(M, "desc") <- "differences from mean of others"
  attr(M, "adjust") <- "fdr"
  M
}

consec.emmc <- function(levs, reverse = FALSE, ...) {
  sgn <- if (reverse) -1 else 1
  k <- length(levs)
  M <- data.frame(levs = levs)
  for (i in seq_len(k - 1)) {
    con <- rep(0, k)
    con[i] <- -sgn
    con[i + 1] <- sgn
    nm <- if (reverse) paste(levs[i], "-", levs[i + 1]) else paste(levs[i + 1], "-", levs[i])
    M[[nm]] <- con
  }
  row.names(M) <- levs
  M <- M[-1]
  attr(M, "desc") <- "changes between consecutive levels"
  attr(M, "adjust") <- "mvt"
  M
}

identity.emmc <- function(levs, exclude = integer(0), ...) {
  k <- length(levs)
  M <- as.data.frame(diag(k))
  names(M) <- levs
  row.names(M) <- levs
  attr(M, "desc") <- "Identity"
  attr(M, "adjust") <- "none"
  M
}

contrast <- function(object, ...) UseMethod("contrast")

# A level label that reads as a number is prefixed by its variable's name (period1, not 1).
.is_num <- function(x) !any(is.na(suppressWarnings(as.numeric(as.character(x)))))

contrast.emmGrid <- function(object, method = "eff", interaction = FALSE, by, adjust, name = "contrast",
                             type, ratios = TRUE, ...) {
  if (missing(by)) by <- object$misc$by.vars
  if (length(by) == 0) by <- NULL
  if (!identical(interaction, FALSE)) stop("contrast(interaction = ) is not available in mlmd yet")
  linfct <- object$linfct
  args <- object$grid
  for (nm in names(args)) if (!(nm %in% by) && .is_num(args[[nm]])) args[[nm]] <- paste0(nm, args[[nm]])
  by.rows <- .find_by_rows(args, by)
  if (!is.null(by)) {
    if (length(unique(vapply(by.rows, length, integer(1)))) > 1)
      stop("`by` groups are of irregular size;\n  currently not supported except with nested structures")
    bylevs <- object$grid[, by, drop = FALSE]
    args <- args[by.rows[[1]], setdiff(names(args), by), drop = FALSE]
  }
  levs <- do.call(paste, c(unname(as.list(args)), sep = get_emm_option("sep")))
  parens <- get_emm_option("parens")
  idx <- grep(parens[1], levs)
  if (length(idx) > 0) levs[idx] <- paste0(parens[2], levs[idx], parens[3])
  if (is.list(method) && !is.data.frame(method)) {
    cmat <- as.data.frame(method, optional = TRUE)
    method <- function(levs, ...) cmat
  } else if (is.character(method)) {
    fn <- paste(method, "emmc", sep = ".")
    method <- get(fn, mode = "function")
  } else if (!is.function(method)) {
    stop("'method' must be a list, function, or the basename of an '.emmc' function")
  }
  cmat <- method(levs, ...)
  if (nrow(cmat) != length(levs)) stop("Nonconforming number of contrast coefficients")
  tcmat <- t(as.matrix(cmat))
  if (is.null(by)) {
    linfct <- tcmat %*% linfct
    grid <- data.frame(contrast = names(cmat))
  } else {
    linfct <- kronecker(diag(length(by.rows)), tcmat) %*% linfct[unlist(by.rows), , drop = FALSE]
    grid <- data.frame(contrast = factor(rep(names(cmat), length(by.rows)), levels = names(cmat)))
    first <- vapply(by.rows, function(r) r[1], integer(1))
    for (v in by) grid[[v]] <- rep(bylevs[first, v], each = ncol(cmat))
  }
  names(grid)[1] <- name
  dimnames(linfct) <- list(NULL, colnames(object$linfct))
  misc <- object$misc
  misc$initMesg <- NULL
  misc$orig.grid <- object$grid
  misc$estName <- "estimate"
  misc$estType <- if (!is.null(attr(cmat, "type"))) attr(cmat, "type")
                  else if (all(abs(vapply(cmat, sum, numeric(1))) < 0.001)) "contrast" else "prediction"
  misc$methDesc <- attr(cmat, "desc")
  misc$famSize <- if (is.null(attr(cmat, "famSize"))) length(by.rows[[1]]) else attr(cmat, "famSize")
  misc$pri.vars <- setdiff(names(grid), by)
  if (missing(adjust)) adjust <- attr(cmat, "adjust")
  misc$adjust <- if (is.null(adjust)) "none" else adjust
  misc$infer <- c(FALSE, TRUE)
  misc$by.vars <- by
  true.con <- all(abs(vapply(cmat, function(x) sum(x) / (1e-06 + max(abs(x))), numeric(1))) < 1e-06)
  if (!is.null(misc$tran)) {
    if (ratios && true.con && misc$tran %in% c("log", "log2", "log10", "logit", "log.o.r.")) {
      misc$log.contrast <- TRUE
      if (misc$tran == "logit") {
        misc$inv.lbl <- "odds.ratio"
        misc$tran <- "log.o.r."
      } else if (misc$tran != "log.o.r.") {
        misc$inv.lbl <- "ratio"
      }
    } else {
      misc$initMesg <- paste("Note: contrasts are still on the", misc$tran, "scale")
      misc$tran <- NULL
    }
  }
  if (!missing(type)) misc$predict.type <- type
  levels <- list()
  for (nm in names(grid)) levels[[nm]] <- unique(grid[[nm]])
  result <- object
  result$linfct <- linfct
  result$grid <- grid
  result$levels <- levels
  result$misc <- misc
  result
}

pairs.emmGrid <- function(x, reverse = FALSE, ...) {
  contrast(x, method = if (reverse) "revpairwise" else "pairwise", ...)
}

.find_by_rows <- function(tbl, by) {
  if (is.null(by)) return(list(seq_len(nrow(tbl))))
  if (any(is.na(match(by, names(tbl))))) stop("'by' variables are not all in the grid")
  by.id <- do.call(paste, unname(as.list(tbl[, by, drop = FALSE])))
  uids <- unique(by.id)
  result <- lapply(uids, function(id) which(by.id == id))
  names(result) <- uids
  result
}

.chg_adjust <- function(old, new, reason) {
  message("Note: adjust = \"", old, "\" was changed to \"", new, "\"\nbecause \"", old, "\" is ", reason)
  new
}

# emmeans' approximation of Dunnett's distribution: between Tukey's and Šidák's.
.pdunnx <- function(x, k, df, twt = (k - 1) / k) {
  tukey <- stats::ptukey(sqrt(2) * x, (1 + sqrt(1 + 8 * k)) / 2, df)
  sidak <- (stats::pf(x^2, 1, df))^k
  twt * tukey + (1 - twt) * sidak
}

.qdunnx <- function(p, k, df, ...) {
  if (k < 1.005) return(stats::qt(1 - 0.5 * (1 - p), df))
  xtuk <- stats::qtukey(p, (1 + sqrt(1 + 8 * k)) / 2, df) / sqrt(2)
  xsid <- sqrt(stats::qf(p^(1 / k), 1, df))
  fcn <- function(x, d) .pdunnx(x, k, d, ...) - p
  apply(cbind(xtuk, xsid, df), 1, function(r) {
    if (abs(diff(r[1:2])) < 5e-04) return(r[1])
    stats::uniroot(fcn, r[1:2], tol = 5e-04, d = r[3])$root
  })
}

.adj_p_value <- function(t, DF, adjust, fam.info, tail, by.rows) {
  fam.size <- fam.info[[1]]
  n.contr <- fam.info[[2]]
  et <- as.numeric(fam.info[[3]])
  if (n.contr == 1 && !identical(adjust, "scheffe")) adjust <- "none"
  adj.meths <- c("sidak", "tukey", "scheffe", "dunnettx", "mvt", stats::p.adjust.methods)
  k <- pmatch(adjust, adj.meths)
  if (is.na(k)) stop("Adjust method '", adjust, "' is not recognized or not valid")
  adjust <- adj.meths[k]
  if (tail != 0 && adjust %in% c("tukey", "scheffe", "dunnettx"))
    adjust <- .chg_adjust(adjust, "sidak", "not appropriate for one-sided inferences")
  if (et != 3 && adjust == "tukey")
    adjust <- .chg_adjust(adjust, "sidak", "only appropriate for one set of pairwise comparisons")
  if (adjust == "mvt") stop("adjust = \"mvt\" (the multivariate t distribution) is not available in mlmd yet")
  ragged.by <- is.character(fam.size) || adjust %in% stats::p.adjust.methods
  if (!ragged.by) by.rows <- list(seq_along(t))
  DF[is.na(DF)] <- Inf
  p.unadj <- if (tail == 0) 2 * stats::pt(abs(t), DF, lower.tail = FALSE) else stats::pt(t, DF, lower.tail = (tail < 0))
  pval <- numeric(length(t))
  for (rows in by.rows) {
    unadj.p <- p.unadj[rows]
    abst <- abs(t[rows])
    df <- DF[rows]
    if (ragged.by) {
      n.contr <- length(rows)
      fam.size <- (1 + sqrt(1 + 8 * n.contr)) / 2
    }
    pval[rows] <- if (adjust %in% stats::p.adjust.methods) {
      if (n.contr == length(unadj.p)) stats::p.adjust(unadj.p, adjust, n = n.contr)
      else as.numeric(apply(matrix(unadj.p, nrow = n.contr), 2, function(pp) stats::p.adjust(pp, adjust, n = sum(!is.na(pp)))))
    } else switch(adjust,
      sidak = 1 - (1 - unadj.p)^n.contr,
      tukey = stats::ptukey(sqrt(2) * abst, fam.size, zapsmall(df), lower.tail = FALSE),
      scheffe = stop("adjust = \"scheffe\" is not available in mlmd yet"),
      dunnettx = 1 - .pdunnx(abst, n.contr, df))
  }
  chk.adj <- match(adjust, c("none", "tukey", "scheffe"), nomatch = 99)
  if (ragged.by) {
    nc <- max(vapply(by.rows, length, integer(1)))
    fs <- (1 + sqrt(1 + 8 * nc)) / 2
  } else {
    fs <- fam.size
  }
  mesg <- NULL
  if (chk.adj > 1 && !(fs < 3 && chk.adj < 10)) {
    xtra <- switch(adjust, tukey = paste("for comparing a family of", fam.size, "estimates"),
                   paste("for", n.contr, "tests"))
    mesg <- paste("P value adjustment:", adjust, "method", xtra)
  }
  list(pval = pval, mesg = mesg, adjust = adjust)
}

.adj_critval <- function(level, DF, adjust, fam.info, tail, by.rows) {
  mesg <- NULL
  fam.size <- fam.info[[1]]
  n.contr <- fam.info[[2]]
  et <- as.numeric(fam.info[[3]])
  ragged.by <- is.character(fam.size)
  if (!ragged.by && n.contr == 1) adjust <- "none"
  adj.meths <- c("sidak", "tukey", "scheffe", "dunnettx", "mvt", "bonferroni", "none")
  k <- pmatch(adjust, adj.meths)
  if (is.na(k)) k <- which(adj.meths == "bonferroni")
  adjust <- adj.meths[k]
  if (!ragged.by && length(unique(DF)) == 1) by.rows <- list(seq_along(DF))
  if (tail != 0 && adjust %in% c("tukey", "scheffe", "dunnettx"))
    adjust <- .chg_adjust(adjust, "sidak", "not appropriate for one-sided inferences")
  if (et != 3 && adjust == "tukey")
    adjust <- .chg_adjust(adjust, "sidak", "only appropriate for one set of pairwise comparisons")
  if (adjust %in% c("mvt", "scheffe")) stop(gettextf("adjust = \"%s\" is not available in mlmd yet", adjust))
  DF[is.na(DF)] <- Inf
  chk.adj <- match(adjust, c("none", "tukey", "scheffe"), nomatch = 99)
  fs <- if (ragged.by) (1 + sqrt(1 + 8 * max(vapply(by.rows, length, integer(1))))) / 2 else fam.size
  if (chk.adj > 1 && !(fs < 3 && chk.adj < 10)) {
    xtra <- switch(adjust, tukey = paste("for comparing a family of", fam.size, "estimates"),
                   paste("for", n.contr, "estimates"))
    mesg <- paste("Conf-level adjustment:", adjust, "method", xtra)
  }
  adiv <- if (tail == 0) 2 else 1
  cv <- numeric(sum(vapply(by.rows, length, integer(1))))
  for (rows in by.rows) {
    df <- DF[rows]
    if (ragged.by) {
      n.contr <- length(rows)
      fam.size <- (1 + sqrt(1 + 8 * n.contr)) / 2
    }
    cv[rows] <- switch(adjust,
      none = -stats::qt((1 - level) / adiv, df),
      sidak = -stats::qt((1 - level^(1 / n.contr)) / adiv, df),
      bonferroni = -stats::qt((1 - level) / n.contr / adiv, df),
      tukey = stats::qtukey(level, fam.size, df) / sqrt(2),
      dunnettx = .qdunnx(level, n.contr, df))
  }
  list(cv = cv, mesg = mesg, adjust = adjust)
}
"""#)
}
