/// The classes ggplot2 3.4 gives the objects its constructors return (ggproto objects:
/// layers, geoms, facets, positions, scales, coordinates; themes and labels), so that class(),
/// inherits() and ggplot_add-style dispatch see what they see in R; and the plot's labels as
/// ggplot2 derives them from the aesthetic mappings.
enum GgprotoClasses {
    static let layer = ["LayerInstance", "Layer", "ggproto", "gg"]
    static let facetWrap = ["FacetWrap", "Facet", "ggproto", "gg"]
    static let facetGrid = ["FacetGrid", "Facet", "ggproto", "gg"]
    static let coordCartesian = ["CoordCartesian", "Coord", "ggproto", "gg"]
    static let coordFixed = ["CoordFixed", "CoordCartesian", "Coord", "ggproto", "gg"]
    static let continuousPositionScale = ["ScaleContinuousPosition", "ScaleContinuous", "Scale", "ggproto", "gg"]
    static let discreteScale = ["ScaleDiscrete", "Scale", "ggproto", "gg"]
    static let discretePositionScale = ["ScaleDiscretePosition", "ScaleDiscrete", "Scale", "ggproto", "gg"]

    static func position(_ kind: String) -> [String] { ["Position\(kind)", "Position", "ggproto", "gg"] }

    /// ggplot2's Geom classes (most derived first) for mlmd's geom names; geom_jitter draws
    /// points, geom_qq points and geom_qq_line a path.
    static let geomClasses: [String: [String]] = [
        "point": ["GeomPoint"], "jitter": ["GeomPoint"], "qq": ["GeomPoint"], "line": ["GeomLine", "GeomPath"],
        "path": ["GeomPath"], "qq_line": ["GeomPath"], "smooth": ["GeomSmooth"], "hline": ["GeomHline"],
        "vline": ["GeomVline"], "abline": ["GeomAbline"], "errorbar": ["GeomErrorbar"],
        "pointrange": ["GeomPointrange"], "histogram": ["GeomBar", "GeomRect"],
        "bar": ["GeomBar", "GeomRect"], "col": ["GeomCol", "GeomBar", "GeomRect"], "boxplot": ["GeomBoxplot"],
        "density": ["GeomDensity", "GeomArea", "GeomRibbon"], "segment": ["GeomSegment"], "ribbon": ["GeomRibbon"], "area": ["GeomArea", "GeomRibbon"], "violin": ["GeomViolin"], 
    ]

    /// A layer's geom: mlmd's name for it, classed as ggplot2's Geom object is.
    static func geom(_ name: String, classedAs drawnBy: String? = nil) -> RValue {
        var v = RVector(.character([name]))
        v.attributes["class"] = .character((geomClasses[drawnBy ?? name] ?? []) + ["Geom", "ggproto", "gg"])
        return .vector(v)
    }

    /// A built-in complete theme (theme_grey() and the others) as a theme object: its look by
    /// name, complete as ggplot2 marks it.
    static func builtInTheme(_ v: RVector) -> RVector {
        var out = v
        out.attributes["class"] = .character(["theme", "gg"])
        out.attributes["complete"] = .scalar(true)
        out.attributes["validate"] = .scalar(true)
        return out
    }

    static func isBuiltInTheme(_ v: RValue) -> Bool {
        guard v.inherits("theme"), case .vector(let vec) = v, let names = vec.names else { return false }
        return names.first == "name" && names.contains("base_size")
    }

    /// make_labels(): each mapped aesthetic's label, the mapping's text (a constant's name is
    /// the aesthetic's own).
    static func labels(of mapping: RValue) -> [(String, RValue)] {
        guard case .vector(let v) = mapping, case .list(let items) = v.storage, let names = v.names else { return [] }
        return zip(names, items).compactMap { name, item in
            guard let name, !name.isEmpty else { return nil }
            guard case .language(let l) = item else { return (name, .scalar(name)) }
            if case .constant = l.expr { return (name, .scalar(name)) }
            return (name, .scalar(Deparser.deparse(l.expr)))
        }
    }
}
