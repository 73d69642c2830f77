import COpenBLAS

/// Dense matrix products and helpers on column-major `[Double]` (through CBLAS), for the
/// Kenward-Roger matrices.
enum DenseMatrix {
    /// A (m x k) times B (k x n).
    static func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                c.withUnsafeMutableBufferPointer { cBuffer in
                    guard let aBase = aBuffer.baseAddress, let bBase = bBuffer.baseAddress,
                          let cBase = cBuffer.baseAddress else { return }
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
                                aBase, Int32(m), bBase, Int32(k), 0, cBase, Int32(m))
                }
            }
        }
        return c
    }

    static func transpose(_ a: [Double], rows: Int, columns: Int) -> [Double] {
        var t = [Double](repeating: 0, count: rows * columns)
        for j in 0..<columns { for i in 0..<rows { t[j + i * columns] = a[i + j * rows] } }
        return t
    }

    static func trace(_ a: [Double], n: Int) -> Double {
        (0..<n).reduce(0) { $0 + a[$1 + $1 * n] }
    }

    /// The symmetric matrix whose upper triangle is that of `a`.
    static func symmetricFromUpper(_ a: [Double], n: Int) -> [Double] {
        var s = a
        for j in 0..<n { for i in (j + 1)..<n { s[i + j * n] = a[j + i * n] } }
        return s
    }
}
