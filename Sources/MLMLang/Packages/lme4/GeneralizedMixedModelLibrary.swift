import Foundation
import MixedModels

/// glmer(): the formula's fixed and random parts over the data, the family's start (as glm
/// takes it), and the fit by MixedModels' GeneralizedLinearMixedModel (lme4's PIRLS, Laplace or
/// adaptive Gauss–Hermite quadrature, and two-stage optimization). The R object is a list of
/// class "glmerMod"; the Swift model stays in the session, keyed by the object's id.
enum GeneralizedMixedModelLibrary {
    static let formals = ["formula", "data", "family", "control", "start", "verbose", "nAGQ", "subset", "weights",
                          "na.action", "offset", "contrasts", "mustart", "etastart", "devFunOnly"]

    static func install(_ interp: Interpreter) {
        interp.define("glmer", special: { ctx, args in
            let i = ctx.interpreter
            let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location), formals: formals)
            func argument(_ name: String) -> Expr? { call.arguments.first { $0.name == name }?.value }
            for unsupported in ["start", "mustart", "etastart", "devFunOnly"] where argument(unsupported) != nil {
                throw RError("glmer's '\(unsupported)' argument is not supported yet", call: ctx.call)
            }
            // Unlike lmer(), lme4's glmer() keeps a `||` formula as written in the fit.
            guard let formulaExpr = argument("formula"), case .language(let f) = try i.eval(formulaExpr, ctx.env) else {
                throw RError("argument \"formula\" is missing, with no default", call: ctx.call)
            }
            let familyValue = try argument("family").map { try i.eval($0, ctx.env) } ?? .scalar("gaussian")
            let family = try GLMFamilyObjects.family(of: familyValue, ctx)
            if family.distribution == .gaussian && family.link == .identity {
                // lme4 redirects to lmer() with a warning.
                i.warning("calling glmer() with family=gaussian (identity link) as a shortcut to lmer() is deprecated; please call lmer() directly",
                          call: ctx.call)
                let lmerArguments = call.arguments.filter { $0.name != "family" && $0.name != "nAGQ" }
                let lmerCall = Call(.call(Call(.symbol("::"), [Argument(.symbol("lme4")), Argument(.symbol("lmer"))])), lmerArguments,
                                    location: ctx.call.location)
                return try i.eval(.call(lmerCall), ctx.env)
            }
            let data = try argument("data").map { try i.eval($0, ctx.env) } ?? .null
            let nAGQ = try argument("nAGQ").map { try i.eval($0, ctx.env).scalarInt() ?? 1 } ?? 1
            let inputs = try GeneralizedLinearModelLibrary.ModelInputs(formula: f, data: data, subset: argument("subset"),
                                                                        weights: argument("weights"), offset: argument("offset"),
                                                                        ctx: ctx)
            guard !inputs.formula.random.isEmpty else { throw RError("No random effects terms specified in formula") }
            let start = try GeneralizedLinearModelLibrary.familyStart(family, inputs.design, priorWeights: inputs.weights,
                                                                      evaluatedIn: "rho")
            guard start.y.allSatisfy(\.isFinite) else {
                let mkRespMod = Call(.symbol("mkRespMod"), [Argument(.symbol("fr")), Argument(name: "family", .symbol("family"))])
                throw RError("NA/NaN/Inf in 'y'", call: mkRespMod)
            }
            // lme4's checkResponse (check.response.not.const = "stop").
            if let first = start.y.first, start.y.allSatisfy({ $0 == first }) { throw RError("Response is constant") }
            var env = ctx.env
            if case .environment(let e)? = f.attributes[".Environment"] { env = e }
            let control = try argument("control").map { try i.eval($0, ctx.env) } ?? .null
            let ignoreLevels = ListFields.field(control, "check.nlev.gtr.1")?.stringValue == "ignore"
            let terms = try MixedModelLibrary.randomEffectsTerms(inputs.formula, data: data, env: env, rows: inputs.design.rows,
                                                                 ignoreSingleLevel: ignoreLevels, interpreter: i)
            let fullX = try DesignMatrix(columns: zip(inputs.design.columnNames, inputs.design.columns).map { ($0, $1) },
                                         rows: inputs.design.rows.count)
            // lme4 drops the columns of a rank-deficient X with a message before fitting.
            let (x, dropped) = fullX.droppingDependentColumns()
            if !dropped.isEmpty { try i.signalMessage(MixedModelConvergence.rankDeficiencyMessage(dropped.count) + "\n", call: nil) }
            if nAGQ > 1, terms.count != 1 || terms[0].q != 1 {
                let reTrms = Expr.call(Call(.symbol("$"), [Argument(.symbol("glmod")), Argument(.symbol("reTrms"))]))
                throw RError("nAGQ > 1 is only available for models with a single, scalar random-effects term",
                             call: Call(.symbol("updateGlmerDevfun"), [Argument(.symbol("devfun")), Argument(reTrms),
                                                                        Argument(name: "nAGQ", .symbol("nAGQ"))]))
            }
            let model: GeneralizedLinearMixedModel
            do {
                model = try GeneralizedLinearMixedModel(x: x, y: start.y, family: family, terms: terms, priorWeights: start.weights,
                                                        trials: start.trials, offset: inputs.offset ?? [Double](repeating: 0, count: x.rows),
                                                        mustart: start.mustart, nAGQ: nAGQ)
                let settings = try fitSettings(control)
                // Each deviance evaluation is charged to the session's step budget in proportion
                // to its work (one step per hundred cells of [X Z]), and looks at the time limit.
                let cost = max(1, x.rows * (x.columns + terms.reduce(0) { $0 + $1.levels.count }) / 100)
                model.interruption = { [unowned i] in
                    do { try i.charge(steps: cost); return nil } catch { return error }
                }
                let summary = try model.fit(settings)
                // optwrap's warning for an optimizer that did not end normally.
                if model.stageOneCode.code != 0 {
                    i.warning("convergence code \(model.stageOneCode.code) from bobyqa: \(model.stageOneCode.message)", call: nil)
                }
                if settings.stageTwo == .bobyqa, let message = model.stageTwoMessage {
                    i.warning("convergence code \(summary.code) from bobyqa: \(message)", call: nil)
                } else if settings.stageTwo == .nelderMead, summary.code == 4 {
                    let name = "Nelder_Mead"
                    i.warning("convergence code 4 from \(name): failure to converge in \(settings.maxEvaluations) evaluations", call: nil)
                }
            } catch let e as MixedModelsError {
                throw RError(e.description, call: ctx.call)
            }
            GeneralizedLinearModelLibrary.warnNonIntegerCounts(family, start.y, i)
            try MixedModelConvergence.signal(model.convergenceFindings, i)
            i.mixedModelFactorLevels[ObjectIdentifier(model)] = inputs.design.factorLevels
            // assign of the columns kept (a rank-deficient X loses some).
            let keptAssign = zip(inputs.design.columnNames, inputs.design.assign).filter { !dropped.contains($0.0) }.map(\.1)
            i.mixedModelFixedTerms[ObjectIdentifier(model)] = (inputs.formula.terms.map(\.label), keptAssign)
            return object(model, call: call, formula: f.expr, dataExpr: argument("data"), data: data, rowNames: inputs.rowNames,
                          interpreter: i)
        })
        interp.define("glmerControl", { _, args in
            .list(args.map(\.value), names: args.map { $0.name ?? "" })
        })
    }

    /// glmerControl's optimizer (one name for both stages or one per stage), calc.derivs and
    /// optCtrl's maxfun.
    static func fitSettings(_ control: RValue) throws -> GeneralizedLinearMixedModel.FitSettings {
        var settings = GeneralizedLinearMixedModel.FitSettings()
        if let optimizer = ListFields.field(control, "optimizer")?.asVector {
            let names = Coerce.strings(optimizer).compactMap { $0 }
            let second = names.count >= 2 ? names[1] : names.first
            switch second {
            case nil, "Nelder_Mead"?: settings.stageTwo = .nelderMead
            case "bobyqa"?, "nloptwrap"?: settings.stageTwo = .bobyqa
            case let other?: throw RError("glmerControl(optimizer = \"\(other)\") is not supported yet; use \"bobyqa\" or \"Nelder_Mead\"")
            }
        }
        if let flag = ListFields.field(control, "calc.derivs")?.logicalValue { settings.calcDerivs = flag }
        if let maxfun = ListFields.field(control, "optCtrl").flatMap({ ListFields.field($0, "maxfun") })?.scalarInt(), maxfun > 0 {
            settings.maxEvaluations = maxfun
        }
        return settings
    }

    static func object(_ model: GeneralizedLinearMixedModel, call: Call, formula: Expr, dataExpr: Expr?, data: RValue,
                       rowNames: [String], interpreter: Interpreter) -> RValue {
        let id = interpreter.register(model)
        var v = RVector(.list([.scalar(id), .language(Language(.call(call))), .language(Language(formula)),
                               dataExpr.map { .language(Language($0)) } ?? .null, .character(rowNames.map { Optional($0) }), data]))
        v.names = ["model.id", "call", "formula", "data", "row.names", "frame"]
        v.attributes["class"] = .character(["glmerMod", "merMod"])
        return .vector(v)
    }
}

extension Interpreter {
    func generalizedModel(of object: RValue) -> GeneralizedLinearMixedModel? {
        guard let id = ListFields.field(object, "model.id")?.scalarInt(), id >= 1, id <= fittedModels.count else { return nil }
        return fittedModels[id - 1] as? GeneralizedLinearMixedModel
    }
}

/// What lme4 reports of a GLMM fit, from the Swift model.
extension GeneralizedLinearMixedModel {
    /// −2 log L: the Laplace (or AGQ) deviance at the optimum.
    var objective: Double { optimizerResult?.minimum ?? laplaceDeviance }
    var logLikelihood: Double { -objective / 2 }
    /// θ and β.
    var parameterCount: Int { theta.count + p }
    var aic: Double { objective + 2 * Double(parameterCount) }
    var bic: Double { objective + log(Double(n)) * Double(parameterCount) }

    /// Pearson residuals (y − μ) √w / √V(μ).
    var pearsonResiduals: [Double] {
        (0..<n).map { i in (y[i] - mu[i]) * priorWeights[i].squareRoot() / family.distribution.variance(mu[i]).squareRoot() }
    }

    var methodTitle: String {
        nAGQ != 1
            ? "Generalized linear mixed model fit by maximum likelihood (Adaptive\n  Gauss-Hermite Quadrature, nAGQ = \(nAGQ))"
            : "Generalized linear mixed model fit by maximum likelihood (Laplace\n  Approximation)"
    }
}

import Foundation
