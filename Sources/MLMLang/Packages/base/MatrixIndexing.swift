/// `m[i, j]` and `m[i, j] <- value` for matrices, with R's `drop` rule.
enum MatrixIndexing {
    static func subset(_ v: RVector, rows: RValue?, columns: RValue?, drop: Bool, call: Call) throws -> RValue {
        guard let d = v.dim, d.count == 2 else { throw RError("incorrect number of dimensions", call: call) }
        let (r, c) = (d[0], d[1])
        let dn = MatrixPrinter.dimnames(v)
        let ri = try IndexingLibrary.positions(rows, count: r, names: dn.rows)
        let ci = try IndexingLibrary.positions(columns, count: c, names: dn.columns)
        // A missing position is an NA subscript (an NA element, as in R) unless the subscript
        // was a name, which then matched nothing.
        func holdsNA(_ x: RValue?) -> Bool {
            guard case .vector(let s)? = x else { return false }
            switch s.storage {
            case .double(let d): return d.contains { $0.isNaN }
            case .integer(let a): return a.contains(NAInteger)
            case .logical(let a): return a.contains(.na)
            default: return false
            }
        }
        if ri.contains(where: { $0.map { $0 >= r } ?? !holdsNA(rows) }) || ci.contains(where: { $0.map { $0 >= c } ?? !holdsNA(columns) }) {
            throw RError("subscript out of bounds", call: call)
        }
        let rowIdx = ri, colIdx = ci
        var positions: [Int?] = []
        for j in colIdx { for i in rowIdx { positions.append(i.flatMap { i in j.map { $0 * r + i } }) } }
        var out = RVector(IndexingLibrary.select(v.storage, positions))
        let newRows = dn.rows.map { names in rowIdx.map { $0.map { names[$0] } ?? nil } }
        let newColumns = dn.columns.map { names in colIdx.map { $0.map { names[$0] } ?? nil } }
        if drop && (rowIdx.count == 1 || colIdx.count == 1) {
            if colIdx.count == 1 && rowIdx.count != 1 { out.names = newRows }
            else if rowIdx.count == 1 && colIdx.count != 1 { out.names = newColumns }
            return .vector(out)
        }
        out.attributes["dim"] = .integer([rowIdx.count, colIdx.count])
        if newRows != nil || newColumns != nil {
            var dnv = RVector(.list([newRows.map { .character($0) } ?? .null, newColumns.map { .character($0) } ?? .null]))
            if dn.rowTitle != nil || dn.columnTitle != nil { dnv.names = [dn.rowTitle ?? "", dn.columnTitle ?? ""] }
            out.attributes["dimnames"] = .vector(dnv)
        }
        // A table that keeps its dimensions stays a table; R drops other classes here.
        if v.classes == ["table"] { out.attributes["class"] = v.attributes["class"] }
        return .vector(out)
    }

    static func assign(_ v: RVector, rows: RValue?, columns: RValue?, value: RValue, call: Call) throws -> RValue {
        guard let d = v.dim, d.count == 2 else { throw RError("incorrect number of subscripts on matrix", call: call) }
        let (r, c) = (d[0], d[1])
        let dn = MatrixPrinter.dimnames(v)
        let ri = try IndexingLibrary.positions(rows, count: r, names: dn.rows).compactMap { $0 }
        let ci = try IndexingLibrary.positions(columns, count: c, names: dn.columns).compactMap { $0 }
        guard case .vector(let rv) = value, rv.count > 0 else { throw RError("replacement has length zero", call: call) }
        let rank = max(v.storage.rank, rv.storage.rank)
        var storage = Coerce.storage(v, toRank: rank)
        let values = Coerce.storage(rv, toRank: rank)
        var k = 0
        for j in ci {
            for i in ri {
                guard i < r, j < c else { throw RError("subscript out of bounds", call: call) }
                storage = IndexingLibrary.put(storage, at: j * r + i, from: values, index: k % rv.count)
                k += 1
            }
        }
        return .vector(RVector(storage, attributes: v.attributes))
    }
}
