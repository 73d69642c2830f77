import Foundation

/// One column of a printed tibble as pillar builds it: a title, a type (`<dbl>`), and a shaft
/// of cells, each with the width it wants and the narrowest it accepts.
struct Pillar {
    enum Shaft {
        /// Numbers: the decimal layout (nil when wider than pillar.max_dec_width) and the scientific one.
        case decimal(PillarDecimal?, PillarDecimal)
        /// Text cells (nil for NA), left-aligned and cut with an ellipsis when too wide.
        case simple(cells: [String?], width: Int, minWidth: Int, na: String, naIndent: Int, short: [String]?)
    }

    let title: String?
    let type: String
    let shaft: Shaft
    let rightAligned: Bool

    var titleWidth: Int { title.map { PillarText.width($0) } ?? 0 }
    var titleMinWidth: Int { min(titleWidth, titleWidth <= 5 ? titleWidth : 7) }
    var typeWidth: Int { max(PillarText.width("<\(type)>"), 5) }

    var dataWidth: Int {
        switch shaft {
        case .decimal(let dec, let sci): return (dec ?? sci).width
        case .simple(_, let width, _, _, _, _): return width
        }
    }

    var dataMinWidth: Int {
        switch shaft {
        case .decimal(let dec, let sci): return min(dec?.width ?? Int.max, sci.width)
        case .simple(_, _, let minWidth, _, _, _): return minWidth
        }
    }

    var width: Int { max(titleWidth, typeWidth, dataWidth) }
    var minWidth: Int { max(titleMinWidth, 5, dataMinWidth) }

    /// pillar(x, title): the shaft for the column's type.
    init(column: RValue, title: String?, sigfig: Int = 3) {
        self.title = title
        type = ColumnOps.typeAbbreviation(column)
        guard case .vector(let v) = column else {
            shaft = .simple(cells: [], width: 0, minWidth: 0, na: "NA", naIndent: 0, short: nil)
            rightAligned = false
            return
        }
        if let df = DataFrame(column) {
            // A data frame column is summarised by its shape (pillar prints it flattened).
            let text = "<tibble[,\(df.columns.count)]>"
            shaft = .simple(cells: [String?](repeating: text, count: df.rowCount), width: text.count, minWidth: text.count,
                            na: "NA", naIndent: 0, short: nil)
            rightAligned = false
            return
        }
        if v.isFactor {
            (shaft, rightAligned) = (Self.characterShaft(Coerce.strings(v)), false)
            return
        }
        if let kind = DateTimeDisplay.kind(v) {
            // Dates and date-times with the clock always shown; durations come padded to one
            // width by format, so their numbers line up under a left-aligned title.
            let cells = DateTimeDisplay.format(v, kind: kind, alwaysClock: true)
            let width = cells.map { $0.map(PillarText.width) ?? 2 }.max() ?? 0
            shaft = .simple(cells: cells, width: width, minWidth: width, na: "NA", naIndent: 0, short: nil)
            rightAligned = false
            return
        }
        switch v.storage {
        case .double, .integer:
            let x = Coerce.doubles(v) ?? []
            var isInteger = false
            if case .integer = v.storage { isInteger = true }
            let dec = PillarNumbers.split(x, isInteger: isInteger, sigfig: sigfig, scientific: false)
            let sci = PillarNumbers.split(x, isInteger: isInteger, sigfig: sigfig, scientific: true)
            shaft = .decimal(dec.width > 13 ? nil : dec, sci)
            rightAligned = true
        case .logical(let a):
            let cells = a.map { $0 == .na ? nil : ($0 == .yes ? "TRUE" : "FALSE") }
            shaft = .simple(cells: cells, width: 5, minWidth: 5, na: "NA", naIndent: 0, short: nil)
            rightAligned = false
        case .character(let a):
            (shaft, rightAligned) = (Self.characterShaft(a), false)
        case .list(let items):
            let long = items.map { "<" + Self.objectSummary($0) + ">" }
            let short = items.map { "<" + Self.objectSummary($0, short: true) + ">" }
            shaft = .simple(cells: long, width: long.map(PillarText.width).max() ?? 0,
                            minWidth: short.map(PillarText.width).max() ?? 0, na: "NA", naIndent: 0, short: short)
            rightAligned = false
        }
    }

    /// pillar_shaft.character: quoted throughout when some value would be ambiguous unquoted.
    private static func characterShaft(_ a: [String?]) -> Shaft {
        let ambiguous = a.contains { s in
            guard let s else { return false }
            return s.isEmpty || s.hasPrefix(" ") || s.hasSuffix(" ") || s.contains("\\") || s.contains("\"")
                || s.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        var cells = a
        if ambiguous {
            // Quoted and escaped as R writes strings, so that a control character shows as \r.
            cells = a.map { s in s.map { Deparser.quoteString($0) } }
        }
        let width = cells.compactMap { $0.map(PillarText.width) }.max() ?? 0
        return .simple(cells: cells, width: width, minWidth: min(width, 3), na: "<NA>", naIndent: ambiguous && width > 4 ? 1 : 0, short: nil)
    }

    /// obj_sum: a list element's type and size, as `<int [3]>` shows it.
    static func objectSummary(_ x: RValue, short: Bool = false) -> String {
        if let df = DataFrame(x) {
            let abbr = df.isTibble ? "tibble" : "df"
            return short ? abbr : "\(abbr) [\(PillarText.bigMark(df.rowCount)) \u{00D7} \(df.columns.count)]"
        }
        if case .vector(let v) = x, let cls = v.classes, !v.isFactor { return cls[0] }
        if case .null = x { return "NULL" }
        guard case .vector = x else { return ColumnOps.typeAbbreviation(x) }
        let abbr = ColumnOps.typeAbbreviation(x)
        return short ? abbr : "\(abbr) [\(PillarText.bigMark(x.length))]"
    }

    /// pillar_format_parts_2: title, type and cells formatted into `width` columns and aligned.
    func format(width: Int, footnote: Int) -> (lines: [String], extent: Int, abbreviated: Bool) {
        var flat: [String] = []
        var abbreviated = false
        if let title {
            let w = min(width, titleWidth)
            if PillarText.width(title) > w {
                flat.append(PillarText.truncateTitle(title, width: w, footnote: footnote))
                abbreviated = true
            } else {
                flat.append(title)
            }
        } else {
            flat.append("")
        }
        let typeW = min(width, typeWidth)
        flat.append(typeW - 2 < PillarText.width(type) ? "<" + PillarText.prefix(type, width: max(typeW - 2, 0)) + ">" : "<\(type)>")
        flat += dataCells(width: min(width, dataWidth))
        var extent = flat.map(PillarText.width).max() ?? 0
        if extent > width {
            flat = flat.map { PillarText.width($0) > width ? PillarText.truncate($0, width: width) : $0 }
            extent = width
        }
        let aligned = flat.map { s -> String in
            let pad = String(repeating: " ", count: max(extent - PillarText.width(s), 0))
            return rightAligned ? pad + s : s + pad
        }
        return (aligned, extent, abbreviated)
    }

    private func dataCells(width: Int) -> [String] {
        switch shaft {
        case .decimal(let dec, let sci):
            let layout = (dec == nil || width < (dec?.width ?? 0)) ? sci : (dec ?? sci)
            return layout.cells()
        case .simple(let cells, let desired, _, let na, let naIndent, let short):
            return cells.enumerated().map { k, cell in
                guard var text = cell else { return String(repeating: " ", count: naIndent) + na }
                if width < desired && PillarText.width(text) > width {
                    if let short { text = short[k] } else { text = PillarText.truncate(text, width: width) }
                }
                return text
            }
        }
    }
}

/// Display widths and cutting as pillar measures text (utf8_width: zero-width marks count 0).
enum PillarText {
    static let ellipsis = "\u{2026}"

    static func width(_ s: String) -> Int {
        var w = 0
        for scalar in s.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: w += String(scalar).displayWidth
            }
        }
        return w
    }

    /// The longest start of `s` that fits in `width` columns.
    static func prefix(_ s: String, width: Int) -> String {
        var out = ""
        var used = 0
        for ch in s {
            let w = Self.width(String(ch))
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return out
    }

    /// str_add_ellipsis: cut to width - 1 and add "…".
    static func truncate(_ s: String, width: Int) -> String { prefix(s, width: max(width - 1, 0)) + ellipsis }

    /// A column title cut to fit, backticks removed, with "…" and its footnote number.
    static func truncateTitle(_ s: String, width: Int, footnote: Int) -> String {
        let plain = s.replacingOccurrences(of: "`", with: "")
        return prefix(plain, width: max(width - 2, 0)) + ellipsis + superdigit(footnote)
    }

    static func superdigit(_ k: Int) -> String {
        let digits = ["\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2074}", "\u{2075}", "\u{2076}", "\u{2077}", "\u{2078}", "\u{2079}", "\u{02DF}"]
        return digits[min(max(k, 1), 10) - 1]
    }

    /// formatC(big.mark = ","): 1990 as "1,990".
    static func bigMark(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (k, ch) in digits.reversed().enumerated() {
            if k > 0 && k % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }

    /// tick_if_needed: non-syntactic names in backticks.
    static func tick(_ name: String) -> String {
        if RNames.makeName(name) == name { return name }
        return "`" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "`", with: "\\`") + "`"
    }
}
