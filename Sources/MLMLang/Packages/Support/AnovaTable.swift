/// print.anova's layout for any analysis-of-variance table: R picks each column's treatment
/// from its name — "Df" columns as they are, test statistics ("F value", "F", "Chisq")
/// rounded, the last "Pr(...)" column by format.pval with stars, every other column zapped
/// and formatted to 5 significant digits on its own — and shows NA as blank.
enum AnovaTable {
    /// `digits` as print.anova's (max(getOption("digits") - 2, 3) unless given); test
    /// statistics get one digit fewer, as printCoefmat's dig.tst.
    static func format(_ rows: [[Double]], headers: [String], rowNames: [String], _ r: RCalls, digits: Int = 5) throws -> String {
        let digTst = max(1, min(5, digits - 1))
        let hasP = headers.last.map { $0.hasPrefix("Pr(") || $0.hasPrefix("P(") } ?? false
        let tst = Set(headers.indices.filter { headers[$0].dropFirst().hasPrefix(" value") || ["F", "Cp", "Chisq"].contains(headers[$0]) })
        func strings(_ v: RValue) -> [String] { v.asVector.map { Coerce.strings($0).map { $0 ?? "" } } ?? [] }
        var columns: [[String]] = []
        for (j, header) in headers.enumerated() {
            let values = rows.map { $0[j] }
            let presentIndex = values.indices.filter { !values[$0].isNaN }
            var present = presentIndex.map { values[$0] }
            var texts = [String](repeating: "", count: values.count)
            guard !present.isEmpty else { columns.append(texts); continue }
            var formatted: [String]
            if hasP && j == headers.count - 1 {
                formatted = strings(try r.call("format.pval", .double(present), named: ["digits": .scalar(digTst), "eps": .scalar(Double.ulpOfOne)]))
            } else if tst.contains(j) {
                formatted = strings(try r.call("format", try r.call("round", .double(present), named: ["digits": .scalar(digTst)]), named: ["digits": .scalar(digits)]))
            } else {
                if !header.hasSuffix("Df") { present = Summaries.zapSmall(present, digits: digits) }
                formatted = strings(try r.call("format", .double(present), named: ["digits": .scalar(digits)]))
                // A value that is not zero but shows as zero is formatted on its own.
                for (k, v) in present.enumerated() where v != 0 && Double(formatted[k]) == 0 {
                    formatted[k] = strings(try r.call("format", .scalar(v), named: ["digits": .scalar(digits - 1)])).first ?? formatted[k]
                }
            }
            for (k, i) in presentIndex.enumerated() { texts[i] = formatted[k] }
            columns.append(texts)
        }
        let pValues = hasP ? rows.map { $0[headers.count - 1] } : []
        return CoefficientTableLayout.render(rowNames: rowNames, headers: headers, columns: columns, pValues: pValues)
    }
}

extension AnovaTable {
    /// A column of an anova table: its name and values (integer columns stay integer, as R's
    /// Df columns of anova.lm are).
    enum Column {
        case doubles(String, [Double])
        case integers(String, [Int])

        var name: String {
            switch self { case .doubles(let n, _), .integers(let n, _): return n }
        }
        var value: RValue {
            switch self {
            case .doubles(_, let v): return .double(v)
            case .integers(_, let v): return .integer(v)
            }
        }
    }

    /// The object R's anova functions return: a data frame of class c("anova", "data.frame")
    /// with the table's columns, and the lines print.anova writes above it as "heading";
    /// other attributes come before or after it, in the order R's function sets them.
    static func object(_ columns: [Column], rowNames: [String], heading: [String],
                       before: [(name: String, value: RValue)] = [], after: [(name: String, value: RValue)] = []) -> RValue {
        var df = DataFrame(columns: columns.map(\.value), names: columns.map(\.name), rowCount: rowNames.count,
                           rowNames: rowNames, classes: ["anova", "data.frame"])
        df.extra = before + [("heading", .character(heading.map { Optional($0) }))] + after
        guard case .vector(var v) = df.value else { return df.value }
        // anova tables keep their row names as given, numbers included ("1", "2" of anova.lmlist).
        v.attributes["row.names"] = .character(rowNames.map { Optional($0) })
        return .vector(v)
    }

    /// print.anova: the heading lines, then the table as printCoefmat lays it out.
    static func printed(_ x: RValue, _ r: RCalls, digits: Int = 5) throws -> String {
        guard let df = DataFrame(x) else { throw RError("'anova' object must have colnames") }
        var out = ""
        if case .vector(let heading)? = df.extra.first(where: { $0.name == "heading" })?.value {
            for line in Coerce.strings(heading) { out += (line ?? "NA") + "\n" }
        }
        let columns = df.columns.map { $0.asVector.flatMap { Coerce.doubles($0) } ?? [] }
        let rows = (0..<df.rowCount).map { i in columns.map { i < $0.count ? $0[i] : NAReal } }
        return out + (try format(rows, headers: df.names, rowNames: df.rowLabels, r, digits: digits))
    }
}
