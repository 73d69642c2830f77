import Foundation

/// tidyselect, the language of select() and rename(): column names, positions, ranges `a:c`,
/// exclusions `-x`, `c()`, and the helpers starts_with, ends_with, contains, matches,
/// everything, last_col, all_of, any_of, where.
enum TidySelect {
    static func install(_ interp: Interpreter) {
        interp.define("select", special: { ctx, args in
            let (data, quosures) = try DataMask.split(args, ctx)
            let df = try DplyrLibrary.frame(data, verb: "select", ctx)
            var chosen = try selection(quosures, in: df, ctx)
            if let g = Grouping(df), df.isGrouped {
                let missing = g.keys.compactMap { df.index(of: $0) }.filter { p in !chosen.contains { $0.position == p } }
                if !missing.isEmpty {
                    let shown = missing.map { "`\(df.names[$0])`" }.joined(separator: ", ")
                    try ctx.interpreter.signalMessage("Adding missing grouping variables: \(shown)\n", call: nil)
                    chosen = missing.map { ($0, df.names[$0]) } + chosen
                }
            }
            var out = df.selecting(chosen.map(\.position))
            out.names = chosen.map(\.name)
            return out.value
        })
        for name in ["starts_with", "ends_with", "contains", "matches", "everything", "last_col", "all_of", "any_of", "where", "num_range", "one_of"] {
            interp.define(name, { _, _ in
                throw RError("`\(name)()` must be used within a *selecting* function.")
            })
        }
    }

    /// The chosen columns in order with their (possibly new) names.
    static func selection(_ quosures: [DataMask.Quosure], in df: DataFrame, _ ctx: CallContext) throws -> [(position: Int, name: String)] {
        var chosen: [(position: Int, name: String)] = []
        for (k, q) in quosures.enumerated() {
            let (positions, negated) = try evaluate(q.expr, env: q.env, df: df, ctx)
            if negated {
                if k == 0 { chosen = df.names.indices.map { ($0, df.names[$0]) } }
                chosen.removeAll { positions.contains($0.position) }
                continue
            }
            for (j, p) in positions.enumerated() {
                let newName = q.name.map { positions.count > 1 ? "\($0)\(j + 1)" : $0 }
                if let existing = chosen.firstIndex(where: { $0.position == p }) {
                    if let newName { chosen[existing].name = newName }
                } else {
                    chosen.append((p, newName ?? df.names[p]))
                }
            }
        }
        return chosen
    }

    /// The positions one argument selects (for rename, pull).
    static func select(_ q: DataMask.Quosure, in df: DataFrame, _ ctx: CallContext) throws -> [Int] {
        try evaluate(q.expr, env: q.env, df: df, ctx).positions
    }

    /// Positions an expression selects, and whether it excludes them.
    private static func evaluate(_ expr: Expr, env: Environment, df: DataFrame, _ ctx: CallContext) throws -> (positions: [Int], negated: Bool) {
        switch expr {
        case .symbol(let s):
            if let p = df.index(of: s) { return ([p], false) }
            if let value = try? ctx.interpreter.lookup(s, env), case .vector = value { return try fromValue(value, df: df, ctx) }
            throw missingColumn(s, ctx)
        case .constant(let c):
            return try fromValue(c, df: df, ctx)
        case .call(let c):
            let args = c.arguments
            switch c.functionName {
            case "-" where args.count == 1, "!" where args.count == 1:
                return (try evaluate(args[0].value, env: env, df: df, ctx).positions, true)
            case ":" where args.count == 2:
                let a = try evaluate(args[0].value, env: env, df: df, ctx).positions
                let b = try evaluate(args[1].value, env: env, df: df, ctx).positions
                guard let from = a.first, let to = b.first else { return ([], false) }
                return (from <= to ? Array(from...to) : Array((to...from).reversed()), false)
            case "c":
                var positive: [Int] = [], negative: [Int] = []
                for a in args {
                    let (p, neg) = try evaluate(a.value, env: env, df: df, ctx)
                    if neg { negative += p } else { for x in p where !positive.contains(x) { positive.append(x) } }
                }
                if positive.isEmpty && !negative.isEmpty { return (negative, true) }
                return (positive.filter { !negative.contains($0) }, false)
            case "(":
                return try evaluate(args[0].value, env: env, df: df, ctx)
            case "starts_with", "ends_with", "contains", "matches":
                return (try matching(c.functionName ?? "", args, env: env, df: df, ctx), false)
            case "everything":
                return (Array(df.names.indices), false)
            case "last_col":
                let offset = try args.first.map { try ctx.interpreter.eval($0.value, env).scalarInt() ?? 0 } ?? 0
                let p = df.names.count - 1 - offset
                return (p >= 0 ? [p] : [], false)
            case "all_of", "any_of", "one_of":
                var names: [String] = []
                for a in args { if case .vector(let v) = try ctx.interpreter.eval(a.value, env) { names += Coerce.strings(v).compactMap { $0 } } }
                var out: [Int] = []
                for n in names {
                    if let p = df.index(of: n) { out.append(p) } else if c.functionName != "any_of" { throw missingColumn(n, ctx) }
                }
                return (out, false)
            case "where":
                guard let a = args.first else { return ([], false) }
                let f = try ctx.interpreter.functionArgument(try ctx.interpreter.eval(a.value, env), env: env)
                var out: [Int] = []
                for (k, col) in df.columns.enumerated() where try ctx.interpreter.callValue(f, [EvaluatedArgument(col)], env: env).logicalValue == true {
                    out.append(k)
                }
                return (out, false)
            default:
                return try fromValue(try ctx.interpreter.eval(expr, env), df: df, ctx)
            }
        default:
            return ([], false)
        }
    }

    /// A selection given as a value: names, or positions (negative ones exclude).
    private static func fromValue(_ value: RValue, df: DataFrame, _ ctx: CallContext) throws -> (positions: [Int], negated: Bool) {
        guard case .vector(let v) = value else { return ([], false) }
        if case .character(let s) = v.storage {
            return (try s.map { n -> Int in
                guard let n, let p = df.index(of: n) else { throw missingColumn(n ?? "NA", ctx) }
                return p
            }, false)
        }
        let d = (Coerce.doubles(v) ?? []).filter { !$0.isNaN }
        if d.contains(where: { $0 < 0 }) { return (d.map { (-$0).saturatingInt - 1 }, true) }
        return (try d.map { x -> Int in
            let p = x.saturatingInt
            guard p >= 1, p <= df.columns.count else {
                let only = df.columns.count == 1 ? "There is only 1 column." : "There are only \(df.columns.count) columns."
                throw RError("Can't subset columns past the end.\n\u{2139} Location \(p) doesn't exist.\n\u{2139} \(only)", call: ctx.call)
            }
            return p - 1
        }, false)
    }

    private static func matching(_ helper: String, _ args: [Argument], env: Environment, df: DataFrame, _ ctx: CallContext) throws -> [Int] {
        var patterns: [String] = []
        var ignoreCase = true
        for a in args {
            let v = try ctx.interpreter.eval(a.value, env)
            if a.name == "ignore.case" { ignoreCase = v.logicalValue ?? true; continue }
            if a.name == "vars" { continue }
            if case .vector(let pv) = v { patterns += Coerce.strings(pv).compactMap { $0 } }
        }
        return df.names.indices.filter { k in
            let name = ignoreCase ? df.names[k].lowercased() : df.names[k]
            return patterns.contains { raw in
                let p = ignoreCase ? raw.lowercased() : raw
                switch helper {
                case "starts_with": return name.hasPrefix(p)
                case "ends_with": return name.hasSuffix(p)
                case "contains": return name.contains(p)
                default:
                    let options: NSRegularExpression.Options = ignoreCase ? [.caseInsensitive] : []
                    guard let re = try? NSRegularExpression(pattern: raw, options: options) else { return false }
                    let original = df.names[k]
                    return re.firstMatch(in: original, range: NSRange(original.startIndex..., in: original)) != nil
                }
            }
        }
    }

    static func missingColumn(_ name: String, _ ctx: CallContext) -> RError {
        RError("Can't subset columns that don't exist.\n\u{2716} Column `\(name)` doesn't exist.", call: ctx.call)
    }
}
