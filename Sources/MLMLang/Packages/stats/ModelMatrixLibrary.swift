/// stats' model.matrix() of a formula (over a data frame) or of a fitted lm/glm/aov: the design
/// matrix with the data's row names, the "assign" attribute (each column's term) and
/// "contrasts" (how each factor was coded).
enum ModelMatrixLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("model.matrix", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "data", "contrasts.arg", "xlev", "..."], args, call: ctx.call)
            guard let object = m["object"] else { throw RError("argument \"object\" is missing, with no default", call: ctx.call) }
            if case .language(let f) = object, f.attributes["class"]?.asVector.map({ Coerce.strings($0).contains("formula") }) == true {
                return try fromFormula(f, data: m["data"] ?? .null, ctx)
            }
            // A fit: its own design matrix, rows named as its residuals are.
            if case .vector(let fit) = object, case .list(let items) = fit.storage, let names = fit.names,
               let k = names.firstIndex(of: "x"), case .vector(var x) = items[k] {
                if let r = names.firstIndex(of: "residuals"), let rowNames = items[r].asVector?.names,
                   case .vector(let dn)? = x.attributes["dimnames"], case .list(let parts) = dn.storage, parts.count == 2 {
                    x.attributes["dimnames"] = .list([.character(rowNames), parts[1]])
                }
                if let a = names.firstIndex(of: "assign") { x.attributes["assign"] = items[a] }
                return .vector(x)
            }
            if case .vector(let fit) = object, case .list(let items) = fit.storage, let names = fit.names,
               let k = names.firstIndex(of: "formula"), case .language(let f) = items[k] {
                return try fromFormula(f, data: m["data"] ?? .null, ctx)
            }
            throw RError("no applicable method for 'model.matrix' applied to an object of class \"\(S3Library.dispatchClasses(object).first ?? "NULL")\"", call: ctx.call)
        })
    }

    static func fromFormula(_ f: Language, data: RValue, _ ctx: CallContext) throws -> RValue {
        let formula = try ModelFormula(f.expr)
        var env = ctx.env
        if case .environment(let e)? = f.attributes[".Environment"] { env = e }
        let design = try ModelMatrix(formula, data: data, env: env, interpreter: ctx.interpreter,
                                     needsResponse: formula.response != nil, generalResponse: true)
        let rowNames = LinearModelLibrary.rowNames(design.rows, data)
        guard case .vector(var x) = NamedValues.matrix(design.columns.flatMap { $0 }, rows: design.rows.count, columns: design.columns.count,
                                                       rowNames: rowNames, columnNames: design.columnNames) else { return .null }
        x.attributes["assign"] = .integer(design.assign)
        // Each factor coded with contrasts, named by its expression, in the order the formula
        // uses them: its contrasts attribute, or the function options("contrasts") names.
        var seen: [String] = [], coding: [RValue] = []
        for term in formula.terms {
            for e in term.variables {
                let name = Deparser.deparse(e)
                guard design.factorLevels[name] != nil, !seen.contains(name) else { continue }
                seen.append(name)
                let value = try ctx.interpreter.eval(e, ModelMatrix.mask(data, env: env))
                if let own = value.asVector?.attributes["contrasts"] { coding.append(own); continue }
                let ordered = value.asVector?.classes?.contains("ordered") == true
                let option = ctx.interpreter.options["contrasts"]?.asVector.map { Coerce.strings($0) } ?? []
                coding.append(.scalar(option.count == 2 ? option[ordered ? 1 : 0] ?? "" : ordered ? "contr.poly" : "contr.treatment"))
            }
        }
        if !seen.isEmpty {
            var list = RVector(.list(coding))
            list.names = seen.map { Optional($0) }
            x.attributes["contrasts"] = .vector(list)
        }
        return .vector(x)
    }
}
