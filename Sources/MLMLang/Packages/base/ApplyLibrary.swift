/// The apply family and friends: lapply, sapply, vapply, mapply, Map, apply, do.call,
/// Reduce, Filter, outer, split, unlist.
enum ApplyLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("lapply", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["X", "FUN", "..."], args, call: ctx.call)
            let (items, names) = elements(m["X"] ?? .null)
            let f = try ctx.interpreter.functionArgument(m["FUN"] ?? .null, env: ctx.env)
            let results = try items.map { try ctx.interpreter.callValue(f, [EvaluatedArgument($0)] + rest, env: ctx.env, call: funCall) }
            return .list(results, names: names)
        })
        interp.define("sapply", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["X", "FUN", "...", "simplify", "USE.NAMES"], args, call: ctx.call)
            let x = m["X"] ?? .null
            var (items, names) = elements(x)
            let f = try ctx.interpreter.functionArgument(m["FUN"] ?? .null, env: ctx.env)
            let results = try items.map { try ctx.interpreter.callValue(f, [EvaluatedArgument($0)] + rest, env: ctx.env, call: funCall) }
            let useNames = m["USE.NAMES"]?.logicalValue ?? true
            if useNames, names == nil, case .vector(let xv) = x, case .character(let s) = xv.storage { names = s }
            if !useNames { names = nil }
            if m["simplify"]?.logicalValue == false { return .list(results, names: names) }
            return simplify(results, names: names)
        })
        interp.define("vapply", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["X", "FUN", "FUN.VALUE", "...", "USE.NAMES"], args, call: ctx.call)
            let x = m["X"] ?? .null
            var (items, names) = elements(x)
            let f = try ctx.interpreter.functionArgument(m["FUN"] ?? .null, env: ctx.env)
            guard case .vector(let template)? = m["FUN.VALUE"] else { throw RError("'FUN.VALUE' must be a vector") }
            var results: [RValue] = []
            for (k, item) in items.enumerated() {
                let r = try ctx.interpreter.callValue(f, [EvaluatedArgument(item)] + rest, env: ctx.env, call: funCall)
                guard r.length == template.count else {
                    throw RError("values must be length \(template.count),\n but FUN(X[[\(k + 1)]]) result is length \(r.length)")
                }
                if case .vector(let rv) = r, rv.storage.rank != template.storage.rank, !(rv.storage.rank < template.storage.rank && template.storage.rank <= 2) {
                    throw RError("values must be type '\(template.storage.typeName)',\n but FUN(X[[\(k + 1)]]) result is type '\(rv.storage.typeName)'")
                }
                results.append(r)
            }
            if m["USE.NAMES"]?.logicalValue ?? true, names == nil, case .vector(let xv) = x, case .character(let s) = xv.storage { names = s }
            if results.isEmpty { return .vector(RVector(template.storage.emptyOfSameType)) }
            let simplified = simplify(results, names: names, template: template)
            return simplified
        })
        interp.define("mapply", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["FUN", "...", "MoreArgs", "SIMPLIFY", "USE.NAMES"], args, call: ctx.call)
            let f = try ctx.interpreter.functionArgument(m["FUN"] ?? .null, env: ctx.env)
            let (results, names) = try mapply(f, rest, moreArgs: m["MoreArgs"], ctx: ctx)
            if m["SIMPLIFY"]?.logicalValue == false { return .list(results, names: names) }
            return simplify(results, names: names)
        })
        interp.define("Map", { ctx, args in
            guard let first = args.first else { throw RError("argument \"f\" is missing, with no default") }
            let f = try ctx.interpreter.functionArgument(first.value, env: ctx.env)
            let (results, names) = try mapply(f, Array(args.dropFirst()), moreArgs: nil, ctx: ctx)
            return .list(results, names: names)
        })
        interp.define("do.call", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["what", "args", "quote", "envir"], args, call: ctx.call)
            let f = try ctx.interpreter.functionArgument(m["what"] ?? .null, env: ctx.env)
            let (items, names) = elements(m["args"] ?? .list([]))
            let callArgs = items.enumerated().map { EvaluatedArgument(name: names?[$0.offset].flatMap { $0.isEmpty ? nil : $0 }, $0.element) }
            var fnExpr: Expr = .constant(f)
            if let n = m["what"]?.stringValue, case .vector(let wv)? = m["what"], case .character = wv.storage { fnExpr = .symbol(n) }
            let call = Call(fnExpr, callArgs.map { Argument(name: $0.name, .constant($0.value)) }, location: ctx.call.location)
            return try ctx.interpreter.callValue(f, callArgs, env: ctx.env, call: call)
        })
        interp.define("Reduce", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["f", "x", "init", "right", "accumulate"], args, call: ctx.call)
            let f = try ctx.interpreter.functionArgument(m["f"] ?? .null, env: ctx.env)
            var (items, _) = elements(m["x"] ?? .null)
            if m["right"]?.logicalValue == true { items.reverse() }
            var acc: RValue
            if let initial = m["init"] { acc = initial } else if !items.isEmpty { acc = items.removeFirst() } else { return .null }
            var steps = [acc]
            for item in items {
                let pair = m["right"]?.logicalValue == true ? [item, acc] : [acc, item]
                acc = try ctx.interpreter.callValue(f, pair.map { EvaluatedArgument($0) }, env: ctx.env)
                steps.append(acc)
            }
            if m["accumulate"]?.logicalValue == true { return simplify(steps, names: nil) }
            return acc
        })
        interp.define("Filter", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["f", "x"], args, call: ctx.call)
            let f = try ctx.interpreter.functionArgument(m["f"] ?? .null, env: ctx.env)
            let x = m["x"] ?? .null
            let (items, _) = elements(x)
            var keep: [Int] = []
            for (k, item) in items.enumerated() where try ctx.interpreter.callValue(f, [EvaluatedArgument(item)], env: ctx.env).logicalValue == true {
                keep.append(k + 1)
            }
            return try IndexingLibrary.subset(x, [.integer(keep)], call: ctx.call)
        })
        interp.define("apply", { ctx, args in try ArrayApply.apply(ctx, args) })
        interp.define("outer", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["X", "Y", "FUN", "..."], args, call: ctx.call)
            guard case .vector(let x)? = m["X"], case .vector(let y)? = m["Y"] else { throw RError("invalid arguments") }
            let f = try ctx.interpreter.functionArgument(m["FUN"] ?? .scalar("*"), env: ctx.env)
            let xi: [Int?] = (0..<(x.count * y.count)).map { $0 % x.count }
            let yi: [Int?] = (0..<(x.count * y.count)).map { $0 / x.count }
            let xs = RVector(IndexingLibrary.select(x.storage, xi)), ys = RVector(IndexingLibrary.select(y.storage, yi))
            guard case .vector(var out) = try ctx.interpreter.callValue(f, [EvaluatedArgument(.vector(xs)), EvaluatedArgument(.vector(ys))] + rest, env: ctx.env) else {
                throw RError("invalid result of FUN")
            }
            // Arrays keep their dimensions: the result's are X's followed by Y's.
            out.attributes["dim"] = .integer((x.dim ?? [x.count]) + (y.dim ?? [y.count]))
            if x.dim == nil, y.dim == nil, x.names != nil || y.names != nil {
                out.attributes["dimnames"] = .list([x.names.map { .character($0) } ?? .null, y.names.map { .character($0) } ?? .null])
            }
            return .vector(out)
        })
        interp.define("split", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "f", "drop", "..."], args, call: ctx.call)
            guard case .vector(let x)? = m["x"], let g = m["f"] else { throw RError("invalid arguments") }
            guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(g), case .integer(let codes) = f.storage else { return .null }
            let levels = f.levels ?? []
            var groups: [RValue] = []
            if let frame = DataFrame(.vector(x)) {
                // split.data.frame: the rows of each group, as x[rows, , drop = FALSE].
                for k in 1...max(levels.count, 1) where k <= levels.count {
                    groups.append(frame.rows((0..<frame.rowCount).filter { codes[$0 % max(codes.count, 1)] == k }).value)
                }
                return .list(groups, names: levels)
            }
            for k in 1...max(levels.count, 1) where k <= levels.count {
                let idx = (0..<x.count).filter { codes[$0 % max(codes.count, 1)] == k }
                groups.append(try IndexingLibrary.subset(.vector(x), [.integer(idx.map { $0 + 1 })], call: ctx.call))
            }
            return .list(groups, names: levels)
        })
        interp.define("unlist", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "recursive", "use.names"], args, call: ctx.call)
            return try unlist(m["x"] ?? .null, useNames: m["use.names"]?.logicalValue ?? true)
        })
    }

    /// How lapply and its kin call FUN, which errors inside FUN name.
    static let funCall = Call(.symbol("FUN"), [Argument(.call("[[", [.symbol("X"), .symbol("i")])), Argument(.symbol("..."))])

    /// The elements a function is applied to, and their names.
    static func elements(_ x: RValue) -> ([RValue], [String?]?) {
        switch x {
        case .null: return ([], nil)
        case .vector(let v):
            if v.isFactor { return (Coerce.strings(v).map { .character([$0]) }, v.names) }
            return (Coerce.listItems(v), v.names)
        case .environment(let e):
            let names = e.names.sorted()
            return (names.map { n in if case .value(let v)? = e.binding(n) { return v }; return .null }, names)
        default: return ([x], nil)
        }
    }

    static func mapply(_ f: RValue, _ args: [EvaluatedArgument], moreArgs: RValue?, ctx: CallContext) throws -> ([RValue], [String?]?) {
        let lists = args.map { elements($0.value) }
        let n = lists.map { $0.0.count }.max() ?? 0
        if lists.contains(where: { $0.0.isEmpty }) && n > 0 { throw RError("zero-length inputs cannot be mixed with those of non-zero length") }
        var extra: [EvaluatedArgument] = []
        if let moreArgs { let (items, names) = elements(moreArgs); extra = items.enumerated().map { EvaluatedArgument(name: names?[$0.offset] ?? nil, $0.element) } }
        var results: [RValue] = []
        for k in 0..<n {
            let callArgs = zip(args, lists).map { a, l in EvaluatedArgument(name: a.name, l.0[k % l.0.count]) }
            results.append(try ctx.interpreter.callValue(f, callArgs + extra, env: ctx.env))
        }
        var names = lists.first?.1
        if names == nil, case .vector(let v)? = args.first?.value, case .character(let s) = v.storage { names = s }
        // The first argument's names, NA past its end when a longer argument was recycled to it.
        if var given = names, given.count != results.count {
            given = Array(given.prefix(results.count))
            while given.count < results.count { given.append(nil) }
            names = given
        }
        return (results, names)
    }

    /// sapply's simplification: equal-length atomic results become a vector or a matrix.
    static func simplify(_ results: [RValue], names: [String?]?, template: RVector? = nil) -> RValue {
        guard !results.isEmpty else { return .list([]) }
        let lengths = results.map(\.length)
        let allAtomicOrList = results.allSatisfy { if case .vector = $0 { return true }; return false }
        guard allAtomicOrList, let k = lengths.first, lengths.allSatisfy({ $0 == k }), k >= 1 else {
            return .list(results, names: names)
        }
        let args = results.map { r -> EvaluatedArgument in
            guard case .vector(var v) = r else { return EvaluatedArgument(r) }
            if k == 1 && v.isFactor { v = RVector(.character(Coerce.strings(v))) }
            var plain = RVector(v.storage)
            if k == 1 { plain.names = nil } else if case .list = v.storage { plain.names = nil }
            return EvaluatedArgument(.vector(plain))
        }
        guard case .vector(var out) = (try? VectorLibrary.combine(args)) ?? .null else { return .list(results, names: names) }
        if let template, template.storage.rank > out.storage.rank {
            out = RVector(Coerce.storage(out, toRank: template.storage.rank))
        }
        if k == 1 {
            if let names { out.names = names } else if let inner = results.first?.asVector?.names, results.count == 1 { out.names = inner }
            else if names == nil, results.allSatisfy({ $0.asVector?.names != nil }) {
                out.names = results.map { $0.asVector?.names?.first ?? nil }
            }
            return .vector(out)
        }
        out.attributes["dim"] = .integer([k, results.count])
        let rowNames = template?.names ?? results.first?.asVector?.names
        if rowNames != nil || names != nil {
            out.attributes["dimnames"] = .list([rowNames.map { .character($0) } ?? .null, names.map { .character($0) } ?? .null])
        }
        return .vector(out)
    }

    /// unlist: flattens nested lists, names joined with dots as R does.
    static func unlist(_ x: RValue, useNames: Bool) throws -> RValue {
        guard case .vector(let v) = x, case .list(let items) = v.storage else { return x }
        var flat: [EvaluatedArgument] = []
        func walk(_ items: [RValue], _ names: [String?]?, prefix: String) throws {
            for (k, item) in items.enumerated() {
                let own = names?[k] ?? ""
                let label = prefix.isEmpty ? own : (own.isEmpty ? prefix : "\(prefix).\(own)")
                if case .vector(let iv) = item, case .list(let inner) = iv.storage {
                    try walk(inner.array, iv.names, prefix: label)
                } else if case .vector(var iv) = item {
                    if iv.isFactor { iv = RVector(.character(Coerce.strings(iv))) }
                    if !label.isEmpty, iv.names == nil, iv.count > 1 {
                        iv.names = (1...iv.count).map { "\(label)\($0)" }
                        flat.append(EvaluatedArgument(.vector(iv)))
                    } else if !label.isEmpty, let inner = iv.names {
                        iv.names = inner.map { n in n.map { $0.isEmpty ? label : "\(label).\($0)" } ?? label }
                        flat.append(EvaluatedArgument(.vector(iv)))
                    } else {
                        flat.append(EvaluatedArgument(name: label.isEmpty ? nil : label, .vector(iv)))
                    }
                } else if !item.isNullValue {
                    flat.append(EvaluatedArgument(name: label.isEmpty ? nil : label, item))
                }
            }
        }
        try walk(items.array, v.names, prefix: "")
        guard case .vector(var out) = try VectorLibrary.combine(flat) else { return .null }
        if !useNames { out.names = nil }
        return .vector(out)
    }
}

extension Storage {
    var emptyOfSameType: Storage {
        switch self {
        case .logical: return .logical([])
        case .integer: return .integer([])
        case .double: return .double([])
        case .character: return .character([])
        case .list: return .list([])
        }
    }
}
