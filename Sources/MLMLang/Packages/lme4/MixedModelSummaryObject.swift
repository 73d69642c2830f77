import MixedModels

/// The "summary.merMod" list lme4's summary() returns, with its components in lme4's order
/// (methTitle, objClass, devcomp, isLmer, useScale, logLik, family, link, ngrps, coefficients,
/// sigma, vcov, varcor, AICtab, call, residuals, fitMsgs, optinfo), each from the fit.
extension MixedModelSummary {
    static func object(_ fit: RValue, _ model: LinearMixedModel, tests: TTests, _ ctx: CallContext) throws -> RValue {
        let lmerTest = tests != .none
        // summary(m, ddf = "lme4") of an lmerTest fit is lme4's summary of it as an lmerMod.
        let objectClass = lmerTest ? "lmerModLmerTest" : "lmerMod"
        var title = model.reml ? "Linear mixed model fit by REML" : "Linear mixed model fit by maximum likelihood "
        if tests == .satterthwaite { title += ". t-tests use Satterthwaite's method" }
        if tests == .kenwardRoger { title += ". t-tests use Kenward-Roger's method" }
        var objClass = RVector(.character([objectClass]))
        objClass.attributes["package"] = .scalar(lmerTest ? "lmerTest" : "lme4")

        var parts: [(String, RValue)] = [
            ("methTitle", .scalar(title)), ("objClass", .vector(objClass)), ("devcomp", devcomp(model)),
            ("isLmer", .scalar(true)), ("useScale", .scalar(true)),
            ("logLik", LinearModelInference.logLik(value: model.logLikelihood, df: model.logLikelihoodDF, nobs: model.n)),
            ("family", .null), ("link", .null), ("ngrps", groups(model)),
            ("coefficients", try coefficients(model, tests: tests, ctx)), ("sigma", .scalar(model.sigma)),
            ("vcov", LinearModelInference.matrix(model.fixedEffectsCovariance, rows: model.fixedEffectNames, columns: model.fixedEffectNames)),
            ("varcor", VarCorrLibrary.object(model.varianceComponents, sigma: model.sigma)),
        ]
        var aic = RVector(.double(model.reml ? [model.objective]
                                  : [model.aic, model.bic, model.logLikelihood, model.objective, Double(model.n - model.logLikelihoodDF)]))
        aic.names = model.reml ? ["REML"] : ["AIC", "BIC", "logLik", "deviance", "df.resid"]
        parts.append(("AICtab", .vector(aic)))
        parts.append(("call", summaryCall(fit)))
        var residuals = RVector(.double(model.residuals.map { $0 / model.sigma }))
        // Named by position, as residuals() of the fit is.
        residuals.names = model.residuals.indices.map { Optional(String($0 + 1)) }
        parts.append(("residuals", .vector(residuals)))
        let dropped = model.droppedFixedEffectNames.count
        parts.append(("fitMsgs", .character(dropped > 0 ? [MixedModelConvergence.rankDeficiencyMessage(dropped)] : [])))
        parts.append(("optinfo", optinfo(model.optSummary)))
        var v = RVector(.list(parts.map(\.1)))
        v.names = parts.map { Optional($0.0) }
        // lmerTest's summary method classes its result first as its own.
        v.attributes["class"] = .character(lmerTest ? ["summary.lmerModLmerTest", "summary.merMod"] : ["summary.merMod"])
        return .vector(v)
    }

    /// The fit's call with its formula as lme4 keeps it (`||` expanded), which the summary prints.
    private static func summaryCall(_ fit: RValue) -> RValue {
        guard case .language(let l)? = ListFields.field(fit, "call"), case .call(let c) = l.expr else { return .null }
        guard case .language(let f)? = ListFields.field(fit, "formula") else { return .language(l) }
        let expanded = MixedModelPrinting.expandedFormula(f.expr)
        var arguments = c.arguments
        if let k = arguments.firstIndex(where: { $0.name == "formula" }) ?? arguments.firstIndex(where: { $0.name == nil }) {
            arguments[k] = Argument(name: arguments[k].name, expanded)
        }
        return .language(Language(.call(Call(c.function, arguments, location: c.location))))
    }

    /// Levels of each grouping factor (a factor with several terms counted once), named.
    private static func groups(_ model: LinearMixedModel) -> RValue {
        let factors = MixedModelPrinting.groupingFactors(model)
        var v = RVector(.double(factors.map { Double($0.levels) }))
        v.names = factors.map { Optional($0.name) }
        return .vector(v)
    }

    /// devcomp: the deviance components (cmp) and dimensions (dims) lme4 records.
    private static func devcomp(_ model: LinearMixedModel) -> RValue {
        let n = Double(model.n), p = Double(model.p)
        let cmpNames = ["ldL2", "ldRX2", "wrss", "ussq", "pwrss", "drsum", "REML", "dev", "sigmaML", "sigmaREML"]
        var cmp = RVector(.double([model.ldL2, model.ldRX2, model.wrss, model.ussq, model.pwrss, NAReal,
                                   model.reml ? model.objective : NAReal, model.reml ? NAReal : model.objective,
                                   (model.pwrss / n).squareRoot(), (model.pwrss / (n - p)).squareRoot()]))
        cmp.names = cmpNames.map { Optional($0) }
        let q = model.terms.reduce(0) { $0 + $1.q * $1.levelCount }
        let dimNames = ["N", "n", "p", "nmp", "q", "nth", "useSc", "reTrms", "spFe", "REML", "GLMM", "NLMM"]
        var dims = RVector(.integer([model.n, model.n, model.p, model.n - model.p, q, model.initialTheta.count, 1,
                                     model.terms.count, 0, model.reml ? model.p : 0, 0, 0]))
        dims.names = dimNames.map { Optional($0) }
        var v = RVector(.list([.vector(cmp), .vector(dims)]))
        v.names = ["cmp", "dims"]
        return .vector(v)
    }

    /// optinfo: the optimizer, its result code and message, evaluations, final θ and lme4's
    /// convergence messages.
    private static func optinfo(_ summary: OptSummary?) -> RValue {
        guard let summary else { return .null }
        func list(_ items: [(String, RValue)]) -> RValue { .list(items.map(\.1), names: items.map(\.0)) }
        let messages = summary.findings.map(\.text)
        let lme4: RValue = messages.isEmpty ? .list([]) : list([("messages", .character(messages.map { Optional($0) }))])
        return list([
            ("optimizer", .scalar("nloptwrap")), ("control", list([("print_level", .scalar(0.0))])),
            ("conv", list([("opt", .scalar(Double(summary.convergenceCode))), ("lme4", lme4)])),
            ("feval", .scalar(summary.evaluations)), ("message", .scalar(summary.returnMessage)),
            ("warnings", .list([])), ("val", .double(summary.finalTheta)),
        ])
    }
}
