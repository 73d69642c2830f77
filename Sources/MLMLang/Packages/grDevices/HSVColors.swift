import Foundation

/// grDevices' hsv() and rainbow(): colours from hue, saturation and value, written "#RRGGBB"
/// (with "AA" when alpha is given) as R's hsv2rgb and ScaleColor compute them.
enum HSVColors {
    static func install(_ interp: Interpreter) {
        interp.define("hsv", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["h", "s", "v", "alpha"], args, call: ctx.call)
            func numbers(_ name: String, _ fallback: Double) throws -> [Double] {
                guard let v = m[name]?.asVector else { return [fallback] }
                guard let d = Coerce.doubles(v) else { throw RError("invalid hsv color", call: ctx.call) }
                return d
            }
            let h = try numbers("h", 0), s = try numbers("s", 1), v = try numbers("v", 1)
            let alpha = try m["alpha"].map { _ in try numbers("alpha", 1) }
            let n = [h.count, s.count, v.count, alpha?.count ?? 1].max() ?? 0
            guard [h.count, s.count, v.count, alpha?.count ?? 1].allSatisfy({ $0 > 0 }) else { return .character([]) }
            return .character(try (0..<n).map { i in
                Optional(try color(h: h[i % h.count], s: s[i % s.count], v: v[i % v.count], alpha: alpha.map { $0[i % $0.count] }, ctx))
            })
        })
        interp.define("rainbow", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["n", "s", "v", "start", "end", "alpha", "rev"], args, call: ctx.call)
            guard let n = m["n"]?.asVector.flatMap({ Coerce.doubles($0)?.first }), !n.isNaN, n >= 1 else { return .character([]) }
            let count = n.saturatingInt
            try RLimits.check(count)
            let s = m["s"]?.doubleValue ?? 1, v = m["v"]?.doubleValue ?? 1
            // A given start or end that is NA (or not a number) is R's failed comparison.
            let start = m["start"].map { $0.doubleValue ?? .nan } ?? 0
            let end = m["end"].map { $0.doubleValue ?? .nan } ?? Double(max(1, count - 1)) / Double(count)
            guard !start.isNaN, !end.isNaN else { throw RError("missing value where TRUE/FALSE needed", call: ctx.call) }
            guard start != end, start >= 0, end >= 0, start <= 1, end <= 1 else {
                throw RError("'start' and 'end' must be distinct and in [0, 1].", call: ctx.call)
            }
            let to = (start > end ? 1 : 0) + end
            let by = count > 1 ? (to - start) / Double(count - 1) : 0
            var colors = try (0..<count).map { k -> String? in
                let hue = (start + Double(k) * by).truncatingRemainder(dividingBy: 1)
                return try color(h: hue < 0 ? hue + 1 : hue, s: s, v: v, alpha: m["alpha"]?.doubleValue, ctx)
            }
            if m["rev"]?.logicalValue == true { colors.reverse() }
            return .character(colors)
        })
    }

    static func color(h: Double, s: Double, v: Double, alpha: Double?, _ ctx: CallContext) throws -> String {
        guard h.isFinite, s.isFinite, v.isFinite else { throw RError("inputs must be finite", call: ctx.call) }
        guard (0...1).contains(h), (0...1).contains(s), (0...1).contains(v) else {
            throw RError("invalid hsv color", call: ctx.call)
        }
        var whole = 0.0
        let f = modf(h * 6, &whole)
        let p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f))
        let (r, g, b): (Double, Double, Double)
        switch Int(whole) % 6 {
        case 0: (r, g, b) = (v, t, p)
        case 1: (r, g, b) = (q, v, p)
        case 2: (r, g, b) = (p, v, t)
        case 3: (r, g, b) = (p, q, v)
        case 4: (r, g, b) = (t, p, v)
        default: (r, g, b) = (v, p, q)
        }
        func byte(_ x: Double) -> String { String(format: "%02X", Int(255 * x + 0.5)) }
        if let alpha {
            guard (0...1).contains(alpha) else { throw RError("alpha level \(alpha), not in [0,1]", call: ctx.call) }
            return "#" + byte(r) + byte(g) + byte(b) + byte(alpha)
        }
        return "#" + byte(r) + byte(g) + byte(b)
    }
}
