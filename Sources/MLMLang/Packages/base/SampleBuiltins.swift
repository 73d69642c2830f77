/// `sample` and `sample.int`: R's argument checks and messages in front of the algorithms
/// in Sampling.swift.
extension RandomLibrary {
    /// `sample(x, size, replace, prob)`. A single number n >= 1 means 1:n, as in R.
    static func sample(_ x: RValue, size: RValue?, replace: RValue?, prob: RValue?, _ ctx: CallContext) throws -> RValue {
        let random = ctx.interpreter.random
        // Errors name the sample.int call R's own sample() makes.
        func innerCall(_ first: Expr) -> Call {
            Call(.symbol("sample.int"), [first, .symbol("size"), .symbol("replace"), .symbol("prob")].map { Argument($0) })
        }
        if isPopulationSize(x) {
            do {
                return try sampleIndices(n: x, size: size ?? x, replace: replace, prob: prob, random: random)
            } catch var e as RError where e.call == nil {
                e.call = innerCall(.symbol("x"))
                throw e
            }
        }
        let n = RValue.scalar(x.length)
        let indices: RValue
        do {
            indices = try sampleIndices(n: n, size: size ?? n, replace: replace, prob: prob, random: random)
        } catch var e as RError where e.call == nil {
            e.call = innerCall(.call("length", [.symbol("x")]))
            throw e
        }
        return try IndexingLibrary.subset(x, [indices], call: ctx.call)
    }

    /// R's test in `sample`: one finite number, at least 1, of a numeric type.
    private static func isPopulationSize(_ x: RValue) -> Bool {
        guard case .vector(let v) = x, v.count == 1, !v.isFactor else { return false }
        switch v.storage {
        case .integer(let a): return a[0] != NAInteger && a[0] >= 1
        case .double(let a): return a[0].isFinite && a[0] >= 1
        default: return false
        }
    }

    /// `sample.int(n, size, replace, prob)`: the checks of R's C code, then the draw.
    static func sampleIndices(n nArg: RValue, size sizeArg: RValue, replace replaceArg: RValue?, prob: RValue?,
                              random: RandomNumberState) throws -> RValue {
        guard sizeArg.length == 1 else { throw RError("invalid 'size' argument") }
        var replace = false
        if let replaceArg {
            guard replaceArg.length == 1, let l = replaceArg.scalarLogical(), let b = l.bool else {
                throw RError("invalid 'replace' argument")
            }
            replace = b
        }
        if let prob, !prob.isNullValue {
            let n = integerValue(nArg), k = integerValue(sizeArg)
            guard let n, n >= 0, !(k.map { $0 > 0 } ?? false && n == 0) else { throw RError("invalid first argument") }
            guard let k, k >= 0 else { throw RError("invalid 'size' argument") }
            if !replace && k > n {
                throw RError("cannot take a sample larger than the population when 'replace = FALSE'")
            }
            guard case .vector(let pv) = prob, let p = Coerce.doubles(pv), !isText(pv) else {
                throw RError("incorrect number of probabilities")
            }
            guard p.count == n else { throw RError("incorrect number of probabilities") }
            let normalised = try normalisedProbabilities(p, size: k, replace: replace)
            return .integer(random.sampleWithProbabilities(normalised, size: k, replace: replace))
        }
        let dn = nArg.scalarDouble() ?? .nan
        let k = try vectorSize(sizeArg)
        if !dn.isFinite || dn < 0 || dn > 4.5e15 || (k > 0 && dn == 0) { throw RError("invalid first argument") }
        if k < 0 { throw RError("invalid 'size' argument") }
        if !replace && Double(k) > dn {
            throw RError("cannot take a sample larger than the population when 'replace = FALSE'")
        }
        let huge = dn > Double(Int32.max)
        // sample.int's useHash default: for a small sample of a huge population R draws with
        // rejection of repeats instead of shuffling a table of all n values.
        if dn > 1e7 && !replace && Double(k) <= dn / 2 {
            let values = sampleRejectingRepeats(dn, size: k, random: random)
            return huge ? .double(values) : .integer(values.map { Int($0) })
        }
        if huge {
            return .double((0..<k).map { _ in random.unifIndex(dn) + 1 })
        }
        return .integer(random.sampleUniform(n: Int(dn), size: k, replace: replace))
    }

    private static func sampleRejectingRepeats(_ dn: Double, size: Int, random: RandomNumberState) -> [Double] {
        var seen = Set<Double>()
        var out: [Double] = []
        for _ in 0..<size {
            var v = 0.0
            for _ in 0..<100 {
                v = random.unifIndex(dn) + 1
                if !seen.contains(v) { break }
            }
            seen.insert(v)
            out.append(v)
        }
        return out
    }

    /// R's `FixupProb`: finite, non-negative, enough positive entries; scaled to sum to 1.
    private static func normalisedProbabilities(_ p: [Double], size: Int, replace: Bool) throws -> [Double] {
        var sum = 0.0
        var positive = 0
        for x in p {
            if !x.isFinite { throw RError("NA in probability vector") }
            if x < 0 { throw RError("negative probability") }
            if x > 0 {
                positive += 1
                sum += x
            }
        }
        if positive == 0 || (!replace && size > positive) { throw RError("too few positive probabilities") }
        return p.map { $0 / sum }
    }

    private static func integerValue(_ v: RValue) -> Int? {
        guard case .vector(let vec) = v, let i = Coerce.integers(vec)?.first, i != NAInteger else { return nil }
        return i
    }

    /// R's `asVecSize` for the size argument.
    private static func vectorSize(_ v: RValue) throws -> Int {
        guard case .vector(let vec) = v, let d = Coerce.doubles(vec)?.first else { throw RError("invalid 'size' argument") }
        if d.isNaN {
            if case .integer = vec.storage { throw RError("vector size cannot be NA") }
            throw RError("vector size cannot be NA/NaN")
        }
        if !d.isFinite { throw RError("vector size cannot be infinite") }
        if d > 4.5e15 { throw RError("vector size specified is too large") }
        // Any negative size is refused by the caller ("invalid 'size' argument"), however large.
        return d < 0 ? -1 : Int(d)
    }
}
