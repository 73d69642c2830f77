/// dplyr's joins: mutating (left, inner, right, full) and filtering (semi, anti), by common
/// columns (announced with "Joining, by = ...") or by `by =` names, with suffixes for clashes.
enum DplyrJoins {
    static func install(_ interp: Interpreter) {
        for kind in ["left_join", "inner_join", "right_join", "full_join", "semi_join", "anti_join"] {
            interp.define(kind, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "y", "by", "copy", "suffix", "..."], args, call: ctx.call)
                guard let xv = m["x"], let x = DataFrame(xv) else { throw RError("`x` must be a data frame.") }
                guard let yv = m["y"], let y = DataFrame(yv) else { throw RError("`y` must be a data frame.") }
                let (xKeys, yKeys) = try keys(m["by"], x, y, ctx)
                var suffix = (".x", ".y")
                if case .vector(let sv)? = m["suffix"] {
                    let s = Coerce.strings(sv)
                    if s.count == 2 { suffix = (s[0] ?? "", s[1] ?? "") }
                }
                return try join(kind, x, y, xKeys: xKeys, yKeys: yKeys, suffix: suffix).value
            })
        }
    }

    /// The key columns of each side: `by` as names (named ones mapping x to y), or the
    /// columns both have.
    private static func keys(_ by: RValue?, _ x: DataFrame, _ y: DataFrame, _ ctx: CallContext) throws -> ([String], [String]) {
        if case .vector(let bv)? = by {
            let values = Coerce.strings(bv).map { $0 ?? "" }
            let names = bv.names ?? []
            let xKeys = values.indices.map { k -> String in
                guard k < names.count, let n = names[k], !n.isEmpty else { return values[k] }
                return n
            }
            return (xKeys, values)
        }
        let common = x.names.filter { y.names.contains($0) }
        guard !common.isEmpty else {
            throw RError("`by` must be supplied when `x` and `y` have no common variables.\n\u{2139} use by = character()` to perform a cross-join.", call: ctx.call)
        }
        let shown = common.count == 1 ? "\"\(common[0])\"" : "c(" + common.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        try ctx.interpreter.signalMessage("Joining, by = \(shown)\n", call: nil)
        return (common, common)
    }

    static func join(_ kind: String, _ x: DataFrame, _ y: DataFrame, xKeys: [String], yKeys: [String], suffix: (String, String)) throws -> DataFrame {
        for k in xKeys where x.index(of: k) == nil { throw RError("Join columns must be present in data.\n\u{2716} Problem with `\(k)`.") }
        for k in yKeys where y.index(of: k) == nil { throw RError("Join columns must be present in data.\n\u{2716} Problem with `\(k)`.") }
        let xk = RowOrder.keys(xKeys.compactMap { x.column($0) }, count: x.rowCount)
        let yk = RowOrder.keys(yKeys.compactMap { y.column($0) }, count: y.rowCount)
        var matches: [String: [Int]] = [:]
        for (j, key) in yk.enumerated() { matches[key, default: []].append(j) }
        if kind == "semi_join" || kind == "anti_join" {
            let keep = xk.indices.filter { (matches[xk[$0]] != nil) == (kind == "semi_join") }
            return DplyrLibrary.regroup(DplyrLibrary.dplyrRows(x, keep))
        }
        var xRows: [Int?] = []
        var yRows: [Int?] = []
        var matchedY = Set<Int>()
        for (i, key) in xk.enumerated() {
            if let js = matches[key] {
                for j in js { xRows.append(i); yRows.append(j); matchedY.insert(j) }
            } else if kind == "left_join" || kind == "full_join" {
                xRows.append(i); yRows.append(nil)
            }
        }
        if kind == "right_join" || kind == "full_join" {
            for j in 0..<y.rowCount where !matchedY.contains(j) { xRows.append(nil); yRows.append(j) }
        }
        let yOnly = y.names.filter { !yKeys.contains($0) }
        var columns: [RValue] = []
        var names: [String] = []
        for (k, name) in x.names.enumerated() {
            var column = ColumnOps.take(x.columns[k], xRows)
            if let p = xKeys.firstIndex(of: name), let yc = y.column(yKeys[p]) {
                // Rows only y has take their keys from y.
                let fromY = ColumnOps.take(yc, yRows)
                let missing = xRows.indices.filter { xRows[$0] == nil }
                if !missing.isEmpty { column = try fill(column, from: fromY, at: missing) }
            }
            columns.append(column)
            names.append(!xKeys.contains(name) && yOnly.contains(name) ? name + suffix.0 : name)
        }
        for name in yOnly {
            guard let c = y.column(name) else { continue }
            columns.append(ColumnOps.take(c, yRows))
            names.append(x.names.contains(name) && !xKeys.contains(name) ? name + suffix.1 : name)
        }
        var out = DataFrame(columns: columns, names: names, rowCount: xRows.count, classes: x.classes)
        out.extra = x.extra
        if !x.isTibble { out.classes = ["data.frame"] }
        return DplyrLibrary.regroup(out)
    }

    /// The column with the rows at `positions` taken from `other` (same length).
    private static func fill(_ column: RValue, from other: RValue, at positions: [Int]) throws -> RValue {
        let combined = try ColumnOps.combine([column, other])
        let n = ColumnOps.length(column)
        var idx = (0..<n).map { Optional($0) }
        for p in positions { idx[p] = n + p }
        return ColumnOps.take(combined, idx)
    }
}
