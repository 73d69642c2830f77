/// dplyr's row and column verbs (mutate, transmute, filter, arrange, rename, pull), its
/// helpers (desc, n, n_distinct) and magrittr's pipe.
enum DplyrLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("mutate", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try frame(data, verb: "mutate", ctx)
            // .keep = "none" keeps only the grouping and new columns; .before/.after are not modelled.
            let optionNames = [".keep", ".before", ".after"]
            let columns = quosures.filter { !optionNames.contains($0.name ?? "") }
            let keep = try quosures.first(where: { $0.name == ".keep" }).map { try $0.evaluate(ctx.interpreter).stringValue ?? "all" } ?? "all"
            var out = try mutateColumns(df, columns, verb: "mutate", ctx)
            if keep == "none" {
                let keys = Grouping(df)?.keys ?? []
                let created = columns.map { $0.name ?? $0.label }
                out = out.selecting(out.names.indices.filter { keys.contains(out.names[$0]) || created.contains(out.names[$0]) })
            }
            return regroup(out).value
        })
        interp.define("transmute", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try frame(data, verb: "transmute", ctx)
            let out = try mutateColumns(df, quosures, verb: "mutate", ctx)
            let keys = Grouping(df)?.keys ?? []
            var kept: [String] = keys
            for q in quosures { let n = q.name ?? q.label; if !kept.contains(n), out.index(of: n) != nil { kept.append(n) } }
            return regroup(out.selecting(kept.compactMap { out.index(of: $0) })).value
        })
        interp.define("filter", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try frame(data, verb: "filter", ctx)
            let keep = try filterRows(df, quosures.filter { $0.name != ".preserve" }, ctx)
            return regroup(dplyrRows(df, keep)).value
        })
        interp.define("arrange", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try frame(data, verb: "arrange", ctx)
            return regroup(dplyrRows(df, try arrangeOrder(df, quosures, ctx))).value
        })
        interp.define("rename", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            var df = try frame(data, verb: "rename", ctx)
            for q in quosures {
                let positions = try TidySelect.select(q, in: df, ctx)
                for p in positions { if let n = q.name { df.names[p] = n } }
            }
            if df.isGrouped, var g = Grouping(df) {
                // The groups follow their columns' new names.
                let old = DataFrame(data)?.names ?? []
                g.keys = g.keys.map { k in old.firstIndex(of: k).map { df.names[$0] } ?? k }
                df.extra.removeAll { $0.name == "groups" }
                df.extra.append(("groups", g.attribute))
            }
            return df.value
        })
        interp.define("pull", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try frame(data, verb: "pull", ctx)
            guard let q = quosures.first(where: { $0.name == nil || $0.name == "var" }) else {
                guard let last = df.columns.last else { throw RError("Can't pull from an empty data frame.", call: ctx.call) }
                return last
            }
            if case .constant(let c) = q.expr, let k = c.scalarInt(), c.asVector.map({ $0.storage.rank <= 2 }) == true {
                let p = k < 0 ? df.columns.count + k : k - 1
                guard p >= 0, p < df.columns.count else { throw RError("Can't subset columns past the end.", call: ctx.call) }
                return df.columns[p]
            }
            do {
                let positions = try TidySelect.select(q, in: df, ctx)
                guard let p = positions.first else { throw RError("`var` must select exactly one column.", call: ctx.call) }
                return df.columns[p]
            } catch let e as RError where e.message.hasPrefix("Can't subset columns that don't exist") {
                throw RError("\nCaused by error:\n! object '\(q.label)' not found", call: ctx.call)
            }
        })
        interp.define("desc", { _, args in
            guard case .vector(let v)? = args.first?.value else { throw RError("argument \"x\" is missing, with no default") }
            return try descending(v)
        })
        interp.define("n", { _, _ in throw RError("Must be used inside dplyr verbs.") })
        interp.define("n_distinct", { _, args in
            let naRm = args.first(where: { $0.name == "na.rm" })?.value.logicalValue ?? false
            let columns = args.filter { $0.name != "na.rm" }.map(\.value)
            let n = columns.map(ColumnOps.length).max() ?? 0
            var rows = Array(0..<n)
            if naRm { rows = rows.filter { i in !columns.contains { RowOrder.isNA($0, i) } } }
            let keys = RowOrder.keys(columns.map { ColumnOps.recycle($0, to: n) }, count: n)
            return .scalar(Set(rows.map { keys[$0] }).count)
        })
    }

    /// magrittr's `%>%`: the left side becomes the first argument of the call on the right,
    /// or goes where a `.` argument stands; a block or function is called with `.` bound.
    /// The data argument of a verb, which must be a data frame.
    static func frame(_ value: RValue, verb: String, _ ctx: CallContext) throws -> DataFrame {
        if let df = DataFrame(value) { return df }
        let cls = S3Library.dispatchClasses(value)
        let shown = cls.count == 1 ? "\"\(cls[0])\"" : "\"c(" + cls.map { "'\($0)'" }.joined(separator: ", ") + ")\""
        throw RError("no applicable method for '\(verb)' applied to an object of class \(shown)",
                     call: Call(.symbol("UseMethod"), [Argument(.constant(.scalar(verb)))]))
    }

    /// The groups of a data frame (a rowwise one has a group per row), or one group of all rows
    /// when it is not grouped.
    static func groups(_ df: DataFrame) -> Grouping {
        if df.isGrouped || df.isRowwise, let g = Grouping(df) { return g }
        return .single(df.rowCount)
    }

    /// Recomputes a grouped tibble's groups after its rows changed.
    static func regroup(_ df: DataFrame) -> DataFrame {
        guard df.isGrouped, let g = Grouping(df) else { return df }
        return Grouping.apply(g.keys.filter { df.index(of: $0) != nil }, to: df)
    }

    /// Rows for dplyr's verbs: automatic row names stay automatic, given ones follow their rows.
    static func dplyrRows(_ df: DataFrame, _ idx: [Int]) -> DataFrame {
        var out = df.rows(idx.map { Optional($0) })
        if df.rowNames == nil { out.rowNames = nil }
        return out
    }

    /// Columns computed group by group, each expression seeing the ones before it; NULL drops.
    static func mutateColumns(_ df: DataFrame, _ quosures: [DataMask.Quosure], verb: String, _ ctx: CallContext) throws -> DataFrame {
        let grouping = groups(df)
        let grouped = df.isGrouped || df.isRowwise
        var out = df
        for (qi, q) in quosures.enumerated() {
            let name = q.name ?? q.label
            var pieces: [RValue] = []
            var allNull = true
            for (g, rows) in grouping.rows.enumerated() {
                let whole = !grouped
                var columns = whole ? out.columns : out.columns.map { ColumnOps.take($0, rows.map { Optional($0) }) }
                if df.isRowwise { columns = columns.map(Rowwise.cell) }
                let env = DataMask.environment(names: out.names, columns: columns, size: rows.count, parent: q.env,
                                               groupVars: grouping.keys)
                let value: RValue
                do { value = try q.evaluate(ctx.interpreter, in: env) } catch {
                    throw DataMask.problem(error, verb: verb, quosure: q, position: qi + 1, group: grouped ? grouping.describe(g) : nil, call: ctx.call)
                }
                if value.isNullValue { pieces.append(.null); continue }
                allNull = false
                let len = ColumnOps.length(value)
                if len != rows.count && len != 1 {
                    let expected = rows.count == 1 ? "size 1" : "size \(rows.count) or 1"
                    throw DataMask.resultProblem("`\(name)` must be \(expected), not \(len).", quosure: q, position: qi + 1,
                                                 group: grouped ? grouping.describe(g) : nil, call: ctx.call)
                }
                pieces.append(ColumnOps.recycle(value, to: rows.count))
            }
            if allNull { out.setColumn(name, .null); continue }
            let full = try scatter(pieces, grouping, count: df.rowCount)
            if q.name == nil, let spliced = DataFrame(full) {
                // An unnamed data frame result (across()) adds each of its columns.
                for (k, c) in spliced.columns.enumerated() { out.setColumn(spliced.names[k], c) }
            } else {
                out.setColumn(name, full)
            }
        }
        return out
    }

    /// Per-group pieces put back at their groups' rows.
    static func scatter(_ pieces: [RValue], _ grouping: Grouping, count n: Int) throws -> RValue {
        if pieces.count == 1, grouping.rows.count == 1, grouping.rows[0] == Array(0..<n) { return pieces[0] }
        let combined = try ColumnOps.combine(pieces)
        var inverse = [Int?](repeating: nil, count: n)
        var offset = 0
        for rows in grouping.rows {
            for (k, r) in rows.enumerated() where r < n { inverse[r] = offset + k }
            offset += rows.count
        }
        return ColumnOps.take(combined, inverse)
    }

    /// The rows every condition holds for (NA counts as false), group by group.
    static func filterRows(_ df: DataFrame, _ quosures: [DataMask.Quosure], _ ctx: CallContext) throws -> [Int] {
        let grouping = groups(df)
        var keep = [Bool](repeating: true, count: df.rowCount)
        for (qi, q) in quosures.enumerated() {
            if let name = q.name {
                throw RError("Problem with `filter()` input `..\(qi + 1)`.\n\u{2716} Input `..\(qi + 1)` is named.\n\u{2139} This usually means that you've used `=` instead of `==`.\n\u{2139} Did you mean `\(name) == \(Deparser.deparseLines(q.expr).first ?? "")`?", call: ctx.call)
            }
            for (g, rows) in grouping.rows.enumerated() {
                var columns = df.isGrouped || df.isRowwise ? df.columns.map { ColumnOps.take($0, rows.map { Optional($0) }) } : df.columns
                if df.isRowwise { columns = columns.map(Rowwise.cell) }
                let env = DataMask.environment(names: df.names, columns: columns, size: rows.count, parent: q.env)
                let value: RValue
                do { value = try q.evaluate(ctx.interpreter, in: env) } catch {
                    throw DataMask.problem(error, verb: "filter", quosure: q, position: qi + 1,
                                           group: df.isGrouped ? grouping.describe(g) : nil, call: ctx.call)
                }
                guard case .vector(let v) = value, case .logical(let l) = v.storage else {
                    throw DataMask.resultProblem("Input `..\(qi + 1)` must be a logical vector, not a \(value.typeName).", quosure: q,
                                                 position: qi + 1, group: df.isGrouped ? grouping.describe(g) : nil, call: ctx.call)
                }
                guard l.count == rows.count || l.count == 1 else {
                    let expected = rows.count == 1 ? "size 1" : "size \(rows.count) or 1"
                    throw DataMask.resultProblem("Input `..\(qi + 1)` must be of \(expected), not size \(l.count).", quosure: q,
                                                 position: qi + 1, group: df.isGrouped ? grouping.describe(g) : nil, call: ctx.call)
                }
                for (k, r) in rows.enumerated() where l[l.count == 1 ? 0 : k] != .yes { keep[r] = false }
            }
        }
        return keep.indices.filter { keep[$0] }
    }

    /// arrange's order: each key evaluated on the whole data, `desc()` reversing its direction.
    static func arrangeOrder(_ df: DataFrame, _ quosures: [DataMask.Quosure], _ ctx: CallContext) throws -> [Int] {
        var keys: [(column: RValue, descending: Bool)] = []
        let byGroup = try quosures.first(where: { $0.name == ".by_group" }).map { try $0.evaluate(ctx.interpreter).logicalValue ?? false } ?? false
        if byGroup, let g = Grouping(df) { keys += g.keys.compactMap { df.column($0) }.map { ($0, false) } }
        for (qi, q) in quosures.enumerated() where q.name != ".by_group" {
            var expr = q.expr
            var descending = false
            if case .call(let c) = expr, c.functionName == "desc", let inner = c.arguments.first {
                expr = inner.value
                descending = true
            }
            let mask = DataMask.environment(names: df.names, columns: df.columns, size: df.rowCount, parent: q.env)
            let value: RValue
            do { value = try q.value ?? ctx.interpreter.eval(expr, mask) } catch {
                guard let e = DataMask.problem(error, verb: "mutate", quosure: q, position: qi + 1, group: nil, call: ctx.call) as? RError else { throw error }
                throw RError("Problem with the implicit `transmute()` step.\n\u{2716} " + e.message, call: ctx.call)
            }
            keys.append((ColumnOps.recycle(value, to: df.rowCount), descending))
        }
        return RowOrder.order(keys, count: df.rowCount)
    }

    /// desc(): a vector that sorts in the opposite order (-xtfrm(x)).
    static func descending(_ v: RVector) throws -> RValue {
        if v.isFactor, case .integer(let codes) = v.storage { return .integer(codes.map { $0 == NAInteger ? NAInteger : -$0 }) }
        switch v.storage {
        case .character(let s):
            let present = Array(Set(s.compactMap { $0 })).sorted { Collation.compare($0, $1) < 0 }
            let rank = Dictionary(uniqueKeysWithValues: present.enumerated().map { ($1, $0 + 1) })
            return .integer(s.map { $0.flatMap { rank[$0] }.map { -$0 } ?? NAInteger })
        case .list:
            throw RError("invalid argument to unary operator")
        case .integer(let a): return .integer(a.map { $0 == NAInteger ? NAInteger : -$0 })
        default: return .double((Coerce.doubles(v) ?? []).map { -$0 })
        }
    }
}
