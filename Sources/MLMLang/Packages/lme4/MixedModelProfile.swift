import COpenBLAS
import Foundation
import MixedModels

/// The kernels under lme4's profile() for lmer fits (written in R, Lme4ProfileRSource):
/// - `lmerProfileBase(fit)`: the fit refitted by maximum likelihood (profiles are of the ML
///   deviance, as lme4's devfun2 refits), kept as a model of the session, with what the profile
///   starts from;
/// - `lmerDevfun2(id, theta, sigma)`: lme4's devfun2 for an LMM, the ML deviance at θ with σ
///   given rather than profiled out, `log|L|² - log|W| + pwrss/σ² + n log(2πσ²)`, and β there;
/// - `lmerFixedProfileModel(id, j)` and `lmerFixedProfileFit(id, fw, start)`: the model without
///   the j-th fixed effect, its column moved into the offset with coefficient `fw`, fitted by ML;
/// - `lmerProfileZeta(...)`: one step of a variance parameter's profile (devfun2 minimized
///   over the other parameters).
enum MixedModelProfile {
    /// A fixed-effect profile's model: the original model's X without one column.
    private final class FixedEffectProfile {
        let model: LinearMixedModel
        let y: [Double]
        let column: [Double]
        let weights: [Double]
        init(model: LinearMixedModel, y: [Double], column: [Double], weights: [Double]) {
            self.model = model
            self.y = y
            self.column = column
            self.weights = weights
        }
    }

    static func install(_ interp: Interpreter) {
        interp.defineInternal("lmerProfileBase", { ctx, args in
            let i = ctx.interpreter
            guard let fit = args.first?.value, let model = i.model(of: fit) else { throw RError("profile() needs a model fitted by lmer") }
            guard model.weights == nil else { throw RError("profiling a weighted lmer fit is not available in mlmd yet") }
            // A model of its own, which the profile moves away from the optimum: the user's fit is
            // left as it is.
            guard let inputs = i.mixedModelInputs[ObjectIdentifier(model)] else { throw RError("the data of this fit are not available for profiling") }
            let ml = try LinearMixedModel(x: inputs.0, y: inputs.1, terms: inputs.2, reml: false)
            if model.reml { try ml.refitByMinqaBOBYQA(from: model.theta) } else { try ml.setTheta(model.theta) }
            let id = i.register(ml)
            i.mixedModelInputs[ObjectIdentifier(ml)] = inputs
            let covariance = ml.fixedEffectsCovariance, p = ml.p
            let stderr = (0..<p).map { covariance[$0 + $0 * p].squareRoot() }
            var fixef = RVector(.double(ml.beta))
            fixef.names = ml.fixedEffectNames.map { Optional($0) }
            return .list([.scalar(id), RValue.double(ml.theta), .scalar(ml.sigma), .vector(fixef), RValue.double(stderr),
                          .scalar(ml.objective), RValue.double(ml.lowerBounds), .vector(RVector(.integer(ml.terms.map(\.q)))),
                          .scalar(ml.n), .character(newStyleNames(ml.terms, sigma: true).map { Optional($0) })],
                         names: ["id", "theta", "sigma", "beta", "stderr", "basedev", "lower", "nvec", "n", "tnames"])
        })
        // lme4's tnames(old = FALSE) of an lmer or glmer fit (sigma only for lmer).
        interp.defineInternal("lmerParameterNames", { ctx, args in
            guard let fit = args.first?.value else { throw RError("invalid 'merMod' object") }
            if let model = ctx.interpreter.model(of: fit) { return .character(newStyleNames(model.terms, sigma: true).map { Optional($0) }) }
            if let glmm = ctx.interpreter.generalizedModel(of: fit) { return .character(newStyleNames(glmm.terms, sigma: false).map { Optional($0) }) }
            throw RError("invalid 'merMod' object")
        })
        interp.defineInternal("lmerDevfun2", { ctx, args in
            guard args.count == 3, let id = args[0].value.scalarInt(), let ml = ctx.interpreter.profileModel(id),
                  let theta = args[1].value.asVector.flatMap(Coerce.doubles), let sigma = args[2].value.scalarDouble() else {
                throw RError("invalid arguments")
            }
            guard theta.allSatisfy(\.isFinite) else { return RValue.double([.nan] + ml.beta.map { _ in Double.nan }) }
            try ml.setTheta(theta)
            let sigsq = sigma * sigma
            let deviance = ml.ldL2 - ml.logDeterminantOfWeights + ml.pwrss / sigsq + Double(ml.n) * log(2 * Double.pi * sigsq)
            return RValue.double([deviance] + ml.beta)
        })
        // .Internal(lmerProfileZeta(id, w, value, start, lower, upper, nvec)): the profile's
        // step for variance parameter w (1-based) held at `value`: the deviance minimized over
        // the others (sdcor scale and σ) by nloptwrap's BOBYQA from `start`; c(deviance, the
        // other parameters, β at the optimum). The same as minimizing devfun2 from R, done here
        // because each step takes hundreds of evaluations.
        interp.defineInternal("lmerProfileZeta", { ctx, args in
            guard args.count == 7, let id = args[0].value.scalarInt(), let ml = ctx.interpreter.profileModel(id),
                  let w = args[1].value.scalarInt(), let value = args[2].value.scalarDouble(),
                  let start = args[3].value.asVector.flatMap(Coerce.doubles), let lower = args[4].value.asVector.flatMap(Coerce.doubles),
                  let upper = args[5].value.asVector.flatMap(Coerce.doubles), let nvec = args[6].value.asVector.flatMap(Coerce.doubles),
                  w >= 1, w <= start.count + 1, lower.count == start.count, upper.count == start.count,
                  nvec.allSatisfy({ $0 >= 1 && $0 <= Double(start.count + 1) && $0 == $0.rounded() }) else {
                throw RError("invalid arguments")
            }
            let dimensions = nvec.map { Int($0) }
            func full(_ others: [Double]) -> [Double] {
                var pars = others
                pars.insert(value, at: w - 1)
                return pars
            }
            func deviance(_ pars: [Double]) -> Double {
                let sigma = pars[pars.count - 1]
                guard let theta = sdcorToTheta(Array(pars.dropLast()), dimensions: dimensions, sigma: sigma),
                      (try? ml.setTheta(theta)) != nil else { return .nan }
                let sigsq = sigma * sigma
                return ml.ldL2 - ml.logDeterminantOfWeights + ml.pwrss / sigsq + Double(ml.n) * log(2 * Double.pi * sigsq)
            }
            let run = try BoundedBOBYQA.minimize(start: start, lower: lower, upper: upper) { deviance(full($0)) }
            let fval = deviance(full(run.x))
            return .double([fval] + run.x + ml.beta)
        })
        interp.defineInternal("lmerFixedProfileModel", { ctx, args in
            let i = ctx.interpreter
            guard args.count == 2, let id = args[0].value.scalarInt(), let ml = i.profileModel(id), let j = args[1].value.scalarInt(),
                  j >= 1, j <= ml.p, let (x, y, terms) = i.mixedModelInputs[ObjectIdentifier(ml)] else { throw RError("invalid arguments") }
            // The columns the fit kept (a rank-deficient X has lost some), then the j-th taken out.
            let kept = ml.fixedEffectNames.compactMap { x.names.firstIndex(of: $0) }
            let dropped = kept[j - 1]
            let others = kept.filter { $0 != dropped }
            var values: [Double] = []
            for c in others { values += x.values[(c * x.rows)..<((c + 1) * x.rows)] }
            let reduced = try DesignMatrix(values: values, rows: x.rows, columns: others.count, names: others.map { x.names[$0] })
            let model = try LinearMixedModel(x: reduced, y: y, terms: terms, reml: false)
            let column = Array(x.values[(dropped * x.rows)..<((dropped + 1) * x.rows)])
            return .scalar(i.register(FixedEffectProfile(model: model, y: y, column: column, weights: [Double](repeating: 1, count: y.count))))
        })
        interp.defineInternal("lmerFixedProfileFit", { ctx, args in
            guard args.count == 3, let id = args[0].value.scalarInt(), id >= 1, id <= ctx.interpreter.fittedModels.count,
                  let profile = ctx.interpreter.fittedModels[id - 1] as? FixedEffectProfile,
                  let fw = args[1].value.scalarDouble(), let start = args[2].value.asVector.flatMap(Coerce.doubles) else {
                throw RError("invalid arguments")
            }
            let model = profile.model
            let response = zip(profile.y, profile.column).map { $0 - $1 * fw }
            try model.reweight(response: response, weights: profile.weights, theta: start)
            let run = try BoundedBOBYQA.minimize(start: start, lower: model.lowerBounds,
                                                 upper: [Double](repeating: .infinity, count: start.count)) { theta in
                (try? model.objective(at: theta)) ?? .infinity
            }
            let fval = try model.objective(at: run.x)
            let sigma = (model.pwrss / Double(model.n)).squareRoot()
            return RValue.double([fval] + run.x + [sigma] + model.beta)
        })
    }

    /// lme4's Sv_to_Cv: per term, the covariance matrix from standard deviations and
    /// correlations (column by column below the diagonal), divided by σ², and the lower
    /// triangle of its Cholesky factor (LAPACK's, as R's chol; diagonal and 1 x 1 terms by
    /// square roots, a semidefinite one by pivoting, as lme4's safe_chol).
    static func sdcorToTheta(_ values: [Double], dimensions: [Int], sigma: Double) -> [Double]? {
        var theta: [Double] = []
        var next = 0
        let s2 = sigma * sigma
        for n in dimensions {
            guard n >= 1, n <= values.count else { return nil }
            let count = n * (n + 1) / 2
            guard next + count <= values.count else { return nil }
            var m = [Double](repeating: 0, count: n * n)
            var k = next
            for j in 0..<n { for i in j..<n { m[i + j * n] = values[k]; m[j + i * n] = values[k]; k += 1 } }
            next += count
            let sd = (0..<n).map { m[$0 + $0 * n] }
            for i in 0..<n { m[i + i * n] = 1 }
            var v = [Double](repeating: 0, count: n * n)
            for j in 0..<n { for i in 0..<n { v[i + j * n] = m[i + j * n] * (sd[i] * sd[j]) / s2 } }
            var factor: [Double]
            if v.contains(where: \.isNaN) || v.allSatisfy({ $0 == 0 }) {
                factor = v
            } else if n == 1 {
                factor = [v[0].squareRoot()]
            } else if (0..<n).allSatisfy({ j in (0..<n).allSatisfy { i in i == j || v[i + j * n] == 0 } }) {
                factor = [Double](repeating: 0, count: n * n)
                for i in 0..<n { factor[i + i * n] = v[i + i * n].squareRoot() }
            } else if let r = upperCholesky(v, n: n) {
                factor = transpose(r, n: n)
            } else if let r = pivotedCholesky(v, n: n) {
                factor = transpose(r, n: n)
            } else {
                return nil
            }
            // lme4's mlist2vec: the lower triangle column by column when the upper one is zero,
            // else the upper triangle row by row.
            let upperZero = (0..<n).allSatisfy { j in (0..<j).allSatisfy { i in factor[i + j * n] == 0 } }
            for j in 0..<n { for i in j..<n { theta.append(upperZero ? factor[i + j * n] : factor[j + i * n]) } }
        }
        return theta
    }

    /// R's chol(): the upper triangular factor by dpotrf, or nil when it fails.
    private static func upperCholesky(_ v: [Double], n: Int) -> [Double]? {
        var a = v
        var N = Int32(n), lda = Int32(n), info: Int32 = 0
        "U".withCString { dpotrf_($0, &N, &a, &lda, &info) }
        guard info == 0 else { return nil }
        for j in 0..<n { for i in (j + 1)..<n { a[i + j * n] = 0 } }
        return a
    }

    /// safe_chol's fallback for a semidefinite matrix: R's chol(pivot = TRUE) (dpstrf, lower
    /// triangle zeroed) with its columns put back in their order.
    private static func pivotedCholesky(_ v: [Double], n: Int) -> [Double]? {
        var a = v
        var N = Int32(n), lda = Int32(n), info: Int32 = 0, rank: Int32 = 0, tol = -1.0
        var pivots = [Int32](repeating: 0, count: n)
        var work = [Double](repeating: 0, count: 2 * n)
        "U".withCString { dpstrf_($0, &N, &a, &lda, &pivots, &rank, &tol, &work, &info) }
        guard info >= 0 else { return nil }
        for j in 0..<n { for i in (j + 1)..<n { a[i + j * n] = 0 } }
        // cc[, order(pivot)]: column k of the result is the column whose pivot is k.
        var out = [Double](repeating: 0, count: n * n)
        for (position, pivot) in pivots.enumerated() {
            let k = Int(pivot) - 1
            for i in 0..<n { out[i + k * n] = a[i + position * n] }
        }
        return out
    }

    private static func transpose(_ a: [Double], n: Int) -> [Double] {
        var t = a
        for j in 0..<n { for i in 0..<n { t[j + i * n] = a[i + j * n] } }
        return t
    }

    /// lme4's tnames(old = FALSE): `sd_(Intercept)|Subject`, `cor_Days.(Intercept)|Subject`, ...,
    /// in θ's order, then `sigma`.
    static func newStyleNames(_ terms: [RandomEffectsTerm], sigma: Bool) -> [String] {
        var names: [String] = []
        for term in terms {
            let c = term.columnNames
            for j in c.indices {
                for r in j..<c.count {
                    names.append(r == j ? "sd_\(c[j])|\(term.grouping)" : "cor_\(c[r]).\(c[j])|\(term.grouping)")
                }
            }
        }
        return names + (sigma ? ["sigma"] : [])
    }
}

extension Interpreter {
    /// A model registered for a profile (lmerProfileBase's refit).
    func profileModel(_ id: Int) -> LinearMixedModel? {
        guard id >= 1, id <= fittedModels.count else { return nil }
        return fittedModels[id - 1] as? LinearMixedModel
    }
}
