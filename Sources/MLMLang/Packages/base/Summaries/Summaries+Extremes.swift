import CRmath
import Foundation

// MARK: - min, max, range, prod

extension Summaries {
    static func installExtremes(_ interp: Interpreter) {
        interp.define("max", { ctx, args in
            if let ordered = try orderedExtremes("max", args, ctx) { return ordered }
            return try extremum(max: true, args, ctx)
        })
        interp.define("min", { ctx, args in
            if let ordered = try orderedExtremes("min", args, ctx) { return ordered }
            return try extremum(max: false, args, ctx)
        })
        interp.define("range", { ctx, args in
            if let ordered = try orderedExtremes("range", args, ctx) { return ordered }
            return try range(args, ctx)
        })
        interp.define("prod", { ctx, args in try product(args, ctx) })
    }

    /// Summary.ordered: max, min and range of ordered factors sharing one level set are
    /// taken over the codes and given back as such a factor. Nil when no argument is ordered.
    static func orderedExtremes(_ name: String, _ args: [EvaluatedArgument], _ ctx: CallContext) throws -> RValue? {
        let values = args.filter { $0.name != "na.rm" }.map(\.value)
        guard let first = values.first?.asVector, first.isFactor, first.classes?.contains("ordered") == true else {
            return nil
        }
        let levels = first.levels ?? []
        for v in values {
            guard let f = v.asVector, f.isFactor, f.classes?.contains("ordered") == true, f.levels ?? [] == levels else {
                throw RError("'\(name)' is only meaningful for ordered factors if all arguments have the same level sets")
            }
        }
        let codes = args.map { a -> EvaluatedArgument in
            guard a.name != "na.rm", case .vector(let f) = a.value else { return a }
            return EvaluatedArgument(name: a.name, .vector(RVector(f.storage)))
        }
        let picked = name == "range" ? try range(codes, ctx)
                                     : try extremum(max: name == "max", codes, ctx)
        guard case .vector(let p) = picked, let positions = Coerce.integers(p) else { return picked }
        var out = RVector(.integer(positions.map { $0 >= 1 && $0 <= levels.count ? $0 : NAInteger }))
        out.attributes["levels"] = first.attributes["levels"]
        out.attributes["class"] = first.attributes["class"]
        return .vector(out)
    }

    /// The values and `na.rm` of a Summary-group call (max, min, range, prod).
    static func summaryArguments(_ name: String, _ args: [EvaluatedArgument], _ ctx: CallContext,
                                 options: Set<String> = ["na.rm"]) throws -> (values: [RVector], options: [String: Bool]) {
        var flags: [String: Bool] = [:]
        var values: [RVector] = []
        for a in args {
            if let n = a.name, options.contains(n) {
                flags[n] = a.value.scalarLogical()?.bool ?? false
                continue
            }
            switch a.value {
            case .null: continue
            case .vector(let v):
                if v.isFactor {
                    throw RError("\(Quotes.single(name)) not meaningful for factors", call: methodCall("Summary.factor", ctx.call))
                }
                if case .list = v.storage { throw RError("invalid 'type' (list) of argument") }
                values.append(v)
            default:
                throw RError("invalid 'type' (\(a.value.typeName)) of argument")
            }
        }
        return (values, flags)
    }

    /// max() or min(): the common type of the arguments (integer stays integer, any string
    /// makes it character); an NA wins over NaN unless na.rm; none left gives -Inf or Inf.
    static func extremum(max isMax: Bool, _ args: [EvaluatedArgument], _ ctx: CallContext,
                         warningCall: Call? = nil) throws -> RValue {
        let name = isMax ? "max" : "min"
        let (values, flags) = try summaryArguments(name, args, ctx)
        let naRm = flags["na.rm"] ?? false
        let call = warningCall ?? ctx.call
        let rank = values.map(\.storage.rank).max() ?? 1
        func better(_ c: Int) -> Bool { isMax ? c > 0 : c < 0 }
        if rank == 3 {
            var best: String?
            var sawNA = false
            for s in values.flatMap(Coerce.strings) {
                guard let s else { sawNA = true; continue }
                if let b = best, !better(Collation.compare(s, b)) { continue }
                best = s
            }
            if sawNA && !naRm { return .character([nil]) }
            if let best { return .scalar(best) }
            try ctx.interpreter.signalWarning("no non-missing arguments, returning NA", call: call)
            return .character([nil])
        }
        if rank <= 1 {
            var best: Int?
            var sawNA = false
            for i in values.flatMap({ Coerce.integers($0) ?? [] }) {
                if i == NAInteger { sawNA = true; continue }
                if let b = best, !better(i < b ? -1 : (i > b ? 1 : 0)) { continue }
                best = i
            }
            if sawNA && !naRm { return .integer([NAInteger]) }
            if let best { return .scalar(best) }
        } else {
            var best: Double?
            var missing: Double?
            for d in values.flatMap({ Coerce.doubles($0) ?? [] }) {
                if d.isNaN {
                    if missing == nil || d.isRNA { missing = d.isRNA ? NAReal : (missing ?? d) }
                    continue
                }
                if let b = best, !better(d < b ? -1 : (d > b ? 1 : 0)) { continue }
                best = d
            }
            if let missing, !naRm { return .scalar(missing) }
            if let best { return .scalar(best) }
        }
        try ctx.interpreter.signalWarning("no non-missing arguments to \(name); returning \(isMax ? "-Inf" : "Inf")", call: call)
        return .scalar(isMax ? -Double.infinity : .infinity)
    }

    /// range(): R's range.default, c(min(x), max(x)) of all arguments combined.
    static func range(_ args: [EvaluatedArgument], _ ctx: CallContext) throws -> RValue {
        let (values, flags) = try summaryArguments("range", args, ctx, options: ["na.rm", "finite"])
        var naRm = flags["na.rm"] ?? false
        let finite = flags["finite"] ?? false
        let combined = try VectorLibrary.combine(values.map { EvaluatedArgument(.vector($0)) })
        guard case .vector(var x) = combined else { return try extremaPair(.logical([]), naRm: false, ctx) }
        x.attributes = Attributes()
        switch x.storage {
        case .integer(let a):
            if finite || naRm { x.storage = .integer(a.filter { $0 != NAInteger }) }
            return try extremaPair(.vector(x), naRm: false, ctx)
        case .double(let a):
            if finite { x.storage = .double(a.filter(\.isFinite)) } else if naRm { x.storage = .double(a.filter { !$0.isNaN }) }
            return try extremaPair(.vector(x), naRm: false, ctx)
        default:
            if finite { naRm = true }
            return try extremaPair(.vector(x), naRm: naRm, ctx, passNaRm: true)
        }
    }

    /// c(min(x), max(x)), with warnings naming those calls as R's range.default makes them.
    private static func extremaPair(_ x: RValue, naRm: Bool, _ ctx: CallContext, passNaRm: Bool = false) throws -> RValue {
        var args = [EvaluatedArgument(x)]
        var callArgs: [Argument] = [Argument(.symbol("x"))]
        if passNaRm {
            args.append(EvaluatedArgument(name: "na.rm", .scalar(naRm)))
            callArgs.append(Argument(name: "na.rm", .symbol("na.rm")))
        }
        let low = try extremum(max: false, args, ctx, warningCall: Call(.symbol("min"), callArgs))
        let high = try extremum(max: true, args, ctx, warningCall: Call(.symbol("max"), callArgs))
        return try VectorLibrary.combine([EvaluatedArgument(low), EvaluatedArgument(high)])
    }

    /// prod(): a double, accumulated in extended precision as R does.
    static func product(_ args: [EvaluatedArgument], _ ctx: CallContext) throws -> RValue {
        let (values, flags) = try summaryArguments("prod", args, ctx)
        let naRm = flags["na.rm"] ?? false
        var p: Float80 = 1
        var missing: Double?
        for v in values {
            guard v.storage.rank <= 2, let d = Coerce.doubles(v) else {
                throw RError("invalid 'type' (\(v.storage.typeName)) of argument")
            }
            for x in d {
                if x.isNaN {
                    if !naRm && (missing == nil || x.isRNA) { missing = x.isRNA ? NAReal : x }
                    continue
                }
                p *= Float80(x)
            }
        }
        if let missing { return .scalar(missing) }
        return .scalar(Double(p))
    }
}
