import CRmath

/// anova for lm fits: one model gives the sequential (type I) sums of squares of its terms
/// from the QR effects; several give the F tests between nested models, as anova.lmlist does.
enum LinearModelAnova {
    static func install(_ interp: Interpreter) {
        interp.define("anova.lm", { ctx, args in
            let models = args.filter { $0.name == nil && $0.value.explicitClass?.contains("lm") == true }
            guard !models.isEmpty else {
                let object = args.first?.value ?? .null
                let cls = (object.explicitClass ?? S3Library.implicitClass(object)).first ?? "NULL"
                throw RError("no applicable method for 'anova' applied to an object of class \"\(cls)\"")
            }
            return models.count > 1 ? try comparison(models.map(\.value)) : try sequential(models[0].value)
        })
    }

    private static func field(_ v: RValue, _ name: String) -> RValue? { LinearModelLibrary.field(v, name) }
    private static func number(_ v: RValue, _ name: String) -> Double { field(v, name)?.doubleValue ?? .nan }
    private static func integers(_ v: RValue, _ name: String) -> [Int] { field(v, name)?.asVector.flatMap { Coerce.integers($0) } ?? [] }

    /// P(F > f) on df1 and df2 degrees of freedom.
    static func fUpper(_ f: Double, _ df1: Double, _ df2: Double) -> Double { pf(f, df1, df2, 0, 0) }

    static func sequential(_ fit: RValue) throws -> RValue {
        let assign = integers(fit, "assign"), pivot = integers(fit, "pivot"), rank = try LinearModelLibrary.count(fit, "rank")
        let effects = field(fit, "effects")?.asVector?.doubles ?? []
        let labels = (field(fit, "term.labels")?.asVector).map { Coerce.strings($0).map { $0 ?? "" } } ?? []
        var df = [Int](repeating: 0, count: labels.count + 1), ss = [Double](repeating: 0, count: labels.count + 1)
        for position in 0..<max(0, min(rank, effects.count, pivot.count)) {
            guard pivot[position] >= 0, pivot[position] < assign.count, assign[pivot[position]] >= 0,
                  assign[pivot[position]] < df.count else { throw RError("invalid 'lm' object: its 'assign' and 'pivot' do not agree") }
            let term = assign[pivot[position]]
            df[term] += 1
            ss[term] += effects[position] * effects[position]
        }
        let residualDF = number(fit, "df.residual"), residualSS = number(fit, "deviance")
        let residualMS = residualSS / residualDF
        var dfs: [Int] = [], sums: [Double] = [], means: [Double] = [], fs: [Double] = [], ps: [Double] = [], names: [String] = []
        for term in 1...max(labels.count, 1) where term <= labels.count && df[term] > 0 {
            let ms = ss[term] / Double(df[term])
            let f = ms / residualMS
            dfs.append(df[term]); sums.append(ss[term]); means.append(ms); fs.append(f)
            ps.append(residualDF > 0 ? fUpper(f, Double(df[term]), residualDF) : NAReal)
            names.append(labels[term - 1])
        }
        dfs.append(residualDF.isFinite ? Int(residualDF) : NAInteger); sums.append(residualSS); means.append(residualMS)
        fs.append(NAReal); ps.append(NAReal)
        names.append("Residuals")
        let response = field(fit, "response.name")?.stringValue ?? ""
        return AnovaTable.object([.integers("Df", dfs), .doubles("Sum Sq", sums), .doubles("Mean Sq", means),
                                  .doubles("F value", fs), .doubles("Pr(>F)", ps)],
                                 rowNames: names, heading: ["Analysis of Variance Table\n", "Response: \(response)"])
    }

    static func comparison(_ fits: [RValue]) throws -> RValue {
        var models: [String] = []
        for (k, fit) in fits.enumerated() {
            if case .language(let f)? = field(fit, "formula") { models.append("Model \(k + 1): \(Deparser.deparse(f.expr))") }
        }
        let resDF = fits.map { number($0, "df.residual") }, rss = fits.map { number($0, "deviance") }
        // The scale is the residual mean square of the model with the fewest residual df.
        let big = resDF.indices.min { resDF[$0] < resDF[$1] } ?? 0
        let scale = rss[big] / resDF[big]
        var rows: [[Double]] = []
        for k in fits.indices {
            if k == 0 { rows.append([resDF[k], rss[k], NAReal, NAReal, NAReal, NAReal]); continue }
            let df = resDF[k - 1] - resDF[k], sumSq = rss[k - 1] - rss[k]
            let f = df != 0 ? sumSq / df / scale : NAReal
            let p = df != 0 ? fUpper(f, abs(df), resDF[big]) : NAReal
            rows.append([resDF[k], rss[k], df, sumSq, f, p])
        }
        let headers = ["Res.Df", "RSS", "Df", "Sum of Sq", "F", "Pr(>F)"]
        return AnovaTable.object(headers.indices.map { j in .doubles(headers[j], rows.map { $0[j] }) },
                                 rowNames: fits.indices.map { String($0 + 1) },
                                 heading: ["Analysis of Variance Table\n", models.joined(separator: "\n")])
    }
}
