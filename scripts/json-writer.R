# A small JSON writer for the fixture generators (source("scripts/json-writer.R") from the
# repository root). jsonlite rounds to 15 digits, which loses the last bits: numbers are written
# with 17 significant digits so that they read back exactly; NA, NaN, Inf and -Inf as the
# strings "NA", "NaN", "Inf", "-Inf" (JSON has no such numbers). Vectors are arrays, even of
# length one, unless marked with scalar().
json_number <- function(x) {
  if (is.na(x) && !is.nan(x)) return("\"NA\"")
  if (is.nan(x)) return("\"NaN\"")
  if (is.infinite(x)) return(if (x > 0) "\"Inf\"" else "\"-Inf\"")
  sprintf("%.17g", x)
}
json_string <- function(x) if (is.na(x)) "null" else encodeString(x, quote = "\"")
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(x, to_json, "", indent = inner)
    if (is.null(names(x))) {
      return(paste0("[\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    }
    keys <- vapply(names(x), json_string, "")
    return(paste0("{\n", paste0(inner, keys, ": ", items, collapse = ",\n"), "\n", indent, "}"))
  }
  values <- if (is.character(x) || is.factor(x)) vapply(as.character(x), json_string, "")
            else if (is.logical(x)) ifelse(x, "true", "false")
            else vapply(as.numeric(x), json_number, "")
  if (inherits(x, "scalar")) return(values[[1]])
  paste0("[", paste(values, collapse = ", "), "]")
}
scalar <- function(x) structure(x, class = c("scalar", class(x)))
