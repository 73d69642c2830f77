import Foundation

/// The Kenward-Roger adjustment of a REML fit, as pbkrtest 0.5's `vcovAdj` computes it: the
/// covariance of β̂ inflated for the uncertainty of the variance parameters, with the P and W
/// matrices from which `Lb_ddf` (written in R) finds the degrees of freedom of a hypothesis.
///
/// The marginal covariance of y is Σ = Σ_k γ_k G_k, one G per variance parameter: for each
/// term, one per element of the lower triangle of its covariance matrix (G = Z (I ⊗ E) Z', E
/// holding ones at that element and its mirror), then the identity for σ². Everything below is
/// dense n x n, as pbkrtest's matrices are; n is the number of observations.
public struct KenwardRogerAdjustment {
    /// p x p, column-major: `vcov(m)`, the unadjusted covariance Φ.
    public let unadjustedCovariance: [Double]
    /// p x p, column-major: Φ_A = Φ + 2 Φ U Φ.
    public let adjustedCovariance: [Double]
    /// pbkrtest's P_k = -X'Σ⁻¹ G_k Σ⁻¹ X, one p x p matrix per variance parameter.
    public let pMatrices: [[Double]]
    /// pbkrtest's W = 2 I_E⁻¹ (m x m), I_E the expected information of the variance parameters.
    public let w: [Double]
    /// The smallest absolute eigenvalue of I_E (pbkrtest's "condi").
    public let smallestEigenvalue: Double
    public let p: Int

    public init(unadjustedCovariance: [Double], adjustedCovariance: [Double], pMatrices: [[Double]], w: [Double],
                smallestEigenvalue: Double, p: Int) throws {
        let m = pMatrices.count
        guard p > 0, m > 0, unadjustedCovariance.count == p * p, adjustedCovariance.count == p * p,
              pMatrices.allSatisfy({ $0.count == p * p }), w.count == m * m else {
            throw MixedModelsError("the Kenward-Roger matrices do not conform: V0 and Vadj p x p, each P p x p, W as many rows as P")
        }
        self.unadjustedCovariance = unadjustedCovariance
        self.adjustedCovariance = adjustedCovariance
        self.pMatrices = pMatrices
        self.w = w
        self.smallestEigenvalue = smallestEigenvalue
        self.p = p
    }

    /// The denominator degrees of freedom and the F scaling of the hypothesis Lβ = 0, L given as
    /// q rows of p weights: pbkrtest's `Lb_ddf`, and the part of `.KR_adjust` before the Wald
    /// statistic (both take q as L's number of rows here, L being of full row rank).
    public func denominator(contrasts rows: [[Double]]) throws -> (ddf: Double, scaling: Double) {
        let q = rows.count
        guard q > 0, rows.allSatisfy({ $0.count == p }) else {
            throw MixedModelsError("the hypothesis matrix needs \(p) columns")
        }
        let l = Self.columnMajor(rows, columns: p)
        let lt = DenseMatrix.transpose(l, rows: q, columns: p)
        let phi = unadjustedCovariance
        // Θ = L' (L Φ L')⁻¹ L
        let lphil = DenseMatrix.multiply(DenseMatrix.multiply(l, phi, m: q, k: p, n: p), lt, m: q, k: p, n: q)
        guard let middle = LAPACK.inverse(lphil, n: q) else { throw MixedModelsError("L V0 L' is singular") }
        let theta = DenseMatrix.multiply(DenseMatrix.multiply(lt, middle, m: p, k: q, n: q), l, m: p, k: q, n: p)
        let thetaPhi = DenseMatrix.multiply(theta, phi, m: p, k: p, n: p)
        let m = pMatrices.count
        let u = pMatrices.map { DenseMatrix.multiply(DenseMatrix.multiply(thetaPhi, $0, m: p, k: p, n: p), phi, m: p, k: p, n: p) }
        let traces = u.map { DenseMatrix.trace($0, n: p) }
        var a1 = 0.0, a2 = 0.0
        for i in 0..<m {
            for j in i..<m {
                let e = i == j ? 1.0 : 2.0
                let wij = w[i + j * m]
                a1 += e * wij * traces[i] * traces[j]
                var s = 0.0
                for c in 0..<p { for r in 0..<p { s += u[i][r + c * p] * u[j][c + r * p] } }
                a2 += e * wij * s
            }
        }
        let qd = Double(q)
        let b = (1 / (2 * qd)) * (a1 + 6 * a2)
        let g = ((qd + 1) * a1 - (qd + 4) * a2) / ((qd + 2) * a2)
        let denominator = 3 * qd + 2 * (1 - g)
        let c1 = g / denominator, c2 = (qd - g) / denominator, c3 = (qd + 2 - g) / denominator
        var v0 = 1 + c1 * b
        if abs(v0) < 1e-10 { v0 = 0 }
        let v1 = 1 - c2 * b, v2 = 1 - c3 * b
        let x = 1 - a2 / qd
        // pbkrtest's .divZero: 1 when both are below 1e-14 in size.
        let ratio = abs(x) < 1e-14 && abs(v1) < 1e-14 ? 1 : x / v1
        let rho = 1 / qd * ratio * ratio * v0 / v2
        let ddf = 4 + (qd + 2) / (qd * rho - 1)
        let scaling = abs(ddf - 2) < 0.01 ? 1 : ddf * (1 - a2 / qd) / (ddf - 2)
        return (ddf, scaling)
    }

    /// pbkrtest's `.KR_adjust` for the hypothesis Lβ = 0: the denominator degrees of freedom, the
    /// Wald F with the adjusted covariance, and its scaling.
    public func fTest(contrasts rows: [[Double]], beta: [Double]) throws -> KenwardRogerFTest {
        guard beta.count == p else { throw MixedModelsError("β needs \(p) values") }
        let (ddf, scaling) = try denominator(contrasts: rows)
        let q = rows.count
        let l = Self.columnMajor(rows, columns: p)
        let lv = DenseMatrix.multiply(DenseMatrix.multiply(l, adjustedCovariance, m: q, k: p, n: p),
                                      DenseMatrix.transpose(l, rows: q, columns: p), m: q, k: p, n: q)
        guard let inverse = LAPACK.inverse(lv, n: q) else { throw MixedModelsError("L Vadj L' is singular") }
        let lb = DenseMatrix.multiply(l, beta, m: q, k: p, n: 1)
        let weighted = DenseMatrix.multiply(inverse, lb, m: q, k: q, n: 1)
        let wald = zip(lb, weighted).reduce(0) { $0 + $1.0 * $1.1 }
        let qd = Double(q)
        return KenwardRogerFTest(numeratorDF: q, denominatorDF: ddf, scaling: scaling, fValue: scaling * wald / qd,
                                 unscaledFValue: wald / qd)
    }

    private static func columnMajor(_ rows: [[Double]], columns p: Int) -> [Double] {
        let q = rows.count
        var l = [Double](repeating: 0, count: q * p)
        for (i, row) in rows.enumerated() { for j in 0..<p { l[i + j * q] = row[j] } }
        return l
    }
}

/// One Kenward-Roger F test: `unscaledFValue` is the Wald statistic with Φ_A over q (pbkrtest's
/// "FtestU", from which lmerTest's sums of squares come), `fValue` that times the scaling ("Ftest").
public struct KenwardRogerFTest {
    public let numeratorDF: Int
    public let denominatorDF: Double
    public let scaling: Double
    public let fValue: Double
    public let unscaledFValue: Double
}

extension LinearMixedModel {
    /// The fixed-effects model matrix (kept columns), n x p column-major.
    var fixedEffectsMatrix: [Double] { Array(xy.xy[0..<(n * p)]) }

    /// pbkrtest's `vcovAdj` of this fit, which must be a REML fit (pbkrtest refits ML fits
    /// with REML first; the caller does that).
    public func kenwardRoger() throws -> KenwardRogerAdjustment {
        guard reml else { throw MixedModelsError("the Kenward-Roger adjustment needs a REML fit") }
        guard weights == nil else { throw MixedModelsError("the Kenward-Roger adjustment is not available for weighted fits") }
        let x = fixedEffectsMatrix
        let phi = fixedEffectsCovariance
        let components = varianceComponents
        let s2 = sigma * sigma

        // Σ, then its inverse by Cholesky (pbkrtest: chol2inv(chol(Σ))).
        var sigmaMatrix = [Double](repeating: 0, count: n * n)
        for (term, component) in zip(terms, components) {
            let q = term.q
            let members = term.levelMembers
            for rows in members {
                for r in rows {
                    for s in rows {
                        var v = 0.0
                        for a in 0..<q { for c in 0..<q { v += term.value(r, a) * component.covariance[a + c * q] * term.value(s, c) } }
                        sigmaMatrix[r + s * n] += v
                    }
                }
            }
        }
        for r in 0..<n { sigmaMatrix[r + r * n] += s2 }
        var factor = sigmaMatrix
        guard LAPACK.choleskyLower(&factor, n: n), let sigmaInverse = LAPACK.choleskyInverse(lower: factor, n: n) else {
            throw MixedModelsError("the marginal covariance of the response is not positive definite")
        }

        // H_k = G_k Σ⁻¹, through B_c = rows of Σ⁻¹ summed over each level, weighted by column c of Z.
        var hMatrices: [[Double]] = []
        for term in terms {
            let q = term.q
            let members = term.levelMembers
            // b[c][level] is a row of n values.
            var b = [[Double]](repeating: [Double](repeating: 0, count: term.levelCount * n), count: q)
            for c in 0..<q {
                for (level, rows) in members.enumerated() {
                    for r in rows {
                        let z = term.value(r, c)
                        if z == 0 { continue }
                        for col in 0..<n { b[c][level + col * term.levelCount] += z * sigmaInverse[r + col * n] }
                    }
                }
            }
            for (row, column) in term.lowerTriangle.map({ ($0.row, $0.column) }) {
                var h = [Double](repeating: 0, count: n * n)
                for r in 0..<n {
                    let level = term.refs[r]
                    let za = term.value(r, row), zb = term.value(r, column)
                    for col in 0..<n {
                        var v = za * b[column][level + col * term.levelCount]
                        if row != column { v += zb * b[row][level + col * term.levelCount] }
                        h[r + col * n] = v
                    }
                }
                hMatrices.append(h)
            }
        }
        hMatrices.append(sigmaInverse)
        let m = hMatrices.count

        let tt = DenseMatrix.multiply(sigmaInverse, x, m: n, k: n, n: p)
        let oo = hMatrices.map { DenseMatrix.multiply($0, x, m: n, k: n, n: p) }
        let sigmaInverseOO = oo.map { DenseMatrix.multiply(sigmaInverse, $0, m: n, k: n, n: p) }
        // P_k = -(O_k' T), symmetric from its upper triangle (Matrix's forceSymmetric).
        let pMatrices = oo.map { o -> [Double] in
            var product = DenseMatrix.multiply(DenseMatrix.transpose(o, rows: n, columns: p), tt, m: p, k: n, n: p)
            for i in product.indices { product[i] = -product[i] }
            return DenseMatrix.symmetricFromUpper(product, n: p)
        }
        func qq(_ r: Int, _ s: Int) -> [Double] {
            DenseMatrix.multiply(DenseMatrix.transpose(oo[r], rows: n, columns: p), sigmaInverseOO[s], m: p, k: n, n: p)
        }
        var qMatrices = [[Double]](repeating: [], count: m * m)
        for r in 0..<m { for s in r..<m { qMatrices[r + s * m] = qq(r, s) } }

        var information = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            let phiP = DenseMatrix.multiply(phi, pMatrices[i], m: p, k: p, n: p)
            for j in i..<m {
                // tr(H_i H_j) = sum(t(H_i) * H_j)
                var ktrace = 0.0
                hMatrices[i].withUnsafeBufferPointer { hi in
                    hMatrices[j].withUnsafeBufferPointer { hj in
                        for c in 0..<n { for r in 0..<n { ktrace += hi[c + r * n] * hj[r + c * n] } }
                    }
                }
                let pPhi = DenseMatrix.multiply(pMatrices[j], phi, m: p, k: p, n: p)
                var phiQ = 0.0, phiPP = 0.0
                for k in 0..<(p * p) {
                    phiQ += phi[k] * qMatrices[i + j * m][k]
                    phiPP += phiP[k] * pPhi[k]
                }
                let value = ktrace - 2 * phiQ + phiPP
                information[i + j * m] = value
                information[j + i * m] = value
            }
        }
        guard let eigen = LAPACK.symmetricEigen(information, n: m) else {
            throw MixedModelsError("the eigenvalues of the information matrix could not be computed")
        }
        let smallest = eigen.values.map(abs).min() ?? 0
        var w: [Double]
        if smallest > 1e-10, let inverse = LAPACK.inverse(information, n: m) {
            w = inverse.map { 2 * $0 }
        } else {
            w = Self.pseudoInverse(eigen: eigen, n: m).map { 2 * $0 }
        }
        w = DenseMatrix.symmetricFromUpper(w, n: m)

        var uu = [Double](repeating: 0, count: p * p)
        func addTerm(_ i: Int, _ j: Int) {
            let ppp = DenseMatrix.multiply(DenseMatrix.multiply(pMatrices[i], phi, m: p, k: p, n: p), pMatrices[j], m: p, k: p, n: p)
            let q = qMatrices[i + j * m], weight = w[i + j * m]
            for k in 0..<(p * p) { uu[k] += weight * (q[k] - ppp[k]) }
        }
        for i in 0..<(m - 1) { for j in (i + 1)..<m { addTerm(i, j) } }
        uu = (0..<(p * p)).map { uu[$0] + uu[($0 / p) + ($0 % p) * p] }
        for i in 0..<m { addTerm(i, i) }
        let gamma = DenseMatrix.multiply(DenseMatrix.multiply(phi, uu, m: p, k: p, n: p), phi, m: p, k: p, n: p)
        let adjusted = (0..<(p * p)).map { phi[$0] + 2 * gamma[$0] }
        return try KenwardRogerAdjustment(unadjustedCovariance: phi, adjustedCovariance: adjusted, pMatrices: pMatrices,
                                      w: w, smallestEigenvalue: smallest, p: p)
    }

    /// MASS's `ginv` of a symmetric matrix: its singular values are the absolute eigenvalues;
    /// those at most √ε times the largest are dropped.
    private static func pseudoInverse(eigen: (values: [Double], vectors: [Double]), n: Int) -> [Double] {
        let largest = eigen.values.map(abs).max() ?? 0
        let tolerance = Double.ulpOfOne.squareRoot() * largest
        var result = [Double](repeating: 0, count: n * n)
        for e in 0..<n where abs(eigen.values[e]) > max(tolerance, 0) {
            let inv = 1 / eigen.values[e]
            for j in 0..<n { for i in 0..<n { result[i + j * n] += eigen.vectors[i + e * n] * inv * eigen.vectors[j + e * n] } }
        }
        return result
    }
}

extension RandomEffectsTerm {
    /// The observations of each level, in order.
    var levelMembers: [[Int]] {
        var members = [[Int]](repeating: [], count: levelCount)
        for (r, level) in refs.enumerated() { members[level].append(r) }
        return members
    }
}
