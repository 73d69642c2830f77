/// as.matrix: a matrix stays as it is, a vector becomes one column (its names the row names),
/// and a data frame becomes a numeric matrix when every column is numeric or logical, else a
/// character matrix of the columns as format() writes them (as.matrix.data.frame).
enum AsMatrix {
    static func install(_ interp: Interpreter) {
        interp.define("as.matrix", { ctx, args in
            guard let x = args.first?.value else { throw RError("argument \"x\" is missing, with no default") }
            guard case .vector(var v) = x else { throw RError("cannot coerce to a matrix") }
            if v.classes?.contains("data.frame") == true { return try fromDataFrame(v, RCalls(ctx)) }
            if let dim = v.dim, dim.count == 2 { return x }
            let names = v.names
            v.attributes = Attributes()
            v.attributes["dim"] = .integer([v.count, 1])
            if let names { v.attributes["dimnames"] = .list([.character(names), .null]) }
            return .vector(v)
        })
    }

    private static func fromDataFrame(_ frame: RVector, _ r: RCalls) throws -> RValue {
        guard case .list(let items) = frame.storage else { throw RError("invalid data frame") }
        let columns = items.array
        let rows = DataFrameShape.rowCount(frame)
        let numeric = columns.allSatisfy { c in
            guard case .vector(let cv) = c, !cv.isFactor else { return false }
            switch cv.storage { case .logical, .integer, .double: return true; default: return false }
        }
        var out: RVector
        if numeric {
            let anyDouble = columns.contains { if case .vector(let cv) = $0, case .double = cv.storage { return true }; return false }
            if anyDouble {
                out = RVector(.double(columns.flatMap { $0.asVector.flatMap { Coerce.doubles($0) } ?? [] }))
            } else {
                out = RVector(.integer(columns.flatMap { $0.asVector.flatMap { Coerce.integers($0) } ?? [] }))
            }
        } else {
            var cells: [String?] = []
            for c in columns {
                guard case .vector(let cv) = c else { continue }
                if case .character = cv.storage { cells += Coerce.strings(cv); continue }
                if cv.isFactor, let levels = cv.levels, case .integer(let codes) = cv.storage {
                    cells += codes.map { $0 >= 1 && $0 <= levels.count ? levels[$0 - 1] : nil }
                    continue
                }
                let formatted = try r.call("format", c)
                cells += formatted.asVector.map { Coerce.strings($0) } ?? []
            }
            out = RVector(.character(cells))
        }
        out.attributes["dim"] = .integer([rows, columns.count])
        let rowNames: RValue
        if case .vector(let rn)? = frame.attributes["row.names"], case .character = rn.storage { rowNames = .vector(rn) } else { rowNames = .null }
        out.attributes["dimnames"] = .list([rowNames, .character(frame.names ?? [])])
        return .vector(out)
    }
}
