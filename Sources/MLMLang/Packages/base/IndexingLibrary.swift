/// `[`, `[[` and `$`, and their replacement forms, for vectors and lists.
enum IndexingLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("[", special: { ctx, args in
            let (x, indices, named) = try evaluateIndexArguments(ctx, args)
            ctx.interpreter.visible = true
            if x.hasAttributes, let result = try ctx.interpreter.dispatchIndexing("[", x, indices, named: named, ctx: ctx) { return result }
            if named["drop"]?.logicalValue == true, indices.count == 1, case .vector(let v) = x, v.isFactor,
               case .vector(let picked) = try subset(x, indices, call: ctx.call) {
                return .vector(FactorLibrary.dropUnusedLevels(picked))
            }
            if indices.count == 2, case .vector(let v) = x, v.dim?.count == 2 {
                return try MatrixIndexing.subset(v, rows: indices[0], columns: indices[1],
                                                 drop: named["drop"]?.logicalValue ?? true, call: ctx.call)
            }
            if indices.count > 2, case .vector(let v) = x, v.dim?.count == indices.count {
                return try ArrayIndexing.subset(v, indices, drop: named["drop"]?.logicalValue ?? true, call: ctx.call)
            }
            do { return try subset(x, indices, call: ctx.call) } catch var e as RError where e.call == nil {
                e.call = ctx.call
                throw e
            }
        })
        interp.define("[[", special: { ctx, args in
            let (x, indices, named) = try evaluateIndexArguments(ctx, args)
            ctx.interpreter.visible = true
            if x.hasAttributes, let result = try ctx.interpreter.dispatchIndexing("[[", x, indices, named: named, ctx: ctx) { return result }
            return try element(x, indices, call: ctx.call)
        })
        interp.define("$", special: { ctx, args in
            guard args.count == 2 else { throw RError("invalid subsetting", call: ctx.call) }
            let x = try ctx.interpreter.eval(args[0].value, ctx.env)
            // An element of an invisible value (`source(f)$value`) is visible, as in R.
            ctx.interpreter.visible = true
            let name: String
            switch args[1].value {
            case .symbol(let s): name = s
            case .constant(let c): name = c.stringValue ?? ""
            default: throw RError("invalid subscript type 'language'", call: ctx.call)
            }
            if x.hasAttributes, let result = try ctx.interpreter.dispatchIndexing("$", x, [.scalar(name)], named: [:], ctx: ctx) { return result }
            return try dollar(x, name, call: ctx.call)
        })
        interp.define("[<-", special: { ctx, args in
            // Special so that an empty index (`m[, 1] <- x`) reaches the matrix code.
            guard args.count >= 2, let valueArg = args.last else { throw RError("invalid assignment", call: ctx.call) }
            let x = try ctx.interpreter.eval(args[0].value, ctx.env)
            let value = try ctx.interpreter.eval(valueArg.value, ctx.env)
            var indices: [RValue?] = []
            for a in args.dropFirst().dropLast() {
                if case .missingArgument = a.value { indices.append(nil) } else { indices.append(try ctx.interpreter.eval(a.value, ctx.env)) }
            }
            if indices.count == 2, case .vector(let v) = x, v.dim?.count == 2 {
                return try MatrixIndexing.assign(v, rows: indices[0], columns: indices[1], value: value, call: ctx.call)
            }
            if indices.count > 2, case .vector(let v) = x, v.dim?.count == indices.count {
                return try ArrayIndexing.assign(v, indices, value: value, call: ctx.call)
            }
            let plain: [RValue] = indices.compactMap { $0 }
            if plain.count < indices.count, case .vector(let v) = x {
                return try assignSubset(x, [.integer(Array(1...max(v.count, 1)).prefix(v.count).map { $0 })], value, call: ctx.call)
            }
            return try assignSubset(x, plain, value, call: ctx.call)
        })
        interp.define("[[<-", { ctx, args in
            guard args.count >= 3, let value = args.last?.value else { throw RError("[[ ]] with missing subscript") }
            return try assignElement(args[0].value, args[1].value, value, call: ctx.call)
        })
        interp.define("$<-", { ctx, args in
            guard args.count == 3, let name = args[1].value.stringValue else { throw RError("invalid subscript type") }
            if case .vector(let v) = args[0].value, v.storage.rank < 4 {
                throw RError("$ operator is invalid for atomic vectors")
            }
            return try assignElement(args[0].value, .scalar(name), args[2].value, call: ctx.call)
        })
    }

    /// The object and its (possibly empty) index arguments; named ones like `drop=` apart.
    static func evaluateIndexArguments(_ ctx: CallContext, _ args: [Argument]) throws -> (RValue, [RValue?], [String: RValue]) {
        guard let first = args.first else { return (.null, [], [:]) }
        let x = try ctx.interpreter.eval(first.value, ctx.env)
        var indices: [RValue?] = []
        var named: [String: RValue] = [:]
        for a in args.dropFirst() {
            if let n = a.name, ["drop", "exact"].contains(n) {
                named[n] = try ctx.interpreter.eval(a.value, ctx.env)
                continue
            }
            if case .missingArgument = a.value { indices.append(nil); continue }
            if case .symbol("...") = a.value {
                for e in try ctx.interpreter.evaluateArguments([a], ctx.env) { indices.append(e.value) }
                continue
            }
            indices.append(try ctx.interpreter.eval(a.value, ctx.env))
        }
        return (x, indices, named)
    }

    /// Zero-based positions an index selects in a vector of length `n`; nil marks an NA or
    /// out-of-range position.
    static func positions(_ index: RValue?, count n: Int, names: [String?]?, forAssignment: Bool = false) throws -> [Int?] {
        guard let index else { return Array(0..<n) }
        guard case .vector(let v) = index else {
            if case .null = index { return [] }
            throw RError("invalid subscript type '\(index.typeName)'")
        }
        switch v.storage {
        case .logical(let l):
            let m = max(n, l.count)
            var out: [Int?] = []
            guard !l.isEmpty else { return [] }
            for i in 0..<m {
                switch l[i % l.count] {
                case .yes: out.append(i < n || forAssignment ? i : nil)
                case .na: out.append(nil)
                case .no: break
                }
            }
            return out
        case .character(let s):
            var out: [Int?] = []
            var extra = n
            var added: [String: Int] = [:]
            for name in s {
                if let name, let i = names?.firstIndex(where: { $0 == name }) { out.append(i) }
                else if forAssignment, let name {
                    if let j = added[name] { out.append(j) } else { added[name] = extra; out.append(extra); extra += 1 }
                }
                else { out.append(nil) }
            }
            return out
        case .list:
            throw RError("invalid subscript type 'list'")
        default:
            guard let d = Coerce.doubles(RVector(v.storage)) else { return [] }
            let hasNegative = d.contains { !$0.isNaN && $0 < 0 }
            if hasNegative {
                if d.contains(where: { $0.isNaN || $0 > 0 }) {
                    throw RError("only 0's may be mixed with negative subscripts")
                }
                let excluded = Set(d.map { (-$0).saturatingInt - 1 })
                return (0..<n).filter { !excluded.contains($0) }
            }
            var out: [Int?] = []
            for x in d {
                if x.isNaN { out.append(nil); continue }
                let i = x.saturatingInt
                if i == 0 { continue }
                out.append(i <= n || forAssignment ? i - 1 : nil)
            }
            return out
        }
    }

    /// `x[i]` for vectors and lists.
    /// `m[cbind(i, j)]`: a numeric matrix with one column per dimension of an array picks one
    /// element per row; as linear (1-based) positions. As in R, a row with a zero is dropped,
    /// one with an NA picks NA, and negative or too large values are errors. Any other index
    /// is returned as it is.
    static func arrayIndex(_ index: RValue?, dims: [Int]?, call: Call) throws -> RValue? {
        guard let dims, dims.count >= 2, case .vector(let v)? = index, let d = v.dim, d.count == 2, d[1] == dims.count,
              v.storage.rank == 1 || v.storage.rank == 2, let values = Coerce.doubles(v), values.count == d[0] * d[1] else { return index }
        let rows = d[0]
        var positions: [Int] = []
        rowLoop: for r in 0..<rows {
            var position = 0, stride = 1, missing = false
            for k in 0..<dims.count {
                let value = values[r + k * rows]
                if value.isNaN { missing = true; continue }
                if value < 0 { throw RError("negative values are not allowed in a matrix subscript", call: call) }
                if value < 1 { continue rowLoop }
                guard value < Double(dims[k] + 1) else { throw RError("subscript out of bounds", call: call) }
                position += (Int(value) - 1) * stride
                stride *= dims[k]
            }
            positions.append(missing ? NAInteger : position + 1)
        }
        return .integer(positions)
    }

    static func subset(_ x: RValue, _ indices: [RValue?], call: Call) throws -> RValue {
        switch x {
        case .null: return .null
        case .vector(let v):
            if indices.count > 1 {
                throw RError("incorrect number of dimensions", call: call)
            }
            if v.dim?.count == 1, let labels = oneDimensionalNames(v) {
                // A one-dimensional array (a table) stays one: dim, dimnames and class follow.
                var named = v
                named.names = labels
                named.attributes["dim"] = nil
                named.attributes["dimnames"] = nil
                guard case .vector(var out) = try subset(.vector(named), indices, call: call) else { return .null }
                let newNames = out.names ?? []
                out.names = nil
                out.attributes["dim"] = .integer([out.count])
                var dimnames = RVector(.list([.character(newNames)]))
                if case .vector(let old)? = v.attributes["dimnames"] { dimnames.names = old.names }
                out.attributes["dimnames"] = .vector(dimnames)
                if v.classes?.contains("table") == true { out.attributes["class"] = .character(["table"]) }
                return .vector(out)
            }
            let pos = try positions(try arrayIndex(indices.first ?? nil, dims: v.dim, call: call), count: v.count, names: v.names)
            var out = RVector(select(v.storage, pos))
            if let names = v.names {
                out.names = pos.map { $0.map { $0 < names.count ? names[$0] : nil } ?? (isList(v) ? nil : "<NA>") }
                    .map { $0 == "<NA>" ? "<NA>" : $0 }
                if case .character(let idx)? = indices.first??.asVector?.storage {
                    _ = idx
                    out.names = zip(pos, out.names ?? []).map { p, n in p == nil ? "<NA>" : n }
                }
            }
            for key in ["levels", "class"] where v.isFactor { out.attributes[key] = v.attributes[key] }
            return .vector(out)
        case .language:
            throw RError("object of type 'symbol' is not subsettable", call: call)
        default:
            throw RError("object of type '\(x.typeName)' is not subsettable", call: call)
        }
    }

    static func oneDimensionalNames(_ v: RVector) -> [String?]? {
        guard case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage,
              case .vector(let labels)? = items.first else { return nil }
        return Coerce.strings(labels)
    }

    private static func isList(_ v: RVector) -> Bool {
        if case .list = v.storage { return true }
        return false
    }

    /// Elements at the positions, NA (or NULL for lists) where a position is nil.
    static func select(_ s: Storage, _ pos: [Int?]) -> Storage {
        func pick<T>(_ a: [T], _ na: T) -> [T] { pos.map { $0.flatMap { $0 < a.count ? a[$0] : nil } ?? na } }
        switch s {
        case .logical(let a): return .logical(pick(a, .na))
        case .integer(let a): return .integer(pick(a, NAInteger))
        case .double(let a): return .double(pick(a, NAReal))
        case .character(let a): return .character(pos.map { p in p.flatMap { $0 < a.count ? a[$0] : nil } })
        case .list(let a): return .list(pick(a.array, .null))
        }
    }

    /// `x[[i]]`: one element.
    static func element(_ x: RValue, _ indices: [RValue?], call: Call) throws -> RValue {
        if case .language(let language) = x, case .call = language.expr, indices.count == 1, let index = indices[0] {
            return try callElement(language, index, call: call)
        }
        guard case .vector(let v) = x else {
            if case .null = x { return .null }
            throw RError("object of type '\(x.typeName)' is not subsettable", call: call)
        }
        guard indices.count == 1, let index = indices[0] else { throw RError("invalid subscript", call: call) }
        // x[[c("a", "b")]] on a list recurses: x[["a"]][["b"]].
        if index.length > 1, case .list = v.storage, case .vector(let iv) = index {
            var current: RValue = .vector(v)
            for k in 0..<iv.count {
                let step = RVector(IndexingLibrary.select(iv.storage, [k]))
                current = try element(current, [.vector(step)], call: call)
            }
            return current
        }
        guard index.length == 1 else {
            throw RError(index.length == 0 ? "subscript of length 0" : "subscript out of bounds", call: call)
        }
        let pos: Int
        if case .vector(let iv) = index, case .character(let s) = iv.storage {
            let names = v.names ?? (v.dim?.count == 1 ? oneDimensionalNames(v) : nil)
            guard let name = s[0], let i = names?.firstIndex(where: { $0 == name }) else {
                if isList(v) { return .null }
                throw RError("subscript out of bounds", call: call)
            }
            pos = i
        } else {
            guard let d = index.scalarDouble(), !d.isNaN else {
                if isList(v) { return .null }
                throw RError("subscript out of bounds", call: call)
            }
            let i = d.saturatingInt
            if i < 0 {
                throw RError("invalid negative subscript in get1index <real>", call: call)
            }
            guard i >= 1, i <= v.count else { throw RError("subscript out of bounds", call: call) }
            pos = i - 1
        }
        switch v.storage {
        case .list(let items): return items[pos]
        default:
            var out = RVector(select(v.storage, [pos]))
            for key in ["levels", "class"] where v.isFactor { out.attributes[key] = v.attributes[key] }
            return .vector(out)
        }
    }

    /// `x$name`: exact, then unique partial match of list names.
    static func dollar(_ x: RValue, _ name: String, call: Call) throws -> RValue {
        switch x {
        case .null: return .null
        case .environment(let e):
            guard let b = e.binding(name), case .value(let v) = b else { return .null }
            return v
        case .vector(let v):
            guard case .list(let items) = v.storage else {
                throw RError("$ operator is invalid for atomic vectors", call: call)
            }
            guard let names = v.names else { return .null }
            if let i = names.firstIndex(where: { $0 == name }) { return items[i] }
            let partial = names.indices.filter { names[$0]?.hasPrefix(name) ?? false }
            return partial.count == 1 ? items[partial[0]] : .null
        case .language(let l):
            // A call's arguments by name, as R's `$` reads a call: cl$data.
            guard case .call(let c) = l.expr else { throw RError("object of type 'symbol' is not subsettable", call: call) }
            return namedArgument(c, name, exact: false)
        default:
            throw RError("object of type '\(x.typeName)' is not subsettable", call: call)
        }
    }

    /// `x[i] <- value`.
    static func assignSubset(_ x: RValue, _ indices: [RValue], _ value: RValue, call: Call) throws -> RValue {
        var target: RVector
        switch x {
        case .null: target = RVector(.logical([]))
        case .vector(let v): target = v
        default: throw RError("object of type '\(x.typeName)' is not subsettable", call: call)
        }
        guard indices.count <= 1 else { throw RError("incorrect number of subscripts on matrix", call: call) }
        let pos = try positions(try arrayIndex(indices.first, dims: target.dim, call: call), count: target.count, names: target.names, forAssignment: true)
        if case .null = value {
            guard isList(target) else { throw RError("replacement has length zero", call: call) }
            let drop = Set(pos.compactMap { $0 })
            return .vector(keep(target, (0..<target.count).filter { !drop.contains($0) }))
        }
        guard case .vector(let rv) = value else {
            return try assignSubset(x, indices, .list([value]), call: call)
        }
        if rv.count == 0 && !pos.isEmpty { throw RError("replacement has length zero", call: call) }
        if !pos.isEmpty && pos.count % rv.count != 0 {
            // R warns rather than fails when lengths do not divide.
        }
        let rank = max(target.storage.rank, rv.isFactor ? 3 : rv.storage.rank)
        var storage = Coerce.storage(target, toRank: rank)
        let values = Coerce.storage(rv, toRank: rank)
        let newCount = max(target.count, (pos.compactMap { $0 }.max() ?? -1) + 1)
        try RLimits.check(newCount)
        storage = extend(storage, to: newCount)
        for (k, p) in pos.enumerated() {
            guard let p else { continue }
            storage = put(storage, at: p, from: values, index: k % max(rv.count, 1))
        }
        var out = RVector(storage, attributes: target.attributes)
        if newCount > target.count, let names = target.names {
            var n = names + [String?](repeating: "", count: newCount - target.count)
            if case .character(let s)? = indices.first?.asVector?.storage {
                for (k, p) in pos.enumerated() { if let p, p >= target.count { n[p] = s[k] } }
            }
            out.names = n
        } else if target.names == nil, case .character(let s)? = indices.first?.asVector?.storage {
            var n = [String?](repeating: "", count: newCount)
            for (k, p) in pos.enumerated() { if let p { n[p] = s[k] } }
            out.names = n
        }
        return .vector(out)
    }

    private static func keep(_ v: RVector, _ idx: [Int]) -> RVector {
        var out = RVector(select(v.storage, idx.map { Optional($0) }), attributes: v.attributes)
        if let n = v.names { out.names = idx.map { n[$0] } }
        return out
    }

    static func extend(_ s: Storage, to n: Int) -> Storage {
        guard n > s.count else { return s }
        let k = n - s.count
        switch s {
        case .logical(let a): return .logical(a + [Logical](repeating: .na, count: k))
        case .integer(let a): return .integer(a + [Int](repeating: NAInteger, count: k))
        case .double(let a): return .double(a + [Double](repeating: NAReal, count: k))
        case .character(let a): return .character(a + [String?](repeating: nil, count: k))
        case .list(let a): return .list(a + [RValue](repeating: .null, count: k))
        }
    }

    static func put(_ s: Storage, at p: Int, from values: Storage, index k: Int) -> Storage {
        switch (s, values) {
        case (.logical(var a), .logical(let b)): a[p] = b[k]; return .logical(a)
        case (.integer(var a), .integer(let b)): a[p] = b[k]; return .integer(a)
        case (.double(var a), .double(let b)): a[p] = b[k]; return .double(a)
        case (.character(var a), .character(let b)): a[p] = b[k]; return .character(a)
        case (.list(var a), .list(let b)): a[p] = b[k]; return .list(a)
        default: return s
        }
    }

    /// A call's parts as R numbers them: [[1]] the function, [[k]] the (k - 1)th argument.
    private static func callParts(_ c: Call) -> [Expr] { [c.function] + c.arguments.map(\.value) }

    /// `call[[k]]` (a formula is a call of `~`).
    static func callElement(_ language: Language, _ index: RValue, call: Call) throws -> RValue {
        guard case .call(let c) = language.expr else { throw RError("object of type 'symbol' is not subsettable", call: call) }
        // call[["data"]]: the argument of that name, or NULL.
        if case .vector(let iv) = index, case .character(let names) = iv.storage, names.count == 1 {
            return namedArgument(c, names[0] ?? "", exact: true)
        }
        let parts = callParts(c)
        guard index.length == 1, let k = index.asVector.flatMap({ Coerce.doubles($0)?.first }), !k.isNaN else {
            throw RError("invalid subscript type '\(index.typeName)'", call: call)
        }
        // Compared as a double first: a huge or infinite k must not reach Int().
        guard k >= 1, k < Double(parts.count + 1) else { throw RError("subscript out of bounds", call: call) }
        return ControlLibrary.quoted(parts[Int(k) - 1])
    }

    /// The argument of a call with the given name (exactly, or else by a unique partial match
    /// when `exact` is false, as `$` matches), quoted; NULL when there is none.
    static func namedArgument(_ c: Call, _ name: String, exact: Bool) -> RValue {
        if let a = c.arguments.first(where: { $0.name == name }) { return ControlLibrary.quoted(a.value) }
        guard !exact else { return .null }
        let partial = c.arguments.filter { $0.name?.hasPrefix(name) ?? false }
        return partial.count == 1 ? ControlLibrary.quoted(partial[0].value) : .null
    }

    /// `call[[k]] <- value`: the function or an argument replaced; attributes (a formula's
    /// class and environment) kept.
    static func assignCallElement(_ language: Language, _ index: RValue, _ value: RValue, call: Call) throws -> RValue {
        guard case .call(let c) = language.expr else { throw RError("object of type 'symbol' is not subsettable", call: call) }
        if case .vector(let iv) = index, case .character(let names) = iv.storage, names.count == 1, let name = names[0] {
            // call$name <- value: that argument replaced, added at the end, or removed by NULL.
            var arguments = c.arguments
            let at = arguments.firstIndex { $0.name == name }
            if value.isNullValue {
                if let at { arguments.remove(at: at) }
            } else if let at {
                arguments[at].value = EnvironmentLibrary.exprOf(value)
            } else {
                arguments.append(Argument(name: name, EnvironmentLibrary.exprOf(value)))
            }
            var out = language
            out.expr = .call(Call(c.function, arguments, location: c.location))
            return .language(out)
        }
        // Past the end R pads with NULL arguments, up to the longest vector R allows.
        guard index.length == 1, let k = index.asVector.flatMap({ Coerce.doubles($0)?.first }), k >= 1,
              k <= Double(RLimits.maxLength) else {
            throw RError("[[ ]] subscript out of bounds", call: call)
        }
        let position = Int(k)
        var arguments = c.arguments
        let expr = EnvironmentLibrary.exprOf(value)
        var function = c.function
        if position == 1 {
            function = expr
        } else if position - 2 < arguments.count {
            arguments[position - 2].value = expr
        } else {
            while arguments.count < position - 2 { arguments.append(Argument(.constant(.null))) }
            arguments.append(Argument(expr))
        }
        var out = language
        out.expr = .call(Call(function, arguments, location: c.location))
        return .language(out)
    }

    /// `x[[i]] <- value` and `x$name <- value`; NULL deletes a list element.
    static func assignElement(_ x: RValue, _ index: RValue, _ value: RValue, call: Call) throws -> RValue {
        if case .language(let language) = x, case .call = language.expr {
            return try assignCallElement(language, index, value, call: call)
        }
        var target: RVector
        switch x {
        case .null: target = RVector(.list([]))
        case .vector(let v): target = v
        case .environment(let e):
            if let name = index.stringValue { e.set(name, value) }
            return x
        default: throw RError("object of type '\(x.typeName)' is not subsettable", call: call)
        }
        if !isList(target) {
            if case .vector(let rv) = value, rv.count == 1 {
                return try assignSubset(x, [index], value, call: call)
            }
            if case .null = value { throw RError("replacement has length zero", call: call) }
            target = RVector(.list(Coerce.listItems(target)), attributes: target.attributes)
        }
        guard case .list(var items) = target.storage else { return x }
        var names = target.names
        let position: Int?
        if let name = index.stringValue, case .vector(let iv) = index, case .character = iv.storage {
            position = names?.firstIndex(where: { $0 == name })
            if position == nil {
                if case .null = value { return .vector(target) }
                items.append(value)
                names = (names ?? [String?](repeating: "", count: items.count - 1)) + [name]
                target.storage = .list(items)
                target.names = names
                return .vector(target)
            }
        } else {
            guard let d = index.scalarDouble(), d >= 1 else { throw RError("[[ ]] subscript out of bounds", call: call) }
            position = d.saturatingInt - 1
            try RLimits.check(d.saturatingInt)
        }
        guard let p = position else { return .vector(target) }
        if case .null = value {
            if p < items.count {
                items.remove(at: p)
                names?.remove(at: p)
            }
        } else {
            while items.count <= p { items.append(.null); names?.append("") }
            items[p] = value
        }
        target.storage = .list(items)
        target.names = names
        return .vector(target)
    }
}
