/// The algorithms behind `sample.int`, following R's random.c step for step: the order in
/// which they draw uniforms decides which values come out, so each must match R's exactly.
extension RandomNumberState {
    /// `size` draws from 1...n, each equally likely.
    func sampleUniform(n: Int, size: Int, replace: Bool) -> [Int] {
        let dn = Double(n)
        if replace || size < 2 {
            return (0..<size).map { _ in Int(unifIndex(dn)) + 1 }
        }
        // Partial Fisher-Yates: the drawn slot is refilled with the last remaining value.
        var pool = Array(0..<n)
        var remaining = n
        var out: [Int] = []
        out.reserveCapacity(size)
        for _ in 0..<size {
            let j = Int(unifIndex(Double(remaining)))
            out.append(pool[j] + 1)
            remaining -= 1
            pool[j] = pool[remaining]
        }
        return out
    }

    /// `size` draws from 1...n with probabilities `p` (already normalised to sum to 1).
    func sampleWithProbabilities(_ p: [Double], size: Int, replace: Bool) -> [Int] {
        let n = p.count
        if replace {
            // R switches to Walker's alias method when many outcomes are likely enough.
            let likely = p.filter { Double(n) * $0 > 0.1 }.count
            return likely > 200 ? walkerSample(p, size: size) : cumulativeSample(p, size: size)
        }
        return sampleWithoutReplacement(p, size: size)
    }

    /// Inverse-CDF sampling over the probabilities sorted in decreasing order.
    private func cumulativeSample(_ probabilities: [Double], size: Int) -> [Int] {
        var p = probabilities
        var perm = (0..<p.count).map { $0 + 1 }
        Self.sortDescending(&p, &perm)
        for i in p.indices.dropFirst() { p[i] += p[i - 1] }
        let last = p.count - 1
        return (0..<size).map { _ in
            let u = unifRand()
            var j = 0
            while j < last && u > p[j] { j += 1 }
            return perm[j]
        }
    }

    /// Draws without replacement, removing each drawn outcome's mass from the total.
    private func sampleWithoutReplacement(_ probabilities: [Double], size: Int) -> [Int] {
        var p = probabilities
        var perm = (0..<p.count).map { $0 + 1 }
        Self.sortDescending(&p, &perm)
        var total = 1.0
        var out: [Int] = []
        var n1 = p.count - 1
        for _ in 0..<size {
            let target = total * unifRand()
            var mass = 0.0
            var j = 0
            while j < n1 {
                mass += p[j]
                if target <= mass { break }
                j += 1
            }
            out.append(perm[j])
            total -= p[j]
            p.remove(at: j)
            perm.remove(at: j)
            n1 -= 1
        }
        return out
    }

    /// Walker's alias method (Ripley 1987, algorithm 3.13B) as R builds its tables.
    private func walkerSample(_ p: [Double], size: Int) -> [Int] {
        let n = p.count
        var q = p.map { $0 * Double(n) }
        var alias = [Int](repeating: 0, count: n)
        // Small entries fill the table from the front, large ones from the back.
        var table = [Int](repeating: 0, count: n)
        var small = 0, large = n
        for i in 0..<n {
            if q[i] < 1 { table[small] = i; small += 1 } else { large -= 1; table[large] = i }
        }
        if small > 0 && large < n {
            for k in 0..<(n - 1) {
                let i = table[k], j = table[large]
                alias[i] = j
                q[j] += q[i] - 1
                if q[j] < 1 { large += 1 }
                if large >= n { break }
            }
        }
        for i in 0..<n { q[i] += Double(i) }
        return (0..<size).map { _ in
            let k: Int
            let u: Double
            switch sampleKind {
            case .rounding:
                u = unifRand() * Double(n)
                k = Int(u)
            case .rejection:
                k = Int(unifIndex(Double(n)))
                u = Double(k) + unifRand()
            }
            return u < q[k] ? k + 1 : alias[k] + 1
        }
    }

    /// R's `revsort`: a heapsort into decreasing order that carries `ids` along. Heapsort is
    /// not stable, so ties come out in R's order only if the sift steps are R's.
    static func sortDescending(_ a: inout [Double], _ ids: inout [Int]) {
        let n = a.count
        if n <= 1 { return }
        // One-based views keep the index arithmetic of the classic formulation.
        func get(_ i: Int) -> (Double, Int) { (a[i - 1], ids[i - 1]) }
        func put(_ i: Int, _ v: (Double, Int)) { a[i - 1] = v.0; ids[i - 1] = v.1 }
        var l = n / 2 + 1
        var ir = n
        while true {
            let item: (Double, Int)
            if l > 1 {
                l -= 1
                item = get(l)
            } else {
                item = get(ir)
                put(ir, get(1))
                ir -= 1
                if ir == 1 {
                    put(1, item)
                    return
                }
            }
            var i = l
            var j = l * 2
            while j <= ir {
                if j < ir && a[j - 1] > a[j] { j += 1 }
                if item.0 > a[j - 1] {
                    put(i, get(j))
                    i = j
                    j += j
                } else {
                    j = ir + 1
                }
            }
            put(i, item)
        }
    }
}
