import MixedModels

/// base's `qr()` (LINPACK's dqrdc2, the decomposition lm uses: see MixedModels' PivotedQR)
/// and the functions that read a "qr" object (Support/QRObject): qr.qy, qr.qty, qr.Q, qr.R,
/// qr.coef.
enum QRLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("qr", { (ctx: CallContext, args: [EvaluatedArgument]) throws -> RValue in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "tol", "LAPACK", "..."], args, call: ctx.call)
            // qr.lm and qr.glm: a fit's own decomposition.
            if let fit = m["x"], fit.inherits("lm"), let own = ListFields.field(fit, "qr"), own.inherits("qr") { return own }
            guard case .vector(let x)? = m["x"], x.storage.rank <= 2 else {
                throw RError("'x' must be a numeric matrix or vector", call: ctx.call)
            }
            if m["LAPACK"]?.logicalValue == true { throw RError("qr(LAPACK = TRUE) is not available in mlmd", call: ctx.call) }
            let tolerance = m["tol"]?.doubleValue ?? 1e-7
            let (n, p) = MatrixLibrary.shape(x)
            let values = try MatrixAlgebraLibrary.numeric(x)
            guard values.count == n * p, values.allSatisfy(\.isFinite) else {
                throw RError("NA/NaN/Inf in foreign function call (arg 1)", call: ctx.call)
            }
            let dimnames = MatrixPrinter.dimnames(x)
            return QRObject.make(PivotedQR(values, rows: n, columns: p, tolerance: tolerance),
                                 rowNames: dimnames.rows.map { $0.map { $0 ?? "NA" } },
                                 columnNames: dimnames.columns.map { $0.map { $0 ?? "NA" } })
        })
        for (name, transposed) in [("qr.qy", false), ("qr.qty", true)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["qr", "y"], args, call: ctx.call)
                let qr = try QRObject.read(m["qr"], call: ctx.call)
                let (y, columns) = try responseColumns(m["y"], rows: qr.rows, ctx)
                var out = y
                out.storage = .double(columns.flatMap { transposed ? qr.qty($0) : qr.qy($0) })
                return .vector(out)
            })
        }
        interp.define("qr.Q", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["qr", "complete", "Dvec"], args, call: ctx.call)
            let qr = try QRObject.read(m["qr"], call: ctx.call)
            let complete = m["complete"]?.logicalValue ?? false
            let k = complete ? qr.rows : min(qr.rows, qr.columns)
            var scale = [Double](repeating: 1, count: k)
            if let given = m["Dvec"]?.asVector {
                guard let d = Coerce.doubles(given), d.count == k else { throw RError("'Dvec' must have length \(k)", call: ctx.call) }
                scale = d
            }
            var out: [Double] = []
            for j in 0..<k {
                var unit = [Double](repeating: 0, count: qr.rows)
                unit[j] = scale[j]
                out += qr.qy(unit)
            }
            return NamedValues.matrix(out, rows: qr.rows, columns: k, rowNames: nil, columnNames: nil)
        })
        interp.define("qr.R", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["qr", "complete"], args, call: ctx.call)
            let qr = try QRObject.read(m["qr"], call: ctx.call)
            let rows = (m["complete"]?.logicalValue ?? false) ? qr.rows : min(qr.rows, qr.columns)
            var out = [Double](repeating: 0, count: rows * qr.columns)
            for j in 0..<qr.columns { for i in 0..<min(rows, j + 1) { out[i + j * rows] = qr.qr[i + j * qr.rows] } }
            return NamedValues.matrix(out, rows: rows, columns: qr.columns, rowNames: nil, columnNames: QRObject.columnNames(m["qr"]))
        })
        interp.define("qr.coef", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["qr", "y"], args, call: ctx.call)
            let qr = try QRObject.read(m["qr"], call: ctx.call)
            let (y, columns) = try responseColumns(m["y"], rows: qr.rows, ctx)
            // Aliased columns (beyond the rank) get NA, at their original positions.
            var out = [Double](repeating: NAReal, count: qr.columns * columns.count)
            for (j, column) in columns.enumerated() {
                guard let b = qr.backSolve(qr.qty(column)) else { throw RError("exact singularity in 'qr.coef'", call: ctx.call) }
                for (k, value) in b.enumerated() { out[qr.pivot[k] + j * qr.columns] = value }
            }
            // R names the coefficients by the (pivoted) column names, put back in their original
            // order when some are aliased.
            let names = QRObject.columnNames(m["qr"]).map { pivoted -> [String] in
                guard qr.rank < qr.columns, pivoted.count == qr.columns else { return pivoted }
                var original = pivoted
                for (k, p) in qr.pivot.enumerated() { original[p] = pivoted[k] }
                return original
            }
            if y.dim?.count == 2 {
                return NamedValues.matrix(out, rows: qr.columns, columns: columns.count, rowNames: names, columnNames: nil)
            }
            return names.map { NamedValues.doubles(out, $0) } ?? .vector(RVector(.double(out)))
        })
    }

    /// `y` of qr.qy, qr.qty and qr.coef: a vector or matrix with as many rows as the
    /// decomposition, as its columns of numbers.
    static func responseColumns(_ value: RValue?, rows: Int, _ ctx: CallContext) throws -> (RVector, [[Double]]) {
        guard case .vector(let y)? = value else { throw RError("argument \"y\" is missing, with no default", call: ctx.call) }
        let (n, columns) = MatrixLibrary.shape(y)
        guard n == rows else { throw RError("'qr' and 'y' must have the same number of rows", call: ctx.call) }
        let values = try MatrixAlgebraLibrary.numeric(y)
        guard values.count == n * columns else { throw RError("'qr' and 'y' must have the same number of rows", call: ctx.call) }
        return (y, (0..<columns).map { Array(values[($0 * n)..<(($0 + 1) * n)]) })
    }
}
