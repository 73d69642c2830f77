/// Numeric vectors and matrices that R code hands to kernels (hypothesis matrices, covariance
/// matrices, codes), read column-major and checked against the dimensions the kernel needs, so
/// that a malformed argument is an R error rather than an index out of range.
enum MatrixArguments {
    /// The values of a double or integer vector (NA as NaN); nil for any other value, so that
    /// strings and lists are refused rather than coerced.
    static func numbers(_ value: RValue) -> [Double]? {
        switch value.asVector?.storage {
        case .double(let values)?: return values
        case .integer(let values)?: return values.map { $0 == NAInteger ? .nan : Double($0) }
        default: return nil
        }
    }

    /// The rows of a hypothesis matrix L with `columns` columns each; a plain vector is one row.
    static func rows(_ value: RValue, columns p: Int) throws -> [[Double]] {
        guard case .vector(let l) = value, let values = Coerce.doubles(l) else { throw RError("invalid hypothesis matrix") }
        let rows = l.dim?.first ?? 1
        let (cells, overflow) = rows.multipliedReportingOverflow(by: p)
        guard rows >= 1, !overflow, values.count == cells else {
            throw RError("the hypothesis matrix needs \(p) columns")
        }
        return (0..<rows).map { r in (0..<p).map { values[r + $0 * rows] } }
    }

    /// The values of an n x n matrix, column-major.
    static func square(_ value: RValue, size n: Int, name: String) throws -> [Double] {
        guard case .vector(let v) = value, let values = Coerce.doubles(v), values.count == n * n,
              v.dim == nil || v.dim! == [n, n] else {
            throw RError("'\(name)' must be a \(n) x \(n) matrix")
        }
        return values
    }
}
