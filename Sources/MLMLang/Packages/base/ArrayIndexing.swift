/// `a[i, j, k, ...]` and `a[i, j, k, ...] <- value` for arrays of three or more dimensions
/// (tables such as Titanic), with R's rules: each subscript picks positions along its
/// dimension (by number, name, logical or negative), `drop` removes dimensions of extent one,
/// dimnames follow, and a table stays a table while the result keeps dimensions.
enum ArrayIndexing {
    /// Zero-based positions along each dimension, and the linear positions they select
    /// (first dimension fastest).
    private static func selection(_ v: RVector, _ indices: [RValue?], call: Call) throws -> (picked: [[Int]], linear: [Int]) {
        guard let dims = v.dim, dims.count == indices.count else { throw RError("incorrect number of dimensions", call: call) }
        let names = dimnames(v)
        var picked: [[Int]] = []
        for (k, index) in indices.enumerated() {
            let positions = try IndexingLibrary.positions(index, count: dims[k], names: names[k])
            guard positions.allSatisfy({ $0 != nil && $0! < dims[k] }) else { throw RError("subscript out of bounds", call: call) }
            picked.append(positions.compactMap { $0 })
        }
        let strides = ArrayLayout.strides(dims)
        let linear = ArrayLayout.combinations(picked).map { tuple in zip(tuple, strides).reduce(0) { $0 + $1.0 * $1.1 } }
        return (picked, linear)
    }

    private static func dimnames(_ v: RVector) -> [[String?]?] { ArrayLayout.labels(v, dims: v.dim ?? []).labels }

    static func subset(_ v: RVector, _ indices: [RValue?], drop: Bool, call: Call) throws -> RValue {
        let (picked, linear) = try selection(v, indices, call: call)
        var out = RVector(IndexingLibrary.select(v.storage, linear.map { Optional($0) }))
        let names = dimnames(v)
        var titles: [String?]? = nil
        if case .vector(let dn)? = v.attributes["dimnames"] { titles = dn.names }
        var kept = Array(picked.indices)
        if drop { kept = kept.filter { picked[$0].count != 1 } }
        if kept.count <= 1 && drop {
            if let k = kept.first, let labels = names[k] { out.names = picked[k].map { labels[$0] ?? "NA" } }
            return .vector(out)
        }
        out.attributes["dim"] = .integer(kept.map { picked[$0].count })
        if names.contains(where: { $0 != nil }) {
            var dn = RVector(.list(kept.map { k in names[k].map { labels in .character(picked[k].map { labels[$0] }) } ?? .null }))
            if let titles { dn.names = kept.map { $0 < titles.count ? (titles[$0] ?? "") : "" } }
            out.attributes["dimnames"] = .vector(dn)
        }
        if v.classes == ["table"] { out.attributes["class"] = v.attributes["class"] }
        return .vector(out)
    }

    static func assign(_ v: RVector, _ indices: [RValue?], value: RValue, call: Call) throws -> RValue {
        let (_, linear) = try selection(v, indices, call: call)
        guard case .vector(let rv) = value, rv.count > 0 else { throw RError("replacement has length zero", call: call) }
        guard linear.count % rv.count == 0 else {
            throw RError("number of items to replace is not a multiple of replacement length", call: call)
        }
        let rank = max(v.storage.rank, rv.storage.rank)
        var storage = Coerce.storage(v, toRank: rank)
        let values = Coerce.storage(rv, toRank: rank)
        for (k, position) in linear.enumerated() {
            storage = IndexingLibrary.put(storage, at: position, from: values, index: k % rv.count)
        }
        return .vector(RVector(storage, attributes: v.attributes))
    }
}
