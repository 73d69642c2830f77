# Printing of scalar and short numeric values (print.default / formatReal).
#### integer-literal
1L
#### double-one
1
#### double-fraction
10.5
#### mixed-magnitudes
c(1, 10.5, 1000.25)
#### tiny-and-one
c(1e-10, 1)
#### large-and-small
c(123456789, 0.1)
#### hundred-thousand
1e5
#### hundred-thousand-plus-one
100001
#### one-e15
1e15
#### one-e16
1e16
#### one-e5-vector
c(1e5, 1e6)
#### point-one-plus-point-two
0.1 + 0.2
#### point-one-plus-point-two-digits
print(0.1 + 0.2, digits = 17)
#### one-third
1/3
#### two-thirds-million
2/3 * 1e6
#### pi-small
pi * 1e-5
#### pi-plain
pi
#### pi-digits
print(pi, digits = 3)
print(pi, digits = 10)
#### negative-half
-0.5
#### with-na
c(-1, 2.5, NA)
#### nan
NaN
#### inf
Inf
#### neg-inf
-Inf
#### special-values-vector
c(1, NA, NaN, Inf, -Inf)
#### very-large
1e300
#### very-small
1e-300
#### large-small-mix
c(1e300, 1e-300)
#### integer-max
.Machine$integer.max
#### integer-max-double
.Machine$integer.max + 1
#### na-integer
NA_integer_
#### na-real
NA_real_
#### na-logical
NA
#### integer-vector-na
c(1L, NA, 3L)
#### logical-vector
c(TRUE, FALSE, NA)
#### negative-zero
-0
#### small-decimals
c(0.001, 0.01, 0.1)
#### seven-significant
123456.7891
#### eight-digits-integer-valued
12345678
#### rounding-to-seven
1.23456789
#### trailing-zero-drop
c(1.5, 2.25, 3)
#### scientific-mix
c(1.5e-8, 2.5e10)
#### mean-of-seq
mean(c(1, 2, 4))
#### sqrt-two
sqrt(2)
#### exp-one
exp(1)
#### large-integer-valued-double
2^31
#### power-of-two-53
2^53
#### money-like
c(19.99, 5, 100.1)
#### negative-mixed
c(-1.5, 22.25, -333)
#### print-scipen-large
x <- 1234567890123
x
#### complex-number
complex(real = 1, imaginary = -2)
#### empty-numeric
numeric(0)
#### empty-integer
integer(0)
#### empty-character
character(0)
#### empty-logical
logical(0)
#### null-value
NULL
#### invisible-value
invisible(5)
#### print-invisible
print(invisible(5))
#### assignment-is-invisible
x <- 42
(x <- 43)
#### format-single
format(3.14159, nsmall = 2)
#### as-character-doubles
as.character(c(0.1, 1/3, 1e5, 123456.7, 1e-20))
#### as-character-large
as.character(c(1e15, 1e16, 123456789012, 100000, 1e-5, 0.0001))
#### as-character-integer-values
as.character(c(1, 2.5, -3))
#### print-digits-vector
print(c(1.123456789, 2.1, 300), digits = 3)
print(c(0.00012345, 123.45), digits = 2)
#### print-digits-large
print(123456789.123, digits = 12)
print(1/3, digits = 1)
#### print-digits-integer-like
print(c(1, 2, 3), digits = 1)
print(22/7, digits = 22)
