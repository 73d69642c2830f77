/// stats' time series as R's datasets hold them (AirPassengers, Nile, UKgas): ts() and the
/// "tsp" attribute (start, end, frequency), its accessors start, end, frequency, deltat, time,
/// cycle and window, and print.ts, which lays monthly and quarterly series out as a calendar
/// (a row per year) and prints others under a "Time Series:" header. Written in R.
enum TimeSeriesRSource {
    static let source = RSource(functions: ["ts", "tsp", "tsp<-", "is.ts", "as.ts", "frequency", "deltat", "start", "end", "time",
                                            "cycle", "window", "print.ts"], code: #"""
ts <- function(data = NA, start = 1, end = numeric(), frequency = 1, deltat = 1, ts.eps = getOption("ts.eps"),
               class = if (nseries > 1) c("mts", "ts", "matrix", "array") else "ts", names = NULL) {
  if (is.data.frame(data)) data <- data.matrix(data)
  n <- NROW(data)
  nseries <- NCOL(data)
  if (missing(frequency)) frequency <- 1 / deltat
  if (length(start) > 1L) start <- start[1L] + (start[2L] - 1) / frequency
  if (length(end) > 1L) end <- end[1L] + (end[2L] - 1) / frequency
  if (missing(end) || !length(end)) end <- start + (n - 1) / frequency
  else if (missing(start)) start <- end - (n - 1) / frequency
  if (start > end) stop("'start' cannot be after 'end'")
  cycles <- as.numeric((end - start) * frequency)
  if (abs(round(cycles) - cycles) > 1e-05) stop("'end' must be a whole number of cycles after 'start'")
  count <- floor(round(cycles) + 1.01)
  if (count != n) data <- if (NCOL(data) == 1) rep_len(data, count) else data[rep_len(seq_len(n), count), , drop = FALSE]
  attr(data, "tsp") <- c(start, end, frequency)
  attr(data, "class") <- class
  data
}

tsp <- function(x) attr(x, "tsp")

`tsp<-` <- function(x, value) {
  attr(x, "tsp") <- value
  if (is.null(value)) class(x) <- setdiff(class(x), c("ts", "mts")) else if (!inherits(x, "ts")) class(x) <- c("ts", oldClass(x))
  x
}

is.ts <- function(x) inherits(x, "ts") && length(x)

as.ts <- function(x, ...) if (is.ts(x)) x else ts(x)

.tsp_of <- function(x) {
  value <- attr(x, "tsp")
  if (is.null(value)) c(1, NROW(x), 1) else value
}

frequency <- function(x, ...) .tsp_of(x)[3L]

deltat <- function(x, ...) 1 / .tsp_of(x)[3L]

# A time as c(cycle, period) when the frequency is whole, as R gives it.
.cycle_period <- function(t, f) {
  eps <- 1e-05
  if (abs(f - round(f)) < eps && abs(t * f - round(t * f)) < eps) {
    whole <- floor(t + eps)
    c(whole, floor(f * (t - whole) + 0.001) + 1)
  } else t
}

start <- function(x, ...) { p <- .tsp_of(x); .cycle_period(p[1L], p[3L]) }

end <- function(x, ...) { p <- .tsp_of(x); .cycle_period(p[2L], p[3L]) }

time <- function(x, offset = 0, ...) {
  p <- .tsp_of(x)
  n <- NROW(x)
  ts(seq(p[1L], by = 1 / p[3L], length.out = n) + offset / p[3L], start = p[1L], frequency = p[3L])
}

cycle <- function(x, ...) {
  p <- .tsp_of(x)
  n <- NROW(x)
  first <- round((p[1L] %% 1) * p[3L])
  ts((first + seq_len(n) - 1) %% p[3L] + 1, start = p[1L], frequency = p[3L])
}

window <- function(x, start = NULL, end = NULL, ...) {
  p <- .tsp_of(x)
  f <- p[3L]
  from <- if (is.null(start)) p[1L] else if (length(start) > 1L) start[1L] + (start[2L] - 1) / f else start
  to <- if (is.null(end)) p[2L] else if (length(end) > 1L) end[1L] + (end[2L] - 1) / f else end
  times <- seq(p[1L], by = 1 / f, length.out = NROW(x))
  keep <- times >= from - 1e-05 / f & times <= to + 1e-05 / f
  values <- if (NCOL(x) == 1) unclass(x)[keep] else unclass(x)[keep, , drop = FALSE]
  attr(values, "tsp") <- NULL
  ts(values, start = times[keep][1L], frequency = f)
}

print.ts <- function(x, digits = getOption("digits"), quote = FALSE, print.gap, ...) {
  p <- tsp(x)
  if (is.null(p)) {
    warning("series is corrupt, with no 'tsp' attribute")
    print(unclass(x), ...)
    return(invisible(x))
  }
  f <- p[3L]
  calendar <- any(f == c(4, 12)) && length(start(x)) == 2L
  if (NCOL(x) == 1 && calendar) {
    # A row per year, a column per month or quarter; the first and last years padded.
    labels <- if (f == 12) month.abb else c("Qtr1", "Qtr2", "Qtr3", "Qtr4")
    s <- start(x); e <- end(x)
    cells <- format(unclass(x), digits = digits)
    attributes(cells) <- NULL
    table <- if (NROW(x) <= f && s[1L] == e[1L]) {
      matrix(cells, nrow = 1L, dimnames = list(s[1L], labels[1 + (s[2L] - 2 + seq_along(cells)) %% f]))
    } else {
      matrix(c(rep.int("", s[2L] - 1), cells, rep.int("", f - e[2L])), ncol = f, byrow = TRUE,
             dimnames = list(s[1L]:e[1L], labels))
    }
    print(table, quote = FALSE, right = TRUE)
    return(invisible(x))
  }
  if (NCOL(x) == 1) {
    if (f != 1) cat("Time Series:\nStart =", deparse(start(x)), "\nEnd =", deparse(end(x)), "\nFrequency =", deparse(f), "\n")
    else cat("Time Series:\nStart =", format(p[1L]), "\nEnd =", format(p[2L]), "\nFrequency =", deparse(f), "\n")
    values <- unclass(x)
    attr(values, "tsp") <- NULL
    print(values, digits = digits)
    return(invisible(x))
  }
  values <- unclass(x)
  attr(values, "tsp") <- NULL
  rownames(values) <- if (calendar) {
    tm <- seq(p[1L], by = 1 / f, length.out = NROW(x))
    period <- 1 + round(f * ((tm + 0.001) %% 1))
    years <- format(floor(zapsmall(tm, digits = 7)))
    if (f == 12) paste(month.abb[period], years) else paste(years, c("Q1", "Q2", "Q3", "Q4")[period])
  } else format(seq(p[1L], by = 1 / f, length.out = NROW(x)))
  print(values, digits = digits)
  invisible(x)
}
"""#)
}
