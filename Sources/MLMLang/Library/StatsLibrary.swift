import CRmath
import Foundation

/// Summary statistics and mathematical functions on vectors, with R's types (integer stays
/// integer where R keeps it), NA rules, warnings and attribute handling.
enum StatsLibrary {
    static func install(_ interp: Interpreter) {
        installMath(interp)
        installExtremes(interp)
        installCumulative(interp)
        installLogic(interp)
        installCentral(interp)
        installCovariance(interp)
        installSummary(interp)
        installRobust(interp)
    }

    // MARK: - Shared helpers

    static func nonNumeric() -> RError { RError("non-numeric argument to mathematical function") }

    /// The call R reports for a group generic's factor method, e.g. `Math.factor(f)`.
    static func methodCall(_ name: String, _ call: Call) -> Call {
        Call(.symbol(name), call.arguments, location: call.location)
    }

    /// The numeric vector a mathematical function accepts: logical, integer or double.
    static func mathOperand(_ name: String, _ value: RValue?, _ ctx: CallContext) throws -> RVector {
        guard case .vector(let v)? = value else { throw nonNumeric() }
        if v.isFactor {
            throw RError("‘\(name)’ not meaningful for factors", call: methodCall("Math.factor", ctx.call))
        }
        guard v.storage.rank <= 2 else { throw nonNumeric() }
        return v
    }

    static func flag(_ m: [String: RValue], _ name: String, default d: Bool = false) -> Bool {
        guard let v = m[name] else { return d }
        return v.scalarLogical()?.bool ?? d
    }

    /// R's names(x): the names attribute, or for a one-dimensional array its dimnames.
    static func elementNames(_ v: RVector) -> [String?]? {
        if let names = v.names { return names }
        guard v.dim?.count == 1, case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage,
              case .vector(let labels)? = items.first else { return nil }
        return Coerce.strings(labels)
    }
}

// MARK: - Elementwise mathematics

extension StatsLibrary {
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
    static func math1(_ name: String, _ value: RValue?, _ ctx: CallContext, _ f: (Double) -> Double) throws -> RValue {
        guard let value else { throw RError("0 arguments passed to '\(name)' which requires 1") }
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

// MARK: - min, max, range, prod

extension StatsLibrary {
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
                    throw RError("‘\(name)’ not meaningful for factors", call: methodCall("Summary.factor", ctx.call))
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

// MARK: - cumsum, cumprod, cummax, cummin

extension StatsLibrary {
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
            throw RError("‘\(name)’ not meaningful for factors", call: methodCall("Math.factor", ctx.call))
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

// MARK: - is.na, ifelse, any, all, which.max, which.min

extension StatsLibrary {
    static func installLogic(_ interp: Interpreter) {
        interp.define("is.na", { ctx, args in
            guard args.count == 1 else {
                throw RError("\(args.count) arguments passed to 'is.na' which requires 1")
            }
            return try isNA(args[0].value, ctx)
        })
        interp.define("any", { ctx, args in try anyAll(any: true, args, ctx) })
        interp.define("all", { ctx, args in try anyAll(any: false, args, ctx) })
        interp.define("which.max", { ctx, args in try whichExtreme(max: true, args, ctx) })
        interp.define("which.min", { ctx, args in try whichExtreme(max: false, args, ctx) })
        interp.define("ifelse", special: { ctx, args in try ifelse(args, ctx) })
    }

    /// is.na(): elementwise for vectors (NaN counts), per element for lists (a length-one
    /// NA only); names, dim and dimnames kept.
    static func isNA(_ value: RValue, _ ctx: CallContext) throws -> RValue {
        switch value {
        case .null:
            return .logical([])
        case .vector(let v):
            var flags: [Logical]
            if case .list(let items) = v.storage {
                flags = items.map { item in
                    guard case .vector(let iv) = item, iv.count == 1, iv.storage.rank < 4 else { return .no }
                    return Logical(iv.isNA(at: 0))
                }
            } else {
                flags = (0..<v.count).map { Logical(v.isNA(at: $0)) }
            }
            var out = RVector(.logical(flags))
            for key in ["names", "dim", "dimnames"] { out.attributes[key] = v.attributes[key] }
            return .vector(out)
        default:
            try ctx.interpreter.signalWarning("is.na() applied to non-(list or vector) of type '\(value.typeName)'", call: ctx.call)
            return .scalar(false)
        }
    }

    /// any() and all(): arguments coerced to logical (with R's warning for types other than
    /// integer); NA only decides when nothing else does.
    static func anyAll(any: Bool, _ args: [EvaluatedArgument], _ ctx: CallContext) throws -> RValue {
        var naRm = false
        var sawNA = false
        for a in args where a.name == "na.rm" { naRm = a.value.scalarLogical()?.bool ?? false }
        for a in args where a.name != "na.rm" {
            if a.value.length == 0 { continue }
            guard case .vector(let v) = a.value, v.storage.rank < 4 else {
                throw RError("invalid 'type' (\(a.value.typeName)) of argument")
            }
            switch v.storage {
            case .logical, .integer: break
            default:
                try ctx.interpreter.signalWarning("coercing argument of type '\(v.storage.typeName)' to logical", call: ctx.call)
            }
            for l in Coerce.logicals(v) ?? [] {
                if l == .na { sawNA = true; continue }
                if any && l == .yes { return .scalar(true) }
                if !any && l == .no { return .scalar(false) }
            }
        }
        if sawNA && !naRm { return .logical([.na]) }
        return .scalar(!any)
    }

    /// which.max() / which.min(): the first position of the extreme, ignoring NA, with its name.
    static func whichExtreme(max isMax: Bool, _ args: [EvaluatedArgument], _ ctx: CallContext) throws -> RValue {
        guard args.count == 1 else {
            let name = isMax ? "which.max" : "which.min"
            throw RError("\(args.count) arguments passed to '\(name)' which requires 1")
        }
        guard case .vector(let v) = args[0].value, let d = Coerce.doubles(v) else { return .integer([]) }
        var best: Int?
        if case .logical(let l) = v.storage {
            // TRUE (for max) or FALSE (for min) ends the search; otherwise the first non-NA.
            for (i, x) in l.enumerated() where x != .na {
                if (x == .yes) == isMax { best = i; break }
                if best == nil { best = i }
            }
        } else {
            for (i, x) in d.enumerated() where !x.isNaN {
                if let b = best, isMax ? !(x > d[b]) : !(x < d[b]) { continue }
                best = i
            }
        }
        guard let best else { return .integer([]) }
        var out = RVector(.integer([best + 1]))
        if let names = elementNames(v) { out.names = [names[best]] }
        return .vector(out)
    }

    /// ifelse(test, yes, no), with R's laziness: `yes` is evaluated only if some test is
    /// TRUE and `no` only if some is FALSE.
    static func ifelse(_ arguments: [Argument], _ ctx: CallContext) throws -> RValue {
        let interp = ctx.interpreter
        var thunks: [(name: String?, value: () throws -> RValue)] = []
        for a in arguments {
            if case .symbol("...") = a.value {
                for e in try interp.evaluateArguments([a], ctx.env) { thunks.append((e.name, { e.value })) }
            } else {
                thunks.append((a.name, { try interp.eval(a.value, ctx.env) }))
            }
        }
        let formals = ["test", "yes", "no"]
        var bound: [String: () throws -> RValue] = [:]
        var positional: [() throws -> RValue] = []
        for t in thunks {
            if let n = t.name, !n.isEmpty {
                let matches = formals.filter { $0 == n || ($0.hasPrefix(n) && bound[$0] == nil) }
                guard let f = matches.first(where: { $0 == n }) ?? (matches.count == 1 ? matches[0] : nil) else {
                    throw RError("unused argument (\(n) = ...)")
                }
                bound[f] = t.value
            } else {
                positional.append(t.value)
            }
        }
        for f in formals where bound[f] == nil && !positional.isEmpty { bound[f] = positional.removeFirst() }
        if !positional.isEmpty { throw RError("unused argument") }
        func argument(_ name: String) throws -> RValue {
            guard let thunk = bound[name] else { throw RError("argument \"\(name)\" is missing, with no default") }
            return try thunk()
        }
        let testValue = try argument("test")
        defer { interp.visible = true }
        return try ifelseValue(testValue, yes: { try argument("yes") }, no: { try argument("no") })
    }

    private static func ifelseValue(_ testValue: RValue, yes: () throws -> RValue, no: () throws -> RValue) throws -> RValue {
        guard case .vector(let testVector) = testValue.isNullValue ? .logical([]) : testValue,
              let test = Coerce.logicals(testVector) else {
            throw RError("argument is not interpretable as logical")
        }
        // One plain TRUE or FALSE and a plain single value: R hands that value back as is.
        if test.count == 1 && testVector.attributes.isEmpty {
            if test[0] == .na { return .logical([.na]) }
            let chosen = test[0] == .yes ? try yes() : try no()
            if chosen.length == 1 && chosen.attributes.isEmpty { return chosen }
            return try fill(test, testVector, test[0] == .yes ? chosen : nil, test[0] == .no ? chosen : nil)
        }
        let yesValue = test.contains(.yes) ? try yes() : nil
        let noValue = test.contains(.no) ? try no() : nil
        return try fill(test, testVector, yesValue, noValue)
    }

    /// The answer starts as the logical test (keeping its attributes) and takes the type of
    /// whichever of yes/no it receives elements from, as `ans[ypos] <- rep(yes, ...)` does.
    private static func fill(_ test: [Logical], _ testVector: RVector, _ yes: RValue?, _ no: RValue?) throws -> RValue {
        func source(_ v: RValue?) throws -> RVector? {
            guard let v else { return nil }
            guard case .vector(var vec) = v else { throw RError("replacement has length zero") }
            if vec.isFactor { vec = RVector(vec.storage) }
            if vec.count == 0 { throw RError("replacement has length zero") }
            return vec
        }
        let y = try source(yes), n = try source(no)
        let rank = [0, y?.storage.rank ?? 0, n?.storage.rank ?? 0].max() ?? 0
        var picks: [(RVector, Int)?] = []
        for (i, t) in test.enumerated() {
            switch t {
            case .yes: picks.append(y.map { ($0, i % $0.count) })
            case .no: picks.append(n.map { ($0, i % $0.count) })
            case .na: picks.append(nil)
            }
        }
        let parts = picks.map { p -> RVector in
            guard let (v, i) = p else { return RVector(.logical([.na])) }
            return RVector(IndexingLibrary.select(v.storage, [i]))
        }
        let storage: Storage
        switch rank {
        case 0: storage = .logical(parts.map { Coerce.logicals($0)?.first ?? .na })
        case 1: storage = .integer(parts.map { Coerce.integers($0)?.first ?? NAInteger })
        case 2: storage = .double(parts.map { Coerce.doubles($0)?.first ?? NAReal })
        case 3: storage = .character(parts.map { Coerce.strings($0).first ?? nil })
        default: storage = .list(parts.map { Coerce.listItems($0).first ?? .logical([.na]) })
        }
        var out = RVector(storage)
        out.attributes = testVector.attributes
        return .vector(out)
    }
}

// MARK: - median and quantile

extension StatsLibrary {
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
    private static func sortedValues(_ v: RVector) -> RVector {
        switch v.storage {
        case .logical(let a): return RVector(.logical(a.sorted { $0.rawValue < $1.rawValue }))
        case .integer(let a): return RVector(.integer(a.sorted()))
        case .double(let a): return RVector(.double(a.sorted()))
        case .character(let a): return RVector(.character(a.compactMap { $0 }.sorted { Collation.compare($0, $1) < 0 }))
        case .list: return v
        }
    }

    private static func withoutNA(_ v: RVector) -> RVector {
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
        } else if (0..<x.count).contains(where: x.isNA) {
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

// MARK: - var, sd, cov, cor

extension StatsLibrary {
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
            let v = try covariance(.vector(x), nil, use: useMethod(nil, naRm: flag(m, "na.rm")), method: "pearson",
                                   correlation: false, ctx)
            return .scalar((v.scalarDouble() ?? NAReal).squareRoot())
        })
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
            throw RError("'arg' should be one of ‘pearson’, ‘kendall’, ‘spearman’")
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

// MARK: - summary

extension StatsLibrary {
    static func installSummary(_ interp: Interpreter) {
        interp.define("summary", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "...", "digits", "quantile.type"],
                                                                    args, call: ctx.call)
            guard let object = m["object"] else { throw RError("argument \"object\" is missing, with no default") }
            let type = m["quantile.type"]?.scalarInt() ?? 7
            if case .vector(let v) = object, let dim = v.dim, dim.count == 2, !v.isFactor, v.storage.rank < 4 {
                return try summaryOfMatrix(v, rows: dim[0], columns: dim[1], digits: m["digits"]?.scalarInt(),
                                           type: type, ctx.interpreter)
            }
            return try summaryDefault(object, digits: m["digits"]?.scalarInt(), type: type)
        })
        interp.define("summary.data.frame", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "maxsum", "digits", "..."], args, call: ctx.call)
            guard case .vector(let frame)? = m["object"], case .list(let items) = frame.storage else {
                throw RError("argument \"object\" is missing, with no default")
            }
            let names = (frame.names ?? []).map { $0 ?? "" }
            let columns = items.enumerated().map { (i, c) in (i < names.count ? names[i] : "V\(i + 1)", c) }
            return .vector(try summaryTable(columns, maxsum: m["maxsum"]?.scalarInt() ?? 7,
                                            digits: m["digits"]?.scalarInt(), type: 7, ctx.interpreter))
        })
        interp.define("print.summaryDefault", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits", "quote", "..."], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            let digits = m["digits"]?.scalarInt() ?? Swift.max(3, ctx.interpreter.digits - 3)
            ctx.interpreter.write(formatSummary(x, digits: digits, ctx.interpreter))
            ctx.interpreter.visible = false
            return x
        })
    }

    /// summary.default: the six-number summary of numbers (plus the NA count), counts for
    /// logicals, Length/Class/Mode otherwise; classed so that print.summaryDefault shows it.
    static func summaryDefault(_ object: RValue, digits: Int?, type: Int) throws -> RValue {
        var value: RVector
        switch object {
        case .vector(let v) where v.storage.rank == 0:
            var counts: [(String?, Int)] = []
            let l = Coerce.logicals(v) ?? []
            for (label, flag) in [("FALSE", Logical.no), ("TRUE", .yes), ("NA's", .na)] {
                let n = l.filter { $0 == flag }.count
                if n > 0 { counts.append((label, n)) }
            }
            value = RVector(.character(["logical"] + counts.map { String($0.1) }))
            value.names = ["Mode"] + counts.map(\.0)
        case .vector(let v) where v.storage.rank <= 2 && !v.isFactor:
            let present = withoutNA(RVector(v.storage))
            let missing = v.count - present.count
            let q = Coerce.doubles(quantileValues(sortedValues(present), probs: [0, 0.25, 0.5, 0.75, 1], type: type)) ?? []
            let mean = present.count == 0 ? Double.nan : Statistics.mean(Coerce.doubles(present) ?? [])
            var numbers = [q[0], q[1], q[2], mean, q[3], q[4]]
            if let digits { numbers = numbers.map { fprec($0, Double(digits)) } }
            var names: [String?] = ["Min.", "1st Qu.", "Median", "Mean", "3rd Qu.", "Max."]
            if missing > 0 {
                numbers.append(Double(missing))
                names.append("NA's")
            }
            value = RVector(.double(numbers))
            value.names = names
        case .vector(let v) where v.storage.rank == 4:
            value = try listSummary(v)
        default:
            value = RVector(.character([String(object.length), implicitClass(object), mode(object)]))
            value.names = ["Length", "Class", "Mode"]
        }
        value.attributes["class"] = .character(["summaryDefault", "table"])
        return .vector(value)
    }

    /// A list's summary: a character matrix of each element's Length, Class and Mode.
    private static func listSummary(_ v: RVector) throws -> RVector {
        guard case .list(let items) = v.storage else { return v }
        let lengths = items.map { String($0.length) }
        let width = lengths.map(\.count).max() ?? 0
        let cells = lengths.map { String(repeating: " ", count: width - $0.count) + $0 }
            + items.map { $0.explicitClass?.first ?? "-none-" } + items.map(mode)
        var out = RVector(.character(cells.map { Optional($0) }))
        out.attributes["dim"] = .integer([items.count, 3])
        let rowNames: RValue = v.names.map { .character($0) } ?? .null
        out.attributes["dimnames"] = .list([rowNames, .character(["Length", "Class", "Mode"])])
        return out
    }

    static func mode(_ v: RValue) -> String {
        switch v {
        case .null: return "NULL"
        case .vector(let vec):
            switch vec.storage {
            case .integer, .double: return "numeric"
            default: return vec.storage.typeName
            }
        case .closure, .builtin: return "function"
        case .environment: return "environment"
        case .language(let l):
            if case .symbol = l.expr { return "name" }
            return "call"
        }
    }

    static func implicitClass(_ v: RValue) -> String {
        if let c = v.explicitClass?.first { return c }
        switch v {
        case .vector(let vec):
            if let dim = vec.dim { return dim.count == 2 ? "matrix" : "array" }
            switch vec.storage {
            case .integer: return "integer"
            case .double: return "numeric"
            default: return vec.storage.typeName
            }
        default: return mode(v) == "function" ? "function" : v.typeName
        }
    }

    /// print.summaryDefault: numbers zapped to the session's digits and formatted together
    /// to `digits` significant digits (the NA count as a plain integer), printed unquoted as
    /// print.table does; empty cells for NA in a summary without an NA count.
    static func formatSummary(_ x: RValue, digits: Int, _ interp: Interpreter) -> String {
        guard case .vector(let v) = x else { return interp.formatForPrint(x) }
        var printer = interp.vectorPrinter
        printer.quote = false
        if let dim = v.dim, dim.count == 2 {
            return formatTextMatrix(v, rows: dim[0], columns: dim[1], width: interp.width)
        }
        var out = RVector(.character(summaryCells(v, digits: digits, forPrinting: true, interp)))
        out.names = v.names
        return printer.print(out)
    }

    /// A character matrix as print.table shows it: unquoted, left-aligned under left-aligned
    /// headers, missing cells empty, cells' own trailing blanks kept; columns wrapped to width.
    static func formatTextMatrix(_ v: RVector, rows: Int, columns: Int, width: Int) -> String {
        let cells = Coerce.strings(v).map { $0 ?? "" }
        let (rowNames, columnNames, _, _) = MatrixPrinter.dimnames(v)
        let rowLabels = (0..<rows).map { i in rowNames.map { $0[i] ?? "<NA>" } ?? "[\(i + 1),]" }
        let headers = (0..<columns).map { j in columnNames.map { $0[j] ?? "<NA>" } ?? "[,\(j + 1)]" }
        let labelWidth = rowLabels.map(\.displayWidth).max() ?? 0
        let widths = (0..<columns).map { j in
            ((0..<rows).map { cells[j * rows + $0].displayWidth } + [headers[j].displayWidth]).max() ?? 0
        }
        var out = ""
        var start = 0
        while start < columns {
            var end = start
            var used = labelWidth
            repeat {
                used += 1 + widths[end]
                end += 1
            } while end < columns && used + 1 + widths[end] <= width
            out += String(repeating: " ", count: labelWidth)
            for j in start..<end { out += " " + headers[j].rightPadded(to: widths[j]) }
            out += "\n"
            for i in 0..<rows {
                out += rowLabels[i].rightPadded(to: labelWidth)
                for j in start..<end { out += " " + cells[j * rows + i].rightPadded(to: widths[j]) }
                out += "\n"
            }
            start = end
        }
        return out
    }

    /// format.summaryDefault: numbers zapped to the session's digits, then formatted together
    /// to `digits` significant digits, an NA count as a plain integer; text as it is (padded
    /// to a common width when formatting rather than printing). print.table shows NA and NaN
    /// cells empty unless an NA count made them text.
    static func summaryCells(_ v: RVector, digits: Int, forPrinting: Bool, _ interp: Interpreter) -> [String] {
        switch v.storage {
        case .double, .integer:
            var values = Coerce.doubles(v) ?? []
            let countIndex = (v.names ?? []).firstIndex(of: "NA's")
            if values.contains(where: \.isFinite) { values = zapSmall(values, digits: interp.digits) }
            let shown = values.indices.filter { $0 != countIndex }
            let format = RFormat.formatReal(shown.map { values[$0] }, digits: digits, scipen: interp.scipen)
            return values.indices.map { i in
                if i == countIndex { return RFormat.significant(values[i], digits: 15) }
                if forPrinting && countIndex == nil && values[i].isNaN { return "" }
                return RFormat.encodeReal(values[i], format)
            }
        default:
            let texts = Coerce.strings(v).map { $0 ?? (forPrinting ? "" : "NA") }
            if forPrinting { return texts }
            let width = texts.map(\.displayWidth).max() ?? 0
            return texts.map { $0.rightPadded(to: width) }
        }
    }

    /// zapsmall: finite values rounded to `digits` significant digits of the largest one.
    static func zapSmall(_ xs: [Double], digits: Int) -> [Double] {
        let largest = xs.filter(\.isFinite).map { Swift.abs($0) }.max() ?? 0
        let places = largest > 0 ? Swift.max(0, digits - Int(Foundation.log10(largest).rounded(.up))) : digits
        return xs.map { $0.isFinite ? fround($0, Double(places)) : $0 }
    }
}

// MARK: - fivenum, IQR, mad, weighted.mean, scale, format.pval

extension StatsLibrary {
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
        interp.define("scale", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "center", "scale"], args, call: ctx.call)
            return try scale(m["x"], center: m["center"], scale: m["scale"])
        })
        interp.define("format.pval", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["pv", "digits", "eps", "na.form", "..."], args, call: ctx.call)
            let digits = m["digits"]?.scalarInt() ?? Swift.max(1, ctx.interpreter.digits - 2)
            return .character(formatPValues(try numbers(m["pv"]), digits: digits,
                                            eps: m["eps"]?.scalarDouble() ?? Double.ulpOfOne,
                                            naForm: m["na.form"]?.scalarString() ?? "NA"))
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

// MARK: - summary of matrices and data frames

extension StatsLibrary {
    /// summary.matrix: the data frame summary of the matrix's columns (named V1, V2, ...
    /// when the matrix has no column names).
    static func summaryOfMatrix(_ v: RVector, rows: Int, columns: Int, digits: Int?, type: Int,
                                _ interp: Interpreter) throws -> RValue {
        let names = MatrixPrinter.dimnames(v).columns
        let cols = (0..<columns).map { j -> (String, RValue) in
            let cells = RVector(IndexingLibrary.select(v.storage, (0..<rows).map { j * rows + $0 }))
            return (names?[j] ?? "V\(j + 1)", .vector(cells))
        }
        return .vector(try summaryTable(cols, maxsum: 7, digits: digits, type: type, interp))
    }

    /// summary.data.frame: per column, "label:value  " cells of its summary, the column name
    /// centred over the labels; a character table printed without quotes.
    static func summaryTable(_ columns: [(String, RValue)], maxsum: Int, digits: Int?, type: Int,
                             _ interp: Interpreter) throws -> RVector {
        let digits = digits ?? Swift.max(3, interp.digits - 3)
        var cellColumns: [[String]] = []
        var labelWidths: [Int] = []
        for (_, column) in columns {
            let (labels, values) = try summaryEntries(column, maxsum: maxsum, digits: digits, type: type, interp)
            let width = labels.map(\.displayWidth).max() ?? 0
            cellColumns.append(zip(labels, values).map { $0.rightPadded(to: width) + ":" + $1 + "  " })
            labelWidths.append(width)
        }
        let rows = cellColumns.map(\.count).max() ?? 0
        var cells: [String?] = []
        for column in cellColumns { cells += column.map { Optional($0) } + [String?](repeating: nil, count: rows - column.count) }
        let headers = zip(columns, labelWidths).map { column, width -> String? in
            let pad = Int((Double(width) - Double(column.0.displayWidth) / 2).rounded(.down))
            return String(repeating: " ", count: Swift.max(pad, 0)) + column.0
        }
        var out = RVector(.character(cells))
        out.attributes["dim"] = .integer([rows, columns.count])
        out.attributes["dimnames"] = .list([.character([String?](repeating: "", count: rows)), .character(headers)])
        // R's class is "table" alone; print.summaryDefault prints such a table as print.table would.
        out.attributes["class"] = .character(["summaryDefault", "table"])
        return out
    }

    /// One column's summary as labels and formatted values (format(summary(x, digits = 12))).
    private static func summaryEntries(_ column: RValue, maxsum: Int, digits: Int, type: Int,
                                       _ interp: Interpreter) throws -> (labels: [String], values: [String]) {
        if case .vector(let f) = column, f.isFactor, case .integer(let codes) = f.storage {
            let levels = f.levels ?? []
            var counts = [Int](repeating: 0, count: levels.count)
            for c in codes where c != NAInteger && c >= 1 && c <= levels.count { counts[c - 1] += 1 }
            var entries = Array(zip(levels, counts))
            if entries.count > maxsum {
                // The most frequent levels, the rest pooled as "(Other)".
                let order = entries.indices.sorted { entries[$0].1 > entries[$1].1 || (entries[$0].1 == entries[$1].1 && $0 < $1) }
                let kept = order.prefix(maxsum - 1).map { entries[$0] }
                let other = order.dropFirst(maxsum - 1).map { entries[$0].1 }.reduce(0, +)
                entries = kept + [("(Other)", other)]
            }
            let missing = codes.filter { $0 == NAInteger }.count
            if missing > 0 { entries.append(("NA's", missing)) }
            let width = RFormat.formatInteger(entries.map(\.1))
            return (entries.map(\.0), entries.map { RFormat.encodeInteger($0.1, width: width) })
        }
        guard case .vector(let summary) = try summaryDefault(column, digits: 12, type: type) else { return ([], []) }
        let labels = (summary.names ?? []).map { $0 ?? "" }
        return (labels, summaryCells(summary, digits: digits, forPrinting: false, interp))
    }
}
