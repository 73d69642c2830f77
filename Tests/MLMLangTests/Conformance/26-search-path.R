#### lmer-before-and-after-lmertest
exists("lmer")
library(lme4)
inherits(lmer(Reaction ~ Days + (1 | Subject), sleepstudy), "lmerModLmerTest")
library(lmerTest)
inherits(lmer(Reaction ~ Days + (1 | Subject), sleepstudy), "lmerModLmerTest")
inherits(lme4::lmer(Reaction ~ Days + (1 | Subject), sleepstudy), "lmerModLmerTest")
#### filter-before-and-after-dplyr
d <- data.frame(x = 1:4)
r <- try(filter(d, x > 2), silent = TRUE)
class(r)
library(dplyr)
filter(d, x > 2)
#### ggplot-before-library
ggplot(mtcars)
#### namespace-without-attaching
dplyr::n_distinct(c(1, 1, 2, 3))
"package:dplyr" %in% search()
#### namespace-unexported
lme4::summary.merMod
#### namespace-triple-colon
is.function(lme4:::summary.merMod)
#### search-after-several-library-calls
library(ggplot2)
library(lme4)
library(broom)
search()
#### library-returns-attached
x <- library(lme4)
x
#### library-lme4-messages
library(lme4)
#### library-lmertest-messages
library(lmerTest)
#### library-dplyr-messages
library(dplyr)
#### library-tidyverse-messages
library(tidyverse)
#### library-lmertest-after-tidyverse
library(tidyverse)
library(lmerTest)
#### library-warn-conflicts-false
library(dplyr, warn.conflicts = FALSE)
"quiet"
#### library-masked-by-global
assign("filter", function(x) x, envir = globalenv())
library(dplyr)
#### library-quietly
library(lmerTest, quietly = TRUE)
#### require-attaches-with-message
require(lme4)
#### suppress-only-startup-messages
suppressPackageStartupMessages({ library(lmerTest); message("kept") })
#### ls-package
library(lmerTest)
"ranova" %in% ls("package:lmerTest")
"sleepstudy" %in% ls("package:lme4")
"ranova" %in% ls("package:lme4")
#### ls-package-not-attached
ls("package:lmerTest")
#### masked-function-still-reachable
library(dplyr)
stats::setNames(1:2, c("a", "b"))
#### detach-package
library(dplyr)
detach("package:dplyr")
"package:dplyr" %in% search()
#### data-from-unattached-package
data(sleepstudy, package = "lme4")
dim(sleepstudy)
#### data-needs-attached-package
data(Exam)
#### functions-written-in-r
isOdd <- function(x) x %% 2 == 1
Filter(Negate(isOdd), 1:10)
Negate(is.na)(c(1, NA))
str(modifyList(list(a = 1, b = list(c = 2, d = 3)), list(b = list(d = 4), e = 5)))
str(modifyList(list(a = 1, b = 2), list(a = NULL)))
str(modifyList(list(a = 1, b = 2), list(a = NULL), keep.null = TRUE))
environmentName(environment(modifyList))
utils::modifyList(list(a = 1), list(a = 2))$a
environmentName(environment(lme4::lmer)) == "" || TRUE
environmentName(asNamespace("lme4"))
environmentName(as.environment("package:stats"))
#### modify-list-checks-its-arguments
modifyList(1, list(a = 1))
#### knitr-chunk-options-object
class(knitr::opts_chunk)
names(knitr::opts_chunk)
knitr::opts_chunk$get("echo")
knitr::opts_chunk$get("comment")
old <- knitr::opts_chunk$set(echo = FALSE, fig.width = 4)
old
knitr::opts_chunk$get(c("echo", "fig.width"))
knitr::opts_chunk$restore()
knitr::opts_chunk$get("echo")
knitr::opts_chunk$get("no.such.option")
