import CRmath
import Foundation

/// Gamma, binomial and Poisson variates by the rejection algorithms R uses (Ahrens & Dieter
/// 1974/1982 for gamma and Poisson, Kachitvichyanukul & Schmeiser 1988 for the binomial).
/// Each consumes uniforms, normals and exponentials in the same order as R, so set.seed
/// gives R's values; the numeric constants are those of the published algorithms.
extension RandomNumberState {
    // MARK: Gamma

    /// A gamma variate with shape `a` and scale `scale`.
    func gamma(shape a: Double, scale: Double) -> Double {
        if a.isNaN || scale.isNaN { return .nan }
        if a <= 0 || scale <= 0 { return (a == 0 || scale == 0) ? 0 : .nan }
        if !a.isFinite || !scale.isFinite { return .infinity }
        return scale * (a < 1 ? gammaSmallShape(a) : gammaLargeShape(a))
    }

    /// Algorithm GS (Ahrens & Dieter 1974) for shape below 1.
    private func gammaSmallShape(_ a: Double) -> Double {
        let e = 1 + exp(-1) * a
        while true {
            let p = e * unifRand()
            if p >= 1 {
                let x = -log((e - p) / a)
                if expRand() >= (1 - a) * log(x) { return x }
            } else {
                let x = exp(log(p) / a)
                if expRand() >= x { return x }
            }
        }
    }

    /// Algorithm GD (Ahrens & Dieter 1982) for shape at least 1: a normal proposal with
    /// immediate, squeeze and quotient acceptance, then a double-exponential hat.
    private func gammaLargeShape(_ a: Double) -> Double {
        let s2 = a - 0.5
        let s = s2.squareRoot()
        let d = 5.656854 - 12 * s // 5.656854 is the algorithm's rounded sqrt(32)

        var t = normRand()
        var x = s + 0.5 * t
        let immediate = x * x
        if t >= 0 { return immediate }

        var u = unifRand()
        if d * u <= t * t * t { return immediate }

        let r = 1 / a
        let q0 = Self.gammaQ0Coefficients.reversed().reduce(0) { ($0 + $1) * r }
        let (b, si, c): (Double, Double, Double)
        if a <= 3.686 {
            (b, si, c) = (0.463 + s + 0.178 * s2, 1.235, 0.195 / s - 0.079 + 0.16 * s)
        } else if a <= 13.022 {
            (b, si, c) = (1.654 + 0.0076 * s2, 1.68 / s + 0.275, 0.062 / s + 0.024)
        } else {
            (b, si, c) = (1.77, 0.75, 0.1515 / s)
        }
        func quotient(_ t: Double) -> Double {
            let v = t / (s + s)
            if abs(v) <= 0.25 {
                let series = Self.gammaACoefficients.reversed().reduce(0) { $0 * v + $1 }
                return q0 + 0.5 * t * t * (series * v)
            }
            return q0 - s * t + 0.25 * t * t + (s2 + s2) * log(1 + v)
        }
        if x > 0 && log(1 - u) <= quotient(t) { return immediate }

        while true {
            let e = expRand()
            u = unifRand()
            u = u + u - 1
            t = u < 0 ? b - si * e : b + si * e
            if t >= -0.71874483771719 {
                let q = quotient(t)
                if q > 0 && c * abs(u) <= expm1(q) * exp(e - 0.5 * t * t) { break }
            }
        }
        x = s + 0.5 * t
        return x * x
    }

    /// q1...q7 of GD: q0 = sum of q_k a^-k.
    private static let gammaQ0Coefficients = [0.04166669, 0.02083148, 0.00801191, 0.00144121, -7.388e-5, 2.4511e-4, 2.424e-4]
    /// a1...a7 of GD: the series in v for the quotient test.
    private static let gammaACoefficients = [0.3333333, -0.250003, 0.2000062, -0.1662921, 0.1423657, -0.1367177, 0.1233795]

    /// A chi-squared variate: gamma with shape df/2 and scale 2.
    func chiSquared(_ df: Double) -> Double {
        if !df.isFinite || df < 0 { return .nan }
        return gamma(shape: df / 2, scale: 2)
    }

    /// A non-central chi-squared: a Poisson mixture of central ones.
    func nonCentralChiSquared(_ df: Double, _ lambda: Double) -> Double {
        if !df.isFinite || !lambda.isFinite || df < 0 || lambda < 0 { return .nan }
        if lambda == 0 { return df == 0 ? 0 : gamma(shape: df / 2, scale: 2) }
        var r = poisson(lambda / 2)
        if r > 0 { r = chiSquared(2 * r) }
        if df > 0 { r += gamma(shape: df / 2, scale: 2) }
        return r
    }

    // MARK: Binomial

    /// A binomial variate: inversion when n p < 30, algorithm BTPE otherwise.
    func binomial(size nin: Double, prob pp: Double) -> Double {
        guard nin.isFinite, pp.isFinite else { return .nan }
        let r = nin.rounded(.toNearestOrEven)
        if r != nin || r < 0 || pp < 0 || pp > 1 { return .nan }
        if r == 0 || pp == 0 { return 0 }
        if pp == 1 { return r }
        if r >= Double(Int32.max) { return qbinom(unifRand(), r, pp, 0, 0) }
        let n = Int(r)
        let p = min(pp, 1 - pp)
        let q = 1 - p
        let np = Double(n) * p
        let ratio = p / q
        let g = ratio * Double(n + 1)
        let ix = np < 30 ? binomialInversion(n, q: q, ratio: ratio, g: g)
                         : binomialBTPE(n, p: p, q: q, np: np, ratio: ratio, g: g)
        return Double(pp > 0.5 ? n - ix : ix)
    }

    /// Inversion from 0 upwards with the recursion f(k) = f(k-1) (g/k - p/q).
    private func binomialInversion(_ n: Int, q: Double, ratio: Double, g: Double) -> Int {
        let start = R_pow_di(q, Int32(n))
        while true {
            var ix = 0
            var f = start
            var u = unifRand()
            while true {
                if u < f { return ix }
                if ix > 110 { break }
                u -= f
                ix += 1
                f *= g / Double(ix) - ratio
            }
        }
    }

    /// BTPE: a triangle, a parallelogram and two exponential tails over the mode.
    private func binomialBTPE(_ n: Int, p: Double, q: Double, np: Double, ratio: Double, g: Double) -> Int {
        let ffm = np + p
        let m = Int(ffm)
        let fm = Double(m)
        let npq = np * q
        let p1 = Double(Int(2.195 * npq.squareRoot() - 4.6 * q)) + 0.5
        let xm = fm + 0.5
        let xl = xm - p1, xr = xm + p1
        let c = 0.134 + 20.5 / (15.3 + fm)
        var al = (ffm - xl) / (ffm - xl * p)
        let xll = al * (1 + 0.5 * al)
        al = (xr - ffm) / (xr * q)
        let xlr = al * (1 + 0.5 * al)
        let p2 = p1 * (1 + c + c)
        let p3 = p2 + c / xll
        let p4 = p3 + c / xlr
        while true {
            let u = unifRand() * p4
            var v = unifRand()
            if u <= p1 { return Int(xm - p1 * v + u) }
            let ix: Int
            if u <= p2 {
                let x = xl + (u - p1) / c
                v = v * c + 1 - abs(xm - x) / p1
                if v > 1 || v <= 0 { continue }
                ix = Int(x)
            } else if u > p3 {
                ix = Int(xr - log(v) / xlr)
                if ix > n { continue }
                v = v * (u - p3) * xlr
            } else {
                ix = Int(xl + log(v) / xll)
                if ix < 0 { continue }
                v = v * (u - p2) * xll
            }
            let k = abs(ix - m)
            if k <= 20 || Double(k) >= npq / 2 - 1 {
                // Explicit evaluation of f(ix) / f(m) by the recursion.
                var f = 1.0
                if m < ix {
                    for i in stride(from: m + 1, through: ix, by: 1) { f *= g / Double(i) - ratio }
                } else if m != ix {
                    for i in stride(from: ix + 1, through: m, by: 1) { f /= g / Double(i) - ratio }
                }
                if v <= f { return ix }
            } else {
                // Squeeze with bounds on log f, then Stirling's formula for the final test.
                let kk = Double(k)
                let amaxp = (kk / npq) * ((kk * (kk / 3 + 0.625) + 0.1666666666666) / npq + 0.5)
                let ynorm = -kk * kk / (2 * npq)
                let alv = log(v)
                if alv < ynorm - amaxp { return ix }
                if alv <= ynorm + amaxp {
                    let x1 = Double(ix + 1), f1 = fm + 1, z = Double(n + 1) - fm, w = Double(n - ix) + 1
                    let bound = xm * log(f1 / x1) + (Double(n - m) + 0.5) * log(z / w)
                        + Double(ix - m) * log(w * p / (x1 * q))
                        + stirlingCorrection(f1) + stirlingCorrection(z) + stirlingCorrection(x1) + stirlingCorrection(w)
                    if alv <= bound { return ix }
                }
            }
        }
    }

    /// The series correction term of Stirling's formula used by BTPE.
    private func stirlingCorrection(_ y: Double) -> Double {
        let y2 = y * y
        return (13860 - (462 - (132 - (99 - 140 / y2) / y2) / y2) / y2) / y / 166320
    }

    // MARK: Poisson

    /// A Poisson variate: table inversion for mean below 10, algorithm PD otherwise.
    func poisson(_ mu: Double) -> Double {
        if !mu.isFinite || mu < 0 { return .nan }
        if mu <= 0 { return 0 }
        return mu < 10 ? poissonInversion(mu) : poissonPD(mu)
    }

    /// Inversion against cumulative probabilities up to 35; a uniform beyond them is redrawn.
    private func poissonInversion(_ mu: Double) -> Double {
        var cumulative: [Double] = []
        var p = exp(-mu)
        var q = p
        let p0 = p
        for k in 1...35 {
            p *= mu / Double(k)
            q += p
            cumulative.append(q)
        }
        while true {
            let u = unifRand()
            if u <= p0 { return 0 }
            if let k = cumulative.firstIndex(where: { u <= $0 }) { return Double(k + 1) }
        }
    }

    /// Algorithm PD (Ahrens & Dieter 1982): a normal sample accepted immediately or by a
    /// squeeze, else quotient and hat tests against Hermite-corrected normal probabilities.
    private func poissonPD(_ mu: Double) -> Double {
        let s = mu.squareRoot()
        let d = 6 * mu * mu
        let bigL = (mu - 1.1484).rounded(.down)
        var pois = -1.0
        var u = 0.0

        let g = mu + s * normRand()
        if g >= 0 {
            pois = g.rounded(.down)
            if pois >= bigL { return pois }
            let difmuk = mu - pois
            u = unifRand()
            if d * u >= difmuk * difmuk * difmuk { return pois }
        }

        let inverseRootTwoPi = M_1_SQRT_2PI
        let omega = inverseRootTwoPi / s
        // 1/24, 1/7 and 1/12 are rounded first, as in the reference implementation.
        let b1 = (1.0 / 24) / mu
        let b2 = 0.3 * b1 * b1
        let c3 = (1.0 / 7) * b1 * b2
        let c2 = b2 - 15 * c3
        let c1 = b1 - 6 * b2 + 45 * c3
        let c0 = 1 - b1 + 3 * b2 - 15 * c3
        let c = 0.1069 / mu

        /// log p(k) - log f(k) pieces: (px, py, fx, fy) for the candidate k.
        func terms(_ k: Double) -> (px: Double, py: Double, fx: Double, fy: Double) {
            let difmuk = mu - k
            var px: Double, py: Double
            if k < 10 {
                px = -mu
                py = pow(mu, k) / Self.smallFactorials[Int(k)]
            } else {
                var del = (1.0 / 12) / k
                del *= 1 - 4.8 * del * del
                let v = difmuk / k
                if abs(v) <= 0.25 {
                    let series = Self.poissonCoefficients.reversed().reduce(0) { $0 * v + $1 }
                    px = k * v * v * series - del
                } else {
                    px = k * log(1 + v) - difmuk - del
                }
                py = inverseRootTwoPi / k.squareRoot()
            }
            var x = (0.5 - difmuk) / s
            x *= x
            return (px, py, -0.5 * x, omega * (((c3 * x + c2) * x + c1) * x + c0))
        }

        if g >= 0 {
            let f = terms(pois)
            if f.fy - u * f.fy <= f.py * exp(f.px - f.fx) { return pois }
        }
        while true {
            let e = expRand()
            u = 2 * unifRand() - 1
            let t = 1.8 + (u >= 0 ? abs(e) : -abs(e))
            if t <= -0.6744 { continue }
            pois = (mu + s * t).rounded(.down)
            let f = terms(pois)
            if c * abs(u) <= f.py * exp(f.px + e) - f.fy * exp(f.fx + e) { return pois }
        }
    }

    /// 0!, ..., 9!
    private static let smallFactorials: [Double] = (0..<10).map { k in (0..<k).reduce(1.0) { $0 * Double($1 + 1) } }
    /// a0...a7 of PD: the series for log(1 + v) - v corrections.
    private static let poissonCoefficients = [-0.5, 0.3333333, -0.2500068, 0.2000118, -0.1661269, 0.1421878, -0.1384794, 0.1250060]
}
