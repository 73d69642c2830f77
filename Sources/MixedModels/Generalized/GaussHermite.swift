import Foundation

/// Gauss–Hermite quadrature for the standard normal density, as lme4's GHrule(k) gives it:
/// nodes z, weights summing to 1, and log φ(z). Computed by Golub–Welsch (the eigenvalues of
/// the Jacobi matrix of the probabilists' Hermite polynomials), then made symmetric about 0
/// as lme4 does, averaging each node with its mirror.
enum GaussHermite {
    static func rule(_ k: Int) -> [(z: Double, w: Double, logDensity: Double)] {
        guard k > 0 else { return [] }
        var jacobi = [Double](repeating: 0, count: k * k)
        for i in 1..<max(k, 1) {
            let offDiagonal = Double(i).squareRoot()
            jacobi[i + (i - 1) * k] = offDiagonal
            jacobi[(i - 1) + i * k] = offDiagonal
        }
        guard let (values, vectors) = LAPACK.symmetricEigen(jacobi, n: k) else { return [] }
        // Increasing nodes; the weight is the squared first component of the unit eigenvector.
        var nodes: [(Double, Double)] = (0..<k).map { j in (values[j], vectors[j * k] * vectors[j * k]) }
        nodes.sort { $0.0 < $1.0 }
        let total = nodes.reduce(0) { $0 + $1.1 }
        let z = nodes.map(\.0), w = nodes.map { $0.1 / total }
        return (0..<k).map { i in
            let zi = (z[i] - z[k - 1 - i]) / 2, wi = (w[i] + w[k - 1 - i]) / 2
            return (zi, wi, -0.5 * log(2 * Double.pi) - zi * zi / 2)
        }
    }
}
