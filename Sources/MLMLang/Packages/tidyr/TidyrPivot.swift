import Foundation

/// tidyr's pivot_longer() and pivot_wider(): columns to rows and back, columns chosen with
/// tidyselect (dplyr's TidySelect). Both return tibbles, as tidyr does for any data frame.
enum TidyrPivot {
    static func install(_ interp: Interpreter) {
        interp.define("pivot_longer", special: { ctx, args in
            let a = try Arguments(args, ctx, positional: ["data", "cols"])
            let df = try DplyrLibrary.frame(try a.value("data"), verb: "pivot_longer", ctx)
            guard let cols = a.quosure("cols") else { throw RError("`cols` is absent but must be supplied.", call: ctx.call) }
            let chosen = try TidySelect.selection([cols], in: df, ctx).map(\.position)
            guard !chosen.isEmpty else { throw RError("`cols` must select at least one column.", call: ctx.call) }
            let namesTo = try a.strings("names_to") ?? ["name"]
            let valuesTo = try a.strings("values_to")?.first ?? "value"
            var labels = chosen.map { df.names[$0] }
            if let prefix = try a.strings("names_prefix")?.first {
                labels = StringSupport.strings(try StringRegex.substitute(pattern: "^(?:" + prefix + ")", replacement: "",
                                                                          in: .character(labels.map { Optional($0) }), global: false,
                                                                          options: PatternOptions(perl: true))).map { $0 ?? "NA" }
            }
            let nameColumns = try splitNames(labels, into: namesTo.count, separator: try a.strings("names_sep")?.first,
                                             pattern: try a.strings("names_pattern")?.first, ctx)
            let ids = df.names.indices.filter { !chosen.contains($0) }
            let n = df.rowCount, k = chosen.count
            // Row r, column j of the selection becomes output row r * k + j.
            let idRows: [Int?] = (0..<(n * k)).map { $0 / k }
            var out = DataFrame(columns: ids.map { ColumnOps.take(df.columns[$0], idRows) }, names: ids.map { df.names[$0] },
                                rowCount: n * k, classes: DataFrame.tibbleClasses)
            for (m, name) in namesTo.enumerated() where name != "NA" {
                out.setColumn(name, .character((0..<(n * k)).map { nameColumns[m][$0 % k] }))
            }
            let stacked = try ColumnOps.combine(chosen.map { df.columns[$0] })
            out.setColumn(valuesTo, ColumnOps.take(stacked, (0..<(n * k)).map { ($0 % k) * n + $0 / k }))
            if a.logical("values_drop_na") == true, let values = out.column(valuesTo), case .vector(let v) = values {
                out = out.rows((0..<v.count).filter { !v.isNA(at: $0) })
            }
            return out.value
        })
        interp.define("pivot_wider", special: { ctx, args in
            let a = try Arguments(args, ctx, positional: ["data"])
            let df = try DplyrLibrary.frame(try a.value("data"), verb: "pivot_wider", ctx)
            func selected(_ name: String, default fallback: String) throws -> [Int] {
                if let q = a.quosure(name) { return try TidySelect.selection([q], in: df, ctx).map(\.position) }
                guard let p = df.index(of: fallback) else { throw TidySelect.missingColumn(fallback, ctx) }
                return [p]
            }
            let nameColumns = try selected("names_from", default: "name")
            let valueColumns = try selected("values_from", default: "value")
            let ids = try a.quosure("id_cols").map { try TidySelect.selection([$0], in: df, ctx).map(\.position) }
                ?? df.names.indices.filter { !nameColumns.contains($0) && !valueColumns.contains($0) }
            let prefix = try a.strings("names_prefix")?.first ?? ""
            let separator = try a.strings("names_sep")?.first ?? "_"
            let strings = { (p: Int) in Coerce.strings(df.columns[p].asVector ?? RVector(.logical([]))).map { $0 ?? "NA" } }
            let idText = ids.map(strings), nameText = nameColumns.map(strings)
            var keys: [String] = [], keyRow: [Int] = [], keyIndex: [String: Int] = [:]
            var labels: [String] = [], labelIndex: [String: Int] = [:]
            var cells: [Int: Int] = [:]  // key * labels + label -> input row, filled below
            var rowCell: [(key: Int, label: Int)] = []
            for r in 0..<df.rowCount {
                let key = idText.map { $0[r] }.joined(separator: "\u{1}")
                let label = prefix + nameText.map { $0[r] }.joined(separator: separator)
                if keyIndex[key] == nil { keyIndex[key] = keys.count; keys.append(key); keyRow.append(r) }
                if labelIndex[label] == nil { labelIndex[label] = labels.count; labels.append(label) }
                rowCell.append((keyIndex[key]!, labelIndex[label]!))
            }
            var order = Array(labels.indices)
            if a.logical("names_sort") == true { order.sort { labels[$0] < labels[$1] } }
            for (r, cell) in rowCell.enumerated() {
                let slot = cell.key * labels.count + cell.label
                if cells[slot] != nil {
                    throw RError("Values from `\(valueColumns.map { df.names[$0] }.joined(separator: "`, `"))` are not uniquely identified; mlmd does not make the list-columns tidyr would.", call: ctx.call)
                }
                cells[slot] = r
            }
            var out = DataFrame(columns: ids.map { ColumnOps.take(df.columns[$0], keyRow.map { $0 }) }, names: ids.map { df.names[$0] },
                                rowCount: keys.count, classes: DataFrame.tibbleClasses)
            let fill = try a.quosure("values_fill").map { try $0.evaluate(ctx.interpreter) }
            for v in valueColumns {
                for l in order {
                    let name = valueColumns.count > 1 ? df.names[v] + separator + labels[l] : labels[l]
                    let picks = keys.indices.map { cells[$0 * labels.count + l] }
                    var column = ColumnOps.take(df.columns[v], picks)
                    if let fill, case .vector(var c) = column, let filler = fillValue(fill, for: df.names[v]) {
                        for (i, pick) in picks.enumerated() where pick == nil {
                            c = try IndexingLibrary.assignSubset(.vector(c), [.integer([i + 1])], filler, call: ctx.call).asVector ?? c
                        }
                        column = .vector(c)
                    }
                    out.setColumn(name, column)
                }
            }
            return out.value
        })
    }

    /// values_fill: one value for every column, or a named list by value column.
    static func fillValue(_ fill: RValue, for column: String) -> RValue? {
        guard case .vector(let v) = fill else { return nil }
        if case .list(let items) = v.storage {
            return v.names?.firstIndex(of: column).map { items[$0] }
        }
        return fill
    }

    /// The names_to columns of each selected column's name: the name itself, or its pieces
    /// split at names_sep or matched by names_pattern's groups (both regular expressions, as
    /// tidyr reads them).
    static func splitNames(_ labels: [String], into count: Int, separator: String?, pattern: String?, _ ctx: CallContext) throws -> [[String?]] {
        guard count > 1 || pattern != nil else { return [labels] }
        let perl = PatternOptions(perl: true)
        let matcher = try pattern.map { try StringPattern($0, perl) }
        let splitter = try separator.map { try StringPattern($0, perl) }
        var columns = [[String?]](repeating: [], count: count)
        for label in labels {
            let text = label as NSString
            var pieces: [String?]
            if let matcher {
                if let m = matcher.search(text, from: 0) {
                    pieces = m.groups.map { $0.location == NSNotFound ? nil : text.substring(with: $0) }
                    guard pieces.count >= count else {
                        throw RError("`regex` should define \(count) groups; \(pieces.count) found.", call: ctx.call)
                    }
                } else { pieces = [String?](repeating: nil, count: count) }
            } else if let splitter {
                pieces = []
                var start = 0
                while let m = splitter.search(text, from: start), m.range.length > 0 {
                    pieces.append(text.substring(with: NSRange(location: start, length: m.range.location - start)))
                    start = m.range.location + m.range.length
                }
                pieces.append(text.substring(from: start))
            } else {
                throw RError("If you supply multiple names in `names_to` you must also supply one of `names_sep` or `names_pattern`.", call: ctx.call)
            }
            for k in 0..<count { columns[k].append(k < pieces.count ? pieces[k] : nil) }
        }
        return columns
    }

    /// A tidy-eval call's arguments: the positional ones named in order, the rest by name.
    struct Arguments {
        let quosures: [String: DataMask.Quosure]
        let ctx: CallContext

        init(_ args: [Argument], _ ctx: CallContext, positional: [String]) throws {
            var named: [String: DataMask.Quosure] = [:], next = 0
            for q in try DataMask.expand(args, ctx) {
                if let name = q.name { named[name] = q; continue }
                while next < positional.count, named[positional[next]] != nil { next += 1 }
                guard next < positional.count else { continue }
                named[positional[next]] = q
                next += 1
            }
            quosures = named
            self.ctx = ctx
        }

        func quosure(_ name: String) -> DataMask.Quosure? { quosures[name] }

        func value(_ name: String) throws -> RValue {
            guard let q = quosures[name] else { throw RError("argument \"\(name)\" is missing, with no default", call: ctx.call) }
            return try q.evaluate(ctx.interpreter)
        }

        func strings(_ name: String) throws -> [String]? {
            guard let q = quosures[name], case .vector(let v) = try q.evaluate(ctx.interpreter), v.count > 0 else { return nil }
            return Coerce.strings(v).map { $0 ?? "NA" }
        }

        func logical(_ name: String) -> Bool? {
            (try? quosures[name]?.evaluate(ctx.interpreter))??.logicalValue
        }
    }
}
