import MixedModels

extension RPackage {
    /// pbkrtest: the Kenward-Roger adjustment of lmer fits (vcovAdj, Lb_ddf), which emmeans uses
    /// for the degrees of freedom and standard errors of a linear mixed model's marginal means.
    static let pbkrtest = RPackage(
        name: "pbkrtest",
        depends: ["lme4"],
        s3Methods: ["vcovAdj.lmerMod"],
        install: { interp in KenwardRogerKernel.install(interp) },
        rSource: PbkrtestRSource.source)
}

/// `.Internal(kr_adjustment(fit))`: pbkrtest's adjusted covariance Φ_A of a REML lmer fit, with
/// its attributes P (the P_k matrices), W and condi as vcovAdj returns them.
enum KenwardRogerKernel {
    static func install(_ interp: Interpreter) {
        interp.defineInternal("kr_adjustment") { ctx, args in
            guard let object = args.first?.value, let model = ctx.interpreter.model(of: object) else {
                throw RError("'object' is not Gaussian linear mixed model")
            }
            let adjustment: KenwardRogerAdjustment
            do { adjustment = try model.kenwardRoger() } catch let e as MixedModelsError { throw RError(e.description) }
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

    private static func dims(_ rows: Int, _ columns: Int) -> Attributes {
        var a = Attributes()
        a["dim"] = .integer([rows, columns])
        return a
    }
}
