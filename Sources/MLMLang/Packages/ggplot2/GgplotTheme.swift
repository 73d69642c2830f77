import Graphics

/// ggplot2's theme system as lessons use it: theme() and the element constructors build the
/// objects ggplot2 3.4 builds; theme_set()/theme_get()/theme_update() keep the session's
/// current theme; `+` and `%+replace%` combine themes.
///
/// Drawn so far: the complete themes' looks, legend.position = "none", aspect.ratio (single
/// panels), and element_blank() for panel.grid, panel.grid.major and panel.grid.minor. Other elements are kept in the
/// objects but not yet drawn.
enum GgplotTheme {
    static func install(_ interp: Interpreter) {
        interp.define("element_text", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["family", "face", "colour", "size", "hjust", "vjust", "angle", "lineheight", "color", "margin", "debug",
                 "inherit.blank"], args, call: ctx.call)
            return element(["family", "face", "colour", "size", "hjust", "vjust", "angle", "lineheight", "margin", "debug",
                            "inherit.blank"], m, kind: "element_text")
        })
        interp.define("element_line", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["colour", "linewidth", "linetype", "lineend", "color", "arrow", "inherit.blank", "size"], args, call: ctx.call)
            var given = m
            // size is ggplot2 3.4's deprecated name for linewidth.
            if let size = given["size"] {
                deprecatedSize("element_line", ctx)
                if given["linewidth"] == nil { given["linewidth"] = size }
            }
            if given["arrow"] == nil { given["arrow"] = .scalar(false) }
            return element(["colour", "linewidth", "linetype", "lineend", "arrow", "inherit.blank"], given, kind: "element_line")
        })
        interp.define("element_rect", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(
                ["fill", "colour", "linewidth", "linetype", "color", "inherit.blank", "size"], args, call: ctx.call)
            var given = m
            // size is ggplot2 3.4's deprecated name for linewidth.
            if let size = given["size"] {
                deprecatedSize("element_rect", ctx)
                if given["linewidth"] == nil { given["linewidth"] = size }
            }
            return element(["fill", "colour", "linewidth", "linetype", "inherit.blank"], given, kind: "element_rect")
        })
        interp.define("element_blank", { _, _ in
            var v = RVector(.list([]))
            v.names = []
            v.attributes["class"] = .character(["element_blank", "element"])
            return .vector(v)
        })
        interp.define("rel", { _, args in
            guard case .vector(var v)? = args.first?.value else { throw RError("argument \"x\" is missing, with no default") }
            v.attributes["class"] = .character(["rel"])
            return .vector(v)
        })
        interp.define("theme", { _, args in
            var complete = false
            var elements: [(String, RValue)] = []
            for a in args {
                switch a.name {
                case "complete": complete = a.value.logicalValue ?? false
                case "validate": break
                case let name?:
                    // ggplot2 spells colour with a u in element names too.
                    elements.removeAll { $0.0 == name }
                    elements.append((name, a.value))
                case nil: throw RError("All theme elements must be named")
                }
            }
            // ggplot2 collects theme()'s named formals in their order, then anything else given.
            let known = elements.filter { elementOrder.contains($0.0) }
                .sorted { elementOrder.firstIndex(of: $0.0)! < elementOrder.firstIndex(of: $1.0)! }
            return theme(known + elements.filter { !elementOrder.contains($0.0) }, complete: complete)
        })
        interp.define("theme_get", { ctx, _ in ctx.interpreter.ggplotCurrentTheme ?? defaultTheme() })
        interp.define("theme_set", { ctx, args in
            guard let new = args.first?.value, new.inherits("theme") else {
                throw RError("`new` must be a theme object", call: ctx.call)
            }
            let old = ctx.interpreter.ggplotCurrentTheme ?? defaultTheme()
            ctx.interpreter.ggplotCurrentTheme = new
            ctx.interpreter.visible = false
            return old
        })
        interp.define("theme_update", { ctx, args in
            let old = ctx.interpreter.ggplotCurrentTheme ?? defaultTheme()
            let update = theme(args.compactMap { a in a.name.map { ($0, a.value) } }, complete: false)
            ctx.interpreter.ggplotCurrentTheme = combine(old, update, replacing: false)
            ctx.interpreter.visible = false
            return old
        })
        interp.define("%+replace%", { _, args in
            guard args.count == 2, args[1].value.inherits("theme") else { throw RError("%+replace% requires two theme objects") }
            return combine(args[0].value, args[1].value, replacing: true)
        })
    }

    /// theme()'s formal arguments in ggplot2 3.4.1, the order its objects keep.
    static let elementOrder = [
        "line", "rect", "text", "title", "aspect.ratio", "axis.title", "axis.title.x", "axis.title.x.top",
        "axis.title.x.bottom", "axis.title.y", "axis.title.y.left", "axis.title.y.right", "axis.text",
        "axis.text.x", "axis.text.x.top", "axis.text.x.bottom", "axis.text.y", "axis.text.y.left",
        "axis.text.y.right", "axis.ticks", "axis.ticks.x", "axis.ticks.x.top", "axis.ticks.x.bottom",
        "axis.ticks.y", "axis.ticks.y.left", "axis.ticks.y.right", "axis.ticks.length", "axis.ticks.length.x",
        "axis.ticks.length.x.top", "axis.ticks.length.x.bottom", "axis.ticks.length.y",
        "axis.ticks.length.y.left", "axis.ticks.length.y.right", "axis.line", "axis.line.x", "axis.line.x.top",
        "axis.line.x.bottom", "axis.line.y", "axis.line.y.left", "axis.line.y.right", "legend.background",
        "legend.margin", "legend.spacing", "legend.spacing.x", "legend.spacing.y", "legend.key",
        "legend.key.size", "legend.key.height", "legend.key.width", "legend.text", "legend.text.align",
        "legend.title", "legend.title.align", "legend.position", "legend.direction", "legend.justification",
        "legend.box", "legend.box.just", "legend.box.margin", "legend.box.background", "legend.box.spacing",
        "panel.background", "panel.border", "panel.spacing", "panel.spacing.x", "panel.spacing.y",
        "panel.grid", "panel.grid.major", "panel.grid.minor", "panel.grid.major.x", "panel.grid.major.y",
        "panel.grid.minor.x", "panel.grid.minor.y", "panel.ontop", "plot.background", "plot.title",
        "plot.title.position", "plot.subtitle", "plot.caption", "plot.caption.position", "plot.tag",
        "plot.tag.position", "plot.margin", "strip.background", "strip.background.x", "strip.background.y",
        "strip.clip", "strip.placement", "strip.text", "strip.text.x", "strip.text.x.bottom",
        "strip.text.x.top", "strip.text.y", "strip.text.y.left", "strip.text.y.right", "strip.switch.pad.grid",
        "strip.switch.pad.wrap"
    ]

    /// lifecycle's deprecation warning for `size =` (once per session).
    private static func deprecatedSize(_ function: String, _ ctx: CallContext) {
        Lifecycle.deprecated("\(function)(size)", "The `size` argument of `\(function)()` is deprecated as of ggplot2 3.4.0.\n\u{2139} Please use the `linewidth` argument instead.", ctx)
    }

    /// An element: the constructor's fields in ggplot2's order, NULL where not given; `color`
    /// is taken as `colour`.
    private static func element(_ fields: [String], _ given: [String: RValue], kind: String) -> RValue {
        var values = given
        if values["colour"] == nil, let color = values["color"] { values["colour"] = color }
        if values["inherit.blank"] == nil { values["inherit.blank"] = .scalar(false) }
        var v = RVector(.list(RList(fields.map { values[$0] ?? .null })))
        v.names = fields.map { Optional($0) }
        v.attributes["class"] = .character([kind, "element"])
        return .vector(v)
    }

    static func theme(_ elements: [(String, RValue)], complete: Bool) -> RValue {
        var v = RVector(.list(RList(elements.map(\.1))))
        v.names = elements.map { Optional($0.0) }
        v.attributes["class"] = .character(["theme", "gg"])
        v.attributes["complete"] = .scalar(complete)
        v.attributes["validate"] = .scalar(true)
        return .vector(v)
    }

    /// theme_grey(), what theme_get() gives before theme_set().
    static func defaultTheme() -> RValue { GgplotLibrary.completeTheme("grey", baseSize: 11, baseFamily: "") }

    /// t1 + t2 (elements of t2 merged into t1's) or t1 %+replace% t2 (t2's elements replace
    /// t1's whole). A complete theme on the right replaces everything.
    static func combine(_ base: RValue, _ addition: RValue, replacing: Bool) -> RValue {
        if GgprotoClasses.isBuiltInTheme(addition) { return addition }
        // A complete theme keeps its look; theme() settings ride along with it.
        if GgprotoClasses.isBuiltInTheme(base) {
            let (values, names) = ApplyLibrary.elements(base)
            var items = Array(zip((names ?? []).map { $0 ?? "" }, values))
            let settings = items.first { $0.0 == "settings" }?.1 ?? theme([], complete: false)
            items.removeAll { $0.0 == "settings" }
            items.append(("settings", combine(settings, addition, replacing: replacing)))
            var v = RVector(.list(RList(items.map(\.1))))
            v.names = items.map { Optional($0.0) }
            return .vector(GgprotoClasses.builtInTheme(v))
        }
        let (baseValues, baseNames) = ApplyLibrary.elements(base)
        var items = Array(zip((baseNames ?? []).map { $0 ?? "" }, baseValues))
        let (newValues, newNames) = ApplyLibrary.elements(addition)
        for (name, value) in zip((newNames ?? []).map { $0 ?? "" }, newValues) {
            if let k = items.firstIndex(where: { $0.0 == name }) {
                items[k].1 = replacing ? value : mergeElement(items[k].1, value)
            } else {
                items.append((name, value))
            }
        }
        return theme(items, complete: false)
    }

    /// An element given on top of another of the same kind: its non-NULL fields win.
    private static func mergeElement(_ old: RValue, _ new: RValue) -> RValue {
        guard new.inherits("element"), !new.inherits("element_blank"), old.inherits("element"),
              !old.inherits("element_blank"), case .vector(var merged) = old else { return new }
        let (newValues, newNames) = ApplyLibrary.elements(new)
        guard case .list(var items) = merged.storage, let names = merged.names else { return new }
        for (name, value) in zip(newNames ?? [], newValues) where !value.isNullValue {
            if let k = names.firstIndex(of: name) { items[k] = value }
        }
        merged.storage = .list(items)
        return .vector(merged)
    }

    /// The settings of a theme object the renderer draws, applied to the plot in order.
    static func apply(_ theme: RValue, to plot: inout Plot) {
        if GgprotoClasses.isBuiltInTheme(theme) {
            switch ListFields.field(theme, "name")?.stringValue {
            case "bw": plot.theme = .bw
            case "light": plot.theme = .light
            case "minimal": plot.theme = .minimal
            case "classic": plot.theme = .classic
            default: plot.theme = .grey
            }
            plot.showsLegend = true
            plot.showsMajorGrid = true
            plot.showsMinorGrid = true
            plot.aspectRatio = nil
            if let settings = ListFields.field(theme, "settings") { apply(settings, to: &plot) }
            return
        }
        guard theme.inherits("theme") else { return }
        if let position = ListFields.field(theme, "legend.position")?.stringValue { plot.showsLegend = position != "none" }
        if let aspect = ListFields.field(theme, "aspect.ratio")?.doubleValue, aspect.isFinite, aspect > 0 { plot.aspectRatio = aspect }
        for (name, value) in [("panel.grid", ListFields.field(theme, "panel.grid")),
                              ("panel.grid.major", ListFields.field(theme, "panel.grid.major")),
                              ("panel.grid.minor", ListFields.field(theme, "panel.grid.minor"))] {
            guard let value else { continue }
            let shown = !value.inherits("element_blank")
            if name != "panel.grid.minor" { plot.showsMajorGrid = shown }
            if name != "panel.grid.major" { plot.showsMinorGrid = shown }
        }
    }
}
