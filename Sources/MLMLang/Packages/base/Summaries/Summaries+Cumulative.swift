import CRmath
import Foundation

// MARK: - cumsum, cumprod, cummax, cummin

extension Summaries {
    static func installCumulative(_ interp: Interpreter) {
        for name in ["cumsum", "cumprod", "cummax", "cummin"] {
            interp.define(name, { ctx, args in
                guard args.count == 1 else {
                    throw RError("\(args.count) arguments passed to '\(name)' which requires 1")
                }
                return try cumulative(name, args[0].value, ctx)
            })
        }
    }

    static func cumulative(_ name: String, _ value: RValue, _ ctx: CallContext) throws -> RValue {
        if value.isNullValue { return .double([]) }
        guard case .vector(let v) = value else { throw RError("invalid 'type' (\(value.typeName)) of argument") }
        if v.isFactor {
            throw RError("\(Quotes.single(name)) not meaningful for factors", call: methodCall("Math.factor", ctx.call))
        }
        var out: RVector
        if v.storage.rank <= 1 && name != "cumprod", let ints = Coerce.integers(v) {
            out = RVector(.integer(try integerCumulative(name, ints, ctx)))
        } else {
            guard case .vector(let dv) = value, v.storage.rank <= 3, let d = Coerce.doubles(dv) else {
                throw RError("invalid 'type' (\(v.storage.typeName)) of argument")
            }
            out = RVector(.double(doubleCumulative(name, d)))
        }
        out.names = elementNames(v)
        return .vector(out)
    }

    /// Integer running sums and extremes: NA from the first NA on; a sum leaving the
    /// integer range warns and stops (the rest stays NA).
    private static func integerCumulative(_ name: String, _ xs: [Int], _ ctx: CallContext) throws -> [Int] {
        var out = [Int](repeating: NAInteger, count: xs.count)
        var acc: Int?
        let limit = Int(Int32.max)
        for (i, x) in xs.enumerated() {
            if x == NAInteger { break }
            switch name {
            case "cumsum":
                let s = (acc ?? 0) + x
                if s > limit || s < -limit {
                    try ctx.interpreter.signalWarning("integer overflow in 'cumsum'; use 'cumsum(as.numeric(.))'", call: nil)
                    return out
                }
                acc = s
            case "cummax": acc = Swift.max(acc ?? x, x)
            default: acc = Swift.min(acc ?? x, x)
            }
            out[i] = acc ?? NAInteger
        }
        return out
    }

    /// Double running sums and products in extended precision; once a value is missing
    /// the rest is too (NA for sums and products if an NA was seen, else NaN).
    private static func doubleCumulative(_ name: String, _ xs: [Double]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(xs.count)
        switch name {
        case "cumsum", "cumprod":
            var acc: Float80 = name == "cumsum" ? 0 : 1
            var missing: Double?
            for x in xs {
                if x.isNaN { missing = (x.isRNA || missing?.isRNA == true) ? NAReal : (missing ?? x) }
                if let missing { out.append(missing); continue }
                if name == "cumsum" { acc += Float80(x) } else { acc *= Float80(x) }
                out.append(Double(acc))
            }
        default:
            // cummax and cummin keep the first missing value they meet.
            var acc = name == "cummax" ? -Double.infinity : Double.infinity
            for x in xs {
                if acc.isNaN {
                } else if x.isNaN {
                    acc = x
                } else {
                    acc = name == "cummax" ? Swift.max(acc, x) : Swift.min(acc, x)
                }
                out.append(acc)
            }
        }
        return out
    }
}
