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
            // lmerTest keeps its own call, with a `||` formula as written (lme4's call has it
            // expanded); formula() still gives the expanded one.
            let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location), formals: MixedModelLibrary.formals)
            if let formula = call.arguments.first(where: { $0.name == "formula" })?.value, DoubleVerticalBars.contains(formula),
               let position = model.names?.firstIndex(of: "call"), case .list(var items) = model.storage {
                items[position] = .language(Language(.call(call)))
                model.storage = .list(items)
            }
            return .vector(model)
        })
    }
}
