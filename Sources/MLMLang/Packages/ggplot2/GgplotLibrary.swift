import Foundation
import CRmath
import Graphics

/// ggplot2's grammar as far as lessons use it: ggplot() + layers + labels, drawn to SVG when
/// printed. A plot is an R list of class c("gg", "ggplot") holding the data, the aesthetic
/// mapping (unevaluated expressions), the layers and the labels.
enum GgplotLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("ggplot", special: { ctx, args in
            let i = ctx.interpreter
            var data: RValue = .null, mapping: RValue = .list([])
            var positional = 0
            for a in args {
                let value = try i.eval(a.value, ctx.env)
                switch a.name {
                case "data": data = value
                case "mapping": mapping = value
                case nil:
                    if positional == 0 && !value.inherits("uneval") { data = value } else { mapping = value }
                    positional += 1
                default: break
                }
            }
            return plotObject(data: data, mapping: mapping, layers: [], labels: GgprotoClasses.labels(of: mapping))
        })
        interp.define("aes", special: { _, args in mapping(args.map { ($0.name, $0.value) }) })
        // aes_string(): each string parsed as the expression aes() would take (ggplot2's
        // soft deprecation stays silent in a knitted lesson).
        interp.define("aes_string", { _, args in
            mapping(try args.map { a -> (String?, Expr) in
                guard let text = a.value.scalarString() else { return (a.name, .constant(a.value)) }
                do {
                    guard let parsed = try Parser.parse(text).first else { throw RError("<text>:2:0: unexpected end of input") }
                    return (a.name, parsed)
                } catch let e as ParseError {
                    throw RError(EnvironmentLibrary.parseErrorMessage(e, text: text))
                }
            })
        })
        for geom in ["point", "jitter", "line", "path", "smooth", "hline", "vline", "abline", "qq", "qq_line", "errorbar", "pointrange", "histogram", "bar", "col", "boxplot", "density", "segment", "ribbon", "violin"] {
            interp.define("geom_\(geom)", { _, args in layer(geom, args) })
        }
        for stat in ["smooth", "qq", "qq_line"] {
            interp.define("stat_bin", { _, args in layer("histogram", args) })
            interp.define("stat_\(stat)", { _, args in layer(stat, args) })
        }
        // stat_density(): the density drawn as ggplot2's GeomArea draws it, filled grey20
        // without an outline unless a colour is given.
        interp.define("stat_density", { _, args in
            guard case .vector(var v) = layer("density", args + [EvaluatedArgument(name: "geom.area", .scalar(true))]),
                  case .list(var items) = v.storage else { return .null }
            items[0] = GgprotoClasses.geom("density", classedAs: "area")
            v.storage = .list(items)
            return .vector(v)
        })
        // scale_x_discrete() and scale_y_discrete(): the axis name and the levels' labels.
        for axis in ["x", "y"] {
            interp.define("scale_\(axis)_discrete", { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["...", "name", "labels", "limits", "expand", "guide", "position"],
                                                                        args, call: ctx.call)
                for unsupported in ["limits", "expand", "guide", "position"] where m[unsupported] != nil {
                    throw RError("scale_\(axis)_discrete(\(unsupported) = ) is not supported yet")
                }
                if let positional = args.first(where: { $0.name == nil }), m["name"] == nil {
                    return discreteScale(axis, name: positional.value, labels: m["labels"], classes: GgprotoClasses.discretePositionScale)
                }
                return discreteScale(axis, name: m["name"], labels: m["labels"], classes: GgprotoClasses.discretePositionScale)
            })
        }
        // scale_shape(): the shape legend's title and labels (solid shapes, as by default).
        interp.define("scale_shape", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["name", "...", "solid", "labels"], args, call: ctx.call)
            if m["solid"]?.logicalValue == false { throw RError("scale_shape(solid = FALSE) is not drawn yet") }
            return discreteScale("shape", name: m["name"], labels: m["labels"], classes: GgprotoClasses.discreteScale)
        })
        // stat_summary(): a layer of summaries; its `geom` is the geom they are drawn with.
        interp.define("stat_summary", { ctx, args in
            if args.contains(where: { $0.name == "fun.y" }) {
                Lifecycle.deprecated("stat_summary(fun.y)", "The `fun.y` argument of `stat_summary()` is deprecated as of ggplot2 3.3.0.\n\u{2139} Please use the `fun` argument instead.", ctx)
            }
            let drawnBy = args.first { $0.name == "geom" }?.value.stringValue ?? "pointrange"
            guard case .vector(var v) = layer("summary", args.map { $0.name == "geom" ? EvaluatedArgument(name: "geom.summary", $0.value) : $0 }),
                  case .list(var items) = v.storage else { return .null }
            // The layer's geom is the one its summaries are drawn with, as in ggplot2.
            items[0] = GgprotoClasses.geom("summary", classedAs: drawnBy)
            v.storage = .list(items)
            return .vector(v)
        })
        interp.define("position_jitter", { _, args in
            var v = RVector(.list([args.first(where: { $0.name == "width" || $0.name == nil })?.value ?? .null,
                                   args.first(where: { $0.name == "height" })?.value ?? .null]))
            v.names = ["width", "height"]
            v.attributes["class"] = .character(GgprotoClasses.position("Jitter"))
            return .vector(v)
        })
        interp.define("position_dodge", { _, args in
            var v = RVector(.list([args.first(where: { $0.name == "width" || $0.name == nil })?.value ?? .null]))
            v.names = ["width"]
            v.attributes["class"] = .character(GgprotoClasses.position("Dodge"))
            return .vector(v)
        })
        interp.define("labs", { _, args in labels(args.compactMap { a in a.name.map { ($0 == "color" ? "colour" : $0, a.value) } }) })
        for (name, theme) in [("theme_grey", "grey"), ("theme_gray", "grey"), ("theme_bw", "bw"), ("theme_light", "light"), ("theme_minimal", "minimal"), ("theme_classic", "classic")] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["base_size", "base_family", "base_line_size", "base_rect_size"],
                                                                        args, call: ctx.call)
                return completeTheme(theme, baseSize: m["base_size"]?.doubleValue ?? 11, baseFamily: m["base_family"]?.stringValue ?? "")
            })
        }
        GgplotTheme.install(interp)
        for name in ["scale_colour_manual", "scale_color_manual"] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["...", "values", "name", "breaks", "labels"], args, call: ctx.call)
                guard let values = m["values"]?.asVector else { throw RError("argument \"values\" is missing, with no default") }
                var names = ["aesthetic", "values"], items: [RValue] = [.scalar("colour"), .vector(values)]
                if let n = m["name"] { names.append("name"); items.append(n) }
                var v = RVector(.list(items))
                v.names = names.map { Optional($0) }
                v.attributes["class"] = .character(GgprotoClasses.discreteScale)
                return .vector(v)
            })
        }
        // The discrete viridis and ColorBrewer scales of colour and fill: the palette is
        // chosen here, its colours when the number of levels is known.
        for (aesthetic, spellings) in [("colour", ["colour", "color"]), ("fill", ["fill"])] {
            for spelling in spellings {
                interp.define("scale_\(spelling)_viridis_d", { ctx, args in
                    let (m, _) = try ctx.interpreter.matchBuiltinArguments(["...", "alpha", "begin", "end", "direction", "option", "aesthetics", "name"],
                                                                            args, call: ctx.call)
                    if m["aesthetics"] != nil { throw RError("scale_\(spelling)_viridis_d(aesthetics = ) is not supported yet") }
                    let palette = try viridisPalette(alpha: m["alpha"], begin: m["begin"], end: m["end"], direction: m["direction"],
                                                     option: m["option"])
                    return paletteScale(aesthetic, palette: palette, reversed: false, name: m["name"])
                })
                interp.define("scale_\(spelling)_brewer", { ctx, args in
                    let (m, _) = try ctx.interpreter.matchBuiltinArguments(["name", "...", "type", "palette", "direction", "aesthetics"],
                                                                            args, call: ctx.call)
                    if m["aesthetics"] != nil { throw RError("scale_\(spelling)_brewer(aesthetics = ) is not supported yet") }
                    let type = m["type"]?.stringValue ?? "seq"
                    let palette = try brewerPaletteName(m["palette"] ?? .scalar(1.0), type: type)
                    return paletteScale(aesthetic, palette: "brewer:" + palette, reversed: (m["direction"]?.doubleValue ?? 1) < 0, name: m["name"])
                })
            }
        }
        // facet_grid(rows ~ cols), or rows = vars(r), cols = vars(c): one variable a side.
        interp.define("facet_grid", special: { ctx, args in
            var rows: Expr?, cols: Expr?
            func single(_ e: Expr, _ side: String) throws -> Expr? {
                var inner = e
                if case .call(let c) = e, c.functionName == "vars" {
                    guard c.arguments.count <= 1 else { throw RError("facet_grid() of several variables a side is not drawn yet") }
                    guard let first = c.arguments.first else { return nil }
                    inner = first.value
                }
                if case .symbol(".") = inner { return nil }
                if case .call(let c) = inner, c.functionName == "+" { throw RError("facet_grid() of several variables a side is not drawn yet") }
                return inner
            }
            for (k, a) in args.enumerated() {
                switch a.name {
                case "rows", nil where k == 0:
                    if case .call(let c) = a.value, c.functionName == "~" {
                        if c.arguments.count == 2 { rows = try single(c.arguments[0].value, "rows"); cols = try single(c.arguments[1].value, "cols") }
                        else if let only = c.arguments.first { cols = try single(only.value, "cols") }
                    } else {
                        rows = try single(a.value, "rows")
                    }
                case "cols", nil where k == 1: cols = try single(a.value, "cols")
                case let name?: throw RError("facet_grid(\(name) = ) is not supported yet")
                default: throw RError("facet_grid() takes rows and cols")
                }
            }
            var v = RVector(.list([rows.map { .language(Language($0)) } ?? .null, cols.map { .language(Language($0)) } ?? .null]))
            v.names = ["rows", "cols"]
            v.attributes["class"] = .character(GgprotoClasses.facetGrid)
            return .vector(v)
        })
        interp.define("facet_wrap", special: { ctx, args in
            guard let facets = args.first(where: { $0.name == nil || $0.name == "facets" }) else {
                throw RError("argument \"facets\" is missing, with no default")
            }
            var names = ["facets"], extra: [RValue] = []
            for a in args where a.name != nil && a.name != "facets" {
                guard a.name == "nrow" || a.name == "ncol" else { throw RError("facet_wrap(\(a.name!) = ) is not supported yet") }
                let value = try ctx.interpreter.eval(a.value, ctx.env)
                guard value.isNullValue || (value.scalarDouble().map { $0 >= 1 && $0 <= 10_000 && $0 == $0.rounded() } ?? false) else {
                    throw RError("`\(a.name!)` must be a whole number larger than or equal to 1.")
                }
                if !value.isNullValue { names.append(a.name!); extra.append(value) }
            }
            var formula = facets.value
            if case .call(let c) = formula, c.functionName == "vars" { formula = .call(c) }
            else if case .constant = formula { formula = .symbol(try ctx.interpreter.eval(formula, ctx.env).stringValue ?? "") }
            var v = RVector(.list([.language(Language(formula))] + extra))
            v.names = names.map { Optional($0) }
            v.attributes["class"] = .character(GgprotoClasses.facetWrap)
            return .vector(v)
        })
        for name in ["coord_cartesian", "coord_fixed", "coord_equal"] {
            interp.define(name, { ctx, args in
                let fixed = name != "coord_cartesian"
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                    (fixed ? ["ratio"] : []) + ["xlim", "ylim", "expand", "default", "clip"], args, call: ctx.call)
                var names = ["aesthetic"], items: [RValue] = [.scalar("coord")]
                for key in ["xlim", "ylim"] {
                    guard let v = m[key] else { continue }
                    guard let d = v.asVector?.doubles, d.count == 2, !d.contains(where: \.isNaN) else {
                        throw RError("`\(key)` must be a vector of length 2")
                    }
                    names.append(key); items.append(.double([min(d[0], d[1]), max(d[0], d[1])]))
                }
                if fixed {
                    // coord_fixed: one unit of y is `ratio` units of x long (1 by default).
                    guard let ratio = (m["ratio"] ?? .scalar(1.0)).doubleValue, ratio.isFinite, ratio > 0 else {
                        throw RError("`ratio` must be a single positive number")
                    }
                    names.append("ratio"); items.append(.scalar(ratio))
                }
                var v = RVector(.list(RList(items)))
                v.names = names.map { Optional($0) }
                v.attributes["class"] = .character(fixed ? GgprotoClasses.coordFixed : GgprotoClasses.coordCartesian)
                return .vector(v)
            })
        }
        for axis in ["x", "y"] {
            interp.define("scale_\(axis)_continuous", { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["name", "breaks", "minor_breaks", "labels", "limits"], args, call: ctx.call)
                for unsupported in ["minor_breaks", "labels"] where m[unsupported] != nil {
                    throw RError("scale_\(axis)_continuous(\(unsupported) = ) is not supported yet")
                }
                var names = ["aesthetic"], values: [RValue] = [.scalar(axis)]
                for key in ["name", "breaks", "limits"] { if let v = m[key] { names.append(key); values.append(v) } }
                if let limits = m["limits"]?.asVector?.doubles, limits.count != 2 || limits.contains(where: \.isNaN) || limits[0] > limits[1] {
                    throw RError("`limits` must be a vector of length 2, smallest first")
                }
                var v = RVector(.list(values))
                v.names = names.map { Optional($0) }
                v.attributes["class"] = .character(GgprotoClasses.continuousPositionScale)
                return .vector(v)
            })
        }
        // xlim(a, b) and ylim(a, b): a continuous position scale with those limits (smallest first
        // when given in order; reversed limits are not drawn yet).
        for axis in ["x", "y"] {
            interp.define("\(axis)lim", { ctx, args in
                let values = args.flatMap { $0.value.asVector.flatMap { Coerce.doubles($0) } ?? [] }
                guard values.count == 2 else { throw RError("`...` must be a vector of length 2") }
                for a in args {
                    guard let v = a.value.asVector else { continue }
                    var isText = v.isFactor
                    if case .character = v.storage { isText = true }
                    if isText { throw RError("\(axis)lim() of categories (a discrete scale) is not supported yet") }
                }
                guard !values.contains(where: \.isNaN), values[0] <= values[1] else {
                    throw RError("\(axis)lim() with reversed or missing limits is not supported yet")
                }
                var v = RVector(.list([.scalar(axis), .double(values)]))
                v.names = ["aesthetic", "limits"]
                v.attributes["class"] = .character(GgprotoClasses.continuousPositionScale)
                return .vector(v)
            })
        }
        interp.define("xlab", { _, args in labels([("x", args.first?.value ?? .null)]) })
        interp.define("ylab", { _, args in labels([("y", args.first?.value ?? .null)]) })
        interp.define("ggtitle", { _, args in labels([("title", args.first?.value ?? .null)]) })
        interp.define("+.gg", { ctx, args in
            guard args.count == 2 else { throw RError("invalid arguments") }
            // theme + theme: ggplot2's add_theme.
            if args[0].value.inherits("theme") {
                guard args[1].value.inherits("theme") else {
                    throw RError("Can't add `\(Deparser.deparseValueBrief(args[1].value))` to a theme object.")
                }
                return GgplotTheme.combine(args[0].value, args[1].value, replacing: false)
            }
            return try add(args[0].value, args[1].value)
        })
        interp.define("ggsave", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["filename", "plot", "device", "path", "scale", "width", "height", "units", "dpi"], args, call: ctx.call)
            guard let filename = m["filename"]?.stringValue else { throw RError("argument \"filename\" is missing, with no default") }
            guard let plot = m["plot"] ?? ctx.interpreter.lastPlot, plot.inherits("ggplot") else { throw RError("`plot` must be a ggplot2 plot") }
            guard filename.lowercased().hasSuffix(".svg") else { throw RError("mlmd saves plots as SVG only: use a file name ending in .svg") }
            let units = m["units"]?.stringValue ?? "in"
            let perInch: Double = units == "cm" ? 2.54 : units == "mm" ? 25.4 : units == "px" ? 72 : 1
            let width = m["width"]?.doubleValue.map { $0 / perInch }, height = m["height"]?.doubleValue.map { $0 / perInch }
            // Unset sizes are the figure size (fig.width x fig.height), as ggsave takes the device's.
            let figure = ctx.interpreter.figureSize
            let (w, h) = (width ?? figure.width, height ?? figure.height)
            if width == nil || height == nil {
                try ctx.interpreter.signalMessage("Saving \(RFormat.significant(w, digits: 3)) x \(RFormat.significant(h, digits: 3)) in image\n", call: nil)
            }
            let (svg, _) = try GgplotBuilder(interpreter: ctx.interpreter, env: ctx.env).render(plot, width: w, height: h)
            let url = URL(fileURLWithPath: filename, relativeTo: ctx.interpreter.workingDirectory)
            // Written beside the target and renamed over it, so a failure never leaves half a file.
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
            do {
                try Data(svg.utf8).write(to: temporary)
                guard rename(temporary.path, url.path) == 0 else { throw RError("rename failed") }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw RError("cannot open file '\(filename)': No such file or directory")
            }
            // ggplot2 3.4 returns the file name, invisibly.
            ctx.interpreter.visible = false
            return .scalar(filename)
        })
        // print.uneval: one bullet per aesthetic, names padded to one width, each value as rlang
        // labels a quosure (backquoted expressions, constants as they are written).
        interp.define("print.uneval", { ctx, args in
            guard let x = args.first?.value else { return .null }
            var out = "Aesthetic mapping: \n"
            if case .vector(let v) = x, case .list(let items) = v.storage, !items.isEmpty {
                let names = (v.names ?? []).map { "`" + ($0 ?? "") + "`" }
                let width = names.map(\.displayWidth).max() ?? 0
                for (k, item) in items.enumerated() {
                    var value = Deparser.deparseValueBrief(item)
                    if case .language(let l) = item {
                        if case .constant = l.expr { value = Deparser.deparse(l.expr) } else { value = "`" + Deparser.deparse(l.expr) + "`" }
                    }
                    out += "* " + (k < names.count ? names[k] : "``").rightPadded(to: width) + " -> " + value + "\n"
                }
            }
            ctx.interpreter.write(out)
            ctx.interpreter.visible = false
            return x
        })
        for name in ["print.ggplot", "plot.ggplot"] {
            interp.define(name, { ctx, args in
                guard let plot = args.first?.value else { return .null }
                ctx.interpreter.lastPlot = plot
                try GgplotBuilder(interpreter: ctx.interpreter, env: ctx.env).draw(plot)
                ctx.interpreter.visible = false
                return plot
            })
        }
    }

    /// A discrete scale of an axis or the shape: its name and its levels' labels.
    static func discreteScale(_ aesthetic: String, name: RValue?, labels: RValue?, classes: [String]) -> RValue {
        var names = ["aesthetic", "discrete"], items: [RValue] = [.scalar(aesthetic), .scalar(true)]
        if let name { names.append("name"); items.append(name) }
        if let labels { names.append("labels"); items.append(labels) }
        var v = RVector(.list(RList(items)))
        v.names = names.map { Optional($0) }
        v.attributes["class"] = .character(classes)
        return .vector(v)
    }

    /// A discrete colour or fill scale drawing its levels from a named palette.
    static func paletteScale(_ aesthetic: String, palette: String, reversed: Bool, name: RValue?) -> RValue {
        var names = ["aesthetic", "palette", "reversed"], items: [RValue] = [.scalar(aesthetic), .scalar(palette), .scalar(reversed)]
        if let name { names.append("name"); items.append(name) }
        var v = RVector(.list(RList(items)))
        v.names = names.map { Optional($0) }
        v.attributes["class"] = .character(GgprotoClasses.discreteScale)
        return .vector(v)
    }

    /// scales' pal_name: a palette named outright, or the n-th of the type's palettes.
    static func brewerPaletteName(_ palette: RValue, type: String) throws -> String {
        if let name = palette.stringValue, case .vector(let v) = palette, case .character = v.storage {
            guard DiscretePalettes.brewer[name] != nil else { throw RError("Unknown palette: \"\(name)\"") }
            return name
        }
        let kinds = ["seq": "seq", "sequential": "seq", "div": "div", "diverging": "div", "qual": "qual", "qualitative": "qual"]
        guard let kind = kinds[type], let names = DiscretePalettes.brewerOrder[kind] else {
            throw RError("'arg' should be one of \u{201C}div\u{201D}, \u{201C}qual\u{201D}, \u{201C}seq\u{201D}")
        }
        guard let k = palette.doubleValue, k >= 1, Int(k) <= names.count else { throw RError("Unknown palette: \(Deparser.deparseValueBrief(palette))") }
        return names[Int(k) - 1]
    }

    /// viridis_pal's arguments as the palette a discrete scale keeps: "viridis:option:begin:end:alpha:direction".
    static func viridisPalette(alpha: RValue?, begin: RValue?, end: RValue?, direction: RValue?, option: RValue?) throws -> String {
        let a = alpha?.doubleValue ?? 1, b = begin?.doubleValue ?? 0, e = end?.doubleValue ?? 1
        let d = (direction?.doubleValue ?? 1) < 0 ? -1 : 1
        guard (0...1).contains(b), (0...1).contains(e) else { throw RError("begin and end must be in [0,1]") }
        let name = option?.stringValue ?? "D"
        guard let letter = ViridisPalette.optionLetter(name) else { throw RError("Option '\(name)' does not exist.") }
        return "viridis:\(letter):\(b):\(e):\(a):\(d)"
    }

    /// The palette's colours for `n` levels, as viridis_pal and brewer_pal give them.
    static func paletteColours(_ palette: String, count n: Int, reversed: Bool) throws -> [Colour] {
        var hex: [String]
        if palette.hasPrefix("viridis:") {
            let parts = palette.split(separator: ":").map(String.init)
            guard parts.count == 6, let b = Double(parts[2]), let e = Double(parts[3]), let a = Double(parts[4]), let d = Int(parts[5]),
                  let colours = ViridisPalette.colours(count: n, alpha: a, begin: b, end: e, direction: d, option: parts[1]) else {
                throw RError("invalid viridis palette")
            }
            hex = colours
        } else {
            let name = String(palette.dropFirst("brewer:".count))
            guard let sets = DiscretePalettes.brewer[name]?.colours, let largest = sets.keys.max() else { throw RError("Unknown palette: \"\(name)\"") }
            guard n <= largest else {
                throw RError("n too large, allowed maximum for palette \(name) is \(largest)")
            }
            hex = Array((sets[max(n, 3)] ?? []).prefix(n))
        }
        if reversed { hex.reverse() }
        return hex.compactMap { Colour(hex: $0) }
    }

    /// A complete theme (theme_grey() and the others): its look by name and its base size and
    /// family (the renderer draws ggplot2's base size 11 for now).
    static func completeTheme(_ name: String, baseSize: Double, baseFamily: String) -> RValue {
        var v = RVector(.list([.scalar(name), .scalar(baseSize), .scalar(baseFamily)]))
        v.names = ["name", "base_size", "base_family"]
        return .vector(GgprotoClasses.builtInTheme(v))
    }

    /// aes()'s mapping object: unnamed aesthetics are x then y, color is spelled colour.
    static func mapping(_ aesthetics: [(name: String?, expr: Expr)]) -> RValue {
        var names: [String] = [], values: [RValue] = []
        let positional = ["x", "y"]
        var k = 0
        for (given, expr) in aesthetics {
            var name = given ?? (k < positional.count ? positional[k] : "")
            if given == nil { k += 1 }
            if name == "color" { name = "colour" }
            names.append(name)
            values.append(.language(Language(expr)))
        }
        var v = RVector(.list(RList(values)))
        v.names = names.map { Optional($0) }
        v.attributes["class"] = .character(["uneval"])
        return .vector(v)
    }

    static func plotObject(data: RValue, mapping: RValue, layers: [RValue], labels: [(String, RValue)], scales: [RValue] = []) -> RValue {
        var v = RVector(.list([data, mapping, .list(layers), .list(labels.map(\.1), names: labels.map(\.0)), .list(scales)]))
        v.names = ["data", "mapping", "layers", "labels", "scales"]
        v.attributes["class"] = .character(["gg", "ggplot"])
        return .vector(v)
    }

    /// A layer: its geom, mapping, data and fixed parameters (alpha, size, method, position ...).
    static func layer(_ geom: String, _ args: [EvaluatedArgument]) -> RValue {
        var names = ["geom"], values: [RValue] = [GgprotoClasses.geom(geom)]
        for a in args {
            if let n = a.name { names.append(n == "color" ? "colour" : n); values.append(a.value) }
            else if a.value.inherits("uneval") { names.append("mapping"); values.append(a.value) }
            else { names.append("data"); values.append(a.value) }
        }
        var v = RVector(.list(values))
        v.names = names
        v.attributes["class"] = .character(GgprotoClasses.layer)
        return .vector(v)
    }

    static func labels(_ pairs: [(String, RValue)]) -> RValue {
        var v = RVector(.list(pairs.map(\.1)))
        v.names = pairs.map(\.0)
        v.attributes["class"] = .character(["labels"])
        return .vector(v)
    }

    /// plot + layer, plot + labs(...). Labels follow ggplot2: a layer adds labels for the
    /// aesthetics it maps that have none yet; labs() puts its labels first, replacing those
    /// it names.
    static func add(_ plot: RValue, _ part: RValue) throws -> RValue {
        guard plot.inherits("gg") else { throw RError("non-numeric argument to binary operator") }
        let data = ListFields.field(plot, "data") ?? .null, mapping = ListFields.field(plot, "mapping") ?? .list([])
        var layers = ApplyLibrary.elements(ListFields.field(plot, "layers") ?? .list([])).0
        let (labelValues, labelNames) = ApplyLibrary.elements(ListFields.field(plot, "labels") ?? .list([]))
        var labels: [(String, RValue)] = zip((labelNames ?? []).map { $0 ?? "" }, labelValues).map { ($0, $1) }
        var scales = ApplyLibrary.elements(ListFields.field(plot, "scales") ?? .list([])).0
        if part.inherits("Layer") {
            layers.append(part)
            for (name, label) in GgprotoClasses.labels(of: ListFields.field(part, "mapping") ?? .null)
            where !labels.contains(where: { $0.0 == name }) {
                labels.append((name, label))
            }
        }
        else if part.inherits("Facet") {
            scales.removeAll { $0.inherits("Facet") }
            scales.append(part)
        }
        else if part.inherits("theme") {
            // A complete theme replaces the one before it; theme() settings are merged into it.
            let existing = scales.first { $0.inherits("theme") }
            scales.removeAll { $0.inherits("theme") }
            scales.append(existing.map { GgplotTheme.combine($0, part, replacing: false) } ?? part)
        }
        else if part.inherits("Scale") || part.inherits("Coord") {
            // A later scale for the same axis replaces the earlier one, as ggplot2 does.
            let axis = ListFields.field(part, "aesthetic")?.stringValue
            scales.removeAll { ListFields.field($0, "aesthetic")?.stringValue == axis }
            scales.append(part)
        }
        else if part.inherits("labels") {
            let (values, names) = ApplyLibrary.elements(part)
            let given = zip((names ?? []).map { $0 ?? "" }, values).map { ($0, $1) }
            labels = given + labels.filter { old in !given.contains { $0.0 == old.0 } }
        } else if part.isNullValue {
            return plot
        } else {
            throw RError("Can't add `\(Deparser.deparseValueBrief(part))` to a ggplot object.")
        }
        return plotObject(data: data, mapping: mapping, layers: layers, labels: labels, scales: scales)
    }
}
