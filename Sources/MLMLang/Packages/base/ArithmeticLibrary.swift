import Foundation

/// Vectorised arithmetic, comparison and logic with R's recycling, NA and attribute rules.
enum ArithmeticLibrary {
    static func install(_ interp: Interpreter) {
        for op in ["+", "-", "*", "/", "^", "%%", "%/%"] {
            interp.define(op, { ctx, args in
                if args.count == 1 {
                    if args[0].value.asVector?.isFactor == true {
                        // Ops.factor: arithmetic on a factor warns and gives NA.
                        let opsCall = Call(.symbol("Ops.factor"), ctx.call.arguments, location: ctx.call.location)
                        ctx.interpreter.warning("\(Quotes.single(op)) not meaningful for factors", call: opsCall)
                        return .double([Double](repeating: NAReal, count: args[0].value.length))
                    }
                    return try unary(op, args[0].value)
                }
                guard args.count == 2 else {
                    throw RError("operator needs one or two arguments")
                }
                return try arithmetic(op, args[0].value, args[1].value, ctx)
            }, binary: { x, y, ctx in try arithmetic(op, x, y, ctx) })
        }
        for op in ["==", "!=", "<", ">", "<=", ">="] {
            let comparison: (RValue, RValue, CallContext) throws -> RValue = { x, y, ctx in
                if x.asVector?.isFactor == true || y.asVector?.isFactor == true {
                    return try factorCompare(op, x, y, ctx)
                }
                return try compare(op, x, y)
            }
            interp.define(op, { ctx, args in
                guard args.count == 2 else { throw RError("operator needs two arguments") }
                return try comparison(args[0].value, args[1].value, ctx)
            }, binary: comparison)
        }
        for op in ["&", "|"] {
            interp.define(op, { _, args in
                guard args.count == 2 else { throw RError("operator needs two arguments") }
                return try logic(op, args[0].value, args[1].value)
            })
        }
        interp.define("!", { _, args in
            guard args.count == 1, case .vector(let v) = args[0].value, let l = Coerce.logicals(v), !isText(v) else {
                throw RError("invalid argument type")
            }
            var out = RVector(.logical(l.map { $0 == .na ? .na : Logical($0 == .no) }))
            out.names = v.names
            return .vector(out)
        })
        interp.define("&&", special: { ctx, args in try shortCircuit(ctx, args, and: true) })
        interp.define("||", special: { ctx, args in try shortCircuit(ctx, args, and: false) })
    }

    private static func isText(_ v: RVector) -> Bool {
        if case .character = v.storage { return true }
        return false
    }

    private static func numericVector(_ v: RValue) throws -> RVector {
        switch v {
        case .null: return RVector(.double([]))
        case .vector(let vec):
            switch vec.storage {
            case .character, .list: throw RError("non-numeric argument to binary operator")
            default:
                if vec.isFactor { throw RError("non-numeric argument to binary operator") }
                return vec
            }
        default: throw RError("non-numeric argument to binary operator")
        }
    }

    static func unary(_ op: String, _ x: RValue) throws -> RValue {
        guard case .vector(let v) = x else { throw RError("invalid argument to unary operator") }
        switch v.storage {
        case .character, .list: throw RError("invalid argument to unary operator")
        default: break
        }
        var out = v
        switch (op, v.storage) {
        case ("+", .logical(let a)): out.storage = .integer(a.map { $0 == .na ? NAInteger : Int($0.rawValue) })
        case ("+", _): break
        case ("-", .logical(let a)): out.storage = .integer(a.map { $0 == .na ? NAInteger : -Int($0.rawValue) })
        case ("-", .integer(let a)): out.storage = .integer(a.map { $0 == NAInteger ? NAInteger : -$0 })
        case ("-", .double(let a)): out.storage = .double(a.map { -$0 })
        default: throw RError("invalid unary operator")
        }
        return .vector(out)
    }

    /// Attributes of the result of a binary operation: those of the longer operand, the first's
    /// winning when both are the same length.
    static func resultAttributes(_ a: RVector, _ b: RVector, count: Int) -> Attributes {
        var attrs = Attributes()
        let sources = a.count == count && b.count == count ? [b, a] : (a.count == count ? [a] : [b])
        for s in sources {
            for (name, value) in s.attributes.entries where name != "class" || !s.isFactor { attrs[name] = value }
        }
        return attrs
    }

    static func recycleWarning(_ na: Int, _ nb: Int, _ ctx: CallContext) {
        if na > 0 && nb > 0 && max(na, nb) % min(na, nb) != 0 {
            ctx.interpreter.warning("longer object length is not a multiple of shorter object length", call: ctx.call)
        }
    }

    /// Plain double scalars, the common case in loops, skip the vector machinery.
    @inline(__always)
    static func scalarDoubles(_ x: RValue, _ y: RValue) -> (Double, Double)? {
        guard case .vector(let a) = x, case .vector(let b) = y, a.attributes.isEmpty, b.attributes.isEmpty else { return nil }
        let u: Double, v: Double
        switch a.storage {
        case .double(let d) where d.count == 1: u = d[0]
        case .integer(let i) where i.count == 1 && i[0] != NAInteger: u = Double(i[0])
        default: return nil
        }
        switch b.storage {
        case .double(let d) where d.count == 1: v = d[0]
        case .integer(let i) where i.count == 1 && i[0] != NAInteger: v = Double(i[0])
        default: return nil
        }
        // Integer-only arithmetic keeps integer type; leave it to the general path.
        if case .integer = a.storage, case .integer = b.storage { return nil }
        return (u, v)
    }

    static func arithmetic(_ op: String, _ x: RValue, _ y: RValue, _ ctx: CallContext) throws -> RValue {
        if let (u, v) = scalarDoubles(x, y) {
            switch op {
            case "+": return .double([u + v])
            case "-": return .double([u - v])
            case "*": return .double([u * v])
            case "/": return .double([u / v])
            case "^": return .double([rPow(u, v)])
            default: break
            }
        }
        let a = try numericVector(x), b = try numericVector(y)
        let na = a.count, nb = b.count
        let n = (na == 0 || nb == 0) ? 0 : max(na, nb)
        recycleWarning(na, nb, ctx)
        let attrs = resultAttributes(a, b, count: n)
        let bothIntegral = a.storage.rank <= 1 && b.storage.rank <= 1
        if bothIntegral && ["+", "-", "*", "%%", "%/%"].contains(op) {
            let ia = Coerce.integers(a) ?? [], ib = Coerce.integers(b) ?? []
            var out = [Int](repeating: 0, count: n)
            var overflow = false
            for i in 0..<n {
                let u = ia[i % na], v = ib[i % nb]
                if u == NAInteger || v == NAInteger { out[i] = NAInteger; continue }
                let r: Int
                switch op {
                case "+": r = u + v
                case "-": r = u - v
                case "*": r = u * v
                case "%%": r = v == 0 ? NAInteger : ((u % v) + v) % v
                default: r = v == 0 ? NAInteger : Int((Double(u) / Double(v)).rounded(.down))
                }
                if r != NAInteger && abs(r) > Int(Int32.max) { overflow = true; out[i] = NAInteger } else { out[i] = r }
            }
            if overflow { ctx.interpreter.warning("NAs produced by integer overflow", call: ctx.call) }
            return .vector(RVector(.integer(out), attributes: attrs))
        }
        let da = Coerce.doubles(a) ?? [], db = Coerce.doubles(b) ?? []
        var out = [Double](repeating: 0, count: n)
        switch op {
        case "+": for i in 0..<n { out[i] = da[i % na] + db[i % nb] }
        case "-": for i in 0..<n { out[i] = da[i % na] - db[i % nb] }
        case "*": for i in 0..<n { out[i] = da[i % na] * db[i % nb] }
        case "/": for i in 0..<n { out[i] = da[i % na] / db[i % nb] }
        case "^": for i in 0..<n { out[i] = rPow(da[i % na], db[i % nb]) }
        case "%%": for i in 0..<n { out[i] = rMod(da[i % na], db[i % nb]) }
        default: for i in 0..<n { out[i] = (da[i % na] / db[i % nb]).rounded(.down) }
        }
        return .vector(RVector(.double(out), attributes: attrs))
    }

    /// R's `^`: 1^y and x^0 are 1 even for NA.
    static func rPow(_ x: Double, _ y: Double) -> Double {
        if x == 1 || y == 0 { return 1 }
        if x.isNaN || y.isNaN { return x.isRNA || y.isRNA ? NAReal : .nan }
        return pow(x, y)
    }

    static func rMod(_ x: Double, _ y: Double) -> Double {
        if y == 0 { return .nan }
        let r = fmod(x, y)
        return (r != 0 && (r < 0) != (y < 0)) ? r + y : r
    }

    static func compare(_ op: String, _ x: RValue, _ y: RValue) throws -> RValue {
        guard case .vector(var a) = x.isNullValue ? .logical([]) : x,
              case .vector(var b) = y.isNullValue ? .logical([]) : y else {
            throw RError("comparison (\(op)) is possible only for atomic and list types")
        }
        if a.isFactor { a = RVector(.character(Coerce.strings(a)), attributes: Attributes()) }
        if b.isFactor { b = RVector(.character(Coerce.strings(b)), attributes: Attributes()) }
        let na = a.count, nb = b.count
        let n = (na == 0 || nb == 0) ? 0 : max(na, nb)
        var out = [Logical](repeating: .na, count: n)
        if a.storage.rank == 3 || b.storage.rank == 3 {
            let sa = Coerce.strings(a), sb = Coerce.strings(b)
            for i in 0..<n {
                guard let u = sa[i % na], let v = sb[i % nb] else { continue }
                out[i] = Logical(compareValues(op, Collation.compare(u, v)))
            }
        } else {
            guard let da = Coerce.doubles(a), let db = Coerce.doubles(b) else {
                throw RError("comparison (\(op)) is possible only for atomic and list types")
            }
            for i in 0..<n {
                let u = da[i % na], v = db[i % nb]
                if u.isNaN || v.isNaN { continue }
                out[i] = Logical(compareValues(op, u < v ? -1 : (u > v ? 1 : 0)))
            }
        }
        var attrs = resultAttributes(a, b, count: n)
        attrs["class"] = nil
        attrs["levels"] = nil
        return .vector(RVector(.logical(out), attributes: attrs))
    }

    /// Comparisons with factors: ordered factors compare by level position; for unordered
    /// factors only == and != are meaningful.
    static func factorCompare(_ op: String, _ x: RValue, _ y: RValue, _ ctx: CallContext) throws -> RValue {
        let fx = x.asVector, fy = y.asVector
        let ordered = [fx, fy].contains { $0?.classes?.contains("ordered") == true }
        if op == "==" || op == "!=" || !ordered {
            if op != "==" && op != "!=" {
                let opsCall = Call(.symbol("Ops.factor"), ctx.call.arguments, location: ctx.call.location)
                ctx.interpreter.warning("\(Quotes.single(op)) not meaningful for factors", call: opsCall)
                return .logical([Logical](repeating: .na, count: max(x.length, y.length)))
            }
            return try compare(op, x, y)
        }
        guard let levels = (fx?.isFactor == true ? fx : fy)?.levels else { return try compare(op, x, y) }
        func positions(_ v: RValue) -> RValue {
            guard case .vector(let vec) = v else { return v }
            if vec.isFactor { return .integer(Coerce.integers(RVector(vec.storage)) ?? []) }
            return .integer(Coerce.strings(vec).map { s in s.flatMap { levels.firstIndex(of: $0) }.map { $0 + 1 } ?? NAInteger })
        }
        return try compare(op, positions(x), positions(y))
    }

    private static func compareValues(_ op: String, _ c: Int) -> Bool {
        switch op {
        case "==": return c == 0
        case "!=": return c != 0
        case "<": return c < 0
        case ">": return c > 0
        case "<=": return c <= 0
        default: return c >= 0
        }
    }

    static func logic(_ op: String, _ x: RValue, _ y: RValue) throws -> RValue {
        guard case .vector(let a) = x.isNullValue ? .logical([]) : x, case .vector(let b) = y.isNullValue ? .logical([]) : y,
              !isText(a), !isText(b), let la = Coerce.logicals(a), let lb = Coerce.logicals(b) else {
            throw RError("operations are possible only for numeric, logical or complex types")
        }
        let na = la.count, nb = lb.count
        let n = (na == 0 || nb == 0) ? 0 : max(na, nb)
        var out = [Logical](repeating: .na, count: n)
        for i in 0..<n {
            let u = la[i % na], v = lb[i % nb]
            if op == "&" {
                out[i] = (u == .no || v == .no) ? .no : ((u == .na || v == .na) ? .na : .yes)
            } else {
                out[i] = (u == .yes || v == .yes) ? .yes : ((u == .na || v == .na) ? .na : .no)
            }
        }
        return .vector(RVector(.logical(out), attributes: resultAttributes(a, b, count: n)))
    }

    static func shortCircuit(_ ctx: CallContext, _ args: [Argument], and: Bool) throws -> RValue {
        let name = and ? "&&" : "||"
        func operand(_ e: Expr, _ which: String) throws -> Logical {
            let v = try ctx.interpreter.eval(e, ctx.env)
            guard case .vector(let vec) = v, !isText(vec), let l = Coerce.logicals(vec) else {
                throw RError("invalid '\(which)' type in 'x \(name) y'", call: ctx.call)
            }
            if l.isEmpty { throw RError("invalid '\(which)' type in 'x \(name) y'", call: ctx.call) }
            if l.count > 1 { ctx.interpreter.warning("'length(\(which)) = \(l.count) > 1' in coercion to 'logical(1)'", call: ctx.call) }
            return l[0]
        }
        let a = try operand(args[0].value, "x")
        if and && a == .no { return .scalar(false) }
        if !and && a == .yes { return .scalar(true) }
        let b = try operand(args[1].value, "y")
        if and { return .logical([b == .no ? .no : (a == .na || b == .na ? .na : .yes)]) }
        return .logical([b == .yes ? .yes : (a == .na || b == .na ? .na : .no)])
    }
}

extension RValue {
    var isNullValue: Bool {
        if case .null = self { return true }
        return false
    }
}

/// String ordering as R uses it in an English UTF-8 locale: case-insensitive first, lower
/// case before upper case on ties.
enum Collation {
    static func compare(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        let la = a.lowercased(), lb = b.lowercased()
        if la != lb { return la < lb ? -1 : 1 }
        return a > b ? -1 : 1
    }
}
