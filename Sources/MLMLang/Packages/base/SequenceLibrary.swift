import Foundation

/// Sequences, ordering, set-like matching, and taking the ends of vectors.
enum SequenceLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("seq", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["from", "to", "by", "length.out", "along.with", "..."], args, call: ctx.call)
            let defaultCall = Call(.symbol("seq.default"), ctx.call.arguments, location: ctx.call.location)
            do { return try sequence(m) } catch var e as RError { e.call = defaultCall; throw e }
        })
        // seq.int: seq's arithmetic without dispatching on a class (R's internal version).
        interp.define("seq.int", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["from", "to", "by", "length.out", "along.with", "..."], args, call: ctx.call)
            return try sequence(m)
        })
        interp.define("seq_along", { _, args in .integer(Array(stride(from: 1, through: args.first?.value.length ?? 0, by: 1))) })
        interp.define("rev", { ctx, args in
            guard case .vector(let v)? = args.first?.value else { return args.first?.value ?? .null }
            if v.dim?.count == 1 {
                return try IndexingLibrary.subset(.vector(v), [.integer(Array((1...max(v.count, 1)).reversed()).filter { $0 <= v.count })], call: ctx.call)
            }
            return .vector(reorder(v, Array((0..<v.count).reversed())))
        })
        interp.define("sort", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["x", "decreasing", "na.last", "..."], args, call: ctx.call)
            guard case .vector(let v)? = m["x"] else { return m["x"] ?? .null }
            let decreasing = m["decreasing"]?.logicalValue ?? false
            let naLast = m["na.last"]?.logicalValue
            var idx: [Int]
            if rest.first(where: { $0.name == "method" })?.value.stringValue == "radix", case .character(let s) = v.storage {
                // The radix method orders strings by bytes, as in the C locale.
                idx = (0..<s.count).sorted { a, b in
                    guard let x = s[a] else { return false }
                    guard let y = s[b] else { return true }
                    return decreasing ? Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) == false && x != y
                                      : Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
                }
            } else {
                idx = try order([v], decreasing: decreasing)
            }
            let nas = idx.filter { v.isNA(at: $0) }
            idx = idx.filter { !v.isNA(at: $0) }
            if naLast == true { idx += nas } else if naLast == false { idx = nas + idx }
            if v.dim?.count == 1 || v.isFactor {
                // Tables and factors keep their structure: sort is x[order(x)].
                return try IndexingLibrary.subset(.vector(v), [.integer(idx.map { $0 + 1 })], call: ctx.call)
            }
            var out = reorder(v, idx)
            out.attributes["dim"] = nil
            return .vector(out)
        })
        interp.define("order", { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(["...", "na.last", "decreasing", "method"], args, call: ctx.call)
            let keys = rest.compactMap { $0.value.asVector }
            guard let first = keys.first else { return .integer([]) }
            guard keys.allSatisfy({ $0.count == first.count }) else { throw RError("argument lengths differ") }
            var idx = try order(keys, decreasing: m["decreasing"]?.logicalValue ?? false)
            if m["na.last"].map({ $0.logicalValue == nil }) ?? false {
                idx = idx.filter { i in !keys.contains { $0.isNA(at: i) } }
            }
            return .integer(idx.map { $0 + 1 })
        })
        interp.define("rank", { _, args in
            guard case .vector(let v)? = args.first?.value, let d = Coerce.doubles(v.isFactor ? RVector(v.storage) : v) else { return .null }
            let idx = try order([v], decreasing: false)
            var ranks = [Double](repeating: NAReal, count: v.count)
            var i = 0
            while i < idx.count {
                var j = i
                while j + 1 < idx.count, d[idx[j + 1]] == d[idx[i]] { j += 1 }
                let average = Double(i + j + 2) / 2
                for k in i...j { ranks[idx[k]] = average }
                i = j + 1
            }
            var out = RVector(.double(ranks))
            out.names = v.names
            return .vector(out)
        })
        interp.define("unique", { _, args in
            guard case .vector(let v)? = args.first?.value else { return args.first?.value ?? .null }
            if let dim = v.dim, dim.count == 2, !RValue.vector(v).inherits("data.frame") {
                // unique.matrix: the rows, compared as R pastes them (15 significant digits).
                let keep = firstOccurrences(rowKeys(v, rows: dim[0], columns: dim[1]))
                let cells = (0..<dim[1]).flatMap { j in keep.map { Optional($0 + j * dim[0]) } }
                var out = RVector(IndexingLibrary.select(v.storage, cells))
                out.attributes["dim"] = .integer([keep.count, dim[1]])
                if case .vector(let dn)? = v.attributes["dimnames"], case .list(let parts) = dn.storage, parts.count == 2 {
                    var rowNames = RValue.null
                    if case .vector(let rn) = parts[0] { rowNames = .vector(RVector(IndexingLibrary.select(rn.storage, keep.map { Optional($0) }))) }
                    out.attributes["dimnames"] = .list([rowNames, parts[1]])
                }
                return .vector(out)
            }
            let keep = firstOccurrences(v)
            var out = RVector(IndexingLibrary.select(v.storage, keep.map { Optional($0) }))
            for key in ["levels", "class"] where v.isFactor { out.attributes[key] = v.attributes[key] }
            // unique.default keeps dates, date-times and durations what they are.
            if DateTimeDisplay.kind(v) != nil {
                for key in ["class", "tzone", "units"] { out.attributes[key] = v.attributes[key] }
            }
            return .vector(out)
        })
        interp.define("duplicated", { _, args in
            guard case .vector(let v)? = args.first?.value else { return .logical([]) }
            if let dim = v.dim, dim.count == 2, !RValue.vector(v).inherits("data.frame") {
                let keep = Set(firstOccurrences(rowKeys(v, rows: dim[0], columns: dim[1])))
                return .logical((0..<dim[0]).map { Logical(!keep.contains($0)) })
            }
            let keep = Set(firstOccurrences(v))
            return .logical((0..<v.count).map { Logical(!keep.contains($0)) })
        })
        interp.define("anyDuplicated", { _, args in
            // The position of the first element equal to an earlier one, 0 when none is.
            guard case .vector(let v)? = args.first?.value else { return .integer([0]) }
            let keep = Set(firstOccurrences(v))
            return .integer([(0..<v.count).first { !keep.contains($0) }.map { $0 + 1 } ?? 0])
        })
        interp.define("which", { _, args in
            guard case .vector(let v)? = args.first?.value, case .logical(let l) = v.storage else {
                throw RError("argument to 'which' is not logical")
            }
            let idx = l.indices.filter { l[$0] == .yes }
            if args.first(where: { $0.name == "arr.ind" })?.value.logicalValue == true, let d = v.dim, d.count == 2 {
                var out = RVector(.integer(idx.map { $0 % d[0] + 1 } + idx.map { $0 / d[0] + 1 }))
                out.attributes["dim"] = .integer([idx.count, 2])
                out.attributes["dimnames"] = .list([.null, .character(["row", "col"])])
                return .vector(out)
            }
            var out = RVector(.integer(idx.map { $0 + 1 }))
            if let names = v.names { out.names = idx.map { names[$0] } }
            return .vector(out)
        })
        interp.define("match", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "table", "nomatch", "incomparables"], args, call: ctx.call)
            let nomatch = m["nomatch"]?.scalarInt() ?? NAInteger
            return .integer(matchPositions(m["x"] ?? .null, m["table"] ?? .null).map { $0.map { $0 + 1 } ?? nomatch })
        })
        interp.define("%in%", { _, args in
            guard args.count == 2 else { throw RError("operator needs two arguments") }
            return .logical(matchPositions(args[0].value, args[1].value).map { Logical($0 != nil) })
        })
        interp.define("append", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "values", "after"], args, call: ctx.call)
            let x = m["x"] ?? .null, values = m["values"] ?? .null
            let after = m["after"]?.scalarInt() ?? x.length
            guard case .vector(let v) = x, after < v.count else {
                return try VectorLibrary.combine([EvaluatedArgument(x), EvaluatedArgument(values)])
            }
            let head = IndexingLibrary.select(v.storage, (0..<max(after, 0)).map { $0 })
            let tail = IndexingLibrary.select(v.storage, (max(after, 0)..<v.count).map { $0 })
            var h = RVector(head), t = RVector(tail)
            if let n = v.names { h.names = Array(n[0..<max(after, 0)]); t.names = Array(n[max(after, 0)...]) }
            return try VectorLibrary.combine([EvaluatedArgument(.vector(h)), EvaluatedArgument(values), EvaluatedArgument(.vector(t))])
        })
    }

    static func sequence(_ m: [String: RValue]) throws -> RValue {
        if let along = m["along.with"] { return .integer(Array(stride(from: 1, through: along.length, by: 1))) }
        let from = m["from"], to = m["to"], by = m["by"]
        if from != nil, to != nil, by != nil, m["length.out"] != nil { throw RError("too many arguments") }
        let lengthOut = try m["length.out"].map { v -> Int in
            guard let d = v.scalarDouble(), d.isFinite, d >= 0 else { throw RError("'length.out' must be a non-negative number") }
            return d.rounded(.up).saturatingInt
        }
        // seq(n): 1:n, or seq_along for a vector longer than one.
        if let f = from, to == nil, by == nil, lengthOut == nil {
            if f.length == 1, let n = f.scalarDouble() {
                return try VectorLibrary.colon(.scalar(1.0), .scalar(n))
            }
            return .integer(Array(stride(from: 1, through: f.length, by: 1)))
        }
        if let n = lengthOut {
            try RLimits.check(n)
            let a = from?.scalarDouble(), b = to?.scalarDouble(), step = by?.scalarDouble()
            switch (a, b, step) {
            case let (a?, b?, nil):
                if n == 1 { return .scalar(a) }
                let delta = (b - a) / Double(n - 1)
                return numeric((0..<n).map { a + Double($0) * delta }, integral: false)
            case let (a?, nil, s):
                let s = s ?? 1
                return numeric((0..<n).map { a + Double($0) * s }, integral: isWhole(from) && (by == nil || isWhole(by)))
            case let (nil, b?, s):
                let s = s ?? 1
                return numeric((0..<n).map { b - Double(n - 1 - $0) * s }, integral: isWhole(to) && (by == nil || isWhole(by)))
            default:
                return .integer(Array(stride(from: 1, through: n, by: 1)))
            }
        }
        let a = from?.scalarDouble() ?? 1, b = to?.scalarDouble() ?? 1
        guard a.isFinite else { throw RError("'from' must be a finite number") }
        guard b.isFinite else { throw RError("'to' must be a finite number") }
        guard let step = by?.scalarDouble() else {
            return try VectorLibrary.colon(from ?? .scalar(1.0), to ?? .scalar(1.0))
        }
        let span = b - a
        if span == 0 { return from ?? .scalar(a) }
        if step == 0 { throw RError("invalid '(to - from)/by' in seq(.)") }
        if (span / step).isNaN { throw RError("invalid '(to - from)/by'") }
        guard (span / step).isFinite else { throw RError("invalid '(to - from)/by' in seq(.)") }
        if span / step < 0 { throw RError("wrong sign in 'by' argument") }
        let n = (span / step + 1e-10).rounded(.down).saturatingInt
        let integral = isIntegerTyped(from) && isIntegerTyped(by)
        try RLimits.check(n)
        if integral { return .integer((0...n).map { a.saturatingInt + $0 * step.saturatingInt }) }
        return .double((0...n).map { a + Double($0) * step })
    }

    private static func isWhole(_ v: RValue?) -> Bool {
        guard let d = v?.scalarDouble() else { return false }
        return d == d.rounded() && isIntegerTyped(v)
    }

    private static func isIntegerTyped(_ v: RValue?) -> Bool {
        guard case .vector(let x)? = v else { return true }
        if case .integer = x.storage { return true }
        return false
    }

    private static func numeric(_ xs: [Double], integral: Bool) -> RValue {
        integral ? .integer(xs.map { $0.saturatingInt }) : .double(xs)
    }

    /// A vector's elements in a new order, names following.
    static func reorder(_ v: RVector, _ idx: [Int]) -> RVector {
        var out = RVector(IndexingLibrary.select(v.storage, idx.map { Optional($0) }), attributes: v.attributes)
        if let names = v.names { out.names = idx.map { names[$0] } }
        return out
    }

    /// A stable ordering permutation over several keys; NAs last.
    static func order(_ keys: [RVector], decreasing: Bool) throws -> [Int] {
        guard let n = keys.first?.count else { return [] }
        // One long numeric key without NAs: a stable radix sort instead of comparisons.
        if keys.count == 1, n >= 2048, !decreasing, !keys[0].isFactor, case .double(let d) = keys[0].storage, !d.contains(where: { $0.isNaN }) {
            return RadixSort.order(d)
        }
        let comparators: [(Int, Int) -> Int] = try keys.map { key in
            if key.isFactor, case .integer(let codes) = key.storage {
                return { a, b in compareNumbers(Double(codes[a] == NAInteger ? Int.max : codes[a]), Double(codes[b] == NAInteger ? Int.max : codes[b]), naA: codes[a] == NAInteger, naB: codes[b] == NAInteger) }
            }
            switch key.storage {
            case .character(let s):
                return { a, b in
                    switch (s[a], s[b]) {
                    case (nil, nil): return 0
                    case (nil, _): return 2
                    case (_, nil): return -2
                    case let (x?, y?): return Collation.compare(x, y)
                    }
                }
            case .list: throw RError("unimplemented type 'list' in 'orderVector1'")
            default:
                let d = Coerce.doubles(key) ?? []
                return { a, b in compareNumbers(d[a], d[b], naA: d[a].isNaN, naB: d[b].isNaN) }
            }
        }
        return (0..<n).sorted { a, b in
            for cmp in comparators {
                let c = cmp(a, b)
                if c == 2 { return false }      // NA sorts last whichever the direction
                if c == -2 { return true }
                if c != 0 { return decreasing ? c > 0 : c < 0 }
            }
            return a < b
        }
    }

    /// -1, 0, 1 for ordered values; 2 when only the first is NA, -2 when only the second is.
    private static func compareNumbers(_ x: Double, _ y: Double, naA: Bool, naB: Bool) -> Int {
        if naA && naB { return 0 }
        if naA { return 2 }
        if naB { return -2 }
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    /// A key per row of a matrix, as duplicated.matrix pastes the row's values (as.character:
    /// 15 significant digits for doubles).
    static func rowKeys(_ v: RVector, rows: Int, columns: Int) -> RVector {
        let cells = Coerce.strings(v)
        return RVector(.character((0..<rows).map { i in
            (0..<columns).map { j in cells[i + j * rows] ?? "NA" }.joined(separator: "\r")
        }))
    }

    /// Positions of the first occurrence of each distinct value.
    static func firstOccurrences(_ v: RVector) -> [Int] {
        var seen = Set<String>()
        var keep: [Int] = []
        let keys = hashKeys(v)
        for i in 0..<v.count where seen.insert(keys[i]).inserted { keep.append(i) }
        return keep
    }

    /// A string per element that is equal exactly when R considers the elements equal.
    static func hashKeys(_ v: RVector) -> [String] {
        switch v.storage {
        case .double(let d): return d.map { $0.isRNA ? "NA" : ($0.isNaN ? "NaN" : ($0 == 0 ? "0" : "\($0)")) }
        case .integer(let a): return a.map { $0 == NAInteger ? "NA" : "\($0)" }
        case .logical(let a): return a.map { "\($0.rawValue)" }
        case .character(let a): return a.map { $0.map { "s" + $0 } ?? "NA" }
        case .list(let items): return items.map { Deparser.deparseValue($0) }
        }
    }

    /// For each element of x, the zero-based position of its first match in table.
    static func matchPositions(_ x: RValue, _ table: RValue) -> [Int?] {
        guard case .vector(var xv) = x else { return [] }
        guard case .vector(var tv) = table else { return [Int?](repeating: nil, count: xv.count) }
        if xv.isFactor { xv = RVector(.character(Coerce.strings(xv))) }
        if tv.isFactor { tv = RVector(.character(Coerce.strings(tv))) }
        let rank = max(xv.storage.rank, tv.storage.rank)
        let xk = hashKeys(RVector(Coerce.storage(xv, toRank: rank)))
        let tk = hashKeys(RVector(Coerce.storage(tv, toRank: rank)))
        var first: [String: Int] = [:]
        for (i, k) in tk.enumerated() where first[k] == nil { first[k] = i }
        return xk.map { first[$0] }
    }

    static func ends(_ ctx: CallContext, _ args: [EvaluatedArgument], head: Bool) throws -> RValue {
        let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "n", "..."], args, call: ctx.call)
        let x = m["x"] ?? .null
        var n = m["n"]?.scalarInt() ?? 6
        guard case .vector(let v) = x else { return x }
        if let dim = v.dim, dim.count == 2 {
            // A matrix: its first or last rows; tail labels unnamed rows by their numbers.
            let rows = dim[0]
            if n < 0 { n = max(rows + n, 0) }
            n = min(n, rows)
            let picked = head ? (0..<n).map { $0 + 1 } : ((rows - n)..<rows).map { $0 + 1 }
            guard case .vector(var out) = try MatrixIndexing.subset(v, rows: .integer(Array(picked)), columns: nil, drop: false, call: ctx.call) else { return x }
            if !head, MatrixPrinter.dimnames(v).rows == nil, n > 0 {
                let columns: RValue = MatrixPrinter.dimnames(v).columns.map { .character($0) } ?? .null
                // R formats the labels to one width, right-justified (" [9,]", "[10,]").
                let labels = picked.map { "[\($0),]" }
                let width = labels.map(\.count).max() ?? 0
                out.attributes["dimnames"] = .list([.character(labels.map { Optional($0.leftPadded(to: width)) }), columns])
            }
            return .vector(out)
        }
        let count = v.count
        if n < 0 { n = max(count + n, 0) }
        n = min(n, count)
        let idx = head ? Array(0..<n) : Array((count - n)..<count)
        var out = RVector(IndexingLibrary.select(v.storage, idx.map { Optional($0) }))
        if let names = v.names { out.names = idx.map { names[$0] } }
        for key in ["levels", "class"] where v.isFactor { out.attributes[key] = v.attributes[key] }
        return .vector(out)
    }
}
