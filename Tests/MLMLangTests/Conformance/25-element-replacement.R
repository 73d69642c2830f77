#### element-replacement-in-a-loop
n <- 1000
x <- numeric(n)
for (i in 1:n) x[i] <- i / 2
sum(x)
x[c(1, n)]

#### element-replacement-leaves-copies-alone
x <- c(1, 2, 3)
y <- x
y[3] <- 100
x
y
f <- function(v) { v[1] <- -1; v }
z <- f(x)
x
z

#### element-replacement-types
k <- 1:5
k[2] <- 10L
k
k[3] <- 2.5
k
l <- c(TRUE, FALSE)
l[2] <- NA
l
s <- c(a = "p", b = "q")
s[[2]] <- "z"
s
d <- c(1.5, 2.5)
d[2] <- 7L
d
typeof(d)

#### element-replacement-structure
m <- matrix(1:4, 2)
m[4] <- 9L
m
g <- factor(c("a", "b"))
g[2] <- "a"
g
w <- 1:3
w[5] <- 1L
w
h <- function() { q <- c(1, 2); q[2] <- 5; q }
h()
q <- c(1, 2)
i <- 2
q[i] <- NA_real_
q
q[[1]] <- "text"
q

#### element-replacement-lists
results <- vector("list", 3)
for (i in 1:3) results[[i]] <- list(k = i, sq = i^2)
str(results)
kept <- results
results[[2]] <- "changed"
kept[[2]]$sq
results[[2]]
results[[3]] <- NULL
length(results)
e <- list(a = 1, b = "x")
e[[1]] <- c(5, 6)
e
