import MixedModels

/// The kernel under lme4's refit() of lmer fits (written in R, Lme4RSource), which bootMer()
/// calls once per replicate.
enum MixedModelRefit {
    static func install(_ interp: Interpreter) {
        // .Internal(lmerRefit(fit, newresp)): lme4's refit() of an lmer fit: the same model with
        // another response, fitted (REML or ML, as the fit was) from the fit's θ.
        interp.defineInternal("lmerRefit", { ctx, args in
            let i = ctx.interpreter
            guard args.count == 2, let model = i.model(of: args[0].value), let inputs = i.mixedModelInputs[ObjectIdentifier(model)] else {
                throw RError("refit() needs a model fitted by lmer")
            }
            guard model.weights == nil else { throw RError("refit() of a weighted lmer fit is not available in mlmd yet") }
            var y = inputs.1
            if !args[1].value.isNullValue {
                guard let values = args[1].value.asVector.flatMap(Coerce.doubles) else { throw RError("invalid 'newresp'") }
                guard values.count == y.count else {
                    throw RError("length(newresp <- as.numeric(as.vector(newresp))) == length(rr$y) is not TRUE")
                }
                y = values
            }
            do {
                let refitted = try LinearMixedModel(x: inputs.0, y: y, terms: inputs.2, reml: model.reml)
                // As lme4's refit(): REML = TRUE where its criterion wants p (see remlFixedEffectCount),
                // and nloptwrap from the fit's θ without lmer's restart and boundary rules.
                if model.reml { refitted.remlFixedEffectCount = 1 }
                let summary = try refitted.fit(settings: { var s = OptimizerSettings(); s.restartEdge = false; s.boundaryTolerance = 0; return s }(),
                                               start: model.theta)
                try MixedModelConvergence.signal(summary, i)
                let key = ObjectIdentifier(model), newKey = ObjectIdentifier(refitted)
                i.mixedModelInputs[newKey] = (inputs.0, y, inputs.2)
                i.mixedModelFactorLevels[newKey] = i.mixedModelFactorLevels[key]
                i.mixedModelFixedTerms[newKey] = i.mixedModelFixedTerms[key]
                guard case .vector(var object) = args[0].value, let position = object.names?.firstIndex(of: "model.id"),
                      case .list(var items) = object.storage else { throw RError("invalid 'merMod' object") }
                items[position] = .scalar(i.register(refitted))
                object.storage = .list(items)
                return .vector(object)
            } catch let e as MixedModelsError {
                throw RError(e.description)
            }
        })
    }
}
