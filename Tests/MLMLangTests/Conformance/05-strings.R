# Strings: paste, sprintf, format, formatC, nchar, case, substr, regex.
#### nchar
nchar("hello")
nchar(c("a", "bb", "", NA))
nchar("é")
#### nchar-type
nchar("日本", type = "bytes")
nchar("日本", type = "chars")
#### paste-basic
paste("a", "b")
paste("a", "b", sep = "-")
paste0("a", "b")
#### paste-vectorised
paste("x", 1:3)
paste0("item", 1:3, collapse = ", ")
paste(c("a", "b"), collapse = "")
#### paste-recycling
paste(c("a", "b", "c"), 1:2, sep = "_")
#### paste-na-null
paste("a", NA)
paste("a", NULL, "b")
paste(character(0), collapse = "+")
#### paste-numbers
paste(1/3, 0.1, 1e5, 1e-20, 123456.7)
#### toupper-tolower
toupper("Hello World")
tolower("ABC def")
casefold("Mixed", upper = TRUE)
#### sprintf-d
sprintf("%d", 42L)
sprintf("%5d|", 42L)
sprintf("%-5d|", 42L)
sprintf("%05d", 42L)
#### sprintf-d-double
sprintf("%d", 3)
#### sprintf-d-fraction-error
sprintf("%d", 3.5)
#### sprintf-f
sprintf("%5.2f", pi)
sprintf("%.0f", 2.5)
sprintf("%.3f", 1/3)
sprintf("%f", 1)
#### sprintf-e-g
sprintf("%e", 123456)
sprintf("%.2e", 0.000123)
sprintf("%g", 1e-5)
sprintf("%g", 123456789)
sprintf("%g", 0.0001)
sprintf("%g", 100000)
sprintf("%g", 1e6)
#### sprintf-s-percent
sprintf("%s is %d years", "Ann", 30L)
sprintf("%s", 1.5)
sprintf("%s", 1/3)
sprintf("100%%")
sprintf("%5s|%-5s|", "ab", "cd")
#### sprintf-vectorised
sprintf("x%d = %.1f", 1:3, c(1.25, 2.5, 3.75))
sprintf("%s-%s", c("a", "b"), "z")
#### sprintf-star-width
sprintf("%*d", 5, 42L)
#### sprintf-plus-space
sprintf("%+d", 5L)
sprintf("% d", 5L)
sprintf("%+.1f", -0.05)
#### sprintf-na
sprintf("%d", NA_integer_)
sprintf("%f", NA)
sprintf("%s", NA)
#### sprintf-logical
sprintf("%s", TRUE)
sprintf("%d", TRUE)
#### format-nsmall
format(2, nsmall = 2)
format(3.14159, nsmall = 2)
format(c(1, 10, 100))
#### format-width
format("a", width = 5)
format(42, width = 8)
format(c("a", "bbb"))
#### format-digits
format(pi, digits = 3)
format(c(1.123456, 22.1), digits = 2)
format(1e-10)
format(123456789)
format(1234567.891, big.mark = ",")
#### format-big-mark
format(1e6, big.mark = ",")
format(c(1234, 1234567), big.mark = ",")
format(1234.5678, big.mark = ",", nsmall = 2)
#### format-justify
format(c("a", "bb", "ccc"), justify = "right")
format(c("a", "bb", "ccc"), justify = "centre")
format(c("a", "bb", "ccc"), justify = "left")
#### format-scientific
format(123456, scientific = TRUE)
format(0.00001234)
format(1e5, scientific = FALSE)
#### format-logical-na
format(c(TRUE, FALSE, NA))
format(NA)
format(c(1, NA, 3))
#### format-list
format(list(1, "a", TRUE))
#### formatc-basic
formatC(3.14159, digits = 3, format = "f")
formatC(3.14159, width = 10, format = "e", digits = 2)
formatC(42, width = 8, flag = "0")
formatC(42L, width = 8, flag = "0", format = "d")
formatC("a", width = 5)
formatC("a", width = 5, flag = "-")
formatC(123.456, format = "d")
#### formatc-vector
formatC(c(1, 10, 100), width = 6, format = "d", flag = "0")
formatC(c(1.5, 22.25), format = "f", digits = 1, width = 8)
formatC(c(1, 22, 333), width = -5)
#### formatc-g-big-mark
formatC(1234567.891, format = "f", digits = 2, big.mark = ",")
formatC(0.000012345, format = "g")
formatC(123456789)
#### substr
substr("abcdef", 2, 4)
substring("abcdef", 1:3, 3:5)
substr("abc", 5, 6)
#### substr-assign
x <- "abcdef"
substr(x, 1, 2) <- "ZZ"
x
#### strsplit
strsplit("a,b,c", ",")
strsplit(c("a b", "c d e"), " ")
strsplit("abc", "")
#### strsplit-regex
strsplit("a1b22c333", "[0-9]+")
#### grepl-sub
grepl("a", c("apple", "berry", "grape"))
grep("a", c("apple", "berry", "grape"))
grep("a", c("apple", "berry", "grape"), value = TRUE)
sub("a", "A", "banana")
gsub("a", "A", "banana")
#### gsub-regex
gsub("[aeiou]", "", "programming language")
gsub("(\\w+)@(\\w+)", "\\2 at \\1", "user@example")
sub("^\\s+|\\s+$", "", "  padded  ")
gsub("\\.", "-", "a.b.c")
gsub(".", "-", "a.b", fixed = TRUE)
#### regexpr
regexpr("o", "hello world")
gregexpr("o", "hello world")[[1]]
#### regmatches
x <- "a1b22c333"
regmatches(x, gregexpr("[0-9]+", x))
#### trimws
trimws("  hi  ")
trimws("  hi  ", which = "left")
#### startswith
startsWith("foobar", "foo")
endsWith("foobar", "bar")
#### sprintf-pad-strings
sprintf("%-10s|", "left")
sprintf("%10s|", "right")
formatC("right", width = 10)
#### chartr-rev
chartr("abc", "xyz", "aabbcc")
paste(rev(strsplit("hello", "")[[1]]), collapse = "")
#### string-comparison
"apple" < "banana"
"a" == "a"
sort(c("banana", "apple", "Cherry", "date"), method = "radix")
#### tostring-shquote
toString(1:5)
shQuote("it")
dQuote("x", FALSE)
sQuote("x", FALSE)
#### encode-string
encodeString("a\nb")
encodeString("x", quote = '"')
#### sprintf-width-vector
sprintf("%3d.", 1:10)
#### strtoi-chars
strtoi("ff", 16L)
strtoi("777", 8L)
utf8ToInt("A")
intToUtf8(c(72, 105))
#### rev-string-chars
rev(c("x", "y", "z"))
#### cat-numbers
cat(1/3, 1e5, 1e-20, 123456.7, 100000, 1e15, 1e16, "\n")
cat(pi, exp(1), sqrt(2), "\n")
#### cat-sep
cat("a", "b", "c", sep = "")
cat("\n")
cat("a", "b", "c", sep = ", ")
cat("\n")
cat(1:5, sep = "\n")
#### cat-fill
cat(paste("word", 1:20), fill = 30)
#### cat-fill-true
cat(paste("token", 1:25), fill = TRUE)
#### cat-no-newline
cat("no newline at end")
#### cat-logical-na
cat(TRUE, FALSE, NA, NA_character_, 3L, "\n")
#### cat-list
cat("values:", list(1, "a", TRUE), "\n")
#### cat-null-empty
cat(NULL)
cat(character(0))
cat("after\n")
#### cat-multiple-calls-one-line
cat("a"); cat("b"); cat("\n")
#### cat-factor
cat(factor(c("x", "y")), "\n")
