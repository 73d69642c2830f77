import Foundation

/// broom's tidy, glance and augment for glm fits: the coefficient table (exponentiated, with
/// profile intervals on request), the model's one-row summary, and the data with fitted values,
/// deviance residuals and case diagnostics.
enum BroomGeneralizedLinearModels {
    static func install(_ interp: Interpreter) {
        interp.define("tidy.glm", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "conf.int", "conf.level", "exponentiate", "..."], args, call: ctx.call)
            let fit = try GeneralizedLinearModelObject(m["x"] ?? .null, ctx)
            let (table, _, tableNames) = GeneralizedLinearModelSummary.coefficientTable(fit, dispersion: fit.dispersion)
            let cells = table.asVector.flatMap { Coerce.doubles($0) } ?? []
            let rows = tableNames.count
            // Every coefficient in order, aliased ones NA throughout (as broom joins them back).
            let position = Dictionary(tableNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            func column(_ j: Int) -> [Double] {
                fit.coefficientNames.map { name in position[name].map { cells[$0 + j * rows] } ?? NAReal }
            }
            var estimate = fit.coefficients.map { $0.isNaN ? NAReal : $0 }
            var names = ["term", "estimate", "std.error", "statistic", "p.value"]
            var columns: [RValue] = [.character(fit.coefficientNames.map { Optional($0) }), .null, .double(column(1)),
                                     .double(column(2)), .double(column(3))]
            let exponentiate = m["exponentiate"]?.logicalValue == true
            if m["conf.int"]?.logicalValue == true {
                let level = m["conf.level"]?.scalarDouble() ?? 0.95
                // broom_confint_terms: confint() with its message suppressed.
                let ci = try GeneralizedLinearModelProfile.profileIntervals(fit, parm: Array(fit.coefficientNames.indices), level: level, ctx)
                var bounds = ci.asVector.flatMap { Coerce.doubles($0) } ?? []
                if fit.coefficientNames.count == 1, bounds.count == 2 { bounds = [bounds[0], bounds[1]] }
                let k = fit.coefficientNames.count
                var low = Array(bounds.prefix(k)), high = Array(bounds.dropFirst(k).prefix(k))
                if exponentiate { low = low.map { $0.isNaN ? $0 : exp($0) }; high = high.map { $0.isNaN ? $0 : exp($0) } }
                names += ["conf.low", "conf.high"]
                columns += [.double(low), .double(high)]
            }
            if exponentiate { estimate = estimate.map { $0.isNaN ? $0 : exp($0) } }
            columns[1] = .double(estimate)
            return BroomLibrary.tibble(names, columns, rows: fit.coefficientNames.count)
        })
        interp.define("glance.glm", { ctx, args in
            let fit = try GeneralizedLinearModelObject(args.first?.value ?? .null, ctx)
            let object = fit.object
            func number(_ name: String) -> Double { ListFields.field(object, name)?.doubleValue ?? NAReal }
            let r = RCalls(ctx)
            let logLik = try r.call("logLik", object).asVector.flatMap { Coerce.doubles($0) }?.first ?? NAReal
            let aic = try r.call("AIC", object).doubleValue ?? NAReal
            let bic = try r.call("BIC", object).doubleValue ?? NAReal
            let nobs = fit.priorWeights.filter { $0 != 0 }.count
            return BroomLibrary.tibble(["null.deviance", "df.null", "logLik", "AIC", "BIC", "deviance", "df.residual", "nobs"],
                                       [.double([number("null.deviance")]), .integer([Int(number("df.null"))]), .double([logLik]),
                                        .double([aic]), .double([bic]), .double([number("deviance")]),
                                        .integer([fit.dfResidual]), .integer([nobs])], rows: 1)
        })
        interp.define("augment.glm", { ctx, args in
            let fit = try GeneralizedLinearModelObject(args.first?.value ?? .null, ctx)
            guard case .vector(let frame)? = ListFields.field(fit.object, "model"), case .list(let frameColumns) = frame.storage else {
                throw RError("augment needs the model frame of the fit")
            }
            let influence = try GeneralizedLinearModelInfluence(fit, ctx)
            var names: [String] = [], columns: [RValue] = []
            if case .vector(let rn)? = frame.attributes["row.names"], case .character(let labels) = rn.storage {
                names.append(".rownames"); columns.append(.character(labels))
            }
            names += (frame.names ?? []).map { $0 ?? "" }
            columns += frameColumns.array
            names += [".fitted", ".resid", ".std.resid", ".hat", ".sigma", ".cooksd"]
            columns += [.double(fit.eta), .double(influence.devianceResiduals), .double(influence.standardised),
                        .double(influence.hat), .double(influence.leaveOneOutSigma), .double(influence.cooks)]
            return BroomLibrary.tibble(names, columns, rows: fit.y.count)
        })
    }
}
