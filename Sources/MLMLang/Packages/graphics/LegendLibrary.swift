import Graphics

/// graphics' legend(): labels with their keys (lines for lty, symbols for pch, squares for
/// fill, in the colours of col) in a box placed by a keyword ("topright", "bottom", ...) with
/// an inset, or at a point (its top-left corner). Added to the figure last drawn, as R adds it;
/// returns R's value invisibly: the box and where the labels stand, in user coordinates.
enum LegendLibrary {
    static let keywords = ["bottomright", "bottom", "bottomleft", "left", "topleft", "top", "topright", "right", "center"]

    static func install(_ interp: Interpreter) {
        interp.define("legend", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["x", "y", "legend", "fill", "col", "border", "lty", "lwd", "pch", "angle", "density", "bty", "bg", "box.lwd",
                 "box.lty", "box.col", "pt.bg", "cex", "pt.cex", "pt.lwd", "xjust", "yjust", "x.intersp", "y.intersp", "adj",
                 "text.width", "text.col", "text.font", "merge", "trace", "plot", "ncol", "horiz", "title", "inset", "xpd",
                 "title.col", "title.adj", "title.cex", "title.font", "seg.len"], args, call: ctx.call)
            guard let figure = ctx.interpreter.currentBasePlot else { throw RError("plot.new has not been called yet", call: ctx.call) }
            guard let x = m["x"] else { throw RError("argument \"x\" is missing, with no default", call: ctx.call) }
            // legend("topright", c("a", "b")) or legend(x, y, legend).
            var labelsValue = m["legend"]
            let placement: BaseLegend.Placement
            if let word = x.stringValue, case .vector(let xv) = x, case .character = xv.storage {
                guard keywords.contains(word) else {
                    throw RError("'arg' should be one of " + keywords.map(Quotes.double).joined(separator: ", "), call: ctx.call)
                }
                if labelsValue == nil { labelsValue = m["y"] }
                let inset = m["inset"].flatMap { $0.scalarDouble() } ?? 0
                placement = .keyword(word, inset: inset)
            } else {
                let xs = BaseGraphicsLibrary.numbers(x)
                let ys = m["y"].map(BaseGraphicsLibrary.numbers) ?? []
                guard let x0 = xs.first, let y0 = ys.first ?? (xs.count > 1 ? xs[1] : nil) else {
                    throw RError("'legend' is of length 0", call: ctx.call)
                }
                placement = .point(x: x0, y: y0)
            }
            guard let labelsValue, case .vector(let lv) = labelsValue, lv.count > 0 else {
                throw RError("argument \"legend\" is missing, with no default", call: ctx.call)
            }
            let labels: [String]
            if lv.isFactor, let levels = lv.levels, let codes = Coerce.integers(RVector(lv.storage)) {
                labels = codes.map { $0 >= 1 && $0 <= levels.count ? levels[$0 - 1] : "NA" }
            } else {
                labels = Coerce.strings(lv).map { $0 ?? "NA" }
            }
            let palette = ctx.interpreter.colourPalette
            let colours = try BaseGraphicsLibrary.colours(m["col"], palette) ?? [BasePlotRenderer.black]
            let fills = try BaseGraphicsLibrary.colours(m["fill"], palette)
            // NA leaves an entry without that key (lty = c(NA, 2), pch = c(1, NA)).
            let lineTypes: [LineType?]? = try m["lty"].map { v in
                guard case .vector(let vector) = v else { return [] }
                if case .character(let names) = vector.storage {
                    return try names.map { name in try name.map { try BaseGraphicsLibrary.lineType(.scalar($0)) } }
                }
                return try BaseGraphicsLibrary.numbers(v).map { $0.isNaN ? nil : try BaseGraphicsLibrary.lineType(.scalar($0)) }
            }
            let symbols: [Int?]? = m["pch"].map(BaseGraphicsLibrary.numbers)?.map { $0.isNaN ? nil : $0.saturatingInt }
            let entries = labels.indices.map { i in
                BaseLegend.Entry(label: labels[i], colour: colours[i % colours.count],
                                 lineType: lineTypes.flatMap { $0.isEmpty ? nil : $0[i % $0.count] },
                                 symbol: symbols.flatMap { $0.isEmpty ? nil : $0[i % $0.count] },
                                 fill: fills.map { $0[i % $0.count] })
            }
            let legend = BaseLegend(placement: placement, entries: entries, title: m["title"]?.stringValue,
                                    boxed: (m["bty"]?.stringValue ?? "o") != "n", textScale: m["cex"]?.scalarDouble() ?? 1)
            if m["plot"]?.logicalValue != false { try BaseGraphicsLibrary.add(ctx, .keyedLegend(legend)) }
            let g = BasePlotRenderer.legendGeometry(legend, in: figure)
            let rect = RValue.list([.scalar(g.width), .scalar(g.height), .scalar(g.left), .scalar(g.top)], names: ["w", "h", "left", "top"])
            let text = RValue.list([.vector(RVector(.double(Array(repeating: g.textX, count: g.textY.count)))),
                                    .vector(RVector(.double(g.textY)))], names: ["x", "y"])
            ctx.interpreter.visible = false
            return .list([rect, text], names: ["rect", "text"])
        })
    }
}
