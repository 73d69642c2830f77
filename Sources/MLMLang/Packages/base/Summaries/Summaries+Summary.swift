import CRmath
import Foundation

// MARK: - summary

extension Summaries {
    static func installSummary(_ interp: Interpreter) {
        interp.define("summary", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "...", "digits", "quantile.type"],
                                                                    args, call: ctx.call)
            guard let object = m["object"] else { throw RError("argument \"object\" is missing, with no default") }
            let type = m["quantile.type"]?.scalarInt() ?? 7
            if case .vector(let v) = object, let dim = v.dim, dim.count == 2, !v.isFactor, v.storage.rank < 4 {
                return try summaryOfMatrix(v, rows: dim[0], columns: dim[1], digits: m["digits"]?.scalarInt(),
                                           type: type, ctx.interpreter)
            }
            return try summaryDefault(object, digits: m["digits"]?.scalarInt(), type: type)
        })
        interp.define("summary.data.frame", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "maxsum", "digits", "..."], args, call: ctx.call)
            guard case .vector(let frame)? = m["object"], case .list(let items) = frame.storage else {
                throw RError("argument \"object\" is missing, with no default")
            }
            let names = (frame.names ?? []).map { $0 ?? "" }
            let columns = items.enumerated().map { (i, c) in (i < names.count ? names[i] : "V\(i + 1)", c) }
            return .vector(try summaryTable(columns, maxsum: m["maxsum"]?.scalarInt() ?? 7,
                                            digits: m["digits"]?.scalarInt(), type: 7, ctx.interpreter))
        })
        interp.define("print.summaryDefault", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "digits", "quote", "..."], args, call: ctx.call)
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default") }
            let digits = m["digits"]?.scalarInt() ?? Swift.max(3, ctx.interpreter.digits - 3)
            ctx.interpreter.write(formatSummary(x, digits: digits, ctx.interpreter))
            ctx.interpreter.visible = false
            return x
        })
    }

    /// summary.default: the six-number summary of numbers (plus the NA count), counts for
    /// logicals, Length/Class/Mode otherwise; classed so that print.summaryDefault shows it.
    static func summaryDefault(_ object: RValue, digits: Int?, type: Int) throws -> RValue {
        var value: RVector
        switch object {
        case .vector(let v) where v.storage.rank == 0:
            var counts: [(String?, Int)] = []
            let l = Coerce.logicals(v) ?? []
            for (label, flag) in [("FALSE", Logical.no), ("TRUE", .yes), ("NA's", .na)] {
                let n = l.filter { $0 == flag }.count
                if n > 0 { counts.append((label, n)) }
            }
            value = RVector(.character(["logical"] + counts.map { String($0.1) }))
            value.names = ["Mode"] + counts.map(\.0)
        case .vector(let v) where v.storage.rank <= 2 && !v.isFactor:
            let present = withoutNA(RVector(v.storage))
            let missing = v.count - present.count
            let q = Coerce.doubles(quantileValues(sortedValues(present), probs: [0, 0.25, 0.5, 0.75, 1], type: type)) ?? []
            let mean = present.count == 0 ? Double.nan : Statistics.mean(Coerce.doubles(present) ?? [])
            var numbers = [q[0], q[1], q[2], mean, q[3], q[4]]
            if let digits { numbers = numbers.map { fprec($0, Double(digits)) } }
            var names: [String?] = ["Min.", "1st Qu.", "Median", "Mean", "3rd Qu.", "Max."]
            if missing > 0 {
                numbers.append(Double(missing))
                names.append("NA's")
            }
            value = RVector(.double(numbers))
            value.names = names
        case .vector(let v) where v.storage.rank == 4:
            value = try listSummary(v)
        default:
            value = RVector(.character([String(object.length), implicitClass(object), mode(object)]))
            value.names = ["Length", "Class", "Mode"]
        }
        value.attributes["class"] = .character(["summaryDefault", "table"])
        return .vector(value)
    }

    /// A list's summary: a character matrix of each element's Length, Class and Mode.
    private static func listSummary(_ v: RVector) throws -> RVector {
        guard case .list(let items) = v.storage else { return v }
        let lengths = items.map { String($0.length) }
        let width = lengths.map(\.count).max() ?? 0
        let cells = lengths.map { String(repeating: " ", count: width - $0.count) + $0 }
            + items.map { $0.explicitClass?.first ?? "-none-" } + items.map(mode)
        var out = RVector(.character(cells.map { Optional($0) }))
        out.attributes["dim"] = .integer([items.count, 3])
        let rowNames: RValue = v.names.map { .character($0) } ?? .null
        out.attributes["dimnames"] = .list([rowNames, .character(["Length", "Class", "Mode"])])
        return out
    }

    static func mode(_ v: RValue) -> String {
        switch v {
        case .null: return "NULL"
        case .vector(let vec):
            switch vec.storage {
            case .integer, .double: return "numeric"
            default: return vec.storage.typeName
            }
        case .closure, .builtin: return "function"
        case .environment: return "environment"
        case .language(let l):
            if case .symbol = l.expr { return "name" }
            return "call"
        }
    }

    static func implicitClass(_ v: RValue) -> String {
        if let c = v.explicitClass?.first { return c }
        switch v {
        case .vector(let vec):
            if let dim = vec.dim { return dim.count == 2 ? "matrix" : "array" }
            switch vec.storage {
            case .integer: return "integer"
            case .double: return "numeric"
            default: return vec.storage.typeName
            }
        default: return mode(v) == "function" ? "function" : v.typeName
        }
    }

    /// print.summaryDefault: numbers zapped to the session's digits and formatted together
    /// to `digits` significant digits (the NA count as a plain integer), printed unquoted as
    /// print.table does; empty cells for NA in a summary without an NA count.
    static func formatSummary(_ x: RValue, digits: Int, _ interp: Interpreter) -> String {
        guard case .vector(let v) = x else { return interp.formatForPrint(x) }
        var printer = interp.vectorPrinter
        printer.quote = false
        if let dim = v.dim, dim.count == 2 {
            return formatTextMatrix(v, rows: dim[0], columns: dim[1], width: interp.width)
        }
        if let texts = dateSummaryTexts(v, digits: digits) {
            // R prints a summary of dates or times as quoted text.
            printer.quote = true
            var out = RVector(.character(texts.map { Optional($0) }))
            out.names = v.names
            return printer.print(out)
        }
        var out = RVector(.character(summaryCells(v, digits: digits, forPrinting: true, interp)))
        out.names = v.names
        return printer.print(out)
    }

    /// A character matrix as print.table shows it: unquoted, left-aligned under left-aligned
    /// headers, missing cells empty, cells' own trailing blanks kept; columns wrapped to width.
    static func formatTextMatrix(_ v: RVector, rows: Int, columns: Int, width: Int) -> String {
        let cells = Coerce.strings(v).map { $0 ?? "" }
        let (rowNames, columnNames, _, _) = MatrixPrinter.dimnames(v)
        let rowLabels = (0..<rows).map { i in rowNames.map { $0[i] ?? "<NA>" } ?? "[\(i + 1),]" }
        let headers = (0..<columns).map { j in columnNames.map { $0[j] ?? "<NA>" } ?? "[,\(j + 1)]" }
        let labelWidth = rowLabels.map(\.displayWidth).max() ?? 0
        let widths = (0..<columns).map { j in
            ((0..<rows).map { cells[j * rows + $0].displayWidth } + [headers[j].displayWidth]).max() ?? 0
        }
        var out = ""
        var start = 0
        while start < columns {
            var end = start
            var used = labelWidth
            repeat {
                used += 1 + widths[end]
                end += 1
            } while end < columns && used + 1 + widths[end] <= width
            out += String(repeating: " ", count: labelWidth)
            for j in start..<end { out += " " + headers[j].rightPadded(to: widths[j]) }
            out += "\n"
            for i in 0..<rows {
                out += rowLabels[i].rightPadded(to: labelWidth)
                for j in start..<end { out += " " + cells[j * rows + i].rightPadded(to: widths[j]) }
                out += "\n"
            }
            start = end
        }
        return out
    }

    /// format.summaryDefault: numbers zapped to the session's digits, then formatted together
    /// to `digits` significant digits, an NA count as a plain integer; text as it is (padded
    /// to a common width when formatting rather than printing). print.table shows NA and NaN
    /// cells empty unless an NA count made them text.
    static func summaryCells(_ v: RVector, digits: Int, forPrinting: Bool, _ interp: Interpreter) -> [String] {
        switch v.storage {
        case .double, .integer:
            var values = Coerce.doubles(v) ?? []
            let countIndex = (v.names ?? []).firstIndex(of: "NA's")
            if values.contains(where: \.isFinite) { values = zapSmall(values, digits: interp.digits) }
            let shown = values.indices.filter { $0 != countIndex }
            let format = RFormat.formatReal(shown.map { values[$0] }, digits: digits, scipen: interp.scipen)
            return values.indices.map { i in
                if i == countIndex { return RFormat.significant(values[i], digits: 15) }
                if forPrinting && countIndex == nil && values[i].isNaN { return "" }
                return RFormat.encodeReal(values[i], format)
            }
        default:
            let texts = Coerce.strings(v).map { $0 ?? (forPrinting ? "" : "NA") }
            if forPrinting { return texts }
            let width = texts.map(\.displayWidth).max() ?? 0
            return texts.map { $0.rightPadded(to: width) }
        }
    }

    /// The cells of a summary of dates or date-times (classed Date or POSIXct beside
    /// summaryDefault): each statistic as a date, the NA count as a whole number.
    static func dateSummaryTexts(_ v: RVector, digits: Int) -> [String]? {
        guard let kind = DateTimeDisplay.kind(v), kind != .difftime else { return nil }
        let values = Coerce.doubles(v) ?? []
        let names = (v.names ?? []).map { $0 ?? "" }
        let isCount = values.indices.map { $0 < names.count && names[$0] == "NA's" }
        var texts = DateTimeDisplay.summaryTexts(values.indices.filter { !isCount[$0] }.map { values[$0] }, kind: kind,
                                                 zone: DateTimeDisplay.zoneName(v), digits: digits)[...]
        return values.indices.map { i in isCount[i] ? RFormat.significant(values[i], digits: 15) : texts.popFirst() ?? "NA" }
    }

    /// zapsmall: finite values rounded to `digits` significant digits of the largest one.
    static func zapSmall(_ xs: [Double], digits: Int) -> [Double] {
        let largest = xs.filter(\.isFinite).map { Swift.abs($0) }.max() ?? 0
        let places = zapPlaces(largest: largest, digits: digits)
        return xs.map { $0.isFinite ? fround($0, Double(places)) : $0 }
    }
}

/// The decimal places zapsmall rounds to: R 4.2 passes `digits - log10(largest)` (no ceiling)
/// to round(), which takes the nearest whole number of places.
func zapPlaces(largest: Double, digits: Int) -> Int {
    guard largest > 0 else { return digits }
    return Int((max(0, Double(digits) - log10(largest)) + 0.5).rounded(.down))
}

// MARK: - summary of matrices and data frames

extension Summaries {
    /// summary.matrix: the data frame summary of the matrix's columns (named V1, V2, ...
    /// when the matrix has no column names).
    static func summaryOfMatrix(_ v: RVector, rows: Int, columns: Int, digits: Int?, type: Int,
                                _ interp: Interpreter) throws -> RValue {
        let names = MatrixPrinter.dimnames(v).columns
        let cols = (0..<columns).map { j -> (String, RValue) in
            let cells = RVector(IndexingLibrary.select(v.storage, (0..<rows).map { j * rows + $0 }))
            return (names?[j] ?? "V\(j + 1)", .vector(cells))
        }
        return .vector(try summaryTable(cols, maxsum: 7, digits: digits, type: type, interp))
    }

    /// summary.data.frame: per column, "label:value  " cells of its summary, the column name
    /// centred over the labels; a character table printed without quotes.
    static func summaryTable(_ columns: [(String, RValue)], maxsum: Int, digits: Int?, type: Int,
                             _ interp: Interpreter) throws -> RVector {
        let digits = digits ?? Swift.max(3, interp.digits - 3)
        var cellColumns: [[String]] = []
        var labelWidths: [Int] = []
        for (_, column) in columns {
            let (labels, values) = try summaryEntries(column, maxsum: maxsum, digits: digits, type: type, interp)
            let width = labels.map(\.displayWidth).max() ?? 0
            cellColumns.append(zip(labels, values).map { $0.rightPadded(to: width) + ":" + $1 + "  " })
            labelWidths.append(width)
        }
        let rows = cellColumns.map(\.count).max() ?? 0
        var cells: [String?] = []
        for column in cellColumns { cells += column.map { Optional($0) } + [String?](repeating: nil, count: rows - column.count) }
        let headers = zip(columns, labelWidths).map { column, width -> String? in
            let pad = Int((Double(width) - Double(column.0.displayWidth) / 2).rounded(.down))
            return String(repeating: " ", count: Swift.max(pad, 0)) + column.0
        }
        var out = RVector(.character(cells))
        out.attributes["dim"] = .integer([rows, columns.count])
        out.attributes["dimnames"] = .list([.character([String?](repeating: "", count: rows)), .character(headers)])
        // R's class is "table" alone; print.summaryDefault prints such a table as print.table would.
        out.attributes["class"] = .character(["summaryDefault", "table"])
        return out
    }

    /// One column's summary as labels and formatted values (format(summary(x, digits = 12))).
    private static func summaryEntries(_ column: RValue, maxsum: Int, digits: Int, type: Int,
                                       _ interp: Interpreter) throws -> (labels: [String], values: [String]) {
        if case .vector(let f) = column, f.isFactor, case .integer(let codes) = f.storage {
            let levels = f.levels ?? []
            var counts = [Int](repeating: 0, count: levels.count)
            for c in codes where c != NAInteger && c >= 1 && c <= levels.count { counts[c - 1] += 1 }
            var entries = Array(zip(levels, counts))
            if entries.count > maxsum {
                // The most frequent levels, the rest pooled as "(Other)".
                let order = entries.indices.sorted { entries[$0].1 > entries[$1].1 || (entries[$0].1 == entries[$1].1 && $0 < $1) }
                let kept = order.prefix(maxsum - 1).map { entries[$0] }
                let other = order.dropFirst(maxsum - 1).map { entries[$0].1 }.reduce(0, +)
                entries = kept + [("(Other)", other)]
            }
            let missing = codes.filter { $0 == NAInteger }.count
            if missing > 0 { entries.append(("NA's", missing)) }
            let width = RFormat.formatInteger(entries.map(\.1))
            return (entries.map(\.0), entries.map { RFormat.encodeInteger($0.1, width: width) })
        }
        if case .vector(var dates) = column, let kind = DateTimeDisplay.kind(dates), kind != .difftime {
            let zone = DateTimeDisplay.zoneName(dates)
            dates.attributes = Attributes()
            guard case .vector(var summary) = try summaryDefault(.vector(dates), digits: 12, type: type) else { return ([], []) }
            summary.attributes["class"] = .character([kind == .date ? "Date" : "POSIXct"])
            summary.attributes["tzone"] = .scalar(zone)
            return ((summary.names ?? []).map { $0 ?? "" }, dateSummaryTexts(summary, digits: digits) ?? [])
        }
        guard case .vector(let summary) = try summaryDefault(column, digits: 12, type: type) else { return ([], []) }
        let labels = (summary.names ?? []).map { $0 ?? "" }
        return (labels, summaryCells(summary, digits: digits, forPrinting: false, interp))
    }
}
