import CRmath
import Foundation

// MARK: - fivenum, IQR, mad, weighted.mean, scale, format.pval

extension Summaries {
    static func installRobust(_ interp: Interpreter) {
        interp.define("fivenum", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "na.rm"], args, call: ctx.call)
            return .double(try fivenum(numbers(m["x"]), naRm: flag(m, "na.rm", default: true)))
        })
        interp.define("IQR", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "na.rm", "type"], args, call: ctx.call)
            var xs = try numbers(m["x"])
            if flag(m, "na.rm") { xs = xs.filter { !$0.isNaN } } else if xs.contains(where: \.isNaN) {
                // IQR calls quantile(as.numeric(x), c(0.25, 0.75), ...), which reports this.
                let quartiles = Expr.call("c", [.constant(.scalar(0.25)), .constant(.scalar(0.75))])
                let call = Call(.symbol("quantile.default"), [
                    Argument(.call("as.numeric", [.symbol("x")])), Argument(quartiles),
                    Argument(name: "na.rm", .symbol("na.rm")), Argument(name: "names", .constant(.scalar(false))),
                    Argument(name: "type", .symbol("type")),
                ])
                throw RError("missing values and NaN's not allowed if 'na.rm' is FALSE", call: call)
            }
            let q = Coerce.doubles(quantileValues(RVector(.double(xs.sorted())), probs: [0.25, 0.75],
                                                  type: m["type"]?.scalarInt() ?? 7)) ?? []
            return .scalar(q[1] - q[0])
        })
        interp.define("mad", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "center", "constant", "na.rm", "low", "high"],
                                                                    args, call: ctx.call)
            var xs = try numbers(m["x"])
            if flag(m, "na.rm") { xs = xs.filter { !$0.isNaN } }
            let center = try m["center"]?.scalarDouble() ?? median(.double(xs), naRm: false).scalarDouble() ?? NAReal
            // R's default constant, 1 / qnorm(3/4) rounded, makes mad estimate sd for normal data.
            let constant = m["constant"]?.scalarDouble() ?? 1.4826
            let deviations = xs.map { Swift.abs($0 - center) }.sorted()
            let n = deviations.count
            let lowMedian = flag(m, "low"), highMedian = flag(m, "high")
            if (lowMedian || highMedian) && n % 2 == 0 && n > 0 {
                let half = n / 2
                return .scalar(constant * deviations[lowMedian ? half - 1 : half])
            }
            return .scalar(constant * (try median(.double(deviations), naRm: false).scalarDouble() ?? NAReal))
        })
        interp.define("weighted.mean", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "w", "...", "na.rm"], args, call: ctx.call)
            var xs = try numbers(m["x"])
            guard let wArg = m["w"] else {
                if flag(m, "na.rm") { xs = xs.filter { !$0.isNaN } }
                return .scalar(sumExtended(xs) / Double(xs.count))
            }
            var ws = try numbers(wArg)
            guard ws.count == xs.count else { throw RError("'x' and 'w' must have the same length") }
            if flag(m, "na.rm") {
                let keep = xs.indices.filter { !xs[$0].isNaN }
                xs = keep.map { xs[$0] }
                ws = keep.map { ws[$0] }
            }
            // Zero weights drop their term even when x is infinite or NA.
            let terms = zip(xs, ws).filter { $0.1 != 0 }.map { $0.0 * $0.1 }
            return .scalar(sumExtended(terms) / sumExtended(ws))
        })
    }

    /// The numbers of a numeric argument (an error for anything else).
    static func numbers(_ v: RValue?) throws -> [Double] {
        guard let v else { throw RError("argument \"x\" is missing, with no default") }
        if v.isNullValue { return [] }
        guard case .vector(let vec) = v, vec.storage.rank <= 2, !vec.isFactor, let d = Coerce.doubles(vec) else {
            throw RError("need numeric data")
        }
        return d
    }

    static func sumExtended(_ xs: [Double]) -> Double {
        var s: Float80 = 0
        for x in xs { s += Float80(x) }
        return Double(s)
    }

    /// Tukey's five numbers: minimum, lower hinge, median, upper hinge, maximum.
    static func fivenum(_ values: [Double], naRm: Bool) -> [Double] {
        var xs = values
        if xs.contains(where: \.isNaN) {
            if !naRm { return [Double](repeating: NAReal, count: 5) }
            xs = xs.filter { !$0.isNaN }
        }
        xs.sort()
        let n = xs.count
        if n == 0 { return [Double](repeating: NAReal, count: 5) }
        let n4 = ((Double(n) + 3) / 2).rounded(.down) / 2
        let depths = [1, n4, (Double(n) + 1) / 2, Double(n) + 1 - n4, Double(n)]
        return depths.map { d in 0.5 * (xs[Int(d.rounded(.down)) - 1] + xs[Int(d.rounded(.up)) - 1]) }
    }

    /// scale(): columns centred by their means and divided by their root mean squares,
    /// the values used kept as attributes.
    static func scale(_ xArg: RValue?, center: RValue?, scale scaleArg: RValue?) throws -> RValue {
        guard case .vector(let v)? = xArg, v.storage.rank <= 2, let d = Coerce.doubles(v) else {
            throw RError("argument \"x\" is missing, with no default")
        }
        let dim = v.dim.flatMap { $0.count == 2 ? $0 : nil } ?? [v.count, 1]
        let (r, c) = (dim[0], dim[1])
        var columns = (0..<c).map { j in Array(d[(j * r)..<((j + 1) * r)]) }
        func setting(_ name: String, _ arg: RValue?, _ compute: ([Double]) -> Double) throws -> [Double]? {
            guard let arg, case .vector(let a) = arg else { return columns.map(compute) }
            if case .logical(let l) = a.storage { return l.first == .yes ? columns.map(compute) : nil }
            guard let values = Coerce.doubles(a), values.count == c else {
                throw RError("length of '\(name)' must equal the number of columns of 'x'")
            }
            return values
        }
        let centers = try setting("center", center) { col in
            let present = col.filter { !$0.isNaN }
            return sumExtended(present) / Double(present.count)
        }
        if let centers { columns = zip(columns, centers).map { col, m in col.map { $0 - m } } }
        let scales = try setting("scale", scaleArg) { col in
            let present = col.filter { !$0.isNaN }
            return (present.map { $0 * $0 }.reduce(0, +) / Double(Swift.max(1, present.count - 1))).squareRoot()
        }
        if let scales { columns = zip(columns, scales).map { col, s in col.map { $0 / s } } }
        var out = RVector(.double(columns.flatMap { $0 }))
        out.attributes["dim"] = .integer([r, c])
        if let dn = v.attributes["dimnames"] {
            out.attributes["dimnames"] = dn
        } else if let names = v.names {
            out.attributes["dimnames"] = .list([.character(names), .null])
        }
        let columnNames = MatrixPrinter.dimnames(out).columns
        func attribute(_ values: [Double]) -> RValue {
            var a = RVector(.double(values))
            if let columnNames { a.names = columnNames }
            return .vector(a)
        }
        if let centers { out.attributes["scaled:center"] = attribute(centers) }
        if let scales { out.attributes["scaled:scale"] = attribute(scales) }
        return .vector(out)
    }

    /// format.pval: p-values formatted together, those below `eps` as "<eps".
    static func formatPValues(_ values: [Double], digits: Int, eps: Double, naForm: String) -> [String?] {
        func format(_ xs: [Double], _ d: Int) -> [String] {
            let f = RFormat.formatReal(xs, digits: d)
            return xs.map { RFormat.encodeReal($0, f) }
        }
        let present = values.filter { !$0.isNaN }
        let tiny = present.map { $0 < eps }
        var texts = [String](repeating: "", count: present.count)
        let regular = present.indices.filter { !tiny[$0] }
        if !regular.isEmpty {
            let pv = regular.map { present[$0] }
            let exponents = pv.map { Foundation.log10($0 > 0 ? $0 : 1e-50).rounded(.down) }
            let fixed = exponents.map { $0 >= -3 || ($0 == -4 && digits > 1) }
            for group in [true, false] {
                let members = pv.indices.filter { fixed[$0] == group }
                if members.isEmpty { continue }
                for (k, text) in zip(members, format(members.map { pv[$0] }, digits)) { texts[regular[k]] = text }
            }
        }
        if tiny.contains(true) {
            var d = Swift.max(1, digits - 2)
            let separator: String
            if !regular.isEmpty {
                let width = regular.map { texts[$0].count }.max() ?? 0
                if d > 1 && d + 6 > width { d = Swift.max(1, width - 7) }
                separator = d == 1 && width <= 6 ? "" : " "
            } else {
                separator = d == 1 ? "" : " "
            }
            let epsText = format([eps], d)[0]
            for i in present.indices where tiny[i] { texts[i] = "<" + separator + epsText }
        }
        var out: [String?] = []
        var k = 0
        for x in values {
            if x.isNaN { out.append(naForm) } else { out.append(texts[k]); k += 1 }
        }
        return out
    }
}
