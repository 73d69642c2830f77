import CRmath

/// broom's tidy() and glance() for linear models: one row per coefficient, one row per model.
enum BroomLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("tidy.lm", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "conf.int", "conf.level", "..."], args, call: ctx.call)
            guard let fit = m["x"], case .vector(let table)? = LinearModelLibrary.field(fit, "coefficient.table"),
                  let dim = table.dim, let values = Coerce.doubles(table) else { return .null }
            let rows = dim[0]
            let terms = MatrixPrinter.dimnames(table).rows ?? []
            func column(_ j: Int) -> [Double] { (0..<rows).map { values[j * rows + $0] } }
            var names = ["term", "estimate", "std.error", "statistic", "p.value"]
            var columns: [RValue] = [.character(terms), .double(column(0)), .double(column(1)), .double(column(2)), .double(column(3))]
            if m["conf.int"]?.logicalValue == true {
                // confint.lm's t interval; aliased terms stay NA.
                let level = m["conf.level"]?.scalarDouble() ?? 0.95
                let df = LinearModelLibrary.field(fit, "df.residual")?.doubleValue ?? .nan
                let q = qt((1 + level) / 2, df, 1, 0)
                let estimate = column(0), se = column(1)
                names += ["conf.low", "conf.high"]
                columns.append(.double(rows == 0 ? [] : (0..<rows).map { estimate[$0].isRNA ? NAReal : estimate[$0] - q * se[$0] }))
                columns.append(.double(rows == 0 ? [] : (0..<rows).map { estimate[$0].isRNA ? NAReal : estimate[$0] + q * se[$0] }))
            }
            return tibble(names, columns, rows: rows)
        })
        interp.define("glance.lm", { _, args in
            guard let fit = args.first?.value else { return .null }
            func number(_ name: String) -> RValue { .double([LinearModelLibrary.field(fit, name)?.doubleValue ?? NAReal]) }
            let f = LinearModelLibrary.field(fit, "fstatistic")?.asVector.flatMap { Coerce.doubles($0) }
            let statistic: RValue = .double([f?.first ?? NAReal])
            let df: RValue = .double([f.map { $0[1] } ?? NAReal])
            return tibble(["r.squared", "adj.r.squared", "sigma", "statistic", "p.value", "df", "logLik", "AIC", "BIC",
                           "deviance", "df.residual", "nobs"],
                          [number("r.squared"), number("adj.r.squared"), number("sigma"), statistic, number("f.p.value"), df,
                           number("logLik"), number("AIC"), number("BIC"), number("deviance"),
                           .integer([LinearModelLibrary.field(fit, "df.residual")?.scalarInt() ?? NAInteger]),
                           .integer([LinearModelLibrary.field(fit, "nobs")?.scalarInt() ?? NAInteger])], rows: 1)
        })
        interp.define("augment.lm", { _, args in
            guard let fit = args.first?.value else { return .null }
            return try augment(fit)
        })
        for generic in ["tidy", "glance", "augment"] {
            interp.define(generic, { ctx, args in
                guard let x = args.first?.value else { throw RError("argument \"x\" is missing, with no default") }
                let classes = x.explicitClass ?? S3Library.implicitClass(x)
                if let result = try ctx.interpreter.dispatchInternalGeneric(generic, classes: classes, args: args, call: ctx.call, env: ctx.env) {
                    return result
                }
                throw RError("No \(generic) method for objects of class \(classes.first ?? "unknown")")
            })
        }
    }

    /// augment(lm): the model frame (with .rownames when the data had row names) and, per row,
    /// the fitted value, residual, leverage, leave-one-out sigma, Cook's distance and
    /// standardised residual, as stats' lm.influence and cooks.distance compute them.
    static func augment(_ fit: RValue) throws -> RValue {
        func field(_ name: String) -> RValue? { LinearModelLibrary.field(fit, name) }
        guard case .vector(let frame)? = field("model"), case .list(let frameColumns) = frame.storage,
              let fitted = field("fitted.values")?.asVector?.doubles, let residuals = field("residuals")?.asVector?.doubles,
              fitted.count == residuals.count else {
            throw RError("augment needs the model frame of the fit")
        }
        let n = fitted.count
        let influence = try LinearModelInfluence(fit)
        var names: [String] = [], columns: [RValue] = []
        if case .vector(let rn)? = frame.attributes["row.names"], case .character(let labels) = rn.storage {
            names.append(".rownames"); columns.append(.character(labels))
        }
        names += (frame.names ?? []).map { $0 ?? "" }
        columns += frameColumns
        names += [".fitted", ".resid", ".hat", ".sigma", ".cooksd", ".std.resid"]
        columns += [.double(fitted), .double(residuals), .double(influence.hat), .double(influence.leaveOneOutSigma),
                    .double(influence.cooks), .double(influence.standardised)]
        return tibble(names, columns, rows: n)
    }

    /// A tibble from columns of equal length.
    static func tibble(_ names: [String], _ columns: [RValue], rows: Int) -> RValue {
        var v = RVector(.list(columns))
        v.names = names.map { Optional($0) }
        v.attributes["class"] = .character(["tbl_df", "tbl", "data.frame"])
        v.attributes["row.names"] = .integer([NAInteger, -rows])
        return .vector(v)
    }
}
