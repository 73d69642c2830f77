import MixedModels

/// predict() of an lmer fit on new data, as lme4's predict.merMod: Xβ from the fixed part (with
/// the fit's factor levels), plus, unless re.form = NA (or ~0), each random term's columns times
/// the conditional modes of the row's level. A level the fit never saw is lme4's error, or adds
/// nothing with allow.new.levels = TRUE. Rows with a missing predictor predict NA (na.pass).
enum MixedModelPrediction {
    static func predict(_ object: RValue, _ model: LinearMixedModel, newdata: RValue, reForm: RValue?, allowNewLevels: Bool,
                        _ ctx: CallContext) throws -> RValue {
        let i = ctx.interpreter
        guard case .language(let f)? = ListFields.field(object, "formula") else { throw RError("object has no formula") }
        var env = ctx.env
        if case .environment(let e)? = f.attributes[".Environment"] { env = e }
        let formula = try ModelFormula(f.expr)
        let xlevels = i.mixedModelFactorLevels[ObjectIdentifier(model)] ?? [:]
        let design = try ModelMatrix(formula, data: newdata, env: env, interpreter: i, xlevels: xlevels, needsResponse: false)
        var prediction = [Double](repeating: 0, count: design.rows.count)
        let beta = Dictionary(zip(model.fixedEffectNames, model.beta), uniquingKeysWith: { a, _ in a })
        for (name, column) in zip(design.columnNames, design.columns) {
            guard let b = beta[name] else { continue }
            for r in prediction.indices { prediction[r] += column[r] * b }
        }
        if try includesRandomEffects(reForm) {
            let mask = ModelMatrix.mask(newdata, env: env)
            // The model orders its terms by their number of levels; find each by the name build
            // gave it (Subject, Subject.1 for a second term on the same factor) and its columns.
            var names: [String] = []
            for r in formula.random {
                let name = Deparser.deparse(r.grouping)
                let labels = try MixedModelLibrary.groupingLabels(r.grouping, mask: mask, rows: design.rows, interpreter: i).map { label in
                    // mkReTrms refuses a missing grouping level, whatever allow.new.levels says;
                    // lme4 stops with call. = FALSE, so the error names no call.
                    guard let label else {
                        let message = "Invalid grouping factor specification, " + name
                        throw RError(message, condition: i.makeCondition(message, call: nil, classes: ["simpleError", "error", "condition"]))
                    }
                    return label
                }
                let blocks = try MixedModelLibrary.termColumns(r.formula, uncorrelated: r.uncorrelated, data: newdata, env: env,
                                                               rows: design.rows, interpreter: i, xlevels: xlevels, needsResponse: false)
                for block in blocks {
                    let termName = MixedModelLibrary.termName(name, after: names)
                    names.append(termName)
                    guard let index = model.terms.firstIndex(where: { $0.grouping == termName && $0.columnNames == block.names }) else {
                        throw RError("the fit has no random term for \(termName)")
                    }
                    let term = model.terms[index], modes = model.b[index], q = term.q
                    let level = Dictionary(term.levels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                    let unseen = labels.filter { level[$0] == nil }
                    if !unseen.isEmpty && !allowNewLevels {
                        var seen = Set<String>()
                        let names = unseen.filter { seen.insert($0).inserted }
                        throw RError("new levels detected in newdata: " + names.joined(separator: ", "), call: Call(.symbol("levelfun"), [
                            Argument(.symbol("r")), Argument(.symbol("n")),
                            Argument(name: "allow.new.levels", .symbol("allow.new.levels")),
                        ]))
                    }
                    for (row, label) in labels.enumerated() {
                        guard let g = level[label] else { continue }
                        for c in 0..<min(q, block.names.count) {
                            prediction[row] += block.values[c * labels.count + row] * modes[g * q + c]
                        }
                    }
                }
            }
        }
        // na.pass: one prediction per row of newdata, NA where a predictor is missing.
        let total = newdata.asVector.map(DataFrameShape.rowCount) ?? design.rows.count
        var out = [Double](repeating: NAReal, count: total)
        for (k, row) in design.rows.enumerated() where row < total { out[row] = prediction[k] }
        var v = RVector(.double(out))
        v.names = LinearModelLibrary.rowNames(Array(0..<total), newdata).map { Optional($0) }
        return .vector(v)
    }

    /// re.form: NULL (the default) keeps every random term, NA or ~0 none.
    private static func includesRandomEffects(_ reForm: RValue?) throws -> Bool {
        guard let reForm, !reForm.isNullValue else { return true }
        if let v = reForm.asVector, v.count == 1, v.isNA(at: 0) { return false }
        if case .language(let l) = reForm, case .call(let c) = l.expr, c.functionName == "~", let rhs = c.arguments.last?.value,
           case .constant(let k) = rhs, k.scalarDouble() == 0 {
            return false
        }
        throw RError("mlmd predicts with every random term (re.form = NULL) or none (re.form = NA or ~0)")
    }
}
