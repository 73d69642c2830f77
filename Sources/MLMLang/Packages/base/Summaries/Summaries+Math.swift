import CRmath
import Foundation

// MARK: - Elementwise mathematics

extension Summaries {
    static func installMath(_ interp: Interpreter) {
        let functions: [(String, (Double) -> Double)] = [
            ("sqrt", { $0.squareRoot() }),
            ("exp", { Foundation.exp($0) }),
            ("expm1", { Foundation.expm1($0) }),
            ("log1p", { Foundation.log1p($0) }),
            ("log2", { logBase($0, 2) }),
            ("log10", { logBase($0, 10) }),
            ("floor", { $0.rounded(.down) }),
            ("ceiling", { $0.rounded(.up) }),
            ("trunc", { $0.rounded(.towardZero) }),
        ]
        for (name, f) in functions {
            interp.define(name, { ctx, args in
                // trunc(x, ...) ignores further arguments; the others take exactly one.
                if name != "trunc" && args.count != 1 {
                    throw RError("\(args.count) arguments passed to '\(name)' which requires 1")
                }
                return try math1(name, args.first?.value, ctx, f)
            })
        }
        interp.define("abs", { ctx, args in
            guard args.count == 1 else {
                throw RError("\(args.count) arguments passed to 'abs' which requires 1")
            }
            let v = try mathOperand("abs", args[0].value, ctx)
            // abs keeps integers integer (and turns logicals into integers).
            if v.storage.rank <= 1, let ints = Coerce.integers(v) {
                var out = v
                out.storage = .integer(ints.map { $0 == NAInteger ? NAInteger : Swift.abs($0) })
                return .vector(out)
            }
            return try math1("abs", args[0].value, ctx) { Swift.abs($0) }
        })
        interp.define("log", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "base"], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            guard let base = m["base"] else { return try math1("log", x, ctx) { logBase($0, nil) } }
            return try math2("log", x, base, ctx) { logBase($0, $1) }
        })
        interp.define("round", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits"], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            return try math2("round", x, m["digits"] ?? .scalar(0.0), ctx) { fround($0, $1) }
        })
        interp.define("signif", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits"], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            return try math2("signif", x, m["digits"] ?? .scalar(6.0), ctx) { fprec($0, $1) }
        })
    }

    /// R's logarithms: -Inf at 0, NaN below; bases 2 and 10 use the exact library functions.
    static func logBase(_ x: Double, _ base: Double?) -> Double {
        func ln(_ y: Double) -> Double { y > 0 ? Foundation.log(y) : (y == 0 ? -.infinity : .nan) }
        switch base {
        case nil: return ln(x)
        case 10?: return x > 0 ? Foundation.log10(x) : (x < 0 ? .nan : -.infinity)
        case 2?: return x > 0 ? Foundation.log2(x) : (x < 0 ? .nan : -.infinity)
        case let b?: return ln(x) / ln(b)
        }
    }

    /// One-argument math: attributes kept, NA and NaN passed through, "NaNs produced" when
    /// a number goes in and NaN comes out.
    /// Math.data.frame: a function of every column of a data frame whose columns are all numeric.
    static func eachColumn(_ value: RValue, _ name: String, _ f: (RValue) throws -> RValue) throws -> RValue? {
        guard case .vector(var frame) = value, frame.classes?.contains("data.frame") == true, case .list(let columns) = frame.storage else { return nil }
        guard columns.allSatisfy({ c in c.asVector.map { !$0.isFactor && $0.storage.rank >= 1 && $0.storage.rank <= 2 } ?? false }) else {
            throw RError("non-numeric-alike variable(s) in data frame: " + (frame.names ?? []).enumerated()
                .filter { k, _ in !(columns[k].asVector.map { !$0.isFactor && $0.storage.rank >= 1 && $0.storage.rank <= 2 } ?? false) }
                .map { $0.element ?? "" }.joined(separator: ", "))
        }
        frame.storage = .list(try columns.map(f))
        return .vector(frame)
    }

    static func math1(_ name: String, _ value: RValue?, _ ctx: CallContext, _ f: (Double) -> Double) throws -> RValue {
        guard let value else { throw RError("0 arguments passed to '\(name)' which requires 1") }
        if let frame = try eachColumn(value, name, { try math1(name, $0, ctx, f) }) { return frame }
        let v = try mathOperand(name, value, ctx)
        let d = Coerce.doubles(v) ?? []
        var producedNaN = false
        let out = d.map { x -> Double in
            if x.isNaN { return x }
            let y = f(x)
            if y.isNaN { producedNaN = true }
            return y
        }
        if producedNaN { try ctx.interpreter.signalWarning("NaNs produced", call: ctx.call) }
        var result = v
        result.storage = .double(out)
        return .vector(result)
    }

    /// Two-argument math (round, signif, log with a base): recycled, attributes from the
    /// argument as long as the result (the first one first).
    static func math2(_ name: String, _ a: RValue, _ b: RValue, _ ctx: CallContext,
                      _ f: (Double, Double) -> Double) throws -> RValue {
        if let frame = try eachColumn(a, name, { try math2(name, $0, b, ctx, f) }) { return frame }
        let x = try mathOperand(name, a, ctx), y = try mathOperand(name, b, ctx)
        let dx = Coerce.doubles(x) ?? [], dy = Coerce.doubles(y) ?? []
        if dx.isEmpty || dy.isEmpty {
            var empty = RVector(.double([]))
            if dx.isEmpty { empty.attributes = x.attributes }
            return .vector(empty)
        }
        let n = max(dx.count, dy.count)
        var out = [Double](repeating: 0, count: n)
        var producedNaN = false
        for i in 0..<n {
            let u = dx[i % dx.count], w = dy[i % dy.count]
            if u.isRNA || w.isRNA { out[i] = NAReal; continue }
            if u.isNaN || w.isNaN { out[i] = .nan; continue }
            out[i] = f(u, w)
            if out[i].isNaN { producedNaN = true }
        }
        if producedNaN { try ctx.interpreter.signalWarning("NaNs produced", call: ctx.call) }
        var result = RVector(.double(out))
        if n == dx.count { result.attributes = x.attributes } else if n == dy.count { result.attributes = y.attributes }
        return .vector(result)
    }
}
