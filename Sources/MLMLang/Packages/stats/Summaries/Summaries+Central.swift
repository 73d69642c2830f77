import CRmath
import Foundation

// MARK: - median and quantile

extension Summaries {
    static func installCentral(_ interp: Interpreter) {
        interp.define("median", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "na.rm", "..."], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            return try median(x, naRm: flag(m, "na.rm"))
        })
        interp.define("quantile", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["x", "probs", "na.rm", "names", "type", "digits", "..."], args, call: ctx.call)
            do {
                return try quantile(m)
            } catch var e as RError where e.call == nil {
                e.call = methodCall("quantile.default", ctx.call)
                throw e
            }
        })
    }

    /// The sortable numbers of x, in their own type (a median of integers can stay integer).
    static func sortedValues(_ v: RVector) -> RVector {
        switch v.storage {
        case .logical(let a): return RVector(.logical(a.sorted { $0.rawValue < $1.rawValue }))
        case .integer(let a): return RVector(.integer(a.sorted()))
        case .double(let a): return RVector(.double(RadixSort.sorted(a)))
        case .character(let a): return RVector(.character(a.compactMap { $0 }.sorted { Collation.compare($0, $1) < 0 }))
        case .list: return v
        }
    }

    static func hasNA(_ v: RVector) -> Bool {
        if case .double(let d) = v.storage { return d.contains { $0.isNaN } }
        return (0..<v.count).contains(where: v.isNA)
    }

    static func withoutNA(_ v: RVector) -> RVector {
        let keep = (0..<v.count).filter { !v.isNA(at: $0) }
        return RVector(IndexingLibrary.select(v.storage, keep.map { Optional($0) }))
    }

    /// median(): the middle value in x's own type when n is odd, the mean of the two middle
    /// values when even; NA (of x's type) for missing values or no values.
    static func median(_ x: RValue, naRm: Bool) throws -> RValue {
        guard case .vector(var v) = x.isNullValue ? .logical([]) : x, !v.isFactor, v.storage.rank < 4 else {
            throw RError("need numeric data")
        }
        v.attributes = Attributes()
        let naOfType = RVector(IndexingLibrary.select(v.storage, [nil]))
        if naRm { v = withoutNA(v) } else if (0..<v.count).contains(where: v.isNA) { return .vector(naOfType) }
        let n = v.count
        if n == 0 { return .vector(naOfType) }
        let sorted = sortedValues(v)
        let half = (n + 1) / 2
        if n % 2 == 1 { return .vector(RVector(IndexingLibrary.select(sorted.storage, [half - 1]))) }
        guard let d = Coerce.doubles(sorted) else { throw RError("need numeric data") }
        return .scalar(Statistics.mean([d[half - 1], d[half]]))
    }

    /// quantile.default: R's nine types, the answer keeping x's type when no interpolation
    /// was needed, named "25%" and so on as `formatC(100 * probs, format = "fg")` writes them.
    static func quantile(_ m: [String: RValue]) throws -> RValue {
        guard var x = m["x"].map({ $0.isNullValue ? RVector(.double([])) : $0.asVector }) ?? nil else {
            throw RError("argument \"x\" is missing, with no default")
        }
        if x.isFactor { throw RError("(unordered) factors are not allowed") }
        guard x.storage.rank <= 2 else { throw RError("non-numeric argument to binary operator") }
        x.attributes = Attributes()
        if flag(m, "na.rm") {
            x = withoutNA(x)
        } else if hasNA(x) {
            throw RError("missing values and NaN's not allowed if 'na.rm' is FALSE")
        }
        var probs = [0, 0.25, 0.5, 0.75, 1.0]
        if let p = m["probs"] {
            guard case .vector(let pv) = p.isNullValue ? .double([]) : p, pv.storage.rank <= 2, let d = Coerce.doubles(pv) else {
                throw RError("non-numeric argument to binary operator")
            }
            probs = d
        }
        let eps = 100 * Double.ulpOfOne
        if probs.contains(where: { !$0.isNaN && ($0 < -eps || $0 > 1 + eps) }) { throw RError("'probs' outside [0,1]") }
        probs = probs.map { $0.isNaN ? $0 : Swift.max(0, Swift.min(1, $0)) }
        let type = m["type"]?.scalarInt() ?? 7
        guard (1...9).contains(type) else { throw RError("'type' must be one of 1:9") }
        var result = quantileValues(sortedValues(x), probs: probs, type: type)
        if m["names"]?.scalarLogical()?.bool ?? true, !probs.isEmpty {
            let digits = m["digits"]?.scalarInt() ?? 7
            result.names = probs.map { $0.isNaN ? "" : formatSignificant(100 * $0, digits: digits) + "%" }
        }
        return .vector(result)
    }

    /// Sample quantiles of sorted, NA-free x (Hyndman & Fan's types 1 to 9, as in R).
    static func quantileValues(_ sorted: RVector, probs: [Double], type: Int) -> RVector {
        let n = sorted.count
        let xs = Coerce.doubles(sorted) ?? []
        var interpolated = false
        var out: [Double] = []
        var picks: [Int?] = []
        // Index i (1-based) clamped into the data, as R pads x with its first and last values.
        func at(_ i: Int) -> Int { Swift.min(Swift.max(i, 1), n) - 1 }
        for p in probs {
            if n == 0 { picks.append(nil); out.append(NAReal); continue }
            if p.isNaN { interpolated = true; picks.append(nil); out.append(NAReal); continue }
            let lo: Int, hi: Int, h: Double
            if type == 7 {
                let index = 1 + Double(n - 1) * p
                lo = Int(index.rounded(.down))
                hi = Int(index.rounded(.up))
                h = index - Double(lo)
            } else if type <= 3 {
                let nppm = type == 3 ? Double(n) * p - 0.5 : Double(n) * p
                let j = Int(nppm.rounded(.down))
                lo = j
                hi = j + 1
                switch type {
                case 1: h = nppm > Double(j) ? 1 : 0
                case 2: h = ((nppm > Double(j) ? 1 : 0) + 1) / 2
                default: h = (nppm != Double(j) || j % 2 != 0) ? 1 : 0
                }
            } else {
                let (a, b): (Double, Double) = [4: (0, 1), 5: (0.5, 0.5), 6: (0, 0), 8: (1.0 / 3, 1.0 / 3),
                                                9: (3.0 / 8, 3.0 / 8)][type] ?? (1, 1)
                let fuzz = 4 * Double.ulpOfOne
                let nppm = a + p * (Double(n) + 1 - a - b)
                let j = Int((nppm + fuzz).rounded(.down))
                var hh = nppm - Double(j)
                if Swift.abs(hh) < fuzz { hh = 0 }
                lo = j
                hi = j + 1
                h = hh
            }
            let low = xs[at(lo)], high = xs[at(hi)]
            if h == 0 || low == high {
                picks.append(at(lo)); out.append(low)
            } else if h == 1 {
                picks.append(at(hi)); out.append(high)
            } else {
                interpolated = true
                picks.append(nil)
                out.append((1 - h) * low + h * high)
            }
        }
        if interpolated || sorted.storage.rank == 2 { return RVector(.double(out)) }
        return RVector(IndexingLibrary.select(sorted.storage, picks))
    }

    /// formatC(x, format = "fg", digits = d): d significant digits in fixed notation,
    /// trailing zeros dropped.
    static func formatSignificant(_ x: Double, digits: Int) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return x.isNaN ? "NaN" : (x > 0 ? "Inf" : "-Inf") }
        var value = x
        let magnitude = Swift.abs(x)
        var exponent = Int((Foundation.log10(magnitude) + 1e-12).rounded(.down))
        let scaled = fround(magnitude / Foundation.pow(10, Double(exponent)) + 1e-12, Double(digits - 1))
        if exponent > 0 && scaled >= 10 {
            value = scaled * Foundation.pow(10, Double(exponent))
            exponent += 1
        }
        if exponent == -4 && Swift.abs(value) < 1e-4 { exponent = -5 }
        if exponent < -4 {
            var text = String(format: "%.*f", digits - 1 - exponent, value)
            while text.hasSuffix("0") { text.removeLast() }
            return text
        }
        return String(format: "%.*g", exponent >= digits ? exponent + 1 : digits, value)
    }
}
