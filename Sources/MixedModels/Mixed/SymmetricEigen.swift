import COpenBLAS

extension LAPACK {
    /// Eigenvalues in decreasing order and the matching unit eigenvectors (columns of the n x n
    /// column-major `vectors`) of the symmetric matrix whose lower triangle is in `a`: R's
    /// `eigen(a, symmetric = TRUE)`, which calls dsyevr the same way. Nil if dsyevr fails.
    static func symmetricEigen(_ a: [Double], n: Int) -> (values: [Double], vectors: [Double])? {
        guard n > 0 else { return ([], []) }
        guard a.count == n * n else { return nil }
        var matrix = a
        var jobz = CChar(UInt8(ascii: "V")), range = CChar(UInt8(ascii: "A")), uplo = CChar(UInt8(ascii: "L"))
        var order = Int32(n), lda = Int32(n), ldz = Int32(n)
        var vl = 0.0, vu = 0.0, il: Int32 = 0, iu: Int32 = 0, abstol = 0.0
        var found: Int32 = 0, info: Int32 = 0
        var values = [Double](repeating: 0, count: n), vectors = [Double](repeating: 0, count: n * n)
        var support = [Int32](repeating: 0, count: 2 * n)
        // A workspace query first, as R does, then the decomposition.
        var lwork: Int32 = -1, liwork: Int32 = -1
        var workSize = 0.0, iworkSize: Int32 = 0
        dsyevr_(&jobz, &range, &uplo, &order, &matrix, &lda, &vl, &vu, &il, &iu, &abstol, &found,
                &values, &vectors, &ldz, &support, &workSize, &lwork, &iworkSize, &liwork, &info)
        guard info == 0 else { return nil }
        lwork = Int32(workSize)
        liwork = iworkSize
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevr_(&jobz, &range, &uplo, &order, &matrix, &lda, &vl, &vu, &il, &iu, &abstol, &found,
                &values, &vectors, &ldz, &support, &work, &lwork, &iwork, &liwork, &info)
        guard info == 0, Int(found) == n else { return nil }
        // dsyevr gives increasing order; R reverses it.
        let reversed = Array((0..<n).reversed())
        return (reversed.map { values[$0] }, reversed.flatMap { vectors[($0 * n)..<(($0 + 1) * n)] })
    }
}
