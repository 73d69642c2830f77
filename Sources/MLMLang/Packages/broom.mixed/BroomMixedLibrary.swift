import CRmath
import Foundation
import MixedModels

/// broom.mixed's tidy() and glance() for lmer fits: fixed effects (with lmerTest's df and p
/// values when the fit carries them) and the random-effect parameters as standard deviations
/// and correlations; one row of fit statistics.
enum BroomMixedLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("tidy.merMod", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "effects", "exponentiate", "..."], args, call: ctx.call)
            if let x = m["x"], let glmm = ctx.interpreter.generalizedModel(of: x) {
                let effects = (m["effects"]?.asVector).map { Coerce.strings($0).compactMap { $0 } } ?? ["ran_pars", "fixed"]
                return tidy(glmm, effects: effects, exponentiate: m["exponentiate"]?.logicalValue == true)
            }
            guard let x = m["x"], let model = ctx.interpreter.model(of: x) else { throw RError("invalid 'merMod' object") }
            let effects = (m["effects"]?.asVector).map { Coerce.strings($0).compactMap { $0 } } ?? ["ran_pars", "fixed"]
            return try tidy(model, satterthwaite: x.explicitClass?.first == "lmerModLmerTest", effects: effects)
        })
        interp.define("glance.merMod", { ctx, args in
            if let x = args.first?.value, let glmm = ctx.interpreter.generalizedModel(of: x) {
                return BroomLibrary.tibble(["nobs", "sigma", "logLik", "AIC", "BIC", "deviance", "df.residual"],
                                           [.integer([glmm.n]), .double([1]), .double([glmm.logLikelihood]), .double([glmm.aic]),
                                            .double([glmm.bic]), .double([glmm.devianceResidualSum]),
                                            .integer([glmm.n - glmm.parameterCount])], rows: 1)
            }
            guard let x = args.first?.value, let model = ctx.interpreter.model(of: x) else { throw RError("invalid 'merMod' object") }
            var names = ["nobs", "sigma", "logLik", "AIC", "BIC"]
            var columns: [RValue] = [.integer([model.n]), .double([model.sigma]), .double([model.logLikelihood]),
                                     .double([model.aic]), .double([model.bic])]
            names.append(model.reml ? "REMLcrit" : "deviance")
            columns.append(.double([model.objective]))
            names.append("df.residual")
            columns.append(.integer([model.n - model.logLikelihoodDF]))
            return BroomLibrary.tibble(names, columns, rows: 1)
        })
    }

    static func tidy(_ model: LinearMixedModel, satterthwaite: Bool, effects: [String]) throws -> RValue {
        var effect: [String?] = [], group: [String?] = [], term: [String?] = []
        var estimate: [Double] = [], se: [Double] = [], statistic: [Double] = [], df: [Double] = [], p: [Double] = []
        if effects.contains("fixed") {
            let covariance = model.fixedEffectsCovariance, k = model.beta.count
            var tests: [SatterthwaiteTest]?
            if satterthwaite {
                do { tests = try model.satterthwaite().rows } catch let e as MixedModelsError { throw RError(e.description) }
            }
            for (i, name) in model.fixedEffectNames.enumerated() {
                let s = covariance[i + i * k].squareRoot()
                effect.append("fixed"); group.append(nil); term.append(name)
                estimate.append(model.beta[i]); se.append(s); statistic.append(model.beta[i] / s)
                df.append(tests?[i].df ?? NAReal); p.append(tests?[i].pValue ?? NAReal)
            }
        }
        if effects.contains("ran_pars") {
            func add(_ g: String, _ t: String, _ value: Double) {
                effect.append("ran_pars"); group.append(g); term.append(t); estimate.append(value)
                se.append(NAReal); statistic.append(NAReal); df.append(NAReal); p.append(NAReal)
            }
            for c in model.varianceComponents {
                let q = c.columnNames.count
                // Column by column: a standard deviation, then its correlations with later columns.
                for j in 0..<q {
                    add(c.grouping, "sd__\(c.columnNames[j])", c.standardDeviations[j])
                    for i in (j + 1)..<max(q, j + 1) where i < q {
                        add(c.grouping, "cor__\(c.columnNames[j]).\(c.columnNames[i])", c.correlations[i + j * q])
                    }
                }
            }
            add("Residual", "sd__Observation", model.sigma)
        }
        var names = ["effect"], columns: [RValue] = [.character(effect)]
        if effects.contains("ran_pars") { names.append("group"); columns.append(.character(group)) }
        names += ["term", "estimate", "std.error", "statistic"]
        columns += [.character(term), .double(estimate), .double(se), .double(statistic)]
        if satterthwaite && effects.contains("fixed") {
            names += ["df", "p.value"]
            columns += [.double(df), .double(p)]
        }
        return BroomLibrary.tibble(names, columns, rows: estimate.count)
    }

    /// tidy() of a glmer fit: z tests for the fixed effects (exponentiated with delta-method
    /// standard errors on request) and the random effects' standard deviations and correlations.
    static func tidy(_ model: GeneralizedLinearMixedModel, effects: [String], exponentiate: Bool) -> RValue {
        var effect: [String?] = [], group: [String?] = [], term: [String?] = []
        var estimate: [Double] = [], se: [Double] = [], statistic: [Double] = [], p: [Double] = []
        if effects.contains("fixed") {
            let covariance = model.fixedEffectsCovariance, k = model.p
            for (i, name) in model.x.names.enumerated() {
                let s = covariance[i + i * k].squareRoot(), b = model.beta[i], z = b / s
                effect.append("fixed"); group.append(nil); term.append(name)
                estimate.append(exponentiate ? exp(b) : b); se.append(exponentiate ? s * exp(b) : s)
                statistic.append(z); p.append(2 * pnorm5(-abs(z), 0, 1, 1, 0))
            }
        }
        if effects.contains("ran_pars") {
            for c in model.varianceComponents {
                let q = c.columnNames.count
                for j in 0..<q {
                    effect.append("ran_pars"); group.append(c.grouping); term.append("sd__\(c.columnNames[j])")
                    estimate.append(c.standardDeviations[j]); se.append(NAReal); statistic.append(NAReal); p.append(NAReal)
                    for i in (j + 1)..<max(q, j + 1) where i < q {
                        effect.append("ran_pars"); group.append(c.grouping); term.append("cor__\(c.columnNames[j]).\(c.columnNames[i])")
                        estimate.append(c.correlations[i + j * q]); se.append(NAReal); statistic.append(NAReal); p.append(NAReal)
                    }
                }
            }
        }
        var names = ["effect"], columns: [RValue] = [.character(effect)]
        if effects.contains("ran_pars") { names.append("group"); columns.append(.character(group)) }
        names += ["term", "estimate", "std.error", "statistic", "p.value"]
        columns += [.character(term), .double(estimate), .double(se), .double(statistic), .double(p)]
        return BroomLibrary.tibble(names, columns, rows: estimate.count)
    }
}
