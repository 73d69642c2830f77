import Foundation
import CRmath
import Graphics
import MixedModels

/// Base R graphics that lme4 users reach for: the high-level plot (x, y; y ~ x; an index plot;
/// an lmer fit's residuals against fitted values, lattice style), hist, qqnorm and boxplot, each
/// starting a figure, and the low-level abline, lines, points and qqline, which add to the
/// figure last drawn and redraw it (the knitter then replaces that figure, as knitr keeps only
/// the finished high-level plot).
enum BaseGraphicsLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("hist", special: { ctx, args in try hist(ctx, args) })
        interp.define("boxplot", special: { ctx, args in try boxplot(ctx, args) })
        interp.define("abline", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["a", "b", "h", "v", "reg", "coef", "untf", "col", "lty", "lwd", "..."], args, call: ctx.call)
            let style = try lineStyle(m, ctx.interpreter.colourPalette)
            var elements: [BasePlot.Element] = []
            func line(_ a: Double, _ b: Double, _ h: Double?, _ v: Double?) {
                elements.append(.straightLine(a: a, b: b, horizontal: h, vertical: v, colour: style.colour, width: style.width, lineType: style.lineType))
            }
            for h in numbers(m["h"]) where h.isFinite { line(0, 0, h, nil) }
            for v in numbers(m["v"]) where v.isFinite { line(0, 0, nil, v) }
            if let a = m["a"] {
                // abline(fit): a model's intercept and slope.
                let coefficients = ListFields.field(a, "coefficients").map(numbers) ?? numbers(a)
                let b = numbers(m["b"]).first ?? (coefficients.count > 1 ? coefficients[1] : 0)
                guard let intercept = coefficients.first else { throw RError("invalid a=, b= specification") }
                line(intercept, b, nil, nil)
            }
            guard !elements.isEmpty else { throw RError("invalid a=, b= specification") }
            for element in elements { try add(ctx, element) }
            return .null
        })
        interp.define("par", { ctx, args in try par(ctx, args) })
        for (name, type) in [("lines", "l"), ("points", "p")] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "y", "type", "col", "lty", "lwd", "pch", "..."], args, call: ctx.call)
                var x = numbers(m["x"]), y = numbers(m["y"])
                if m["y"] == nil, let given = m["x"], let fx = ListFields.field(given, "x"), let fy = ListFields.field(given, "y") {
                    // xy.coords of a list with x and y (a density estimate, lowess()'s result).
                    x = numbers(fx)
                    y = numbers(fy)
                } else if m["y"] == nil { y = x; x = y.indices.map { Double($0 + 1) } }
                guard x.count == y.count else { throw RError("'x' and 'y' lengths differ") }
                let style = try lineStyle(m, ctx.interpreter.colourPalette)
                let kind = m["type"]?.stringValue ?? type
                let colours = try colours(m["col"], ctx.interpreter.colourPalette) ?? [style.colour]
                try add(ctx, kind == "p" ? .points(x: x, y: y, colours: colours, filled: filledSymbol(m["pch"]))
                                         : .lines(x: x, y: y, colour: style.colour, width: style.width, lineType: style.lineType))
                return .null
            })
        }
    }

    // MARK: - High-level plots

    static func plot(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location),
                                                  formals: ["x", "y", "data", "main", "xlab", "ylab", "xlim", "ylim", "col", "type", "pch", "..."])
        let (values, exprs) = try evaluate(call, ctx)
        guard let x = values["x"] else { throw RError("argument \"x\" is missing, with no default", call: ctx.call) }
        if let model = ctx.interpreter.model(of: x) {
            // lme4's plot.merMod: lattice's xyplot of Pearson residuals against fitted values (the
            // residuals themselves, without prior weights), labelled with the formula's sides.
            var figure = BasePlot(xLimits: range(model.fittedValues), yLimits: range(model.residuals))
            figure.lattice = true
            figure.xLabel = "fitted(.)"
            figure.yLabel = "resid(., type = \"pearson\")"
            figure.elements = [.points(x: model.fittedValues, y: model.residuals, colours: [BasePlotRenderer.black])]
            try show(ctx, figure, values)
            return .null
        }
        if x.explicitClass?.contains("lm") == true { return try LinearModelPlots.plot(ctx, args) }
        if x.inherits("density") {
            // plot.density: the estimate as a line, titled by its call, with N and the bandwidth.
            let xs = numbers(ListFields.field(x, "x")), ys = numbers(ListFields.field(x, "y"))
            var figure = BasePlot(xLimits: range(xs), yLimits: range(ys))
            if case .language(let l)? = ListFields.field(x, "call") { figure.main = Deparser.deparse(l.expr) }
            figure.xLabel = "N = \(ListFields.field(x, "n")?.scalarInt() ?? xs.count)   Bandwidth = \(KernelDensity.bandwidthLabel(x))"
            figure.yLabel = "Density"
            let style = try lineStyle(values, ctx.interpreter.colourPalette)
            figure.elements = [.lines(x: xs, y: ys, colour: style.colour, width: style.width, lineType: style.lineType)]
            try show(ctx, figure, values)
            return .null
        }
        var xs: [Double], ys: [Double], xName: String, yName: String
        if case .language(let f) = x, case .call(let tilde) = f.expr, tilde.functionName == "~", tilde.arguments.count == 2 {
            let mask = ModelMatrix.mask(values["data"] ?? .null, env: ctx.env)
            ys = numbers(try ctx.interpreter.eval(tilde.arguments[0].value, mask))
            xs = numbers(try ctx.interpreter.eval(tilde.arguments[1].value, mask))
            yName = Deparser.deparse(tilde.arguments[0].value)
            xName = Deparser.deparse(tilde.arguments[1].value)
        } else if let y = values["y"] {
            xs = numbers(x)
            ys = numbers(y)
            xName = exprs["x"].map(Deparser.deparse) ?? "x"
            yName = exprs["y"].map(Deparser.deparse) ?? "y"
        } else {
            ys = numbers(x)
            xs = ys.indices.map { Double($0 + 1) }
            xName = "Index"
            yName = exprs["x"].map(Deparser.deparse) ?? "x"
        }
        guard xs.count == ys.count else { throw RError("'x' and 'y' lengths differ", call: ctx.call) }
        guard !xs.isEmpty else { throw RError("need finite 'xlim' values", call: ctx.call) }
        var figure = BasePlot(xLimits: try limits(values["xlim"]) ?? range(xs), yLimits: try limits(values["ylim"]) ?? range(ys))
        figure.xLabel = xName
        figure.yLabel = yName
        let style = try lineStyle(values, ctx.interpreter.colourPalette)
        figure.elements = [(values["type"]?.stringValue ?? "p") == "l"
            ? .lines(x: xs, y: ys, colour: style.colour, width: style.width, lineType: style.lineType)
            : .points(x: xs, y: ys, colours: try colours(values["col"], ctx.interpreter.colourPalette) ?? [style.colour],
                      filled: filledSymbol(values["pch"]))]
        try show(ctx, figure, values)
        return .null
    }

    private static func hist(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location),
                                                  formals: ["x", "breaks", "main", "xlab", "ylab", "col", "..."])
        let (values, exprs) = try evaluate(call, ctx)
        let data = numbers(values["x"]).filter { $0.isFinite }
        guard values["x"].map({ numbersOrNil($0) != nil }) ?? false else { throw RError("'x' must be numeric", call: ctx.call) }
        guard let lo = data.min(), let hi = data.max() else { throw RError("invalid number of 'breaks'", call: ctx.call) }
        let breaks = try histogramBreaks(values["breaks"], data: data, lo: lo, hi: hi, ctx)
        // Right-closed cells, the first closed on the left too, with R's 1e-7 fuzz.
        let steps = zip(breaks.dropFirst(), breaks).map { $0 - $1 }.sorted()
        let diddle = 1e-7 * (steps.isEmpty ? 1 : (steps[(steps.count - 1) / 2] + steps[steps.count / 2]) / 2)
        let fuzzy = breaks.enumerated().map { $0.offset == 0 ? $0.element - diddle : $0.element + diddle }
        var counts = [Double](repeating: 0, count: max(breaks.count - 1, 0))
        for v in data {
            if let cell = (1..<fuzzy.count).first(where: { v <= fuzzy[$0] }), v >= fuzzy[0] { counts[cell - 1] += 1 }
        }
        let name = exprs["x"].map(Deparser.deparse) ?? "x"
        var figure = BasePlot(xLimits: (breaks.first ?? lo)...(breaks.last ?? hi), yLimits: 0...(counts.max() ?? 1))
        figure.main = "Histogram of \(name)"
        figure.xLabel = name
        figure.yLabel = "Frequency"
        let fill = try colour(values["col"], ctx.interpreter.colourPalette) ?? Colour(name: "lightgray")
        figure.elements = [.rects(xmin: Array(breaks.dropLast()), xmax: Array(breaks.dropFirst()),
                                  ymin: counts.map { _ in 0 }, ymax: counts, fill: fill, border: BasePlotRenderer.black)]
        try show(ctx, figure, values)
        // R's "histogram" object, returned invisibly.
        let widths = zip(breaks.dropFirst(), breaks).map { $0 - $1 }
        let total = Double(data.count)
        var histogram = RVector(.list([
            .double(breaks), .integer(counts.map { Int($0) }), .double(zip(counts, widths).map { $0 / (total * $1) }),
            .double(zip(breaks.dropFirst(), breaks).map { ($0 + $1) / 2 }), .scalar(name),
            .scalar(widths.allSatisfy { abs($0 - widths[0]) < 1e-7 * (widths.reduce(0, +) / Double(widths.count)) }),
        ]))
        histogram.names = ["breaks", "counts", "density", "mids", "xname", "equidist"]
        histogram.attributes["class"] = .character(["histogram"])
        ctx.interpreter.visible = false
        return .vector(histogram)
    }

    /// hist's breaks: given break points, or a number of cells (Sturges' by default) through
    /// pretty(range(x), n, min.n = 1), in R's words when they will not do.
    private static func histogramBreaks(_ given: RValue?, data: [Double], lo: Double, hi: Double, _ ctx: CallContext) throws -> [Double] {
        if let given, given.length > 1 {
            let points = Array(Set(numbers(given).filter(\.isFinite))).sorted()
            guard points.count >= 2 else { throw RError("invalid number of 'breaks'", call: ctx.call) }
            guard let first = points.first, let last = points.last, first <= lo, last >= hi else {
                throw RError("some 'x' not counted; maybe 'breaks' do not span range of 'x'", call: ctx.call)
            }
            return points
        }
        var cells = (log2(Double(data.count)) + 1).rounded(.up)
        if let given, case .vector(let v) = given, case .character = v.storage {
            guard given.stringValue?.lowercased() == "sturges" else {
                throw RError("mlmd draws histograms with Sturges' breaks, a number of cells or break points", call: ctx.call)
            }
        } else if let given {
            guard let k = given.scalarDouble(), k.isFinite, k >= 1 else { throw RError("invalid number of 'breaks'", call: ctx.call) }
            cells = k
        }
        if cells > 1e6 {
            ctx.interpreter.warning("'breaks = \(String(format: "%g", cells))' is too large and set to 1e6", call: ctx.call)
            cells = 1e6
        }
        let breaks = Pretty.values(lo, hi, n: Int(cells), minN: 1)
        guard breaks.count >= 2 else { throw RError("invalid number of 'breaks'", call: ctx.call) }
        return breaks
    }

    static func qqnorm(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location),
                                                  formals: ["y", "main", "xlab", "ylab", "col", "..."])
        let (values, _) = try evaluate(call, ctx)
        let y = numbers(values["y"])
        let kept = y.indices.filter { !y[$0].isNaN }
        guard !kept.isEmpty else { throw RError("y is empty or has only NAs", call: ctx.call) }
        let x = Summaries.normalScorePositions(y)
        var figure = BasePlot(xLimits: range(x), yLimits: range(y))
        figure.main = "Normal Q-Q Plot"
        figure.xLabel = "Theoretical Quantiles"
        figure.yLabel = "Sample Quantiles"
        figure.elements = [.points(x: x, y: y, colours: [try colour(values["col"], ctx.interpreter.colourPalette) ?? BasePlotRenderer.black])]
        try show(ctx, figure, values)
        // The points drawn, returned invisibly as list(x, y).
        ctx.interpreter.visible = false
        return .list([.double(x), .double(y)], names: ["x", "y"])
    }

    private static func boxplot(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location),
                                                  formals: ["x", "data", "main", "xlab", "ylab", "col", "..."])
        let (values, _) = try evaluate(call, ctx)
        guard let x = values["x"] else { throw RError("argument \"x\" is missing, with no default", call: ctx.call) }
        var groups: [(String, [Double])] = []
        var xName = "", yName = ""
        if case .language(let f) = x, case .call(let tilde) = f.expr, tilde.functionName == "~", tilde.arguments.count == 2 {
            let mask = ModelMatrix.mask(values["data"] ?? .null, env: ctx.env)
            let y = numbers(try ctx.interpreter.eval(tilde.arguments[0].value, mask))
            guard case .vector(let g) = try FactorLibrary.makeFactorIfNeeded(try ctx.interpreter.eval(tilde.arguments[1].value, mask)),
                  case .integer(let codes) = g.storage, let levels = g.levels, codes.count == y.count else {
                throw RError("invalid grouping in the formula", call: ctx.call)
            }
            groups = levels.enumerated().map { k, level in (level, zip(codes, y).filter { $0.0 == k + 1 }.map(\.1)) }
            yName = Deparser.deparse(tilde.arguments[0].value)
            xName = Deparser.deparse(tilde.arguments[1].value)
        } else {
            groups = [("", numbers(x))]
        }
        var elements: [BasePlot.Element] = [], all: [Double] = []
        let fill = try colour(values["col"], ctx.interpreter.colourPalette) ?? Colour(name: "lightgray") ?? BasePlotRenderer.black
        // What boxplot returns (boxplot.stats of each group): stats, n, conf, out, group, names.
        var statCells: [Double] = [], counts: [Double] = [], confCells: [Double] = [], out: [Double] = [], outGroup: [Double] = []
        for (k, group) in groups.enumerated() {
            let data = group.1.filter { !$0.isNaN }.sorted()
            counts.append(Double(data.count))
            guard !data.isEmpty else {
                statCells += [Double](repeating: NAReal, count: 5)
                confCells += [NAReal, NAReal]
                continue
            }
            var stats = Summaries.fivenum(data, naRm: true)
            let spread = 1.5 * (stats[3] - stats[1])
            let inside = data.filter { $0 >= stats[1] - spread && $0 <= stats[3] + spread }
            // boxplot.stats lists the outliers in the data's order.
            let outliers = group.1.filter { !$0.isNaN && ($0 < stats[1] - spread || $0 > stats[3] + spread) }
            if !outliers.isEmpty, let lo = inside.first, let hi = inside.last { stats[0] = lo; stats[4] = hi }
            elements.append(.box(x: Double(k + 1), stats: stats, outliers: outliers, halfWidth: 0.4, fill: fill))
            all += stats + outliers
            statCells += stats
            let halfNotch = 1.58 * (stats[3] - stats[1]) / Double(data.count).squareRoot()
            confCells += [stats[2] - halfNotch, stats[2] + halfNotch]
            out += outliers
            outGroup += outliers.map { _ in Double(k + 1) }
        }
        guard !all.isEmpty else { throw RError("no non-missing values to plot", call: ctx.call) }
        var figure = BasePlot(xLimits: 0.5...(Double(groups.count) + 0.5), yLimits: range(all))
        if groups.count > 1 || !groups[0].0.isEmpty {
            figure.xAxisLabels = groups.enumerated().map { (Double($0.offset + 1), $0.element.0) }
        }
        figure.xLabel = xName
        figure.yLabel = yName
        figure.elements = elements
        try show(ctx, figure, values)
        var stats = RVector(.double(statCells)), conf = RVector(.double(confCells))
        stats.attributes["dim"] = .integer([5, groups.count])
        conf.attributes["dim"] = .integer([2, groups.count])
        ctx.interpreter.visible = false
        return .list([.vector(stats), .double(counts), .vector(conf), .double(out), .double(outGroup),
                      .character(groups.enumerated().map { Optional($0.element.0.isEmpty ? String($0.offset + 1) : $0.element.0) })],
                     names: ["stats", "n", "conf", "out", "group", "names"])
    }

    // MARK: - lattice's dotplot of conditional modes

    /// dotplot(ranef(m, condVar = TRUE)): a list of trellis objects, one per grouping factor,
    /// each drawn when printed.
    static func dotplot(_ ctx: CallContext, _ args: [EvaluatedArgument]) throws -> RValue {
        guard let x = args.first?.value, x.inherits("ranef.mer") else {
            throw RError("dotplot() draws the conditional modes of ranef(); other dotplots are not drawn yet", call: ctx.call)
        }
        let (frames, names) = ApplyLibrary.elements(x)
        var plots: [RValue] = []
        for (k, frame) in frames.enumerated() {
            guard case .vector(let df) = frame, case .list(let columns) = df.storage else { continue }
            let levels = df.attributes["row.names"].map { Coerce.strings($0.asVector ?? RVector(.character([]))).map { $0 ?? "" } } ?? []
            let values = columns.map { numbers($0) }
            let sds = MixedModelRandomEffects.conditionalSDs(frame)
            // A ranef() result altered by hand must still have a value (and SD) per level.
            guard values.allSatisfy({ $0.count == levels.count }),
                  sds.map({ $0.count == values.count && $0.allSatisfy { $0.count == levels.count } }) ?? true else {
                throw RError("the conditional modes of \(names?[k] ?? "a grouping factor") do not have one value per level", call: ctx.call)
            }
            // Levels ordered by the first column, lowest at the bottom.
            let order = (values.first ?? []).indices.sorted { (values[0][$0], $0) < (values[0][$1], $1) }
            let fields: [RValue] = [.character([names?[k] ?? ""]), .character(order.map { Optional(levels[$0]) }),
                                    .character((df.names ?? []).map { $0 }),
                                    .list(values.map { v in .double(order.map { v[$0] }) }),
                                    sds.map { .list($0.map { sd in .double(order.map { 1.96 * sd[$0] }) }) } ?? .null]
            var v = RVector(.list(fields))
            v.names = ["title", "levels", "strips", "values", "halfWidths"]
            v.attributes["class"] = .character(["trellis"])
            plots.append(.vector(v))
        }
        var out = RVector(.list(plots))
        out.names = names
        return .vector(out)
    }

    static func drawTrellis(_ object: RValue, _ interpreter: Interpreter) throws {
        let field = { (name: String) in ListFields.field(object, name) }
        let strips = field("strips").map { Coerce.strings($0.asVector ?? RVector(.character([]))).map { $0 ?? "" } } ?? []
        let values = ApplyLibrary.elements(field("values") ?? .null).0.map { numbers($0) }
        let halfWidths = field("halfWidths").flatMap { $0.isNullValue ? nil : ApplyLibrary.elements($0).0.map { numbers($0) } }
        let levels = field("levels").map { Coerce.strings($0.asVector ?? RVector(.character([]))).map { $0 ?? "" } } ?? []
        var plot = DotPlot(title: field("title")?.stringValue ?? "", levels: levels,
                           panels: strips.indices.map { k in
                               DotPlot.Panel(strip: strips[k], values: k < values.count ? values[k] : [],
                                             halfWidths: halfWidths.map { k < $0.count ? $0[k] : [] })
                           })
        (plot.width, plot.height) = interpreter.figureSize
        interpreter.figureCounter += 1
        interpreter.emit(.plot(svg: DotPlotRenderer.render(plot, id: "figure-\(interpreter.figureCounter)"),
                               width: plot.width, height: plot.height))
    }

    // MARK: - Figures on the session's device

    /// Applies main, xlab and ylab, keeps the figure as the current one and shows it.
    static func show(_ ctx: CallContext, _ figure: BasePlot, _ values: [String: RValue]) throws {
        var figure = figure
        if let main = values["main"] { figure.main = main.stringValue }
        if let xlab = values["xlab"] { figure.xLabel = xlab.stringValue ?? "" }
        if let ylab = values["ylab"] { figure.yLabel = ylab.stringValue ?? "" }
        present(ctx.interpreter, figure)
        ctx.interpreter.visible = false
    }

    /// Starts a figure on the session's device: sized by the chunk, kept as the current one
    /// (for abline and friends) and shown; with par(mfrow) it takes the next panel of the page
    /// (which is shown again, whole), or starts a page when the last one is full.
    static func present(_ interpreter: Interpreter, _ figure: BasePlot) {
        var figure = figure
        (figure.width, figure.height) = interpreter.figureSize
        figure.margins = interpreter.baseMargins
        interpreter.currentBasePlot = figure
        let panels = interpreter.baseLayout.panelCount
        if panels > 1, !interpreter.basePagePanels.isEmpty, interpreter.basePagePanels.count < panels {
            interpreter.basePagePanels.append(figure)
            return emit(interpreter, replacing: true)
        }
        interpreter.basePagePanels = [figure]
        interpreter.figureCounter += 1
        interpreter.currentBasePlotID = "figure-\(interpreter.figureCounter)"
        emit(interpreter, replacing: false)
    }

    /// A low-level addition: R's "plot.new has not been called yet" without a figure.
    static func add(_ ctx: CallContext, _ element: BasePlot.Element) throws {
        guard var figure = ctx.interpreter.currentBasePlot else { throw RError("plot.new has not been called yet", call: ctx.call) }
        figure.elements.append(element)
        ctx.interpreter.currentBasePlot = figure
        if !ctx.interpreter.basePagePanels.isEmpty { ctx.interpreter.basePagePanels[ctx.interpreter.basePagePanels.count - 1] = figure }
        emit(ctx.interpreter, replacing: true)
        ctx.interpreter.visible = false
    }

    private static func emit(_ interpreter: Interpreter, replacing: Bool) {
        guard let figure = interpreter.currentBasePlot else { return }
        let layout = interpreter.baseLayout
        let svg = layout.panelCount > 1
            ? BasePlotRenderer.render(BasePage(layout: layout, panels: interpreter.basePagePanels, width: figure.width, height: figure.height),
                                      id: interpreter.currentBasePlotID)
            : BasePlotRenderer.render(figure, id: interpreter.currentBasePlotID)
        interpreter.emit(replacing ? .plotUpdate(svg: svg, width: figure.width, height: figure.height)
                                   : .plot(svg: svg, width: figure.width, height: figure.height))
    }

    // MARK: - par

    /// par(mfrow = c(r, c)) and par(mfcol = ...): the page layout of the figures that follow;
    /// par(mar = ) and par(mai = ): their margins, in lines or inches (a line is 0.2 in). Each
    /// returns the old values invisibly (so that par(op) restores them); par("mfrow") reads
    /// them. Other graphical parameters are refused rather than silently ignored.
    private static func par(_ ctx: CallContext, _ args: [EvaluatedArgument]) throws -> RValue {
        let i = ctx.interpreter
        let known = ["mfrow", "mfcol", "mar", "mai"]
        func current(_ name: String) -> RValue {
            switch name {
            case "mar": return .vector(RVector(.double(i.baseMargins)))
            case "mai": return .vector(RVector(.double(i.baseMargins.map { $0 * 0.2 })))
            default: return .integer([i.baseLayout.rows, i.baseLayout.columns])
            }
        }
        var settings: [(String, RValue)] = args.compactMap { a in a.name.map { ($0, a.value) } }
        if let only = args.first, args.count == 1, only.name == nil {
            if case .vector(let v) = only.value, case .list(let items) = v.storage {
                settings = zip(v.names ?? [], items).compactMap { name, item in name.map { ($0, item) } }
            } else if case .vector(let v) = only.value, case .character = v.storage {
                let names = Coerce.strings(v).map { $0 ?? "" }
                for name in names where !known.contains(name) {
                    throw RError("mlmd's par() knows the page layout (mfrow, mfcol) and margins (mar, mai) only, not \"\(name)\"", call: ctx.call)
                }
                if names.count == 1 { return current(names[0]) }
                var out = RVector(.list(names.map { current($0) }))
                out.names = names.map { Optional($0) }
                return .vector(out)
            }
        }
        if args.isEmpty { settings = [] }
        var old: [(String, RValue)] = []
        for (name, value) in settings {
            guard known.contains(name) else {
                throw RError("mlmd's par() sets the page layout (mfrow, mfcol) and margins (mar, mai) only, not \"\(name)\"", call: ctx.call)
            }
            let values = numbers(value)
            if name == "mar" || name == "mai" {
                guard values.count == 4 else { throw RError("graphical parameter \"\(name)\" has the wrong length", call: ctx.call) }
                guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                    throw RError("invalid value specified for graphical parameter \"\(name)\"", call: ctx.call)
                }
                old.append((name, current(name)))
                i.baseMargins = name == "mar" ? values : values.map { $0 / 0.2 }
                continue
            }
            guard values.count == 2 else { throw RError("graphical parameter \"\(name)\" has the wrong length", call: ctx.call) }
            guard values.allSatisfy({ $0.isFinite && $0 >= 1 && $0 <= 200 }) else {
                throw RError("invalid value specified for graphical parameter \"\(name)\"", call: ctx.call)
            }
            old.append((name, current(name)))
            i.baseLayout = BasePage.Layout(rows: Int(values[0]), columns: Int(values[1]), byRow: name == "mfrow")
            // The next figure starts a new page.
            i.basePagePanels = []
        }
        var out = RVector(.list(args.isEmpty ? [current("mfcol"), current("mfrow")] : old.map(\.1)))
        out.names = args.isEmpty ? ["mfcol", "mfrow"] : old.map { Optional($0.0) }
        i.visible = args.isEmpty
        return .vector(out)
    }

    // MARK: - Arguments

    /// The matched call's arguments evaluated, with their expressions (for default labels).
    static func evaluate(_ call: Call, _ ctx: CallContext) throws -> ([String: RValue], [String: Expr]) {
        var values: [String: RValue] = [:], exprs: [String: Expr] = [:]
        for argument in call.arguments {
            guard let name = argument.name else { continue }
            exprs[name] = argument.value
            values[name] = try ctx.interpreter.eval(argument.value, ctx.env)
        }
        return (values, exprs)
    }

    private static func numbersOrNil(_ v: RValue) -> [Double]? {
        guard case .vector(let vector) = v, !vector.isFactor else { return nil }
        if case .character = vector.storage { return nil }
        return Coerce.doubles(vector)
    }

    static func numbers(_ v: RValue?) -> [Double] {
        guard let v, case .vector(let vector) = v else { return [] }
        return Coerce.doubles(vector) ?? []
    }

    /// The finite values' range, 0...1 when there are none.
    static func range(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return 0...1 }
        return lo...hi
    }

    private static func limits(_ v: RValue?) throws -> ClosedRange<Double>? {
        guard let v else { return nil }
        let x = numbers(v)
        guard x.count == 2, x.allSatisfy(\.isFinite) else { throw RError("invalid 'xlim' value") }
        return min(x[0], x[1])...max(x[0], x[1])
    }

    /// The colours `col` names, recycled by the caller (grDevices' reading of colours).
    static func colours(_ v: RValue?, _ palette: [String]) throws -> [Colour]? {
        guard let v, case .vector(let vector) = v, vector.count > 0 else { return nil }
        return try ColourConversions.resolve(vector, palette)
    }

    static func colour(_ v: RValue?, _ palette: [String]) throws -> Colour? { try colours(v, palette)?.first }

    /// pch 16, 19 and 20 are filled circles; mlmd draws every other symbol as pch 1's open one.
    static func filledSymbol(_ v: RValue?) -> Bool { v?.scalarDouble().map { [16.0, 19, 20].contains($0) } ?? false }

    static func lineStyle(_ m: [String: RValue], _ palette: [String]) throws -> (colour: Colour, width: Double, lineType: LineType) {
        let colour = try colour(m["col"], palette) ?? BasePlotRenderer.black
        let width = 0.75 * (m["lwd"]?.scalarDouble() ?? 1)
        return (colour, width, try lineType(m["lty"]))
    }

    /// par(lty): a name, hex digits or a number, in R's words when it is none of them.
    static func lineType(_ v: RValue?) throws -> LineType {
        guard let v, case .vector(let vector) = v, vector.count > 0 else { return .solid }
        if case .character = vector.storage {
            let name = v.stringValue ?? ""
            if let type = LineType(name: name) { return type }
            // GE_LTYpar's checks, in its order.
            guard [2, 4, 6, 8].contains(name.count) else { throw RError("invalid line type: must be length 2, 4, 6 or 8") }
            guard name.allSatisfy(\.isHexDigit) else { throw RError("invalid hex digit in 'color' or 'lty'") }
            throw RError("invalid line type: zeroes are not allowed")
        }
        guard let k = v.scalarDouble(), k.isFinite, k >= 0 else { throw RError("invalid line type") }
        return LineType(number: Int(min(k, 1e6)))
    }
}
