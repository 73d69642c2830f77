/// `OptimizerSettings()`: lme4 1.1-31's defaults for `lmer`, whose optimizer is "nloptwrap":
/// NLopt's BOBYQA with xtol_abs = ftol_abs = 1e-8 and maxeval = 1e5 from nloptwrap, and
/// xtol_rel = 1e-4, which nloptr adds as its own default. The same NLopt (2.7.1) then follows
/// the same path as lme4, so θ agrees with lme4's to far better than the tolerances; a tighter
/// xtol_rel would move θ towards the true optimum and away from what lme4 reports (by about
/// 1e-5 relative on sleepstudy).
public struct OptimizerSettings: Equatable {
    public var xtolRel = 1e-4
    public var xtolAbs = 1e-8
    public var ftolRel = 0.0
    public var ftolAbs = 1e-8
    public var maxEvaluations = 100_000
    /// lmerControl(restart_edge = TRUE): restart once if θ ends on a bound the objective
    /// decreases away from.
    public var restartEdge = true
    /// lmerControl(boundary.tol = 1e-5): θ this close to its bound is set to the bound when that
    /// lowers the objective.
    public var boundaryTolerance = 1e-5
    /// lmerControl(calc.derivs = TRUE): the gradient and Hessian at the optimum, for the
    /// convergence checks.
    public var calcDerivs = true

    public init() {}
}

/// `OptSummary`: what the optimizer did, as `m@optinfo` (lme4) or `m.optsum` (MixedModels.jl).
public struct OptSummary {
    public let optimizer = "LN_BOBYQA"
    public let settings: OptimizerSettings
    public let initialTheta: [Double]
    public let lowerBounds: [Double]
    public let initialObjective: Double
    public let finalTheta: [Double]
    public let finalObjective: Double
    /// Objective evaluations in the last optimizer run, as lme4's `optinfo$feval`.
    public let evaluations: Int
    /// All objective evaluations, restarts and boundary checks included.
    public let totalEvaluations: Int
    /// NLopt's result code, e.g. "NLOPT_XTOL_REACHED".
    public let returnValue: String
    /// nloptr's words for it, lme4's `optinfo$message`.
    public let returnMessage: String
    /// lme4's `optinfo$conv$opt`: NLopt's code when it is a failure or the evaluation limit,
    /// else 0.
    public let convergenceCode: Int
    /// Whether the restart_edge rule ran the optimizer a second time.
    public let restarted: Bool
    /// The optimizer's own warning (lme4's optwrap: "convergence code 5 from nloptwrap: ..."),
    /// nil when it converged.
    public let optimizerWarning: String?
    /// What lme4's checkConv found, in order: `optinfo$conv$lme4$messages`.
    public let findings: [ConvergenceCheck.Finding]
}
