# Arithmetic, operator precedence, integer overflow, rounding and math functions.
#### neg-power
-2^2
#### power-neg
2^-1
#### neg-colon
-1:3
#### not-and
!TRUE & FALSE
#### recycle-ok
1:3 + 1:6
#### recycle-warning
1:3 + 1:4
#### colon-precedence
1:3 * 2
1:(3 * 2)
#### unary-minus-colon-paren
-(1:3)
#### integer-division
7 %/% 2
-7 %/% 2
7 %% 3
-7 %% 3
#### double-modulo
5.5 %% 2
#### division-by-zero
1 / 0
-1 / 0
0 / 0
#### integer-division-type
5L / 2L
class(5L / 2L)
class(5L %/% 2L)
#### integer-overflow
.Machine$integer.max + 1L
#### integer-mult-overflow
100000L * 100000L
#### int-plus-double
class(1L + 1)
class(1L + 1L)
#### power-operators
2 ** 3
2^10
(-8)^(1/3)
#### round-half-even
round(0.5)
round(1.5)
round(2.5)
round(-1.5)
round(-0.5)
#### round-digits
round(1.005, 2)
round(2.675, 2)
round(123.456, -1)
round(pi, 3)
#### round-vector
round(c(0.125, 0.135, 1.2345), 2)
#### signif
signif(123456, 2)
signif(0.00123456, 3)
signif(pi, 1:5)
#### abs
abs(c(-2.5, 0, 3))
abs(-3L)
#### sqrt
sqrt(c(4, 9, 2))
#### sqrt-negative
sqrt(-1)
#### sqrt-negative-vector
sqrt(c(4, -4))
#### exp
exp(c(0, 1, 2))
#### log-basic
log(100)
log(100, base = 10)
log(8, 2)
log10(1000)
log2(8)
log1p(0)
#### log-negative
log(-1)
#### log-zero
log(0)
#### floor-ceiling
floor(c(-1.5, 1.5, 2))
ceiling(c(-1.5, 1.5, 2))
trunc(c(-1.7, 1.7))
#### sum-prod
sum(1:10)
prod(1:10)
sum(c(1.5, 2.5))
#### sum-integer-overflow
sum(c(.Machine$integer.max, 1L))
#### prod-large
prod(1:20)
#### factorial-choose
factorial(5)
choose(5, 2)
#### cumulative
cumsum(1:10)
cumprod(1:6)
cummax(c(1, 3, 2, 5, 4))
cummin(c(5, 3, 4, 1, 2))
#### min-max-range
min(c(3, 1, 2))
max(c(3, 1, 2))
range(c(3, 1, 2))
#### min-max-na
max(c(1, NA, 3))
max(c(1, NA, 3), na.rm = TRUE)
#### min-empty
min(numeric(0))
#### max-mixed-types
max(1L, 2.5)
max("apple", "banana")
#### comparison
1 == 1.0
0.1 + 0.2 == 0.3
isTRUE(all.equal(0.1 + 0.2, 0.3))
#### comparison-vector
c(1, 2, 3) > 2
c(1, NA, 3) >= 2
#### logical-ops
TRUE && FALSE
TRUE || NA
FALSE && NA
NA & FALSE
NA | TRUE
xor(TRUE, FALSE)
#### logical-arith
TRUE + TRUE
sum(c(TRUE, FALSE, TRUE))
#### non-numeric-error
1 + "a"
#### non-numeric-after-output
x <- 5
print(x)
x + "a"
print("never")
#### unary-not-numeric
!0
!c(0, 1, 2)
#### integer-literal-big
2147483647L
class(2147483648)
#### hex-literal
0xFF
0x10L
#### exponent-literals
1e3
1e-3
1.5e2L
#### bitwise
bitwAnd(12L, 10L)
bitwOr(12L, 10L)
#### trig
sin(pi / 2)
cos(0)
tan(pi / 4)
atan2(1, 1)
#### precision-print
1 - 0.9
100 * (1 + 1e-10)
#### operator-precedence-mix
1 + 2 * 3 ^ 2
(1 + 2) * 3
-1^2
2^3^2
#### modulo-negative-double
-5.5 %% 2
5 %/% 0
5 %% 0
#### integer-mod-zero
5L %/% 0L
5L %% 0L
