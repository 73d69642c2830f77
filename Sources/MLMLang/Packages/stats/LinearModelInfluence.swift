/// Case diagnostics of an lm fit as stats' lm.influence, hatvalues, rstandard and
/// cooks.distance compute them: leverages from the fit's QR (LinearModelFit.leverages, kept in
/// the object as `hat`), standardised residuals, leave-one-out sigmas and Cook's distances. augment() and plot() of an lm fit read them from here.
struct LinearModelInfluence {
    /// Leverages; those within 10 ε of one are exactly one.
    var hat: [Double]
    /// Residuals times the square root of the prior weights.
    var weightedResiduals: [Double]
    var standardised: [Double]
    var cooks: [Double]
    var leaveOneOutSigma: [Double]
    /// names(residuals(fit)): the row names of the data.
    var labels: [String]
    var weights: [Double]?

    init(_ fit: RValue) throws {
        func field(_ name: String) -> RValue? { LinearModelLibrary.field(fit, name) }
        guard let hat = field("hat")?.asVector?.doubles,
              case .vector(let residualVector)? = field("residuals"), let residuals = residualVector.doubles,
              hat.count == residuals.count else {
            throw RError("the fit has no leverages; refit it with lm()")
        }
        let n = residuals.count
        let weights = field("weights")?.asVector?.doubles
        guard weights.map({ $0.count == n }) ?? true else { throw RError("the fit has no leverages; refit it with lm()") }
        let rank = Double(try LinearModelLibrary.count(fit, "rank"))
        let df = field("df.residual")?.doubleValue ?? .nan
        let sigma = field("sigma")?.doubleValue ?? .nan
        self.hat = hat
        weightedResiduals = weights.map { w in zip(residuals, w).map { $0 * $1.squareRoot() } } ?? residuals
        let e = weightedResiduals
        let rss = e.reduce(0) { $0 + $1 * $1 }
        func finite(_ v: Double) -> Double { v.isInfinite ? .nan : v }
        leaveOneOutSigma = (0..<n).map { i in ((rss - e[i] * e[i] / (1 - hat[i])) / (df - 1)).squareRoot() }
        standardised = (0..<n).map { i in finite(e[i] / (sigma * (1 - hat[i]).squareRoot())) }
        cooks = (0..<n).map { i in
            let r = e[i] / (sigma * (1 - hat[i]))
            return finite(r * r * hat[i] / rank)
        }
        labels = residualVector.names?.map { $0 ?? "" } ?? (1...max(n, 1)).prefix(n).map(String.init)
        self.weights = weights
    }

    static func install(_ interp: Interpreter) {
        for (name, column) in [("hatvalues", \LinearModelInfluence.hat), ("rstandard", \.standardised),
                               ("cooks.distance", \.cooks)] {
            interp.define(name, { ctx, args in
                guard let fit = args.first?.value, fit.explicitClass?.contains("lm") == true else {
                    let cls = args.first.map { $0.value.explicitClass ?? S3Library.implicitClass($0.value) }
                    throw RError("no applicable method for '\(name)' applied to an object of class \"\(cls?.first ?? "NULL")\"")
                }
                if fit.inherits("glm") {
                    let influence = try GeneralizedLinearModelInfluence(try GeneralizedLinearModelObject(fit, ctx), ctx)
                    let values = name == "hatvalues" ? influence.hat : name == "rstandard" ? influence.standardised : influence.cooks
                    var v = RVector(.double(values))
                    v.names = influence.labels.map { Optional($0) }
                    return .vector(v)
                }
                let influence = try LinearModelInfluence(fit)
                var v = RVector(.double(influence[keyPath: column]))
                v.names = influence.labels.map { Optional($0) }
                return .vector(v)
            })
        }
    }
}
