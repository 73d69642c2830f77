import MixedModels

/// base's `qr()` (LINPACK's dqrdc2, the decomposition lm uses: see MixedModels' PivotedQR)
/// and the functions that read a "qr" object: qr.qy, qr.qty, qr.Q, qr.R, qr.coef.
enum QRLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("qr", { (ctx: CallContext, args: [EvaluatedArgument]) throws -> RValue in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "tol", "LAPACK", "..."], args, call: ctx.call)
            guard case .vector(let x)? = m["x"], x.storage.rank <= 2 else {
                throw RError("'x' must be a numeric matrix or vector", call: ctx.call)
            }
            if m["LAPACK"]?.logicalValue == true { throw RError("qr(LAPACK = TRUE) is not available in mlmd", call: ctx.call) }
            let tolerance = m["tol"]?.doubleValue ?? 1e-7
            let (n, p) = MatrixLibrary.shape(x)
            let values = try MatrixAlgebraLibrary.numeric(x)
            guard values.allSatisfy(\.isFinite) else { throw RError("NA/NaN/Inf in foreign function call (arg 1)", call: ctx.call) }
            let qr = PivotedQR(values, rows: n, columns: p, tolerance: tolerance)
            var matrix = RVector(.double(qr.qr))
            matrix.attributes["dim"] = .integer([n, p])
            if case .vector(let dn)? = x.attributes["dimnames"], case .list(var parts) = dn.storage, parts.count == 2 {
                // Columns follow the pivoting, as R names them.
                if case .vector(let cn) = parts[1], case .character(let names) = cn.storage {
                    parts[1] = .character(qr.pivot.map { names[$0] })
                }
                matrix.attributes["dimnames"] = .list(Array(parts))
            }
            var object = RVector(.list([.vector(matrix), .integer([qr.rank]), .vector(RVector(.double(qr.qraux))),
                                        .integer(qr.pivot.map { $0 + 1 })]))
            object.names = ["qr", "rank", "qraux", "pivot"]
            object.attributes["class"] = .character(["qr"])
            return .vector(object)
        })
        for (name, transposed) in [("qr.qy", false), ("qr.qty", true)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["qr", "y"], args, call: ctx.call)
                let qr = try decomposition(m["qr"], call: ctx.call)
                guard case .vector(var y)? = m["y"] else { throw RError("argument \"y\" is missing, with no default", call: ctx.call) }
                let (rows, columns) = MatrixLibrary.shape(y)
                guard rows == qr.rows else { throw RError("'qr' and 'y' must have the same number of rows", call: ctx.call) }
                let values = try MatrixAlgebraLibrary.numeric(y)
                var out: [Double] = []
                for j in 0..<columns {
                    let column = Array(values[(j * rows)..<((j + 1) * rows)])
                    out += transposed ? qr.qty(column) : qr.qy(column)
                }
                y.storage = .double(out)
                return .vector(y)
            })
        }
        interp.define("qr.Q", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["qr", "complete", "Dvec"], args, call: ctx.call)
            let qr = try decomposition(m["qr"], call: ctx.call)
            let complete = m["complete"]?.logicalValue ?? false
            let k = complete ? qr.rows : min(qr.rows, qr.columns)
            let scale = m["Dvec"].flatMap { $0.asVector.flatMap { try? MatrixAlgebraLibrary.numeric($0) } } ?? [Double](repeating: 1, count: k)
            var out: [Double] = []
            for j in 0..<k {
                var unit = [Double](repeating: 0, count: qr.rows)
                unit[j] = scale[j % max(scale.count, 1)]
                out += qr.qy(unit)
            }
            return NamedValues.matrix(out, rows: qr.rows, columns: k, rowNames: nil, columnNames: nil)
        })
        interp.define("qr.R", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["qr", "complete"], args, call: ctx.call)
            let qr = try decomposition(m["qr"], call: ctx.call)
            let rows = (m["complete"]?.logicalValue ?? false) ? qr.rows : min(qr.rows, qr.columns)
            var out = [Double](repeating: 0, count: rows * qr.columns)
            for j in 0..<qr.columns { for i in 0..<min(rows, j + 1) { out[i + j * rows] = qr.qr[i + j * qr.rows] } }
            return NamedValues.matrix(out, rows: rows, columns: qr.columns, rowNames: nil, columnNames: columnNames(m["qr"]))
        })
        interp.define("qr.coef", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["qr", "y"], args, call: ctx.call)
            let qr = try decomposition(m["qr"], call: ctx.call)
            guard case .vector(let y)? = m["y"] else { throw RError("argument \"y\" is missing, with no default", call: ctx.call) }
            let (rows, columns) = MatrixLibrary.shape(y)
            guard rows == qr.rows else { throw RError("'qr' and 'y' must have the same number of rows", call: ctx.call) }
            let values = try MatrixAlgebraLibrary.numeric(y)
            // Aliased columns (beyond the rank) get NA, at their original positions.
            var out = [Double](repeating: .nan, count: qr.columns * columns)
            for j in 0..<columns {
                let column = Array(values[(j * rows)..<((j + 1) * rows)])
                guard let b = qr.backSolve(qr.qty(column)) else { throw RError("exact singularity in 'qr.coef'", call: ctx.call) }
                for (k, value) in b.enumerated() { out[qr.pivot[k] + j * qr.columns] = value }
            }
            out = out.map { $0.isNaN ? NAReal : $0 }
            // R names the coefficients by the (pivoted) column names, put back in their original order.
            let names = columnNames(m["qr"]).map { pivoted -> [String] in
                var original = pivoted
                for (k, p) in qr.pivot.enumerated() where k < pivoted.count { original[p] = pivoted[k] }
                return qr.rank < qr.columns ? original : pivoted
            }
            if y.dim?.count == 2 {
                return NamedValues.matrix(out, rows: qr.columns, columns: columns, rowNames: names, columnNames: nil)
            }
            return names.map { NamedValues.doubles(out, $0) } ?? .vector(RVector(.double(out)))
        })
    }

    /// A "qr" object's components as a PivotedQR.
    static func decomposition(_ value: RValue?, call: Call) throws -> PivotedQR {
        guard let value, value.explicitClass?.contains("qr") == true, case .vector(let object) = value,
              case .list(let items) = object.storage, let names = object.names else {
            throw RError("argument is not a QR decomposition", call: call)
        }
        func component(_ name: String) -> RValue? { names.firstIndex(of: name).map { items[$0] } }
        guard case .vector(let matrix)? = component("qr"), let qraux = component("qraux")?.asVector,
              let rank = component("rank")?.asVector.flatMap({ Coerce.integers($0)?.first }),
              let pivot = component("pivot")?.asVector.flatMap({ Coerce.integers($0) }) else {
            throw RError("argument is not a QR decomposition", call: call)
        }
        let (rows, columns) = MatrixLibrary.shape(matrix)
        return PivotedQR(qr: try MatrixAlgebraLibrary.numeric(matrix), rows: rows, columns: columns,
                         qraux: try MatrixAlgebraLibrary.numeric(qraux), pivot: pivot.map { $0 - 1 }, rank: rank)
    }

    static func columnNames(_ value: RValue?) -> [String]? {
        guard case .vector(let object)? = value, case .list(let items) = object.storage, let k = object.names?.firstIndex(of: "qr"),
              case .vector(let matrix) = items[k], case .vector(let dn)? = matrix.attributes["dimnames"],
              case .list(let parts) = dn.storage, parts.count == 2, case .vector(let cn) = parts[1],
              case .character(let names) = cn.storage else { return nil }
        return names.map { $0 ?? "NA" }
    }
}
