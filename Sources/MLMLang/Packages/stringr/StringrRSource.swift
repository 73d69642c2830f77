/// stringr's common functions over base's regular expressions (stringr uses ICU's; the
/// patterns lessons write mean the same in both).
enum StringrRSource {
    static let source = RSource(functions: ["str_replace", "str_replace_all", "str_detect", "str_remove", "str_remove_all",
                                            "str_to_upper", "str_to_lower", "str_length", "str_c", "str_trim",
                                            "str_sub", "str_starts", "str_ends"], code: #"""
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
"""#)
}
