extension Interpreter {
    /// knitr's handling of a visible value while knitting: a value with a knit_print method
    /// (a kable table) is passed to it, and what comes back as "knit_asis" goes into the page
    /// as it is. Values without such a method print as they do anywhere else (false).
    func knitPrint(_ value: RValue, classes: [String], env: Environment) throws -> Bool {
        guard let method = classes.lazy.compactMap({ self.lookupMethod("knit_print.\($0)", env) }).first else { return false }
        let result = try callValue(method, [EvaluatedArgument(value)], env: env)
        if case .vector(let v) = result, v.classes?.contains("knit_asis") == true {
            emit(.asis(Coerce.strings(v).map { $0 ?? "NA" }.joined(separator: "\n")))
        }
        visible = false
        return true
    }
}
