import CRmath
import Foundation

// MARK: - is.na, ifelse, any, all, which.max, which.min

extension Summaries {
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
