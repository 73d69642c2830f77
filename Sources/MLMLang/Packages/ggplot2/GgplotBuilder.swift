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
        /// The levels of a discrete x or y (a factor or text), its values then being positions 1, 2, ...
        var xLevels: [String]?
        var yLevels: [String]?
        /// Mapped shape and linetype: each row's level (0-based) and the levels.
        var shape: [Int]?
        var shapeLevels: [String]?
        var linetype: [Int]?
        var linetypeLevels: [String]?
        /// Mapped size: each row's value.
        var size: [Double]?
        /// A Date or POSIXct x or y: positions are days or seconds, the axis a date scale.
        var xTime: GgplotDateScale.Kind?
        var yTime: GgplotDateScale.Kind?
    }

    /// Renders the plot and shows it as the chunk's (or script's) figure.
    func draw(_ plot: RValue) throws {
        let (svg, out) = try render(plot)
        interpreter.emit(.plot(svg: svg, width: out.width, height: out.height))
    }

    /// The plot as an SVG document, `width` x `height` inches when given.
    func render(_ plot: RValue, width: Double? = nil, height: Double? = nil) throws -> (String, Plot) {
        let data = ListFields.field(plot, "data") ?? .null
        let mapping = ListFields.field(plot, "mapping") ?? .list([])
        let layers = ApplyLibrary.elements(ListFields.field(plot, "layers") ?? .list([])).0
        var labels: [String: String] = [:]
        let (labelValues, labelNames) = ApplyLibrary.elements(ListFields.field(plot, "labels") ?? .list([]))
        for (k, n) in (labelNames ?? []).enumerated() { if let n, let s = labelValues[k].stringValue { labels[n] = s } }

        var out = Plot()
        (out.width, out.height) = interpreter.figureSize
        // theme_set()'s theme first; the plot's own theme is applied over it below.
        if let current = interpreter.ggplotCurrentTheme { GgplotTheme.apply(current, to: &out) }
        out.xLabel = labels["x"] ?? expressionLabel(mapping, "x") ?? ""
        out.yLabel = labels["y"] ?? expressionLabel(mapping, "y") ?? ""
        out.title = labels["title"]
        // scale_x_continuous / scale_y_continuous: a name beats labs(), limits censor the data.
        var limits: [String: ClosedRange<Double>] = [:]
        var manualColours: RValue?
        var colourPalette: (String, Bool)?, fillPalette: (String, Bool)?
        var discreteLabels: [String: [String]] = [:]
        var facet: Expr?
        var facetGrid = false, gridRows: Expr?, gridColumns: Expr?
        var continuousAxes: Set<String> = []
        var dateScales: [String: RValue] = [:]
        for scale in ApplyLibrary.elements(ListFields.field(plot, "scales") ?? .list([])).0 {
            if scale.inherits("ScaleContinuousDate") || scale.inherits("ScaleContinuousDatetime") {
                // scale_x_date(), scale_x_datetime(): the axis title here, breaks and labels when drawn.
                guard let axis = ListFields.field(scale, "aesthetic")?.stringValue else { continue }
                dateScales[axis] = scale
                if let name = ListFields.field(scale, "name")?.stringValue {
                    if axis == "x" { out.xLabel = name } else { out.yLabel = name }
                }
                continue
            }
            if scale.inherits("FacetGrid") {
                if case .language(let r)? = ListFields.field(scale, "rows") { gridRows = r.expr }
                if case .language(let c)? = ListFields.field(scale, "cols") { gridColumns = c.expr }
                facetGrid = true
                continue
            }
            if scale.inherits("Facet") {
                if case .language(let f)? = ListFields.field(scale, "facets") { facet = f.expr }
                out.facetWrapRows = ListFields.field(scale, "nrow")?.scalarDouble().map { Int($0) }
                out.facetWrapColumns = ListFields.field(scale, "ncol")?.scalarDouble().map { Int($0) }
                continue
            }
            if scale.inherits("theme") {
                GgplotTheme.apply(scale, to: &out)
                continue
            }
            guard let axis = ListFields.field(scale, "aesthetic")?.stringValue else { continue }
            if axis == "coord" {
                out.xView = ListFields.field(scale, "xlim")?.asVector?.doubles.map { $0[0]...$0[1] }
                out.yView = ListFields.field(scale, "ylim")?.asVector?.doubles.map { $0[0]...$0[1] }
                out.unitRatio = ListFields.field(scale, "ratio")?.doubleValue
                continue
            }
            if ListFields.field(scale, "discrete")?.logicalValue == true {
                // scale_x_discrete, scale_shape: a name for the axis or legend, labels for the levels.
                if let name = ListFields.field(scale, "name")?.stringValue {
                    if axis == "x" { out.xLabel = name } else if axis == "y" { out.yLabel = name } else { labels[axis] = name }
                }
                if let given = ListFields.field(scale, "labels")?.asVector { discreteLabels[axis] = Coerce.strings(given).map { $0 ?? "NA" } }
                continue
            }
            if let palette = ListFields.field(scale, "palette")?.stringValue {
                let reversed = ListFields.field(scale, "reversed")?.logicalValue ?? false
                if axis == "fill" { fillPalette = (palette, reversed) } else { colourPalette = (palette, reversed) }
                if let name = ListFields.field(scale, "name")?.stringValue { labels[axis] = name }
                continue
            }
            if axis == "colour" {
                manualColours = ListFields.field(scale, "values")
                if let name = ListFields.field(scale, "name")?.stringValue { labels["colour"] = name }
                continue
            }
            let name = ListFields.field(scale, "name")?.stringValue
            let breaks = ListFields.field(scale, "breaks")?.asVector?.doubles
            let range = ListFields.field(scale, "limits")?.asVector?.doubles.map { $0[0]...$0[1] }
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
        var colourLevels: [String]?, shapeLevels: [String]?, linetypeLevels: [String]?
        // The size scale's range over every layer and panel, before any is built.
        var sizeRange: ClosedRange<Double>?
        for layer in layers {
            let layerMapping = merged(mapping, ListFields.field(layer, "mapping"))
            guard layerMapping["size"] != nil else { continue }
            let layerData = ListFields.field(layer, "data").flatMap { $0.isNullValue ? nil : $0 } ?? data
            let geom = ListFields.field(layer, "geom")?.stringValue ?? "point"
            guard case .vector(let v) = try aesthetic("size", layerMapping, layerData, geom: geom),
                  let values = Coerce.doubles(v)?.filter(\.isFinite), let lo = values.min(), let hi = values.max() else { continue }
            sizeRange = sizeRange.map { min($0.lowerBound, lo)...max($0.upperBound, hi) } ?? lo...hi
        }
        // Every layer over some data: the whole plot's, or one facet's rows.
        func buildLayers(_ panelData: RValue, first: Bool) throws -> [Plot.Layer] {
            var built: [Plot.Layer] = []
            for original in layers {
                var layer = original
                var geom = ListFields.field(layer, "geom")?.stringValue ?? "point"
                var layerData = ListFields.field(layer, "data").flatMap { $0.isNullValue ? nil : $0 } ?? panelData
                var layerMapping = merged(mapping, ListFields.field(layer, "mapping"))
                if geom == "summary" {
                    // stat_summary: the summaries per x drawn by the layer's geom.
                    (layer, geom, layerData, layerMapping) = try summarised(layer, layerMapping, layerData, first: first)
                }
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
                if let levels = aes.shapeLevels { shapeLevels = levels }
                if let levels = aes.linetypeLevels { linetypeLevels = levels }

            if let xLevels = aes.xLevels { try useDiscreteX(xLevels, &out) }
            if let kind = aes.xTime, out.xTicks == nil { out.xTicks = try GgplotDateScale.ticks(kind, settings: dateScales["x"]) }
            if let kind = aes.yTime, out.yTicks == nil { out.yTicks = try GgplotDateScale.ticks(kind, settings: dateScales["y"]) }
            if let yLevels = aes.yLevels {
                // Points, jitter, lines and paths place a discrete y; the other geoms compute y.
                guard ["point", "jitter", "line", "path"].contains(geom) else { throw RError("Discrete value supplied to continuous scale") }
                if let existing = out.yLevels, existing != yLevels { throw RError("Discrete value supplied to continuous scale") }
                out.yLevels = yLevels
            }
                let alpha = ListFields.field(layer, "alpha")?.doubleValue ?? 1
                let size = ListFields.field(layer, "size")?.doubleValue ?? 1.5
                switch geom {
                case "point", "jitter":
                    var (x, y) = (aes.x, aes.y)
                    let position = ListFields.field(layer, "position")
                    if geom == "jitter" || position?.inherits("PositionJitter") == true {
                        (x, y) = jitter(x, y, position)
                    } else if let position, position.inherits("PositionDodge") {
                        if let width = ListFields.field(position, "width")?.doubleValue {
                            x = dodge(x, aes.group, width: width)
                        } else {
                            interpreter.warning("Width not defined. Set with `position_dodge(width = ...)`", call: nil)
                        }
                    }
                    // ggplot2 colours points only by a colour mapping or a fixed colour; `group` alone
                    // leaves them black.
                    let fixed = (ListFields.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) ?? Colour(hex: $0) }
                    let colour = layerMapping["colour"] == nil ? fixed ?? Colour(red: 0, green: 0, blue: 0) : nil
                    built.append(.points(x: x, y: y, group: aes.group, alpha: alpha, size: size,
                                         shapes: aes.shape, sizes: aes.size.map { scaledSizes($0, range: sizeRange) }, colour: colour))
                case "line", "path":
                    // ggplot2 draws lines black unless colour is mapped; `group` alone only splits them.
                    let colour = layerMapping["colour"] == nil ? Colour(red: 0, green: 0, blue: 0, alpha: alpha) : nil
                    // A linetype of another variable than the colour splits the lines further.
                    var split = aes.group, colourIndex: [Int]?
                    if let linetype = aes.linetype, layerMapping["linetype"].map(Deparser.deparse) != layerMapping["colour"].map(Deparser.deparse) {
                        split = interaction(aes.group, linetype)
                        colourIndex = layerMapping["colour"] == nil ? nil : aes.group
                    }
                    built.append(.lines(x: aes.x, y: aes.y, group: split, width: 1.07, colour: colour,
                                        colourIndex: colourIndex, linetypes: aes.linetype))
                case "smooth":
                    // method = NULL: loess below 1,000 points in the largest group, else mgcv's gam.
                    let given = ListFields.field(layer, "method")?.stringValue
                    let largest = PlotRenderer.groupsOf(aes.group, count: aes.x.count).map(\.1.count).max() ?? 0
                    let method = given ?? (largest < 1000 ? "loess" : "gam")
                    guard method == "lm" || method == "loess" else {
                        throw RError("geom_smooth(method = \"\(method)\") is not drawn yet; method = \"lm\" and \"loess\" are")
                    }
                    if ListFields.field(layer, "formula") == nil && first {
                        let text = given == nil ? "method = '\(method)' and formula = 'y ~ x'" : "formula = 'y ~ x'"
                        try interpreter.signalMessage("`geom_smooth()` using \(text)\n", call: nil)
                    }
                    let se = ListFields.field(layer, "se")?.logicalValue ?? true
                    // span = NA reaches loess as NaN, which R's loess reports.
                    let span = ListFields.field(layer, "span").map { $0.scalarDouble() ?? .nan } ?? 0.75
                    let fit = method == "lm" ? try smooth(aes) : try loess(aes, span: span)
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
        if facetGrid {
            // facet_grid: a panel for every row level and column level, empty ones included.
            func side(_ e: Expr?) throws -> ([String], [Int]) {
                guard let e else { return ([""], [Int](repeating: 1, count: data.asVector.map { DataFrameShape.rowCount($0) } ?? 0)) }
                return try facetCodes(e, data)
            }
            let (rowLevels, rowCodes) = try side(gridRows), (columnLevels, columnCodes) = try side(gridColumns)
            var panels: [(label: String, layers: [Plot.Layer])] = []
            for r in rowLevels.indices {
                for c in columnLevels.indices {
                    let rows = rowCodes.indices.filter { rowCodes[$0] == r + 1 && columnCodes[$0] == c + 1 }.map { $0 + 1 }
                    let subset = Call(.symbol("["), [Argument(.constant(data)), Argument(.constant(.integer(rows))),
                                                     Argument(.missingArgument), Argument(name: "drop", .constant(.scalar(false)))])
                    panels.append(("", try buildLayers(try interpreter.eval(.call(subset), env), first: panels.isEmpty)))
                }
            }
            out.facets = panels
            out.facetGrid = (rows: gridRows == nil ? [] : rowLevels, columns: gridColumns == nil ? [] : columnLevels)
        } else if let facet {
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
        if let title = labels["fill"], let legend = out.fillLegend { out.fillLegend = (title, legend.levels, legend.boxes) }
        if let (palette, reversed) = fillPalette, let legend = out.fillLegend {
            out.fillPalette = try GgplotLibrary.paletteColours(palette, count: legend.levels.count, reversed: reversed)
        }
        if let levels = shapeLevels { out.shapeLegend = (labels["shape"] ?? expressionLabel(mapping, "shape") ?? "shape", levels) }
        if let levels = linetypeLevels {
            out.linetypeLegend = (labels["linetype"] ?? expressionLabel(mapping, "linetype") ?? "linetype", levels)
        }
        if let range = sizeRange {
            let breaks = Breaks.extended(range.lowerBound, range.upperBound).filter { range.contains($0) }
            out.sizeLegend = (labels["size"] ?? expressionLabel(mapping, "size") ?? "size", Breaks.labels(breaks),
                              scaledSizes(breaks, range: range))
        }
        if let levels = colourLevels {
            out.colourLegend = (labels["colour"] ?? expressionLabel(mapping, "colour") ?? "colour", levels)
            if let manual = manualColours?.asVector { out.palette = try manualPalette(manual, levels: levels) }
            if let (palette, reversed) = colourPalette {
                out.palette = try GgplotLibrary.paletteColours(palette, count: levels.count, reversed: reversed)
            }
        }
        // Labels given to a discrete scale replace its levels' names where they are shown.
        func relabel(_ levels: [String]?, _ axis: String) throws -> [String]? {
            guard let levels, let given = discreteLabels[axis] else { return levels }
            guard given.count == levels.count else { throw RError("`breaks` and `labels` must have the same length") }
            return given
        }
        out.xLevels = try relabel(out.xLevels, "x")
        out.yLevels = try relabel(out.yLevels, "y")
        if let legend = out.shapeLegend { out.shapeLegend = (legend.title, try relabel(legend.levels, "shape") ?? legend.levels) }
        if let width { out.width = width }
        if let height { out.height = height }
        interpreter.figureCounter += 1
        return (PlotRenderer.render(out, id: "figure-\(interpreter.figureCounter)"), out)
    }

    /// position_dodge(width): at each x, the groups present side by side across `width`, in
    /// group order: x + width ((i − 0.5) / n − 0.5) for the i-th of n groups there.
    func dodge(_ x: [Double], _ group: [Int]?, width: Double) -> [Double] {
        guard let group else { return x }
        var groupsAt: [Double: [Int]] = [:]
        for (v, g) in zip(x, group) where !(groupsAt[v]?.contains(g) ?? false) { groupsAt[v, default: []].append(g) }
        return zip(x, group).map { v, g in
            let present = (groupsAt[v] ?? [g]).sorted()
            let i = Double((present.firstIndex(of: g) ?? 0) + 1), n = Double(present.count)
            return v + width * ((i - 0.5) / n - 0.5)
        }
    }

    /// scale_size's area palette: values rescaled to [0, 1] over the scale's range, then
    /// sizes 1 + 5 √r (range c(1, 6)), so that a point's area grows with its value.
    func scaledSizes(_ values: [Double], range: ClosedRange<Double>?) -> [Double] {
        // Without a finite range every point takes the middle of the range, as for one value.
        guard let range else { return values.map { _ in 3.5 } }
        let span = range.upperBound - range.lowerBound
        return values.map { v in
            let r = span > 0 ? (v - range.lowerBound) / span : 0.5
            return 1 + 5 * max(0, min(1, r)).squareRoot()
        }
    }

    /// Codes of each row's pair of levels, in order of first appearance, for splitting lines by
    /// two mappings.
    func interaction(_ a: [Int]?, _ b: [Int]) -> [Int] {
        var codes: [String: Int] = [:]
        return b.indices.map { i in
            let key = "\(a?[i] ?? 0):\(b[i])"
            if let code = codes[key] { return code }
            codes[key] = codes.count
            return codes.count - 1
        }
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
        // Every per-row aesthetic loses the same rows, so that they stay aligned.
        if let g = aes.group { aes.group = keep.map { g[$0] } }
        if let v = aes.shape { aes.shape = keep.map { v[$0] } }
        if let v = aes.linetype { aes.linetype = keep.map { v[$0] } }
        if let v = aes.size { aes.size = keep.map { v[$0] } }
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
        var aes = Aesthetics()
        var levels: [String]?
        for axis in ["x", "y"] {
            let v = try aesthetic(axis, mapping, data, geom: geom)
            guard case .vector(let vec) = v else { throw RError("Discrete value supplied to continuous scale") }
            if vec.isFactor || vec.storage.rank > 2 {
                if continuousAxes.contains(axis) || geom == "smooth" { throw RError("Discrete value supplied to continuous scale") }
                guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(v), case .integer(let codes) = f.storage else {
                    throw RError("Discrete value supplied to continuous scale")
                }
                // A discrete axis: levels at 1, 2, ..., as ggplot2 places them.
                let positions = codes.map { $0 == NAInteger ? Double.nan : Double($0) }
                if axis == "x" { aes.x = positions; aes.xLevels = f.levels ?? [] } else { aes.y = positions; aes.yLevels = f.levels ?? [] }
                continue
            }
            guard let d = Coerce.doubles(vec) else { throw RError("Discrete value supplied to continuous scale") }
            if axis == "x" { aes.x = d; aes.xTime = GgplotDateScale.kind(of: vec) } else { aes.y = d; aes.yTime = GgplotDateScale.kind(of: vec) }
        }
        if let name = mapping["colour"] != nil ? "colour" : (mapping["group"] != nil ? "group" : nil) {
            let (codes, colourLevels) = try discrete(name, mapping, data, geom: geom)
            aes.group = codes
            if name == "colour" { levels = colourLevels }
        }
        for name in ["shape", "linetype"] where mapping[name] != nil {
            // ggplot2 has no continuous scale for these: numbers are refused, not made levels.
            if case .vector(let raw) = try aesthetic(name, mapping, data, geom: geom), !raw.isFactor,
               raw.storage.rank == 1 || raw.storage.rank == 2 {
                throw RError("Problem while computing aesthetics.\n\u{2139} Error occurred in the 1st layer.\nCaused by error in `scale_f()`:\n"
                             + "! A continuous variable cannot be mapped to the \(name) aesthetic")
            }
            let (codes, mappedLevels) = try discrete(name, mapping, data, geom: geom)
            if name == "shape" { (aes.shape, aes.shapeLevels) = (codes, mappedLevels) }
            else { (aes.linetype, aes.linetypeLevels) = (codes, mappedLevels) }
        }
        if mapping["size"] != nil {
            guard case .vector(let v) = try aesthetic("size", mapping, data, geom: geom), !v.isFactor,
                  v.storage.rank <= 2, let values = Coerce.doubles(v) else {
                throw RError("Discrete values supplied to continuous scale")
            }
            aes.size = values
        }
        return (aes, levels)
    }

    /// A discrete mapped aesthetic (colour, group, shape, linetype, fill): each row's level,
    /// 0-based (-1 for NA), and the levels, a factor's own or text and numbers sorted.
    func discrete(_ name: String, _ mapping: [String: Expr], _ data: RValue, geom: String) throws -> (codes: [Int], levels: [String]) {
        guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(try aesthetic(name, mapping, data, geom: geom)),
              case .integer(let codes) = f.storage else {
            throw RError("Continuous value supplied to discrete scale")
        }
        return (codes.map { $0 == NAInteger ? -1 : $0 - 1 }, f.levels ?? [])
    }

    /// One mapped aesthetic evaluated among the data's columns, a single value recycled to
    /// every row; any other length is ggplot2's error.
    func aesthetic(_ name: String, _ mapping: [String: Expr], _ data: RValue, geom: String) throws -> RValue {
        guard let e = mapping[name] else { throw RError("geom_\(geom)() requires the following missing aesthetics: \(name)") }
        let v: RValue
        do { v = try interpreter.eval(e, ModelMatrix.mask(data, env: env)) } catch let err as RError {
            throw RError("Problem while computing aesthetics.\n\u{2139} Error occurred in the 1st layer.\nCaused by error in `FUN()`:\n! \(err.message)")
        }
        // Without a data frame, the layer is as long as its longest aesthetic, as in ggplot2.
        var rows = v.length
        if case .vector(let frame) = data, frame.classes?.contains("data.frame") == true {
            rows = DataFrameShape.rowCount(frame)
        } else {
            let mask = ModelMatrix.mask(data, env: env)
            for other in mapping.values { rows = max(rows, ((try? interpreter.eval(other, mask)) ?? .null).length) }
        }
        guard case .vector(let vec) = v, vec.count != rows else { return v }
        guard vec.count == 1 else {
            throw RError("Problem while computing aesthetics.\n\u{2139} Error occurred in the 1st layer.\nCaused by error in `check_aesthetics()`:\n"
                         + "! Aesthetics must be either length 1 or the same as the data (\(rows))\n\u{2716} Fix the following mappings: `\(name)`")
        }
        return .vector(RVector(IndexingLibrary.select(vec.storage, [Int?](repeating: 0, count: rows)), attributes: vec.attributes))
    }

    /// position_jitter: 40% of the data's resolution unless given, drawn with runif from the
    /// session's stream, x first, as ggplot2 does through base::jitter.
    func jitter(_ x: [Double], _ y: [Double], _ position: RValue?) -> ([Double], [Double]) {
        let width = position.flatMap { ListFields.field($0, "width")?.doubleValue } ?? 0.4 * resolution(x)
        let height = position.flatMap { ListFields.field($0, "height")?.doubleValue } ?? 0.4 * resolution(y)
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

    /// stat_smooth(method = "loess"): the local quadratic smooth per group at 80 points across
    /// the group's x range, with its 95% band.
    /// A group whose loess cannot be computed is left out with ggplot2's warning, in the words
    /// of R's loess.
    func loess(_ aes: Aesthetics, span: Double) throws -> (x: [Double], fitted: [Double], lower: [Double], upper: [Double], group: [Int]?) {
        var xs: [Double] = [], fits: [Double] = [], lows: [Double] = [], highs: [Double] = [], groups: [Int] = []
        func failed(_ reason: String) {
            interpreter.warning("Computation failed in `stat_smooth()`\nCaused by error in `simpleLoess()`:\n! \(reason)", call: nil)
        }
        guard span.isFinite else {
            failed("NA/NaN/Inf in foreign function call (arg 7)")
            return ([], [], [], [], aes.group == nil ? nil : [])
        }
        for (g, idx) in PlotRenderer.groupsOf(aes.group, count: aes.x.count) {
            let pairs = idx.map { (aes.x[$0], aes.y[$0]) }.filter { $0.0.isFinite && $0.1.isFinite }
            guard let lo = pairs.map(\.0).min(), let hi = pairs.map(\.0).max(), hi > lo else { continue }
            let grid = (0..<80).map { lo + (hi - lo) * Double($0) / 79 }
            let smoother = LoessSmoother(x: pairs.map(\.0), y: pairs.map(\.1), span: span)
            guard let fit = smoother.fit(at: grid) else {
                failed("span is too small")
                continue
            }
            for k in grid.indices {
                xs.append(grid[k]); fits.append(fit.fitted[k]); groups.append(g)
                lows.append(fit.fitted[k] - fit.halfWidth[k]); highs.append(fit.fitted[k] + fit.halfWidth[k])
            }
        }
        return (xs, fits, lows, highs, aes.group == nil ? nil : groups)
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
