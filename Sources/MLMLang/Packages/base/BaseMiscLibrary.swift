import Foundation

/// Smaller pieces of base R: switch, stopifnot, identical, all.equal, typeof, with, force,
/// set operations, formulas, and mathematical helpers.
enum BaseMiscLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("switch", special: { ctx, args in try switchValue(ctx, args) })
        interp.define("stopifnot", special: { ctx, args in
            let i = ctx.interpreter
            for a in args {
                let v = try i.eval(a.value, ctx.env)
                let ok: Bool
                if case .vector(let vec) = v, let l = Coerce.logicals(vec), vec.storage.rank == 0 { ok = !l.isEmpty && l.allSatisfy { $0 == .yes } } else { ok = false }
                if !ok {
                    let message = a.name ?? (Deparser.deparse(a.value) + (isAll(v) ? " are not all TRUE" : " is not TRUE"))
                    throw RError(message, call: i.currentClosureCall, condition: i.makeCondition(message, call: i.currentClosureCall, classes: ["simpleError", "error", "condition"]))
                }
            }
            i.visible = false
            return .null
        })
        interp.define("identical", { _, args in
            guard args.count >= 2 else { throw RError("argument \"y\" is missing, with no default") }
            return .scalar(identical(args[0].value, args[1].value))
        })
        interp.define("all.equal", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["target", "current", "tolerance", "..."], args, call: ctx.call)
            return allEqual(m["target"] ?? .null, m["current"] ?? .null, tolerance: m["tolerance"]?.doubleValue ?? 1.5e-8)
        })
        interp.define("isTRUE", { _, args in
            guard case .vector(let v)? = args.first?.value, v.count == 1, case .logical(let l) = v.storage else { return .scalar(false) }
            return .scalar(l[0] == .yes)
        })
        interp.define("isFALSE", { _, args in
            guard case .vector(let v)? = args.first?.value, v.count == 1, case .logical(let l) = v.storage else { return .scalar(false) }
            return .scalar(l[0] == .no)
        })
        interp.define("xor", { _, args in
            guard args.count == 2 else { throw RError("argument \"y\" is missing, with no default") }
            let a = try ArithmeticLibrary.logic("|", args[0].value, args[1].value)
            let b = try ArithmeticLibrary.logic("&", args[0].value, args[1].value)
            guard case .vector(let av) = a, case .logical(let x) = av.storage, case .vector(let bv) = b, case .logical(let y) = bv.storage else { return a }
            return .logical(zip(x, y).map { p, q in p == .na || q == .na ? .na : Logical(p == .yes && q == .no) })
        })
        interp.define("typeof", { _, args in
            // mlmd implements R's closures (mean, paste, ...) in Swift too; report them as R does.
            if case .builtin(let b)? = args.first?.value, !rPrimitives.contains(b.name) { return .scalar("closure") }
            return .scalar(args.first?.value.typeName ?? "NULL")
        })
        interp.define("mode", { _, args in
            let t = args.first?.value.typeName ?? "NULL"
            switch t {
            case "double", "integer": return .scalar("numeric")
            case "closure", "builtin", "special": return .scalar("function")
            case "symbol": return .scalar("name")
            case "language": return .scalar("call")
            default: return .scalar(t)
            }
        })
        interp.define("is.primitive", { _, args in
            if case .builtin(let b)? = args.first?.value { return .scalar(rPrimitives.contains(b.name)) }
            return .scalar(false)
        })
        interp.define("force", { _, args in args.first?.value ?? .null })
        interp.define("match.fun", { ctx, args in try ctx.interpreter.functionArgument(args.first?.value ?? .null, env: ctx.env) })
        interp.define("...length", { ctx, _ in
            if case .dots(let d)? = ctx.env.lookupFrame("...")?.binding("...") { return .scalar(d.count) }
            throw RError("incorrect context: the current call has no '...' to look in")
        })
        interp.define("with", special: { ctx, args in
            let i = ctx.interpreter
            guard args.count >= 2 else { throw RError("argument \"expr\" is missing", call: ctx.call) }
            let data = try i.eval(args[0].value, ctx.env)
            if let classes = data.explicitClass, let m = i.lookupMethod("with.\(classes[0])", ctx.env), case .closure = m {
                return try i.callValue(m, [EvaluatedArgument(data), EvaluatedArgument(.language(Language(args[1].value)))], env: ctx.env)
            }
            let env = try EnvironmentLibrary.evaluationEnvironment(data, enclos: nil, ctx: ctx)
            return try i.eval(args[1].value, env)
        })
        interp.define("within", special: { ctx, args in
            let i = ctx.interpreter
            guard args.count >= 2, case .vector(var list) = try i.eval(args[0].value, ctx.env), case .list(var items) = list.storage else {
                throw RError("'data' must be a list", call: ctx.call)
            }
            let env = Environment(parent: ctx.env)
            var names = list.names ?? []
            for (k, n) in names.enumerated() { if let n { env.set(n, items[k]) } }
            _ = try i.eval(args[1].value, env)
            for n in env.names.reversed() where !names.contains(n) {
                if case .value(let v)? = env.binding(n) { items.append(v); names.append(n) }
            }
            for (k, n) in names.enumerated() { if let n, case .value(let v)? = env.binding(n) { items[k] = v } }
            list.storage = .list(items)
            list.names = names
            return .vector(list)
        })
        interp.define("delayedAssign", special: { ctx, args in
            let i = ctx.interpreter
            guard args.count >= 2, let name = try i.eval(args[0].value, ctx.env).stringValue else { throw RError("invalid first argument", call: ctx.call) }
            ctx.env.set(name, binding: .promise(Promise(expr: args[1].value, env: ctx.env)))
            i.visible = false
            return .null
        })
        interp.define("~", special: { ctx, _ in
            var attrs = Attributes()
            attrs["class"] = .character(["formula"])
            attrs[".Environment"] = .environment(ctx.env)
            return .language(Language(.call(ctx.call), attributes: attrs))
        })
        interp.define("Position", { ctx, args in
            guard args.count >= 2 else { return .null }
            let f = try ctx.interpreter.functionArgument(args[0].value, env: ctx.env)
            let (items, _) = ApplyLibrary.elements(args[1].value)
            for (k, item) in items.enumerated() where try ctx.interpreter.callValue(f, [EvaluatedArgument(item)], env: ctx.env).logicalValue == true {
                return .scalar(k + 1)
            }
            return .integer([NAInteger])
        })
        interp.define("Find", { ctx, args in
            guard args.count >= 2 else { return .null }
            let f = try ctx.interpreter.functionArgument(args[0].value, env: ctx.env)
            let (items, _) = ApplyLibrary.elements(args[1].value)
            for item in items where try ctx.interpreter.callValue(f, [EvaluatedArgument(item)], env: ctx.env).logicalValue == true {
                return item
            }
            return .null
        })
        for (name, op) in [("union", 0), ("intersect", 1), ("setdiff", 2)] {
            interp.define(name, { _, args in
                guard args.count == 2 else { throw RError("argument \"y\" is missing, with no default") }
                let x = try plainVector(args[0].value), y = try plainVector(args[1].value)
                let combined: RVector
                switch op {
                case 0: combined = try VectorLibrary.combine([EvaluatedArgument(.vector(x)), EvaluatedArgument(.vector(y))]).asVector ?? x
                case 1:
                    let inY = SequenceLibrary.matchPositions(.vector(x), .vector(y))
                    let keep = x.count == 0 ? [] : (0..<x.count).filter { inY[$0] != nil }
                    combined = RVector(IndexingLibrary.select(x.storage.rank >= y.storage.rank ? x.storage : Coerce.storage(x, toRank: y.storage.rank), keep.map { $0 }))
                default:
                    let inY = SequenceLibrary.matchPositions(.vector(x), .vector(y))
                    combined = RVector(IndexingLibrary.select(x.storage, (0..<x.count).filter { inY[$0] == nil }.map { $0 }))
                }
                let keep = SequenceLibrary.firstOccurrences(combined)
                return .vector(RVector(IndexingLibrary.select(combined.storage, keep.map { $0 })))
            })
        }
        interp.define("diff", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "lag", "differences"], args, call: ctx.call)
            guard case .vector(let v)? = m["x"] else { return .null }
            let lag = m["lag"]?.scalarInt() ?? 1
            if case .integer(let a) = v.storage {
                return .integer(a.count > lag ? (lag..<a.count).map { a[$0] == NAInteger || a[$0 - lag] == NAInteger ? NAInteger : a[$0] - a[$0 - lag] } : [])
            }
            let d = Coerce.doubles(v) ?? []
            return .double(d.count > lag ? (lag..<d.count).map { d[$0] - d[$0 - lag] } : [])
        })
        let unary: [(String, (Double) -> Double)] = [
            ("sin", sin), ("cos", cos), ("tan", tan), ("asin", asin), ("acos", acos), ("atan", atan),
            ("sinh", sinh), ("cosh", cosh), ("tanh", tanh), ("asinh", asinh), ("acosh", acosh), ("atanh", atanh), ("sign", { $0.isNaN ? $0 : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }), ("gamma", tgamma), ("lgamma", { lgamma($0) }),
            ("factorial", { tgamma($0 + 1) }), ("digamma", { _ in .nan }),
        ]
        for (name, f) in unary where name != "digamma" {
            interp.define(name, { ctx, args in
                guard case .vector(var v)? = args.first?.value, v.storage.rank <= 2, !v.isFactor, let d = Coerce.doubles(v) else {
                    throw RError("non-numeric argument to mathematical function")
                }
                let out = d.map { $0.isNaN ? $0 : f($0) }
                if zip(d, out).contains(where: { !$0.isNaN && $1.isNaN }) { ctx.interpreter.warning("NaNs produced", call: ctx.call) }
                v.storage = .double(name == "factorial" ? out.map { $0.rounded() == $0 ? $0 : $0 } : out)
                v.attributes["class"] = nil
                return .vector(v)
            })
        }
        interp.define("atan2", { _, args in
            guard args.count == 2, let y = args[0].value.asVector?.doubles, let x = args[1].value.asVector?.doubles, !y.isEmpty, !x.isEmpty else {
                throw RError("non-numeric argument to mathematical function")
            }
            let n = max(y.count, x.count)
            return .double((0..<n).map { atan2(y[$0 % y.count], x[$0 % x.count]) })
        })
        interp.define("choose", { _, args in
            guard args.count == 2, let n = args[0].value.asVector?.doubles, let k = args[1].value.asVector?.doubles, !n.isEmpty, !k.isEmpty else {
                throw RError("non-numeric argument to mathematical function")
            }
            return .double((0..<max(n.count, k.count)).map { i in
                let a = n[i % n.count], b = k[i % k.count].rounded()
                if b < 0 { return 0 }
                var r = 1.0
                if b > 0 { for j in 1...Int(b) { r *= (a - b + Double(j)) / Double(j) } }
                return a == a.rounded() ? r.rounded() : r
            })
        })
        for (name, op) in [("bitwAnd", 0), ("bitwOr", 1), ("bitwXor", 2)] {
            interp.define(name, { _, args in
                guard args.count == 2, let a = args[0].value.asVector.flatMap(Coerce.integers), let b = args[1].value.asVector.flatMap(Coerce.integers), !a.isEmpty, !b.isEmpty else {
                    throw RError("'a' and 'b' must have the same type")
                }
                return .integer((0..<max(a.count, b.count)).map { i in
                    let x = a[i % a.count], y = b[i % b.count]
                    if x == NAInteger || y == NAInteger { return NAInteger }
                    return op == 0 ? x & y : (op == 1 ? x | y : x ^ y)
                })
            })
        }
        for (name, test) in [("is.nan", { (x: Double) in x.isNaN && !x.isRNA }), ("is.finite", { $0.isFinite }), ("is.infinite", { $0.isInfinite })] {
            interp.define(name, { _, args in
                guard case .vector(let v)? = args.first?.value else { return .logical([]) }
                switch v.storage {
                case .double(let d): var out = RVector(.logical(d.map { Logical(test($0)) })); out.names = v.names; return .vector(out)
                case .integer(let a): return .logical(a.map { Logical(name == "is.finite" ? $0 != NAInteger : false) })
                case .logical(let a): return .logical(a.map { Logical(name == "is.finite" ? $0 != .na : false) })
                default: return .logical([Logical](repeating: .no, count: v.count))
                }
            })
        }
        interp.define("anyNA", { _, args in
            guard case .vector(let v)? = args.first?.value else { return .scalar(false) }
            return .scalar((0..<v.count).contains { v.isNA(at: $0) })
        })
        interp.define("array", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["data", "dim", "dimnames"], args, call: ctx.call)
            guard case .vector(let data)? = m["data"] else { throw RError("'data' must be of a vector type") }
            let dims = m["dim"]?.asVector.flatMap(Coerce.integers) ?? [data.count]
            // R allocates prod(dim) first, then checks each extent.
            let length = dims.reduce(1.0) { $0 * ($1 == NAInteger ? .nan : Double($1)) }
            guard !length.isNaN, length >= 0 else { throw RError("negative length vectors are not allowed") }
            guard dims.allSatisfy({ $0 >= 0 }) else { throw RError("the dims contain negative values") }
            try RLimits.check(length > Double(Int.max / 2) ? Int.max : Int(length))
            let n = dims.reduce(1, *)
            try RLimits.check(n)
            var out = RVector(IndexingLibrary.select(data.storage, (0..<n).map { data.count == 0 ? nil : $0 % data.count }))
            out.attributes["dim"] = .integer(dims)
            if let dn = m["dimnames"], !dn.isNullValue { out.attributes["dimnames"] = dn }
            return .vector(out)
        })
    }

    /// Functions that are primitives in R; the rest of R's base functions are closures there.
    static let rPrimitives: Set<String> = [
        "+", "-", "*", "/", "^", "%%", "%/%", "%*%", "==", "!=", "<", ">", "<=", ">=", "&", "|", "!", "&&", "||", ":",
        "[", "[[", "$", "@", "[<-", "[[<-", "$<-", "<-", "<<-", "=", "{", "(", "if", "for", "while", "repeat", "break",
        "next", "return", "function", "quote", "switch", "c", "length", "length<-", "names", "names<-", "attr", "attr<-",
        "attributes", "class", "class<-", "oldClass", "oldClass<-", "dim", "dim<-", "dimnames", "dimnames<-", "levels<-",
        "sum", "prod", "max", "min", "range", "abs", "sqrt", "exp", "log", "floor", "ceiling", "trunc", "round", "signif",
        "cumsum", "cumprod", "cummax", "cummin", "is.na", "is.null", "is.numeric", "is.character", "is.logical", "is.list",
        "is.function", "is.double", "is.integer", "is.nan", "is.finite", "is.infinite", "is.symbol", "is.name",
        "is.environment", "is.call", "as.numeric", "as.integer", "as.character", "as.double", "as.logical", "as.call",
        "unclass", "invisible", "missing", "on.exit", "nargs", "seq_len", "seq_along", "rep", "list", "standardGeneric",
        "UseMethod", "xtfrm", "any", "all", "sin", "cos", "tan", "gamma", "lgamma", "log2", "log10", "log1p", "expm1",
        "environment<-", "interactive", "nchar", "...length", "forceAndCall", "baseenv", "emptyenv", "globalenv", "~",
    ]

    private static func isAll(_ v: RValue) -> Bool { v.length > 1 }

    private static func plainVector(_ v: RValue) throws -> RVector {
        switch v {
        case .null: return RVector(.logical([]))
        case .vector(let x): return x.isFactor ? RVector(.character(Coerce.strings(x))) : RVector(x.storage)
        default: throw RError("invalid argument")
        }
    }

    /// switch(EXPR, ...): by name for strings (empty alternatives fall through), by position for numbers.
    static func switchValue(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let i = ctx.interpreter
        guard let first = args.first else { throw RError("'EXPR' is missing", call: ctx.call) }
        let selector = try i.eval(first.value, ctx.env)
        let alternatives = Array(args.dropFirst())
        guard case .vector(let sv) = selector, sv.count == 1 else { throw RError("EXPR must be a length 1 vector", call: ctx.call) }
        if case .character(let s) = sv.storage {
            let defaults = alternatives.filter { $0.name == nil }
            if defaults.count > 1 {
                throw RError("duplicate 'switch' defaults: '\(Deparser.deparse(defaults[0].value))' and '\(Deparser.deparse(defaults[1].value))'", call: nil)
            }
            if let key = s[0], let k = alternatives.firstIndex(where: { $0.name == key }) {
                for alt in alternatives[k...] {
                    if case .missingArgument = alt.value { continue }
                    return try i.eval(alt.value, ctx.env)
                }
            }
            if let d = defaults.first { return try i.eval(d.value, ctx.env) }
            i.visible = false
            return .null
        }
        guard let k = selector.scalarInt(), k >= 1, k <= alternatives.count else {
            i.visible = false
            return .null
        }
        return try i.eval(alternatives[k - 1].value, ctx.env)
    }

    static func identical(_ a: RValue, _ b: RValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.environment(let x), .environment(let y)): return x === y
        case (.closure(let x), .closure(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x.name == y.name
        case (.language(let x), .language(let y)): return Deparser.deparse(x.expr) == Deparser.deparse(y.expr)
        case (.vector(let x), .vector(let y)):
            guard x.storage.typeName == y.storage.typeName, x.count == y.count else { return false }
            guard x.attributes.entries.count == y.attributes.entries.count else { return false }
            for (name, value) in x.attributes.entries {
                guard let other = y.attributes[name], identical(value, other) else { return false }
            }
            switch (x.storage, y.storage) {
            case (.double(let p), .double(let q)): return zip(p, q).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN && $0.isRNA == $1.isRNA) }
            case (.integer(let p), .integer(let q)): return p == q
            case (.logical(let p), .logical(let q)): return p == q
            case (.character(let p), .character(let q)): return p == q
            case (.list(let p), .list(let q)): return zip(p, q).allSatisfy { identical($0, $1) }
            default: return false
            }
        default: return false
        }
    }

    /// all.equal: TRUE, or R's description of the difference.
    static func allEqual(_ target: RValue, _ current: RValue, tolerance: Double) -> RValue {
        guard case .vector(let t) = target, case .vector(let c) = current else {
            return identical(target, current) ? .scalar(true) : .scalar("target, current do not match when deparsed")
        }
        var messages: [String] = []
        if case .character(let ts) = t.storage {
            guard case .character(let cs) = c.storage else { return .scalar("Modes: character, \(c.storage.typeName == "double" ? "numeric" : c.storage.typeName)") }
            let mismatches = zip(ts, cs).filter { $0 != $1 }.count
            if mismatches > 0 { messages.append("\(mismatches) string mismatch\(mismatches > 1 ? "es" : "")") }
        } else if t.storage.rank <= 2 && c.storage.rank <= 2 {
            if t.names != c.names && (t.names != nil || c.names != nil) { messages.append("names for target but not for current") }
            if t.count != c.count { messages.append("Lengths (\(t.count), \(c.count)) differ") }
            else {
                let x = Coerce.doubles(t) ?? [], y = Coerce.doubles(c) ?? []
                // Like R (countEQ = FALSE), elements that are equal do not dilute the difference.
                let pairs = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN && $0.0 != $0.1 }
                let xy = pairs.map { abs($0.0 - $0.1) }.reduce(0, +) / Double(max(pairs.count, 1))
                let xn = pairs.map { abs($0.0) }.reduce(0, +) / Double(max(pairs.count, 1))
                if xy > 0 {
                    let relative = xn.isFinite && xn > tolerance
                    let diff = relative ? xy / xn : xy
                    if diff > tolerance {
                        messages.append("Mean \(relative ? "relative" : "absolute") difference: \(RFormat.significant(diff, digits: 7))")
                    }
                }
            }
        } else if !identical(target, current) {
            messages.append("target, current do not match")
        }
        return messages.isEmpty ? .scalar(true) : .character(messages)
    }
}
