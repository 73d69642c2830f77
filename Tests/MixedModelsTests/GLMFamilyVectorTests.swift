@testable import MixedModels
import XCTest

/// The whole-vector family functions PIRLS uses against the scalar ones R's family objects are
/// written from, and the AIC a GLMM's PIRLS takes as deviance plus the saturated model's.
final class GLMFamilyVectorTests: XCTestCase {
    /// η across the range, the clamps at ±30 of the logit included.
    private let etas: [Double] = [-40, -30.5, -30, -12, -3.3, -0.7, 0, 1e-9, 0.25, 2.5, 17, 30, 30.5, 45]

    func testInverseAndDerivativeEqualTheScalarFunctions() {
        for link in GLMLink.allCases where link != .inverse && link != .sqrt && link != .identity {
            var mu = [Double](repeating: 0, count: etas.count), muEta = mu
            etas.withUnsafeBufferPointer { eta in
                mu.withUnsafeMutableBufferPointer { mu in
                    muEta.withUnsafeMutableBufferPointer { link.inverseAndDerivative(eta, mu: mu, muEta: $0) }
                }
            }
            for (i, eta) in etas.enumerated() {
                XCTAssertEqual(mu[i].bitPattern, link.inverse(eta).bitPattern, "\(link) linkinv(\(eta))")
                XCTAssertEqual(muEta[i].bitPattern, link.muEta(eta).bitPattern, "\(link) mu.eta(\(eta))")
            }
        }
    }

    func testDevianceSumEqualsTheScalarResiduals() {
        let cases: [(GLMDistribution, [Double], [Double])] = [
            (.binomial, [0, 1, 0.25, 1, 0, 0.5], [0.1, 0.9, 0.3, 0.5, 0.999, 0.5]),
            (.poisson, [0, 3, 7, 1, 12, 0], [0.4, 2.5, 9, 1, 11.2, 3]),
        ]
        let weights: [Double] = [1, 2, 4, 1, 3, 1]
        for (distribution, y, mu) in cases {
            let whole = y.withUnsafeBufferPointer { y in mu.withUnsafeBufferPointer { mu in
                weights.withUnsafeBufferPointer { distribution.devianceResidualSum(y, mu, $0) }
            } }
            let scalar = y.indices.reduce(0.0) { $0 + distribution.devianceResidual(y[$1], mu[$1], weights[$1]) }
            XCTAssertEqual(whole, scalar, "\(distribution)")
        }
    }

    /// aic(μ) = Σ dev.resids(μ) + aic(μ = y) where the identity holds; nil where it does not.
    func testSaturatedAICPlusDevianceIsTheAIC() throws {
        // Binomial proportions of 4 trials, weights the trials (glmer's cbind response).
        let trials: [Double] = [4, 4, 4, 4, 4]
        let y: [Double] = [0, 0.25, 0.5, 1, 0.75]
        let mu: [Double] = [0.2, 0.3, 0.45, 0.8, 0.6]
        let binomial = try XCTUnwrap(GLMDistribution.binomial.saturatedAIC(y: y, trials: trials, weights: trials))
        let deviance = GLMFamily(.binomial).deviance(y: y, mu: mu, weights: trials)
        let aic = GLMDistribution.binomial.aic(y: y, n: trials, mu: mu, weights: trials, deviance: deviance)
        XCTAssertEqual(deviance + binomial, aic, accuracy: 1e-12 * aic)

        let counts: [Double] = [0, 3, 7, 1, 12]
        let rates: [Double] = [0.4, 2.5, 9, 1, 11.2]
        let ones = [Double](repeating: 1, count: counts.count)
        let poisson = try XCTUnwrap(GLMDistribution.poisson.saturatedAIC(y: counts, trials: ones, weights: ones))
        let poissonDeviance = GLMFamily(.poisson).deviance(y: counts, mu: rates, weights: ones)
        let poissonAIC = GLMDistribution.poisson.aic(y: counts, n: ones, mu: rates, weights: ones, deviance: poissonDeviance)
        XCTAssertEqual(poissonDeviance + poisson, poissonAIC, accuracy: 1e-12 * poissonAIC)

        XCTAssertNil(GLMDistribution.poisson.saturatedAIC(y: [0.5, 2], trials: [1, 1], weights: [1, 1]))
        XCTAssertNil(GLMDistribution.binomial.saturatedAIC(y: [0.3, 1], trials: [1, 1], weights: [1, 1]))
        XCTAssertNil(GLMDistribution.gamma.saturatedAIC(y: [0.3, 1], trials: [1, 1], weights: [1, 1]))
    }
}
