/// lme4's likelihood profiles and confidence intervals for lmer fits, written in R as lme4
/// writes them, over the kernels of MixedModelProfile.
///
/// profile() follows lme4 1.1-31's method step by step, since its intervals are printed to
/// seven digits: the ML deviance is profiled over each parameter on the standard-deviation and
/// correlation scale (then σ, then each fixed effect), stepping out from the estimate in steps
/// of about `delta` on the signed square-root scale (ζ) until |ζ| passes the cutoff for
/// `alphamax`, re-optimizing the other parameters at each step with nloptwrap's BOBYQA from the
/// previous step's values; a fixed effect is profiled by refitting with its column moved into
/// the offset. confint() then inverts an interpolating spline of each profile at ζ = ±z.
/// The code names stats' and splines' functions with `::`: a namespace's R code sees base only.
enum Lme4ProfileRSource {
    static let source = RSource(functions: ["profile.merMod", "confint.merMod", "confint.thpr", "confint.bootMer"], code: #"""
# Between lme4's Cholesky-factor scale (theta, relative to sigma) and the scale of standard
# deviations and correlations ("sdcor"), term by term; nvec gives each term's dimension.
.lower_tri_fill <- function(values, n, symmetric) {
  m <- diag(nrow = n)
  m[lower.tri(m, diag = TRUE)] <- values
  if (symmetric) m[upper.tri(m)] <- t(m)[upper.tri(m)]
  m
}

.term_values <- function(v, nvec) split(v, rep.int(seq_along(nvec), nvec * (nvec + 1) / 2))

# The lower triangle column by column (of a symmetric matrix, its upper triangle row by row).
.lower_values <- function(m) {
  upper <- upper.tri(m)
  if (all(m[upper] == 0)) m[!upper] else t(m)[!upper]
}

.theta_to_sdcor <- function(theta, nvec, sigma) {
  pieces <- mapply(function(values, n) {
    L <- .lower_tri_fill(values, n, symmetric = FALSE)
    V <- tcrossprod(L) * sigma^2
    sd <- sqrt(diag(V))
    r <- V / outer(sd, sd)
    diag(r) <- sd
    r[is.na(r)] <- 0
    .lower_values(r)
  }, .term_values(theta, nvec), nvec, SIMPLIFY = FALSE)
  c(unlist(pieces, use.names = FALSE), sigma)
}

.sdcor_to_theta <- function(v, nvec, sigma) {
  pieces <- mapply(function(values, n) {
    m <- .lower_tri_fill(values, n, symmetric = TRUE)
    sd <- diag(m)
    diag(m) <- 1
    V <- m * outer(sd, sd) / sigma^2
    .lower_values(t(.safe_chol(V)))
  }, .term_values(v, nvec), nvec, SIMPLIFY = FALSE)
  unlist(pieces, use.names = FALSE)
}

.safe_chol <- function(m) {
  if (anyNA(m) || all(m == 0)) return(m)
  if (nrow(m) == 1L) return(sqrt(m))
  if (all(m[upper.tri(m)] == 0) && all(m[lower.tri(m)] == 0)) return(diag(sqrt(diag(m)), nrow(m)))
  r <- tryCatch(chol(m), error = function(e) NULL)
  if (!is.null(r)) return(r)
  r <- suppressWarnings(chol(m, pivot = TRUE))
  r[, order(attr(r, "pivot"))]
}

# Which parameters: NULL for all, "theta_" and "beta_" for the groups, names, or positions.
.profile_which <- function(which, nvp, nptot, parnames) {
  if (is.null(which)) return(seq_len(nptot))
  if (!is.character(which)) return(which)
  picked <- integer()
  if (any(which == "theta_")) picked <- seq_len(nvp)
  if (any(which == "beta_") && nptot > nvp) picked <- c(picked, seq(nvp + 1, nptot))
  picked <- sort(unique(c(picked, which(parnames %in% which))))
  if (length(picked) == 0) warning(gettextf("Nothing selected by 'which=%s'", deparse(which)), domain = NA)
  picked
}

profile.merMod <- function(fitted, which = NULL, alphamax = 0.01, maxpts = 100, delta = NULL, delta.cutoff = 1/8,
                           verbose = 0, devtol = 1e-09, maxmult = 10, startmethod = "prev", optimizer = NULL,
                           control = NULL, signames = TRUE, parallel = c("no", "multicore", "snow"),
                           ncpus = getOption("profile.ncpus", 1L), cl = NULL, prof.scale = c("sdcor", "varcov"), ...) {
  prof.scale <- match.arg(prof.scale)
  if (prof.scale != "sdcor") stop("profile(prof.scale = \"varcov\") is not available in mlmd yet")
  if (!inherits(fitted, "lmerMod")) stop("profile() of this model is not available in mlmd yet: only lmer fits")
  if (!is.null(optimizer) && !identical(optimizer, "nloptwrap"))
    stop("profile(optimizer = ) is not available in mlmd yet: only lme4's default, nloptwrap")
  base <- .Internal(lmerProfileBase(fitted))
  nvec <- base$nvec
  ntheta <- length(base$theta)
  nvp <- ntheta + 1L
  p <- length(base$beta)
  fixnames <- names(base$beta)
  vpnames <- if (signames) c(sprintf(".sig%02d", seq_len(ntheta)), ".sigma") else base$tnames
  opt <- c(.theta_to_sdcor(base$theta, nvec, base$sigma), base$beta)
  names(opt) <- c(vpnames, fixnames)
  nptot <- length(opt)
  basedev <- base$basedev
  # The deviance on the sdcor scale, sigma given; beta where it is reached.
  devfun <- function(pars) {
    sigma <- pars[nvp]
    .Internal(lmerDevfun2(base$id, .sdcor_to_theta(pars[-nvp], nvec, sigma), sigma))
  }
  which <- .profile_which(which, nvp, nptot, names(opt))
  template <- matrix(c(.zeta = 0, opt), nrow = maxpts, ncol = nptot + 1L, byrow = TRUE,
                     dimnames = list(NULL, c(".zeta", names(opt))))
  cutoff <- sqrt(stats::qchisq(1 - alphamax, nptot))
  if (is.null(delta)) delta <- cutoff * delta.cutoff
  lowerTheta <- pmax(base$lower, -1)
  lower <- c(lowerTheta, 0, rep.int(-Inf, p))
  upper <- c(ifelse(base$lower == 0, Inf, 1), Inf, rep.int(Inf, p))
  if (!isTRUE(all.equal(devfun(opt[seq_len(nvp)])[1L], basedev, tolerance = 1e-5)))
    stop("Profiling over both the residual variance and\nfixed effects is not numerically consistent with\nprofiling over the fixed effects only")

  # The next value of the profiled parameter: a step of about `absstep` in zeta, by the slope of
  # the last two rows, capped at maxmult times the last step.
  nextpar <- function(mat, col, r, absstep, lo, hi, minstep = 1e-6) {
    rows <- r - (1:0)
    pv <- mat[rows, col]
    zv <- mat[rows, ".zeta"]
    num <- diff(pv)
    denom <- diff(zv)
    if (is.na(denom) || denom == 0) {
      warning("Last two rows have identical or NA .zeta values: using minstep")
      step <- minstep
    } else {
      step <- absstep * num / denom
      if (step < 0) {
        warning("unexpected decrease in profile: using minstep")
        step <- minstep
      } else if (r > 1 && abs(step) > (maxstep <- abs(maxmult * num))) {
        step <- sign(step) * maxstep
      }
    }
    min(hi, max(lo, pv[2] + sign(num) * step))
  }
  # Rows r + 1, r + 2, ... from the two rows above them, until zeta passes the cutoff or the
  # parameter reaches a bound.
  fillmat <- function(mat, lo, hi, zetafun, col) {
    i <- 2L
    while (i < nrow(mat) && mat[i, col] > lo && mat[i, col] < hi &&
           (is.na(z <- abs(mat[i, ".zeta"])) || z <= cutoff)) {
      mat[i + 1L, ] <- zetafun(nextpar(mat, col, i, delta, lo, hi), mat[i, 1L + seq_len(nvp)][-(col - 1L)])
      i <- i + 1L
    }
    mat
  }
  inside <- function(n, w, pw, others) { v <- numeric(n); v[w] <- pw; v[-w] <- others; v }
  profiles <- list()
  forward <- list()
  backward <- list()
  finish <- function(upperf, lowerf, col, pname) {
    rows <- as.data.frame(unique(rbind(upperf, lowerf)))
    rows$.par <- pname
    rows <- rows[order(rows[, col]), ]
    spline <- tryCatch(splines::interpSpline(rows[[col]], rows$.zeta, na.action = stats::na.omit), error = function(e) e)
    back <- if (inherits(spline, "error")) spline else tryCatch(splines::backSpline(spline), error = function(e) e)
    if (inherits(back, "error")) warning("non-monotonic profile for ", pname)
    profiles[[pname]] <<- rows
    forward[[pname]] <<- spline
    backward[[pname]] <<- back
  }

  for (w in intersect(seq_len(nvp), which)) {
    pw <- opt[w]
    zeta <- function(xx, start) {
      # devfun2 minimized over the other parameters (in Swift: hundreds of evaluations a step).
      run <- tryCatch(.Internal(lmerProfileZeta(base$id, w, xx, start, lower[seq_len(nvp)][-w],
                                                upper[seq_len(nvp)][-w], nvec)),
                      error = function(e) NULL)
      if (is.null(run)) {
        devdiff <- NA
        pars <- NA
      } else {
        devdiff <- run[1L] - basedev
        pars <- run[1L + seq_len(nvp - 1L)]
      }
      if (is.na(devdiff)) warning("NAs detected in profiling")
      else {
        if (devdiff < (-devtol)) stop("profiling detected new, lower deviance")
        if (devdiff < 0) warning(gettextf("slightly lower deviances (diff=%g) detected", devdiff), domain = NA)
      }
      devdiff <- max(0, devdiff)
      full <- inside(nvp, w, xx, pars)
      beta <- if (is.null(run)) rep(NA_real_, p) else run[-seq_len(nvp)]
      c(sign(xx - pw) * sqrt(devdiff), full, beta)
    }
    up <- down <- template
    shifted <- if (pw == 0) 0.001 else pw * 1.01
    down[1, ] <- up[2, ] <- zeta(shifted, opt[seq_len(nvp)][-w])
    upperf <- fillmat(up, lower[w], upper[w], zeta, w + 1L)
    lowerf <- if (pw > lower[w]) fillmat(down, lower[w], upper[w], zeta, w + 1L) else down
    finish(upperf, lowerf, w + 1L, names(opt)[w])
  }

  for (j in intersect(seq_len(p), which - nvp)) {
    est <- opt[nvp + j]
    reduced <- .Internal(lmerFixedProfileModel(base$id, j))
    fe.zeta <- function(fw, start) {
      r <- .Internal(lmerFixedProfileFit(reduced, fw, base$theta))
      fval <- r[1L]
      theta <- r[1L + seq_len(ntheta)]
      sigma <- r[2L + ntheta]
      beta <- r[-seq_len(2L + ntheta)]
      c(sign(fw - est) * sqrt(fval - basedev), .theta_to_sdcor(theta, nvec, sigma), inside(p, j, fw, beta))
    }
    up <- down <- template
    down[1, ] <- up[2, ] <- fe.zeta(est + delta * base$stderr[j])
    col <- nvp + 1L + j
    finish(fillmat(up, -Inf, Inf, fe.zeta, col), fillmat(down, -Inf, Inf, fe.zeta, col), col, fixnames[j])
  }

  ans <- do.call(rbind, profiles)
  row.names(ans) <- NULL
  # lme4's .par keeps the parameters' order as its levels.
  ans$.par <- factor(ans$.par, levels = unique(ans$.par))
  structure(ans, forward = forward, backward = backward, lower = lower[intersect(seq_len(nvp), which)],
            upper = upper[intersect(seq_len(nvp), which)], class = c("thpr", "data.frame"))
}

confint.thpr <- function(object, parm, level = 0.95, zeta, non.mono.tol = 1e-2, ...) {
  splines <- attr(object, "backward")
  lower <- attr(object, "lower")
  upper <- attr(object, "upper")
  all <- names(splines)
  if (is.null(lower)) lower <- rep(NA, length(all))
  if (is.null(upper)) upper <- rep(NA, length(all))
  parm <- if (missing(parm)) all
          else if (is.numeric(parm)) all[parm]
          else if (length(parm <- as.character(parm)) == 1) {
            if (parm == "theta_") grep("^(sd_|cor_|.sig|sigma$)", all, value = TRUE)
            else if (parm == "beta_") grep("^(sd_|cor_|.sig|sigma$)", all, value = TRUE, invert = TRUE)
            else if (parm %in% all) parm
          } else intersect(parm, all)
  labels <- NULL
  if (missing(zeta)) {
    a <- (1 - level) / 2
    a <- c(a, 1 - a)
    zeta <- stats::qnorm(a)
    labels <- paste(format(100 * a, trim = TRUE, scientific = FALSE, digits = 3), "%")
  }
  ci <- matrix(NA_real_, nrow = length(parm), ncol = 2L, dimnames = list(parm, labels))
  for (i in seq_along(parm)) {
    bad <- FALSE
    limits <- rep(NA, 2)
    spline <- splines[[parm[i]]]
    if (!inherits(spline, "error")) {
      limits <- stats::predict(spline, zeta)$y
    } else {
      rows <- object[object$.par == parm[[i]], c(parm[[i]], ".zeta")]
      if (all(is.na(rows[, 2]))) {
        bad <- TRUE
        warning("bad profile for ", parm[i])
      } else if (min(diff(rows[, 2]) < (-non.mono.tol), na.rm = TRUE)) {
        bad <- TRUE
        warning("non-monotonic profile for ", parm[i])
      } else {
        warning("bad spline fit for ", parm[i], ": falling back to linear interpolation")
        limits <- stats::approxfun(rows[, 2], rows[, 1])(zeta)
      }
    }
    if (!bad) {
      # By position, as lme4 does: the bounds are those of the variance parameters, first.
      if (is.na(limits[1])) limits[1] <- lower[i]
      if (is.na(limits[2])) limits[2] <- upper[i]
    }
    ci[i, ] <- limits
  }
  ci
}

confint.merMod <- function(object, parm, level = 0.95, method = c("profile", "Wald", "boot"), zeta, nsim = 500,
                           boot.type = c("perc", "basic", "norm"), FUN = NULL, quiet = FALSE, oldNames = TRUE, ...) {
  method <- match.arg(method)
  boot.type <- match.arg(boot.type)
  ntheta <- length(getME(object, "theta"))
  useSc <- inherits(object, "lmerMod")
  vn <- if (oldNames) c(sprintf(".sig%02d", seq_len(ntheta)), if (useSc) ".sigma")
        else .Internal(lmerParameterNames(object))
  an <- c(vn, names(fixef(object)))
  parm <- if (missing(parm)) seq_along(an) else .profile_which(parm, length(vn), length(an), an)
  if (!quiet && method %in% c("profile", "boot")) {
    message("Computing ", switch(method, profile = "profile", boot = "bootstrap"), " confidence intervals ...")
  }
  switch(method,
    profile = {
      pp <- stats::profile(object, which = parm, signames = oldNames, ...)
      if (missing(zeta)) stats::confint(pp, level = level) else stats::confint(pp, level = level, zeta = zeta)
    },
    Wald = {
      a <- (1 - level) / 2
      a <- c(a, 1 - a)
      labels <- paste(format(100 * a, trim = TRUE, scientific = FALSE, digits = 3), "%")
      ci.vcov <- array(NA, dim = c(length(vn), 2L), dimnames = list(vn, labels))
      cf <- fixef(object)
      ses <- sqrt(diag(as.matrix(stats::vcov(object))))
      ci.fixed <- array(cf + ses %o% stats::qnorm(a), dim = c(length(cf), 2L), dimnames = list(names(cf), labels))
      rbind(ci.vcov, ci.fixed)[parm, , drop = FALSE]
    },
    boot = {
      # Each replicate's standard deviations, correlations, sigma and fixed effects.
      base <- .Internal(lmerProfileBase(object))
      statistic <- if (is.null(FUN)) function(m) {
        s <- stats::sigma(m)
        stats::setNames(c(.theta_to_sdcor(getME(m, "theta"), base$nvec, s), fixef(m)), an)
      } else FUN
      bb <- bootMer(object, FUN = statistic, nsim = nsim, ...)
      if (all(is.na(bb$t))) stop("*all* bootstrap runs failed!")
      citab <- stats::confint(bb, level = level, type = boot.type)
      if (missing(parm)) parm <- rownames(citab)
      citab[parm, , drop = FALSE]
    })
}

confint.bootMer <- function(object, parm = seq(length(object$t0)), level = 0.95, type = c("perc", "norm", "basic"), ...) {
  type <- match.arg(type)
  component <- c(norm = "normal", basic = "basic", perc = "percent")[[type]]
  width <- c(norm = 3, basic = 5, perc = 5)[[type]]
  rows <- t(vapply(parm, function(i) boot::boot.ci(object, index = i, conf = level, type = type)[[component]],
                   FUN.VALUE = numeric(width)))
  table <- rows[, (width - 1):width, drop = FALSE]
  rownames(table) <- names(object$t0)[parm]
  a <- (1 - level) / 2
  a <- c(a, 1 - a)
  colnames(table) <- paste(format(100 * a, trim = TRUE, scientific = FALSE, digits = 3), "%")
  table
}
"""#)
}
