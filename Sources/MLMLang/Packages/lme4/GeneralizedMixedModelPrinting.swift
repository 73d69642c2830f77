import CRmath
import MixedModels

/// print.merMod and summary.merMod of a glmer fit, laid out as lme4 lays out a GLMM: the family
/// line, the AIC table, standard deviations without a residual row, and z tests.
enum GeneralizedMixedModelPrinting {
    static func printGlmerMod(_ m: RValue, _ model: GeneralizedLinearMixedModel, _ r: RCalls) throws -> String {
        let digits = 4
        var out = MixedModelPrinting.methodTitle(model.methodTitle, objectClass: m.explicitClass?.first ?? "glmerMod")
        out += familyLine(model.family)
        out += MixedModelPrinting.callLines(m, long: false, width: r.ctx.interpreter.width)
        out += try MixedModelPrinting.aicTable([model.aic, model.bic, model.logLikelihood, model.objective,
                                                Double(model.n - model.parameterCount)], digits: digits, r)
        out += "Random effects:\n" + MixedModelPrinting.randomEffectsTable(model.varianceComponents, sigma: nil, variance: false)
        out += "Number of obs: \(model.n), groups:  " + groupingFactors(model).map { "\($0.name), \($0.levels)" }.joined(separator: "; ") + "\n"
        out += "Fixed Effects:\n"
        var beta = RVector(.double(model.beta))
        beta.names = model.x.names.map { Optional($0) }
        out += LinearModelPrinting.namedStrings(try r.call("format", .vector(beta), named: ["digits": .scalar(digits)]), gap: 2)
        out += MixedModelConvergence.report(optinfo: optinfo(model), forSummary: false)
        return out
    }

    /// lme4's .prt.family: cat(" Family:", family, " (", link, ")\n").
    static func familyLine(_ family: GLMFamily) -> String {
        " Family: \(family.distribution.rawValue)  ( \(family.link.rawValue) )\n"
    }

    static func groupingFactors(_ model: GeneralizedLinearMixedModel) -> [(name: String, levels: Int)] {
        MixedModelPrinting.groupingFactors(model.terms)
    }

    /// coef(summary(m)): Estimate, Std. Error, z value, Pr(>|z|).
    static func coefficients(_ model: GeneralizedLinearMixedModel) -> RValue {
        let p = model.p, covariance = model.fixedEffectsCovariance
        let se = (0..<p).map { covariance[$0 + $0 * p].squareRoot() }
        let z = zip(model.beta, se).map { $0 / $1 }
        let pValues = z.map { 2 * pnorm5(-abs($0), 0, 1, 1, 0) }
        return LinearModelInference.matrix(model.beta + se + z + pValues, rows: model.x.names,
                                           columns: ["Estimate", "Std. Error", "z value", "Pr(>|z|)"])
    }

    /// The "summary.merMod" list of a GLMM, components in lme4's order.
    static func summaryObject(_ fit: RValue, _ model: GeneralizedLinearMixedModel) -> RValue {
        var objClass = RVector(.character([fit.explicitClass?.first ?? "glmerMod"]))
        objClass.attributes["package"] = .scalar("lme4")
        let factors = groupingFactors(model)
        var ngrps = RVector(.double(factors.map { Double($0.levels) }))
        ngrps.names = factors.map { Optional($0.name) }
        let names = model.x.names
        var aic = RVector(.double([model.aic, model.bic, model.logLikelihood, model.objective, Double(model.n - model.parameterCount)]))
        aic.names = ["AIC", "BIC", "logLik", "deviance", "df.resid"]
        var residuals = RVector(.double(model.pearsonResiduals))
        let rowNames = ListFields.field(fit, "row.names")?.asVector.map { Coerce.strings($0) }
        residuals.names = rowNames ?? (0..<model.n).map { Optional(String($0 + 1)) }
        let dims = RVector(.integer([model.n, model.n, model.p, model.n - model.p, model.terms.reduce(0) { $0 + $1.columnCount },
                                     model.theta.count, 0, model.terms.count, 0, 0, 1, 0]))
        var namedDims = dims
        namedDims.names = ["N", "n", "p", "nmp", "q", "nth", "useSc", "reTrms", "spFe", "REML", "GLMM", "NLMM"]
        let devcomp = RValue.list([.double([]), .vector(namedDims)], names: ["cmp", "dims"])
        let parts: [(String, RValue)] = [
            ("methTitle", .scalar(model.methodTitle)), ("objClass", .vector(objClass)), ("devcomp", devcomp),
            ("isLmer", .scalar(false)), ("useScale", .scalar(false)),
            ("logLik", LinearModelInference.logLik(value: model.logLikelihood, df: model.parameterCount, nobs: model.n)),
            ("family", .scalar(model.family.distribution.rawValue)), ("link", .scalar(model.family.link.rawValue)),
            ("ngrps", .vector(ngrps)), ("coefficients", coefficients(model)), ("sigma", .scalar(1.0)),
            ("vcov", LinearModelInference.matrix(model.fixedEffectsCovariance, rows: names, columns: names)),
            ("varcor", VarCorrLibrary.object(model.varianceComponents, sigma: 1, useScale: false)),
            ("AICtab", .vector(aic)), ("call", ListFields.field(fit, "call") ?? .null),
            ("residuals", .vector(residuals)), ("fitMsgs", .character([])), ("optinfo", optinfo(model)),
        ]
        var v = RVector(.list(parts.map(\.1)))
        v.names = parts.map { Optional($0.0) }
        v.attributes["class"] = .character(["summary.merMod"])
        return .vector(v)
    }

    private static func optinfo(_ model: GeneralizedLinearMixedModel) -> RValue {
        let result = model.optimizerResult
        let parameters = model.theta + model.beta
        let messages = model.convergenceFindings.map(\.text)
        let lme4: RValue = messages.isEmpty ? .list([]) : .list([.character(messages.map { Optional($0) })], names: ["messages"])
        let items: [(String, RValue)] = [
            ("optimizer", .scalar(model.optimizerName)),
            // optwrap's convergence: minqa's ierr for bobyqa, 4 (out of evaluations) or 0 for Nelder_Mead.
            ("conv", .list([.scalar(Double(result.map { model.optimizerName == "bobyqa" ? $0.code : ($0.code == 4 ? 4 : 0) }
                                              ?? model.stageOneCode.code)), lme4], names: ["opt", "lme4"])),
            ("feval", .scalar(result?.evaluations ?? model.stageOneEvaluations)),
            ("warnings", .list([])), ("val", .double(parameters)),
        ]
        return .list(items.map(\.1), names: items.map(\.0))
    }
}
