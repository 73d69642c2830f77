# Printing of vectors: wrapping at width 80, names, character escapes.
#### one-to-hundred
1:100
#### seq-tenths
seq(0.1, 10, by = 0.1)
#### rnorm-seed-42
set.seed(42)
rnorm(20)
#### letters-all
letters
#### month-names
month.name
#### character-quotes
c("a\"b", "tab\there", "new\nline")
#### character-backslash
"back\\slash"
#### character-na
c("a", NA, "c")
#### character-unicode
c("é", "naïve", "日本")
#### character-unicode-cat
cat("é", "naïve", "日本", "\n")
#### character-noquote
print(c("a", "b"), quote = FALSE)
#### noquote-fn
noquote(c("x", "y"))
#### cat-escapes
cat("a\"b", "tab\there", "\n")
#### named-numeric
c(a = 1, b = 2.5, c = 10)
#### named-character
c(first = "x", second = "yy")
#### named-logical
c(yes = TRUE, no = FALSE, maybe = NA)
#### names-longer-than-values
c(alpha_long_name = 1, beta = 2, gamma_even_longer_name = 3)
#### values-longer-than-names
c(a = 123456.5, b = 0.25)
#### many-names-wrapping
x <- 1:26
names(x) <- paste0("name_", letters)
x
#### named-na-name
x <- 1:3
names(x) <- c("a", NA, "c")
x
#### partially-named
c(a = 1, 2, c = 3)
#### long-character-wrapping
paste("word", 1:30)
#### integer-wrap-width
101:160
#### negative-integers-wrap
-(1:40)
#### double-wrap-mixed
c(1:20) / 7
#### logical-wrap
rep(c(TRUE, FALSE, NA), 12)
#### scientific-vector
10^(-3:8)
#### big-vector-index-width
seq(1000, 200000, by = 1000)
#### runif-seed
set.seed(1)
runif(12)
#### names-function
x <- c(one = 1, two = 2)
names(x)
#### unname
unname(c(a = 1, b = 2))
#### set-names
setNames(1:3, c("x", "y", "z"))
#### empty-names
x <- 1:2
names(x) <- c("", "")
x
#### factor-like-print-quote
print(letters[1:5], quote = FALSE)
#### vector-mode
vector("numeric", 3)
vector("character", 2)
vector("list", 2)
#### vector-logical
vector("logical", 4)
#### long-names-wrap-each
x <- c(a_really_long_name_number_one = 1.5, a_really_long_name_number_two = 2.5,
       a_really_long_name_number_three = 3.5)
x
