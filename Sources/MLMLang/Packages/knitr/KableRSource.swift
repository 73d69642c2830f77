/// knitr's kable(): a data frame or matrix as a Markdown table ("pipe", knitr's default when
/// knitting Markdown, or pandoc's "simple"), each numeric column rounded to `digits` and
/// formatted as format() does, aligned right (numbers) or left, with optional row names,
/// column names and caption. The value is the table's lines (class "knitr_kable"); at the
/// console print() writes them, and in a knitted notebook knit_print() places them in the
/// page as they are (knitr's asis_output), where they render as a table. Written in R.
enum KableRSource {
    static let source = RSource(functions: ["kable", "print.knitr_kable", "knit_print", "knit_print.default",
                                            "knit_print.knitr_kable", "knit_print.knit_asis", "asis_output"], code: #"""
kable <- function(x, format, digits = getOption("digits"), row.names = NA, col.names = NA, align,
                  caption = NULL, label = NULL, format.args = list(), escape = TRUE, ...) {
  if (missing(format) || is.null(format)) format <- getOption("knitr.table.format")
  if (is.null(format)) format <- "pipe"
  if (is.function(format)) format <- format()
  format <- switch(format, pandoc = "simple", markdown = "pipe", format)
  if (!format %in% c("pipe", "simple"))
    stop(sprintf("kable(format = \"%s\") is not supported: mlmd writes Markdown tables (\"pipe\" or \"simple\")", format))
  if (!missing(align) && length(align) == 1L && !grepl("[^lcr]", align)) align <- strsplit(align, "")[[1]]
  if (inherits(x, "list")) stop("kable() of a list of tables is not supported yet")
  if (!is.matrix(x)) x <- as.data.frame(x)
  if (identical(col.names, NA)) col.names <- colnames(x)
  m <- ncol(x)
  numeric.cols <- if (is.matrix(x)) rep(is.numeric(x), m) else vapply(x, is.numeric, NA)
  if (missing(align)) align <- ifelse(numeric.cols, "r", "l")
  digits <- rep(digits, length.out = m)
  for (j in seq_len(m))
    if (class(x[, j])[1] %in% c("numeric", "integer", "difftime", "complex")) x[, j] <- round(x[, j], digits[j])
  formatted <- function(v) {
    args <- format.args
    args$x <- v
    args$trim <- TRUE
    do.call(base::format, args)
  }
  # Numbers formatted column by column, as format() formats a data frame.
  if (any(numeric.cols)) {
    if (is.matrix(x)) {
      text <- matrix(unlist(lapply(seq_len(m), function(j) formatted(unclass(x)[, j])), use.names = FALSE), nrow = nrow(x))
      dimnames(text) <- dimnames(x)
      x <- text
    } else for (j in which(numeric.cols)) x[[j]] <- formatted(x[[j]])
  }
  if (is.na(row.names)) row.names <- !is.null(rownames(x)) && !identical(rownames(x), as.character(seq_len(NROW(x))))
  if (!is.null(align)) align <- rep(align, length.out = m)
  n <- nrow(x)
  cells <- if (is.character(x) && is.matrix(x)) x
           else if (is.matrix(x)) { y <- as.character(x); dim(y) <- dim(x); y }
           else matrix(unlist(lapply(x, function(col) as.character(formatted(col))), use.names = FALSE), nrow = n)
  if (row.names) {
    cells <- cbind(rownames(x), cells)
    if (!is.null(col.names)) col.names <- c(" ", col.names)
    if (!is.null(align)) align <- c("l", align)
  }
  cells <- matrix(trimws(cells), nrow = n)
  colnames(cells) <- col.names
  if (length(align) && !all(align %in% c("l", "r", "c")))
    stop("'align' must be a character vector of possible values 'l', 'r', and 'c'")
  attr(cells, "align") <- align
  if (identical(caption, NA)) caption <- NULL
  lines <- if (format == "pipe" || nrow(cells) == 0) {
    format <- "pipe"
    if (is.null(colnames(cells))) colnames(cells) <- rep("", ncol(cells))
    # The rule under the header marks each column's alignment with colons.
    colons <- function(rules, align) {
      if (is.null(align)) return(rules)
      at <- c(l = "^.", c = "^.|.$", r = ".$")
      for (i in seq_along(rules)) rules[i] <- gsub(at[align[i]], ":", rules[i])
      rules
    }
    sprintf("|%s|", .kable_rows(cells, c(NA, "-", NA), "|", 1, colons))
  } else {
    blank.names <- is.null(colnames(cells)) || all(grepl("^\\s*$", colnames(cells)))
    rows <- .kable_rows(cells, c(NA, "-", if (blank.names) "-" else NA), "  ", 1, function(rules, align) rules)
    if (ncol(cells) == 1 && !is.null(colnames(cells))) rows <- paste0(" ", rows)
    rows
  }
  if (length(caption)) lines <- c(paste("Table:", caption), "", lines)
  structure(lines, format = format, class = "knitr_kable")
}

# The table's lines: header, rule, body (and the rules above and below that sep.row asks
# for), each column padded to its width plus `padding` on the side its alignment leaves free.
.kable_rows <- function(x, sep.row, sep.col, padding, mark.rule) {
  if (sep.col == "|") for (j in seq_len(ncol(x))) x[, j] <- gsub("|", "&#124;", x[, j], fixed = TRUE)
  unlinked <- function(s) gsub("(?<!`)\\[([^]]+)\\]\\(([^)]+)\\)(?!`)", "\\1", s, perl = TRUE)
  widths <- if (prod(dim(x)) > 0) apply(x, 2, function(z) max(nchar(unlinked(z), type = "width"), na.rm = TRUE))
  header <- colnames(x)
  if (length(header) > 0) {
    header[is.na(header)] <- "NA"
    if (sep.col == "|") header <- gsub("|", "&#124;", header, fixed = TRUE)
    if (grepl("^\\s*$", header[1L])) header[1L] <- ""
    widths <- pmax(if (length(widths) == 0) 0 else widths, nchar(unlinked(header), type = "width"))
  }
  align <- attr(x, "align")
  widths <- pmax(widths + padding * (if (length(align) == 0) 2 else ifelse(align == "c", 2, 1)), 3)
  rules <- vapply(widths, function(w) strrep(sep.row[2], w), "")
  rows <- rbind(if (!is.na(sep.row[1])) rules, header, mark.rule(rules, align), unname(x), if (!is.na(sep.row[3])) rules)
  if (any(dim(rows) == 0)) return(rows)
  side <- if (is.null(align)) rep("both", ncol(rows)) else c(l = "right", c = "both", r = "left")[align]
  n <- nrow(rows)
  cells <- c(rows)
  free <- rep(widths, each = n) - nchar(cells, type = "width")
  sides <- rep(side, each = n)
  half <- floor(free / 2)
  before <- strrep(" ", pmax(0, free * (sides == "left") + half * (sides == "both")))
  after <- strrep(" ", pmax(0, free * (sides == "right") + (free - half) * (sides == "both")))
  rows <- matrix(paste0(before, cells, after), nrow = n)
  c(paste(rows[1, ], collapse = sep.col), apply(rows[-1, , drop = FALSE], 1, paste, collapse = sep.col))
}

print.knitr_kable <- function(x, ...) {
  if (!(attr(x, "format") %in% c("html", "latex"))) cat("\n\n")
  cat(x, sep = "\n")
}

asis_output <- function(x, meta = NULL, cacheable = NA)
  structure(x, class = "knit_asis", knit_meta = meta, knit_cacheable = cacheable)

# What a knitted notebook does with a visible value: print it, unless a method places it
# in the page as it is.
knit_print <- function(x, ...) UseMethod("knit_print")

knit_print.default <- function(x, ..., inline = FALSE) {
  if (inline) x else print(x)
}

knit_print.knitr_kable <- function(x, ...) {
  lines <- c(if (!(attr(x, "format") %in% c("html", "latex"))) c("", ""), x, "\n")
  asis_output(paste(lines, collapse = "\n"))
}

knit_print.knit_asis <- function(x, ...) x
"""#)
}
