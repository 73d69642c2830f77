import MixedModels

/// VarCorr(m): the variance components of a fitted lmer model, printed as lme4 prints them
/// and convertible with as.data.frame / as_tibble (grp, var1, var2, vcov, sdcor).
enum VarCorrLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("VarCorr", { ctx, args in
            guard let m = args.first?.value, ctx.interpreter.model(of: m) != nil else {
                throw RError("VarCorr() needs a model fitted by lmer")
            }
            var v = RVector(.list([ListFields.field(m, "model.id") ?? .null]))
            v.names = ["model.id"]
            v.attributes["class"] = .character(["VarCorr.merMod"])
            return .vector(v)
        })
        interp.define("print.VarCorr.merMod", { ctx, args in
            guard let v = args.first?.value, let model = ctx.interpreter.model(of: v) else { return .null }
            // print.VarCorr.merMod uses digits = max(3, getOption("digits") - 2).
            ctx.interpreter.write(MixedModelPrinting.randomEffectsTable(model, variance: false, digits: max(3, ctx.interpreter.digits - 2)))
            ctx.interpreter.visible = false
            return v
        })
        interp.define("as.data.frame.VarCorr.merMod", { ctx, args in
            guard let v = args.first?.value, let model = ctx.interpreter.model(of: v) else { return .null }
            return frame(model, tibble: false)
        })
    }

    /// One row per variance and covariance, then the residual, as as.data.frame.VarCorr.merMod.
    static func frame(_ model: LinearMixedModel, tibble: Bool) -> RValue {
        var grp: [String?] = [], var1: [String?] = [], var2: [String?] = [], vcov: [Double] = [], sdcor: [Double] = []
        for c in model.varianceComponents {
            let q = c.columnNames.count
            for i in 0..<q {
                grp.append(c.grouping); var1.append(c.columnNames[i]); var2.append(nil)
                vcov.append(c.covariance[i + i * q]); sdcor.append(c.standardDeviations[i])
            }
            for j in 0..<q { for i in (j + 1)..<max(q, j + 1) where i < q {
                grp.append(c.grouping); var1.append(c.columnNames[j]); var2.append(c.columnNames[i])
                vcov.append(c.covariance[i + j * q]); sdcor.append(c.correlations[i + j * q])
            } }
        }
        grp.append("Residual"); var1.append(nil); var2.append(nil)
        vcov.append(model.sigma * model.sigma); sdcor.append(model.sigma)
        var df = RVector(.list([.character(grp), .character(var1), .character(var2), .double(vcov), .double(sdcor)]))
        df.names = ["grp", "var1", "var2", "vcov", "sdcor"]
        df.attributes["class"] = .character(tibble ? ["tbl_df", "tbl", "data.frame"] : ["data.frame"])
        df.attributes["row.names"] = .integer([NAInteger, -grp.count])
        return .vector(df)
    }
}
