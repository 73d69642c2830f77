import CRmath
import Graphics

/// The layers whose statistics ggplot2 computes from the data rather than drawing x and y as
/// they are: reference lines, QQ plots, histograms, densities, bars and columns, box plots,
/// error bars and point ranges; and the discrete x axis they may bring.
extension GgplotBuilder {
    /// The drawing of one such layer (nil for the ordinary geoms that draw x and y as given).
    func specialLayer(_ geom: String, _ layer: RValue, _ mapping: [String: Expr], _ data: RValue, _ out: inout Plot) throws -> [Plot.Layer]? {
        let black = Colour(red: 0, green: 0, blue: 0)
        func parameter(_ name: String) -> Double? { ListFields.field(layer, name)?.doubleValue }
        let colour = (ListFields.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) } ?? black
        // ggplot2's linewidth is in mm; grid draws it as lwd (1/96 in), which is 0.75 pt.
        let width = (parameter("linewidth") ?? parameter("size") ?? 0.5) * 72.27 / 25.4 * 0.75
        switch geom {
        case "hline", "vline", "abline":
            // A reference line per row where its position is mapped from the layer's data
            // (aes(intercept = ..., slope = ...)), else one from the fixed parameters.
            let names = geom == "hline" ? ["yintercept"] : geom == "vline" ? ["xintercept"] : ["intercept", "slope"]
            var columns: [String: [Double]] = [:]
            for name in names where mapping[name] != nil { columns[name] = try numeric(name, mapping, data, geom: geom) }
            let rows = columns.values.map(\.count).max() ?? 1
            func value(_ name: String, _ row: Int, default fallback: Double?) throws -> Double {
                if let column = columns[name] { return column.isEmpty ? .nan : column[row % column.count] }
                if let fixed = parameter(name) ?? fallback { return fixed }
                throw RError("geom_\(geom)() requires the following missing aesthetics: \(name)")
            }
            return try (0..<rows).compactMap { row -> Plot.Layer? in
                switch geom {
                case "hline":
                    let y = try value("yintercept", row, default: nil)
                    return y.isFinite ? .reference(intercept: y, slope: 0, vertical: nil, colour: colour, width: width) : nil
                case "vline":
                    let x = try value("xintercept", row, default: nil)
                    return x.isFinite ? .reference(intercept: 0, slope: 0, vertical: x, colour: colour, width: width) : nil
                default:
                    let a = try value("intercept", row, default: 0), b = try value("slope", row, default: 1)
                    return a.isFinite && b.isFinite ? .reference(intercept: a, slope: b, vertical: nil, colour: colour, width: width) : nil
                }
            }
        case "segment", "ribbon":
            // Each aesthetic from the mapping, or a fixed value given to the layer.
            let needed = geom == "segment" ? ["x", "y", "xend", "yend"] : ["x", "ymin", "ymax"]
            for mapped in ["colour", "fill", "group", "linetype", "alpha"] where mapping[mapped] != nil {
                throw RError("geom_\(geom)(aes(\(mapped) = )) is not drawn yet")
            }
            let missing = needed.filter { mapping[$0] == nil && parameter($0) == nil }
            guard missing.isEmpty else {
                let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing.last!
                throw RError("`geom_\(geom)()` requires the following missing aesthetics: \(list)")
            }
            let columns = try needed.map { name in
                mapping[name] != nil ? try numeric(name, mapping, data, geom: geom) : [parameter(name)!]
            }
            let rows = columns.map(\.count).max() ?? 0
            let complete = (0..<rows).filter { i in columns.allSatisfy { !$0.isEmpty && $0[i % $0.count].isFinite } }
            func at(_ j: Int, _ i: Int) -> Double { columns[j][i % columns[j].count] }
            let alpha = parameter("alpha") ?? 1
            if geom == "segment" {
                // One two-point line per row, black unless a colour is given.
                var line = colour
                line.alpha = alpha
                return [.lines(x: complete.flatMap { [at(0, $0), at(2, $0)] }, y: complete.flatMap { [at(1, $0), at(3, $0)] },
                               group: complete.indices.flatMap { [$0, $0] }, width: width, colour: line)]
            }
            // The band between ymin and ymax along x (sorted), filled grey20 unless a fill is given.
            let order = complete.sorted { at(0, $0) < at(0, $1) }
            let fillName = ListFields.field(layer, "fill")?.stringValue ?? "grey20"
            guard var fill = Colour(name: fillName) ?? Colour(hex: fillName) else { throw RError("Unknown colour name: \(fillName)") }
            fill.alpha = alpha
            return [.ribbon(x: order.map { at(0, $0) }, ymin: order.map { at(1, $0) }, ymax: order.map { at(2, $0) },
                            group: nil, fill: fill)]
        case "qq", "qq_line":
            // stat_qq: sorted sample against normal quantiles at ppoints(n); stat_qq_line: the
            // line through the first and third quartiles.
            let sample = try numeric("sample", mapping, data, geom: geom).filter { !$0.isNaN }.sorted()
            let theoretical = Summaries.normalScores(sample.count)
            if out.xLabel.isEmpty { out.xLabel = "x" }
            if out.yLabel.isEmpty { out.yLabel = "y" }
            if geom == "qq" {
                return [.points(x: theoretical, y: sample, group: nil, alpha: parameter("alpha") ?? 1, size: parameter("size") ?? 1.5)]
            }
            guard !sample.isEmpty else { return [] }
            let line = Summaries.quartileLine(sample)
            let ends = [theoretical.first ?? 0, theoretical.last ?? 0]
            return [.lines(x: ends, y: ends.map { line.intercept + line.slope * $0 }, group: nil, width: width, colour: colour)]
        case "histogram":
            // stat_bin: equal-width bins, (a, b] with the first closed, as ggplot2 3.4 draws them.
            let allX = try numeric("x", mapping, data, geom: geom)
            // A mapped fill: each row's level, the bins then stacked by level (first on top).
            let fillCodes = try mappedFill(mapping, data, geom: geom, rows: allX.count, boxes: false, &out)
            let kept = allX.indices.filter { allX[$0].isFinite }
            let x = kept.map { allX[$0] }, rowFill = kept.map { fillCodes[$0] }
            guard let lo = x.min(), let hi = x.max() else { return [] }
            let binwidth = parameter("binwidth")
            let bins = try ListFields.field(layer, "bins").map { value -> Int in
                guard let b = value.doubleValue, b.isFinite, b >= 1, b <= 1e6 else {
                    throw RError("`bins` must be a whole number between 1 and 1,000,000")
                }
                return Int(b)
            }
            if binwidth == nil && bins == nil {
                try interpreter.signalMessage("`stat_bin()` using `bins = 30`. Pick better value with `binwidth`.\n", call: nil)
            }
            var width: Double, boundary: Double
            if let binwidth {
                guard binwidth > 0, binwidth.isFinite else { throw RError("`binwidth` must be positive") }
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
            let levels = Array(Set(rowFill)).sorted()
            var counts = [[Double]](repeating: [Double](repeating: 0, count: breaks.count - 1), count: levels.count)
            for (v, level) in zip(x, rowFill) {
                let l = levels.firstIndex(of: level) ?? 0
                for i in 0..<(breaks.count - 1) {
                    let left = i == 0 ? breaks[i] - fuzz : breaks[i] + fuzz, right = breaks[i + 1] + fuzz
                    if v > left && v <= right { counts[l][i] += 1; break }
                }
            }
            if out.yLabel.isEmpty { out.yLabel = "count" }
            let fill = (ListFields.field(layer, "fill")?.stringValue).flatMap { Colour(name: $0) } ?? Colour(name: "grey35")!
            let stroke = (ListFields.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) }
            // position_stack: the last level at the bottom of each bin.
            var x0: [Double] = [], x1: [Double] = [], y0: [Double] = [], y1: [Double] = [], fills: [Int] = []
            for i in 0..<(breaks.count - 1) {
                var top = 0.0
                for l in levels.indices.reversed() {
                    x0.append(breaks[i]); x1.append(breaks[i + 1]); y0.append(top); y1.append(top + counts[l][i])
                    top += counts[l][i]
                    fills.append(levels[l])
                }
            }
            return [.rects(xmin: x0, xmax: x1, ymin: y0, ymax: y1, fill: fill, stroke: stroke,
                           fillIndex: mapping["fill"] == nil ? nil : fills)]
        case "density":
            // stat_density: stats::density() (bw.nrd0's bandwidth unless bw is given, times
            // adjust) at 512 points across the data's range.
            let x = try numeric("x", mapping, data, geom: geom).filter(\.isFinite).sorted()
            guard x.count >= 2, let lo = x.first, let hi = x.last else { throw RError("need at least 2 points to select a bandwidth automatically") }
            let bw = try (parameter("bw") ?? KernelDensity.bandwidthNrd0(x)) * (parameter("adjust") ?? 1)
            guard bw.isFinite, bw > 0 else { throw RError("'bw' is not positive.") }
            let (grid, density) = KernelDensity.estimate(x, count: x.count, bandwidth: bw, n: 512, from: lo, to: hi)
            if out.yLabel.isEmpty { out.yLabel = "density" }
            let black = Colour(red: 0, green: 0, blue: 0)
            // stat_density draws an area (filled grey20, no outline); geom_density an outline.
            let area = ListFields.field(layer, "geom.area")?.logicalValue == true
            var layers: [Plot.Layer] = []
            let fillName = ListFields.field(layer, "fill")?.stringValue ?? (area ? "grey20" : nil)
            if let fill = fillName.flatMap({ Colour(name: $0) ?? Colour(hex: $0) }) {
                var f = fill
                f.alpha = parameter("alpha") ?? 1
                layers.append(.ribbon(x: grid, ymin: grid.map { _ in 0 }, ymax: density, group: nil, fill: f))
            }
            let outline = (ListFields.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) ?? Colour(hex: $0) }
            if !area || outline != nil { layers.append(.lines(x: grid, y: density, group: nil, width: 1.07, colour: outline ?? black)) }
            return layers
        case "violin":
            // stat_ydensity: each x level's density of y over its range (trim = TRUE), scaled
            // by area (the widest point of all the violins is `width` wide); drawn white with a
            // grey20 outline.
            let (positions, levels) = try discreteX(mapping, data, geom: geom)
            try useDiscreteX(levels, &out)
            let y = try numeric("y", mapping, data, geom: geom)
            if out.yLabel.isEmpty, let e = mapping["y"] { out.yLabel = Deparser.deparse(e) }
            var densities: [(centre: Double, ys: [Double], heights: [Double])] = []
            for k in levels.indices {
                let values = positions.indices.filter { positions[$0] == k + 1 && y[$0].isFinite }.map { y[$0] }.sorted()
                guard values.count >= 2, let lo = values.first, let hi = values.last else { continue }
                let bw = try (parameter("bw") ?? KernelDensity.bandwidthNrd0(values)) * (parameter("adjust") ?? 1)
                guard bw.isFinite, bw > 0 else { continue }
                let (grid, density) = KernelDensity.estimate(values, count: values.count, bandwidth: bw, n: 512, from: lo, to: hi)
                densities.append((Double(k + 1), grid, density))
            }
            let widest = densities.flatMap(\.heights).max() ?? 1
            let half = (parameter("width") ?? 0.9) / 2
            let shapes = densities.map { d -> [(x: Double, y: Double)] in
                let left = zip(d.ys, d.heights).map { (x: d.centre - half * $1 / widest, y: $0) }
                let right = zip(d.ys, d.heights).reversed().map { (x: d.centre + half * $1 / widest, y: $0) }
                return left + right
            }
            let fillName = ListFields.field(layer, "fill")?.stringValue ?? "white"
            guard var fill = Colour(name: fillName) ?? Colour(hex: fillName) else { throw RError("Unknown colour name: \(fillName)") }
            fill.alpha = parameter("alpha") ?? 1
            let outline = (ListFields.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) ?? Colour(hex: $0) } ?? Colour(name: "grey20")
            return [.polygons(shapes: shapes, fill: fill, stroke: outline, width: width)]
        case "bar", "col", "boxplot":
            let (positions, levels) = try discreteX(mapping, data, geom: geom)
            try useDiscreteX(levels, &out)
            let k = levels.count
            let width = (parameter("width") ?? 0.9) / (geom == "boxplot" ? 1 : 1)
            let fill = (ListFields.field(layer, "fill")?.stringValue).flatMap { Colour(name: $0) }
            let outline = (ListFields.field(layer, "colour")?.stringValue).flatMap { Colour(name: $0) }
            // A mapped fill: each row's level (-1 without one); bars of several levels at one x
            // are stacked (first level on top) or dodged, boxes dodged as position_dodge2 does.
            let fillCodes = try mappedFill(mapping, data, geom: geom, rows: positions.count, boxes: geom == "boxplot", &out)
            // The fill levels present at each x, in level order.
            var levelsAt = [[Int]](repeating: [], count: k)
            for (i, p) in positions.enumerated() where p >= 1 && p <= k && !levelsAt[p - 1].contains(fillCodes[i]) {
                levelsAt[p - 1].append(fillCodes[i])
            }
            levelsAt = levelsAt.map { $0.sorted() }
            let position = ListFields.field(layer, "position")
            let dodged = position?.stringValue == "dodge" || position?.inherits("PositionDodge") == true
            if geom == "bar" || geom == "col" {
                // geom_bar counts the rows at each x; geom_col sums the y values there.
                let y = geom == "col" ? try numeric("y", mapping, data, geom: geom) : []
                var heights: [[Int: Double]] = Array(repeating: [:], count: k)
                for (i, p) in positions.enumerated() where p >= 1 && p <= k {
                    heights[p - 1][fillCodes[i], default: 0] += geom == "col" ? (y[i].isNaN ? 0 : y[i]) : 1
                }
                if out.yLabel.isEmpty { out.yLabel = geom == "bar" ? "count" : (mapping["y"].map { Deparser.deparse($0) } ?? "y") }
                var x0: [Double] = [], x1: [Double] = [], y0: [Double] = [], y1: [Double] = [], fills: [Int] = []
                for position in 0..<k {
                    let present = levelsAt[position], centre = Double(position + 1), n = Double(max(present.count, 1))
                    var top = 0.0
                    // Stacking from the last level up leaves the first on top, as position_stack does.
                    for (j, level) in (dodged ? present : present.reversed()).enumerated() {
                        let h = heights[position][level] ?? 0
                        if dodged {
                            let left = centre - width / 2 + Double(j) * width / n
                            x0.append(left); x1.append(left + width / n); y0.append(0); y1.append(h)
                        } else {
                            x0.append(centre - width / 2); x1.append(centre + width / 2); y0.append(top); y1.append(top + h)
                            top += h
                        }
                        fills.append(level)
                    }
                }
                return [.rects(xmin: x0, xmax: x1, ymin: y0, ymax: y1, fill: fill ?? Colour(name: "grey35")!, stroke: outline,
                               fillIndex: mapping["fill"] == nil ? nil : fills)]
            }
            // stat_boxplot: hinges and median by quantile(type = 7), whiskers to the furthest
            // values within 1.5 IQR of the hinges, the rest drawn as outliers.
            let y = try numeric("y", mapping, data, geom: geom)
            if out.yLabel.isEmpty, let e = mapping["y"] { out.yLabel = Deparser.deparse(e) }
            var layers: [Plot.Layer] = []
            var boxes: (x0: [Double], x1: [Double], y0: [Double], y1: [Double]) = ([], [], [], [])
            var boxFill: [Int] = []
            var whiskerX: [Double] = [], whiskerLow: [Double] = [], whiskerHigh: [Double] = []
            var medianX: [Double] = [], medianY: [Double] = [], medianGroup: [Int] = []
            var outlierX: [Double] = [], outlierY: [Double] = []
            // position_dodge2: when some x holds several boxes, each x's n boxes share the
            // width, each shrunk by the 10% padding.
            let boxWidth = parameter("width") ?? 0.75
            let anyShared = levelsAt.contains { $0.count > 1 }
            for level in 1...max(k, 1) where level <= k {
                let present = levelsAt[level - 1], n = Double(max(present.count, 1))
                for (j, fillLevel) in present.enumerated() {
                let values = positions.indices.filter { positions[$0] == level && fillCodes[$0] == fillLevel && y[$0].isFinite }
                    .map { y[$0] }.sorted()
                guard !values.isEmpty else { continue }
                let q = Self.quantiles(values, [0.25, 0.5, 0.75])
                let q1 = q[0], q2 = q[1], q3 = q[2], iqr = q3 - q1
                let inside = values.filter { $0 >= q1 - 1.5 * iqr && $0 <= q3 + 1.5 * iqr }
                let share = boxWidth / n
                let x = anyShared ? Double(level) - boxWidth / 2 + (Double(j) + 0.5) * share : Double(level)
                let half = anyShared ? share * 0.9 / 2 : boxWidth / 2
                boxes.x0.append(x - half); boxes.x1.append(x + half); boxes.y0.append(q1); boxes.y1.append(q3)
                boxFill.append(fillLevel)
                whiskerX += [x, x]; whiskerLow += [inside.first ?? q1, q3]; whiskerHigh += [q1, inside.last ?? q3]
                medianX += [x - half, x + half]; medianY += [q2, q2]; medianGroup += [medianGroup.count / 2, medianGroup.count / 2]
                for v in values where v < q1 - 1.5 * iqr || v > q3 + 1.5 * iqr { outlierX.append(x); outlierY.append(v) }
                }
            }
            let grey20 = Colour(name: "grey20")!
            layers.append(.ranges(x: whiskerX, ymin: whiskerLow, ymax: whiskerHigh, y: nil, capWidth: 0, colour: outline ?? grey20, width: 1.07))
            layers.append(.rects(xmin: boxes.x0, xmax: boxes.x1, ymin: boxes.y0, ymax: boxes.y1, fill: fill ?? Colour(red: 1, green: 1, blue: 1),
                                 stroke: outline ?? grey20, fillIndex: mapping["fill"] == nil ? nil : boxFill))
            layers.append(.lines(x: medianX, y: medianY, group: medianGroup, width: 2.13, colour: outline ?? grey20))
            if !outlierX.isEmpty { layers.append(.points(x: outlierX, y: outlierY, group: nil, alpha: 1, size: 1.5)) }
            return layers
        case "errorbar", "pointrange":
            // x continuous, or discrete (a factor or text) at positions 1, 2, ...
            let x: [Double]
            if case .vector(let raw) = try aesthetic("x", mapping, data, geom: geom), raw.isFactor || raw.storage.rank == 3 {
                let (positions, levels) = try discreteX(mapping, data, geom: geom)
                try useDiscreteX(levels, &out)
                x = positions.map { $0 == 0 ? .nan : Double($0) }
            } else {
                x = try numeric("x", mapping, data, geom: geom)
            }
            let lo = try numeric("ymin", mapping, data, geom: geom), hi = try numeric("ymax", mapping, data, geom: geom)
            let y = geom == "pointrange" ? try numeric("y", mapping, data, geom: geom) : nil
            let sortedX = Set(x.filter(\.isFinite)).sorted()
            let resolution = zip(sortedX, sortedX.dropFirst()).map { $1 - $0 }.min() ?? 1
            var cap = geom == "errorbar" ? (parameter("width") ?? 0.9) * resolution : 0
            if out.yLabel.isEmpty, let e = mapping["ymin"] { out.yLabel = Deparser.deparse(e) }
            // A colour mapping colours each range and shares the colour legend.
            var group: [Int]?
            if let colourExpr = mapping["colour"] {
                let (codes, levels) = try discrete("colour", mapping, data, geom: geom)
                group = codes
                if out.colourLegend == nil { out.colourLegend = (Deparser.deparse(colourExpr), levels) }
            }
            var xs = x
            if let position = ListFields.field(layer, "position"), position.inherits("PositionDodge") {
                // position_dodge: the ranges at one x side by side, each cap 1/n of the width.
                if let dodgeWidth = ListFields.field(position, "width")?.doubleValue {
                    xs = dodge(x, group, width: dodgeWidth)
                    let most = Dictionary(grouping: zip(x, group ?? x.map { _ in 0 }).map { $0 }, by: \.0).values
                        .map { Set($0.map(\.1)).count }.max() ?? 1
                    cap /= Double(max(most, 1))
                } else {
                    interpreter.warning("Width not defined. Set with `position_dodge(width = ...)`", call: nil)
                }
            }
            return [.ranges(x: xs, ymin: lo, ymax: hi, y: y, capWidth: cap, colour: colour, width: width, group: group)]
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
    /// quantile(type = 7) of sorted, NA-free values, as the stats use them.
    static func quantiles(_ sorted: [Double], _ probabilities: [Double]) -> [Double] {
        Summaries.quantileValues(RVector(.double(sorted)), probs: probabilities, type: 7).doubles ?? []
    }

    /// The fill mapping's level per row (-1 for none or NA), and its legend set on the plot.
    func mappedFill(_ mapping: [String: Expr], _ data: RValue, geom: String, rows: Int, boxes: Bool,
                    _ out: inout Plot) throws -> [Int] {
        guard let fillExpr = mapping["fill"] else { return [Int](repeating: -1, count: rows) }
        let (codes, levels) = try discrete("fill", mapping, data, geom: geom)
        out.fillLegend = (Deparser.deparse(fillExpr), levels, boxes)
        return codes
    }

    func discreteX(_ mapping: [String: Expr], _ data: RValue, geom: String) throws -> ([Int], [String]) {
        let v = try aesthetic("x", mapping, data, geom: geom)
        guard case .vector(let f) = try FactorLibrary.makeFactorIfNeeded(v), case .integer(let codes) = f.storage else {
            throw RError("geom_\(geom)() needs a discrete x (a factor or text) in mlmd")
        }
        return (codes.map { $0 == NAInteger ? 0 : $0 }, f.levels ?? [])
    }

    /// A numeric aesthetic evaluated among the data's columns.
    func numeric(_ name: String, _ mapping: [String: Expr], _ data: RValue, geom: String) throws -> [Double] {
        guard case .vector(let vec) = try aesthetic(name, mapping, data, geom: geom), !vec.isFactor, vec.storage.rank <= 2,
              let d = Coerce.doubles(vec) else {
            throw RError("Discrete value supplied to continuous scale")
        }
        return d
    }
}
