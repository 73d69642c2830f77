/// What printCoefmat and print.anova share once every cell is formatted: a column of
/// significance stars beside the p values (when any is below 0.1), the table laid out as
/// print.default(quote = FALSE, right = TRUE) lays out a character matrix, and the stars' legend.
enum CoefficientTableLayout {
    static func render(rowNames: [String], headers: [String], columns: [[String]], pValues: [Double]) -> String {
        var headers = headers, columns = columns
        let showStars = pValues.contains { !$0.isNaN && $0 < 0.1 }
        if showStars {
            var stars = pValues.map { v -> String in
                guard !v.isNaN else { return "" }
                return v <= 0.001 ? "***" : v <= 0.01 ? "**" : v <= 0.05 ? "*" : v <= 0.1 ? "." : " "
            }
            let w = stars.map(\.count).max() ?? 0
            stars = stars.map { $0.rightPadded(to: w) }
            columns.append(stars)
            headers.append("")
        }
        let labelWidth = rowNames.map(\.displayWidth).max() ?? 0
        let widths = zip(headers, columns).map { h, c in max(h.displayWidth, c.map(\.displayWidth).max() ?? 0) }
        var out = String(repeating: " ", count: labelWidth)
        for (h, w) in zip(headers, widths) { out += " " + h.leftPadded(to: w) }
        out += "\n"
        for (i, name) in rowNames.enumerated() {
            out += name.rightPadded(to: labelWidth)
            for (c, w) in zip(columns, widths) { out += " " + (i < c.count ? c[i] : "").leftPadded(to: w) }
            out += "\n"
        }
        if showStars {
            let legend = zip(["0", "0.001", "0.01", "0.05", "0.1"], ["***", "**", "*", ".", " "]).map { "\($0) \(Quotes.single($1))" }
            out += "---\nSignif. codes:  " + legend.joined(separator: " ") + " 1\n"
        }
        return out
    }
}
