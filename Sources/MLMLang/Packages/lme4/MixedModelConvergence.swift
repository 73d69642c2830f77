import MixedModels

/// lmerControl()'s optimizer settings, and lme4's reports on convergence: the warnings and
/// messages lmer signals after fitting, and the lines print and summary add about them.
enum MixedModelConvergence {
    /// OptimizerSettings from the value of lmerControl(...): optCtrl's NLopt tolerances and
    /// evaluation limit, restart_edge, boundary.tol and calc.derivs.
    static func settings(_ control: RValue) throws -> OptimizerSettings {
        var settings = OptimizerSettings()
        func number(_ v: RValue?, _ name: String) throws -> Double? {
            guard let v else { return nil }
            if case .null = v { return nil }
            guard let x = v.scalarDouble(), !x.isNaN else { throw RError("invalid value for '\(name)'") }
            return x
        }
        if let optCtrl = ListFields.field(control, "optCtrl") {
            if let x = try number(ListFields.field(optCtrl, "maxeval"), "maxeval") { settings.maxEvaluations = Int(min(max(x, 1), Double(Int32.max))) }
            if let x = try number(ListFields.field(optCtrl, "xtol_abs"), "xtol_abs") { settings.xtolAbs = x }
            if let x = try number(ListFields.field(optCtrl, "ftol_abs"), "ftol_abs") { settings.ftolAbs = x }
            if let x = try number(ListFields.field(optCtrl, "xtol_rel"), "xtol_rel") { settings.xtolRel = x }
            if let x = try number(ListFields.field(optCtrl, "ftol_rel"), "ftol_rel") { settings.ftolRel = x }
        }
        if let flag = ListFields.field(control, "restart_edge")?.logicalValue { settings.restartEdge = flag }
        if let x = try number(ListFields.field(control, "boundary.tol"), "boundary.tol") { settings.boundaryTolerance = x }
        if let flag = ListFields.field(control, "calc.derivs")?.logicalValue { settings.calcDerivs = flag }
        return settings
    }

    /// Signals what lme4 signals after a fit, with the calls lme4's warnings carry.
    static func signal(_ summary: OptSummary, _ interpreter: Interpreter) throws {
        if let warning = summary.optimizerWarning {
            interpreter.warning(warning, call: parsedCall("optwrap(optimizer, devfun, getStart(start, rho$pp), lower = rho$lower, control = control, adj = FALSE, verbose = verbose)"))
        }
        try signal(summary.findings, interpreter)
    }

    /// The findings of lme4's checkConv: a message for a singular fit, warnings otherwise.
    static func signal(_ findings: [ConvergenceCheck.Finding], _ interpreter: Interpreter) throws {
        for finding in findings {
            switch finding.signal {
            case .message: try interpreter.signalMessage(finding.text + "\n", call: nil)
            case .warning:
                interpreter.warning(finding.text, call: parsedCall("checkConv(attr(opt, \"derivs\"), opt$par, ctrl = control$checkConv, lbound = environment(devfun)$lower)"))
            case .none: break
            }
        }
    }

    private static func parsedCall(_ text: String) -> Call? {
        guard let exprs = try? Parser.parse(text), case .call(let call)? = exprs.first else { return nil }
        return call
    }

    /// lme4's fit warnings (.merMod.msgs): the message of dropped fixed-effect columns.
    static func fitWarnings(_ model: LinearMixedModel) -> String {
        let dropped = model.droppedFixedEffectNames.count
        guard dropped > 0 else { return "" }
        return "fit warnings:\n" + rankDeficiencyMessage(dropped) + "\n"
    }

    /// lme4's words when it drops columns of a rank-deficient X.
    static func rankDeficiencyMessage(_ dropped: Int) -> String {
        "fixed-effect model matrix is rank deficient so dropping \(dropped) " + (dropped == 1 ? "column / coefficient" : "columns / coefficients")
    }

    /// .prt.warn from a summary's optinfo list (conv$opt, message, conv$lme4$messages).
    static func report(optinfo: RValue?, forSummary: Bool) -> String {
        guard let optinfo else { return "" }
        let conv = ListFields.field(optinfo, "conv")
        let code = conv.flatMap { ListFields.field($0, "opt") }?.scalarInt() ?? 0
        let messages = conv.flatMap { ListFields.field($0, "lme4") }.flatMap { ListFields.field($0, "messages") }?.asVector
            .map { Coerce.strings($0).map { $0 ?? "" } } ?? []
        guard code > 0 || !messages.isEmpty else { return "" }
        let optimizer = ListFields.field(optinfo, "optimizer")?.stringValue ?? "nloptwrap"
        let line = "optimizer (\(optimizer)) convergence code: \(code) "
            + (code == 0 ? "(OK)" : "(\(ListFields.field(optinfo, "message")?.stringValue ?? ""))")
        if forSummary { return ([line] + messages).joined(separator: "\n") + "\n\n" }
        return line + " ; 0 optimizer warnings; \(messages.count) lme4 warnings \n"
    }

    /// lme4's .prt.warn: nothing for a clean fit; else the optimizer's code and, for print
    /// (`summary = TRUE` there), a count of warnings, or for summary every message on its line.
    static func report(_ summary: OptSummary?, forSummary: Bool) -> String {
        guard let summary else { return "" }
        let messages = summary.findings.map(\.text)
        guard summary.convergenceCode > 0 || !messages.isEmpty else { return "" }
        let code = summary.convergenceCode
        let line = "optimizer (nloptwrap) convergence code: \(code) " + (code == 0 ? "(OK)" : "(\(summary.returnMessage))")
        if forSummary { return ([line] + messages).joined(separator: "\n") + "\n\n" }
        // nloptwrap's own warnings are none: NLopt does not warn.
        return line + " ; 0 optimizer warnings; \(messages.count) lme4 warnings \n"
    }
}
