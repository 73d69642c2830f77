import CRmath
import Foundation

// MARK: - var, sd, cov, cor

extension Summaries {
    static func installCovariance(_ interp: Interpreter) {
        interp.define("var", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "y", "na.rm", "use"], args, call: ctx.call)
            let use = try useMethod(m["use"], naRm: flag(m, "na.rm"))
            return try covariance(m["x"], m["y"], use: use, method: "pearson", correlation: false, ctx)
        })
        interp.define("cov", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "y", "use", "method"], args, call: ctx.call)
            return try covariance(m["x"], m["y"], use: useMethod(m["use"], naRm: false),
                                  method: methodChoice(m["method"]), correlation: false, ctx)
        })
        interp.define("cor", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "y", "use", "method"], args, call: ctx.call)
            return try covariance(m["x"], m["y"], use: useMethod(m["use"], naRm: false),
                                  method: methodChoice(m["method"]), correlation: true, ctx)
        })
        interp.define("sd", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "na.rm"], args, call: ctx.call)
            guard case .vector(var x)? = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            // sd works on the values alone: a matrix counts as one long vector.
            x.attributes = Attributes()
            if case .double(let d) = x.storage, let fast = plainVariance(d) { return .scalar(fast.squareRoot()) }
            let v = try covariance(.vector(x), nil, use: useMethod(nil, naRm: flag(m, "na.rm")), method: "pearson",
                                   correlation: false, ctx)
            return .scalar((v.scalarDouble() ?? NAReal).squareRoot())
        })
    }

    /// The variance of a plain vector of finite doubles, as R's cov.c computes it (a long
    /// double mean with one correction pass, then long double squared deviations); nil when
    /// the general path is needed (NA, infinities, fewer than two values).
    static func plainVariance(_ d: [Double]) -> Double? {
        let n = d.count
        guard n >= 2 else { return nil }
        var sum: Float80 = 0
        for x in d {
            guard x.isFinite else { return nil }
            sum += Float80(x)
        }
        var mean = sum / Float80(n)
        var correction: Float80 = 0
        for x in d { correction += Float80(x) - mean }
        mean += correction / Float80(n)
        let xm = Double(mean)
        var squares: Float80 = 0
        for x in d {
            let deviation = Float80(x - xm)
            squares += deviation * deviation
        }
        return Double(squares / Float80(n - 1))
    }

    /// How missing values are handled: R's `use` argument, partially matched.
    enum MissingHandling: String, CaseIterable {
        case allObs = "all.obs", complete = "complete.obs", pairwise = "pairwise.complete.obs",
             everything, naOrComplete = "na.or.complete"
    }

    static func useMethod(_ v: RValue?, naRm: Bool) throws -> MissingHandling {
        guard let v else { return naRm ? .naOrComplete : .everything }
        guard let s = v.scalarString() else { throw RError("invalid 'use' argument") }
        let matches = MissingHandling.allCases.filter { $0.rawValue.hasPrefix(s) }
        if let exact = matches.first(where: { $0.rawValue == s }) { return exact }
        guard matches.count == 1, !s.isEmpty else { throw RError("invalid 'use' argument") }
        return matches[0]
    }

    static func methodChoice(_ v: RValue?) throws -> String {
        let choices = ["pearson", "kendall", "spearman"]
        guard let v, case .vector(let vec) = v, let s = Coerce.strings(vec).first ?? nil else { return "pearson" }
        if vec.count > 1 { return "pearson" }
        let matches = choices.filter { $0.hasPrefix(s) }
        guard matches.count == 1 else {
            throw RError("'arg' should be one of " + ["pearson", "kendall", "spearman"].map(Quotes.double).joined(separator: ", "))
        }
        return matches[0]
    }

    /// A vector (one column) or a matrix (its columns), with the column names.
    struct Columns {
        var data: [[Double]]
        let rows: Int
        let names: RValue?
        let isMatrix: Bool
    }

    static func columns(_ value: RValue, _ what: String, correlation: Bool) throws -> Columns {
        guard case .vector(let v) = value, v.storage.rank <= (correlation ? 2 : 3), !v.isFactor,
              let d = Coerce.doubles(v) else {
            if correlation { throw RError("'\(what)' must be numeric") }
            throw RError("is.atomic(\(what)) is not TRUE")
        }
        if let dim = v.dim, dim.count == 2 {
            let (r, c) = (dim[0], dim[1])
            var names: RValue?
            if case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage, items.count == 2,
               !items[1].isNullValue {
                names = items[1]
            }
            return Columns(data: (0..<c).map { j in Array(d[(j * r)..<((j + 1) * r)]) }, rows: r, names: names, isMatrix: true)
        }
        return Columns(data: [d], rows: d.count, names: nil, isMatrix: false)
    }

    /// cov(), cor() and var() as R's C code computes them: two-pass means and sums of
    /// products in extended precision; NA handling per `use`.
    static func covariance(_ xArg: RValue?, _ yArg: RValue?, use: MissingHandling, method: String, correlation: Bool,
                           _ ctx: CallContext) throws -> RValue {
        guard let xArg, !xArg.isNullValue else { throw RError("'x' is NULL") }
        var x = try columns(xArg, "x", correlation: correlation)
        var y = try yArg.flatMap { $0.isNullValue ? nil : $0 }.map { try columns($0, "y", correlation: correlation) }
        if y == nil && !x.isMatrix && correlation {
            throw RError("supply both 'x' and 'y' or a matrix-like 'x'")
        }
        if let yy = y, yy.rows != x.rows { throw RError("incompatible dimensions") }
        if x.rows == 0 && y == nil { throw RError("'x' is empty") }
        // Rows used: all, or those complete in every column of x and y.
        var rows = Array(0..<x.rows)
        let all = x.data + (y?.data ?? [])
        let incomplete = all.contains { $0.contains(where: \.isNaN) }
        switch use {
        case .allObs where incomplete:
            throw RError("missing observations in cov/cor")
        case .complete, .naOrComplete:
            rows = rows.filter { r in !all.contains { $0[r].isNaN } }
            if rows.isEmpty && use == .complete { throw RError("no complete element pairs") }
        default:
            break
        }
        if method == "spearman" {
            x.data = x.data.map { rankAverage($0, rows: rows) }
            if var ranked = y {
                ranked.data = ranked.data.map { rankAverage($0, rows: rows) }
                y = ranked
            }
        }
        let kendall = method == "kendall"
        let second = y?.data ?? x.data
        var zeroSD = false
        var result: [Double] = []
        for b in second {
            for a in x.data {
                let usable = use == .pairwise ? rows.filter { !a[$0].isNaN && !b[$0].isNaN } : rows
                let value = pairStatistic(a, b, rows: usable, kendall: kendall, correlation: correlation, zeroSD: &zeroSD)
                result.append(value)
            }
        }
        if y == nil && correlation {
            // The diagonal of a correlation matrix is exactly 1 where defined.
            let k = x.data.count
            for i in 0..<k where !result[i * k + i].isNaN { result[i * k + i] = 1 }
        }
        if zeroSD { try ctx.interpreter.signalWarning("the standard deviation is zero", call: ctx.call) }
        var out = RVector(.double(result))
        if x.isMatrix || (y?.isMatrix ?? false) {
            out.attributes["dim"] = .integer([x.data.count, second.count])
            let rowNames = x.names, columnNames = y == nil ? x.names : y?.names
            if rowNames != nil || columnNames != nil {
                out.attributes["dimnames"] = .list([rowNames ?? .null, columnNames ?? .null])
            }
        }
        return .vector(out)
    }

    /// One covariance or correlation over the given rows; NA when a value is missing or
    /// fewer than two rows remain.
    private static func pairStatistic(_ a: [Double], _ b: [Double], rows: [Int], kendall: Bool, correlation: Bool,
                                      zeroSD: inout Bool) -> Double {
        if rows.count <= 1 { return NAReal }
        if rows.contains(where: { a[$0].isNaN || b[$0].isNaN }) { return NAReal }
        if kendall {
            var sum: Float80 = 0, sa: Float80 = 0, sb: Float80 = 0
            for i in rows {
                for j in rows {
                    let da = sign(a[i] - a[j]), db = sign(b[i] - b[j])
                    sum += Float80(da * db)
                    sa += Float80(da * da)
                    sb += Float80(db * db)
                }
            }
            if !correlation { return Double(sum) }
            if sa == 0 || sb == 0 { zeroSD = true; return NAReal }
            return clamp(Double(sum / (sa.squareRoot() * sb.squareRoot())))
        }
        let ma = twoPassMean(a, rows), mb = twoPassMean(b, rows)
        let n1 = Float80(rows.count - 1)
        var sum: Float80 = 0, sa: Float80 = 0, sb: Float80 = 0
        for k in rows {
            let da = Float80(a[k]) - Float80(ma), db = Float80(b[k]) - Float80(mb)
            sum += da * db
            sa += da * da
            sb += db * db
        }
        if !correlation { return Double(sum / n1) }
        let sdA = (sa / n1).squareRoot(), sdB = (sb / n1).squareRoot()
        if sdA == 0 || sdB == 0 { zeroSD = true; return NAReal }
        return clamp(Double((sum / n1) / (sdA * sdB)))
    }

    private static func sign(_ x: Double) -> Double { x > 0 ? 1 : (x < 0 ? -1 : 0) }

    private static func clamp(_ r: Double) -> Double { r >= 1 ? 1 : (r <= -1 ? -1 : r) }

    /// R's mean for cov: an extended-precision sum, then one correction pass.
    private static func twoPassMean(_ x: [Double], _ rows: [Int]) -> Double {
        let n = Float80(rows.count)
        var sum: Float80 = 0
        for k in rows { sum += Float80(x[k]) }
        var m = sum / n
        if m.isFinite {
            var t: Float80 = 0
            for k in rows { t += Float80(x[k]) - m }
            m += t / n
        }
        return Double(m)
    }

    /// Ranks of the used rows (ties get their average rank, NA stays NA), for Spearman.
    private static func rankAverage(_ x: [Double], rows: [Int]) -> [Double] {
        var out = [Double](repeating: NAReal, count: x.count)
        let present = rows.filter { !x[$0].isNaN }.sorted { x[$0] < x[$1] }
        var i = 0
        while i < present.count {
            var j = i
            while j + 1 < present.count && x[present[j + 1]] == x[present[i]] { j += 1 }
            let rank = Double(i + j + 2) / 2
            for k in i...j { out[present[k]] = rank }
            i = j + 1
        }
        return out
    }
}
