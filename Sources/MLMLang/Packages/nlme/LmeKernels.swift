import MixedModels

/// The kernel behind nlme's approximate covariance of the variance parameters (apVar, which
/// intervals() reads): `.Internal(lmm_loglik_pieces(fit, theta))` gives c(pwrss, ldL2, ldRX2)
/// of the lmer fit an lme was computed by, at another θ, from which the log-likelihood at any
/// σ follows. The fit is left at its own θ.
enum LmeKernels {
    static func install(_ interp: Interpreter) {
        interp.defineInternal("lmm_loglik_pieces") { ctx, args in
            guard let object = args.first?.value, let model = ctx.interpreter.model(of: object) else {
                throw RError("'fit' is not a linear mixed model")
            }
            let numeric: [Double]?
            switch args.count >= 2 ? args[1].value.asVector?.storage : nil {
            case .double(let values)?: numeric = values
            case .integer(let values)?: numeric = values.map(Double.init)
            default: numeric = nil
            }
            guard let theta = numeric, theta.count == model.theta.count, theta.allSatisfy(\.isFinite) else {
                throw RError("'theta' must be \(model.theta.count) finite numbers")
            }
            let saved = model.theta
            defer { try? model.setTheta(saved) }
            do { try model.setTheta(theta) } catch let e as MixedModelsError { throw RError(e.description) }
            guard model.objective.isFinite else { return .double([.nan, .nan, .nan]) }
            return .double([model.pwrss, model.ldL2, model.ldRX2])
        }
    }
}
