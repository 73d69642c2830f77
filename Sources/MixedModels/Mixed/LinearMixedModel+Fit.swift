/// Fitting: BOBYQA on the profiled objective from lme4's start, then lme4's two post-processing
/// rules (lmerControl's restart_edge and boundary.tol, from optimizeLmer), so that the reported
/// θ is lme4's.
extension LinearMixedModel {
    @discardableResult
    /// `start` defaults to lme4's starting values; refits (REML to ML, as anova does) start from
    /// the previous fit's θ, as lme4's refitML does.
    public func fit(settings: OptimizerSettings = OptimizerSettings(), start: [Double]? = nil) throws -> OptSummary {
        let start = start ?? initialTheta, lower = lowerBounds
        var total = 0
        let counted: ([Double]) -> Double = { [unowned self] theta in
            total += 1
            return self.evaluate(theta)
        }
        let initialObjective = counted(start)
        var run = try BOBYQA.minimize(start: start, lower: lower, settings: settings, counted)
        var restarted = false

        // restart_edge: a θ on its bound where a small step inward lowers the objective means
        // BOBYQA stopped early; lme4 runs it once more from there.
        if settings.restartEdge {
            let onBound = run.x.indices.filter { run.x[$0] == lower[$0] }
            if !onBound.isEmpty {
                let step = 1e-5, atBound = counted(run.x)
                let slopes = onBound.map { i -> Double in
                    var moved = run.x
                    moved[i] = lower[i] + step
                    return (counted(moved) - atBound) / step
                }
                if slopes.contains(where: { $0 < 0 }) {
                    run = try BOBYQA.minimize(start: run.x, lower: lower, settings: settings, counted)
                    restarted = true
                }
            }
        }

        // boundary.tol: elements within the tolerance of their bound are set to it, one at a
        // time, where that beats the optimizer's minimum.
        var optimum = run.x
        if settings.boundaryTolerance > 0 {
            let near = optimum.indices.filter {
                optimum[$0] - lower[$0] > 0 && optimum[$0] - lower[$0] < settings.boundaryTolerance
            }
            for i in near {
                var snapped = optimum
                snapped[i] = lower[i]
                if counted(snapped) < run.minimum { optimum[i] = lower[i] }
            }
        }
        // lme4's optwrap takes the derivatives at the optimizer's result (before the boundary
        // rule); checkConv reads them only for a fit that is not singular.
        let derivatives = settings.calcDerivs && !ConvergenceCheck.isSingular(optimum, lowerBounds: lower)
            ? ConvergenceCheck.derivatives(at: run.x, value: run.minimum, counted) : nil
        // Leave L at the optimum: every estimate is read from it.
        let finalObjective = counted(optimum)

        let message = NloptMessages.message(run.code.rawValue)
        let code = run.converged ? 0 : Int(run.code.rawValue)
        let summary = OptSummary(settings: settings, initialTheta: start, lowerBounds: lower,
                                 initialObjective: initialObjective, finalTheta: optimum,
                                 finalObjective: finalObjective, evaluations: run.evaluations,
                                 totalEvaluations: total, returnValue: run.codeName, returnMessage: message,
                                 convergenceCode: code, restarted: restarted,
                                 optimizerWarning: code == 0 ? nil : "convergence code \(code) from nloptwrap: \(message)",
                                 findings: ConvergenceCheck.findings(theta: optimum, lowerBounds: lower,
                                                                     derivatives: derivatives))
        optSummary = summary
        return summary
    }
}

extension LinearMixedModel {
    /// lme4's refitML(), as profile() uses it: the criterion minimized by minqa's BOBYQA (refitML's
    /// default optimizer, not lmer's nloptwrap) from a REML fit's θ, through optwrap (an all-zero
    /// start moved to 0.001), with none of lmer's restart_edge or boundary rules. L is left at the
    /// optimum; the criterion there is returned.
    @discardableResult
    public func refitByMinqaBOBYQA(from start: [Double]) throws -> Double {
        let begin = start.allSatisfy { $0 == 0 } ? start.map { _ in 0.001 } : start
        do {
            let run = try PowellBOBYQA.minimize(start: begin, lower: lowerBounds,
                                                upper: [Double](repeating: .infinity, count: begin.count)) { [unowned self] theta in
                self.evaluate(theta)
            }
            return evaluate(run.x)
        } catch let failure as PowellBOBYQA.Failure {
            throw MixedModelsError(failure.description)
        }
    }
}
