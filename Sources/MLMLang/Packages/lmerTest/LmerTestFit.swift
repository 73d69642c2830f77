/// lmerTest::lmer: lme4's lmer with the fit classed "lmerModLmerTest", so that summary and
/// anova give Satterthwaite's t- and F-tests. After library(lmerTest) it masks lme4's lmer.
enum LmerTestFit {
    static func install(_ interp: Interpreter) {
        interp.define("lmer", special: { ctx, args in
            guard case .value(.builtin(let lme4Lmer))? = ctx.interpreter.namespaces["lme4"]?.env.binding("lmer"),
                  case .special(let fit) = lme4Lmer.body else {
                throw RError("lme4's lmer is not available")
            }
            guard case .vector(var model) = try fit(ctx, args) else { throw RError("lmer did not return a fit") }
            model.attributes["class"] = .character(["lmerModLmerTest", "lmerMod", "merMod"])
            return .vector(model)
        })
    }
}
