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
        for generic in ["tidy", "glance"] {
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

    /// A tibble from columns of equal length.
    static func tibble(_ names: [String], _ columns: [RValue], rows: Int) -> RValue {
        var v = RVector(.list(columns))
        v.names = names.map { Optional($0) }
        v.attributes["class"] = .character(["tbl_df", "tbl", "data.frame"])
        v.attributes["row.names"] = .integer([NAInteger, -rows])
        return .vector(v)
    }
}
