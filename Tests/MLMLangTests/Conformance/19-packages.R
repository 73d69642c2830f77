#### library-unknown
library(nopkg)
#### library-quiet-known
library(stats)
cat("attached\n")
#### require-unknown
x <- require(nopkg2)
x
#### require-known
require(stats)
#### require-namespace
requireNamespace("stats", quietly = TRUE)
requireNamespace("nopkg3", quietly = TRUE)
#### data-unknown
data(nosuch_data_set)
#### suppress-startup
suppressPackageStartupMessages(library(stats))
"done"
#### search-path-dependencies
suppressPackageStartupMessages(library(lmerTest))
search()
#### namespace-access
head(lme4::sleepstudy, 2)
stats::median(c(3, 1, 2))
base::paste("a", "b")
#### namespace-unknown-package
nopkg::f
