/// `RandomEffectsTerm(grouping:levels:refs:columnNames:z:)`: one random-effects term
/// `(columns | grouping)` of lme4's formula, such as `(Days | Subject)`: a grouping factor given by
/// its codes, and the per-observation model matrix of the term's q columns.
///
/// The term's block Z_i of the random-effects model matrix has one column per (level, column)
/// pair, level-major as in lme4: column `level * q + c`. Row r has `z[r, c]` in the columns of
/// level `refs[r]` and zeros elsewhere, so Z_i is never formed. The relative covariance factor
/// of the term is a q x q lower-triangular λ repeated along the diagonal of Λθ; θ holds the lower
/// triangle of λ column by column, as lme4's `getME(m, "theta")`.
public struct RandomEffectsTerm {
    /// The grouping factor's name as lme4 prints it (`Subject`, `cask:batch`).
    public let grouping: String
    public let levels: [String]
    /// 0-based level of each observation.
    public let refs: [Int]
    /// Names of the q columns, e.g. ["(Intercept)", "Days"].
    public let columnNames: [String]
    /// Column-major n x q values of the columns.
    public let z: [Double]

    public init(grouping: String, levels: [String], refs: [Int], columnNames: [String], z: [Double]) throws {
        guard !columnNames.isEmpty, z.count == refs.count * columnNames.count else {
            throw MixedModelsError("random-effects term for \(grouping) has \(z.count) values for \(refs.count) observations and \(columnNames.count) columns")
        }
        guard refs.allSatisfy({ $0 >= 0 && $0 < levels.count }) else {
            throw MixedModelsError("grouping factor \(grouping) has a code outside its \(levels.count) levels")
        }
        guard z.allSatisfy(\.isFinite) else {
            throw MixedModelsError("NA/NaN/Inf in the model matrix of the term for \(grouping)")
        }
        self.grouping = grouping
        self.levels = levels
        self.refs = refs
        self.columnNames = columnNames
        self.z = z
    }

    /// Columns per level.
    public var q: Int { columnNames.count }
    public var levelCount: Int { levels.count }
    /// Columns of Z_i: q per level.
    public var columnCount: Int { q * levels.count }
    var observations: Int { refs.count }

    /// Value of column c for observation r.
    @inline(__always) func value(_ r: Int, _ c: Int) -> Double { z[r + c * refs.count] }

    /// Elements of θ for this term: the lower triangle of λ.
    public var thetaCount: Int { q * (q + 1) / 2 }

    /// lme4's bounds: 0 for diagonal elements of λ (so λ is unique), none off the diagonal.
    public var lowerBounds: [Double] {
        lowerTriangle.map { $0.row == $0.column ? 0 : -.infinity }
    }

    /// lme4's start: λ = I.
    public var initialTheta: [Double] {
        lowerTriangle.map { $0.row == $0.column ? 1 : 0 }
    }

    /// lme4's names: `Subject.(Intercept)` for a diagonal element, `Subject.Days.(Intercept)` for
    /// the element in row Days, column (Intercept).
    public var thetaNames: [String] {
        lowerTriangle.map { position in
            position.row == position.column
                ? "\(grouping).\(columnNames[position.row])"
                : "\(grouping).\(columnNames[position.row]).\(columnNames[position.column])"
        }
    }

    /// (row, column) of each θ element, column by column.
    var lowerTriangle: [(row: Int, column: Int)] {
        (0..<q).flatMap { column in (column..<q).map { (row: $0, column: column) } }
    }

    /// λ as a column-major q x q matrix from this term's slice of θ.
    func lambda(_ theta: ArraySlice<Double>) -> [Double] {
        var lambda = [Double](repeating: 0, count: q * q)
        var next = theta.startIndex
        for column in 0..<q {
            for row in column..<q {
                lambda[row + column * q] = theta[next]
                next += 1
            }
        }
        return lambda
    }

    /// b = λu level by level, from the spherical effects u (level-major, q per level).
    func conditionalModes(spherical u: [Double], lambda: [Double]) -> [Double] {
        var b = u
        for start in stride(from: 0, to: u.count, by: q) {
            for c in 0..<q {
                var s = 0.0
                for m in 0...c { s += lambda[c + m * q] * u[start + m] }
                b[start + c] = s
            }
        }
        return b
    }

    /// λλ' times `scale`: the covariance of one level's q random effects (σ² for a linear model, 1 for a GLMM).
    func covariance(lambda: [Double], scale: Double) -> [Double] {
        var covariance = [Double](repeating: 0, count: q * q)
        for i in 0..<q {
            for j in 0..<q {
                var sum = 0.0
                for m in 0...min(i, j) { sum += lambda[i + m * q] * lambda[j + m * q] }
                covariance[i + j * q] = scale * sum
            }
        }
        return covariance
    }

    /// ZΛθu summed over the terms: each observation's random-effects part of the linear
    /// predictor for spherical effects u (one array per term, level-major).
    public static func linearPredictor(_ terms: [RandomEffectsTerm], theta: [Double], u: [[Double]]) -> [Double] {
        let n = terms.first?.observations ?? 0
        var out = [Double](repeating: 0, count: n)
        var start = 0
        for (j, term) in terms.enumerated() {
            let lambda = term.lambda(theta[start..<(start + term.thetaCount)])
            start += term.thetaCount
            let b = term.conditionalModes(spherical: u[j], lambda: lambda)
            let q = term.q
            for r in 0..<n {
                let level = term.refs[r] * q
                var s = 0.0
                for c in 0..<q { s += term.value(r, c) * b[level + c] }
                out[r] += s
            }
        }
        return out
    }
}
