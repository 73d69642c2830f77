import MixedModels

/// coef() of an lmer fit (lme4's coef.merMod): for each grouping factor, a data frame with one
/// row per level holding the fixed effects plus that level's random effects; a random-effect
/// column without a fixed effect starts from zero. The list has class "coef.mer".
enum MixedModelCoef {
    static func install(_ interp: Interpreter) {
        interp.define("coef.merMod", { ctx, args in
            guard let object = args.first?.value else { throw RError("argument \"object\" is missing, with no default") }
            if args.count > 1 { ctx.interpreter.warning("arguments named \"\(args.dropFirst().compactMap(\.name).joined(separator: ", "))\" ignored", call: nil) }
            let effectsValue: RValue, fixedNames: [String], beta: [Double]
            if let glmm = ctx.interpreter.generalizedModel(of: object) {
                effectsValue = MixedModelRandomEffects.ranef(terms: glmm.terms, b: glmm.b, covariances: nil)
                fixedNames = glmm.x.names
                beta = glmm.beta
            } else if let model = ctx.interpreter.model(of: object) {
                effectsValue = try MixedModelRandomEffects.ranef(model, conditionalVariances: false)
                fixedNames = model.fixedEffectNames
                beta = model.beta
            } else {
                throw RError("invalid 'merMod' object")
            }
            guard case .vector(let effects) = effectsValue, case .list(let frames) = effects.storage else { return .null }
            let randomNames = frames.compactMap { DataFrame($0)?.names }.flatMap { $0 }
            var missing: [String] = []
            for name in randomNames where !fixedNames.contains(name) && !missing.contains(name) { missing.append(name) }
            // Columns: random effects without a fixed effect first (at zero), then the fixed effects.
            let names = missing + fixedNames
            let fixed = missing.map { _ in 0.0 } + beta
            var result: [RValue] = []
            for frame in frames {
                guard let random = DataFrame(frame) else { continue }
                let columns: [RValue] = names.enumerated().map { j, name in
                    let base = [Double](repeating: fixed[j], count: random.rowCount)
                    guard let column = random.column(name)?.asVector.flatMap({ Coerce.doubles($0) }) else { return .double(base) }
                    return .double(zip(base, column).map { $0 + $1 })
                }
                result.append(DataFrame(columns: columns, names: names, rowCount: random.rowCount, rowNames: random.rowLabels).value)
            }
            var list = RVector(.list(result))
            list.names = effects.names
            list.attributes["class"] = .character(["coef.mer"])
            return .vector(list)
        })
    }
}
