import CRmath
import MixedModels

/// lmerTest's anova of one lmer fit: an F test per fixed-effect term with Satterthwaite's (or,
/// with ddf = "Kenward-Roger", pbkrtest's Kenward-Roger) denominator degrees of freedom, as R's "anova" table (Sum Sq = F · NumDF · σ², Mean Sq =
/// F · σ²) with the hypothesis matrices as "hypotheses". Several fits go to lme4's
/// likelihood-ratio comparison, as lmerTest passes them on.
enum LmerTestAnova {
    static func install(_ interp: Interpreter) {
        interp.define("anova.lmerModLmerTest", { ctx, args in
            let i = ctx.interpreter
            let models = args.filter { $0.name == nil && i.model(of: $0.value) != nil }
            if models.count > 1 || args.contains(where: { $0.name == "ddf" && $0.value.stringValue == "lme4" }) {
                guard case .value(let comparison)? = i.namespaces["lme4"]?.env.binding("anova.merMod") else {
                    throw RError("lme4's anova is not available")
                }
                return try i.callValue(comparison, args.filter { $0.name != "ddf" && $0.name != "type" }, env: ctx.env, call: ctx.call)
            }
            guard let object = models.first?.value, let model = i.model(of: object) else {
                throw RError("argument \"object\" is missing, with no default")
            }
            let ddf = args.first(where: { $0.name == "ddf" })?.value.stringValue ?? "Satterthwaite"
            guard ["Satterthwaite", "Kenward-Roger", "lme4"].contains(ddf) else {
                throw RError("'arg' should be one of \u{201C}Satterthwaite\u{201D}, \u{201C}Kenward-Roger\u{201D}, \u{201C}lme4\u{201D}")
            }
            let type = try typeArgument(args.first(where: { $0.name == "type" })?.value)
            return try table(model, type: type, kenwardRoger: ddf == "Kenward-Roger", ctx)
        })
    }

    /// lmerTest's type argument: 3 (default), 2 or 1, as a number or roman numeral.
    private static func typeArgument(_ value: RValue?) throws -> Int {
        guard let value else { return 3 }
        let text = value.stringValue ?? value.scalarInt().map(String.init) ?? ""
        switch text {
        case "3", "III": return 3
        case "2", "II": return 2
        case "1", "I": return 1
        default: throw RError("'arg' should be one of \u{201C}III\u{201D}, \u{201C}II\u{201D}, \u{201C}I\u{201D}, \u{201C}3\u{201D}, \u{201C}2\u{201D}, \u{201C}1\u{201D}")
        }
    }

    static func table(_ model: LinearMixedModel, type: Int, kenwardRoger: Bool = false, _ ctx: CallContext) throws -> RValue {
        let i = ctx.interpreter
        guard let (labels, assign) = i.mixedModelFixedTerms[ObjectIdentifier(model)] else {
            throw RError("the fit's fixed-effect terms are not available")
        }
        // Without interactions every term's type II and III hypothesis is that its own
        // coefficients are zero; with them (or for type I) lmerTest builds other contrasts.
        guard type != 1, !labels.contains(where: { $0.contains(":") }) else {
            throw RError("mlmd computes lmerTest's type II and III tests for models without interaction terms only")
        }
        guard model.droppedFixedEffectNames.isEmpty else {
            throw RError("mlmd computes lmerTest's anova for fixed effects of full rank only")
        }
        let names = model.fixedEffectNames, p = names.count
        // One F test per term, by Satterthwaite's method or (pbkrtest's) Kenward-Roger's.
        let test: ([[Double]]) throws -> (sumOfSquaresF: Double, numeratorDF: Int, denominatorDF: Double, f: Double, p: Double)
        do {
            if kenwardRoger {
                guard model.reml else { throw RError("Kenward-Roger's method is only available for REML model fits", call: nil, noCall: true) }
                let adjustment = try KenwardRogerKernel.adjustment(model)
                let beta = model.beta
                test = { contrasts in
                    let t = try adjustment.fTest(contrasts: contrasts, beta: beta)
                    let pValue = pf(t.fValue, Double(t.numeratorDF), t.denominatorDF, 0, 0)
                    return (t.unscaledFValue, t.numeratorDF, t.denominatorDF, t.fValue, pValue)
                }
            } else {
                let approximation = try model.satterthwaiteApproximation()
                for w in approximation.warnings { i.warning(w, call: nil) }
                test = { contrasts in
                    let t = try approximation.fTest(contrasts: contrasts)
                    return (t.fValue, t.numeratorDF, t.denominatorDF, t.fValue, t.pValue)
                }
            }
        } catch let e as MixedModelsError { throw RError(e.description) }
        let sigma2 = model.sigma * model.sigma
        var rowNames: [String] = [], sums: [Double] = [], means: [Double] = [], numDF: [Int] = [], denDF: [Double] = []
        var fs: [Double] = [], ps: [Double] = [], hypotheses: [RValue] = []
        for (k, label) in labels.enumerated() {
            let columns = assign.indices.filter { assign[$0] == k + 1 }
            guard !columns.isEmpty else { continue }
            let contrasts = columns.map { c in (0..<p).map { $0 == c ? 1.0 : 0.0 } }
            let result: (sumOfSquaresF: Double, numeratorDF: Int, denominatorDF: Double, f: Double, p: Double)
            do { result = try test(contrasts) } catch let e as MixedModelsError { throw RError(e.description) }
            rowNames.append(label)
            sums.append(result.sumOfSquaresF * Double(result.numeratorDF) * sigma2)
            means.append(result.sumOfSquaresF * sigma2)
            numDF.append(result.numeratorDF)
            denDF.append(result.denominatorDF)
            fs.append(result.f)
            ps.append(result.p)
            // One row is named by the term, several by their coefficients.
            let rowLabels = columns.count == 1 ? [label] : columns.map { names[$0] }
            hypotheses.append(LinearModelInference.matrix((0..<p).flatMap { j in contrasts.map { $0[j] } },
                                                           rows: rowLabels, columns: names))
        }
        let heading = "Type \(type == 3 ? "III" : "II") Analysis of Variance Table with \(kenwardRoger ? "Kenward-Roger" : "Satterthwaite")'s method"
        return AnovaTable.object([.doubles("Sum Sq", sums), .doubles("Mean Sq", means), .integers("NumDF", numDF),
                                  .doubles("DenDF", denDF), .doubles("F value", fs), .doubles("Pr(>F)", ps)],
                                 rowNames: rowNames, heading: [heading],
                                 after: [("hypotheses", .list(hypotheses, names: rowNames))])
    }
}
