/// Factors: construction, levels, cutting, and factor-aware operators.
enum FactorLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("factor", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "levels", "labels", "exclude", "ordered", "nmax"], args, call: ctx.call)
            let excludeNA = !(m["exclude"].map { $0.isNullValue } ?? false)
            return try makeFactor(m["x"] ?? .character([]), levels: m["levels"], labels: m["labels"],
                                  excludeNA: excludeNA, ordered: m["ordered"]?.logicalValue ?? false)
        })
        interp.define("ordered", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "levels", "labels"], args, call: ctx.call)
            return try makeFactor(m["x"] ?? .character([]), levels: m["levels"], labels: m["labels"], excludeNA: true, ordered: true)
        })
        interp.define("as.factor", { _, args in
            guard let x = args.first?.value else { throw RError("argument \"x\" is missing, with no default") }
            if x.asVector?.isFactor == true { return x }
            return try makeFactor(x, levels: nil, labels: nil, excludeNA: true, ordered: false)
        })
        interp.define("levels", { _, args in args.first?.value.attribute("levels") ?? .null })
        interp.define("nlevels", { _, args in .scalar(args.first?.value.asVector?.levels?.count ?? 0) })
        interp.define("droplevels", { _, args in
            // droplevels.data.frame drops the unused levels of every factor column.
            if let value = args.first?.value, var frame = DataFrame(value) {
                frame.columns = frame.columns.map { column in
                    guard case .vector(let v) = column, v.isFactor else { return column }
                    return .vector(dropUnusedLevels(v))
                }
                return frame.value
            }
            guard case .vector(let v)? = args.first?.value, v.isFactor else { return args.first?.value ?? .null }
            return .vector(dropUnusedLevels(v))
        })
        interp.define("cut", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "breaks", "labels", "include.lowest", "right", "dig.lab"], args, call: ctx.call)
            do { return try cut(m) } catch var error as RError where error.call == nil {
                // R's cut is the generic; its errors come from cut.default.
                error.call = Call(.symbol("cut.default"), ctx.call.arguments, location: ctx.call.location)
                throw error
            }
        })
        interp.define("interaction", { _, args in
            let factors = try args.filter { $0.name == nil }.map { a -> RVector in
                guard case .vector(let f) = try makeFactorIfNeeded(a.value) else { throw RError("invalid argument") }
                return f
            }
            guard let first = factors.first else { return .null }
            var levels = first.levels ?? []
            var labels = Coerce.strings(first)
            for f in factors.dropFirst() {
                let fl = f.levels ?? []
                // R varies the first factor fastest in the level set.
                levels = fl.flatMap { b in levels.map { "\($0).\(b)" } }
                labels = zip(labels, Coerce.strings(f)).map { a, b in a.flatMap { x in b.map { "\(x).\($0)" } } }
            }
            return try makeFactor(.character(labels), levels: .character(levels), labels: nil, excludeNA: true, ordered: false)
        })
        interp.define("[<-.factor", { ctx, args in
            guard args.count >= 3, case .vector(let f) = args[0].value, let levels = f.levels else { throw RError("invalid arguments") }
            let value = args[args.count - 1].value
            let strings = value.asVector.map { Coerce.strings($0) } ?? []
            var codes: [Int] = []
            var invalid = false
            for s in strings {
                if let s, let k = levels.firstIndex(of: s) { codes.append(k + 1) } else { if s != nil { invalid = true }; codes.append(NAInteger) }
            }
            if invalid {
                let call = Call(.symbol("[<-.factor"), [Argument(.symbol("*tmp*"))] + ctx.call.arguments.dropFirst().dropLast()
                    + [Argument(name: "value", ctx.call.arguments.last?.value ?? .constant(value))])
                ctx.interpreter.warning("invalid factor level, NA generated", call: call)
            }
            var plain = RVector(f.storage)
            plain.names = f.names
            let indices = args.dropFirst().dropLast().map(\.value)
            guard case .vector(var updated) = try IndexingLibrary.assignSubset(.vector(plain), Array(indices), .integer(codes), call: ctx.call) else {
                return args[0].value
            }
            updated.attributes = f.attributes
            if updated.count != f.count, let n = plain.names { updated.names = n }
            return .vector(updated)
        })
    }

    static func makeFactorIfNeeded(_ x: RValue) throws -> RValue {
        if x.asVector?.isFactor == true { return x }
        return try makeFactor(x, levels: nil, labels: nil, excludeNA: true, ordered: false)
    }

    /// factor(x, levels, labels, exclude, ordered).
    static func makeFactor(_ x: RValue, levels levelsArg: RValue?, labels: RValue?, excludeNA: Bool, ordered: Bool) throws -> RValue {
        var source: RVector
        switch x {
        case .null: source = RVector(.character([]))
        case .vector(let v): source = v
        default: throw RError("'x' must be atomic")
        }
        if source.isFactor { source = RVector(.character(Coerce.strings(source)), attributes: Attributes()) }
        let keys = Coerce.strings(source)
        var levelKeys: [String?]
        if case .vector(let lv)? = levelsArg {
            levelKeys = Coerce.strings(lv.isFactor ? RVector(.character(Coerce.strings(lv))) : lv)
        } else {
            // Sorted unique values, in the order of the original type.
            let order = try SequenceLibrary.order([source], decreasing: false)
            var seen = Set<String>()
            levelKeys = []
            for i in order {
                let k = keys[i]
                if k == nil { continue }
                if seen.insert(k ?? "").inserted { levelKeys.append(k) }
            }
            if !excludeNA && keys.contains(where: { $0 == nil }) { levelKeys.append(nil) }
        }
        var position: [String: Int] = [:]
        var naLevel: Int?
        for (i, l) in levelKeys.enumerated() {
            if let l { if position[l] == nil { position[l] = i + 1 } } else { naLevel = i + 1 }
        }
        var codes = keys.map { k -> Int in
            if let k { return position[k] ?? NAInteger }
            return naLevel ?? NAInteger
        }
        var levelNames: [String?] = levelKeys
        if case .vector(let lab)? = labels {
            let labs = Coerce.strings(lab)
            if labs.count == levelKeys.count {
                levelNames = labs
            } else if labs.count == 1 {
                levelNames = (1...max(levelKeys.count, 1)).prefix(levelKeys.count).map { "\(labs[0] ?? "NA")\($0)" }
            } else {
                throw RError("invalid 'labels'; length \(labs.count) should be 1 or \(levelKeys.count)")
            }
            // Duplicated labels merge their levels.
            var first: [String: Int] = [:]
            var remap: [Int] = []
            var merged: [String?] = []
            for l in levelNames {
                let key = l ?? "\u{0}NA"
                if let k = first[key] { remap.append(k) } else { merged.append(l); first[key] = merged.count; remap.append(merged.count) }
            }
            codes = codes.map { $0 == NAInteger ? NAInteger : remap[$0 - 1] }
            levelNames = merged
        }
        var f = RVector(.integer(codes))
        f.names = source.names
        f.attributes["levels"] = .character(levelNames)
        f.attributes["class"] = .character(ordered ? ["ordered", "factor"] : ["factor"])
        return .vector(f)
    }

    static func dropUnusedLevels(_ v: RVector) -> RVector {
        guard case .integer(let codes) = v.storage, let levels = v.levels else { return v }
        let used = Set(codes.filter { $0 != NAInteger })
        var map: [Int: Int] = [:]
        var kept: [String] = []
        for (i, l) in levels.enumerated() where used.contains(i + 1) {
            kept.append(l)
            map[i + 1] = kept.count
        }
        var out = v
        out.storage = .integer(codes.map { $0 == NAInteger ? NAInteger : (map[$0] ?? NAInteger) })
        out.attributes["levels"] = .character(kept)
        return out
    }

    /// cut(x, breaks, labels, include.lowest, right).
    static func cut(_ m: [String: RValue]) throws -> RValue {
        guard case .vector(let xv)? = m["x"], let x = Coerce.doubles(xv) else { throw RError("'x' must be numeric") }
        guard case .vector(let bv)? = m["breaks"], var breaks = Coerce.doubles(bv) else { throw RError("invalid number of intervals") }
        let right = m["right"]?.logicalValue ?? true
        let includeLowest = m["include.lowest"]?.logicalValue ?? false
        if breaks.count == 1 {
            guard !breaks[0].isNaN, breaks[0] >= 2 else { throw RError("invalid number of intervals") }
            // R's as.integer(breaks + 1) is NA beyond the integer range.
            guard breaks[0] + 1 <= Double(Int32.max) else { throw RError("'length.out' must be a non-negative number") }
            let nb = Int(breaks[0])
            let finite = x.filter { $0.isFinite }
            guard var lo = finite.min(), var hi = finite.max() else { throw RError("'x' must be numeric") }
            if hi == lo { lo -= abs(lo) / 1000; hi += abs(hi) / 1000 }
            let dx = hi - lo
            breaks = (0...nb).map { lo + Double($0) * dx / Double(nb) }
            breaks[0] = lo - dx / 1000
            breaks[nb] = hi + dx / 1000
        }
        breaks.sort()
        let n = breaks.count - 1
        var labels: [String?]
        var codesOnly = false
        if case .vector(let lv)? = m["labels"], case .logical(let flags) = lv.storage, flags.count == 1, flags[0] == .no {
            codesOnly = true  // labels = FALSE: the interval numbers, not a factor
            labels = []
        } else if case .vector(let lv)? = m["labels"] {
            labels = Coerce.strings(lv)
            guard labels.count == n else { throw RError("lengths of 'breaks' and 'labels' differ") }
        } else {
            let digits = m["dig.lab"]?.scalarInt() ?? 3
            let formatted = breaks.map { RFormat.significant($0, digits: digits) }
            labels = (0..<n).map { i in
                let open = right ? "(" : "[", close = right ? "]" : ")"
                var lo = open, hi = close
                if includeLowest { if right && i == 0 { lo = "[" } else if !right && i == n - 1 { hi = "]" } }
                return "\(lo)\(formatted[i]),\(formatted[i + 1])\(hi)"
            }
        }
        let codes = x.map { v -> Int in
            guard !v.isNaN else { return NAInteger }
            for i in 0..<n {
                let lo = breaks[i], hi = breaks[i + 1]
                let inside = right ? (v > lo && v <= hi) || (includeLowest && i == 0 && v == lo)
                                   : (v >= lo && v < hi) || (includeLowest && i == n - 1 && v == hi)
                if inside { return i + 1 }
            }
            return NAInteger
        }
        if codesOnly { return .integer(codes) }
        var f = RVector(.integer(codes))
        f.attributes["levels"] = .character(labels)
        f.attributes["class"] = .character(["factor"])
        return .vector(f)
    }
}
