#!/usr/bin/env Rscript
# Writes the serialized R files Tests/DataFramesTests reads (RSerializationTests). Run from the
# repository root:  Rscript scripts/make-rdata-fixtures.R
# The tests need only the committed files. They hold the kinds of object lessons save and load:
# vectors with NA, UTF-8 strings, factors, data frames (compact row names), formulas, functions,
# nested lists and environments; gzip-compressed and not; save()'s format versions 2 and 3.
dir <- "Tests/DataFramesTests/Fixtures"
objects <- list(
  logical = c(TRUE, NA, FALSE),
  integer = c(1L, NA, -7L),
  double = c(a = 1.5, b = NA, c = Inf, d = NaN),
  character = c("plain", NA, "caf\u00e9"),
  factor = factor(c("lo", "hi", NA, "lo"), levels = c("lo", "hi")),
  frame = data.frame(x = 1:3, g = factor(c("a", "b", "a")), stringsAsFactors = FALSE),
  formula = y ~ x + (1 | g),
  fun = function(x, y = 2) x + y,
  nested = list(list(1, "a"), NULL),
  sequence = 1:10
)
env <- new.env()
assign("inside", 42, envir = env)
objects$environment <- env
saveRDS(objects, file.path(dir, "objects.rds"))
saveRDS(objects[c("double", "frame")], file.path(dir, "objects-uncompressed.rds"), compress = FALSE)
first <- c(10, 20); second <- letters[1:3]
save(first, second, file = file.path(dir, "workspace.RData"))
save(first, second, file = file.path(dir, "workspace-v2.RData"), version = 2)
