/// How an R array lays its cells out (first dimension fastest), shared by array indexing and
/// apply(): each dimension's stride, and every combination of chosen positions along some
/// dimensions in R's order.
enum ArrayLayout {
    static func strides(_ dims: [Int]) -> [Int] {
        var out = [1]
        for d in dims.dropLast() { out.append(out[out.count - 1] * d) }
        return out
    }

    /// Every tuple taking one position from each list, the first list varying fastest.
    static func combinations(_ lists: [[Int]]) -> [[Int]] {
        var out: [[Int]] = [[]]
        for list in lists {
            var next: [[Int]] = []
            next.reserveCapacity(out.count * list.count)
            for p in list { for c in out { next.append(c + [p]) } }
            out = next
        }
        return out
    }

    /// The dimnames labels of each dimension, nil where absent or of the wrong length (a
    /// damaged object), so that they can be indexed by position safely.
    static func labels(_ v: RVector, dims: [Int]) -> (labels: [[String?]?], titles: [String?]?) {
        guard case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage else {
            return (Array(repeating: nil, count: dims.count), nil)
        }
        let labels: [[String?]?] = dims.indices.map { k in
            guard k < items.count, let l = items[k].asVector.map(Coerce.strings), l.count == dims[k] else { return nil }
            return l
        }
        return (labels, dn.names)
    }
}
