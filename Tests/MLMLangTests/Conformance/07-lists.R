# Lists: construction, printing, indexing, unlist.
#### list-unnamed
list(1, "a", TRUE)
#### list-named
list(a = 1, b = "two", c = c(3, 4))
#### list-nested
list(x = 1, inner = list(y = 2, z = list(w = "deep")))
#### list-nested-unnamed
list(1, list(2, list(3)))
#### list-with-null
list(a = NULL, b = 1)
list(NULL)
#### list-partially-named
list(a = 1, 2, c = 3)
#### list-empty
list()
#### list-of-vectors
list(1:3, letters[1:2], c(TRUE, FALSE))
#### list-with-factor-matrix
list(f = factor(c("u", "v")), m = matrix(1:4, 2))
#### list-index
l <- list(a = 1, b = "x", c = 1:3)
l$a
l[["b"]]
l["c"]
l[c("a", "b")]
#### list-index-missing
l <- list(a = 1)
l$zzz
l[["zzz"]]
#### list-index-out-of-bounds
l <- list(1, 2)
l[[3]]
#### list-partial-match
l <- list(value = 10)
l$val
#### list-assign
l <- list(a = 1)
l$b <- "new"
l[["c"]] <- 3:4
l
#### list-remove-null
l <- list(a = 1, b = 2, c = 3)
l$b <- NULL
l
#### list-length-names
l <- list(a = 1, b = 2)
length(l)
names(l)
#### unlist
unlist(list(1, 2, 3))
unlist(list(a = 1, b = list(c = 2, d = 3)))
unlist(list(1, "a", TRUE))
#### unlist-names-vectors
unlist(list(a = 1:2, b = 3))
#### unlist-nested-unnamed
unlist(list(1:2, list(3, list(4:5))))
#### list-of-lists-print
list(list(a = 1), list(a = 2))
#### list-set-names
setNames(list(1, 2), c("p", "q"))
#### list-modify-nested
l <- list(a = list(b = 1))
l$a$b <- 99
l$a$c <- "new"
l
#### is-list
is.list(list())
is.list(1:3)
is.vector(list())
#### as-list
as.list(1:3)
#### as-list-named
as.list(c(a = 1, b = 2))
#### list-double-bracket-vector
l <- list(a = list(b = list(c = 42)))
l[[c("a", "b", "c")]]
#### list-identical
identical(list(1, 2), list(1, 2))
#### list-in-list-null-print
list(a = list(), b = character(0), c = NULL)
#### list-rev
rev(list(1, "a"))
#### list-numeric-formats
list(1/3, 1e-10, 123456789, c(1, 10.5))
#### list-append
l <- list(1)
l[[length(l) + 1]] <- "two"
append(l, list(3))
#### list-c
c(list(1), list("a"), 2)
#### do-call-list
do.call(sum, list(1, 2, 3))
do.call("paste", list("a", "b", sep = "-"))
do.call(rbind, list(1:2, 3:4))
#### list-long-vector-element
list(x = 1:30)
#### list-attributes
x <- structure(1:3, myattr = "hello")
x
#### list-nested-index-error
l <- list(a = 1)
l[["a"]][["b"]]
#### str-strings-in-a-list
x <- c("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccc", "ddddddddddddddd", "eeeeeeeee", "f", "g")
str(list(a = x))
str(x)
str(structure(1, foo = x))

#### element-of-invisible-value-is-visible
f <- function() invisible(list(a = 1, b = 2:4))
f()$a
f()[["b"]]
f()["a"]
f()$b[2]
