import MixedModels

/// anova(m1, m2, ...) for lmer fits: REML fits refitted by ML (with lme4's message), models
/// ordered by number of parameters, likelihood-ratio tests between neighbours.
enum MixedModelAnova {
    static func install(_ interp: Interpreter) {
        interp.define("anova.merMod", { ctx, args in
            let i = ctx.interpreter
            let models = args.filter { $0.name == nil && (i.model(of: $0.value) != nil || i.generalizedModel(of: $0.value) != nil) }
            guard models.count >= 2 else {
                if let first = models.first, let glmm = i.generalizedModel(of: first.value) { return try sequential(glmm, i) }
                guard let model = models.first.flatMap({ i.model(of: $0.value) }) else {
                    throw RError("argument \"object\" is missing, with no default")
                }
                return try sequential(model, i)
            }
            let names = ctx.call.arguments.filter { $0.name == nil }.prefix(models.count).map { Deparser.deparse($0.value) }
            let fitted = models.compactMap { i.model(of: $0.value) }
            if fitted.contains(where: \.reml) { try i.signalMessage("refitting model(s) with ML (instead of REML)\n", call: nil) }
            // Each fit's (npar, AIC, BIC, logLik, deviance): lmer fits by ML (refitted when REML),
            // glmer fits as they are.
            let ml: [(logLikelihoodDF: Int, aic: Double, bic: Double, logLikelihood: Double, objective: Double)] = try models.map { a in
                if let glmm = i.generalizedModel(of: a.value) {
                    return (glmm.parameterCount, glmm.aic, glmm.bic, glmm.logLikelihood, glmm.objective)
                }
                guard let model = i.model(of: a.value) else { throw RError("invalid 'merMod' object") }
                let m = try MixedModelLibrary.maximumLikelihood(model, i)
                return (m.logLikelihoodDF, m.aic, m.bic, m.logLikelihood, m.objective)
            }
            let order = ml.indices.sorted { ml[$0].logLikelihoodDF < ml[$1].logLikelihoodDF }
            var heading: [String] = []
            if case .language(let d)? = ListFields.field(models[0].value, "data") { heading.append("Data: \(Deparser.deparse(d.expr))") }
            heading.append("Models:")
            for k in order {
                // lme4 lists each model by the formula argument of its call, as it was written.
                if case .language(let l)? = ListFields.field(models[k].value, "call"), case .call(let c) = l.expr,
                   let formula = c.arguments.first(where: { $0.name == "formula" }) ?? c.arguments.first(where: { $0.name == nil }) {
                    heading.append("\(names[k]): \(Deparser.deparse(formula.value))")
                } else if case .language(let f)? = ListFields.field(models[k].value, "formula") {
                    heading.append("\(names[k]): \(Deparser.deparse(f.expr))")
                }
            }
            // The table: npar AIC BIC logLik deviance Chisq Df Pr(>Chisq).
            var rows: [[Double]] = []
            for (position, k) in order.enumerated() {
                let m = ml[k]
                var row = [Double(m.logLikelihoodDF), m.aic, m.bic, m.logLikelihood, m.objective, NAReal, NAReal, NAReal]
                if position > 0 {
                    let previous = ml[order[position - 1]]
                    let chisq = max(0, 2 * (m.logLikelihood - previous.logLikelihood))
                    let df = Double(m.logLikelihoodDF - previous.logLikelihoodDF)
                    row[5] = chisq
                    row[6] = df
                    row[7] = df > 0 ? pchisqUpper(chisq, df) : NAReal
                }
                rows.append(row)
            }
            return AnovaTable.object(headers.indices.map { j in .doubles(headers[j], rows.map { $0[j] }) },
                                     rowNames: order.map { names[$0] }, heading: heading)
        })
    }

    static func pchisqUpper(_ x: Double, _ df: Double) -> Double { pchisq(x, df, 0, 0) }

    /// lme4's anova of one fit: each term's sequential sum of squares (the squares of RX β over
    /// its columns), mean square and F value against σ², without degrees of freedom for F.
    static func sequential(_ model: LinearMixedModel, _ i: Interpreter) throws -> RValue {
        guard let (labels, assign) = i.mixedModelFixedTerms[ObjectIdentifier(model)] else {
            throw RError("the fit's fixed-effect terms are not available")
        }
        guard model.droppedFixedEffectNames.isEmpty else { throw RError("mlmd computes lme4's anova for fixed effects of full rank only") }
        return table(labels: labels, assign: assign, effects: model.fixedEffectsProjection, sigma2: model.sigma * model.sigma)
    }

    /// The same for a glmer fit: RX at the final working weights times β, against a scale of 1.
    static func sequential(_ model: GeneralizedLinearMixedModel, _ i: Interpreter) throws -> RValue {
        guard let (labels, assign) = i.mixedModelFixedTerms[ObjectIdentifier(model)], let decomposition = model.finalDecomposition else {
            throw RError("the fit's fixed-effect terms are not available")
        }
        return table(labels: labels, assign: assign, effects: decomposition.projection(of: model.beta), sigma2: 1)
    }

    private static func table(labels: [String], assign: [Int], effects: [Double], sigma2: Double) -> RValue {
        var names: [String] = [], npar: [Int] = [], sums: [Double] = [], means: [Double] = [], fs: [Double] = []
        for (k, label) in labels.enumerated() {
            let columns = assign.indices.filter { assign[$0] == k + 1 && $0 < effects.count }
            guard !columns.isEmpty else { continue }
            let ss = columns.reduce(0.0) { $0 + effects[$1] * effects[$1] }
            names.append(label)
            npar.append(columns.count)
            sums.append(ss)
            means.append(ss / Double(columns.count))
            fs.append(ss / Double(columns.count) / sigma2)
        }
        return AnovaTable.object([.integers("npar", npar), .doubles("Sum Sq", sums), .doubles("Mean Sq", means), .doubles("F value", fs)],
                                 rowNames: names, heading: ["Analysis of Variance Table"])
    }

    static let headers = ["npar", "AIC", "BIC", "logLik", "deviance", "Chisq", "Df", "Pr(>Chisq)"]
}

import CRmath
