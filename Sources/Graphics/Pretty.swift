import Foundation

/// R's `pretty` (src/appl/pretty.c, R_pretty): about n+1 equally spaced round values covering
/// [lo, hi], the unit being 1, 2 or 5 times a power of ten. Base graphics' axes use the
/// graphics engine's variant (GEPretty), histograms the one of `pretty()`.
public enum Pretty {
    /// pretty(c(lo, hi), n): the values.
    public static func values(_ lo: Double, _ hi: Double, n: Int = 5, minN: Int? = nil) -> [Double] {
        guard lo.isFinite, hi.isFinite, n >= 1 else { return [] }
        var ndiv = n
        let (ns, nu, unit) = rPretty(lo, hi, ndiv: &ndiv, minN: minN ?? n / 3, shrinkSmall: 0.75, h: 1.5, h5: 0.5 + 1.5 * 1.5,
                                     epsCorrection: 0)
        // seq.int(l, u, length.out = ndiv + 1), then values within 1e-14 steps of 0 set to 0.
        let l = ns * unit, u = nu * unit, count = ndiv + 1
        let by = count > 1 ? (u - l) / Double(count - 1) : 0
        return (0..<count).map { i in
            let v = l + Double(i) * by
            return abs(v) < 1e-14 * by ? 0 : v
        }
    }

    /// The tick positions base R's axis() draws for the user range [lo, hi] (GEPretty with
    /// par("lab")'s 5 intervals): round values inside the range.
    public static func axisTicks(_ lo: Double, _ hi: Double, n: Int = 5) -> [Double] {
        guard lo.isFinite, hi.isFinite, n >= 1 else { return [] }
        var ndiv = n
        var (ns, nu, unit) = rPretty(lo, hi, ndiv: &ndiv, minN: 1, shrinkSmall: 0.25, h: 0.8, h5: 1.7, epsCorrection: 2)
        let eps = 1e-10
        if nu >= ns + 1 {
            if ns * unit < lo - eps * unit { ns += 1 }
            if nu > ns + 1 && nu * unit > hi + eps * unit { nu -= 1 }
        }
        let count = Int((nu - ns).rounded())
        guard count >= 0 else { return [] }
        return (0...count).map { i in
            let v = (ns + Double(i)) * unit
            return abs(v) < 1e-14 * unit ? 0 : v
        }
    }

    /// R_pretty: returns (ns, nu, unit), the range being ns * unit ... nu * unit.
    private static func rPretty(_ lo0: Double, _ up0: Double, ndiv: inout Int, minN: Int, shrinkSmall: Double,
                                h: Double, h5: Double, epsCorrection: Int) -> (Double, Double, Double) {
        var lo = lo0, up = up0
        let dx = up - lo
        var cell: Double, small: Bool
        if dx == 0 && up == 0 {
            cell = 1
            small = true
        } else {
            cell = max(abs(lo), abs(up))
            var u = 1 + ((h5 >= 1.5 * h + 0.5) ? 1 / (1 + h) : 1.5 / (1 + h5))
            u *= Double(max(1, ndiv)) * Double.ulpOfOne
            small = dx < cell * u * 3
        }
        if small {
            if cell > 10 { cell = 9 + cell / 10 }
            cell *= shrinkSmall
            if minN > 1 { cell /= Double(minN) }
        } else {
            cell = dx
            if ndiv > 1 { cell /= Double(ndiv) }
        }
        if cell < 20 * Double.leastNormalMagnitude { cell = 20 * Double.leastNormalMagnitude }
        else if cell * 10 > Double.greatestFiniteMagnitude { cell = 0.1 * Double.greatestFiniteMagnitude }
        let base = pow(10, (log10(cell)).rounded(.down))
        var unit = base
        if 2 * base - cell < h * (cell - unit) {
            unit = 2 * base
            if 5 * base - cell < h5 * (cell - unit) {
                unit = 5 * base
                if 10 * base - cell < h * (cell - unit) { unit = 10 * base }
            }
        }
        let eps = 1e-10
        var ns = (lo / unit + eps).rounded(.down)
        var nu = (up / unit - eps).rounded(.up)
        if epsCorrection > 0 && (epsCorrection > 1 || !small) {
            lo = lo != 0 ? lo * (1 - Double.ulpOfOne) : -Double.leastNormalMagnitude
            up = up != 0 ? up * (1 + Double.ulpOfOne) : Double.leastNormalMagnitude
        }
        while ns * unit > lo + eps * unit { ns -= 1 }
        while nu * unit < up - eps * unit { nu += 1 }
        var k = Int(0.5 + nu - ns)
        if k < minN {
            k = minN - k
            if ns >= 0 {
                nu += Double(k / 2)
                ns -= Double(k / 2 + k % 2)
            } else {
                ns -= Double(k / 2)
                nu += Double(k / 2 + k % 2)
            }
            ndiv = minN
        } else {
            ndiv = k
        }
        return (ns, nu, unit)
    }
}
