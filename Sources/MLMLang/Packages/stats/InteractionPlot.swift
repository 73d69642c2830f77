import Graphics

/// stats' interaction.plot(): the mean (or `fun`) of the response in each cell of two factors,
/// a line per level of the trace factor across the levels of the x factor (lty = nc:1), with
/// R's layout: the x range widened for a legend at its right, titled by the trace factor and
/// ordered by the lines' last values. Returns NULL invisibly, as R does.
enum InteractionPlot {
    static func install(_ interp: Interpreter) {
        interp.define("interaction.plot", special: { ctx, args in try plot(ctx, args) })
    }

    static func plot(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location),
                                                  formals: ["x.factor", "trace.factor", "response", "fun", "type", "legend", "trace.label",
                                                            "fixed", "xlab", "ylab", "ylim", "lty", "col", "pch", "xpd", "leg.bg", "leg.bty",
                                                            "xtick", "xaxt", "axes", "main", "..."])
        let (values, exprs) = try BaseGraphicsLibrary.evaluate(call, ctx)
        guard let xf = values["x.factor"], let tf = values["trace.factor"], let response = values["response"] else {
            throw RError("argument \"response\" is missing, with no default", call: ctx.call)
        }
        let (xCodes, xLevels, xOrdered) = try factor(xf)
        let (tCodes, tLevels, _) = try factor(tf)
        let y = BaseGraphicsLibrary.numbers(response)
        guard xCodes.count == y.count, tCodes.count == y.count else { throw RError("arguments must have same length", call: ctx.call) }
        let nr = xLevels.count, nc = tLevels.count
        guard nr > 0, nc > 0 else { throw RError("'x.factor' and 'trace.factor' must have at least one level", call: ctx.call) }
        // tapply(response, list(x.factor, trace.factor), fun): a matrix of cell summaries.
        var cells = [[Double]](repeating: [Double](repeating: .nan, count: nc), count: nr)
        var members = [[[Double]]](repeating: [[Double]](repeating: [], count: nc), count: nr)
        for i in y.indices where xCodes[i] >= 0 && tCodes[i] >= 0 { members[xCodes[i]][tCodes[i]].append(y[i]) }
        for r in 0..<nr {
            for c in 0..<nc where !members[r][c].isEmpty {
                if let f = values["fun"] {
                    let v = try ctx.interpreter.callValue(f, [EvaluatedArgument(.vector(RVector(.double(members[r][c]))))], env: ctx.env)
                    cells[r][c] = BaseGraphicsLibrary.numbers(v).first ?? .nan
                } else {
                    cells[r][c] = members[r][c].reduce(0, +) / Double(members[r][c].count)
                }
            }
        }
        var xs = (1...max(nr, 1)).map(Double.init)
        if xOrdered, case let numeric = xLevels.compactMap(Double.init), numeric.count == nr { xs = numeric }
        let finite = cells.joined().filter(\.isFinite)
        let yLimits = try values["ylim"].map { v -> ClosedRange<Double> in
            let l = BaseGraphicsLibrary.numbers(v)
            guard l.count == 2 else { throw RError("invalid 'ylim' value", call: ctx.call) }
            return min(l[0], l[1])...max(l[0], l[1])
        } ?? ((finite.min() ?? 0)...(finite.max() ?? 1))
        let showLegend = values["legend"]?.logicalValue ?? true
        let widest = tLevels.map(\.count).max() ?? 0
        let xmin = xs.min() ?? 1, xmax = xs.max() ?? 1, span = xmax - xmin
        let xLimits = (xmin - 0.2 / Double(nr) * span)...(xmax + (showLegend ? 0.2 + 0.02 * Double(widest) : 0.2 / Double(nr)) * span)
        var figure = BasePlot(xLimits: xLimits, yLimits: yLimits)
        figure.xAxisLabels = zip(xs, xLevels).map { ($0, $1) }
        figure.xLabel = values["xlab"]?.stringValue ?? exprs["x.factor"].map(Deparser.deparse) ?? "x.factor"
        let funName = exprs["fun"].map(Deparser.deparse) ?? "mean"
        figure.yLabel = values["ylab"]?.stringValue ?? "\(funName) of  \(exprs["response"].map(Deparser.deparse) ?? "response")"
        let palette = ctx.interpreter.colourPalette
        let colours = try BaseGraphicsLibrary.colours(values["col"], palette) ?? [BasePlotRenderer.black]
        let lineTypes: [LineType] = try values["lty"].map { v in try BaseGraphicsLibrary.numbers(v).map { try BaseGraphicsLibrary.lineType(.scalar($0)) } }
            ?? (1...max(nc, 1)).reversed().map { LineType(number: $0) }
        for c in 0..<nc {
            figure.elements.append(.lines(x: xs, y: cells.map { $0[c] }, colour: colours[c % colours.count], width: 0.75,
                                          lineType: lineTypes.isEmpty ? .solid : lineTypes[c % lineTypes.count]))
        }
        if showLegend && nc > 0 {
            let yspan = yLimits.upperBound - yLimits.lowerBound
            let xLegend = xmax + 0.05 * span
            let title = values["trace.label"]?.stringValue ?? exprs["trace.factor"].map(Deparser.deparse) ?? "trace.factor"
            figure.elements.append(.labels(x: [xLegend], y: [yLimits.upperBound - 0.05 * yspan], labels: ["   " + title], position: 0, drop: [0]))
            // Legend entries in the order of the lines' last values, highest first (fixed = FALSE).
            let order = (values["fixed"]?.logicalValue ?? false) ? Array(0..<nc)
                : (0..<nc).sorted { (cells[nr - 1][$0].isNaN ? -Double.infinity : cells[nr - 1][$0]) > (cells[nr - 1][$1].isNaN ? -Double.infinity : cells[nr - 1][$1]) }
            let entries = order.map { c in
                BaseLegend.Entry(label: tLevels[c], colour: colours[c % colours.count],
                                 lineType: lineTypes.isEmpty ? .solid : lineTypes[c % lineTypes.count], symbol: nil, fill: nil)
            }
            figure.elements.append(.keyedLegend(BaseLegend(placement: .point(x: xLegend, y: yLimits.upperBound - 0.1 * yspan),
                                                           entries: entries, title: nil, boxed: false, textScale: 1)))
        }
        try BaseGraphicsLibrary.show(ctx, figure, values)
        ctx.interpreter.visible = false
        return .null
    }

    /// A factor's 0-based codes (-1 for NA), its levels and whether it is ordered.
    private static func factor(_ v: RValue) throws -> ([Int], [String], Bool) {
        guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(v), let levels = f.levels,
              let codes = Coerce.integers(RVector(f.storage)) else { throw RError("invalid factor") }
        return (codes.map { $0 == NAInteger ? -1 : $0 - 1 }, levels, f.classes?.contains("ordered") == true)
    }
}
