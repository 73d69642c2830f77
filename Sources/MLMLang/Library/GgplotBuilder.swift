import CRmath
import Graphics

/// Turns a ggplot object into a Graphics.Plot: evaluates aesthetics in the data, runs the
/// stats (lm smoothers), applies positions (jitter from the session's random numbers) and
/// emits the SVG.
struct GgplotBuilder {
    let interpreter: Interpreter
    let env: Environment

    /// One layer's evaluated aesthetics.
    struct Aesthetics {
        var x: [Double] = []
        var y: [Double] = []
        var group: [Int]?
        /// The levels of a discrete x (a factor or text), its values then being positions 1, 2, ...
        var xLevels: [String]?
    }

    /// Renders the plot and shows it as the chunk's (or script's) figure.
    func draw(_ plot: RValue) throws {
        let (svg, out) = try render(plot)
        interpreter.emit(.plot(svg: svg, width: out.width, height: out.height))
    }

    /// The plot as an SVG document, `width` x `height` inches when given.
    func render(_ plot: RValue, width: Double? = nil, height: Double? = nil) throws -> (String, Plot) {
        let data = GgplotLibrary.field(plot, "data") ?? .null
        let mapping = GgplotLibrary.field(plot, "mapping") ?? .list([])
        let layers = ApplyLibrary.elements(GgplotLibrary.field(plot, "layers") ?? .list([])).0
        var labels: [String: String] = [:]
        let (labelValues, labelNames) = ApplyLibrary.elements(GgplotLibrary.field(plot, "labels") ?? .list([]))
        for (k, n) in (labelNames ?? []).enumerated() { if let n, let s = labelValues[k].stringValue { labels[n] = s } }

        var out = Plot()
        (out.width, out.height) = interpreter.figureSize
        out.xLabel = labels["x"] ?? expressionLabel(mapping, "x") ?? ""
        out.yLabel = labels["y"] ?? expressionLabel(mapping, "y") ?? ""
        out.title = labels["title"]
        // scale_x_continuous / scale_y_continuous: a name beats labs(), limits censor the data.
        var limits: [String: ClosedRange<Double>] = [:]
        var manualColours: RValue?
        var facet: Expr?
        var continuousAxes: Set<String> = []
        for scale in ApplyLibrary.elements(GgplotLibrary.field(plot, "scales") ?? .list([])).0 {
            if scale.inherits("mlmd_facet") {
                if case .language(let f)? = GgplotLibrary.field(scale, "facets") { facet = f.expr }
                continue
            }
            if scale.inherits("mlmd_theme") {
                switch GgplotLibrary.field(scale, "name")?.stringValue {
                case "bw": out.theme = .bw
                case "minimal": out.theme = .minimal
                case "classic": out.theme = .classic
                default: out.theme = .grey
                }
                continue
            }
            guard let axis = GgplotLibrary.field(scale, "aesthetic")?.stringValue else { continue }
            if axis == "coord" {
                out.xView = GgplotLibrary.field(scale, "xlim")?.asVector?.doubles.map { $0[0]...$0[1] }
                out.yView = GgplotLibrary.field(scale, "ylim")?.asVector?.doubles.map { $0[0]...$0[1] }
                continue
            }
            if axis == "colour" {
                manualColours = GgplotLibrary.field(scale, "values")
                if let name = GgplotLibrary.field(scale, "name")?.stringValue { labels["colour"] = name }
                continue
            }
            let name = GgplotLibrary.field(scale, "name")?.stringValue
            let breaks = GgplotLibrary.field(scale, "breaks")?.asVector?.doubles
            let range = GgplotLibrary.field(scale, "limits")?.asVector?.doubles.map { $0[0]...$0[1] }
            if axis == "x" {
                if let name { out.xLabel = name }
                out.xBreaks = breaks
                out.xLimits = range
            } else {
                if let name { out.yLabel = name }
                out.yBreaks = breaks
                out.yLimits = range
            }
            if let range { limits[axis] = range }
            continuousAxes.insert(axis)
        }
        var colourLevels: [String]?
        // Every layer over some data: the whole plot's, or one facet's rows.
        func buildLayers(_ panelData: RValue, first: Bool) throws -> [Plot.Layer] {
            var built: [Plot.Layer] = []
            for layer in layers {
                let geom = GgplotLibrary.field(layer, "geom")?.stringValue ?? "point"
                let layerData = GgplotLibrary.field(layer, "data").flatMap { $0.isNullValue ? nil : $0 } ?? panelData
                let layerMapping = merged(mapping, GgplotLibrary.field(layer, "mapping"))
                if let special = try specialLayer(geom, layer, layerMapping, layerData, &out) {
                    built.append(contentsOf: special)
                    continue
                }
                var (aes, levels) = try evaluate(layerMapping, in: layerData, geom: geom, continuousAxes: continuousAxes)
                let removed = censor(&aes, limits)
                if removed > 0 {
                    let what = geom == "smooth" ? "non-finite values (`stat_smooth()`)" : "missing values (`geom_\(geom)()`)"
                    interpreter.warning("Removed \(removed) rows containing \(what).", call: nil)
                }
                if let levels { colourLevels = levels }
            if let xLevels = aes.xLevels { try useDiscreteX(xLevels, &out) }
                let alpha = GgplotLibrary.field(layer, "alpha")?.doubleValue ?? 1
                let size = GgplotLibrary.field(layer, "size")?.doubleValue ?? 1.5
                switch geom {
                case "point", "jitter":
                    var (x, y) = (aes.x, aes.y)
                    let position = GgplotLibrary.field(layer, "position")
                    if geom == "jitter" || position?.inherits("position_jitter") == true {
                        (x, y) = jitter(x, y, position)
                    }
                    built.append(.points(x: x, y: y, group: aes.group, alpha: alpha, size: size))
                case "line", "path":
                    // ggplot2 draws lines black unless colour is mapped; `group` alone only splits them.
                    let colour = layerMapping["colour"] == nil ? Colour(red: 0, green: 0, blue: 0, alpha: alpha) : nil
                    built.append(.lines(x: aes.x, y: aes.y, group: aes.group, width: 1.07, colour: colour))
                case "smooth":
                    let method = GgplotLibrary.field(layer, "method")?.stringValue ?? "loess"
                    guard method == "lm" else { throw RError("only method = \"lm\" smoothers are drawn so far") }
                    if GgplotLibrary.field(layer, "formula") == nil && first { try interpreter.signalMessage("`geom_smooth()` using formula = 'y ~ x'\n", call: nil) }
                    let se = GgplotLibrary.field(layer, "se")?.logicalValue ?? true
                    let fit = try smooth(aes)
                    if se {
                        built.append(.ribbon(x: fit.x, ymin: fit.lower, ymax: fit.upper, group: fit.group,
                                                  fill: Colour(red: 0.6, green: 0.6, blue: 0.6, alpha: 0.4)))
                    }
                    let colour = aes.group == nil ? Colour(hex: "#3366FF") : nil
                    built.append(.lines(x: fit.x, y: fit.fitted, group: fit.group, width: 2.13, colour: colour))
                default:
                    throw RError("geom_\(geom)() is not drawn yet")
                }
            }
            return built
        }
        if let facet {
            let (levels, codes) = try facetCodes(facet, data)
            out.facets = try levels.indices.map { k in
                let rows = codes.indices.filter { codes[$0] == k + 1 }.map { $0 + 1 }
                let subset = Call(.symbol("["), [Argument(.constant(data)), Argument(.constant(.integer(rows))),
                                                 Argument(.missingArgument), Argument(name: "drop", .constant(.scalar(false)))])
                return (levels[k], try buildLayers(try interpreter.eval(.call(subset), env), first: k == 0))
            }
        } else {
            out.layers = try buildLayers(data, first: true)
        }
        if let levels = colourLevels {
            out.colourLegend = (labels["colour"] ?? expressionLabel(mapping, "colour") ?? "colour", levels)
            if let manual = manualColours?.asVector { out.palette = try manualPalette(manual, levels: levels) }
        }
        if let width { out.width = width }
        if let height { out.height = height }
        interpreter.figureCounter += 1
        return (PlotRenderer.render(out, id: "figure-\(interpreter.figureCounter)"), out)
    }

    /// The layers that do not map x and y: reference lines from their parameters, QQ plots from
    /// `sample`, and ranges from x, ymin and ymax. Nil for the ordinary x/y geoms.
    func specialLayer(_ geom: String, _ layer: RValue, _ mapping: [String: Expr], _ data: RValue, _ out: inout Plot) throws -> [Plot.Layer]? {
        let black = Colour(red: 0, green: 0, blue: 0)
        func parameter(_ name: String) -> Double? { GgplotLibrary.field(layer, name)?.doubleValue }
        let colour = (GgplotLibrary.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) } ?? black
        // ggplot2's linewidth is in mm; grid draws it as lwd (1/96 in), which is 0.75 pt.
        let width = (parameter("linewidth") ?? parameter("size") ?? 0.5) * 72.27 / 25.4 * 0.75
        switch geom {
        case "hline":
            guard let y = parameter("yintercept") else { throw RError("geom_hline() requires `yintercept`") }
            return [.reference(intercept: y, slope: 0, vertical: nil, colour: colour, width: width)]
        case "vline":
            guard let x = parameter("xintercept") else { throw RError("geom_vline() requires `xintercept`") }
            return [.reference(intercept: 0, slope: 0, vertical: x, colour: colour, width: width)]
        case "abline":
            return [.reference(intercept: parameter("intercept") ?? 0, slope: parameter("slope") ?? 1, vertical: nil, colour: colour, width: width)]
        case "qq", "qq_line":
            // stat_qq: sorted sample against normal quantiles at ppoints(n); stat_qq_line: the
            // line through the first and third quartiles.
            let sample = try numeric("sample", mapping, data, geom: geom).filter { !$0.isNaN }.sorted()
            let n = sample.count
            let a = n <= 10 ? 3.0 / 8 : 0.5
            let theoretical = (0..<n).map { qnorm5((Double($0 + 1) - a) / (Double(n) + 1 - 2 * a), 0, 1, 1, 0) }
            if out.xLabel.isEmpty { out.xLabel = "x" }
            if out.yLabel.isEmpty { out.yLabel = "y" }
            if geom == "qq" {
                return [.points(x: theoretical, y: sample, group: nil, alpha: parameter("alpha") ?? 1, size: parameter("size") ?? 1.5)]
            }
            // quantile(type = 7) of the sorted sample.
            let q = [0.25, 0.75].map { p -> Double in
                let h = Double(n - 1) * p, lo = Int(h.rounded(.down))
                return lo + 1 < n ? sample[lo] + (h - Double(lo)) * (sample[lo + 1] - sample[lo]) : sample[lo]
            }
            let z = [qnorm5(0.25, 0, 1, 1, 0), qnorm5(0.75, 0, 1, 1, 0)]
            let slope = (q[1] - q[0]) / (z[1] - z[0])
            let ends = [theoretical.first ?? 0, theoretical.last ?? 0]
            return [.lines(x: ends, y: ends.map { q[0] + slope * ($0 - z[0]) }, group: nil, width: width, colour: colour)]
        case "histogram":
            // stat_bin: equal-width bins, (a, b] with the first closed, as ggplot2 3.4 draws them.
            let x = try numeric("x", mapping, data, geom: geom).filter(\.isFinite)
            guard let lo = x.min(), let hi = x.max() else { return [] }
            let binwidth = parameter("binwidth"), bins = parameter("bins").map { Int($0) }
            if binwidth == nil && bins == nil {
                try interpreter.signalMessage("`stat_bin()` using `bins = 30`. Pick better value with `binwidth`.\n", call: nil)
            }
            var width: Double, boundary: Double
            if let binwidth {
                guard binwidth > 0 else { throw RError("`binwidth` must be positive") }
                width = binwidth
                boundary = parameter("boundary") ?? width / 2
            } else {
                let n = max(bins ?? 30, 1)
                if hi == lo { width = 0.1; boundary = width / 2 }
                else if n == 1 { width = hi - lo; boundary = lo }
                else { width = (hi - lo) / Double(n - 1); boundary = parameter("boundary") ?? width / 2 }
            }
            if let center = parameter("center") { boundary = center - width / 2 }
            let origin = boundary + ((lo - boundary) / width).rounded(.down) * width
            let maxX = hi + (1 - 1e-8) * width
            guard (maxX - origin) / width <= 1e6 else { throw RError("The number of histogram bins must be less than 1,000,000.") }
            var breaks: [Double] = []
            var b = origin
            var k = 0
            while b <= maxX + 1e-10 * width { breaks.append(b); k += 1; b = origin + Double(k) * width }
            if breaks.count == 1 { breaks.append(breaks[0] + width) }
            let fuzz = 1e-7 * width
            var counts = [Double](repeating: 0, count: breaks.count - 1)
            for v in x {
                for i in 0..<(breaks.count - 1) {
                    let left = i == 0 ? breaks[i] - fuzz : breaks[i] + fuzz, right = breaks[i + 1] + fuzz
                    if v > left && v <= right { counts[i] += 1; break }
                }
            }
            if out.yLabel.isEmpty { out.yLabel = "count" }
            let fill = (GgplotLibrary.field(layer, "fill")?.stringValue).flatMap { Colour(name: $0) } ?? Colour(name: "grey35")!
            let stroke = (GgplotLibrary.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) }
            return [.rects(xmin: Array(breaks.dropLast()), xmax: Array(breaks.dropFirst()), ymin: counts.map { _ in 0 }, ymax: counts,
                           fill: fill, stroke: stroke)]
        case "density":
            // stat_density: a Gaussian kernel with bw.nrd0's bandwidth, evaluated at 512 points
            // across the data's range (exactly, where R's density() bins and uses an FFT).
            let x = try numeric("x", mapping, data, geom: geom).filter(\.isFinite).sorted()
            guard x.count >= 2, let lo = x.first, let hi = x.last else { throw RError("need at least 2 points to select a bandwidth automatically") }
            let n = Double(x.count)
            let mean = x.reduce(0, +) / n
            let sd = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            func q(_ p: Double) -> Double { let h = (n - 1) * p, i = Int(h); return i + 1 < x.count ? x[i] + (h - Double(i)) * (x[i + 1] - x[i]) : x[i] }
            var spread = min(sd, (q(0.75) - q(0.25)) / 1.34)
            if spread == 0 { spread = sd != 0 ? sd : (abs(x[0]) != 0 ? abs(x[0]) : 1) }
            let bw = (parameter("bw") ?? 0.9 * spread * pow(n, -0.2)) * (parameter("adjust") ?? 1)
            let grid = (0..<512).map { lo + (hi - lo) * Double($0) / 511 }
            let density = grid.map { g in x.reduce(0) { $0 + exp(-0.5 * pow((g - $1) / bw, 2)) } / (n * bw * (2 * Double.pi).squareRoot()) }
            if out.yLabel.isEmpty { out.yLabel = "density" }
            let black = Colour(red: 0, green: 0, blue: 0)
            var layers: [Plot.Layer] = []
            if let fill = (GgplotLibrary.field(layer, "fill")?.stringValue).flatMap({ Colour(name: $0) }) {
                var f = fill
                f.alpha = parameter("alpha") ?? 1
                layers.append(.ribbon(x: grid, ymin: grid.map { _ in 0 }, ymax: density, group: nil, fill: f))
            }
            layers.append(.lines(x: grid, y: density, group: nil, width: 1.07, colour: black))
            return layers
        case "bar", "col", "boxplot":
            let (positions, levels) = try discreteX(mapping, data, geom: geom)
            try useDiscreteX(levels, &out)
            let k = levels.count
            let width = (parameter("width") ?? 0.9) / (geom == "boxplot" ? 1 : 1)
            let fill = (GgplotLibrary.field(layer, "fill")?.stringValue).flatMap { Colour(name: $0) }
            let outline = (GgplotLibrary.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) }
            if geom == "bar" || geom == "col" {
                // geom_bar counts the rows at each x; geom_col stacks (sums) the y values there.
                var heights = [Double](repeating: 0, count: k)
                let y = geom == "col" ? try numeric("y", mapping, data, geom: geom) : []
                for (i, p) in positions.enumerated() where p >= 1 && p <= k {
                    heights[p - 1] += geom == "col" ? (y[i].isNaN ? 0 : y[i]) : 1
                }
                if out.yLabel.isEmpty { out.yLabel = geom == "bar" ? "count" : (mapping["y"].map { Deparser.deparse($0) } ?? "y") }
                let centres = (1...max(k, 1)).prefix(k).map(Double.init)
                return [.rects(xmin: centres.map { $0 - width / 2 }, xmax: centres.map { $0 + width / 2 },
                               ymin: heights.map { _ in 0 }, ymax: heights, fill: fill ?? Colour(name: "grey35")!, stroke: outline)]
            }
            // stat_boxplot: hinges and median by quantile(type = 7), whiskers to the furthest
            // values within 1.5 IQR of the hinges, the rest drawn as outliers.
            let y = try numeric("y", mapping, data, geom: geom)
            if out.yLabel.isEmpty, let e = mapping["y"] { out.yLabel = Deparser.deparse(e) }
            var layers: [Plot.Layer] = []
            var boxes: (x0: [Double], x1: [Double], y0: [Double], y1: [Double]) = ([], [], [], [])
            var whiskerX: [Double] = [], whiskerLow: [Double] = [], whiskerHigh: [Double] = []
            var medianX: [Double] = [], medianY: [Double] = [], medianGroup: [Int] = []
            var outlierX: [Double] = [], outlierY: [Double] = []
            for level in 1...max(k, 1) where level <= k {
                let values = positions.indices.filter { positions[$0] == level && y[$0].isFinite }.map { y[$0] }.sorted()
                guard !values.isEmpty else { continue }
                func quantile(_ p: Double) -> Double {
                    let h = Double(values.count - 1) * p, lo = Int(h.rounded(.down))
                    return lo + 1 < values.count ? values[lo] + (h - Double(lo)) * (values[lo + 1] - values[lo]) : values[lo]
                }
                let q1 = quantile(0.25), q2 = quantile(0.5), q3 = quantile(0.75), iqr = q3 - q1
                let inside = values.filter { $0 >= q1 - 1.5 * iqr && $0 <= q3 + 1.5 * iqr }
                let x = Double(level), half = 0.9 * 0.5 * (parameter("width") ?? 0.9) / 0.9
                boxes.x0.append(x - half); boxes.x1.append(x + half); boxes.y0.append(q1); boxes.y1.append(q3)
                whiskerX += [x, x]; whiskerLow += [inside.first ?? q1, q3]; whiskerHigh += [q1, inside.last ?? q3]
                medianX += [x - half, x + half]; medianY += [q2, q2]; medianGroup += [level, level]
                for v in values where v < q1 - 1.5 * iqr || v > q3 + 1.5 * iqr { outlierX.append(x); outlierY.append(v) }
            }
            let grey20 = Colour(name: "grey20")!
            layers.append(.ranges(x: whiskerX, ymin: whiskerLow, ymax: whiskerHigh, y: nil, capWidth: 0, colour: outline ?? grey20, width: 1.07))
            layers.append(.rects(xmin: boxes.x0, xmax: boxes.x1, ymin: boxes.y0, ymax: boxes.y1, fill: fill ?? Colour(red: 1, green: 1, blue: 1), stroke: outline ?? grey20))
            layers.append(.lines(x: medianX, y: medianY, group: medianGroup, width: 2.13, colour: outline ?? grey20))
            if !outlierX.isEmpty { layers.append(.points(x: outlierX, y: outlierY, group: nil, alpha: 1, size: 1.5)) }
            return layers
        case "errorbar", "pointrange":
            let x = try numeric("x", mapping, data, geom: geom)
            let lo = try numeric("ymin", mapping, data, geom: geom), hi = try numeric("ymax", mapping, data, geom: geom)
            let y = geom == "pointrange" ? try numeric("y", mapping, data, geom: geom) : nil
            let sortedX = Set(x.filter(\.isFinite)).sorted()
            let resolution = zip(sortedX, sortedX.dropFirst()).map { $1 - $0 }.min() ?? 1
            let cap = geom == "errorbar" ? (parameter("width") ?? 0.9) * resolution : 0
            if out.yLabel.isEmpty, let e = mapping["ymin"] { out.yLabel = Deparser.deparse(e) }
            return [.ranges(x: x, ymin: lo, ymax: hi, y: y, capWidth: cap, colour: colour, width: width)]
        default:
            return nil
        }
    }

    /// The plot's discrete x levels: the first discrete layer sets them, the others must agree.
    func useDiscreteX(_ levels: [String], _ out: inout Plot) throws {
        if let existing = out.xLevels, existing != levels { throw RError("Discrete value supplied to continuous scale") }
        out.xLevels = levels
    }

    /// A discrete x (factor or text) as positions 1, 2, ... and its levels.
    func discreteX(_ mapping: [String: Expr], _ data: RValue, geom: String) throws -> ([Int], [String]) {
        guard let e = mapping["x"] else { throw RError("geom_\(geom)() requires the following missing aesthetics: x") }
        let mask = Environment(parent: env)
        let (columns, names) = ApplyLibrary.elements(data)
        for (k, n) in (names ?? []).enumerated() { if let n { mask.set(n, columns[k]) } }
        let v = try interpreter.eval(e, mask)
        guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(v), case .integer(let codes) = f.storage else {
            throw RError("geom_\(geom)() needs a discrete x (a factor or text) in mlmd")
        }
        return (codes.map { $0 == NAInteger ? 0 : $0 }, f.levels ?? [])
    }

    /// A numeric aesthetic evaluated among the data's columns.
    func numeric(_ name: String, _ mapping: [String: Expr], _ data: RValue, geom: String) throws -> [Double] {
        guard let e = mapping[name] else { throw RError("geom_\(geom)() requires the following missing aesthetics: \(name)") }
        let mask = Environment(parent: env)
        let (columns, names) = ApplyLibrary.elements(data)
        for (k, n) in (names ?? []).enumerated() { if let n { mask.set(n, columns[k]) } }
        let v: RValue
        do { v = try interpreter.eval(e, mask) } catch let err as RError {
            throw RError("Problem while computing aesthetics.\n\u{2139} Error occurred in the 1st layer.\nCaused by error in `FUN()`:\n! \(err.message)")
        }
        guard case .vector(let vec) = v, !vec.isFactor, vec.storage.rank <= 2, let d = Coerce.doubles(vec) else {
            throw RError("Discrete value supplied to continuous scale")
        }
        return d
    }

    /// The facet variable's levels (as a factor's, or sorted) and each row's 1-based code.
    func facetCodes(_ formula: Expr, _ data: RValue) throws -> ([String], [Int]) {
        // `~ g` or `vars(g)`: the one variable to split by.
        var e = formula
        if case .call(let c) = e, c.functionName == "~" || c.functionName == "vars", let last = c.arguments.last { e = last.value }
        let mask = ModelMatrix.mask(data, env: env)
        let value: RValue
        do { value = try interpreter.eval(e, mask) } catch let err as RError {
            throw RError("At least one layer must contain all faceting variables: `\(Deparser.deparse(e))`.\n\u{2716} \(err.message)")
        }
        guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(value), case .integer(let codes) = f.storage else {
            throw RError("cannot facet by \(Deparser.deparse(e))")
        }
        let levels = f.levels ?? []
        // Levels without rows get no panel (facet_wrap's drop = TRUE).
        let used = Set(codes)
        let kept = levels.indices.filter { used.contains($0 + 1) }
        let renumber = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1 + 1, $0 + 1) })
        return (kept.map { levels[$0] }, codes.map { renumber[$0] ?? 0 })
    }

    /// scale_colour_manual's values: by level name when named, else in level order.
    func manualPalette(_ values: RVector, levels: [String]) throws -> [Colour] {
        let colours = Coerce.strings(values).map { $0 ?? "" }
        let names = values.names?.map { $0 ?? "" }
        guard (names.map { n in levels.allSatisfy { n.contains($0) } } ?? (colours.count >= levels.count)) else {
            throw RError("Insufficient values in manual scale. \(levels.count) needed but only \(colours.count) provided.")
        }
        return try levels.enumerated().map { k, level in
            let text = names.flatMap { n in n.firstIndex(of: level).map { colours[$0] } } ?? colours[k]
            guard let colour = Colour(name: text) ?? Colour(hex: text) else { throw RError("Unknown colour name: \(text)") }
            return colour
        }
    }

    /// Drops the rows outside the scale limits (ggplot2 turns them into NA and removes them);
    /// returns how many went.
    func censor(_ aes: inout Aesthetics, _ limits: [String: ClosedRange<Double>]) -> Int {
        guard !limits.isEmpty else { return 0 }
        let keep = aes.x.indices.filter { i in
            (limits["x"]?.contains(aes.x[i]) ?? true) && (limits["y"]?.contains(aes.y[i]) ?? true)
        }
        guard keep.count < aes.x.count else { return 0 }
        let removed = aes.x.count - keep.count
        aes.x = keep.map { aes.x[$0] }
        aes.y = keep.map { aes.y[$0] }
        if let g = aes.group { aes.group = keep.map { g[$0] } }
        return removed
    }

    /// The plot's mapping with the layer's on top.
    func merged(_ base: RValue, _ layer: RValue?) -> [String: Expr] {
        var out: [String: Expr] = [:]
        for source in [base, layer ?? .null] {
            let (values, names) = ApplyLibrary.elements(source)
            for (k, n) in (names ?? []).enumerated() { if let n, case .language(let l) = values[k] { out[n] = l.expr } }
        }
        return out
    }

    func expressionLabel(_ mapping: RValue, _ name: String) -> String? {
        merged(mapping, nil)[name].map { Deparser.deparse($0) }
    }

    /// Evaluates x, y and colour in a data mask over the data frame's columns.
    func evaluate(_ mapping: [String: Expr], in data: RValue, geom: String, continuousAxes: Set<String> = []) throws -> (Aesthetics, [String]?) {
        let mask = Environment(parent: env)
        let (columns, names) = ApplyLibrary.elements(data)
        for (k, n) in (names ?? []).enumerated() { if let n { mask.set(n, columns[k]) } }
        var aes = Aesthetics()
        var levels: [String]?
        for axis in ["x", "y"] {
            guard let e = mapping[axis] else { throw RError("geom_\(geom)() requires the following missing aesthetics: \(axis)") }
            let v: RValue
            do { v = try interpreter.eval(e, mask) } catch let err as RError {
                throw RError("Problem while computing aesthetics.\n\u{2139} Error occurred in the 1st layer.\nCaused by error in `FUN()`:\n! \(err.message)")
            }
            guard case .vector(let vec) = v else { throw RError("Discrete value supplied to continuous scale") }
            if vec.isFactor || vec.storage.rank > 2 {
                if continuousAxes.contains(axis) || geom == "smooth" { throw RError("Discrete value supplied to continuous scale") }
                guard axis == "x", case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(v), case .integer(let codes) = f.storage else {
                    throw RError("a discrete \(axis) axis (factor or text) is not drawn yet")
                }
                // A discrete x: levels at 1, 2, ..., as ggplot2 places them.
                aes.x = codes.map { $0 == NAInteger ? .nan : Double($0) }
                aes.xLevels = f.levels ?? []
                continue
            }
            guard let d = Coerce.doubles(vec) else { throw RError("Discrete value supplied to continuous scale") }
            if axis == "x" { aes.x = d } else { aes.y = d }
        }
        if let e = mapping["colour"] ?? mapping["group"] {
            let v = try interpreter.eval(e, mask)
            guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(v), case .integer(let codes) = f.storage else {
                throw RError("Continuous value supplied to discrete scale")
            }
            aes.group = codes.map { $0 == NAInteger ? -1 : $0 - 1 }
            if mapping["colour"] != nil { levels = f.levels }
        }
        return (aes, levels)
    }

    /// position_jitter: 40% of the data's resolution unless given, drawn with runif from the
    /// session's stream, x first, as ggplot2 does through base::jitter.
    func jitter(_ x: [Double], _ y: [Double], _ position: RValue?) -> ([Double], [Double]) {
        let width = position.flatMap { GgplotLibrary.field($0, "width")?.doubleValue } ?? 0.4 * resolution(x)
        let height = position.flatMap { GgplotLibrary.field($0, "height")?.doubleValue } ?? 0.4 * resolution(y)
        let random = interpreter.random
        // runif(n, -a, a) is -a + (a - -a) * u, in that order of operations.
        let jx = width > 0 ? x.map { $0 + (-width + (width + width) * random.unifRand()) } : x
        let jy = height > 0 ? y.map { $0 + (-height + (height + height) * random.unifRand()) } : y
        return (jx, jy)
    }

    /// ggplot2's resolution(x, zero = FALSE): the smallest gap between distinct values (1 for integers).
    func resolution(_ x: [Double]) -> Double {
        let finite = x.filter(\.isFinite)
        if finite.allSatisfy({ $0 == $0.rounded() }) { return 1 }
        let sorted = Array(Set(finite)).sorted()
        let gaps = zip(sorted, sorted.dropFirst()).map { $1 - $0 }
        return gaps.min() ?? 1
    }

    /// stat_smooth(method = "lm"): a straight line per group at 80 points across the group's
    /// x range, with a 95% confidence band from t quantiles.
    func smooth(_ aes: Aesthetics) throws -> (x: [Double], fitted: [Double], lower: [Double], upper: [Double], group: [Int]?) {
        var xs: [Double] = [], fits: [Double] = [], lows: [Double] = [], highs: [Double] = [], groups: [Int] = []
        for (g, idx) in PlotRenderer.groupsOf(aes.group, count: aes.x.count) {
            let pairs = idx.map { (aes.x[$0], aes.y[$0]) }.filter { $0.0.isFinite && $0.1.isFinite }
            let n = Double(pairs.count)
            guard pairs.count > 2 else { continue }
            let mx = pairs.map(\.0).reduce(0, +) / n, my = pairs.map(\.1).reduce(0, +) / n
            let sxx = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
            let sxy = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
            guard sxx > 0 else { continue }
            let slope = sxy / sxx, intercept = my - slope * mx
            let rss = pairs.reduce(0) { $0 + pow($1.1 - intercept - slope * $1.0, 2) }
            let sigma = (rss / (n - 2)).squareRoot()
            let t = qt(0.975, n - 2, 1, 0)
            let lo = pairs.map(\.0).min() ?? 0, hi = pairs.map(\.0).max() ?? 0
            for k in 0..<80 {
                let x0 = lo + (hi - lo) * Double(k) / 79
                let fit = intercept + slope * x0
                let se = sigma * (1 / n + (x0 - mx) * (x0 - mx) / sxx).squareRoot()
                xs.append(x0); fits.append(fit); lows.append(fit - t * se); highs.append(fit + t * se); groups.append(g)
            }
        }
        return (xs, fits, lows, highs, aes.group == nil ? nil : groups)
    }
}

import Foundation
