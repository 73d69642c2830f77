// R's distribution functions as the standalone library (r-mathlib) exports them.
#define MATHLIB_STANDALONE 1
#include <Rmath.h>
