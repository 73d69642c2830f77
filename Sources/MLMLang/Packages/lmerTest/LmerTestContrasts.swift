import MixedModels

/// lmerTest's `calcSatterth(model, L)`: Satterthwaite's F test of Lβ = 0 for the rows of L, as
/// the list lmerTest returns (denom, Fstat and pvalue as 1 x 1 matrices, ndf). emmeans calls it
/// for the degrees of freedom of each estimate when `lmer.df = "satterthwaite"`.
enum LmerTestContrasts {
    static func install(_ interp: Interpreter) {
        interp.define("calcSatterth") { ctx, args in
            let i = ctx.interpreter
            guard let object = args.first?.value, object.inherits("lmerMod"), let model = i.model(of: object) else {
                throw RError("inherits(model, \"lmerMod\") is not TRUE")
            }
            if !object.inherits("lmerModLmerTest") { try i.signalMessage("Coercing model to class 'lmerModLmerTest'\n", call: ctx.call) }
            guard args.count >= 2 else { throw RError("argument \"L\" is missing, with no default") }
            let contrasts = try MatrixArguments.rows(args[1].value, columns: model.fixedEffectNames.count)
            let test: SatterthwaiteFTest
            do { test = try model.satterthwaiteApproximation().fTest(contrasts: contrasts) } catch let e as MixedModelsError { throw RError(e.description) }
            let oneByOne = { (x: Double) -> RValue in
                var v = RVector(.double([x]))
                v.attributes["dim"] = .integer([1, 1])
                return .vector(v)
            }
            return .list([.scalar(test.denominatorDF), oneByOne(test.fValue), oneByOne(test.pValue), .scalar(test.numeratorDF)],
                         names: ["denom", "Fstat", "pvalue", "ndf"])
        }
    }
}
