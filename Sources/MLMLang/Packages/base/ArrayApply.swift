/// base's apply(): FUN over the margins of an array (a data frame through as.matrix) — rows,
/// columns, or any set of dimensions given by number or by the names of the dimnames — with
/// R's assembly of the results: values of length one make an array over the margins (a named
/// vector for one margin), equal lengths L > 1 an array with a first dimension of L, and
/// anything else a list.
enum ArrayApply {
    static func apply(_ ctx: CallContext, _ args: [EvaluatedArgument]) throws -> RValue {
        let i = ctx.interpreter
        let (m, rest) = try i.matchBuiltinArguments(["X", "MARGIN", "FUN", "...", "simplify"], args, call: ctx.call)
        guard var value = m["X"] else { throw RError("argument \"X\" is missing, with no default", call: ctx.call) }
        if value.inherits("data.frame") {
            value = try i.callValue(try i.lookupFunction("as.matrix", i.baseEnv), [EvaluatedArgument(value)], env: ctx.env)
        }
        guard case .vector(let x) = value, let dims = x.dim, !dims.isEmpty else { throw RError("dim(X) must have a positive length", call: ctx.call) }
        let f = try i.functionArgument(m["FUN"] ?? .null, env: ctx.env)
        let simplify = m["simplify"]?.logicalValue ?? true
        // Dimension names and titles.
        let (labels, titles) = ArrayLayout.labels(x, dims: dims)
        // MARGIN by number or by dimnames name.
        guard let given = m["MARGIN"]?.asVector else { throw RError("argument \"MARGIN\" is missing, with no default", call: ctx.call) }
        let margins: [Int]
        if case .character(let names) = given.storage {
            guard let titles else { throw RError("'X' must have named dimnames", call: ctx.call) }
            margins = try names.map { name in
                guard let k = titles.firstIndex(where: { $0 == name }) else { throw RError("not all elements of 'MARGIN' are names of dimensions", call: ctx.call) }
                return k
            }
        } else {
            margins = (Coerce.integers(given) ?? []).map { $0 == NAInteger ? -1 : $0 - 1 }
        }
        guard !margins.isEmpty, margins.allSatisfy({ $0 >= 0 && $0 < dims.count }) else { throw RError("'MARGIN' does not match dim(X)", call: ctx.call) }
        let others = (0..<dims.count).filter { !margins.contains($0) }
        let strides = ArrayLayout.strides(dims)
        func cells(_ which: [Int]) -> [[Int]] { ArrayLayout.combinations(which.map { Array(0..<dims[$0]) }) }
        let marginCells = cells(margins), innerCells = cells(others)
        var results: [RValue] = []
        for outer in marginCells {
            var positions: [Int?] = []
            for inner in innerCells {
                var offset = 0
                for (n, k) in margins.enumerated() { offset += outer[n] * strides[k] }
                for (n, k) in others.enumerated() { offset += inner[n] * strides[k] }
                positions.append(offset)
            }
            var piece = RVector(IndexingLibrary.select(x.storage, positions))
            if others.count == 1 { piece.names = labels[others[0]] }
            else if others.count > 1 {
                piece.attributes["dim"] = .integer(others.map { dims[$0] })
                if others.contains(where: { labels[$0] != nil }) {
                    piece.attributes["dimnames"] = .list(others.map { k in labels[k].map { .character($0) } ?? .null })
                }
            }
            results.append(try i.callValue(f, [EvaluatedArgument(.vector(piece))] + rest, env: ctx.env))
        }
        let marginDims = margins.map { dims[$0] }
        let marginLabels: [RValue] = margins.map { k in labels[k].map { .character($0) } ?? .null }
        let marginTitles = titles.map { t in margins.map { $0 < t.count ? t[$0] : nil } }
        let lengths = results.map(\.length)
        let allVectors = results.allSatisfy { r in
            guard case .vector(let v) = r else { return false }
            if case .list = v.storage { return false }
            return true
        }
        guard simplify, allVectors, let k = lengths.first, k > 0, lengths.allSatisfy({ $0 == k }) else {
            // A list over the margins: named for one margin, with dim for several.
            var out = RVector(.list(results))
            if margins.count == 1 { out.names = labels[margins[0]] } else {
                out.attributes["dim"] = .integer(marginDims)
                if marginLabels.contains(where: { !$0.isNullValue }) { out.attributes["dimnames"] = .list(marginLabels) }
            }
            return .vector(out)
        }
        guard case .vector(var out) = try VectorLibrary.combine(results.map { r -> EvaluatedArgument in
            guard case .vector(let v) = r else { return EvaluatedArgument(r) }
            return EvaluatedArgument(.vector(RVector(v.isFactor ? .character(Coerce.strings(v)) : v.storage)))
        }) else { return .null }
        let firstNames: RValue = results.first?.asVector?.names.map { .character($0) } ?? .null
        if k == 1 {
            if margins.count == 1 {
                out.names = labels[margins[0]]
            } else {
                out.attributes["dim"] = .integer(marginDims)
                if marginLabels.contains(where: { !$0.isNullValue }) {
                    var dn = RVector(.list(marginLabels))
                    if let marginTitles { dn.names = marginTitles }
                    out.attributes["dimnames"] = .vector(dn)
                }
            }
            return .vector(out)
        }
        out.attributes["dim"] = .integer([k] + marginDims)
        if !firstNames.isNullValue || marginLabels.contains(where: { !$0.isNullValue }) {
            var dn = RVector(.list([firstNames] + marginLabels))
            if let marginTitles { dn.names = [""] + marginTitles }
            out.attributes["dimnames"] = .vector(dn)
        }
        return .vector(out)
    }
}
