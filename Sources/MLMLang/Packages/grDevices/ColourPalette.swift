import Graphics

/// grDevices' palette(): the session's colours for numbers (col = 2 is its second), read with
/// palette() and set with palette(value) (a vector of colours, a name of palette.pals(), or
/// "default"), which returns the previous palette invisibly, as R does.
enum ColourPalette {
    static func install(_ interp: Interpreter) {
        interp.define("palette", { ctx, args in
            let i = ctx.interpreter
            let old = RValue.character(i.colourPalette.map { Optional($0) })
            guard let value = args.first(where: { $0.name == nil || $0.name == "value" })?.value, case .vector(let v) = value, v.count > 0 else {
                return old
            }
            let names = Coerce.strings(v).map { $0 ?? "NA" }
            if names.count == 1 {
                let wanted = names[0].lowercased()
                if wanted == "default" {
                    i.colourPalette = DiscretePalettes.base["R4"] ?? ["black"]
                } else if let name = DiscretePalettes.base.keys.first(where: { $0.lowercased() == wanted }) {
                    i.colourPalette = DiscretePalettes.base[name] ?? []
                } else {
                    throw RError("unknown palette (need >= 2 colors)")
                }
            } else {
                for name in names where Colour(name: name) == nil && !(Double(name).map { $0 >= 0 } ?? false) {
                    throw RError("invalid color name '\(name)'")
                }
                i.colourPalette = names
            }
            i.visible = false
            return old
        })
    }
}
