/// base's pmax() and pmin(): element-wise extremes of vectors recycled to the longest, NA
/// where any element is NA unless na.rm = TRUE; integers stay integers.
enum ParallelExtremesLibrary {
    static func install(_ interp: Interpreter) {
        for (name, larger) in [("pmax", true), ("pmin", false)] {
            interp.define(name, { ctx, args in
                let naRm = args.first { $0.name == "na.rm" }?.value.logicalValue ?? false
                let given = args.filter { $0.name != "na.rm" }
                guard !given.isEmpty else { throw RError("no arguments", call: ctx.call) }
                let vectors = given.compactMap { $0.value.asVector }.filter { $0.count > 0 }
                guard let first = vectors.first else { return .vector(RVector(.double([]))) }
                let n = vectors.map(\.count).max() ?? 0
                guard let columns = Optional(try vectors.map { v -> [Double] in
                    guard v.storage.rank <= 2, let d = Coerce.doubles(v) else { throw RError("invalid input type", call: ctx.call) }
                    return d
                }) else { return .null }
                var out = [Double](repeating: .nan, count: n)
                for i in 0..<n {
                    var best: Double? = nil
                    var missing = false
                    for c in columns {
                        let x = c[i % c.count]
                        if x.isNaN { if !naRm { missing = true }; continue }
                        if let b = best { best = larger ? max(b, x) : min(b, x) } else { best = x }
                    }
                    out[i] = missing ? NAReal : best ?? NAReal
                }
                var result: RVector
                if vectors.allSatisfy({ $0.storage.rank <= 1 }) {
                    result = RVector(.integer(out.map { $0.isNaN ? NAInteger : Int($0) }))
                } else {
                    result = RVector(.double(out))
                }
                // The first argument's attributes (names, dim) when it is the longest, as R keeps them.
                if first.count == n {
                    result.names = first.names
                    if let d = first.attributes["dim"] { result.attributes["dim"] = d }
                }
                return .vector(result)
            })
        }
    }
}
