import MixedModels

/// A "glm" object's components as numbers, read the way R's methods read them (summary.glm,
/// residuals.glm, predict.glm, anova.glm), so that every method works from the object alone.
struct GeneralizedLinearModelObject {
    let object: RValue
    let family: GLMFamily
    let coefficientNames: [String]
    /// NaN (NA) where aliased.
    let coefficients: [Double]
    let rank: Int
    /// 0-based.
    let pivot: [Int]
    /// The compact QR of the last weighted least squares fit: rows x p, column-major.
    let qr: [Double]
    let qrRows: Int
    let y: [Double]
    let mu: [Double]
    let eta: [Double]
    let priorWeights: [Double]
    let workingWeights: [Double]
    let workingResiduals: [Double]
    let dfResidual: Int
    let rowNames: [String]

    init(_ object: RValue, _ ctx: CallContext) throws {
        guard object.inherits("glm") else {
            throw RError("invalid 'glm' object")
        }
        func field(_ name: String) -> RValue? { ListFields.field(object, name) }
        func numbers(_ name: String) throws -> [Double] {
            guard let v = field(name)?.asVector, let d = Coerce.doubles(v) else {
                throw RError("invalid 'glm' object: no usable '\(name)' component")
            }
            return d
        }
        self.object = object
        guard let familyValue = field("family") else { throw RError("invalid 'glm' object: no 'family' component") }
        family = try GLMFamilyObjects.family(of: familyValue, ctx)
        guard let coefficientVector = field("coefficients")?.asVector, let b = Coerce.doubles(coefficientVector) else {
            throw RError("invalid 'glm' object: no usable 'coefficients' component")
        }
        coefficients = b
        let names = (coefficientVector.names ?? []).map { $0 ?? "" }
        // An object whose coefficients lost their names is read with R's positional ones.
        coefficientNames = names.count == b.count ? names : b.indices.map { String($0 + 1) }
        rank = try LinearModelLibrary.count(object, "rank")
        dfResidual = try LinearModelLibrary.count(object, "df.residual")
        guard let qrList = field("qr"), case .vector(let q)? = ListFields.field(qrList, "qr"), let qv = Coerce.doubles(q),
              let dim = q.dim, dim.count == 2, dim[1] == b.count,
              let pv = ListFields.field(qrList, "pivot")?.asVector.flatMap({ Coerce.integers($0) }), pv.count == b.count,
              rank <= min(dim[0], dim[1]) else {
            throw RError("invalid 'glm' object: no usable 'qr' component")
        }
        qr = qv
        qrRows = dim[0]
        pivot = pv.map { $0 - 1 }
        guard pivot.allSatisfy({ $0 >= 0 && $0 < b.count }) else { throw RError("invalid 'glm' object: its pivot is out of range") }
        y = try numbers("y")
        mu = try numbers("fitted.values")
        eta = try numbers("linear.predictors")
        priorWeights = try numbers("prior.weights")
        workingWeights = try numbers("weights")
        workingResiduals = try numbers("residuals")
        let n = y.count
        guard [mu.count, eta.count, priorWeights.count, workingWeights.count, workingResiduals.count].allSatisfy({ $0 == n }) else {
            throw RError("invalid 'glm' object: its components have different lengths")
        }
        rowNames = (field("fitted.values")?.asVector?.names ?? []).map { $0 ?? "" }
    }

    var dispersion: Double {
        if family.distribution.hasFixedDispersion { return 1 }
        guard dfResidual > 0 else { return .nan }
        var sum = 0.0
        for i in y.indices where workingWeights[i] > 0 { sum += workingWeights[i] * workingResiduals[i] * workingResiduals[i] }
        return sum / Double(dfResidual)
    }

    /// chol2inv(R) over the first `rank` pivoted columns: rank x rank, column-major.
    var unscaledCovariance: [Double] {
        var r = [Double](repeating: 0, count: rank * rank)
        for c in 0..<rank { for k in 0...c { r[k + c * rank] = qr[k + c * qrRows] } }
        return LinearAlgebra.chol2inv(upper: r, n: rank) ?? [Double](repeating: .nan, count: rank * rank)
    }

    /// residuals.glm of each type.
    func residuals(_ type: String) throws -> [Double] {
        let distribution = family.distribution
        switch type {
        case "deviance":
            return y.indices.map { i in
                let d = max(distribution.devianceResidual(y[i], mu[i], priorWeights[i]), 0).squareRoot()
                return y[i] > mu[i] ? d : -d
            }
        case "pearson":
            return y.indices.map { i in (y[i] - mu[i]) * priorWeights[i].squareRoot() / distribution.variance(mu[i]).squareRoot() }
        case "working": return workingResiduals
        case "response": return y.indices.map { y[$0] - mu[$0] }
        default:
            throw RError("'arg' should be one of \u{201C}deviance\u{201D}, \u{201C}pearson\u{201D}, \u{201C}working\u{201D}, \u{201C}response\u{201D}, \u{201C}partial\u{201D}")
        }
    }
}
