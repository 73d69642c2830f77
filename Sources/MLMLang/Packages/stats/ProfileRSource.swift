/// stats' profile() generic; lme4 has the method for lmer fits (profile.merMod).
enum ProfileRSource {
    static let source = RSource(functions: ["profile"], code: #"""
profile <- function(fitted, ...) UseMethod("profile")
"""#)
}
