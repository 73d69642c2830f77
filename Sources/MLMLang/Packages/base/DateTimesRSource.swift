/// base's date-times (POSIXct seconds since the epoch, POSIXlt calendar fields) and time
/// differences (difftime), written in R as R writes them, on the kernels of DateTimeLibrary.
enum DateTimesRSource {
    static let source = RSource(functions: [
        ".POSIXct", ".difftime", "as.POSIXct", "as.POSIXct.default", "as.POSIXct.POSIXlt", "as.POSIXct.Date",
        "as.POSIXct.numeric", "as.POSIXlt", "as.POSIXlt.POSIXct",
        "as.POSIXlt.Date", "as.POSIXlt.character", "as.POSIXlt.factor", "as.POSIXlt.numeric", "as.POSIXlt.default", "strptime", "strftime", "format.POSIXlt", "format.POSIXct", "print.POSIXct",
        "print.POSIXlt", "as.character.POSIXt", "Ops.POSIXt", "Summary.POSIXct", "[.POSIXct", "[[.POSIXct",
        "c.POSIXct", "mean.POSIXct", "summary.POSIXct", "seq.POSIXt", "rep.POSIXct", "diff.POSIXt",
        "is.na.POSIXlt", "length.POSIXlt", "[.POSIXlt", "weekdays.POSIXt", "months.POSIXt", "quarters.POSIXt",
        "julian.POSIXt", "is.numeric.POSIXt", "xtfrm.POSIXct", "ISOdatetime", "ISOdate",
        "trunc.POSIXt", "round.POSIXt", "difftime", "as.difftime", "units", "units.difftime", "units<-",
        "units<-.difftime", "format.difftime", "print.difftime", "as.double.difftime", "Ops.difftime", "Summary.difftime", "[.difftime", "c.difftime", "mean.difftime", "is.numeric.difftime",
        ], code: #"""
.POSIXct <- function(xx, tz = NULL, cl = c("POSIXct", "POSIXt")) {
  attributes(xx) <- NULL
  structure(xx, class = cl, tzone = tz)
}

.difftime <- function(xx, units, cls = "difftime") structure(xx, units = units, class = cls)

as.POSIXlt <- function(x, tz = "", ...) UseMethod("as.POSIXlt")
as.POSIXlt.POSIXct <- function(x, tz = "", ...) {
  if (missing(tz) || (is.character(tz) && !nzchar(tz))) tz <- c(attr(x, "tzone"), "")[1L]
  .Internal(as.POSIXlt(unclass(x), tz))
}
as.POSIXlt.Date <- function(x, ...) .Internal(Date2POSIXlt(unclass(x)))
as.POSIXlt.character <- function(x, tz = "", format, tryFormats = c("%Y-%m-%d %H:%M:%OS", "%Y/%m/%d %H:%M:%OS",
                                 "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d", "%Y/%m/%d"), optional = FALSE, ...) {
  if (!missing(format)) return(strptime(x, format, tz = tz))
  first <- x[!is.na(x)][1L]
  if (is.na(first)) return(strptime(x, "%Y-%m-%d", tz = tz))
  for (f in tryFormats) {
    if (!is.na(.Internal(POSIXlt2Date(strptime(first, f, tz = tz))))) return(strptime(x, f, tz = tz))
  }
  if (optional) return(strptime(rep(NA_character_, length(x)), "%Y-%m-%d", tz = tz))
  stop("character string is not in a standard unambiguous format")
}
as.POSIXlt.factor <- function(x, ...) as.POSIXlt(as.character(x), ...)
as.POSIXlt.numeric <- function(x, tz = "", origin, ...) {
  as.POSIXlt(as.POSIXct(x, tz = "UTC", origin = origin), tz = tz)
}
as.POSIXlt.default <- function(x, tz = "", optional = FALSE, ...) {
  if (inherits(x, "POSIXlt")) return(if (missing(tz)) x else as.POSIXlt(as.POSIXct(x), tz = tz))
  if (is.character(x)) return(as.POSIXlt.character(x, tz, ...))
  if (is.logical(x) && all(is.na(x))) return(as.POSIXlt(as.POSIXct(as.numeric(x), tz = "UTC", origin = "1970-01-01"), tz = tz))
  stop(sprintf("do not know how to convert '%s' to class %s", paste(deparse(substitute(x)), collapse = " "),
               "\u201cPOSIXlt\u201d"))
}

as.POSIXct <- function(x, tz = "", ...) UseMethod("as.POSIXct")
as.POSIXct.POSIXlt <- function(x, tz = "", ...) {
  if (missing(tz)) tz <- attr(x, "tzone")[1L]
  if (is.null(tz)) tz <- ""
  .POSIXct(.Internal(as.POSIXct(x, tz)), tz)
}
as.POSIXct.Date <- function(x, ...) .POSIXct(unclass(x) * 86400)
as.POSIXct.numeric <- function(x, tz = "", origin, ...) {
  if (missing(origin)) stop("'origin' must be supplied")
  .POSIXct(as.POSIXct(origin, tz = "GMT", ...) + x, tz)
}
as.POSIXct.default <- function(x, tz = "", ...) {
  if (inherits(x, "POSIXct")) return(if (missing(tz)) x else .POSIXct(unclass(x), tz))
  if (is.character(x) || is.factor(x)) return(as.POSIXct(as.POSIXlt(as.character(x), tz, ...), tz))
  if (is.null(x)) return(.POSIXct(numeric(), tz))
  if (is.logical(x) && all(is.na(x))) return(.POSIXct(as.numeric(x), tz))
  stop(sprintf("do not know how to convert '%s' to class %s", paste(deparse(substitute(x)), collapse = " "),
               "\u201cPOSIXct\u201d"))
}

strptime <- function(x, format, tz = "") {
  value <- .Internal(strptime(as.character(x), format, tz))
  names(value$year) <- names(x)
  value
}

strftime <- function(x, format = "", tz = "", usetz = FALSE, ...) {
  format(as.POSIXlt(x, tz = tz), format = format, usetz = usetz, ...)
}

# Without a format, dates alone when every time is midnight, else hours, minutes and seconds
# (with digits.secs decimals when that option is set).
format.POSIXlt <- function(x, format = "", usetz = FALSE, digits = getOption("digits.secs"), ...) {
  if (!inherits(x, "POSIXlt")) stop("wrong class")
  if (any(blank <- format == "")) {
    clock <- c(x$sec, x$min, x$hour)
    clock <- clock[is.finite(clock)]
    places <- if (is.null(digits)) 0L else min(6L, digits)
    if (places > 0L) {
      secs <- x$sec[is.finite(x$sec)]
      for (k in seq_len(places) - 1L) {
        if (all(abs(secs - round(secs, k)) < 1e-06)) { places <- k; break }
      }
    }
    format[blank] <- if (all(clock == 0)) "%Y-%m-%d"
                     else if (places == 0L) "%Y-%m-%d %H:%M:%S"
                     else paste0("%Y-%m-%d %H:%M:%OS", places)
  }
  value <- .Internal(format.POSIXlt(x, format, usetz))
  names(value) <- names(x$year)
  value
}

format.POSIXct <- function(x, format = "", tz = "", usetz = FALSE, ...) {
  if (!inherits(x, "POSIXct")) stop("wrong class")
  if (missing(tz)) tz <- c(attr(x, "tzone"), "")[1L]
  value <- format.POSIXlt(as.POSIXlt(x, tz), format = format, usetz = usetz, ...)
  names(value) <- names(x)
  value
}

print.POSIXct <- function(x, tz = "", usetz = TRUE, max = NULL, ...) {
  if (length(x) == 0L) {
    cat(class(x)[1L], "of length 0\n")
  } else {
    print(if (missing(tz)) format(x, usetz = usetz) else format(x, tz = tz, usetz = usetz), max = max, ...)
  }
  invisible(x)
}

print.POSIXlt <- function(x, tz = "", usetz = TRUE, max = NULL, ...) {
  if (length(x) == 0L) cat(class(x)[1L], "of length 0\n") else print(format(x, usetz = usetz), max = max, ...)
  invisible(x)
}

as.character.POSIXt <- function(x, ...) format(x, ...)

is.na.POSIXlt <- function(x) is.na(.Internal(as.POSIXct(x, "UTC")))
length.POSIXlt <- function(x) max(lengths(unclass(x)))
`[.POSIXlt` <- function(x, i, ...) as.POSIXlt(as.POSIXct(x)[i], tz = attr(x, "tzone")[1L])

# Times compare with times (and strings); seconds or difftimes may be added or taken away;
# the difference of two times is a difftime in units chosen by difftime().
Ops.POSIXt <- function(e1, e2) {
  if (nargs() == 1L) stop(gettextf("unary '%s' not defined for \"POSIXt\" objects", .Generic))
  seconds <- function(e) {
    if (inherits(e, "POSIXlt")) e <- as.POSIXct(e)
    if (inherits(e, "difftime")) e <- as.difftime(e, units = "secs")
    v <- unclass(e); attributes(v) <- NULL; v
  }
  if (.Generic %in% c("==", "!=", "<", ">", "<=", ">=")) {
    if (is.character(e1)) e1 <- as.POSIXct(e1, tz = c(attr(e2, "tzone"), "")[1L])
    if (is.character(e2)) e2 <- as.POSIXct(e2, tz = c(attr(e1, "tzone"), "")[1L])
    return(get(.Generic)(seconds(e1), seconds(e2)))
  }
  if (.Generic == "+") {
    if (inherits(e1, "POSIXt") && inherits(e2, "POSIXt")) stop("binary '+' is not defined for \"POSIXt\" objects")
    tz <- if (inherits(e1, "POSIXt")) attr(as.POSIXct(e1), "tzone") else attr(as.POSIXct(e2), "tzone")
    return(.POSIXct(seconds(e1) + seconds(e2), tz))
  }
  if (.Generic == "-") {
    if (inherits(e2, "POSIXt")) {
      if (!inherits(e1, "POSIXt")) stop("can only subtract from \"POSIXt\" objects")
      return(difftime(e1, e2))
    }
    return(.POSIXct(seconds(e1) - seconds(e2), attr(as.POSIXct(e1), "tzone")))
  }
  stop(gettextf("'%s' not defined for \"POSIXt\" objects", .Generic))
}

Summary.POSIXct <- function(..., na.rm = FALSE) {
  if (!.Generic %in% c("max", "min", "range")) stop(gettextf("'%s' not defined for \"POSIXt\" objects", .Generic))
  args <- list(...)
  values <- unlist(lapply(args, function(e) { v <- unclass(as.POSIXct(e)); attributes(v) <- NULL; v }))
  .POSIXct(get(.Generic)(values, na.rm = na.rm), attr(args[[1L]], "tzone"))
}
`[.POSIXct` <- function(x, ..., drop = TRUE) {
  value <- unclass(x)[...]
  attr(value, "tzone") <- NULL
  .POSIXct(value, attr(x, "tzone"), oldClass(x))
}
`[[.POSIXct` <- function(x, ..., drop = TRUE) .POSIXct(unclass(x)[[...]], attr(x, "tzone"), oldClass(x))

c.POSIXct <- function(..., recursive = FALSE) {
  args <- list(...)
  zones <- unique(vapply(args, function(e) if (inherits(e, "POSIXct")) c(attr(e, "tzone"), "")[1L] else "", ""))
  values <- unlist(lapply(args, function(e) { v <- unclass(as.POSIXct(e)); attributes(v) <- NULL; v }))
  .POSIXct(values, if (length(zones) == 1L && nzchar(zones)) zones)
}
rep.POSIXct <- function(x, ...) {
  v <- unclass(x); attributes(v) <- NULL
  .POSIXct(rep(v, ...), attr(x, "tzone"), oldClass(x))
}
mean.POSIXct <- function(x, ...) .POSIXct(mean(unclass(x), ...), attr(x, "tzone"))
xtfrm.POSIXct <- function(x) { v <- unclass(x); attributes(v) <- NULL; v }
is.numeric.POSIXt <- function(x) FALSE

summary.POSIXct <- function(object, digits = 15L, ...) {
  v <- unclass(object); attributes(v) <- NULL
  x <- summary(v, digits = digits, ...)
  structure(x, class = c("summaryDefault", "table", oldClass(object)), tzone = attr(object, "tzone"))
}

diff.POSIXt <- function(x, lag = 1L, differences = 1L, ...) {
  v <- unclass(as.POSIXct(x)); attributes(v) <- NULL
  for (k in seq_len(differences)) {
    n <- length(v)
    v <- if (lag >= n) v[0L] else v[(1L + lag):n] - v[1L:(n - lag)]
  }
  difftime(.POSIXct(v), .POSIXct(0))
}

seq.POSIXt <- function(from, to, by, length.out = NULL, along.with = NULL, ...) {
  if (!missing(along.with)) length.out <- length(along.with)
  from <- as.POSIXct(from)
  tz <- attr(from, "tzone")
  start <- unclass(from); attributes(start) <- NULL
  if (missing(by)) {
    end <- unclass(as.POSIXct(to)); attributes(end) <- NULL
    return(.POSIXct(seq(start, end, length.out = length.out), tz))
  }
  step <- by; unit <- "sec"
  if (inherits(by, "difftime")) {
    step <- unclass(as.difftime(by, units = "secs"))
  } else if (is.character(by)) {
    parts <- strsplit(by, " ", fixed = TRUE)[[1L]]
    unit <- sub("s$", "", parts[length(parts)])
    step <- if (length(parts) == 2L) as.numeric(parts[1L]) else 1
    seconds <- c(sec = 1, min = 60, hour = 3600, day = 86400, DSTday = 86400, week = 604800)
    if (unit %in% names(seconds)) { step <- step * seconds[[unit]]; unit <- "sec" }
    else if (!unit %in% c("month", "year", "quarter")) stop("invalid string for 'by'")
  }
  if (unit == "sec") {
    if (!missing(to)) {
      end <- unclass(as.POSIXct(to)); attributes(end) <- NULL
      return(.POSIXct(seq(start, end, by = step), tz))
    }
    return(.POSIXct(seq(start, by = step, length.out = length.out), tz))
  }
  if (unit == "quarter") { step <- step * 3; unit <- "month" }
  lt <- as.POSIXlt(from)
  count <- if (!is.null(length.out)) length.out else {
    end <- as.POSIXlt(as.POSIXct(to), tz = c(attr(from, "tzone"), "")[1L])
    months <- (end$year - lt$year) * 12 + end$mon - lt$mon
    floor((if (unit == "year") months / 12 else months) / step) + 1
  }
  offsets <- seq(0, by = step, length.out = count)
  n <- length(offsets)
  fields <- unclass(lt)
  for (f in names(fields)) fields[[f]] <- rep(fields[[f]], length.out = n)
  if (unit == "year") fields$year <- fields$year + offsets else fields$mon <- fields$mon + offsets
  fields$isdst <- rep(-1L, n)
  value <- as.POSIXct(structure(fields, class = c("POSIXlt", "POSIXt"), tzone = attr(lt, "tzone")))
  if (!missing(to)) value <- value[value <= as.POSIXct(to)]
  value
}

trunc.POSIXt <- function(x, units = c("secs", "mins", "hours", "days", "months", "years"), ...) {
  units <- match.arg(units)
  lt <- as.POSIXlt(x)
  lt$sec <- trunc(lt$sec)
  if (units %in% c("mins", "hours", "days", "months", "years")) lt$sec[] <- 0
  if (units %in% c("hours", "days", "months", "years")) lt$min[] <- 0L
  if (units %in% c("days", "months", "years")) lt$hour[] <- 0L
  if (units %in% c("months", "years")) lt$mday[] <- 1L
  if (units == "years") lt$mon[] <- 0L
  lt$isdst[] <- -1L
  as.POSIXlt(as.POSIXct(lt))
}

round.POSIXt <- function(x, digits = c("secs", "mins", "hours", "days", "months", "years")) {
  units <- if (is.numeric(digits) && digits == 0) "secs" else match.arg(digits)
  half <- c(secs = 0.5, mins = 30, hours = 1800, days = 43200)[units]
  if (is.na(half)) return(trunc.POSIXt(x, units = units))
  trunc.POSIXt(as.POSIXct(x) + half, units = units)
}

weekdays.POSIXt <- function(x, abbreviate = FALSE) format(x, if (abbreviate) "%a" else "%A")
months.POSIXt <- function(x, abbreviate = FALSE) format(x, if (abbreviate) "%b" else "%B")
quarters.POSIXt <- function(x, ...) paste0("Q", (as.POSIXlt(x)$mon %/% 3L) + 1L)
julian.POSIXt <- function(x, origin = as.POSIXct("1970-01-01", tz = "GMT"), ...) {
  value <- difftime(as.POSIXct(x), origin, units = "days")
  attr(value, "origin") <- origin
  value
}

ISOdatetime <- function(year, month, day, hour, min, sec, tz = "") {
  text <- paste(year, month, day, hour, min, sec, sep = "-")
  as.POSIXct(strptime(text, "%Y-%m-%d-%H-%M-%OS", tz = tz), tz = tz)
}
ISOdate <- function(year, month, day, hour = 12, min = 0, sec = 0, tz = "GMT") {
  ISOdatetime(year, month, day, hour, min, sec, tz)
}

# Differences between times, in the units asked for or the largest unit in which the
# smallest non-zero difference is at least one.
difftime <- function(time1, time2, tz, units = c("auto", "secs", "mins", "hours", "days", "weeks")) {
  if (missing(tz)) {
    time1 <- as.POSIXct(time1)
    time2 <- as.POSIXct(time2)
  } else {
    time1 <- as.POSIXct(time1, tz = tz)
    time2 <- as.POSIXct(time2, tz = tz)
  }
  z <- unclass(time1) - unclass(time2)
  attributes(z) <- NULL
  units <- match.arg(units)
  if (units == "auto") {
    zz <- suppressWarnings(min(abs(z), na.rm = TRUE))
    units <- if (!is.finite(zz) || zz < 60) "secs" else if (zz < 3600) "mins" else if (zz < 86400) "hours" else "days"
  }
  .difftime(z / c(secs = 1, mins = 60, hours = 3600, days = 86400, weeks = 604800)[[units]], units)
}

as.difftime <- function(tim, format = "%X", units = "auto", tz = "UTC") {
  if (inherits(tim, "difftime")) {
    if (units == "auto") return(tim)
    units(tim) <- units
    return(tim)
  }
  if (is.character(tim)) return(difftime(strptime(tim, format = format), strptime("0:0:0", format = "%X"), units = units))
  if (!is.numeric(tim)) stop("'tim' is not character or numeric")
  if (units == "auto") stop("need explicit units for numeric conversion")
  if (!units %in% c("secs", "mins", "hours", "days", "weeks")) stop("invalid units specified")
  .difftime(tim, units = units)
}

units <- function(x) UseMethod("units")
units.difftime <- function(x) attr(x, "units")
`units<-` <- function(x, value) UseMethod("units<-")
`units<-.difftime` <- function(x, value) {
  from <- units(x)
  if (from == value) return(x)
  if (!value %in% c("secs", "mins", "hours", "days", "weeks")) stop("invalid units specified")
  seconds <- c(secs = 1, mins = 60, hours = 3600, days = 86400, weeks = 604800)
  v <- unclass(x); attr(v, "units") <- NULL
  .difftime(v * seconds[[from]] / seconds[[value]], value)
}

as.double.difftime <- function(x, units = "auto", ...) {
  if (units != "auto") units(x) <- units
  v <- unclass(x); attr(v, "units") <- NULL
  as.vector(v, "double")
}

format.difftime <- function(x, ...) {
  v <- unclass(x); attr(v, "units") <- NULL
  value <- paste(format(v, ...), units(x))
  names(value) <- names(x)
  value
}

print.difftime <- function(x, digits = getOption("digits"), ...) {
  v <- unclass(x); attr(v, "units") <- NULL
  if (is.array(x) || length(x) > 1L) {
    cat("Time differences in ", attr(x, "units"), "\n", sep = "")
    print(v, digits = digits, ...)
  } else {
    cat("Time difference of ", format(v, digits = digits), " ", attr(x, "units"), "\n", sep = "")
  }
  invisible(x)
}

Ops.difftime <- function(e1, e2) {
  secs <- function(e) if (inherits(e, "difftime")) { v <- unclass(as.difftime(e, units = "secs")); attr(v, "units") <- NULL; v } else e
  if (nargs() == 1L) {
    v <- get(.Generic)(unclass(e1)); return(if (.Generic == "!") v else .difftime(as.vector(v), units(e1)))
  }
  if (.Generic %in% c("==", "!=", "<", ">", "<=", ">=")) return(get(.Generic)(secs(e1), secs(e2)))
  if (.Generic %in% c("+", "-")) {
    if (inherits(e1, "difftime") && inherits(e2, "difftime")) {
      u <- if (units(e1) == units(e2)) units(e1) else "secs"
      if (u == "secs") { a <- secs(e1); b <- secs(e2) } else { a <- unclass(e1); b <- unclass(e2) }
      attr(a, "units") <- NULL; attr(b, "units") <- NULL
      return(.difftime(get(.Generic)(a, b), u))
    }
    u <- if (inherits(e1, "difftime")) units(e1) else units(e2)
    a <- unclass(e1); b <- unclass(e2); attr(a, "units") <- NULL; attr(b, "units") <- NULL
    return(.difftime(get(.Generic)(a, b), u))
  }
  if (.Generic %in% c("*", "/")) {
    if (inherits(e1, "difftime") && inherits(e2, "difftime")) {
      if (.Generic == "/") return(secs(e1) / secs(e2))
      stop("both arguments of * cannot be \"difftime\" objects")
    }
    u <- if (inherits(e1, "difftime")) units(e1) else units(e2)
    a <- unclass(e1); b <- unclass(e2); attr(a, "units") <- NULL; attr(b, "units") <- NULL
    return(.difftime(get(.Generic)(a, b), u))
  }
  stop(gettextf("'%s' not defined for \"difftime\" objects", .Generic))
}

Summary.difftime <- function(..., na.rm = FALSE) {
  args <- list(...)
  u <- units(args[[1L]])
  values <- unlist(lapply(args, function(e) { v <- unclass(as.difftime(e, units = u)); attr(v, "units") <- NULL; v }))
  value <- get(.Generic)(values, na.rm = na.rm)
  if (.Generic %in% c("all", "any")) value else .difftime(value, u)
}

`[.difftime` <- function(x, ..., drop = TRUE) {
  v <- unclass(x); attr(v, "units") <- NULL
  .difftime(v[...], units(x), oldClass(x))
}

c.difftime <- function(..., recursive = FALSE) {
  args <- list(...)
  u <- units(args[[1L]])
  .difftime(unlist(lapply(args, function(e) { v <- unclass(as.difftime(e, units = u)); attr(v, "units") <- NULL; v })), u)
}

mean.difftime <- function(x, ...) {
  v <- unclass(x); attr(v, "units") <- NULL
  .difftime(mean(v, ...), units(x))
}

is.numeric.difftime <- function(x) FALSE
"""#)
}
