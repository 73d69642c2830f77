/// A one-sided formula used as a function, as purrr's as_mapper and rlang's as_function read
/// `~ .x + 1`: its right side evaluated in a new frame of the formula's environment, with the
/// first argument bound to `.x` and `.`, the second to `.y`.
struct FormulaLambda {
    let body: Expr
    let environment: Environment

    /// The lambda a value stands for, or nil when it is not a formula.
    init?(_ value: RValue, default environment: Environment) {
        guard case .language(let l) = value, case .call(let c) = l.expr, c.functionName == "~", let body = c.arguments.last else {
            return nil
        }
        self.body = body.value
        if case .environment(let e)? = l.attributes[".Environment"] { self.environment = e } else { self.environment = environment }
    }

    func call(_ values: [RValue], _ interpreter: Interpreter) throws -> RValue {
        let frame = Environment(parent: environment)
        if let first = values.first {
            frame.set(".x", first)
            frame.set(".", first)
        }
        if values.count > 1 { frame.set(".y", values[1]) }
        return try interpreter.eval(body, frame)
    }
}
