import COpenBLAS
/// `PivotedQR(_:rows:columns:tolerance:)`: the Householder QR decomposition R's `lm.fit` and `qr()`
/// compute with LINPACK's dqrdc2, re-implemented here without BLAS.
///
/// Why not LAPACK: dgeqp3 pivots the largest remaining column to the front at every step, so the
/// order of the kept columns, and with it which of two collinear columns is declared aliased,
/// would differ from R. dqrdc2 pivots only a column whose norm has fallen below `tolerance` times
/// its original norm, moving it to the end; the kept columns stay in their given order. The
/// norm-downdating rule (recompute when the squared ratio falls below 1e-6) is reproduced too,
/// because it decides borderline ranks.
public struct PivotedQR {
    public let rows: Int
    public let columns: Int
    /// Column-major `rows x columns`: R in the upper triangle, the Householder vectors below it,
    /// exactly as R's `qr(x)$qr`.
    public let qr: [Double]
    /// The leading elements of the Householder vectors, as `qr(x)$qraux`.
    public let qraux: [Double]
    /// 0-based original column index at each position (R's `pivot - 1`).
    public let pivot: [Int]
    /// The number of columns judged linearly independent.
    public let rank: Int

    /// R's `qr(x)` with its default tolerance 1e-7.
    public init(_ x: DesignMatrix, tolerance: Double = 1e-7) {
        self.init(x.values, rows: x.rows, columns: x.columns, tolerance: tolerance)
    }

    /// A decomposition already computed (the components of R's `qr` object).
    public init(qr: [Double], rows: Int, columns: Int, qraux: [Double], pivot: [Int], rank: Int) {
        self.qr = qr
        self.rows = rows
        self.columns = columns
        self.qraux = qraux
        self.pivot = pivot
        self.rank = rank
    }

    /// `x` holds `n * p` values, column-major.
    public init(_ x: [Double], rows n: Int, columns p: Int, tolerance: Double = 1e-7) {
        var a = x
        var qraux = [Double](repeating: 0, count: p)
        // dqrdc2's work(, 2): original norms (1 for a zero column). Its work(, 1), the norm at the
        // last recomputation, decides nothing in dqrdc2 and is not kept.
        var normOrig = [Double](repeating: 1, count: p)
        var pivot = Array(0..<p)
        if n > 0 {
            for j in 0..<p {
                let norm = Self.norm(a, from: j * n, count: n)
                qraux[j] = norm
                normOrig[j] = norm == 0 ? 1 : norm
            }
        }
        var k = p + 1  // 1-based: columns k... have been moved to the end as negligible
        for l in 0..<min(n, p) {
            // Cycle negligible columns to the right edge until column l is not negligible; the
            // l + 1 < k test stops once every remaining column has been cycled.
            while l + 1 < k && qraux[l] < normOrig[l] * tolerance {
                for i in 0..<n {
                    let t = a[i + l * n]
                    for j in (l + 1)..<p { a[i + (j - 1) * n] = a[i + j * n] }
                    a[i + (p - 1) * n] = t
                }
                let movedPivot = pivot[l], movedAux = qraux[l], movedOrig = normOrig[l]
                for j in (l + 1)..<p {
                    pivot[j - 1] = pivot[j]
                    qraux[j - 1] = qraux[j]
                    normOrig[j - 1] = normOrig[j]
                }
                pivot[p - 1] = movedPivot
                qraux[p - 1] = movedAux
                normOrig[p - 1] = movedOrig
                k -= 1
            }
            // The last row needs no reflection.
            if l == n - 1 { continue }
            let ll = l + l * n
            var nrmxl = Self.norm(a, from: ll, count: n - l)
            if nrmxl == 0 { continue }
            if a[ll] != 0 { nrmxl = a[ll] < 0 ? -abs(nrmxl) : abs(nrmxl) }
            // dscal, ddot and daxpy of the BLAS R links (OpenBLAS here, as Debian's R uses):
            // their summation order decides the last bits, which printed near-zeros show.
            a.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                cblas_dscal(Int32(n - l), 1 / nrmxl, base + ll, 1)
                base[ll] = 1 + base[ll]
                for j in (l + 1)..<p {  // l < min(n, p), so the range is valid
                    let dot = cblas_ddot(Int32(n - l), base + ll, 1, base + l + j * n, 1)
                    cblas_daxpy(Int32(n - l), -dot / base[ll], base + ll, 1, base + l + j * n, 1)
                }
            }
            for j in (l + 1)..<p {
                guard qraux[j] != 0 else { continue }
                let ratio = abs(a[l + j * n]) / qraux[j]
                let shrink = max(1 - ratio * ratio, 0)
                if abs(shrink) >= 1e-6 {
                    qraux[j] *= shrink.squareRoot()
                } else {
                    // Downdating has lost accuracy: recompute the norm of what remains.
                    qraux[j] = Self.norm(a, from: (l + 1) + j * n, count: n - l - 1)
                }
            }
            qraux[l] = a[ll]
            a[ll] = -nrmxl
        }
        self.rows = n
        self.columns = p
        self.qr = a
        self.qraux = qraux
        self.pivot = pivot
        self.rank = min(k - 1, n)
    }

    /// Q'y, R's `qr.qty` (and `effects` of an lm fit); `y` has `rows` elements.
    public func qty(_ y: [Double]) -> [Double] {
        var v = y
        for j in 0..<reflectorCount { reflect(&v, by: j) }
        return v
    }

    /// Qy, R's `qr.qy`; `y` has `rows` elements.
    public func qy(_ y: [Double]) -> [Double] {
        var v = y
        for j in stride(from: reflectorCount - 1, through: 0, by: -1) { reflect(&v, by: j) }
        return v
    }

    /// Solves R[0..<rank, 0..<rank] b = qty[0..<rank] by back substitution; the coefficients of
    /// the kept columns in pivoted order. Nil when a diagonal element of R is zero.
    public func backSolve(_ qty: [Double]) -> [Double]? {
        var b = Array(qty.prefix(rank))
        for j in stride(from: rank - 1, through: 0, by: -1) {
            let diagonal = qr[j + j * rows]
            if diagonal == 0 { return nil }
            b[j] /= diagonal
            let t = -b[j]
            for i in 0..<j { b[i] += t * qr[i + j * rows] }
        }
        return b
    }

    /// The upper triangle R[0..<rank, 0..<rank], column-major.
    public var r: [Double] {
        var out = [Double](repeating: 0, count: rank * rank)
        for j in 0..<rank {
            for i in 0...j { out[i + j * rank] = qr[i + j * rows] }
        }
        return out
    }

    /// dqrsl applies reflections only for the first min(rank, rows - 1) columns.
    private var reflectorCount: Int { max(0, min(rank, rows - 1)) }

    /// Applies reflection j, whose vector is (qraux[j], qr[j+1..<rows, j]), to v[j...].
    private func reflect(_ v: inout [Double], by j: Int) {
        let lead = qraux[j]
        guard lead != 0 else { return }
        // dqrsl puts qraux in the diagonal's place for the step.
        var vector = Array(qr[(j + j * rows)..<((j + 1) * rows)])
        vector[0] = lead
        let count = Int32(rows - j)
        v.withUnsafeMutableBufferPointer { target in
            let dot = cblas_ddot(count, vector, 1, target.baseAddress! + j, 1)
            cblas_daxpy(count, -dot / lead, vector, 1, target.baseAddress! + j, 1)
        }
    }


    /// Euclidean norm of `count` consecutive elements, scaled when squares would over- or underflow.
    static func norm(_ a: [Double], from start: Int, count: Int) -> Double {
        guard count > 0 else { return 0 }
        return a.withUnsafeBufferPointer { cblas_dnrm2(Int32(count), $0.baseAddress! + start, 1) }
    }

}
