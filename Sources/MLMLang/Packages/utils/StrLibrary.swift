import CRmath
import Foundation

/// str(): a compact line per vector, a header and one ` $ name:` line per column for data
/// frames and lists, with utils' rules for how many values fit.
enum StrLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("str", { ctx, args in
            guard let x = args.first?.value else { throw RError("argument \"object\" is missing, with no default") }
            var out = ""
            defer { ctx.interpreter.write(out) }
            try describe(x, nest: 0, inFrame: false, RCalls(ctx), into: &out)
            ctx.interpreter.visible = false
            return .null
        })
    }

    /// R's str recurses through R closures for each level of a list; mlmd stops it at the
    /// same depth as closure calls (options(expressions=)), with R's error.
    static let maxNesting = 5000

    static func describe(_ x: RValue, nest: Int, inFrame: Bool, _ r: RCalls) throws -> String {
        var out = ""
        try describe(x, nest: nest, inFrame: inFrame, r, into: &out)
        return out
    }

    /// Appends the description to `out`, one buffer for every level of a nested list.
    static func describe(_ x: RValue, nest: Int, inFrame: Bool, _ r: RCalls, into out: inout String) throws {
        guard case .vector(let v) = x else {
            try describeOther(x, nest: nest, r, into: &out)
            return
        }
        if nest > Self.maxNesting { throw RError("evaluation nested too deeply: infinite recursion / options(expressions=)?") }
        try StackGuard.check()
        if v.classes?.contains("data.frame") == true, case .list(let columns) = v.storage {
            let rows = DataFrameShape.rowCount(v)
            let header: String
            if v.classes?.contains("tbl_df") == true {
                header = "tibble [\(rows) \u{00D7} \(columns.count)] (S3: \((v.classes ?? []).joined(separator: "/")))\n"
            } else {
                // str.data.frame names the other classes first: Classes 'anova' and 'data.frame'.
                let others = (v.classes ?? []).filter { $0 != "data.frame" }
                header = (others.isEmpty ? "" : "Classes \(others.map { Quotes.single($0) }.joined(separator: ", ")) and ")
                    + "'data.frame':\t\(rows) obs. of  \(columns.count) variable\(columns.count == 1 ? "" : "s")\(columns.count > 0 ? ":" : "")\n"
            }
            // Tibble columns print as top-level vectors ([1:n]); so do the columns of a data frame
            // inside a list (str passes give.length on), but not those of a top-level data frame.
            out += header
            try members(columns.array, names: v.names, nest: nest, inFrame: v.classes?.contains("tbl_df") != true && nest == 0, r, into: &out)
            if v.classes?.contains("tbl_df") != true {
                try attributeLines(v.attributes, except: ["names", "class", "row.names"], nest: nest, r, into: &out)
            }
            return
        }
        if case .list(let items) = v.storage {
            out += "List of \(items.count)\n"
            try members(items.array, names: v.names, nest: nest, inFrame: false, r, into: &out)
            try attributeLines(v.attributes, except: ["names"], nest: nest, r, into: &out)
            return
        }
        if let kind = DateTimeDisplay.kind(v), kind != .difftime {
            out += dateLine(v, kind: kind, nest: nest, inFrame: inFrame) + "\n"
            return
        }
        out += try vectorLine(v, nest: nest, inFrame: inFrame, r) + "\n"
        // A factor's levels and class and an array's dim are in its line; other attributes follow.
        if let dim = v.dim, dim.count >= 2 {
            try attributeLines(v.attributes, except: ["dim", "class"], nest: nest, r, into: &out)
        } else if v.dim == nil {
            try attributeLines(v.attributes, except: v.isFactor ? ["levels", "class", "names"] : (inFrame ? ["names", "class"] : ["class"]), nest: nest, r, into: &out)
        }
    }

    /// What is not a vector: a formula or other call, a symbol, an environment, a function.
    private static func describeOther(_ x: RValue, nest: Int, _ r: RCalls, into out: inout String) throws {
        switch x {
        case .language(let l):
            let kind: String
            if case .symbol = l.expr { kind = "symbol" } else { kind = "language" }
            let text = Deparser.deparseLines(l.expr, cutoff: 60).first ?? ""
            if case .vector(let cls)? = l.attributes["class"] {
                // A classed call (a formula): its class, then the call and its other attributes.
                out += "Class \(Coerce.strings(cls).map { Quotes.single($0 ?? "NA") }.joined(separator: ", "))  \(kind) \(text)\n"
                try attributeLines(l.attributes, except: ["class"], nest: nest + 1, r, into: &out)
            } else {
                out += " \(kind) \(text)\n"
            }
        case .environment:
            out += r.ctx.interpreter.formatForPrint(x).trimmingCharacters(in: .newlines) + " \n"
        default:
            out += x.isNullValue ? " NULL\n" : " \(x.typeName)\n"
        }
    }

    /// str's lines for attributes other than the standard ones: `- attr(*, "name")=` and the
    /// value's own description one level deeper.
    private static func attributeLines(_ attributes: Attributes, except standard: Set<String>, nest: Int, _ r: RCalls,
                                       into out: inout String) throws {
        let indent = " " + String(repeating: " ..", count: nest)
        for entry in attributes.entries where !standard.contains(entry.name) {
            out += "\(indent)- attr(*, \"\(entry.name)\")="
            try describe(entry.value, nest: nest + 1, inFrame: false, r, into: &out)
        }
    }

    private static func members(_ items: [RValue], names: [String?]?, nest: Int, inFrame: Bool, _ r: RCalls,
                                into out: inout String) throws {
        let labels = items.indices.map { names?[$0] ?? "" }
        let width = labels.map(\.displayWidth).max() ?? 0
        let indent = " " + String(repeating: " ..", count: nest)
        for (k, item) in items.enumerated() {
            out += "\(indent)$ " + labels[k].rightPadded(to: width) + ":"
            if case .vector(let v) = item, case .list = v.storage {
                try describe(item, nest: nest + 1, inFrame: false, r, into: &out)
            } else {
                try describe(item, nest: nest + 1, inFrame: inFrame, r, into: &out)
            }
        }
    }

    /// ` num [1:5] 1 2 3 4 5`, ` Factor w/ 2 levels "a","b": 2 1`; in a data frame without the
    /// [1:n] and with two spaces after the type.
    static func vectorLine(_ v: RVector, nest: Int, inFrame: Bool, _ r: RCalls) throws -> String {
        let n = v.count
        if v.isFactor, case .integer(let codes) = v.storage {
            let levels = (v.levels ?? []).map { Deparser.quoteString($0) }
            // As many levels as fit in 13 columns (utils' rule), then ",..".
            var cumulative = 0, shown = levels.count
            for (k, level) in levels.enumerated() {
                cumulative += 3 + (level.count - 2)
                if cumulative > 13 && k > 0 { shown = k + 1; break }
            }
            if levels.count > 1, shown > levels.count { shown = levels.count }
            var text = " Factor w/ \(levels.count) level\(levels.count == 1 ? "" : "s")"
            if !levels.isEmpty { text += " " + levels.prefix(shown).joined(separator: ",") + (shown < levels.count ? ",.." : "") }
            let values = codes.prefix(10).map { $0 == NAInteger ? "NA" : String($0) }
            return text + ": " + values.joined(separator: " ") + (n > 10 ? " ..." : "")
        }
        let type: String
        var values: [String]
        var count: Int
        switch v.storage {
        case .logical(let a):
            type = "logi"; count = 6
            values = a.prefix(count).map { $0 == .na ? "NA" : ($0 == .yes ? "TRUE" : "FALSE") }
        case .integer(let a):
            type = "int"; count = 10
            values = a.prefix(count).map { $0 == NAInteger ? "NA" : String($0) }
        case .double(let a):
            type = "num"
            let first = Array(a.prefix(10)).filter { !$0.isNaN }
            let plain = first.allSatisfy { x in
                let m = abs(x)
                // utils' test: the value shows exactly with 3 significant digits (signif).
                return (m == 0 || (m > 1e-10 && m < 1e10)) && abs(m - fprec(m, 3)) <= 1e-12 * max(1, m)
            }
            count = plain ? 10 : 5
            let formatted = try r.call("format", .double(Array(a.prefix(count))), named: ["digits": .scalar(3)])
            values = (formatted.asVector.map { Coerce.strings($0).map { $0 ?? "NA" } } ?? []).map { dropTrailingZeros($0.trimmingCharacters(in: .whitespaces)) }
        case .character(let a):
            type = "chr"
            let encoded = a.prefix(200).map { $0.map { Deparser.quoteString($0) } ?? "NA" }
            if inFrame || nest > 0 {
                // Beneath the top level str passes vec.len on (strSub): four strings, however short.
                count = 4
            } else {
                // As many strings as fit on the line after the type and dimensions.
                let head = " chr" + (n > 1 ? " [1:\(n)]" : "")
                let room = 80 - (4 + 5 * nest + head.count)
                var used = 0
                count = 0
                for s in encoded { used += 1 + s.count; if used < room { count += 1 } else { break } }
                count = max(1, count)
            }
            values = Array(encoded.prefix(count))
        default:
            return " \(v.storage.typeName)"
        }
        if n == 0 { return " \(type)(0) " }
        var dims = inFrame || n == 1 ? "" : " [1:\(n)]"
        if let dim = v.dim, dim.count >= 2 { dims = " [" + dim.map { $0 == 1 ? "1" : "1:\($0)" }.joined(separator: ", ") + "]" }
        // A named vector (not a data-frame column) is "Named", its names then listed as an attribute;
        // a classed one starts with its first class.
        let named = !inFrame && v.names != nil && v.dim == nil ? " Named" : ""
        let classed = v.classes.flatMap(\.first).map { " " + Quotes.single($0) } ?? ""
        return "\(classed)\(named) \(type)\(dims)\(inFrame ? " " : "") " + values.joined(separator: " ") + (n > count ? " ..." : "")
    }

    /// str.Date and str.POSIXt: the class, the length (not in a data frame), then the formatted
    /// values as str shows strings, without a head: as many as fit on the line at the top
    /// level, two beneath it.
    static func dateLine(_ v: RVector, kind: DateTimeDisplay.Kind, nest: Int, inFrame: Bool) -> String {
        let n = v.count
        let texts = DateTimeDisplay.format(RVector(IndexingLibrary.select(v.storage, Array(0..<min(n, 1000))),
                                                   attributes: v.attributes), kind: kind)
        let encoded = texts.map { $0.map { Deparser.quoteString($0) } ?? "NA" }
        var count = 2
        if !inFrame && nest == 0 {
            var used = 0
            count = 0
            for s in encoded { used += 1 + s.count; if used < 76 { count += 1 } else { break } }
            count = max(1, count)
        }
        let head = " " + (v.classes?.first ?? "") + (inFrame ? "" : "[1:\(n)]") + ", format: "
        return head + encoded.prefix(count).joined(separator: " ") + (n > count ? " ..." : "")
    }

    /// format(drop0trailing = TRUE), as prettyNum does it: without an exponent, trailing zeros
    /// of the decimals go ("2.50" -> "2.5", "2.00" -> "2"); with one, only a zero exponent goes
    /// ("-1.73e+00" -> "-1.73", while "2.0e-10" and "1.20e+05" stay).
    static func dropTrailingZeros(_ s: String) -> String {
        guard let point = s.firstIndex(of: ".") else { return s }
        var decimals = String(s[s.index(after: point)...])
        if let e = decimals.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponent = decimals[decimals.index(after: e)...].drop { $0 == "+" || $0 == "-" }
            if !exponent.isEmpty && exponent.allSatisfy({ $0 == "0" }) { decimals = String(decimals[..<e]) }
        } else {
            while decimals.hasSuffix("0") { decimals.removeLast() }
        }
        return decimals.isEmpty ? String(s[..<point]) : String(s[...point]) + decimals
    }
}
