/// dplyr's vector helpers used inside verbs: row_number, lag, lead, first, last, if_else,
/// case_when, between.
enum DplyrHelpers {
    static func install(_ interp: Interpreter) {
        interp.define("row_number", { ctx, args in
            guard let x = args.first?.value else {
                // Without an argument: 1..n of the current group, n() from the data mask.
                let n = try ctx.interpreter.callValue(try ctx.interpreter.lookupFunction("n", ctx.env), [], env: ctx.env)
                return .integer(Array(0..<(n.scalarInt() ?? 0)).map { $0 + 1 })
            }
            let count = ColumnOps.length(x)
            let order = RowOrder.order([(x, false)], count: count)
            var ranks = [Int](repeating: NAInteger, count: count)
            var next = 1
            for i in order where !RowOrder.isNA(x, i) { ranks[i] = next; next += 1 }
            return .integer(ranks)
        })
        for (name, forward) in [("lag", true), ("lead", false)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "n", "default", "order_by", "..."], args, call: ctx.call)
                guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
                let count = ColumnOps.length(x)
                let n = min(max(m["n"]?.scalarInt() ?? 1, -count - 1), count + 1)
                let idx: [Int?] = (0..<count).map { i in
                    let j = forward ? i - n : i + n
                    return j >= 0 && j < count ? j : nil
                }
                var out = ColumnOps.take(x, idx)
                if let d = m["default"], !d.isNullValue {
                    let combined = try ColumnOps.combine([out, d])
                    out = ColumnOps.take(combined, idx.enumerated().map { $1 == nil ? count : $0 })
                }
                return out
            })
        }
        for (name, last) in [("first", false), ("last", true)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "order_by", "default"], args, call: ctx.call)
                guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
                let count = ColumnOps.length(x)
                if count == 0 { return m["default"] ?? ColumnOps.take(x, [nil]) }
                if case .vector(let v) = x, case .list(let items) = v.storage { return items[last ? count - 1 : 0] }
                return ColumnOps.take(x, [last ? count - 1 : 0])
            })
        }
        interp.define("if_else", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["condition", "true", "false", "missing"], args, call: ctx.call)
            guard case .vector(let cv)? = m["condition"], case .logical(let cond) = cv.storage else {
                throw RError("`condition` must be a logical vector, not \(m["condition"].map { "a \($0.typeName) vector" } ?? "NULL").")
            }
            guard let yes = m["true"], let no = m["false"] else { throw RError("argument \"true\" is missing, with no default") }
            let n = cond.count
            let pieces = [ColumnOps.recycle(yes, to: n), ColumnOps.recycle(no, to: n)] + (m["missing"].map { [ColumnOps.recycle($0, to: n)] } ?? [])
            let combined = try ColumnOps.combine(pieces)
            let idx: [Int?] = cond.enumerated().map { i, c in
                switch c {
                case .yes: return i
                case .no: return n + i
                case .na: return pieces.count > 2 ? 2 * n + i : nil
                }
            }
            return ColumnOps.take(combined, idx)
        })
        interp.define("case_when", { ctx, args in
            var conditions: [[Logical]] = []
            var values: [RValue] = []
            for a in args {
                guard case .language(let l) = a.value, case .call(let c) = l.expr, c.functionName == "~", c.arguments.count == 2 else {
                    throw RError("Case \(conditions.count + 1) (`\(Deparser.deparseValueBrief(a.value))`) must be a two-sided formula, not a \(a.value.typeName) vector.")
                }
                var env = ctx.env
                if case .environment(let e)? = l.attributes[".Environment"] { env = e }
                let lhs = try ctx.interpreter.eval(c.arguments[0].value, env)
                guard case .vector(let lv) = lhs, case .logical(let cond) = lv.storage else {
                    throw RError("LHS of case \(conditions.count + 1) (`\(Deparser.deparseLines(c.arguments[0].value).first ?? "")`) must be a logical vector, not a \(lhs.typeName) vector.")
                }
                conditions.append(cond)
                values.append(try ctx.interpreter.eval(c.arguments[1].value, env))
            }
            let n = max(conditions.map(\.count).max() ?? 0, values.map(ColumnOps.length).max() ?? 0)
            let pieces = values.map { ColumnOps.recycle($0, to: n) }
            let combined = try ColumnOps.combine(pieces)
            let idx: [Int?] = (0..<n).map { i in
                for (k, cond) in conditions.enumerated() where !cond.isEmpty && cond[cond.count == 1 ? 0 : i % cond.count] == .yes {
                    return k * n + i
                }
                return nil
            }
            return ColumnOps.take(combined, idx)
        })
        interp.define("between", { _, args in
            guard args.count >= 3, case .vector(let xv) = args[0].value, let x = Coerce.doubles(xv),
                  let lo = args[1].value.scalarDouble(), let hi = args[2].value.scalarDouble() else {
                throw RError("`x` must be a numeric vector")
            }
            return .logical(x.map { $0.isNaN || lo.isNaN || hi.isNaN ? .na : Logical($0 >= lo && $0 <= hi) })
        })
    }
}
