import Foundation

/// Building, measuring and summarising vectors.
enum VectorLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("c", { _, args in try combine(args) })
        interp.define("list", { _, args in
            let names = args.map { $0.name ?? "" }
            return .list(args.map(\.value), names: names.allSatisfy(\.isEmpty) ? nil : names)
        })
        interp.define("length", { _, args in
            guard args.count == 1 else { throw RError("\(args.count) arguments passed to 'length' which requires 1") }
            return .scalar(args[0].value.length)
        })
        interp.define(":", { _, args in
            guard args.count == 2 else { throw RError("operator needs two arguments") }
            return try colon(args[0].value, args[1].value)
        })
        interp.define("seq_len", { _, args in
            guard let n = args.first?.value.scalarDouble(), n >= 0, !n.isNaN else {
                throw RError("argument of length 0")
            }
            try RLimits.check(n.saturatingInt)
            return .integer(Array(stride(from: 1, through: n.saturatingInt, by: 1)))
        })
        interp.define("names", { _, args in
            guard case .vector(let v)? = args.first?.value else {
                if case .environment(let e)? = args.first?.value { return .character(e.names.sorted()) }
                // A call: "" for the function and each unnamed argument; NULL when none is named.
                if case .language(let l)? = args.first?.value, case .call(let c) = l.expr, c.arguments.contains(where: { $0.name != nil }) {
                    return .character([""] + c.arguments.map { $0.name ?? "" })
                }
                return .null
            }
            if let n = v.names { return .character(n) }
            // A one-dimensional array is named by its dimnames.
            if v.dim?.count == 1, case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage { return items.first ?? .null }
            return .null
        })
        interp.define("names<-", { _, args in
            guard case .vector(var v) = args[0].value else { return args[0].value }
            let value = args.last?.value ?? .null
            if case .vector(let nv) = value {
                var n = Coerce.strings(nv)
                if n.count < v.count { n += [String?](repeating: nil, count: v.count - n.count) }
                v.names = Array(n.prefix(v.count))
            } else {
                v.names = nil
            }
            return .vector(v)
        })
        interp.define("sum", { _, args in try summary(args, op: "sum") })
        interp.define("mean", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "trim", "na.rm", "..."], args, call: ctx.call)
            guard case .vector(let v)? = m["x"], v.storage.rank <= 2, !v.isFactor, let d = Coerce.doubles(v) else {
                let defaultCall = Call(.symbol("mean.default"), ctx.call.arguments, location: ctx.call.location)
                ctx.interpreter.warning("argument is not numeric or logical: returning NA", call: defaultCall)
                return .double([NAReal])
            }
            let naRm = m["na.rm"]?.logicalValue ?? false
            var xs = naRm ? d.filter { !$0.isNaN } : d
            if !naRm && xs.contains(where: { $0.isNaN }) { return .double([xs.contains(where: { $0.isRNA }) ? NAReal : .nan]) }
            let trim = m["trim"]?.doubleValue ?? 0
            if trim > 0 && !xs.isEmpty {
                // R drops floor(n * trim) values from each end (the median when trim >= 0.5).
                let n = xs.count
                if trim >= 0.5 { xs.sort(); return .scalar(n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2) }
                let lo = Int((Double(n) * trim).rounded(.down))
                xs = Array(xs.sorted()[lo..<(n - lo)])
            }
            return .scalar(Statistics.mean(xs))
        })
        interp.define("rep", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "times", "length.out", "each"], args, call: ctx.call)
            guard case .vector(let v)? = m["x"] else { return m["x"] ?? .null }
            return .vector(try repeatVector(v, times: m["times"], lengthOut: m["length.out"]?.scalarInt(),
                                            each: m["each"]?.scalarInt() ?? 1))
        })
        interp.define("paste", { _, args in try paste(args, defaultSeparator: " ") })
        interp.define("paste0", { _, args in try paste(args, defaultSeparator: "") })
    }

    /// `rep(x, times, length.out, each)`: each element `each` times, then the whole `times`
    /// times (or element-wise counts), cut or extended to `length.out`.
    static func repeatVector(_ v: RVector, times: RValue?, lengthOut: Int?, each: Int) throws -> RVector {
        try RLimits.check(RLimits.product(v.count, max(each, 0)))
        if let lengthOut { try RLimits.check(lengthOut) }
        if case .vector(let tv)? = times, let t = Coerce.integers(tv), t.count == 1 {
            try RLimits.check(RLimits.product(RLimits.product(v.count, max(each, 0)), max(t[0], 0)))
        }
        var idx: [Int] = []
        for i in 0..<v.count { idx += [Int](repeating: i, count: max(each, 0)) }
        if let lengthOut {
            guard !idx.isEmpty else { return RVector(IndexingLibrary.select(v.storage, [])) }
            idx = (0..<max(lengthOut, 0)).map { idx[$0 % idx.count] }
        } else if case .vector(let tv)? = times, let t = Coerce.integers(tv) {
            if t.count == 1 {
                guard t[0] >= 0, t[0] != NAInteger else { throw RError("invalid 'times' argument") }
                idx = Array([[Int]](repeating: idx, count: t[0]).joined())
            } else {
                guard t.count == idx.count else { throw RError("invalid 'times' argument") }
                idx = zip(idx, t).flatMap { [Int](repeating: $0, count: max($1, 0)) }
            }
        }
        var out = RVector(IndexingLibrary.select(v.storage, idx.map { Optional($0) }))
        if let names = v.names { out.names = idx.map { names[$0] } }
        if v.isFactor {
            out.attributes["levels"] = v.attributes["levels"]
            out.attributes["class"] = v.attributes["class"]
        }
        return out
    }

    static func combine(_ args: [EvaluatedArgument]) throws -> RValue {
        let present = args.filter { !$0.value.isNullValue }
        if !present.isEmpty, present.allSatisfy({ $0.value.asVector?.isFactor == true }) {
            var levels: [String] = []
            for a in present { for l in a.value.asVector?.levels ?? [] where !levels.contains(l) { levels.append(l) } }
            let labels = present.flatMap { Coerce.strings($0.value.asVector ?? RVector(.character([]))) }
            return try FactorLibrary.makeFactor(.character(labels), levels: .character(levels), labels: nil, excludeNA: true, ordered: false)
        }
        var rank = -1
        var anyNames = false
        for a in args {
            switch a.value {
            case .null: continue
            case .vector(let v):
                rank = max(rank, v.isFactor ? 1 : v.storage.rank)
                if v.names != nil || (a.name != nil && !(a.name?.isEmpty ?? true)) { anyNames = true }
            default:
                rank = 4
                if a.name != nil { anyNames = true }
            }
        }
        if rank < 0 { return .null }
        var names: [String?] = []
        var parts: [RVector] = []
        for a in args {
            switch a.value {
            case .null: continue
            case .vector(let v):
                let plain = v.isFactor && rank < 3 ? RVector(v.storage) : v
                parts.append(plain)
                if anyNames {
                    let inner = v.names
                    for i in 0..<v.count {
                        let own = inner?[i] ?? ""
                        if let outer = a.name, !outer.isEmpty {
                            names.append(v.count == 1 ? (own.isEmpty ? outer : "\(outer).\(own)") : (own.isEmpty ? "\(outer)\(i + 1)" : "\(outer).\(own)"))
                        } else {
                            names.append(own)
                        }
                    }
                }
            default:
                parts.append(RVector(.list([a.value])))
                if anyNames { names.append(a.name ?? "") }
            }
        }
        var storage: Storage
        switch rank {
        case 0: storage = .logical(parts.flatMap { Coerce.logicals($0) ?? [] })
        case 1: storage = .integer(parts.flatMap { Coerce.integers($0) ?? [] })
        case 2: storage = .double(parts.flatMap { Coerce.doubles($0) ?? [] })
        case 3: storage = .character(parts.flatMap { Coerce.strings($0) })
        default: storage = .list(parts.flatMap { Coerce.listItems($0) })
        }
        var out = RVector(storage)
        if anyNames { out.names = names }
        return .vector(out)
    }

    static func colon(_ from: RValue, _ to: RValue) throws -> RValue {
        guard let a = from.scalarDouble(), let b = to.scalarDouble() else { throw RError("argument of length 0") }
        if a.isNaN || b.isNaN { throw RError("NA/NaN argument") }
        // An infinite end (Inf:Inf too, whose span is NaN) is R's too-long error, not a count.
        guard a.isFinite, b.isFinite else {
            throw RError((b - a).isNaN ? "negative length vectors are not allowed" : "result would be too long a vector")
        }
        let n = (abs(b - a) + 1e-10).rounded(.down).saturatingInt + 1
        try RLimits.check(n)
        let step: Double = a <= b ? 1 : -1
        if a == a.rounded(), abs(a) <= Double(Int32.max), abs(a + step * Double(n - 1)) <= Double(Int32.max) {
            let start = Int(a), s = Int(step)
            return .integer((0..<n).map { start + s * $0 })
        }
        return .double((0..<n).map { a + step * Double($0) })
    }

    static func summary(_ args: [EvaluatedArgument], op: String) throws -> RValue {
        let naRm = args.first(where: { $0.name == "na.rm" })?.value.scalarLogical() == .yes
        var allIntegral = true
        var total = 0.0
        for a in args where a.name != "na.rm" {
            guard case .vector(let v) = a.value.isNullValue ? .logical([]) : a.value, v.storage.rank <= 2, !v.isFactor,
                  let d = Coerce.doubles(v) else {
                throw RError("invalid 'type' (\(a.value.typeName)) of argument")
            }
            if v.storage.rank == 2 { allIntegral = false }
            for x in d where !(naRm && x.isNaN) { total += x }
        }
        if allIntegral {
            if total.isNaN { return .integer([NAInteger]) }
            return .scalar(Int(total))
        }
        return .scalar(total)
    }

    static func paste(_ args: [EvaluatedArgument], defaultSeparator: String) throws -> RValue {
        var sep = defaultSeparator
        var collapse: String?
        var pieces: [[String]] = []
        for a in args {
            if a.name == "sep" { sep = a.value.scalarString() ?? sep; continue }
            if a.name == "collapse" { collapse = a.value.isNullValue ? nil : a.value.scalarString(); continue }
            switch a.value {
            case .null: pieces.append([])
            case .vector(let v): pieces.append(Coerce.strings(v).map { $0 ?? "NA" })
            default: pieces.append([Deparser.deparseValue(a.value)])
            }
        }
        let n = pieces.map(\.count).max() ?? 0
        // Zero-length arguments are recycled as "" (R without recycle0).
        pieces = pieces.map { $0.isEmpty ? [""] : $0 }
        var out: [String] = []
        for i in 0..<n { out.append(pieces.map { $0[i % $0.count] }.joined(separator: sep)) }
        if let collapse {
            // R builds the result in one buffer of at most 2^31 - 1 bytes.
            let total = out.reduce(0) { $0 + $1.utf8.count } + max(out.count - 1, 0) * collapse.utf8.count
            if total > RLimits.maxStringBytes { throw RError("result would exceed 2^31-1 bytes") }
            return .scalar(out.joined(separator: collapse))
        }
        return .character(out)
    }
}

/// Numerically careful summaries shared by the builtins.
enum Statistics {
    /// R's mean: a long-double sum, then one refinement pass.
    static func mean(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        var s: Float80 = 0
        for x in xs { s += Float80(x) }
        let n = Float80(xs.count)
        var m = s / n
        if m.isFinite {
            var t: Float80 = 0
            for x in xs { t += Float80(x) - m }
            m += t / n
        }
        return Double(m)
    }
}
