import MixedModels

extension RPackage {
    /// pbkrtest: the Kenward-Roger adjustment of lmer fits (vcovAdj, Lb_ddf), which emmeans uses
    /// for the degrees of freedom and standard errors of a linear mixed model's marginal means.
    static let pbkrtest = RPackage(
        name: "pbkrtest",
        depends: ["lme4"],
        s3Methods: ["vcovAdj.lmerMod"],
        install: { interp in
            KenwardRogerKernel.install(interp)
            KenwardRogerKernel.installFTest(interp)
            KenwardRogerKernel.installDegreesOfFreedom(interp)
        },
        rSource: PbkrtestRSource.source)
}

/// The Kenward-Roger kernels. `.Internal(kr_adjustment(fit))`: pbkrtest's adjusted covariance Φ_A of a REML lmer fit, with
/// its attributes P (the P_k matrices), W and condi as vcovAdj returns them.
enum KenwardRogerKernel {
    static func install(_ interp: Interpreter) {
        interp.defineInternal("kr_adjustment") { ctx, args in
            guard let object = args.first?.value, let model = ctx.interpreter.model(of: object) else {
                throw RError("'object' is not Gaussian linear mixed model")
            }
            let adjustment = try Self.adjustment(model)
            let names = model.fixedEffectNames, p = names.count
            let square = { (values: [Double]) in LinearModelInference.matrix(values, rows: names, columns: names) }
            let m = adjustment.pMatrices.count
            guard case .vector(var result) = square(adjustment.adjustedCovariance) else { return .null }
            result.attributes["P"] = .list(adjustment.pMatrices.map { .vector(RVector(.double($0), attributes: Self.dims(p, p))) })
            result.attributes["W"] = .vector(RVector(.double(adjustment.w), attributes: Self.dims(m, m)))
            result.attributes["condi"] = .scalar(adjustment.smallestEigenvalue)
            return .vector(result)
        }
    }

    /// `.Internal(kr_ftest(fit, L))`: pbkrtest's Kenward-Roger F test of Lβ = 0 (KRmodcomp's
    /// "Ftest" row), as list(F, ndf, ddf, F.scaling, FstatU).
    static func installFTest(_ interp: Interpreter) {
        interp.defineInternal("kr_ftest") { ctx, args in
            guard args.count == 2, let model = ctx.interpreter.model(of: args[0].value) else {
                throw RError("'object' is not Gaussian linear mixed model")
            }
            let contrasts = try MatrixArguments.rows(args[1].value, columns: model.fixedEffectNames.count)
            let test: KenwardRogerFTest
            do { test = try Self.adjustment(model).fTest(contrasts: contrasts, beta: model.beta) } catch let e as MixedModelsError {
                throw RError(e.description)
            }
            return .list([.scalar(test.fValue), .scalar(test.numeratorDF), .scalar(test.denominatorDF), .scalar(test.scaling),
                          .scalar(test.unscaledFValue)], names: ["F", "ndf", "ddf", "F.scaling", "FstatU"])
        }
    }

    /// `.Internal(kr_ddf(L, V0, Vadj))`: pbkrtest's `Lb_ddf`, from V0 and the adjusted covariance
    /// with its attributes P and W (as vcovAdj returns it).
    static func installDegreesOfFreedom(_ interp: Interpreter) {
        interp.defineInternal("kr_ddf") { _, args in
            guard args.count == 3, case .vector(let vadj) = args[2].value, let p = vadj.dim?.first,
                  case .vector(let pList)? = vadj.attributes["P"], case .list(let pItems) = pList.storage,
                  let w = vadj.attributes["W"] else {
                throw RError("'Vadj' must be the adjusted covariance vcovAdj returns, with its P and W")
            }
            let m = pItems.count
            let adjustment: KenwardRogerAdjustment
            do {
                adjustment = try KenwardRogerAdjustment(
                    unadjustedCovariance: try MatrixArguments.square(args[1].value, size: p, name: "V0"),
                    adjustedCovariance: try MatrixArguments.square(args[2].value, size: p, name: "Vadj"),
                    pMatrices: try pItems.map { try MatrixArguments.square($0, size: p, name: "P") },
                    w: try MatrixArguments.square(w, size: m, name: "W"), smallestEigenvalue: .nan, p: p)
                return .scalar(try adjustment.denominator(contrasts: try MatrixArguments.rows(args[0].value, columns: p)).ddf)
            } catch let e as MixedModelsError { throw RError(e.description) }
        }
    }

    /// The adjustment, once its dense n x n matrices (Σ⁻¹ and one per variance parameter, as
    /// pbkrtest holds them) are known to fit in memory: R's "cannot allocate" error otherwise,
    /// never a crash.
    static func adjustment(_ model: LinearMixedModel) throws -> KenwardRogerAdjustment {
        let matrices = model.terms.reduce(3) { $0 + $1.thetaCount }
        try RLimits.check(RLimits.product(RLimits.product(model.n, model.n), matrices))
        do { return try model.kenwardRoger() } catch let e as MixedModelsError { throw RError(e.description) }
    }

    private static func dims(_ rows: Int, _ columns: Int) -> Attributes {
        var a = Attributes()
        a["dim"] = .integer([rows, columns])
        return a
    }
}
