# Conditions: message, warning, stop, tryCatch, withCallingHandlers, try.
#### message-basic
message("hello")
#### message-multi-args
message("a", "b", 1:3)
#### message-no-newline
message("no newline", appendLF = FALSE)
cat("after\n")
#### message-then-print
message("first")
print(1)
message("second")
#### warning-top-level
warning("top warn")
#### warning-in-function
f <- function() warning("inside f")
f()
#### warning-call-false
f <- function() warning("no call", call. = FALSE)
f()
#### warning-returns-value
f <- function() {
  warning("w1")
  "result"
}
f()
#### multiple-warnings
f <- function() {
  warning("one")
  warning("two")
  3
}
f()
#### stop-top-level
stop("custom")
#### stop-in-function
f <- function() stop("custom")
f()
#### stop-call-false
f <- function() stop("no call shown", call. = FALSE)
f()
#### stop-stops-case
print("before")
stop("halt")
print("after")
#### undefined-variable
undefined_var
#### undefined-variable-in-function
f <- function() undefined_var + 1
f()
#### undefined-function
undefined_fn()
#### trycatch-error
tryCatch(stop("boom"), error = function(e) conditionMessage(e))
#### trycatch-error-value
r <- tryCatch({
  stop("bad")
  1
}, error = function(e) -1)
r
#### trycatch-warning
tryCatch(warning("ww"), warning = function(w) paste("caught:", conditionMessage(w)))
#### trycatch-warning-builtin
tryCatch(as.integer("x"), warning = function(w) conditionMessage(w))
#### trycatch-finally
tryCatch({
  cat("body\n")
  10
}, finally = cat("finally\n"))
#### trycatch-error-finally
tryCatch(stop("e"), error = function(e) cat("handled\n"), finally = cat("cleanup\n"))
#### trycatch-no-error
tryCatch(42, error = function(e) "never")
#### trycatch-message
tryCatch(message("note"), message = function(m) cat("got:", conditionMessage(m)))
#### trycatch-condition-call
r <- tryCatch(log(-1), warning = function(w) w)
class(r)
conditionMessage(r)
deparse(conditionCall(r))
#### trycatch-print-condition
tryCatch(stop("printed error"), error = function(e) e)
#### trycatch-print-warning-object
f <- function() warning("printed warning")
tryCatch(f(), warning = function(w) w)
#### simple-error-print
e <- simpleError("my message")
print(class(e))
e
#### trycatch-nested
tryCatch({
  tryCatch(stop("inner"), error = function(e) stop("outer from inner"))
}, error = function(e) conditionMessage(e))
#### trycatch-rethrow-uncaught
tryCatch(stop("original"), warning = function(w) "not this")
#### try-silent
r <- try(log("a"), silent = TRUE)
class(r)
cat(r)
#### try-inherits
r <- try(stop("oops"), silent = TRUE)
inherits(r, "try-error")
#### with-calling-handlers-warning
withCallingHandlers({
  warning("w")
  "done"
}, warning = function(w) {
  cat("handling:", conditionMessage(w), "\n")
  invokeRestart("muffleWarning")
})
#### with-calling-handlers-message
withCallingHandlers({
  message("m1")
  10
}, message = function(m) {
  cat("saw", conditionMessage(m))
  invokeRestart("muffleMessage")
})
#### with-calling-handlers-passthrough
withCallingHandlers(
  { warning("passes"); "value" },
  warning = function(w) cat("logged\n")
)
#### suppress-warnings-messages
suppressWarnings(as.numeric("x"))
suppressMessages({ message("hidden"); 5 })
#### custom-condition
cond <- structure(class = c("myCondition", "condition"), list(message = "custom msg", call = NULL))
r <- withCallingHandlers(
  { signalCondition(cond); "finished" },
  myCondition = function(c) cat("caught custom\n")
)
r
#### custom-error-class
myError <- function(msg) structure(class = c("myError", "error", "condition"),
                                   list(message = msg, call = sys.call(-1)))
f <- function() stop(myError("special failure"))
tryCatch(f(), myError = function(e) paste("myError:", conditionMessage(e)))
#### custom-error-uncaught
f <- function() stop(structure(class = c("myError", "error", "condition"),
                               list(message = "uncaught custom", call = NULL)))
f()
#### warning-object-message
w <- simpleWarning("sw")
tryCatch(warning(w), warning = function(x) conditionMessage(x))
#### error-in-argument
f <- function(x) x
f(stop("arg error"))
#### warning-then-error
f <- function() {
  warning("first a warning")
  stop("then an error")
}
f()
#### warning-converted
as.numeric(c("1", "two", "3"))
#### sqrt-warning-call
sqrt(-4)
#### log-warning-call
log(-1)
#### integer-overflow-warning
.Machine$integer.max + 1L
#### recycling-warning
c(1, 2, 3) + c(1, 2)
#### if-na
if (NA) 1
#### if-na-in-function
f <- function(x) if (x > 0) "pos"
f(NA)
#### binary-operator-error
1 + "a"
#### stop-multiple-args
stop("value ", 42, " is invalid")
#### warning-long-message
f <- function() warning("this is a rather long warning message that goes on and on to exceed the console width")
f()
#### error-long-call
some_function_with_a_long_name <- function(argument_one, argument_two) stop("failure in long call")
some_function_with_a_long_name(argument_one = 1, argument_two = "two")
#### signal-condition-no-handler
signalCondition(simpleCondition("ignored"))
cat("continued\n")
#### condition-message-call
e <- tryCatch(stop("abc"), error = function(e) e)
conditionMessage(e)
is.null(conditionCall(e))
#### finally-order
f <- function() {
  tryCatch(return("from body"), finally = cat("finally runs\n"))
}
f()
#### on-exit-with-error
f <- function() {
  on.exit(cat("exit handler\n"))
  stop("fail")
}
f()
#### warning-returns-message-invisibly
x <- suppressWarnings(warning("quiet"))
x
#### message-condition-object
m <- tryCatch(message("hi"), message = function(m) m)
class(m)
conditionMessage(m)
#### stop-with-condition-call
f <- function(x) {
  if (!is.numeric(x)) stop("x must be numeric, got ", class(x))
  x
}
f("a")
#### error-in-sapply
sapply(1:3, function(i) if (i > 2) stop("too big") else i)
#### geterrmessage-free-try
res <- try(sqrt("a"), silent = TRUE)
cat("message:", attr(res, "condition")$message, "\n")
#### try-long-message-and-condition
f <- function(a_rather_long_argument_name, another_long_one) stop("a message long enough to pass the limit of the line at seventy-five columns")
r <- try(f(1, 2), silent = TRUE)
cat(r)
print(r)
g <- function() stop("short")
r2 <- try(g(), silent = TRUE)
r2
