/// stringr's common functions over base's regular expressions (stringr uses ICU's; the
/// patterns lessons write mean the same in both).
enum StringrRSource {
    static let source = RSource(functions: ["str_replace", "str_replace_all", "str_detect", "str_remove", "str_remove_all",
                                            "str_to_upper", "str_to_lower", "str_length", "str_c", "str_trim",
                                            "str_sub", "str_starts", "str_ends", "str_pad", "str_split", "str_extract",
                                            "str_extract_all", "str_squish", "str_count", "str_subset", "str_which",
                                            "str_to_title", "str_replace_na", "str_dup", "str_trunc"], code: #"""
str_replace <- function(string, pattern, replacement) sub(pattern, replacement, string, perl = TRUE)
str_replace_all <- function(string, pattern, replacement) gsub(pattern, replacement, string, perl = TRUE)
str_remove <- function(string, pattern) sub(pattern, "", string, perl = TRUE)
str_remove_all <- function(string, pattern) gsub(pattern, "", string, perl = TRUE)
str_detect <- function(string, pattern, negate = FALSE) {
  found <- grepl(pattern, string, perl = TRUE)
  found[is.na(string)] <- NA
  if (negate) !found else found
}
str_starts <- function(string, pattern, negate = FALSE) str_detect(string, paste0("^(?:", pattern, ")"), negate)
str_ends <- function(string, pattern, negate = FALSE) str_detect(string, paste0("(?:", pattern, ")$"), negate)
str_to_upper <- function(string, locale = "en") toupper(string)
str_to_lower <- function(string, locale = "en") tolower(string)
str_length <- function(string) nchar(string)
str_c <- function(..., sep = "", collapse = NULL) paste(..., sep = sep, collapse = collapse)
str_trim <- function(string, side = c("both", "left", "right")) trimws(string, which = match.arg(side))
str_sub <- function(string, start = 1L, end = -1L) {
  n <- nchar(string)
  from <- ifelse(start < 0, n + start + 1, start)
  to <- ifelse(end < 0, n + end + 1, end)
  substr(string, from, to)
}
str_pad <- function(string, width, side = c("left", "right", "both"), pad = " ", use_width = TRUE) {
  side <- match.arg(side)
  if (nchar(pad) != 1L) stop("`pad` must be a single character")
  gap <- pmax(0, width - nchar(string))
  left <- switch(side, left = gap, right = 0, both = floor(gap / 2))
  right <- gap - left
  out <- paste0(strrep(pad, left), string, strrep(pad, right))
  out[is.na(string)] <- NA
  out
}
# Pieces between the matches, empty ones kept (a trailing separator leaves ""), at most n.
str_split <- function(string, pattern, n = Inf, simplify = FALSE) {
  pieces <- lapply(string, function(s) {
    if (is.na(s)) return(NA_character_)
    at <- gregexpr(pattern, s, perl = TRUE)[[1L]]
    if (at[1L] == -1L) return(s)
    lens <- attr(at, "match.length")
    if (is.finite(n)) {
      keep <- seq_len(min(length(at), max(n - 1, 0)))
      at <- at[keep]; lens <- lens[keep]
    }
    substring(s, c(1L, at + lens), c(at - 1L, nchar(s)))
  })
  if (!simplify) return(pieces)
  width <- max(lengths(pieces))
  matrix(unlist(lapply(pieces, function(p) c(p, rep("", width - length(p))))), ncol = width, byrow = TRUE)
}
str_extract <- function(string, pattern) {
  at <- regexpr(pattern, string, perl = TRUE)
  out <- rep(NA_character_, length(string))
  found <- !is.na(at) & at > 0
  out[found] <- regmatches(string, at)
  out
}
str_extract_all <- function(string, pattern, simplify = FALSE) regmatches(string, gregexpr(pattern, string, perl = TRUE))
str_squish <- function(string) gsub("\\s+", " ", trimws(string), perl = TRUE)
str_count <- function(string, pattern = "") {
  vapply(string, function(s) {
    if (is.na(s)) return(NA_integer_)
    at <- gregexpr(pattern, s, perl = TRUE)[[1L]]
    sum(at > 0)
  }, 1L, USE.NAMES = FALSE)
}
str_subset <- function(string, pattern, negate = FALSE) string[str_detect(string, pattern, negate) %in% TRUE]
str_which <- function(string, pattern, negate = FALSE) which(str_detect(string, pattern, negate))
str_to_title <- function(string, locale = "en") {
  out <- gsub("(^|[^[:alpha:]])([[:alpha:]])", "\\1\\U\\2", tolower(string), perl = TRUE)
  out[is.na(string)] <- NA
  out
}
str_replace_na <- function(string, replacement = "NA") ifelse(is.na(string), replacement, string)
str_dup <- function(string, times) strrep(string, times)
str_trunc <- function(string, width, side = c("right", "left", "center"), ellipsis = "...") {
  side <- match.arg(side)
  long <- !is.na(string) & nchar(string) > width
  keep <- width - nchar(ellipsis)
  out <- string
  out[long] <- switch(side,
    right = paste0(substr(string[long], 1, keep), ellipsis),
    left = paste0(ellipsis, substr(string[long], nchar(string[long]) - keep + 1, nchar(string[long]))),
    center = paste0(substr(string[long], 1, ceiling(keep / 2)), ellipsis,
                    substr(string[long], nchar(string[long]) - floor(keep / 2) + 1, nchar(string[long]))))
  out
}
"""#)
}
