import COpenBLAS

/// Matrices: building, shape, names, transposition, products and apply.
enum MatrixLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("matrix", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["data", "nrow", "ncol", "byrow", "dimnames"], args, call: ctx.call)
            var data: RVector
            switch m["data"] ?? .logical([.na]) {
            case .vector(let v): data = v
            case .null: data = RVector(.logical([]))
            default: throw RError("'data' must be of a vector type, was '\(m["data"]?.typeName ?? "NULL")'")
            }
            let n = data.count
            // R's checks of the dimensions given: whole, not NA, within R's integers, not negative.
            func dimension(_ name: String) throws -> Int? {
                guard let given = m[name] else { return nil }
                guard let d = given.scalarDouble(), !d.isNaN, abs(d) <= 2_147_483_647 else {
                    throw RError("invalid '\(name)' value (too large or NA)", call: ctx.call)
                }
                guard d >= 0 else { throw RError("invalid '\(name)' value (< 0)", call: ctx.call) }
                return Int(d)
            }
            var nrow = try dimension("nrow"), ncol = try dimension("ncol")
            switch (nrow, ncol) {
            case (nil, nil): nrow = n; ncol = 1
            case (let r?, nil): ncol = r == 0 ? 0 : Int((Double(n) / Double(r)).rounded(.up))
            case (nil, let c?): nrow = c == 0 ? 0 : Int((Double(n) / Double(c)).rounded(.up))
            default: break
            }
            let r = max(nrow ?? 1, 0), c = max(ncol ?? 1, 0)
            try RLimits.check(r.multipliedReportingOverflow(by: c).overflow ? Int.max : r * c)
            // Each dimension's labels are allocated too (a 0 x 1e9 matrix prints a billion of them).
            try RLimits.check(max(r, c))
            if n > 0 && r * c > 0 && ((r * c) % n != 0 && n % max(r, 1) != 0 && n % max(c, 1) != 0 || n > r * c && n % (r * c) != 0) {
                ctx.interpreter.warning("data length [\(n)] is not a sub-multiple or multiple of the number of rows [\(r)]", call: ctx.call)
            }
            let byrow = m["byrow"]?.logicalValue ?? false
            let positions: [Int?] = (0..<(r * c)).map { k in
                guard n > 0 else { return nil }
                if byrow { let i = k % r, j = k / r; return (i * c + j) % n }
                return k % n
            }
            var out = RVector(IndexingLibrary.select(data.storage, positions))
            out.attributes["dim"] = .integer([r, c])
            if let dn = m["dimnames"], !dn.isNullValue { out.attributes["dimnames"] = dn }
            return .vector(out)
        })
        interp.define("dim", { _, args in
            guard case .vector(let v)? = args.first?.value else { return .null }
            if v.classes?.contains("data.frame") == true { return .integer([DataFrameShape.rowCount(v), v.count]) }
            return v.attributes["dim"] ?? .null
        })
        interp.define("dim<-", { _, args in
            guard args.count == 2, case .vector(var v) = args[0].value else { throw RError("invalid first argument") }
            if case .vector = args[1].value { return try S3Library.setAttribute(args, "dim") }
            v.attributes["dim"] = nil
            v.attributes["dimnames"] = nil
            return .vector(v)
        })
        interp.define("nrow", { _, args in dimension(args.first?.value, 0) })
        interp.define("ncol", { _, args in dimension(args.first?.value, 1) })
        interp.define("NROW", { _, args in
            let d = dimension(args.first?.value, 0)
            return d.isNullValue ? .scalar(args.first?.value.length ?? 0) : d
        })
        interp.define("NCOL", { _, args in
            let d = dimension(args.first?.value, 1)
            return d.isNullValue ? .scalar(1) : d
        })
        interp.define("dimnames", { _, args in
            guard case .vector(let v)? = args.first?.value else { return .null }
            return v.attributes["dimnames"] ?? .null
        })
        interp.define("dimnames<-", { _, args in
            guard args.count == 2, case .vector(var v) = args[0].value else { throw RError("invalid first argument") }
            if args[1].value.isNullValue { v.attributes["dimnames"] = nil; return .vector(v) }
            return try S3Library.setAttribute([EvaluatedArgument(.vector(v)), args[1]], "dimnames")
        })
        interp.define("rownames", { _, args in dimnamesPart(args.first?.value, 0) })
        interp.define("colnames", { _, args in dimnamesPart(args.first?.value, 1) })
        // R's rownames<- and colnames<- set a data frame's row names and names themselves.
        interp.define("rownames<-", { ctx, args in
            if args.first.flatMap({ DataFrame($0.value) }) != nil {
                return try ctx.interpreter.callValue(try ctx.interpreter.lookupFunction("row.names<-", ctx.interpreter.baseEnv), args, env: ctx.env)
            }
            return try setDimnamesPart(args, 0)
        })
        interp.define("colnames<-", { _, args in
            if args.first.flatMap({ DataFrame($0.value) }) != nil { return try DataFrameLibrary.setColumnNames(args) }
            return try setDimnamesPart(args, 1)
        })
        interp.define("t", { _, args in
            guard case .vector(let v)? = args.first?.value else { throw RError("argument is not a matrix") }
            let (r, c) = shape(v)
            var out = RVector(IndexingLibrary.select(v.storage, (0..<(r * c)).map { k in (k / c) + (k % c) * r }))
            out.attributes["dim"] = .integer([c, r])
            let (rows, columns, rt, ct) = MatrixPrinter.dimnames(v)
            if v.dim == nil, let names = v.names {
                out.attributes["dimnames"] = .list([.null, .character(names)])
            } else if rows != nil || columns != nil {
                var dn = RVector(.list([columns.map { .character($0) } ?? .null, rows.map { .character($0) } ?? .null]))
                if rt != nil || ct != nil { dn.names = [ct ?? "", rt ?? ""] }
                out.attributes["dimnames"] = .vector(dn)
            }
            return .vector(out)
        })
        interp.define("%*%", { _, args in
            guard args.count == 2, case .vector(let a) = args[0].value, case .vector(let b) = args[1].value,
                  let x = Coerce.doubles(a), let y = Coerce.doubles(b) else {
                throw RError("requires numeric/complex matrix/vector arguments")
            }
            var (ar, ac) = shape(a), (br, bc) = shape(b)
            // A plain vector is a row or a column, whichever makes the product conform.
            if a.dim == nil { if ac == br { (ar, ac) = (1, a.count) } else if br == 1 { (ar, ac) = (a.count, 1) } else { (ar, ac) = (1, a.count) } }
            if b.dim == nil { if ac == b.count { (br, bc) = (b.count, 1) } else { (br, bc) = (1, b.count) } }
            guard ac == br else { throw RError("non-conformable arguments") }
            var out = [Double](repeating: 0, count: ar * bc)
            if ar > 0 && bc > 0 && ac > 0 {
                cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(ar), Int32(bc), Int32(ac), 1, x, Int32(ar), y, Int32(br), 0, &out, Int32(ar))
            }
            var result = RVector(.double(out))
            result.attributes["dim"] = .integer([ar, bc])
            let rowNames = MatrixPrinter.dimnames(a).rows, colNames = MatrixPrinter.dimnames(b).columns
            if rowNames != nil || colNames != nil {
                result.attributes["dimnames"] = .list([rowNames.map { .character($0) } ?? .null, colNames.map { .character($0) } ?? .null])
            }
            return .vector(result)
        })
        interp.define("cbind", { ctx, args in try bind(args, columns: true, ctx: ctx) })
        interp.define("rbind", { ctx, args in try bind(args, columns: false, ctx: ctx) })
        // diag(x, nrow, ncol): a matrix's diagonal; else an nrow x ncol matrix (square by default)
        // with x down its diagonal, recycled; a single number without nrow is the size of an
        // identity matrix.
        interp.define("diag", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "nrow", "ncol", "names"], args, call: ctx.call)
            let x = m["x"] ?? .scalar(1.0)
            guard case .vector(let v) = x else { return .null }
            if let (r, c) = v.dim.flatMap({ $0.count == 2 ? ($0[0], $0[1]) : nil }) {
                var diagonal = RVector(IndexingLibrary.select(v.storage, (0..<min(r, c)).map { $0 * r + $0 }))
                // Named as R names it: when the row and column names agree along the diagonal.
                if m["names"]?.logicalValue ?? true, case .vector(let dn)? = v.attributes["dimnames"],
                   case .list(let parts) = dn.storage, parts.count == 2,
                   case .vector(let rowNames) = parts[0], case .vector(let colNames) = parts[1] {
                    let k = min(r, c)
                    let rows = Coerce.strings(rowNames).prefix(k), cols = Coerce.strings(colNames).prefix(k)
                    if rows.count == k, Array(rows) == Array(cols) { diagonal.names = Array(rows) }
                }
                return .vector(diagonal)
            }
            func size(_ key: String) throws -> Int? {
                guard let given = m[key] else { return nil }
                guard let d = given.doubleValue, d.isFinite, d < 2_147_483_648 else { throw RError("invalid '\(key)' value (too large or NA)") }
                guard d >= 0 else { throw RError("invalid '\(key)' value (< 0)") }
                return Int(d)
            }
            var values = v.doubles ?? []
            var rows: Int
            if let n = try size("nrow") { rows = n }
            else if m["x"] == nil { throw RError("argument \"nrow\" is missing, with no default") }
            else if v.count == 1 && m["ncol"] == nil, let k = values.first {
                rows = max(k.saturatingInt, 0); values = [1]
            } else { rows = values.count }
            let columns = try size("ncol") ?? rows
            try RLimits.check(rows * columns)
            guard !values.isEmpty || min(rows, columns) == 0 else { throw RError("'x' must have positive length") }
            var out = [Double](repeating: 0, count: rows * columns)
            for i in 0..<min(rows, columns) { out[i * rows + i] = values[i % values.count] }
            var result = RVector(.double(out))
            result.attributes["dim"] = .integer([rows, columns])
            return .vector(result)
        })
    }

    static func shape(_ v: RVector) -> (Int, Int) {
        if let d = v.dim, d.count == 2 { return (d[0], d[1]) }
        return (v.count, 1)
    }

    static func dimension(_ x: RValue?, _ k: Int) -> RValue {
        guard case .vector(let v)? = x else { return .null }
        if v.classes?.contains("data.frame") == true { return .scalar(k == 0 ? DataFrameShape.rowCount(v) : v.count) }
        guard let d = v.dim, d.count > k else { return .null }
        return .scalar(d[k])
    }

    static func dimnamesPart(_ x: RValue?, _ k: Int) -> RValue {
        guard case .vector(let v)? = x else { return .null }
        if v.classes?.contains("data.frame") == true {
            if k == 1, let n = v.names { return .character(n) }
            return .character(DataFrameShape.rowNames(v))
        }
        guard case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage, items.count > k else { return .null }
        return items[k]
    }

    static func setDimnamesPart(_ args: [EvaluatedArgument], _ k: Int) throws -> RValue {
        guard args.count == 2, case .vector(var v) = args[0].value else { throw RError("invalid first argument") }
        guard let d = v.dim, d.count == 2 else {
            throw RError("attempt to set '\(k == 0 ? "rownames" : "colnames")' on an object with no dimensions")
        }
        var items: [RValue] = [.null, .null]
        var titles: [String?]?
        if case .vector(let dn)? = v.attributes["dimnames"], case .list(let existing) = dn.storage, existing.count == 2 {
            items = existing.array
            titles = dn.names
        }
        if case .vector(let nv) = args[1].value {
            guard nv.count == d[k] else {
                throw RError("length of 'dimnames' [\(k + 1)] not equal to array extent")
            }
            items[k] = .character(Coerce.strings(nv))
        } else {
            items[k] = .null
        }
        var dn = RVector(.list(items))
        if let titles { dn.names = titles }
        v.attributes["dimnames"] = items.allSatisfy({ $0.isNullValue }) && titles == nil ? nil : .vector(dn)
        return .vector(v)
    }

    /// cbind / rbind of vectors and matrices, named by argument names or deparsed symbols.
    static func bind(_ args: [EvaluatedArgument], columns: Bool, ctx: CallContext) throws -> RValue {
        var parts = args.filter { $0.name != "deparse.level" && !$0.value.isNullValue }
        guard !parts.isEmpty else { return .null }
        // Zero-length vectors are ignored when anything else has values (R's cbind/rbind).
        if parts.contains(where: { $0.value.length > 0 }) {
            parts = parts.filter { $0.value.length > 0 || $0.value.asVector?.dim != nil }
        }
        var pieces: [(v: RVector, label: String?)] = []
        let callArgs = ctx.call.arguments.filter { $0.name != "deparse.level" }
        for (i, a) in parts.enumerated() {
            guard case .vector(let v) = a.value else { throw RError("cannot create a matrix from type '\(a.value.typeName)'") }
            var label = a.name
            if label == nil, i < callArgs.count, case .symbol(let s) = callArgs[i].value, v.dim == nil { label = s }
            pieces.append((v, label))
        }
        // Matrices fix the extent (and must agree); vectors are recycled to it.
        var matrixExtent: Int?
        for (k, p) in pieces.enumerated() {
            guard let d = p.v.dim, d.count == 2 else { continue }
            let extent = columns ? d[0] : d[1]
            if let e = matrixExtent, e != extent {
                throw RError("number of \(columns ? "rows" : "columns") of matrices must match (see arg \(k + 1))")
            }
            matrixExtent = extent
        }
        let length = matrixExtent ?? (pieces.map { $0.v.count }.max() ?? 0)
        for (k, p) in pieces.enumerated() where p.v.dim == nil && p.v.count > 0 && length % p.v.count != 0 {
            ctx.interpreter.warning("number of \(columns ? "rows" : "columns") of result is not a multiple of vector length (arg \(k + 1))", call: ctx.call)
        }
        let rank = pieces.map { $0.v.isFactor ? 1 : $0.v.storage.rank }.max() ?? 0
        var slices: [(values: RVector, label: String?)] = []
        var otherNames: [String?]?
        for p in pieces {
            let converted = RVector(Coerce.storage(p.v.isFactor ? RVector(p.v.storage) : p.v, toRank: rank))
            if let d = p.v.dim, d.count == 2 {
                let (r, c) = (d[0], d[1])
                let dn = MatrixPrinter.dimnames(p.v)
                let count = columns ? c : r
                for k in 0..<count {
                    let idx: [Int?] = columns ? (0..<r).map { k * r + $0 } : (0..<c).map { $0 * r + k }
                    let label = columns ? dn.columns?[k] : dn.rows?[k]
                    slices.append((RVector(IndexingLibrary.select(converted.storage, idx)), label))
                }
                if otherNames == nil { otherNames = columns ? dn.rows : dn.columns }
            } else {
                let idx: [Int?] = (0..<length).map { p.v.count == 0 ? nil : $0 % p.v.count }
                slices.append((RVector(IndexingLibrary.select(converted.storage, idx)), p.label))
                if otherNames == nil, let n = p.v.names, p.v.count == length { otherNames = n }
            }
        }
        let k = slices.count
        var positions: [(Int, Int)] = []
        if columns { for j in 0..<k { for i in 0..<length { positions.append((j, i)) } } }
        else { for j in 0..<length { for i in 0..<k { positions.append((i, j)) } } }
        let all = slices.map(\.values)
        var out = RVector(concatenate(all, positions, rank: rank))
        out.attributes["dim"] = .integer(columns ? [length, k] : [k, length])
        let labels = slices.map(\.label)
        let sliceNames: RValue = labels.allSatisfy({ $0 == nil }) ? .null : .character(labels.map { $0 ?? "" })
        let other: RValue = otherNames.map { .character($0) } ?? .null
        if !sliceNames.isNullValue || !other.isNullValue {
            out.attributes["dimnames"] = .list(columns ? [other, sliceNames] : [sliceNames, other])
        }
        return .vector(out)
    }

    private static func concatenate(_ slices: [RVector], _ positions: [(Int, Int)], rank: Int) -> Storage {
        switch rank {
        case 0: return .logical(positions.map { (Coerce.logicals(slices[$0.0]) ?? [])[$0.1] })
        case 1: return .integer(positions.map { (Coerce.integers(slices[$0.0]) ?? [])[$0.1] })
        case 2: return .double(positions.map { (Coerce.doubles(slices[$0.0]) ?? [])[$0.1] })
        case 3: return .character(positions.map { Coerce.strings(slices[$0.0])[$0.1] })
        default: return .list(positions.map { Coerce.listItems(slices[$0.0])[$0.1] })
        }
    }
}

extension RVector {
    var doubles: [Double]? { Coerce.doubles(self) }
}

/// Row counts and names of data frames (lists of columns with a row.names attribute).
enum DataFrameShape {
    static func rowCount(_ v: RVector) -> Int {
        if case .vector(let rn)? = v.attributes["row.names"] {
            if case .integer(let a) = rn.storage, a.count == 2, a[0] == NAInteger { return abs(a[1]) }
            return rn.count
        }
        if case .list(let cols) = v.storage, let first = cols.first { return first.length }
        return 0
    }

    static func rowNames(_ v: RVector) -> [String?] {
        if case .vector(let rn)? = v.attributes["row.names"] {
            if case .integer(let a) = rn.storage, a.count == 2, a[0] == NAInteger { return (1...max(abs(a[1]), 1)).prefix(abs(a[1])).map { String($0) } }
            return Coerce.strings(rn)
        }
        return (0..<rowCount(v)).map { String($0 + 1) }
    }
}
