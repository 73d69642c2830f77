/// base's Date class (days since 1970-01-01) and its methods, written in R as R writes them,
/// on the kernels of DateTimeLibrary.
enum DatesRSource {
    static let source = RSource(functions: [
        ".Date", "as.Date", "as.Date.default", "as.Date.character", "as.Date.factor", "as.Date.numeric",
        "as.Date.POSIXct", "as.Date.POSIXlt", "Sys.Date", "format.Date", "print.Date",
        "as.character.Date", "Ops.Date", "Summary.Date", "[.Date", "[[.Date", "c.Date", "mean.Date", "summary.Date",
        "seq.Date", "rep.Date", "weekdays", "weekdays.Date", "months", "months.Date", "quarters", "quarters.Date",
        "julian", "julian.Date", "is.numeric.Date", "cut.Date", "diff.Date", "as.list.Date", "xtfrm.Date", "split.Date",
    ], code: #"""
.Date <- function(xx, cl = "Date") `class<-`(xx, cl)

as.Date <- function(x, ...) UseMethod("as.Date")

as.Date.default <- function(x, ...) {
  if (inherits(x, "Date")) return(x)
  if (is.null(x)) return(.Date(numeric()))
  if (is.logical(x) && all(is.na(x))) return(.Date(as.numeric(x)))
  stop(sprintf("do not know how to convert '%s' to class %s", paste(deparse(substitute(x)), collapse = " "),
               "\u201cDate\u201d"))
}

# Without a format, the first non-NA string chooses among tryFormats; a string none of them
# reads is an error, unless optional = TRUE.
as.Date.character <- function(x, format, tryFormats = c("%Y-%m-%d", "%Y/%m/%d"), optional = FALSE, ...) {
  if (!missing(format)) return(as.Date(strptime(x, format, tz = "GMT")))
  first <- x[!is.na(x)][1L]
  if (is.na(first)) return(as.Date(strptime(x, "%Y-%m-%d", tz = "GMT")))
  for (f in tryFormats) {
    if (!is.na(.Internal(POSIXlt2Date(strptime(first, f, tz = "GMT"))))) return(as.Date(strptime(x, f, tz = "GMT")))
  }
  if (optional) return(.Date(rep(NA_real_, length(x))))
  charToDate <- function(x) stop("character string is not in a standard unambiguous format")
  charToDate(x)
}

as.Date.factor <- function(x, ...) as.Date(as.character(x), ...)

as.Date.numeric <- function(x, origin, ...) {
  if (missing(origin)) stop("'origin' must be supplied")
  as.Date(origin, ...) + x
}

as.Date.POSIXct <- function(x, tz = "UTC", ...) {
  if (tz %in% c("UTC", "GMT")) {
    days <- floor(unclass(x) / 86400)
    attributes(days) <- NULL
    .Date(days)
  } else as.Date(as.POSIXlt(x, tz = tz))
}

as.Date.POSIXlt <- function(x, ...) {
  days <- .Internal(POSIXlt2Date(x))
  names(days) <- names(x$year)
  .Date(days)
}

Sys.Date <- function() as.Date(as.POSIXlt(Sys.time()))

format.Date <- function(x, ...) {
  out <- format.POSIXlt(as.POSIXlt(x), ...)
  names(out) <- names(x)
  out
}

print.Date <- function(x, max = NULL, ...) {
  if (length(x) == 0L) cat("Date of length 0\n") else print(format(x), max = max, ...)
  invisible(x)
}

as.character.Date <- function(x, ...) format(x, ...)

# Dates compare with dates and strings; days may be added or taken away; a difference of two
# dates is a difftime in days.
Ops.Date <- function(e1, e2) {
  if (nargs() == 1L) stop(gettextf("unary %s not defined for \"Date\" objects", .Generic))
  if (.Generic %in% c("==", "!=", "<", ">", "<=", ">=")) {
    if (is.character(e1)) e1 <- as.Date(e1)
    if (is.character(e2)) e2 <- as.Date(e2)
    return(get(.Generic)(unclass(e1), unclass(e2)))
  }
  if (.Generic == "+") {
    if (inherits(e1, "Date") && inherits(e2, "Date")) stop("binary + is not defined for \"Date\" objects")
    days <- function(e) if (inherits(e, "difftime")) unclass(as.difftime(e, units = "days")) else unclass(e)
    value <- days(e1) + days(e2)
    attr(value, "units") <- NULL
    return(.Date(value))
  }
  if (.Generic == "-") {
    if (inherits(e2, "Date")) {
      if (!inherits(e1, "Date")) stop("can only subtract from \"Date\" objects")
      return(difftime(e1, e2, units = "days"))
    }
    if (inherits(e2, "difftime")) e2 <- unclass(as.difftime(e2, units = "days"))
    value <- unclass(e1) - unclass(e2)
    attr(value, "units") <- NULL
    return(.Date(value))
  }
  stop(gettextf("%s not defined for \"Date\" objects", .Generic))
}

Summary.Date <- function(..., na.rm = FALSE) {
  if (!.Generic %in% c("max", "min", "range")) stop(gettextf("%s not defined for \"Date\" objects", .Generic))
  values <- unlist(lapply(list(...), function(e) unclass(as.Date(e))))
  .Date(get(.Generic)(values, na.rm = na.rm))
}

`[.Date` <- function(x, ..., drop = TRUE) {
  value <- unclass(x)[...]
  class(value) <- oldClass(x)
  value
}

`[[.Date` <- function(x, ..., drop = TRUE) {
  value <- unclass(x)[[...]]
  class(value) <- oldClass(x)
  value
}

c.Date <- function(..., recursive = FALSE) {
  .Date(c(unlist(lapply(list(...), function(e) unclass(as.Date(e))))))
}

as.list.Date <- function(x, ...) lapply(seq_along(x), function(i) x[i])

mean.Date <- function(x, ...) .Date(mean(unclass(x), ...))

xtfrm.Date <- function(x) unclass(x)

split.Date <- function(x, f, drop = FALSE, ...) lapply(split(seq_along(x), f, drop = drop, ...), function(i) x[i])

is.numeric.Date <- function(x) FALSE

rep.Date <- function(x, ...) .Date(rep(unclass(x), ...))

diff.Date <- function(x, lag = 1L, differences = 1L, ...) {
  days <- unclass(x)
  for (k in seq_len(differences)) {
    n <- length(days)
    days <- if (lag >= n) days[0L] else days[(1L + lag):n] - days[1L:(n - lag)]
  }
  .difftime(days, "days")
}

summary.Date <- function(object, digits = 12L, ...) {
  x <- summary(unclass(object), digits = digits, ...)
  class(x) <- c("summaryDefault", "table", oldClass(object))
  x
}

seq.Date <- function(from, to, by, length.out = NULL, along.with = NULL, ...) {
  if (!missing(along.with)) length.out <- length(along.with)
  if (missing(by)) {
    if (missing(to) || is.null(length.out)) stop("exactly two of 'to', 'by' and 'length.out' / 'along.with' must be specified")
    return(.Date(seq(unclass(from), unclass(as.Date(to)), length.out = length.out)))
  }
  step <- 1
  unit <- "day"
  if (inherits(by, "difftime")) {
    step <- unclass(as.difftime(by, units = "days"))
  } else if (is.character(by)) {
    parts <- strsplit(by, " ", fixed = TRUE)[[1L]]
    if (length(parts) > 2L || length(parts) < 1L) stop("invalid 'by' string")
    unit <- parts[length(parts)]
    unit <- c(day = "day", days = "day", week = "week", weeks = "week", month = "month", months = "month",
              quarter = "quarter", quarters = "quarter", year = "year", years = "year",
              DSTday = "day", DSTdays = "day")[unit]
    if (is.na(unit)) stop("invalid string for 'by'")
    if (length(parts) == 2L) step <- as.integer(parts[1L])
    if (unit == "week") { step <- step * 7; unit <- "day" }
    if (unit == "quarter") { step <- step * 3; unit <- "month" }
  } else {
    step <- by
  }
  if (unit == "day") {
    if (!missing(to)) return(.Date(seq(unclass(from), unclass(as.Date(to)), by = step)))
    return(.Date(seq(unclass(from), by = step, length.out = length.out)))
  }
  start <- as.POSIXlt(from)
  count <- if (!is.null(length.out)) length.out else {
    end <- as.POSIXlt(as.Date(to))
    months <- (end$year - start$year) * 12 + end$mon - start$mon
    floor((if (unit == "year") months / 12 else months) / step) + 1
  }
  offsets <- seq(0, by = step, length.out = count)
  if (unit == "year") start$year <- start$year + offsets else start$mon <- start$mon + offsets
  start$mday <- rep(start$mday, length(offsets))
  value <- as.Date(start)
  if (!missing(to)) value <- value[value <= as.Date(to)]
  value
}

cut.Date <- function(x, breaks, labels = NULL, start.on.monday = TRUE, right = FALSE, ...) {
  if (!is.character(breaks) || length(breaks) != 1L) {
    codes <- cut(unclass(x), unclass(as.Date(breaks)), labels = labels, right = right, ...)
    return(codes)
  }
  unit <- sub("s$", "", breaks)
  lt <- as.POSIXlt(x)
  starts <- switch(unit,
    day = x,
    week = x - (lt$wday - if (start.on.monday) 1L else 0L) %% 7L,
    month = x - (lt$mday - 1L),
    year = x - lt$yday,
    stop("invalid specification of 'breaks'"))
  levels <- format(seq(min(starts, na.rm = TRUE), max(starts, na.rm = TRUE), by = unit))
  factor(format(starts), levels = if (is.null(labels)) levels else levels, labels = if (is.null(labels)) levels else labels)
}

weekdays <- function(x, abbreviate) UseMethod("weekdays")
weekdays.Date <- function(x, abbreviate = FALSE) format(x, if (abbreviate) "%a" else "%A")

months <- function(x, abbreviate) UseMethod("months")
months.Date <- function(x, abbreviate = FALSE) format(x, if (abbreviate) "%b" else "%B")

quarters <- function(x, ...) UseMethod("quarters")
quarters.Date <- function(x, ...) paste0("Q", (as.POSIXlt(x)$mon %/% 3L) + 1L)

julian <- function(x, ...) UseMethod("julian")
julian.Date <- function(x, origin = as.Date("1970-01-01"), ...) {
  value <- unclass(x) - unclass(origin)
  attr(value, "origin") <- origin
  value
}
"""#)
}
