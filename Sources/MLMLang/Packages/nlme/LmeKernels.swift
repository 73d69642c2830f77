import Foundation
import MixedModels

/// The kernels behind nlme's lme where lmer's fit is not enough, over the lmer fit an lme was
/// computed by:
/// - `.Internal(lme_stratum_fit(fit, strata, count))`: varIdent, residual standard deviations
///   by stratum (1-based codes per row, the first stratum the reference), fitted with θ; the
///   fit is left weighted at the optimum and the log ratios are returned.
/// - `.Internal(lme_natural_hessian(fit, pars, sizes, termLevels, reml, strata, count))`: the
///   Hessian of the log-likelihood (fixed effects profiled, σ not) on nlme's natural scale:
///   each level's log standard deviations, then log((1 + r)/(1 − r)) of its correlations, then
///   varIdent's log ratios (when strata are given), log σ last; by central differences. `sizes`
///   are the levels' numbers of effects, `termLevels` the level of each of the fit's terms. The
///   fit is left at its own θ and weights. nlme's apVar, which intervals() reads, is its inverse.
enum LmeKernels {
    static func install(_ interp: Interpreter) {
        interp.defineInternal("lme_stratum_fit") { ctx, args in
            let model = try fit(args, ctx)
            guard let codes = numbers(args, 1)?.map({ (Int(exactly: $0) ?? 0) - 1 }),
                  let count = numbers(args, 2)?.first.flatMap({ Int(exactly: $0) }) else {
                throw RError("invalid arguments")
            }
            var settings = OptimizerSettings()
            settings.xtolRel = 1e-12
            settings.xtolAbs = 1e-12
            settings.ftolAbs = 1e-13
            settings.calcDerivs = false
            do {
                return .double(try model.fitStratumVariances(strata: codes, count: count, settings: settings))
            } catch let e as MixedModelsError {
                throw RError(e.description)
            }
        }
        interp.defineInternal("lme_natural_hessian") { ctx, args in
            let model = try fit(args, ctx)
            guard let pars = numbers(args, 1), pars.allSatisfy(\.isFinite),
                  let sizes = numbers(args, 2)?.map({ Int(exactly: $0) ?? -1 }), sizes.allSatisfy({ $0 >= 1 && $0 <= 1000 }),
                  let termLevels = numbers(args, 3)?.map({ Int(exactly: $0) ?? -1 }),
                  termLevels.allSatisfy({ $0 >= 1 && $0 <= sizes.count }),
                  let reml = args.count > 4 ? args[4].value.logicalValue : nil else {
                throw RError("invalid arguments")
            }
            let natural = NaturalVarianceParameters(sizes: sizes, termLevels: termLevels)
            // varIdent's strata, when the fit has them: their log ratios come after the levels'.
            let strata = numbers(args, 5)?.map { (Int(exactly: $0) ?? 0) - 1 }
            let strataCount = numbers(args, 6)?.first.flatMap { Int(exactly: $0) } ?? 1
            let ratioCount = strata == nil ? 0 : strataCount - 1
            if let strata {
                guard strata.count == model.n, strataCount >= 2, strata.allSatisfy({ $0 >= 0 && $0 < strataCount }) else {
                    throw RError("invalid arguments")
                }
            }
            guard natural.count + ratioCount + 1 == pars.count,
                  termLevels.reduce(0, { $0 + sizes[$1 - 1] * (sizes[$1 - 1] + 1) / 2 }) == model.theta.count else {
                throw RError("'pars' do not match the fit's random effects")
            }
            let saved = model.theta, savedWeights = model.weights, y = model.response
            defer {
                if let savedWeights { try? model.reweight(response: y, weights: savedWeights, theta: saved) }
                else { try? model.setTheta(saved) }
            }
            let loglik = { (x: [Double]) -> Double in
                guard let theta = natural.theta(x) else { return .nan }
                do {
                    if let strata {
                        let logRatios = Array(x[natural.count..<(natural.count + ratioCount)])
                        try model.reweight(response: y, weights: LinearMixedModel.stratumWeights(strata, logRatios: logRatios),
                                           theta: theta)
                    } else {
                        try model.setTheta(theta)
                    }
                } catch { return .nan }
                let sigma2 = exp(2 * x[x.count - 1])
                let count = Double(model.n - (reml ? model.p : 0))
                let logDet = model.ldL2 + (reml ? model.ldRX2 : 0) - model.logDeterminantOfWeights
                return -0.5 * (logDet + count * log(2 * Double.pi * sigma2) + model.pwrss / sigma2)
            }
            let n = pars.count
            // Steps of 1e-4 (relative beyond 1): the core's likelihood is smooth to about 1e-13,
            // too rough for nlme's own steps of 6e-6.
            let hessian = NumericalDerivatives.centralHessian(loglik, at: pars, steps: pars.map { 1e-4 * max(abs($0), 1) })
            return NamedValues.matrix(hessian, rows: n, columns: n, rowNames: nil, columnNames: nil)
        }
    }

    private static func fit(_ args: [EvaluatedArgument], _ ctx: CallContext) throws -> LinearMixedModel {
        guard let object = args.first?.value, let model = ctx.interpreter.model(of: object) else {
            throw RError("'fit' is not a linear mixed model")
        }
        return model
    }

    private static func numbers(_ args: [EvaluatedArgument], _ k: Int) -> [Double]? {
        args.count > k ? MatrixArguments.numbers(args[k].value) : nil
    }
}
