import CRmath
import Foundation

/// The session's random-number generator state: R's default kinds, Mersenne-Twister for
/// uniforms, Inversion for normals and Rejection for sampling, reproducing R's streams
/// exactly so that `set.seed(n)` gives the numbers R gives.
final class RandomNumberState {
    /// How `sample` turns a uniform into an index (R's `sample.kind`).
    enum SampleKind {
        /// R before 3.6: floor(n * u), slightly non-uniform for large n.
        case rounding
        /// R 3.6 and later: whole random bits, rejecting values out of range.
        case rejection
    }

    private static let stateWords = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff
    /// 2^-32: turns a 32-bit word into [0, 1).
    private static let wordScale = 1.0 / 4_294_967_296.0
    /// Half of 1/(2^32 - 1): what R returns instead of exactly 0 or 1.
    private static let halfStep = 0.5 / 4_294_967_295.0

    /// R's seed vector for Mersenne-Twister: position, then the 624 state words.
    private var mt = [UInt32](repeating: 0, count: stateWords)
    private var position = stateWords
    private var seeded = false
    var sampleKind = SampleKind.rejection

    /// R's `.Random.seed` for this state: the kinds code (Mersenne-Twister, Inversion,
    /// Rejection or Rounding), the position, then the 624 words as signed integers.
    var seedVector: [Int] {
        if !seeded { setSeed(Self.timeSeed()) }
        let kinds = sampleKind == .rejection ? 10403 : 403
        return [kinds, position] + mt.map { Int(Int32(bitPattern: $0)) }
    }

    /// `set.seed(seed)`: R scrambles the seed with 50 rounds of the congruential generator
    /// x -> 69069 x + 1, then fills its seed vector (position word first) with further rounds.
    func setSeed(_ seed: UInt32) {
        var s = seed
        for _ in 0..<50 { s = s &* 69069 &+ 1 }
        // The first word R generates lands in the position slot, which is then reset to 624.
        s = s &* 69069 &+ 1
        for i in 0..<Self.stateWords {
            s = s &* 69069 &+ 1
            mt[i] = s
        }
        position = Self.stateWords
        seeded = true
        if mt.allSatisfy({ $0 == 0 }) { setSeed(Self.timeSeed()) }
    }

    /// R's seed when none was set: clock time mixed with the process id.
    static func timeSeed() -> UInt32 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let mixed = (UInt64(ts.tv_nsec) << 16) ^ UInt64(ts.tv_sec)
        return UInt32(truncatingIfNeeded: mixed) ^ (UInt32(truncatingIfNeeded: getpid()) << 16)
    }

    /// A uniform in (0, 1): R's `unif_rand` for Mersenne-Twister.
    func unifRand() -> Double {
        if !seeded { setSeed(Self.timeSeed()) }
        let x = Double(nextWord()) * Self.wordScale
        // R never returns the ends of the interval.
        if x <= 0 { return Self.halfStep }
        if 1 - x <= 0 { return 1 - Self.halfStep }
        return x
    }

    private func nextWord() -> UInt32 {
        if position >= Self.stateWords { regenerate() }
        var y = mt[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Produces the next 624 words at once, as the reference Mersenne-Twister does.
    private func regenerate() {
        let n = Self.stateWords, m = Self.shift
        func twist(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 {
            let y = (a & Self.upperMask) | (b & Self.lowerMask)
            return c ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
        }
        for k in 0..<(n - m) { mt[k] = twist(mt[k], mt[k + 1], mt[k + m]) }
        for k in (n - m)..<(n - 1) { mt[k] = twist(mt[k], mt[k + 1], mt[k + m - n]) }
        mt[n - 1] = twist(mt[n - 1], mt[0], mt[m - 1])
        position = 0
    }

    /// A standard normal by inversion. One uniform has only 32 bits, so R combines two
    /// into a finer one (27 + 32 bits) before inverting the normal distribution function.
    func normRand() -> Double {
        let big = 134_217_728.0 // 2^27
        var u = unifRand()
        u = Double(Int(big * u)) + unifRand()
        return qnorm5(u / big, 0, 1, 1, 0)
    }

    /// A standard exponential: R's `exp_rand`, Ahrens & Dieter's (1972) algorithm SA.
    func expRand() -> Double {
        let q = Self.expTable
        var a = 0.0
        var u = unifRand()
        while u <= 0 || u >= 1 { u = unifRand() }
        while true {
            u += u
            if u > 1 { break }
            a += q[0]
        }
        u -= 1
        if u <= q[0] { return a + u }
        var i = 0
        var ustar = unifRand()
        var umin = ustar
        repeat {
            ustar = unifRand()
            if umin > ustar { umin = ustar }
            i += 1
        } while i < q.count - 1 && u > q[i]
        return a + umin * q[0]
    }

    /// q[k-1] = sum over j = 1...k of ln(2)^j / j!, until it reaches 1 in double precision.
    /// Four entries differ by one ulp from R's 16-digit table; the uniforms compared with
    /// them are multiples of 2^-32, none of which lies in between, so the draws agree.
    private static let expTable: [Double] = {
        var table: [Double] = []
        let ln2 = log(Float80(2))
        var term: Float80 = 1
        var sum: Float80 = 0
        var k: Float80 = 1
        while table.last != 1 && table.count < 32 {
            term *= ln2 / k
            sum += term
            table.append(Double(sum))
            k += 1
        }
        return table
    }()

    /// A uniform integer in 0..<n: R's `R_unif_index`.
    func unifIndex(_ n: Double) -> Double {
        switch sampleKind {
        case .rounding:
            return (n * unifRand()).rounded(.down)
        case .rejection:
            if n <= 0 { return 0 }
            let bits = Int(log2(n).rounded(.up))
            var v: Double
            repeat { v = randomBits(bits) } while n <= v
            return v
        }
    }

    /// A random integer below 2^bits, built from 16 bits per uniform.
    private func randomBits(_ bits: Int) -> Double {
        var v: Int64 = 0
        var n = 0
        while n <= bits {
            let chunk = Int64((unifRand() * 65536).rounded(.down))
            v = 65536 &* v &+ chunk
            n += 16
        }
        let mask: Int64 = bits >= 63 ? Int64.max : (Int64(1) << bits) - 1
        return Double(v & mask)
    }
}
