/// summary() of an lm fit as R's summary.lm returns it: a "summary.lm" list with R's
/// components (call, terms, residuals, coefficients, aliased, sigma, df, r.squared,
/// adj.r.squared, fstatistic, cov.unscaled, and weights and na.action where the fit has them),
/// from which print.summary.lm prints.
enum LinearModelSummary {
    static func object(_ fit: RValue) throws -> RValue {
        func field(_ name: String) -> RValue? { LinearModelLibrary.field(fit, name) }
        let residualDF = try LinearModelLibrary.count(fit, "df.residual")
        guard case .vector(let table)? = field("coefficient.table"), let dim = table.dim, dim.count == 2, dim[1] == 4,
              let cells = Coerce.doubles(table), cells.count == dim[0] * dim[1] else {
            throw RError("invalid 'lm' object: no usable 'coefficient.table' component")
        }
        let coefficientNames: [String]
        if case .vector(let dn)? = table.attributes["dimnames"], case .list(let parts) = dn.storage, case .vector(let rows)? = parts.first {
            coefficientNames = Coerce.strings(rows).map { $0 ?? "" }
            guard coefficientNames.count == dim[0] else { throw RError("invalid 'lm' object: its coefficient table's row names do not fit it") }
        } else {
            coefficientNames = (0..<dim[0]).map { String($0 + 1) }
        }
        let estimates = field("coefficients")?.asVector.flatMap { Coerce.doubles($0) } ?? []
        let aliased = coefficientNames.indices.map { $0 < estimates.count && estimates[$0].isNaN }
        // The coefficient matrix of the estimable coefficients only, as summary.lm keeps it.
        let kept = aliased.indices.filter { !aliased[$0] }
        var matrix = RVector(.double((0..<dim[1]).flatMap { c in kept.map { cells[$0 + c * dim[0]] } }))
        matrix.attributes["dim"] = .integer([kept.count, dim[1]])
        matrix.attributes["dimnames"] = .list([.character(kept.map { Optional(coefficientNames[$0]) }),
                                              .character(["Estimate", "Std. Error", "t value", "Pr(>|t|)"])])
        var aliasedVector = RVector(.logical(aliased.map { $0 ? .yes : .no }))
        aliasedVector.names = coefficientNames.map { Optional($0) }
        let rank = try LinearModelLibrary.count(fit, "rank")

        var parts: [(String, RValue)] = [("call", field("call") ?? .null), ("terms", field("formula") ?? .null)]
        var residuals = field("residuals") ?? .double([])
        let weights = field("weights")?.asVector.flatMap { Coerce.doubles($0) }
        if let weights, case .vector(var rv) = residuals, let r = Coerce.doubles(rv), r.count == weights.count {
            // summary.lm's residuals are sqrt(w) * residuals.
            rv.storage = .double(zip(r, weights).map { $0 * $1.squareRoot() })
            residuals = .vector(rv)
        }
        parts.append(("residuals", residuals))
        if let weights { parts.append(("weights", .double(weights))) }
        parts += [("coefficients", .vector(matrix)), ("aliased", .vector(aliasedVector)),
                  ("sigma", field("sigma") ?? .scalar(NAReal)),
                  ("df", .integer([rank, residualDF, coefficientNames.count]))]
        if let f = field("fstatistic") {
            parts += [("r.squared", field("r.squared") ?? .scalar(NAReal)), ("adj.r.squared", field("adj.r.squared") ?? .scalar(NAReal)),
                      ("fstatistic", f)]
        } else {
            parts += [("r.squared", field("r.squared") ?? .scalar(NAReal)), ("adj.r.squared", field("adj.r.squared") ?? .scalar(NAReal))]
        }
        parts.append(("cov.unscaled", estimableCovariance(field("cov.unscaled"), kept: kept, names: coefficientNames)))
        let deleted = (try? LinearModelLibrary.count(fit, "na.deleted")) ?? 0
        if deleted > 0, let omitted = field("na.action") { parts.append(("na.action", omitted)) }
        var v = RVector(.list(parts.map(\.1)))
        v.names = parts.map { Optional($0.0) }
        v.attributes["class"] = .character(["summary.lm"])
        return .vector(v)
    }

    /// (X'X)⁻¹ of the estimable coefficients, as summary.lm's cov.unscaled.
    private static func estimableCovariance(_ full: RValue?, kept: [Int], names: [String]) -> RValue {
        guard case .vector(let m)? = full, let values = Coerce.doubles(m), values.count == names.count * names.count else { return .null }
        let p = names.count
        let cells = kept.flatMap { b in kept.map { a in values[a + b * p] } }
        return LinearModelInference.matrix(cells, rows: kept.map { names[$0] }, columns: kept.map { names[$0] })
    }

    /// The coefficient matrix with a row of NA for each aliased coefficient, as print.summary.lm shows it.
    static func withAliasedRows(_ table: RVector, aliased: [Bool], names: [String]) -> RVector {
        // A summary edited by hand whose aliased flags do not fit its table is shown as it is.
        guard let dim = table.dim, dim.count == 2, let cells = Coerce.doubles(table), cells.count == dim[0] * dim[1],
              aliased.filter({ !$0 }).count == dim[0], names.count == aliased.count else { return table }
        var rowOfKept: [Int?] = []
        var next = 0
        for flag in aliased { rowOfKept.append(flag ? nil : next); if !flag { next += 1 } }
        let values = (0..<dim[1]).flatMap { c in rowOfKept.map { k in k.map { cells[$0 + c * dim[0]] } ?? NAReal } }
        var full = RVector(.double(values))
        full.attributes["dim"] = .integer([aliased.count, dim[1]])
        var dimnames = table.attributes["dimnames"]
        if case .vector(var dn)? = dimnames, case .list(var parts) = dn.storage, !parts.isEmpty {
            parts[0] = .character(names.map { Optional($0) })
            dn.storage = .list(parts)
            dimnames = .vector(dn)
        }
        full.attributes["dimnames"] = dimnames
        return full
    }
}
