import Graphics

/// stat_summary(): y summarised at each x (and colour or group), then drawn by the layer's
/// geom (a point range unless another is given). fun.data (mean_se by default) gives y, ymin
/// and ymax; fun (or the older fun.y) gives y, with fun.min and fun.max for the range.
extension GgplotBuilder {
    func summarised(_ layer: RValue, _ mapping: [String: Expr], _ data: RValue, first: Bool)
        throws -> (RValue, String, RValue, [String: Expr]) {
        let x = try aesthetic("x", mapping, data, geom: "summary")
        let y = try numeric("y", mapping, data, geom: "summary")
        let split = ["colour", "group"].filter { mapping[$0] != nil }
        let splitValues = try split.map { try aesthetic($0, mapping, data, geom: "summary") }
        guard case .vector(let xv) = x else { throw RError("stat_summary() needs x") }
        let xKeys = Coerce.strings(xv)
        let splitKeys = splitValues.map { $0.asVector.map(Coerce.strings) ?? [] }
        var order: [String] = [], rows: [String: [Int]] = [:]
        for i in y.indices where y[i].isFinite && xKeys[i] != nil {
            let key = ([xKeys[i] ?? ""] + splitKeys.map { $0.isEmpty ? "" : ($0[i % $0.count] ?? "NA") }).joined(separator: "\u{1}")
            if rows[key] == nil { order.append(key) }
            rows[key, default: []].append(i)
        }
        let function = ListFields.field(layer, "fun") ?? ListFields.field(layer, "fun.y")
        var summary = ListFields.field(layer, "fun.data")
        if function == nil && summary == nil {
            if first { try interpreter.signalMessage("No summary function supplied, defaulting to `mean_se()`\n", call: nil) }
            summary = try interpreter.lookupFunction("mean_se", env)
        }
        func call(_ f: RValue, _ values: [Double]) throws -> RValue {
            try interpreter.callValue(try interpreter.functionArgument(f, env: env), [EvaluatedArgument(.double(values))], env: env)
        }
        var ys: [Double] = [], lows: [Double] = [], highs: [Double] = []
        for key in order {
            let values = rows[key]!.map { y[$0] }
            if let summary {
                let frame = try call(summary, values)
                func column(_ name: String) -> Double { ListFields.field(frame, name)?.asVector.flatMap(Coerce.doubles)?.first ?? .nan }
                ys.append(column("y")); lows.append(column("ymin")); highs.append(column("ymax"))
            } else if let function {
                ys.append(try call(function, values).doubleValue ?? .nan)
                lows.append(try ListFields.field(layer, "fun.min").map { try call($0, values).doubleValue ?? .nan } ?? .nan)
                highs.append(try ListFields.field(layer, "fun.max").map { try call($0, values).doubleValue ?? .nan } ?? .nan)
            }
        }
        let firstRows = order.map { Optional(rows[$0]![0]) }
        var names = ["x", "y", "ymin", "ymax"]
        var columns: [RValue] = [.vector(RVector(IndexingLibrary.select(xv.storage, firstRows), attributes: factorAttributes(xv.attributes))),
                                 .double(ys), .double(lows), .double(highs)]
        for (name, value) in zip(split, splitValues) {
            guard case .vector(let v) = value else { continue }
            names.append(name)
            columns.append(.vector(RVector(IndexingLibrary.select(v.storage, firstRows), attributes: factorAttributes(v.attributes))))
        }
        var frame = RVector(.list(RList(columns)))
        frame.names = names.map { Optional($0) }
        frame.attributes["class"] = .character(["data.frame"])
        frame.attributes["row.names"] = .integer([NAInteger, -order.count])
        var drawnBy = ListFields.field(layer, "geom.summary")?.stringValue ?? "pointrange"
        // Without a range (fun alone), a point range is drawn as its points.
        if drawnBy == "pointrange" && lows.allSatisfy(\.isNaN) { drawnBy = "point" }
        guard ["point", "line", "path", "pointrange", "errorbar", "col", "bar"].contains(drawnBy) else {
            throw RError("stat_summary(geom = \"\(drawnBy)\") is not drawn yet")
        }
        var summaryMapping: [String: Expr] = [:]
        for name in names { summaryMapping[name] = .symbol(name) }
        if drawnBy == "bar" { drawnBy = "col" }
        return (layer, drawnBy, .vector(frame), summaryMapping)
    }

    /// What a summarised column keeps of its source: a factor's levels and class.
    private func factorAttributes(_ a: Attributes) -> Attributes {
        var out = Attributes()
        for key in ["levels", "class"] { if let v = a[key] { out[key] = v } }
        return out
    }
}
