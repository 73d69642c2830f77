/// grid's unit names and the codes a unit object keeps in its "unit" attribute (grid's
/// UnitTable), with the spellings grid accepts for them.
enum GridUnits {
    static let names = ["npc", "cm", "inches", "lines", "native", "null", "snpc", "mm", "points", "picas", "bigpts",
                        "dida", "cicero", "scaledpts", "strwidth", "strheight", "strascent", "strdescent", "char"]
    static let aliases = ["centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
                          "in": "inches", "inch": "inches", "line": "lines", "millimetre": "mm", "millimetres": "mm",
                          "millimeter": "mm", "millimeters": "mm", "point": "points", "pt": "points"]

    static func code(_ name: String) -> Int? { names.firstIndex(of: aliases[name] ?? name) }

    static func name(_ code: Int) -> String { names.indices.contains(code) ? names[code] : "" }
}
