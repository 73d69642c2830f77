import Foundation
import MixedModels

/// `.Internal(gls_fit(X, y, group, position, stratum, strata, correlation, reml))`: nlme's gls
/// by MixedModels' GeneralizedLeastSquares. `group` and `stratum` are 1-based codes per row,
/// `correlation` 0 (none), 1 (AR(1) in `position`) or 2 (compound symmetry). The result lists
/// the unconstrained parameters (pars), the correlation and standard-deviation ratios they give,
/// logLik, beta, the unscaled covariance of beta and sigma.
enum GlsKernel {
    static func install(_ interp: Interpreter) {
        interp.defineInternal("gls_fit") { _, args in
            func numbers(_ k: Int) -> [Double]? { args.count > k ? MatrixArguments.numbers(args[k].value) : nil }
            guard let x = numbers(0), let dim = args[0].value.asVector?.dim, dim.count == 2,
                  let y = numbers(1), let group = numbers(2), let position = numbers(3),
                  let stratum = numbers(4), let strataCount = numbers(5)?.first.flatMap({ Int(exactly: $0) }),
                  let kind = numbers(6)?.first.flatMap({ Int(exactly: $0) }), (0...2).contains(kind),
                  let reml = args.count > 7 ? args[7].value.logicalValue : nil else {
                throw RError("invalid arguments")
            }
            let n = dim[0], p = dim[1]
            guard y.count == n, group.count == n, position.count == n, stratum.count == n,
                  x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite), position.allSatisfy(\.isFinite),
                  strataCount >= 1, strataCount <= n else {
                throw RError("invalid arguments")
            }
            let groupCodes = group.map { Int(exactly: $0) ?? -1 }
            let strata = stratum.map { (Int(exactly: $0) ?? 0) - 1 }
            guard let groupCount = groupCodes.max(), groupCount <= n, groupCodes.allSatisfy({ $0 >= 1 }) else { throw RError("invalid arguments") }
            var rows = [[Int]](repeating: [], count: groupCount)
            for (i, g) in groupCodes.enumerated() { rows[g - 1].append(i) }
            let correlation: GeneralizedLeastSquares.Correlation = kind == 1 ? .autoregressive : kind == 2 ? .compoundSymmetry : .none
            do {
                let model = try GeneralizedLeastSquares(x: x, y: y, n: n, p: p, groups: rows.filter { !$0.isEmpty },
                                                        positions: position, strata: strata, strataCount: strataCount,
                                                        correlation: correlation, reml: reml)
                var start = [Double](repeating: 0, count: model.parameterCount)
                if correlation == .compoundSymmetry {
                    // nlme's start ρ = 0 on its scale: log((0 − inf)/(1 − 0)).
                    let m = Double(rows.map(\.count).max() ?? 2)
                    start[0] = log(1 / max(m - 1, 1))
                }
                let pars = try model.estimate(from: start)
                guard let fit = model.evaluate(pars) else {
                    throw RError("Singularity in backsolve at level 0, block 1")
                }
                let natural = model.natural(pars)
                return .list([.double(pars), .double([natural.correlation]), .double(natural.ratios),
                              .double([fit.logLik]), .double(fit.beta), .double(fit.unscaledCovariance),
                              .double([fit.sigma])],
                             names: ["pars", "correlation", "ratios", "logLik", "beta", "unscaled", "sigma"])
            } catch let e as MixedModelsError {
                throw RError(e.description)
            }
        }
    }
}
