import Foundation
import Graphics
import MixedModels

/// plot() of an lm fit: stats' plot.lm diagnostic figures, each a figure of its own as knitr
/// records them. 1 residuals against fitted values, 2 a normal Q-Q plot of the standardised
/// residuals, 3 scale-location, 4 Cook's distances, 5 residuals against leverage with Cook's
/// distance contours (or against factor levels when the leverage is constant). Points get
/// panel.smooth's lowess line, and the id.n most extreme are labelled by their row names.
enum LinearModelPlots {
    static let formals = ["x", "which", "caption", "panel", "sub.caption", "main", "ask", "...", "id.n", "labels.id",
                          "cex.id", "qqline", "cook.levels", "cook.col", "cook.lty", "cook.legendChanges", "add.smooth",
                          "iter.smooth", "label.pos", "cex.caption", "cex.oma.main", "extend.ylim.f"]
    static let captions = ["Residuals vs Fitted", "Normal Q-Q", "Scale-Location", "Cook's distance", "Residuals vs Leverage",
                           "Cook's dist vs Leverage* h\u{1D62}\u{1D62}/(1 \u{2212} h\u{1D62}\u{1D62})"]
    /// panel.smooth's line: col.smooth = 2 of the default palette.
    static let smoothColour = Colour(hex: "#DF536B") ?? BasePlotRenderer.black
    static let cookColour = Colour(name: "gray62") ?? BasePlotRenderer.black
    static let referenceColour = Colour(name: "gray") ?? BasePlotRenderer.black
    /// strheight(" ")/3, which plot.lm moves the labels of negative residuals down by.
    static let labelDrop = BasePlotRenderer.stringHeight / 3

    static func plot(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location), formals: formals)
        var values: [String: RValue] = [:]
        for argument in call.arguments {
            guard let name = argument.name else { continue }
            values[name] = try ctx.interpreter.eval(argument.value, ctx.env)
        }
        guard let fit = values["x"] else { throw RError("argument \"x\" is missing, with no default", call: ctx.call) }
        let which = values["which"].map(numbers) ?? [1, 2, 3, 5]
        guard !which.isEmpty, which.allSatisfy({ $0 >= 1 && $0 <= 6 }) else { throw RError("'which' must be in 1:6", call: ctx.call) }
        let show = Set(which.map { Int($0) })
        let diagnostics = try Diagnostics(fit, labels: values["labels.id"], ctx)
        let n = diagnostics.residuals.count
        var idN = 3
        if let given = values["id.n"] {
            if given.isNullValue { idN = 0 } else {
                guard let k = given.scalarDouble(), k.isFinite, k >= 0, k <= Double(n) else {
                    throw RError("'id.n' must be in {1,..,\(n)}", call: ctx.call)
                }
                idN = Int(k)
            }
        }
        if show.contains(2) || show.contains(3) || show.contains(5), !diagnostics.leverageOne.isEmpty {
            ctx.interpreter.warning("not plotting observations with leverage one:\n  " +
                                    diagnostics.leverageOne.map { String($0 + 1) }.joined(separator: ", "), call: nil)
        }
        let options = Options(main: values["main"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
                              // One figure per page shows the call below each; a par(mfrow) page none.
                              subtitle: ctx.interpreter.baseLayout.panelCount > 1 ? ""
                                  : values["sub.caption"].map { $0.stringValue ?? "" } ?? subCaption(fit),
                              captions: try captionTexts(values["caption"]),
                              idN: idN,
                              smooth: values["add.smooth"].map { $0.scalarLogical()?.bool ?? true } ?? true,
                              iterations: try smoothIterations(values["iter.smooth"], call: ctx.call),
                              qqline: values["qqline"].map { $0.scalarLogical()?.bool ?? true } ?? true,
                              cookLevels: values["cook.levels"].map(numbers) ?? [0.5, 1],
                              extendY: values["extend.ylim.f"]?.scalarDouble() ?? 0.08,
                              captionGiven: values["caption"] != nil)
        var figures: [BasePlot] = []
        let page = ctx.interpreter.baseLayout
        let size = ctx.interpreter.figureSize
        let region = BasePlotRenderer.plotRegion(width: size.width * 72 / Double(page.columns), height: size.height * 72 / Double(page.rows),
                                                 cex: page.cex)
        for k in [1, 2, 3, 4, 5, 6] where show.contains(k) {
            switch k {
            case 1: figures.append(residualsAgainstFitted(diagnostics, options))
            case 2: figures.append(normalQQ(diagnostics, options))
            case 3: figures.append(scaleLocation(diagnostics, options))
            case 4: figures.append(cooksDistances(diagnostics, options))
            case 5:
                if let figure = try residualsAgainstLeverage(diagnostics, options, fit: fit, ctx) { figures.append(figure) }
            default: figures.append(cooksAgainstLeverageRatio(diagnostics, options, region: region, cex: page.cex))
            }
        }
        for figure in figures { BaseGraphicsLibrary.present(ctx.interpreter, figure) }
        ctx.interpreter.visible = false
        return .null
    }

    struct Options {
        var main: String?
        var subtitle: String
        var captions: [String?]
        var idN: Int
        var smooth: Bool
        var iterations: Int
        var qqline: Bool
        var cookLevels: [Double]
        var extendY: Double
        var captionGiven: Bool

        func caption(_ k: Int) -> String? { k <= captions.count ? captions[k - 1] : nil }
    }

    /// What the figures plot, for the rows with non-zero weight.
    struct Diagnostics {
        var residuals: [Double]
        var fitted: [Double]
        var hat: [Double]
        /// Standardised residuals, NaN where the leverage is one.
        var standardised: [Double]
        var cooks: [Double]
        var labels: [String]
        /// Each plotted row's position among the fit's rows (those with zero weight left out).
        var rows: [Int]
        var leverageOne: [Int]
        var rank: Int

        init(_ fit: RValue, labels given: RValue?, _ ctx: CallContext) throws {
            let influence = try LinearModelInfluence(fit)
            let residuals = LinearModelLibrary.field(fit, "residuals")?.asVector?.doubles ?? []
            let fitted = LinearModelLibrary.field(fit, "fitted.values")?.asVector?.doubles ?? []
            let kept = residuals.indices.filter { (influence.weights?[$0] ?? 1) != 0 }
            guard fitted.count == residuals.count, !kept.isEmpty else { throw RError("the fit has no residuals to plot") }
            var labels = influence.labels
            if let given, !given.isNullValue, case .vector(let v) = given {
                labels = Coerce.strings(v).map { $0 ?? "NA" }
                guard labels.count == residuals.count else { throw RError("'labels.id' must have one label per observation") }
            }
            self.residuals = kept.map { residuals[$0] }
            self.fitted = kept.map { fitted[$0] }
            let hat = kept.map { influence.hat[$0] }
            self.hat = hat
            cooks = kept.map { influence.cooks[$0] }
            self.labels = kept.map { labels[$0] }
            rows = kept
            leverageOne = hat.indices.filter { hat[$0] >= 1 }
            standardised = kept.map { influence.hat[$0] >= 1 ? .nan : influence.standardised[$0] }
            rank = try LinearModelLibrary.count(fit, "rank")
        }
    }

    // MARK: - The figures

    private static func residualsAgainstFitted(_ d: Diagnostics, _ o: Options) -> BasePlot {
        var y = range(d.residuals)
        if o.idN > 0 { y = extend(y, o.extendY) }
        var figure = frame(x: range(d.fitted), y: y, xLabel: "Fitted values", yLabel: "Residuals", caption: o.caption(1), o)
        figure.elements = panel(d.fitted, d.residuals, o)
        let extreme = largest(d.residuals.map(abs), o.idN)
        figure.elements += (labels(extreme, x: d.fitted, y: d.residuals, d, figure, dropNegative: true))
        figure.elements.append(horizontalReference)
        return figure
    }

    private static func normalQQ(_ d: Diagnostics, _ o: Options) -> BasePlot {
        let y = d.standardised
        let kept = y.indices.filter { !y[$0].isNaN }
        let x = Summaries.normalScorePositions(y)
        var yLimits = range(y)
        yLimits = span(yLimits.lowerBound, yLimits.upperBound + (yLimits.upperBound - yLimits.lowerBound) * 0.075)
        var figure = frame(x: range(x), y: yLimits, xLabel: "Theoretical Quantiles", yLabel: "Standardized residuals",
                           caption: o.caption(2), o)
        figure.elements = [.points(x: x, y: y, colours: [BasePlotRenderer.black])]
        if o.qqline, !kept.isEmpty {
            let line = Summaries.quartileLine(kept.map { y[$0] }.sorted())
            figure.elements.append(.straightLine(a: line.intercept, b: line.slope, horizontal: nil, vertical: nil,
                                                 colour: Colour(name: "gray50") ?? BasePlotRenderer.black, width: 0.75, lineType: .dotted))
        }
        figure.elements += (labels(largest(y.map(abs), o.idN), x: x, y: y, d, figure, dropNegative: false))
        return figure
    }

    private static func scaleLocation(_ d: Diagnostics, _ o: Options) -> BasePlot {
        let root = d.standardised.map { abs($0).squareRoot() }
        var figure = frame(x: range(d.fitted), y: span(0, root.filter { !$0.isNaN }.max() ?? 1), xLabel: "Fitted values",
                           yLabel: "√|Standardized residuals|", caption: o.caption(3), o)
        figure.elements = panel(d.fitted, root, o)
        figure.elements += (labels(largest(d.standardised.map(abs), o.idN), x: d.fitted, y: root, d, figure, dropNegative: false))
        return figure
    }

    private static func cooksDistances(_ d: Diagnostics, _ o: Options) -> BasePlot {
        let extreme = largest(d.cooks, o.idN)
        let top = extreme.first.map { d.cooks[$0] * 1.075 } ?? (d.cooks.filter { !$0.isNaN }.max() ?? 1)
        let index = d.cooks.indices.map { Double($0 + 1) }
        var figure = frame(x: range(index), y: span(0, top), xLabel: "Obs. number", yLabel: "Cook's distance", caption: o.caption(4), o)
        // type = "h": a vertical line from zero to each distance.
        var x: [Double] = [], y: [Double] = []
        for (i, c) in d.cooks.enumerated() { x += [index[i], index[i], .nan]; y += [0, c, .nan] }
        figure.elements = [.lines(x: x, y: y, colour: BasePlotRenderer.black, width: 0.75, lineType: .solid),
                           .labels(x: extreme.map { index[$0] }, y: extreme.map { d.cooks[$0] },
                                   labels: extreme.map { d.labels[$0] }, position: 3, drop: [])]
        return figure
    }

    private static func residualsAgainstLeverage(_ d: Diagnostics, _ o: Options, fit: RValue, _ ctx: CallContext) throws -> BasePlot? {
        let rs = d.standardised
        var y = range(rs)
        if o.idN > 0 { y = extend(y, o.extendY) }
        let extreme = largest(d.cooks, o.idN)
        let finiteHat = d.hat.filter { !$0.isNaN }
        let hatRange = (finiteHat.min() ?? 0, finiteHat.max() ?? 0)
        let meanHat = finiteHat.reduce(0, +) / Double(max(finiteHat.count, 1))
        if (hatRange.0 == 0 && hatRange.1 == 0) || hatRange.1 - hatRange.0 < 1e-10 * meanHat {
            return try constantLeverage(d, o, y: y, extreme: extreme, fit: fit, meanHat: meanHat, ctx)
        }
        let leverage = d.hat.map { $0 >= 1 ? Double.nan : $0 }
        let xMax = leverage.filter { !$0.isNaN }.max() ?? 1
        var figure = frame(x: span(0, xMax), y: y, xLabel: "Leverage", yLabel: "Standardized residuals", caption: o.caption(5), o)
        figure.elements = panel(leverage, rs, o)
        figure.elements += [horizontalReference,
                            .straightLine(a: 0, b: 0, horizontal: nil, vertical: 0, colour: referenceColour, width: 0.75, lineType: .dotted)]
        if !o.cookLevels.isEmpty {
            // Contours where Cook's distance equals each level: r = ±√(level p (1 - h) / h).
            let p = Double(d.rank)
            let usrRight = BasePlotRenderer.userRange(span(0, xMax)).upperBound
            let start = min(hatRange.0, hatRange.1 / 100)
            let h = (0...100).map { start + (usrRight - start) * Double($0) / 100 }
            for level in o.cookLevels {
                let contour = h.map { (level * p * (1 - $0) / $0).squareRoot() }
                figure.elements.append(.lines(x: h, y: contour, colour: cookColour, width: 0.75, lineType: .dashed))
                figure.elements.append(.lines(x: h, y: contour.map { -$0 }, colour: cookColour, width: 0.75, lineType: .dashed))
            }
            figure.elements.append(.legend(label: "Cook's distance", colour: cookColour, lineType: .dashed))
            let hMax = min(0.99, usrRight)
            let multiplier = (p * (1 - hMax) / hMax).squareRoot()
            let at = o.cookLevels.map { $0.squareRoot() * multiplier }
            let names = o.cookLevels.map { RFormat.significant($0, digits: 15) }
            figure.rightAxisLabels = (at.reversed().map { -$0 } + at, names.reversed() + names, cookColour)
        }
        figure.elements += (labels(extreme, x: leverage, y: rs, d, figure, dropNegative: true))
        return figure
    }

    /// Cook's distance against h/(1 - h), the x axis labelled with pretty leverages, and lines
    /// through the origin for pretty values of √(p D (1 - h)/h), labelled beside the plot region
    /// or at its top, as plot.lm draws them (the straight lines with slope b², as R's code has it).
    private static func cooksAgainstLeverageRatio(_ d: Diagnostics, _ o: Options, region: (width: Double, height: Double),
                                                  cex: Double) -> BasePlot {
        let ratio = d.hat.map { $0 >= 1 ? Double.nan : $0 / (1 - $0) }
        let top = (d.cooks.filter { !$0.isNaN }.max() ?? 1) * 1.025
        // plotmath's "Leverage  " keeps both spaces; SVG text would fold them, a no-break space does not.
        var figure = frame(x: span(0, ratio.filter { !$0.isNaN }.max() ?? 1), y: span(0, top), xLabel: "Leverage \u{00A0}h\u{1D62}\u{1D62}",
                           yLabel: "Cook's distance", caption: o.caption(6), o)
        let hatRange = range(d.hat)
        figure.xAxisLabels = Pretty.values(hatRange.lowerBound, hatRange.upperBound).filter { $0 < 1 }
            .map { ($0 / (1 - $0), RFormat.significant($0, digits: 15)) }
        figure.elements = panel(ratio, d.cooks, o)
        let p = Double(d.rank)
        let roots = zip(d.cooks, ratio).map { ($0.0 * p / $0.1).squareRoot() }
        let levels = range(roots)
        let usrX = BasePlotRenderer.userRange(figure.xLimits), usrY = BasePlotRenderer.userRange(figure.yLimits)
        // strwidth(" ") and strheight(" ") in user units.
        let spaceWidth = BasePlotRenderer.spaceWidth * cex * (usrX.upperBound - usrX.lowerBound) / region.width
        let charHeight = BasePlotRenderer.stringHeight * cex * (usrY.upperBound - usrY.lowerBound) / region.height
        let (xMax, yMax) = (usrX.upperBound, usrY.upperBound)
        for b in Pretty.values(levels.lowerBound, levels.upperBound, n: 5) {
            let b2 = b * b, label = RFormat.significant(b, digits: 15)
            if p * yMax > b2 * xMax {
                let x = xMax + spaceWidth / 3
                figure.elements.append(.straightLine(a: 0, b: b2, horizontal: nil, vertical: nil, colour: BasePlotRenderer.black,
                                                     width: 0.75, lineType: .dashed))
                figure.elements.append(.labels(x: [x], y: [b2 * x / p], labels: [label], position: 0, drop: []))
            } else {
                let y = yMax - 1.5 * charHeight, x = p * y / b2
                figure.elements.append(.lines(x: [0, x], y: [0, y], colour: BasePlotRenderer.black, width: 0.75, lineType: .dashed))
                figure.elements.append(.labels(x: [x], y: [yMax - 0.8 * charHeight], labels: [label], position: 1, drop: []))
            }
        }
        figure.elements += labels(largest(d.cooks, o.idN), x: ratio, y: d.cooks, d, figure, dropNegative: false)
        return figure
    }

    /// plot.lm's fifth panel when every leverage is the same: standardised residuals against
    /// the combinations of the factors' levels, or only a message when there are no factors.
    private static func constantLeverage(_ d: Diagnostics, _ o: Options, y: ClosedRange<Double>, extreme: [Int], fit: RValue,
                                         meanHat: Double, _ ctx: CallContext) throws -> BasePlot? {
        let (levelSets, factorNames) = xlevels(fit)
        guard !levelSets.isEmpty else {
            try ctx.interpreter.signalMessage("hat values (leverages) are all = \(RFormat.significant(meanHat, digits: 7))\n and there are no factor predictors; no plot no. 5\n", call: nil)
            return nil
        }
        guard case .vector(let frame)? = LinearModelLibrary.field(fit, "model"), case .list(let columns) = frame.storage else { return nil }
        let frameNames = (frame.names ?? []).map { $0 ?? "" }
        let counts = levelSets.map(\.count)
        // Mixed-radix place values, the first factor varying slowest.
        var place = [Int](repeating: 1, count: counts.count)
        for k in stride(from: counts.count - 2, through: 0, by: -1) { place[k] = place[k + 1] * counts[k + 1] }
        var position = [Double](repeating: 0, count: d.residuals.count)
        for (k, name) in factorNames.enumerated() {
            guard let c = frameNames.firstIndex(of: name), case .vector(let column) = columns[c],
                  let codes = Coerce.doubles(column), d.rows.allSatisfy({ $0 < codes.count }) else { return nil }
            for i in position.indices { position[i] += (codes[d.rows[i]] - 1) * Double(place[k]) }
        }
        let last = zip(counts, place).reduce(0) { $0 + ($1.0 - 1) * $1.1 }
        let caption = o.captionGiven ? o.caption(5) : "Constant Leverage:\n Residuals vs Factor Levels"
        var figure = self.frame(x: -0.5...(Double(last) + 0.5), y: y, xLabel: "Factor Level Combinations",
                           yLabel: "Standardized residuals", caption: caption, o)
        figure.subtitle = nil
        let first = Double(place[0])
        figure.xAxisLabels = levelSets[0].enumerated().map { (first * (Double($0.offset + 1) - 0.5) - 0.5, $0.element) }
        figure.xAxisNote = "\(factorNames[0]) :"
        let boundaries = LineType(pattern: "F4")
        figure.elements = (0...counts[0]).map { (k: Int) -> BasePlot.Element in
            let boundary = first * Double(k) - 0.5
            return .straightLine(a: 0, b: 0, horizontal: nil, vertical: boundary, colour: referenceColour, width: 0.75, lineType: boundaries)
        }
        figure.elements += panel(position, d.standardised, o)
        figure.elements.append(horizontalReference)
        figure.elements += (labels(extreme, x: position, y: d.standardised, d, figure, dropNegative: true))
        return figure
    }

    // MARK: - Pieces

    private static var horizontalReference: BasePlot.Element {
        .straightLine(a: 0, b: 0, horizontal: 0, vertical: nil, colour: referenceColour, width: 0.75, lineType: .dotted)
    }

    private static func frame(x: ClosedRange<Double>, y: ClosedRange<Double>, xLabel: String, yLabel: String, caption: String?,
                              _ o: Options) -> BasePlot {
        var figure = BasePlot(xLimits: x, yLimits: y)
        figure.xLabel = xLabel
        figure.yLabel = yLabel
        figure.main = o.main
        figure.caption = caption
        figure.subtitle = o.subtitle.isEmpty ? nil : o.subtitle
        return figure
    }

    /// panel.smooth: the points, then lowess through the finite ones in red.
    private static func panel(_ x: [Double], _ y: [Double], _ o: Options) -> [BasePlot.Element] {
        var elements: [BasePlot.Element] = [.points(x: x, y: y, colours: [BasePlotRenderer.black])]
        guard o.smooth else { return elements }
        let ok = x.indices.filter { x[$0].isFinite && y[$0].isFinite }.sorted { (x[$0], $0) < (x[$1], $1) }
        guard !ok.isEmpty else { return elements }
        let xs = ok.map { x[$0] }, ys = ok.map { y[$0] }
        let delta = 0.01 * ((xs.last ?? 0) - (xs.first ?? 0))
        let line = Lowess.fit(x: xs, y: ys, span: 2.0 / 3.0, iterations: o.iterations, delta: delta)
        elements.append(.lines(x: xs, y: line, colour: smoothColour, width: 0.75, lineType: .solid))
        return elements
    }

    /// The id.n largest values' positions, largest first, ties in row order, NaN last
    /// (sort.list(decreasing = TRUE)).
    static func largest(_ values: [Double], _ count: Int) -> [Int] {
        let order = values.indices.sorted { a, b in
            let (u, v) = (values[a], values[b])
            if u.isNaN || v.isNaN { return !u.isNaN && v.isNaN }
            return u != v ? u > v : a < b
        }
        return Array(order.prefix(count))
    }

    /// text.id: labels right of points in the left half of the x range, left of the others.
    private static func labels(_ rows: [Int], x: [Double], y: [Double], _ d: Diagnostics, _ figure: BasePlot,
                               dropNegative: Bool) -> [BasePlot.Element] {
        let middle = (figure.xLimits.lowerBound + figure.xLimits.upperBound) / 2
        let right = rows.filter { x[$0] > middle }
        let left = rows.filter { !(x[$0] > middle) }
        func element(_ group: [Int], _ position: Int) -> BasePlot.Element {
            .labels(x: group.map { x[$0] }, y: group.map { y[$0] }, labels: group.map { d.labels[$0] }, position: position,
                    drop: group.map { dropNegative && y[$0] < 0 ? labelDrop : 0 })
        }
        return [(left, 4), (right, 2)].filter { !$0.0.isEmpty }.map { element($0.0, $0.1) }
    }

    private static func extend(_ r: ClosedRange<Double>, _ f: Double) -> ClosedRange<Double> {
        let d = (r.upperBound - r.lowerBound) * f
        return span(r.lowerBound - d, r.upperBound + d)
    }

    /// lo...hi for the axis limits, or 0...1 when they are not finite (a fit whose residuals
    /// or distances are all NaN, as a perfect or saturated fit gives).
    private static func span(_ lo: Double, _ hi: Double) -> ClosedRange<Double> {
        guard lo.isFinite, hi.isFinite else { return 0...1 }
        return min(lo, hi)...max(lo, hi)
    }

    private static func range(_ values: [Double]) -> ClosedRange<Double> { BaseGraphicsLibrary.range(values) }

    private static func numbers(_ v: RValue) -> [Double] { BaseGraphicsLibrary.numbers(v) }

    /// iter.smooth: lowess's robustness passes, as lowess() checks its iter.
    private static func smoothIterations(_ given: RValue?, call: Call) throws -> Int {
        guard let given else { return 3 }
        guard let k = given.scalarDouble(), k.isFinite, k >= 0 else { throw RError("'iter' must be finite and >= 0", call: call) }
        return Int(min(k, 1e6))
    }

    /// The sub-caption: the fit's call reduced to its function and formula, cut at 75 characters.
    private static func subCaption(_ fit: RValue) -> String {
        guard case .language(let language)? = LinearModelLibrary.field(fit, "call"), case .call(let call) = language.expr else { return "" }
        var reduced = call
        if let formula = call.arguments.first(where: { $0.name == "formula" }) {
            reduced = Call(call.function, [Argument(formula.value)], location: call.location)
        }
        let lines = Deparser.deparseLines(.call(reduced), cutoff: 80)
        let first = lines.first ?? ""
        return lines.count > 1 || first.count > 75 ? String(first.prefix(75)) + " ..." : first
    }

    /// caption = list(...) or a character vector; NA entries draw no caption.
    private static func captionTexts(_ given: RValue?) throws -> [String?] {
        guard let given else { return captions.map { $0 } }
        guard case .vector(let v) = given else { return [] }
        if case .list(let items) = v.storage {
            return items.map { item in item.asVector.flatMap { Coerce.strings($0).first ?? nil } }
        }
        return Coerce.strings(v)
    }

    /// The fit's xlevels: each factor's levels and its name, in the model's order.
    private static func xlevels(_ fit: RValue) -> ([[String]], [String]) {
        guard case .vector(let v)? = LinearModelLibrary.field(fit, "xlevels"), case .list(let items) = v.storage else { return ([], []) }
        // Paired by position, so that a hand-edited xlevels cannot index past its names.
        let pairs = zip(items, v.names ?? []).map { item, name in
            (item.asVector.map { Coerce.strings($0).map { $0 ?? "NA" } } ?? [], name ?? "")
        }
        return (pairs.map(\.0), pairs.map(\.1))
    }
}
