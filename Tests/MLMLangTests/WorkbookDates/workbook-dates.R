suppressPackageStartupMessages({library(readxl); library(tibble)})
x <- read_excel("openpyxl-types.xlsx")
x
summary(x)
str(x$when)
x$when[2] - x$when[1]
format(x$when, "%d %b %Y")
as.Date(x$when)
old <- read_excel("date1904.xlsx")
old
summary(old)
read_excel("libreoffice-style.xlsx")
read_excel("excel-style.xlsx")
