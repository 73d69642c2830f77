/// stats::addmargins: tables with sums on their margins.
enum AddMargins {
    static func install(_ interp: Interpreter) {
        interp.define("addmargins", { _, args in
            guard case .vector(let x)? = args.first?.value, let d = x.dim, d.count == 2 else { throw RError("'A' must be an array or table") }
            let (r, c) = (d[0], d[1])
            let counts = try MatrixAlgebraLibrary.numeric(x)
            var out: [Double] = []
            for j in 0...c {
                for i in 0...r {
                    let rows = i < r ? [i] : Array(0..<r), cols = j < c ? [j] : Array(0..<c)
                    out.append(cols.reduce(0.0) { acc, cc in acc + rows.reduce(0.0) { $0 + counts[cc * r + $1] } })
                }
            }
            var result = RVector(.double(out))
            result.attributes["dim"] = .integer([r + 1, c + 1])
            if case .vector(let dn)? = x.attributes["dimnames"], case .list(let items) = dn.storage, items.count == 2 {
                let extend: (RValue) -> RValue = { v in .character((v.asVector.map { Coerce.strings($0) } ?? []) + ["Sum"]) }
                var newDn = RVector(.list([extend(items[0]), extend(items[1])]))
                newDn.names = dn.names
                result.attributes["dimnames"] = .vector(newDn)
            }
            result.attributes["class"] = .character(["table"])
            return .vector(result)
        })
    }
}
