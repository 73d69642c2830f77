// CBLAS from OpenBLAS, plus the Fortran LAPACK routines mlmd calls (Debian ships no LAPACKE).
// Fortran passes every argument by reference and appends hidden string lengths, which the
// character arguments used here (all of length 1) let us omit on x86_64 and aarch64.
#include <cblas.h>

/* Cholesky factorization of a symmetric positive definite matrix. */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
/* Cholesky factorization with complete pivoting of a positive semidefinite matrix. */
void dpstrf_(const char *uplo, const int *n, double *a, const int *lda, int *piv, int *rank,
             const double *tol, double *work, int *info);
/* Solve A X = B with the Cholesky factor from dpotrf. */
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info);
/* Inverse from the Cholesky factor. */
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info);
/* QR factorization with column pivoting. */
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt, double *tau,
             double *work, const int *lwork, int *info);
/* QR factorization. */
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau,
             double *work, const int *lwork, int *info);
/* Multiply by Q from dgeqrf. */
void dormqr_(const char *side, const char *trans, const int *m, const int *n, const int *k,
             const double *a, const int *lda, const double *tau, double *c, const int *ldc,
             double *work, const int *lwork, int *info);
/* Triangular solve. */
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n, const int *nrhs,
             const double *a, const int *lda, double *b, const int *ldb, int *info);
/* Symmetric eigen decomposition. */
void dsyevr_(const char *jobz, const char *range, const char *uplo, const int *n, double *a,
             const int *lda, const double *vl, const double *vu, const int *il, const int *iu,
             const double *abstol, int *m, double *w, double *z, const int *ldz, int *isuppz,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info);
/* LU factorization with partial pivoting. */
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
/* General linear solve. */
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b,
            const int *ldb, int *info);
/* Inverse from the LU factorization. */
void dgetri_(const int *n, double *a, const int *lda, const int *ipiv, double *work, const int *lwork,
             int *info);
