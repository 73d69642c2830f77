import CRmath
import Foundation
import MixedModels

/// What lme4's merMod methods give for a glmer fit: fitted values (response scale), residuals
/// of each type, predictions (link or response scale, with or without the random effects, on
/// new data), vcov, logLik and the Wald intervals of confint(method = "Wald").
enum GeneralizedMixedModelMethods {
    static func rowNames(_ object: RValue, _ model: GeneralizedLinearMixedModel) -> [String] {
        ListFields.field(object, "row.names")?.asVector.map { Coerce.strings($0).map { $0 ?? "" } }
            ?? (0..<model.n).map { String($0 + 1) }
    }

    /// residuals.merMod of a GLMM: "deviance" (the default), "pearson", "working", "response".
    static func residuals(_ model: GeneralizedLinearMixedModel, type: String) throws -> [Double] {
        let types = ["deviance", "pearson", "working", "response"]
        guard !type.isEmpty, let resolved = types.first(where: { $0.hasPrefix(type) }) else {
            throw RError("'arg' should be one of " + types.map { Quotes.double($0) }.joined(separator: ", "))
        }
        let distribution = model.family.distribution, link = model.family.link
        return (0..<model.n).map { i in
            let y = model.y[i], mu = model.mu[i], w = model.priorWeights[i]
            switch resolved {
            case "deviance":
                let d = max(distribution.devianceResidual(y, mu, w), 0).squareRoot()
                return y > mu ? d : -d
            case "pearson": return (y - mu) * w.squareRoot() / distribution.variance(mu).squareRoot()
            case "working": return (y - mu) / link.muEta(model.eta[i])
            default: return y - mu
            }
        }
    }

    /// predict.merMod: type "link" or "response"; re.form = NA drops the random effects; new
    /// data are built with the fit's factor levels, and new levels are refused as lme4 does.
    static func predict(_ object: RValue, _ model: GeneralizedLinearMixedModel, newdata: RValue?, type: String,
                        fixedOnly: Bool, _ ctx: CallContext) throws -> RValue {
        guard ["link", "response"].contains(type) else {
            throw RError("'arg' should be one of \u{201C}link\u{201D}, \u{201C}response\u{201D}")
        }
        let link = model.family.link
        func scaled(_ eta: [Double]) -> [Double] { type == "link" ? eta : eta.map(link.inverse) }
        guard let newdata, !newdata.isNullValue else {
            return NamedValues.doubles(scaled(fixedOnly ? model.fixedEffectPredictions : model.eta), rowNames(object, model))
        }
        guard case .language(let f)? = ListFields.field(object, "formula") else { throw RError("object has no formula") }
        var env = ctx.env
        if case .environment(let e)? = f.attributes[".Environment"] { env = e }
        let formula = try ModelFormula(f.expr)
        let xlevels = ctx.interpreter.mixedModelFactorLevels[ObjectIdentifier(model)] ?? [:]
        let design = try ModelMatrix(formula, data: newdata, env: env, interpreter: ctx.interpreter, xlevels: xlevels,
                                     needsResponse: false)
        let columnIndex = Dictionary(design.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = design.rows.count
        var eta = design.offset ?? [Double](repeating: 0, count: rows)
        for (j, name) in model.x.names.enumerated() {
            guard let c = columnIndex[name] else { throw RError("object '\(name)' not found") }
            for r in 0..<rows { eta[r] += design.columns[c][r] * model.beta[j] }
        }
        if !fixedOnly {
            let mask = ModelMatrix.mask(newdata, env: env)
            let b = model.b
            for (k, random) in formula.random.enumerated() where k < model.terms.count {
                let labels = try MixedModelLibrary.groupingLabels(random.grouping, mask: mask, rows: design.rows,
                                                                  interpreter: ctx.interpreter)
                var own = random.formula
                own.response = nil
                for block in try MixedModelLibrary.termColumns(own, uncorrelated: random.uncorrelated, data: newdata, env: env,
                                                               rows: design.rows, interpreter: ctx.interpreter, xlevels: xlevels,
                                                               needsResponse: false) {
                    guard let t = model.terms.firstIndex(where: { $0.columnNames == block.names && groupingMatches($0.grouping, random.grouping) }) else { continue }
                    let term = model.terms[t]
                    let position = Dictionary(term.levels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                    for r in 0..<rows {
                        guard let label = labels[r], let level = position[label] else {
                            throw RError("new levels detected in newdata: \(labels[r] ?? "NA")")
                        }
                        for c in 0..<term.q { eta[r] += block.values[r + c * rows] * b[t][level * term.q + c] }
                    }
                }
            }
        }
        return NamedValues.doubles(scaled(eta), LinearModelLibrary.rowNames(design.rows, newdata))
    }

    private static func groupingMatches(_ termGrouping: String, _ e: Expr) -> Bool {
        let name = Deparser.deparse(e)
        return termGrouping == name || MixedModelPrinting.unsuffixed(termGrouping) == name
    }

    static func vcov(_ model: GeneralizedLinearMixedModel) -> RValue {
        LinearModelInference.matrix(model.fixedEffectsCovariance, rows: model.x.names, columns: model.x.names)
    }

    static func logLik(_ model: GeneralizedLinearMixedModel) -> RValue {
        LinearModelInference.logLik(value: model.logLikelihood, df: model.parameterCount, nobs: model.n)
    }

}
