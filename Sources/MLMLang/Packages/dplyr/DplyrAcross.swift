/// across(): the same functions applied to several columns inside mutate or summarise. It
/// returns a tibble, whose columns the verb then adds as if each had been named.
enum DplyrAcross {
    /// The data mask's binding that tells across which columns are grouping variables.
    static let groupVarsBinding = ".__dplyr_group_vars__"

    static func install(_ interp: Interpreter) {
        interp.define("across", special: { ctx, args in
            let i = ctx.interpreter
            guard case .vector(let dataList)? = try? i.lookup(".data", ctx.env), case .list(let items) = dataList.storage else {
                throw RError("`across()` must only be used inside dplyr verbs.", call: ctx.call)
            }
            let names = (dataList.names ?? []).map { $0 ?? "" }
            let groupVars = (try? i.lookup(groupVarsBinding, ctx.env)).flatMap { $0.asVector.map { Coerce.strings($0).compactMap { $0 } } } ?? []
            let keep = names.indices.filter { !groupVars.contains(names[$0]) }
            let data = DataFrame(columns: keep.map { items[$0] }, names: keep.map { names[$0] },
                                 rowCount: items.first.map(ColumnOps.length) ?? 0, classes: DataFrame.tibbleClasses)
            var colsExpr: Expr = .call(Call(.symbol("everything"), []))
            var fnsValue: RValue = .null
            var namesPattern: String?
            var extra: [EvaluatedArgument] = []
            var positional = 0
            for a in args {
                switch a.name {
                case ".cols": colsExpr = a.value
                case ".fns": fnsValue = try i.eval(a.value, ctx.env)
                case ".names": namesPattern = try i.eval(a.value, ctx.env).stringValue
                case nil:
                    if positional == 0 { colsExpr = a.value }
                    else if positional == 1 { fnsValue = try i.eval(a.value, ctx.env) }
                    else { extra.append(EvaluatedArgument(try i.eval(a.value, ctx.env))) }
                    positional += 1
                default:
                    extra.append(EvaluatedArgument(name: a.name, try i.eval(a.value, ctx.env)))
                }
            }
            let selected = try TidySelect.selection([DataMask.Quosure(name: nil, expr: colsExpr, env: ctx.env, value: nil)], in: data, ctx)
            var functions: [(name: String?, value: RValue)] = []
            var isList = false
            if case .vector(let fv) = fnsValue, case .list(let fs) = fv.storage, !isFormula(fnsValue) {
                isList = true
                let fnNames = fv.names ?? []
                functions = fs.enumerated().map { k, f in (k < fnNames.count && !(fnNames[k]?.isEmpty ?? true) ? fnNames[k] : String(k + 1), f) }
            } else if !fnsValue.isNullValue {
                functions = [(nil, fnsValue)]
            }
            let pattern = namesPattern ?? (isList ? "{.col}_{.fn}" : "{.col}")
            var outColumns: [RValue] = []
            var outNames: [String] = []
            for (position, name) in selected {
                let column = data.columns[position]
                if functions.isEmpty {
                    outColumns.append(column)
                    outNames.append(name)
                    continue
                }
                for f in functions {
                    outColumns.append(try apply(f.value, to: column, extra: extra, ctx))
                    outNames.append(pattern.replacingOccurrences(of: "{.col}", with: name).replacingOccurrences(of: "{.fn}", with: f.name ?? "1"))
                }
            }
            let size = outColumns.map(ColumnOps.length).max() ?? data.rowCount
            return DataFrame(columns: outColumns.map { ColumnOps.recycle($0, to: size) }, names: outNames, rowCount: size,
                             classes: DataFrame.tibbleClasses).value
        })
    }

    private static func isFormula(_ v: RValue) -> Bool { v.inherits("formula") }

    /// A function, or a purrr-style formula whose right side sees the column as `.x`.
    private static func apply(_ f: RValue, to column: RValue, extra: [EvaluatedArgument], _ ctx: CallContext) throws -> RValue {
        if let lambda = FormulaLambda(f, default: ctx.env) { return try lambda.call([column], ctx.interpreter) }
        let function = try ctx.interpreter.functionArgument(f, env: ctx.env)
        return try ctx.interpreter.callValue(function, [EvaluatedArgument(column)] + extra, env: ctx.env)
    }
}
