/// The linear algebra of this module that the interpreter's model functions call directly.
public enum LinearAlgebra {
    /// (R'R)⁻¹ from the upper triangular R (n x n, column-major), R's `chol2inv`; nil when R is
    /// singular.
    public static func chol2inv(upper r: [Double], n: Int) -> [Double]? {
        LAPACK.choleskyInverse(upper: r, n: n)
    }
}
