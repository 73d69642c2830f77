import MixedModels

/// R's "qr" object (qr(), lm's and glm's `$qr`) built from a PivotedQR, and read back: the
/// compact decomposition with the columns named in pivoted order, rank, qraux, the 1-based
/// pivot and, for the fitting functions, the tolerance; in the order the making function
/// gives them.
enum QRObject {
    static func make(_ qr: PivotedQR, rowNames: [String]?, columnNames: [String]?, tolerance: Double? = nil,
                     order: [String] = ["qr", "rank", "qraux", "pivot"]) -> RValue {
        let pivoted = columnNames.flatMap { names in names.count == qr.columns ? qr.pivot.map { names[$0] } : nil }
        let parts: [String: RValue] = [
            "qr": NamedValues.matrix(qr.qr, rows: qr.rows, columns: qr.columns,
                                     rowNames: rowNames?.count == qr.rows ? rowNames : nil, columnNames: pivoted),
            "rank": .integer([qr.rank]),
            "qraux": .double(qr.qraux),
            "pivot": .integer(qr.pivot.map { $0 + 1 }),
            "tol": tolerance.map { .scalar($0) } ?? .null,
        ]
        let names = order.filter { $0 != "tol" || tolerance != nil }
        var object = RVector(.list(names.map { parts[$0] ?? .null }))
        object.names = names.map { Optional($0) }
        object.attributes["class"] = .character(["qr"])
        return .vector(object)
    }

    /// A "qr" object's components as a PivotedQR, checked to be one decomposition (a list a
    /// user built or edited must not index past its arrays).
    static func read(_ value: RValue?, call: Call) throws -> PivotedQR {
        let invalid = RError("argument is not a QR decomposition", call: call)
        guard let value, value.inherits("qr"), case .vector(let object) = value,
              case .list(let items) = object.storage, let names = object.names else { throw invalid }
        func component(_ name: String) -> RValue? { names.firstIndex(of: name).map { items[$0] } }
        guard case .vector(let matrix)? = component("qr"), let qraux = component("qraux")?.asVector.flatMap({ Coerce.doubles($0) }),
              let rank = component("rank")?.asVector.flatMap({ Coerce.integers($0)?.first }),
              let pivot = component("pivot")?.asVector.flatMap({ Coerce.integers($0) }),
              let values = Coerce.doubles(matrix) else { throw invalid }
        let (rows, columns) = MatrixLibrary.shape(matrix)
        guard values.count == rows * columns, qraux.count >= columns, pivot.count == columns,
              rank != NAInteger, rank >= 0, rank <= min(rows, columns),
              pivot.allSatisfy({ $0 >= 1 && $0 <= columns }), Set(pivot).count == columns else { throw invalid }
        return PivotedQR(qr: values, rows: rows, columns: columns, qraux: qraux, pivot: pivot.map { $0 - 1 }, rank: rank)
    }

    /// The decomposition's column names, as stored (in pivoted order).
    static func columnNames(_ value: RValue?) -> [String]? {
        guard case .vector(let object)? = value, case .list(let items) = object.storage, let k = object.names?.firstIndex(of: "qr"),
              case .vector(let matrix) = items[k], case .vector(let dn)? = matrix.attributes["dimnames"],
              case .list(let parts) = dn.storage, parts.count == 2, case .vector(let cn) = parts[1],
              case .character(let names) = cn.storage else { return nil }
        return names.map { $0 ?? "NA" }
    }
}
