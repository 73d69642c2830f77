import Foundation

/// print.lm, summary.lm and printCoefmat, laid out as R's stats package prints them. Numbers
/// are formatted by the same builtins R code would call (format, formatC, format.pval, quantile).
enum LinearModelPrinting {
    static func install(_ interp: Interpreter) {
        interp.define("print.lm", { ctx, args in
            guard let fit = args.first?.value else { return .null }
            let r = RCalls(ctx)
            var out = "\nCall:\n" + callText(fit) + "\n\n"
            if let coefficients = LinearModelLibrary.field(fit, "coefficients"), coefficients.length > 0 {
                out += "Coefficients:\n"
                let formatted = try r.call("format", coefficients, named: ["digits": .scalar(4)])
                out += namedStrings(formatted, gap: 2)
            } else {
                out += "No coefficients\n"
            }
            ctx.interpreter.write(out + "\n")
            ctx.interpreter.visible = false
            return fit
        })
        interp.define("summary.lm", { ctx, args in
            guard let fit = args.first?.value else { return .null }
            if LinearModelLibrary.field(fit, "perfect.fit")?.logicalValue == true {
                ctx.interpreter.warning("essentially perfect fit: summary may be unreliable", call: ctx.call)
            }
            return try LinearModelSummary.object(fit)
        })
        interp.define("print.summary.lm", { ctx, args in
            guard let s = args.first?.value else { return .null }
            ctx.interpreter.write(try summaryText(s, RCalls(ctx)))
            ctx.interpreter.visible = false
            return s
        })
    }

    /// deparse(x$call) lines, as print.lm and print.summary.lm show them.
    static func callText(_ fit: RValue) -> String {
        guard case .language(let l)? = LinearModelLibrary.field(fit, "call") else { return "" }
        return Deparser.deparseLines(l.expr).joined(separator: "\n")
    }

    static func summaryText(_ s: RValue, _ r: RCalls) throws -> String {
        let digits = 4
        func number(_ name: String) -> Double { LinearModelLibrary.field(s, name)?.doubleValue ?? .nan }
        var out = "\nCall:\n" + callText(s) + "\n\n"
        let residuals = LinearModelLibrary.field(s, "residuals") ?? .double([])
        let df = LinearModelLibrary.field(s, "df")?.asVector.flatMap { Coerce.integers($0) } ?? []
        let rdf = df.count > 1 ? df[1] : 0
        // Weighted fits' residuals are sqrt(w) * residuals already (summary.lm computes them).
        if let w = LinearModelLibrary.field(s, "weights")?.asVector.flatMap({ Coerce.doubles($0) }), w.min() != w.max() {
            out += "Weighted "
        }
        out += "Residuals:\n"
        if rdf > 5 {
            let q = try r.call("quantile", residuals)
            guard case .vector(var rq) = try zapsmall(q, digits: digits + 1, r) else { return out }
            rq.names = ["Min", "1Q", "Median", "3Q", "Max"]
            out += try r.printed(.vector(rq), digits: digits)
        } else if rdf > 0 {
            out += try r.printed(residuals, digits: digits)
        } else {
            out += "ALL \(residuals.length) residuals are 0: no residual degrees of freedom!\n"
        }
        guard case .vector(let estimable)? = LinearModelLibrary.field(s, "coefficients") else { return out }
        let aliased = LinearModelLibrary.field(s, "aliased")?.asVector
        let aliasedFlags = aliased.flatMap { Coerce.logicals($0) }?.map { $0 == .yes } ?? []
        let aliasedCount = aliasedFlags.filter { $0 }.count
        out += aliasedCount > 0 ? "\nCoefficients: (\(aliasedCount) not defined because of singularities)\n" : "\nCoefficients:\n"
        // print.summary.lm puts the aliased coefficients back as rows of NA.
        let table = aliasedCount > 0 ? LinearModelSummary.withAliasedRows(estimable, aliased: aliasedFlags,
                                                                          names: aliased.flatMap(\.names)?.map { $0 ?? "" } ?? []) : estimable
        out += try printCoefmat(table, digits: digits, r)
        let sigma = try r.call("format", try r.call("signif", .scalar(number("sigma")), named: ["digits": .scalar(digits)]))
        out += "\nResidual standard error: \(sigma.stringValue ?? "") on \(rdf) degrees of freedom\n"
        let deleted = LinearModelLibrary.field(s, "na.action")?.length ?? 0
        if deleted > 0 { out += "  (\(deleted) observation\(deleted > 1 ? "s" : "") deleted due to missingness)\n" }
        if let f = LinearModelLibrary.field(s, "fstatistic")?.asVector.flatMap({ Coerce.doubles($0) }), f.count == 3 {
            let r2 = try r.call("formatC", .scalar(number("r.squared")), named: ["digits": .scalar(digits)]).stringValue ?? ""
            let adj = try r.call("formatC", .scalar(number("adj.r.squared")), named: ["digits": .scalar(digits)]).stringValue ?? ""
            let fv = try r.call("formatC", .scalar(f[0]), named: ["digits": .scalar(digits)]).stringValue ?? ""
            let pValue = LinearModelAnova.fUpper(f[0], f[1], f[2])
            let p = try r.call("format.pval", .scalar(pValue), named: ["digits": .scalar(digits)]).stringValue ?? ""
            out += "Multiple R-squared:  \(r2),\tAdjusted R-squared:  \(adj) \nF-statistic: \(fv) on \(RFormat.significant(f[1], digits: 7)) and \(RFormat.significant(f[2], digits: 7)) DF,  p-value: \(p)\n"
        }
        return out + "\n"
    }

    /// zapsmall(x, digits): rounds away digits that are noise next to the largest value.
    static func zapsmall(_ x: RValue, digits: Int, _ r: RCalls) throws -> RValue {
        let values = x.asVector.flatMap { Coerce.doubles($0) }?.filter { !$0.isNaN } ?? []
        let mx = values.map(abs).max() ?? 0
        let places = zapPlaces(largest: mx, digits: digits)
        return try r.call("round", x, named: ["digits": .scalar(places)])
    }

    /// printCoefmat(x, digits, signif.stars = TRUE) for a coefficient table whose last column is
    /// a p value ("Pr(...)") or not: the columns before the test statistic share one format,
    /// rounded by their largest and smallest magnitudes; the statistic is rounded; p values by
    /// format.pval; significance stars and their legend.
    static func printCoefmat(_ table: RVector, digits: Int, _ r: RCalls) throws -> String {
        guard let dim = table.dim, dim.count == 2, let values = Coerce.doubles(table) else { return "" }
        let rows = dim[0], nc = dim[1]
        let headers = (MatrixPrinter.dimnames(table).columns ?? []).map { $0 ?? "" }
        let hasP = headers.last.map { $0.hasPrefix("Pr(") || $0.hasPrefix("P(") } ?? false
        let tstColumn = nc - (hasP ? 1 : 0) - 1
        let rowNames = MatrixPrinter.dimnames(table).rows?.map { $0 ?? "" } ?? (0..<rows).map { String($0 + 1) }
        func column(_ j: Int) -> [Double] { (0..<rows).map { values[j * rows + $0] } }
        func strings(_ v: RValue) -> [String] { v.asVector.map { Coerce.strings($0).map { $0 ?? "NA" } } ?? [] }
        let digTst = max(1, min(5, digits - 1))
        var cells = [[String]](repeating: [String](repeating: "", count: rows), count: nc)
        // The coefficient-like columns share one format, rounded by the largest magnitude.
        let coefSE = (0..<tstColumn).flatMap(column)
        let finite = coefSE.map(abs).filter { $0.isFinite && $0 != 0 }
        if let lo = finite.min(), let hi = finite.max() {
            let digmin = [1 + Int(floor(log10(lo))), 1 + Int(floor(log10(hi)))]
            let places = max(1, digits - digmin[0], digits - digmin[1])
            let rounded = try r.call("round", .double(coefSE), named: ["digits": .scalar(places)])
            let formatted = strings(try r.call("format", rounded, named: ["digits": .scalar(digits)]))
            for j in 0..<tstColumn { for i in 0..<rows { cells[j][i] = formatted[j * rows + i] } }
        }
        let t = strings(try r.call("format", try r.call("round", .double(column(tstColumn)), named: ["digits": .scalar(digTst)]), named: ["digits": .scalar(digits)]))
        for i in 0..<rows { cells[tstColumn][i] = t[i] }
        // A value that is not zero but shows as zero is formatted on its own.
        for j in 0..<tstColumn {
            for i in 0..<rows where column(j)[i] != 0 && Double(cells[j][i]) == 0 {
                cells[j][i] = strings(try r.call("format", .scalar(column(j)[i]), named: ["digits": .scalar(max(1, digits - 1))])).first ?? ""
            }
        }
        let p = hasP ? column(nc - 1) : []
        let okP = p.indices.filter { !p[$0].isNaN }
        if hasP {
            let pText = strings(try r.call("format.pval", .double(okP.map { p[$0] }), named: ["digits": .scalar(digTst), "eps": .scalar(Double.ulpOfOne)]))
            for (k, i) in okP.enumerated() { cells[nc - 1][i] = pText[k] }
        }
        for j in 0..<nc { for i in 0..<rows where column(j)[i].isNaN { cells[j][i] = column(j)[i].isRNA ? "NA" : "NaN" } }
        let cellHeaders = (0..<nc).map { j in j < headers.count ? headers[j] : "" }
        return CoefficientTableLayout.render(rowNames: rowNames, headers: cellHeaders, columns: cells, pValues: p)
    }

    /// A named character vector as print(quote = FALSE, print.gap = gap) lays it out.
    static func namedStrings(_ v: RValue, gap: Int) -> String {
        guard case .vector(let vec) = v else { return "" }
        let values = Coerce.strings(vec).map { $0 ?? "NA" }, names = (vec.names ?? []).map { $0 ?? "" }
        let w = max(values.map(\.displayWidth).max() ?? 0, names.map(\.displayWidth).max() ?? 0)
        let perLine = max(80 / (w + gap), 1)
        var out = ""
        var start = 0
        let pad = String(repeating: " ", count: gap)
        while start < values.count {
            let end = min(start + perLine, values.count)
            out += (start..<end).map { (names.count > $0 ? names[$0] : "").leftPadded(to: w) + pad }.joined() + "\n"
            out += (start..<end).map { values[$0].leftPadded(to: w) + pad }.joined() + "\n"
            start = end
        }
        return out
    }
}

/// Calling R-level builtins from Swift with evaluated arguments.
struct RCalls {
    let ctx: CallContext

    init(_ ctx: CallContext) { self.ctx = ctx }

    func call(_ name: String, _ x: RValue, named: [String: RValue] = [:]) throws -> RValue {
        // As a package's code calls its imports: found whether or not the user attached them.
        let i = ctx.interpreter
        guard let f = (try? i.lookupFunction(name, ctx.env)) ?? i.packageBuiltin(name) else {
            throw RError("could not find function \"\(name)\"")
        }
        let args = [EvaluatedArgument(x)] + named.sorted { $0.key < $1.key }.map { EvaluatedArgument(name: $0.key, $0.value) }
        return try ctx.interpreter.callValue(f, args, env: ctx.env)
    }

    /// What print(x, digits = digits) writes.
    func printed(_ x: RValue, digits: Int) throws -> String {
        let saved = ctx.interpreter.options["digits"]
        ctx.interpreter.options["digits"] = .scalar(digits)
        defer { ctx.interpreter.options["digits"] = saved }
        return ctx.interpreter.formatForPrint(x)
    }
}
