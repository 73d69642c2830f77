import CRmath
import Foundation
import Graphics
import MixedModels

/// confint() of a glm fit as R 4.2 computes it (MASS's profile.glm and confint.profile.glm):
/// each coefficient is stepped away from its estimate in steps of zmax/5 standard errors, the
/// others refitted by IRLS with it as an offset, until the signed root of the deviance change
/// passes zmax; the interval ends are where an fmm spline through those points crosses the
/// normal quantiles. `confint.default` gives the Wald intervals.
enum GeneralizedLinearModelProfile {
    static func install(_ interp: Interpreter) {
        interp.define("confint.glm", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "parm", "level", "trace", "..."], args, call: ctx.call)
            let object = m["object"] ?? .null
            let fit = try GeneralizedLinearModelObject(object, ctx)
            let level = m["level"]?.scalarDouble() ?? 0.95
            let parm = try parameters(m["parm"], names: fit.coefficientNames)
            try ctx.interpreter.signalMessage("Waiting for profiling to be done...\n", call: nil)
            return try profileIntervals(fit, parm: parm, level: level, ctx)
        })
        interp.define("confint.default", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "parm", "level", "..."], args, call: ctx.call)
            let object = m["object"] ?? .null
            let level = m["level"]?.scalarDouble() ?? 0.95
            let coefficients = try RCalls(ctx).call("coef", object)
            let covariance = try RCalls(ctx).call("vcov", object)
            guard let b = coefficients.asVector, let estimates = Coerce.doubles(b), let v = covariance.asVector.flatMap({ Coerce.doubles($0) }),
                  v.count == estimates.count * estimates.count else {
                throw RError("confint.default needs coef() and vcov() of the fit")
            }
            let names = (b.names ?? []).map { $0 ?? "" }
            let parm = try parameters(m["parm"], names: names)
            let z = qnorm5((1 + level) / 2, 0, 1, 1, 0)
            let k = estimates.count
            let se = parm.map { v[$0 + $0 * k].squareRoot() }
            let lower = zip(parm, se).map { estimates[$0] - z * $1 }, upper = zip(parm, se).map { estimates[$0] + z * $1 }
            return LinearModelInference.matrix(lower + upper, rows: parm.map { names[$0] }, columns: LinearModelInference.confintLabels(level))
        })
    }

    /// Which coefficients: all, by position (from 1) or by name.
    private static func parameters(_ value: RValue?, names: [String]) throws -> [Int] {
        guard let value, let v = value.asVector else { return Array(names.indices) }
        if case .character = v.storage { return Coerce.strings(v).compactMap { n in names.firstIndex(where: { $0 == n }) } }
        return (Coerce.integers(v) ?? []).filter { $0 >= 1 && $0 <= names.count }.map { $0 - 1 }
    }

    /// MASS's labels, paste(round(100 * a, 1), "%") for a = (1 − level)/2 and 1 − a (confint.lm's
    /// format.perc rounds differently).
    static func percentLabels(_ level: Double) -> [String] {
        let a = (1 - level) / 2
        return [a, 1 - a].map { RFormat.significant(fround(100 * $0, 1), digits: 15) + " %" }
    }

    static func profileIntervals(_ fit: GeneralizedLinearModelObject, parm: [Int], level: Double, _ ctx: CallContext) throws -> RValue {
        let object = fit.object
        let (columns, columnNames, offsetValues, _, _) = try GeneralizedLinearModelMethods.design(object, newdata: nil, ctx)
        let n = fit.y.count
        guard columns.allSatisfy({ $0.count == n }) else { throw RError("the fit's data no longer give its rows") }
        let names = fit.coefficientNames, p = names.count
        let columnIndex = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let x: [[Double]] = try names.map { name in
            guard let c = columnIndex[name] else { throw RError("object '\(name)' not found") }
            return columns[c]
        }
        let b0 = fit.coefficients
        let nonAliased = b0.map { !$0.isNaN }
        let dispersion = fit.dispersion
        let (table, _, tableNames) = GeneralizedLinearModelSummary.coefficientTable(fit, dispersion: dispersion)
        let standardErrors: [String: Double] = {
            guard let cells = table.asVector.flatMap({ Coerce.doubles($0) }) else { return [:] }
            let rows = tableNames.count
            return Dictionary(tableNames.enumerated().map { ($1, cells[rows + $0]) }, uniquingKeysWith: { a, _ in a })
        }()
        let originalDeviance = ListFields.field(object, "deviance")?.doubleValue ?? .nan
        let alpha = (1 - level) / 4
        let zmax = fit.family.distribution.hasFixedDispersion
            ? qchisq(1 - alpha, 1, 1, 0).squareRoot()
            : qf(1 - alpha, 1, Double(n - p), 1, 0).squareRoot()
        let delta = zmax / 5, maxSteps = 10
        let offset = offsetValues ?? [Double](repeating: 0, count: n)
        var control = GeneralizedLinearModelFit.Control()
        if let c = ListFields.field(object, "control") {
            if let e = ListFields.field(c, "epsilon")?.scalarDouble() { control.epsilon = e }
            if let m = ListFields.field(c, "maxit")?.scalarInt() { control.maxIterations = m }
        }
        let cutoffs = [qnorm5((1 - level) / 2, 0, 1, 1, 0), qnorm5(1 - (1 - level) / 2, 0, 1, 1, 0)]
        var cells = [Double](repeating: NAReal, count: parm.count * 2)
        for (row, i) in parm.enumerated() where nonAliased[i] {
            let others = (0..<p).filter { $0 != i && nonAliased[$0] }
            let xi = try DesignMatrix(columns: others.map { (names[$0], x[$0]) }, rows: n)
            var zs: [Double] = [0], values: [Double] = [b0[i]]
            for sign in [-1.0, 1.0] {
                var step = 0, z = 0.0
                var lp = (0..<n).map { r in (0..<p).filter { nonAliased[$0] }.reduce(offset[r]) { $0 + x[$1][r] * b0[$1] } }
                while true {
                    step += 1
                    guard step < maxSteps, abs(z) < zmax else { break }
                    let bi = b0[i] + sign * Double(step) * delta * (standardErrors[names[i]] ?? .nan)
                    let o = (0..<n).map { offset[$0] + x[i][$0] * bi }
                    let deviance: Double
                    do {
                        if others.isEmpty {
                            let mu = o.map(fit.family.link.inverse)
                            deviance = fit.family.deviance(y: fit.y, mu: mu, weights: fit.priorWeights)
                            lp = o
                        } else {
                            let refit = try GeneralizedLinearModelFit(x: xi, y: fit.y, family: fit.family, weights: fit.priorWeights,
                                                                      trials: [Double](repeating: 1, count: n), offset: o,
                                                                      mustart: fit.mu, etastart: lp, intercept: true, control: control)
                            deviance = refit.deviance
                            lp = refit.linearPredictors
                        }
                    } catch let e as MixedModelsError {
                        throw RError(e.description)
                    }
                    var zz = (deviance - originalDeviance) / dispersion
                    guard zz > -1e-3 else {
                        throw RError("profiling has found a better solution, so original fit had not converged")
                    }
                    zz = max(zz, 0)
                    z = sign * zz.squareRoot()
                    zs.append(z)
                    values.append(bi)
                }
            }
            let (sx, sy) = Interpolation.fmmSpline(x: values, y: zs, points: 3 * values.count)
            for (k, cutoff) in cutoffs.enumerated() {
                cells[row + k * parm.count] = Interpolation.approx(x: sy, y: sx, at: cutoff)
            }
        }
        let labels = percentLabels(level)
        if parm.count == 1 {
            var v = RVector(.double(cells))
            v.names = labels.map { Optional($0) }
            return .vector(v)
        }
        return LinearModelInference.matrix(cells, rows: parm.map { names[$0] }, columns: labels)
    }
}

/// R's spline(x, y, method = "fmm") evaluated at n equally spaced points, and approx()'s linear
/// interpolation, with R's ordering and tie rules.
enum Interpolation {
    /// The spline through (x, y) (sorted by x, tied x averaged) at seq(min(x), max(x), length.out = points).
    static func fmmSpline(x: [Double], y: [Double], points: Int) -> (x: [Double], y: [Double]) {
        let (xs, ys) = regularized(x, y)
        let n = xs.count
        guard n >= 2, points >= 1 else { return (xs, ys) }
        var b = [Double](repeating: 0, count: n), c = b, d = b
        CubicSpline.fmmCoefficients(xs, ys, &b, &c, &d)
        let from = xs[0], to = xs[n - 1]
        var out = [Double](repeating: from, count: points)
        if points > 1 { out[points - 1] = to }
        if points > 2 {
            let by = (to - from) / Double(points - 1)
            for i in 1..<(points - 1) {
                out[i] = i < points / 2 ? from + Double(i) * by : to - Double(points - 1 - i) * by
            }
        }
        var values = [Double](repeating: 0, count: points)
        var i = 0
        for (l, u) in out.enumerated() {
            if u < xs[i] || (i < n - 1 && xs[i + 1] < u) {
                i = 0
                var j = n
                repeat {
                    let k = (i + j) / 2
                    if u < xs[k] { j = k } else { i = k }
                } while j > i + 1
            }
            let dx = u - xs[i]
            values[l] = ys[i] + dx * (b[i] + dx * (c[i] + dx * d[i]))
        }
        return (out, values)
    }

    /// approx(x, y, xout = v)$y with rule 1: NA outside the range of x.
    static func approx(x: [Double], y: [Double], at v: Double) -> Double {
        let (xs, ys) = regularized(x, y)
        guard !xs.isEmpty, !v.isNaN else { return NAReal }
        var i = 0, j = xs.count - 1
        if v < xs[i] || v > xs[j] { return NAReal }
        while i < j - 1 {
            let ij = (i + j) / 2
            if v < xs[ij] { j = ij } else { i = ij }
        }
        if v == xs[j] { return ys[j] }
        if v == xs[i] { return ys[i] }
        return ys[i] + (ys[j] - ys[i]) * ((v - xs[i]) / (xs[j] - xs[i]))
    }

    /// regularize.values: ordered by x, the y of tied x averaged.
    private static func regularized(_ x: [Double], _ y: [Double]) -> ([Double], [Double]) {
        let order = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }.sorted { x[$0] < x[$1] }
        var xs: [Double] = [], ys: [Double] = [], counts: [Int] = []
        for k in order {
            if let last = xs.last, last == x[k] {
                ys[ys.count - 1] += y[k]
                counts[counts.count - 1] += 1
            } else {
                xs.append(x[k]); ys.append(y[k]); counts.append(1)
            }
        }
        return (xs, zip(ys, counts).map { $0 / Double($1) })
    }
}
