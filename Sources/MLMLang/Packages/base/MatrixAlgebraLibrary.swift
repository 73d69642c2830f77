import COpenBLAS

/// Matrix summaries and linear algebra: row and column sums, solve, det, crossprod,
/// triangles, margins, rowsum and which(arr.ind = TRUE).
enum MatrixAlgebraLibrary {
    static func install(_ interp: Interpreter) {
        for (name, byRow, mean) in [("rowSums", true, false), ("colSums", false, false), ("rowMeans", true, true), ("colMeans", false, true)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "na.rm", "dims"], args, call: ctx.call)
                guard case .vector(var x)? = m["x"] else { throw RError("'x' must be an array of at least two dimensions") }
                if let frame = DataFrame(.vector(x)) { x = try numericMatrix(frame) }
                let (r, c, names) = try matrixShape(x, byRow: byRow)
                let d = try numeric(x)
                let naRm = m["na.rm"]?.logicalValue ?? false
                var out: [Double] = []
                for k in 0..<(byRow ? r : c) {
                    var total = 0.0, count = 0
                    for j in 0..<(byRow ? c : r) {
                        let value = byRow ? d[j * r + k] : d[k * r + j]
                        if naRm && value.isNaN { continue }
                        total += value
                        count += 1
                    }
                    out.append(mean ? total / Double(count) : total)
                }
                var result = RVector(.double(out))
                result.names = names
                return .vector(result)
            })
        }
        interp.define("solve", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["a", "b", "..."], args, call: ctx.call)
            guard case .vector(let a)? = m["a"] else { throw RError("'a' must be a numeric matrix") }
            let (n, nc) = MatrixLibrary.shape(a)
            guard n == nc else { throw RError("'a' (\(n) x \(nc)) must be square") }
            var values = try numeric(a)
            var rhs: [Double]
            var nrhs: Int
            if case .vector(let b)? = m["b"] { rhs = try numeric(b); nrhs = MatrixLibrary.shape(b).1 }
            else { rhs = (0..<(n * n)).map { $0 % (n + 1) == 0 ? 1 : 0 }; nrhs = n }
            var pivots = [Int32](repeating: 0, count: n)
            var N = Int32(n), NRHS = Int32(nrhs), lda = Int32(max(n, 1)), info: Int32 = 0
            dgesv_(&N, &NRHS, &values, &lda, &pivots, &rhs, &lda, &info)
            if info > 0 { throw RError("Lapack routine dgesv: system is exactly singular: U[\(info),\(info)] = 0") }
            var out = RVector(.double(rhs))
            if m["b"] == nil || MatrixLibrary.shape(m["b"]?.asVector ?? a).1 > 1 || m["b"]?.asVector?.dim != nil {
                out.attributes["dim"] = .integer([n, nrhs])
            }
            return .vector(out)
        })
        // chol (chol.default): the upper triangular R with R'R = x, by LAPACK's dpotrf; with
        // pivot = TRUE dpstrf's factor of a semidefinite x, with attributes "pivot" and "rank".
        interp.define("chol", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "pivot", "LINPACK", "tol", "..."], args, call: ctx.call)
            guard case .vector(let a)? = m["x"] else { throw RError("'a' must be a numeric matrix") }
            let (n, nc) = a.dim?.count == 2 ? MatrixLibrary.shape(a) : (a.count, 1)
            guard n == nc else { throw RError("'a' must be a square matrix") }
            var values = try numeric(a)
            guard values.count == n * n else { throw RError("'a' must be a square matrix") }
            guard values.allSatisfy(\.isFinite) else { throw RError("the leading minor of order 1 is not positive definite") }
            var N = Int32(n), lda = Int32(max(n, 1)), info: Int32 = 0
            var out = RVector(.double([]))
            if m["pivot"]?.logicalValue == true {
                var pivots = [Int32](repeating: 0, count: max(n, 1)), rank: Int32 = 0
                var tol = m["tol"]?.scalarDouble() ?? -1
                var work = [Double](repeating: 0, count: max(2 * n, 1))
                "U".withCString { uplo in dpstrf_(uplo, &N, &values, &lda, &pivots, &rank, &tol, &work, &info) }
                if info < 0 { throw RError("error code \(info) from Lapack routine 'dpstrf'") }
                if rank < N { ctx.interpreter.warning("the matrix is either rank-deficient or not positive definite", call: ctx.call) }
                for j in 0..<n { for i in (j + 1)..<max(n, j + 1) { values[i + j * n] = 0 } }
                out = RVector(.double(values))
                out.attributes["pivot"] = .integer(pivots.prefix(n).map { Int($0) })
                out.attributes["rank"] = .integer([Int(rank)])
            } else {
                "U".withCString { uplo in dpotrf_(uplo, &N, &values, &lda, &info) }
                if info > 0 { throw RError("the leading minor of order \(info) is not positive definite") }
                for j in 0..<n { for i in (j + 1)..<max(n, j + 1) { values[i + j * n] = 0 } }
                out = RVector(.double(values))
            }
            out.attributes["dim"] = .integer([n, n])
            if let dn = a.attributes["dimnames"] { out.attributes["dimnames"] = dn }
            return .vector(out)
        })
        interp.define("det", { ctx, args in
            guard case .vector(let a)? = args.first?.value else { throw RError("'a' must be a numeric matrix") }
            let (n, nc) = MatrixLibrary.shape(a)
            guard n == nc else { throw RError("'a' must be a square matrix") }
            var values = try numeric(a)
            var pivots = [Int32](repeating: 0, count: max(n, 1))
            var N = Int32(n), lda = Int32(max(n, 1)), info: Int32 = 0
            dgetrf_(&N, &N, &values, &lda, &pivots, &info)
            if info > 0 { return .scalar(0.0) }
            var det = 1.0
            for i in 0..<n {
                det *= values[i * n + i]
                if pivots[i] != Int32(i + 1) { det = -det }
            }
            return .scalar(det)
        })
        for (name, transposeFirst) in [("crossprod", true), ("tcrossprod", false)] {
            interp.define(name, { ctx, args in
                guard case .vector(let x)? = args.first?.value else { throw RError("requires numeric/complex matrix/vector arguments") }
                let y = args.count > 1 && !args[1].value.isNullValue ? args[1].value.asVector ?? x : x
                let (xr, xc) = MatrixLibrary.shape(x), (yr, yc) = MatrixLibrary.shape(y)
                let a = try numeric(x), b = try numeric(y)
                let m = transposeFirst ? xc : xr, n = transposeFirst ? yc : yr, k = transposeFirst ? xr : xc
                guard k == (transposeFirst ? yr : yc) else { throw RError("non-conformable arguments") }
                var out = [Double](repeating: 0, count: m * n)
                if m > 0 && n > 0 && k > 0 {
                    cblas_dgemm(CblasColMajor, transposeFirst ? CblasTrans : CblasNoTrans, transposeFirst ? CblasNoTrans : CblasTrans,
                                Int32(m), Int32(n), Int32(k), 1, a, Int32(xr), b, Int32(yr), 0, &out, Int32(m))
                }
                var result = RVector(.double(out))
                result.attributes["dim"] = .integer([m, n])
                return .vector(result)
            })
        }
        interp.define("%o%", { ctx, args in
            guard args.count == 2 else { throw RError("operator needs two arguments") }
            return try ctx.interpreter.callValue(try ctx.interpreter.lookupFunction("outer", ctx.env), args, env: ctx.env)
        })
        for (name, byRow) in [("row", true), ("col", false)] {
            // Each element's row (or column) number, as an integer matrix of x's shape.
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "as.factor"], args, call: ctx.call)
                guard case .vector(let x)? = m["x"], let d = x.dim, d.count == 2 else {
                    throw RError("a matrix-like object is required as argument to '\(name)'", call: ctx.call)
                }
                var out = RVector(.integer((0..<(d[0] * d[1])).map { byRow ? $0 % d[0] + 1 : $0 / max(d[0], 1) + 1 }))
                out.attributes["dim"] = .integer(d)
                return .vector(out)
            })
        }
        for (name, upper) in [("upper.tri", true), ("lower.tri", false)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "diag"], args, call: ctx.call)
                guard case .vector(let x)? = m["x"] else { throw RError("invalid 'x'") }
                let (r, c) = MatrixLibrary.shape(x)
                let diag = m["diag"]?.logicalValue ?? false
                var out = RVector(.logical((0..<(r * c)).map { k in
                    let i = k % r, j = k / r
                    return Logical(upper ? (i < j || (diag && i == j)) : (i > j || (diag && i == j)))
                }))
                out.attributes["dim"] = .integer([r, c])
                return .vector(out)
            })
        }
        for name in ["margin.table", "marginSums"] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "margin"], args, call: ctx.call)
                guard case .vector(let x)? = m["x"], let d = x.dim else { throw RError("'x' is not an array") }
                guard let margin = m["margin"]?.scalarInt() else {
                    return .integer([(Coerce.integers(x) ?? []).reduce(0, +)])
                }
                guard d.count == 2, margin == 1 || margin == 2 else { throw RError("'margin' does not match dim(x)") }
                let counts = try numeric(x)
                let n = d[margin - 1]
                let sums = (0..<n).map { k in (0..<d[2 - margin]).reduce(0.0) { acc, j in acc + (margin == 1 ? counts[j * d[0] + k] : counts[k * d[0] + j]) } }
                var out = RVector(x.storage.rank == 1 ? .integer(sums.map { $0.saturatingInt }) : .double(sums))
                out.attributes["dim"] = .integer([n])
                if case .vector(let dn)? = x.attributes["dimnames"], case .list(let items) = dn.storage {
                    var newDn = RVector(.list([items[margin - 1]]))
                    if let titles = dn.names { newDn.names = [titles[margin - 1]] }
                    out.attributes["dimnames"] = .vector(newDn)
                }
                out.attributes["class"] = x.attributes["class"]
                return .vector(out)
            })
        }
        interp.define("rowsum", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "group", "reorder", "..."], args, call: ctx.call)
            guard case .vector(let x)? = m["x"], let g = m["group"] else { throw RError("incorrect length for 'group'") }
            guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(g), case .integer(let codes) = f.storage else { return .null }
            let values = try numeric(x)
            guard codes.count == values.count else { throw RError("incorrect length for 'group'") }
            let levels = f.levels ?? []
            var sums = [Double](repeating: 0, count: levels.count)
            for (k, c) in codes.enumerated() where c != NAInteger { sums[c - 1] += values[k] }
            var out = RVector(x.storage.rank == 1 ? .integer(sums.map { $0.saturatingInt }) : .double(sums))
            out.attributes["dim"] = .integer([levels.count, 1])
            out.attributes["dimnames"] = .list([.character(levels.map { Optional($0) }), .null])
            return .vector(out)
        })
    }

    static func numeric(_ v: RVector) throws -> [Double] {
        guard v.storage.rank <= 2, let d = Coerce.doubles(v) else { throw RError("'x' must be numeric") }
        return d
    }

    /// A data frame of numbers as the matrix as.matrix() makes of it (row and column names
    /// kept), for rowSums and its kin; R's error when a column is not numeric.
    static func numericMatrix(_ frame: DataFrame) throws -> RVector {
        var values: [Double] = []
        for column in frame.columns {
            guard case .vector(let v) = column, !v.isFactor, v.storage.rank <= 2, let d = Coerce.doubles(v) else {
                throw RError("'x' must be numeric")
            }
            values += d.count == frame.rowCount ? d : (0..<frame.rowCount).map { $0 < d.count ? d[$0] : NAReal }
        }
        var out = RVector(.double(values))
        out.attributes["dim"] = .integer([frame.rowCount, frame.columns.count])
        out.attributes["dimnames"] = .list([.character(frame.rowLabels.map { Optional($0) }), .character(frame.names.map { Optional($0) })])
        return out
    }

    static func matrixShape(_ x: RVector, byRow: Bool) throws -> (Int, Int, [String?]?) {
        guard let d = x.dim, d.count == 2 else { throw RError("'x' must be an array of at least two dimensions") }
        let dn = MatrixPrinter.dimnames(x)
        return (d[0], d[1], byRow ? dn.rows : dn.columns)
    }
}
