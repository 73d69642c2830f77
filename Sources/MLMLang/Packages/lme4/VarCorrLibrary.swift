import MixedModels

/// VarCorr(m): lme4's "VarCorr.merMod" object, a list with one covariance matrix per random
/// term (attributes "stddev" and "correlation"), the residual standard deviation as "sc";
/// printed and turned into a data frame (grp, var1, var2, vcov, sdcor) from the object alone.
enum VarCorrLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("VarCorr", { ctx, args in
            if let m = args.first?.value, let glmm = ctx.interpreter.generalizedModel(of: m) {
                return object(glmm.varianceComponents, sigma: 1, useScale: false)
            }
            guard let m = args.first?.value, let model = ctx.interpreter.model(of: m) else {
                throw RError("VarCorr() needs a model fitted by lmer or glmer")
            }
            return object(model.varianceComponents, sigma: model.sigma)
        })
        interp.define("print.VarCorr.merMod", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits", "comp", "..."], args, call: ctx.call)
            guard let v = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            let (components, sigma) = try parts(v)
            // print.VarCorr.merMod's default digits: max(3, getOption("digits") - 2).
            let digits = m["digits"]?.scalarInt() ?? max(3, ctx.interpreter.digits - 2)
            ctx.interpreter.write(MixedModelPrinting.randomEffectsTable(components, sigma: sigma, variance: false, digits: digits))
            ctx.interpreter.visible = false
            return v
        })
        interp.define("as.data.frame.VarCorr.merMod", { _, args in
            guard let v = args.first?.value else { throw RError("argument \"x\" is missing, with no default") }
            let (components, sigma) = try parts(v)
            return frame(components, sigma: sigma)
        })
    }

    /// The R object, named by grouping factor as lme4 names its terms (`||` makes "g", "g.1").
    static func object(_ components: [VarianceComponent], sigma: Double, useScale: Bool = true) -> RValue {
        var seen: [String: Int] = [:]
        let names: [String] = components.map { c in
            let k = seen[c.grouping, default: 0]
            seen[c.grouping] = k + 1
            return k == 0 ? c.grouping : "\(c.grouping).\(k)"
        }
        let matrices: [RValue] = components.map { c in
            let q = c.columnNames.count
            let labels = RValue.character(c.columnNames.map { Optional($0) })
            let dimnames = RValue.list([labels, labels])
            var covariance = RVector(.double(c.covariance))
            covariance.attributes["dim"] = .integer([q, q])
            covariance.attributes["dimnames"] = dimnames
            var stddev = RVector(.double(c.standardDeviations))
            stddev.names = c.columnNames.map { Optional($0) }
            covariance.attributes["stddev"] = .vector(stddev)
            var correlation = RVector(.double(c.correlations))
            correlation.attributes["dim"] = .integer([q, q])
            correlation.attributes["dimnames"] = dimnames
            covariance.attributes["correlation"] = .vector(correlation)
            return .vector(covariance)
        }
        var v = RVector(.list(matrices))
        v.names = names.map { Optional($0) }
        v.attributes["sc"] = .scalar(sigma)
        v.attributes["useSc"] = .scalar(useScale)
        v.attributes["class"] = .character(["VarCorr.merMod"])
        return .vector(v)
    }

    /// The components and residual standard deviation a VarCorr object holds.
    static func parts(_ v: RValue) throws -> ([VarianceComponent], Double?) {
        guard case .vector(let list) = v, case .list(let items) = list.storage else {
            throw RError("not a \"VarCorr.merMod\" object")
        }
        let names = (list.names ?? []).map { $0 ?? "" }
        var components: [VarianceComponent] = []
        for (k, item) in items.enumerated() {
            guard case .vector(let m) = item, let covariance = Coerce.doubles(m), let dim = m.dim, dim.count == 2,
                  dim[0] == dim[1], covariance.count == dim[0] * dim[1] else {
                throw RError("not a \"VarCorr.merMod\" object")
            }
            let q = dim[0]
            var columns = (0..<q).map { "V\($0 + 1)" }
            if case .vector(let dn)? = m.attributes["dimnames"], case .list(let parts) = dn.storage,
               case .vector(let labels)? = parts.first { columns = Coerce.strings(labels).map { $0 ?? "" } }
            guard columns.count == q else { throw RError("not a \"VarCorr.merMod\" object") }
            components.append(VarianceComponent(grouping: k < names.count ? names[k] : "", columnNames: columns, covariance: covariance))
        }
        let useScale = v.attribute("useSc")?.logicalValue ?? true
        return (components, useScale ? v.attribute("sc")?.doubleValue : nil)
    }

    /// One row per variance and covariance, then the residual, as as.data.frame.VarCorr.merMod.
    static func frame(_ components: [VarianceComponent], sigma: Double?) -> RValue {
        var grp: [String?] = [], var1: [String?] = [], var2: [String?] = [], vcov: [Double] = [], sdcor: [Double] = []
        for c in components {
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
        if let sigma {
            grp.append("Residual"); var1.append(nil); var2.append(nil)
            vcov.append(sigma * sigma); sdcor.append(sigma)
        }
        var df = RVector(.list([.character(grp), .character(var1), .character(var2), .double(vcov), .double(sdcor)]))
        df.names = ["grp", "var1", "var2", "vcov", "sdcor"]
        df.attributes["class"] = .character(["data.frame"])
        df.attributes["row.names"] = .integer([NAInteger, -grp.count])
        return .vector(df)
    }
}
