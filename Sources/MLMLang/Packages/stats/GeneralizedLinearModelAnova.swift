import CRmath
import MixedModels

/// anova.glm: the analysis of deviance of one fit (terms added sequentially, each refitted by
/// IRLS as anova.glm refits them) or of several nested fits (anova.glmlist), with stat.anova's
/// "Chisq"/"LRT" and "F" tests.
enum GeneralizedLinearModelAnova {
    static func install(_ interp: Interpreter) {
        interp.define("anova.glm", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["object", "...", "dispersion", "test"], args, call: ctx.call)
            guard let first = m["object"] else { throw RError("argument \"object\" is missing, with no default") }
            let test = m["test"].flatMap { $0.isNullValue ? nil : $0.stringValue }
            if let test, !["Chisq", "LRT", "F"].contains(test) {
                throw RError("test = \"\(test)\" is not supported yet; use \"Chisq\", \"LRT\" or \"F\"")
            }
            let dispersion = m["dispersion"]?.scalarDouble()
            let models = [first] + rest.filter { $0.name == nil && $0.value.inherits("glm") }.map(\.value)
            if models.count > 1 { return try comparison(models, test: test, dispersion: dispersion, ctx) }
            return try sequential(try GeneralizedLinearModelObject(first, ctx), test: test, dispersion: dispersion, ctx)
        })
    }

    private static func sequential(_ fit: GeneralizedLinearModelObject, test: String?, dispersion given: Double?,
                                   _ ctx: CallContext) throws -> RValue {
        let object = fit.object
        guard case .language(let f)? = ListFields.field(object, "formula") else { throw RError("object has no formula") }
        let formula = try ModelFormula(f.expr)
        let labels = formula.terms.map(\.label)
        let (columns, names, offset, _, assign) = try GeneralizedLinearModelMethods.design(object, newdata: nil, ctx)
        let n = fit.y.count
        guard columns.allSatisfy({ $0.count == n }) else { throw RError("the fit's data no longer give its rows") }
        var resdf = [Double(ListFields.field(object, "df.null")?.scalarInt() ?? 0)]
        var resdev = [ListFields.field(object, "null.deviance")?.doubleValue ?? .nan]
        if labels.count > 1 {
            let offsets = offset ?? [Double](repeating: 0, count: n)
            let mustart = (0..<n).map { startOfMean(fit, $0) }
            for k in 1..<labels.count {
                let keep = assign.indices.filter { assign[$0] <= k }
                let x = try DesignMatrix(columns: keep.map { (names[$0], columns[$0]) }, rows: n)
                do {
                    let refit = try GeneralizedLinearModelFit(x: x, y: fit.y, family: fit.family, weights: fit.priorWeights,
                                                              trials: [Double](repeating: 1, count: n), offset: offsets,
                                                              mustart: mustart, intercept: formula.intercept)
                    resdf.append(Double(refit.dfResidual))
                    resdev.append(refit.deviance)
                } catch let e as MixedModelsError {
                    throw RError(e.description)
                }
            }
        }
        if !labels.isEmpty {
            resdf.append(Double(fit.dfResidual))
            resdev.append(ListFields.field(object, "deviance")?.doubleValue ?? .nan)
        }
        var df = [NAReal], deviance = [NAReal]
        for k in 1..<resdf.count {
            df.append(resdf[k - 1] - resdf[k])
            deviance.append(max(0, resdev[k - 1] - resdev[k]))
        }
        let response = ListFields.field(object, "formula").flatMap { value -> String? in
            guard case .language(let l) = value, case .call(let c) = l.expr, c.arguments.count == 2 else { return nil }
            return Deparser.deparse(c.arguments[0].value)
        } ?? ""
        let family = fit.family
        let title = "Analysis of Deviance Table\n\nModel: \(family.distribution.rawValue), link: \(family.link.rawValue)\n\n"
            + "Response: \(response)\n\nTerms added sequentially (first to last)\n\n"
        var table: [AnovaTable.Column] = [.doubles("Df", df), .doubles("Deviance", deviance), .doubles("Resid. Df", resdf),
                                          .doubles("Resid. Dev", resdev)]
        let dispersion = given ?? fit.dispersion
        let dfDispersion = given != nil || dispersion == 1 ? Double.infinity : Double(fit.dfResidual)
        if let test {
            table += try testColumns(test, df: df, deviance: deviance, scale: dispersion, dfScale: dfDispersion, family: family, ctx)
        }
        return AnovaTable.object(table, rowNames: ["NULL"] + labels, heading: [title])
    }

    /// glm.fit's start for the mean when anova.glm refits without one: the family's initialize
    /// step on y and the prior weights.
    private static func startOfMean(_ fit: GeneralizedLinearModelObject, _ i: Int) -> Double {
        let y = fit.y[i], w = fit.priorWeights[i]
        switch fit.family.distribution {
        case .binomial: return (w * y + 0.5) / (w + 1)
        case .poisson: return y + 0.1
        case .gamma, .gaussian: return y
        }
    }

    private static func comparison(_ models: [RValue], test: String?, dispersion given: Double?, _ ctx: CallContext) throws -> RValue {
        let fits = try models.map { try GeneralizedLinearModelObject($0, ctx) }
        let resdf = fits.map { Double($0.dfResidual) }
        let resdev = models.map { ListFields.field($0, "deviance")?.doubleValue ?? .nan }
        var df = [NAReal], deviance = [NAReal]
        for k in 1..<models.count {
            df.append(resdf[k - 1] - resdf[k])
            deviance.append(resdev[k - 1] - resdev[k])
        }
        let formulas = models.map { m -> String in
            guard case .language(let l)? = ListFields.field(m, "formula") else { return "" }
            return Deparser.deparseLines(l.expr).joined(separator: "\n")
        }
        let width = String(models.count).count
        let topnote = formulas.enumerated().map { "Model \(String($0.offset + 1).leftPadded(to: width)): \($0.element)" }
            .joined(separator: "\n")
        var table: [AnovaTable.Column] = [.doubles("Resid. Df", resdf), .doubles("Resid. Dev", resdev), .doubles("Df", df),
                                          .doubles("Deviance", deviance)]
        if let test {
            let big = resdf.indices.min { resdf[$0] < resdf[$1] } ?? 0
            let dispersion = given ?? fits[big].dispersion
            let dfDispersion = dispersion == 1 ? Double.infinity : (resdf.min() ?? .nan)
            table += try testColumns(test, df: df, deviance: deviance, scale: dispersion, dfScale: dfDispersion,
                                     family: fits[big].family, ctx)
        }
        return AnovaTable.object(table, rowNames: models.indices.map { String($0 + 1) },
                                 heading: ["Analysis of Deviance Table\n", topnote])
    }

    /// stat.anova's columns for the "Chisq"/"LRT" and "F" tests.
    private static func testColumns(_ test: String, df: [Double], deviance: [Double], scale: Double, dfScale: Double,
                                    family: GLMFamily, _ ctx: CallContext) throws -> [AnovaTable.Column] {
        if test == "F" {
            if dfScale == .infinity {
                let name = family.distribution.rawValue
                ctx.interpreter.warning(family.distribution.hasFixedDispersion
                                        ? "using F test with a '\(name)' family is inappropriate"
                                        : "using F test with a fixed dispersion is inappropriate", call: ctx.call)
            }
            let f = zip(df, deviance).map { d, dev -> Double in
                guard !d.isNaN, d != 0 else { return NAReal }
                let value = dev / d / scale
                return value < 0 ? NAReal : value
            }
            let p = zip(f, df).map { v, d in v.isNaN ? NAReal : pf(v, abs(d), dfScale, 0, 0) }
            return [.doubles("F", f), .doubles("Pr(>F)", p)]
        }
        let p = zip(df, deviance).map { d, dev -> Double in
            guard !d.isNaN, d != 0, !dev.isNaN else { return NAReal }
            let value = dev / scale
            return value < 0 ? NAReal : pchisq(value, abs(d), 0, 0)
        }
        return [.doubles("Pr(>Chi)", p)]
    }
}
