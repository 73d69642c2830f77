import COpenBLAS

/// Thin wrappers over the Fortran LAPACK and CBLAS routines this module calls, so that no
/// pointer juggling leaks into the numerical code. Matrices are column-major `[Double]`.
enum LAPACK {
    /// Lower Cholesky factor of the symmetric matrix whose lower triangle is in `a` (n x n), in
    /// place; the strict upper triangle is left alone. False when `a` is not positive definite.
    static func choleskyLower(_ a: inout [Double], n: Int) -> Bool {
        guard n > 0 else { return true }
        var uplo = CChar(UInt8(ascii: "L")), order = Int32(n), lda = Int32(n), info: Int32 = 0
        a.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            dpotrf_(&uplo, &order, base, &lda, &info)
        }
        return info == 0
    }

    /// (R'R)^{-1} from the upper triangular R (n x n), R's `chol2inv`; the full symmetric result.
    /// Nil when R is singular.
    static func choleskyInverse(upper r: [Double], n: Int) -> [Double]? {
        choleskyInverse(r, n: n, uplo: "U")
    }

    /// (LL')^{-1} from the lower triangular L (n x n); the full symmetric result.
    static func choleskyInverse(lower l: [Double], n: Int) -> [Double]? {
        choleskyInverse(l, n: n, uplo: "L")
    }

    private static func choleskyInverse(_ factor: [Double], n: Int, uplo triangle: Unicode.Scalar) -> [Double]? {
        guard n > 0 else { return [] }
        var a = factor
        var uplo = CChar(UInt8(ascii: triangle)), order = Int32(n), lda = Int32(n), info: Int32 = 0
        a.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            dpotri_(&uplo, &order, base, &lda, &info)
        }
        guard info == 0 else { return nil }
        // dpotri fills one triangle; mirror it into the other.
        for j in 0..<n {
            for i in (j + 1)..<n {
                if triangle == "U" { a[i + j * n] = a[j + i * n] } else { a[j + i * n] = a[i + j * n] }
            }
        }
        return a
    }

    /// B := B * L^{-T} for lower triangular L (n x n) and B (m x n), both column-major with
    /// leading dimensions `ldl` and `ldb`, starting at the given offsets.
    static func solveRightLowerTransposed(_ l: [Double], lOffset: Int = 0, ldl: Int, n: Int,
                                          _ b: inout [Double], bOffset: Int = 0, ldb: Int, m: Int) {
        guard m > 0, n > 0 else { return }
        l.withUnsafeBufferPointer { lBuffer in
            b.withUnsafeMutableBufferPointer { bBuffer in
                guard let lBase = lBuffer.baseAddress, let bBase = bBuffer.baseAddress else { return }
                cblas_dtrsm(CblasColMajor, CblasRight, CblasLower, CblasTrans, CblasNonUnit,
                            Int32(m), Int32(n), 1, lBase + lOffset, Int32(ldl), bBase + bOffset, Int32(ldb))
            }
        }
    }

    /// B := L^{-1} B for lower triangular L (n x n) and B (n x columns), column-major.
    static func solveLowerInPlace(_ l: [Double], n: Int, _ b: inout [Double], columns: Int) {
        guard n > 0, columns > 0 else { return }
        l.withUnsafeBufferPointer { lBuffer in
            b.withUnsafeMutableBufferPointer { bBuffer in
                guard let lBase = lBuffer.baseAddress, let bBase = bBuffer.baseAddress else { return }
                cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit,
                            Int32(n), Int32(columns), 1, lBase, Int32(n), bBase, Int32(n))
            }
        }
    }

    /// C := C - A A' on the lower triangle, A being n x k with leading dimension `lda`.
    static func subtractSymmetricProduct(_ a: [Double], n: Int, k: Int, lda: Int, from c: inout [Double], ldc: Int) {
        guard n > 0, k > 0 else { return }
        a.withUnsafeBufferPointer { aBuffer in
            c.withUnsafeMutableBufferPointer { cBuffer in
                guard let aBase = aBuffer.baseAddress, let cBase = cBuffer.baseAddress else { return }
                cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, Int32(n), Int32(k), -1,
                            aBase, Int32(lda), 1, cBase, Int32(ldc))
            }
        }
    }

    /// C := C - A B', A being m x k, B n x k, C m x n.
    static func subtractProduct(_ a: [Double], _ b: [Double], m: Int, n: Int, k: Int, from c: inout [Double]) {
        guard m > 0, n > 0, k > 0 else { return }
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                c.withUnsafeMutableBufferPointer { cBuffer in
                    guard let aBase = aBuffer.baseAddress, let bBase = bBuffer.baseAddress,
                          let cBase = cBuffer.baseAddress else { return }
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), -1,
                                aBase, Int32(m), bBase, Int32(n), 1, cBase, Int32(m))
                }
            }
        }
    }

    /// x with L' x = b for the lower triangular L (n x n, column-major): back substitution.
    static func solveTransposedLower(_ l: [Double], n: Int, _ b: [Double]) -> [Double] {
        var x = b
        for c in stride(from: n - 1, through: 0, by: -1) {
            var s = x[c]
            for m in (c + 1)..<n { s -= l[m + c * n] * x[m] }
            x[c] = s / l[c + c * n]
        }
        return x
    }
}

extension LAPACK {
    /// The inverse of a general n x n matrix by LU (R's `solve(a)`); nil when it is singular.
    static func inverse(_ a: [Double], n: Int) -> [Double]? {
        guard n > 0, a.count == n * n else { return nil }
        var m = a, order = Int32(n), lda = Int32(n), info: Int32 = 0
        var pivots = [Int32](repeating: 0, count: n)
        dgetrf_(&order, &order, &m, &lda, &pivots, &info)
        guard info == 0 else { return nil }
        var lwork = Int32(n * 64)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgetri_(&order, &m, &lda, &pivots, &work, &lwork, &info)
        return info == 0 ? m : nil
    }
}
