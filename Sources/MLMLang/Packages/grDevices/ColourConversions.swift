import Foundation
import Graphics

/// grDevices' conversions between colours and numbers: rgb() and gray() write "#RRGGBB" (with
/// "AA" for an alpha) from intensities, col2rgb() reads any colour (a name of colors(), "#hex"
/// or a palette number) back into a 3 (or 4) row integer matrix, adjustcolor() changes a
/// colour's alpha.
enum ColourConversions {
    static func byte(_ x: Double) -> String { String(format: "%02X", Int(255 * x + 0.5)) }

    static func install(_ interp: Interpreter) {
        interp.define("rgb", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["red", "green", "blue", "alpha", "names", "maxColorValue"], args, call: ctx.call)
            let maximum = m["maxColorValue"]?.scalarDouble() ?? 1
            guard var red = m["red"].flatMap({ $0.asVector }).flatMap(Coerce.doubles) else {
                throw RError("argument \"red\" is missing, with no default", call: ctx.call)
            }
            var green: [Double], blue: [Double]
            if m["green"] == nil, m["blue"] == nil, case .vector(let v)? = m["red"], let dims = v.dim, dims.count == 2, dims[1] >= 3,
               red.count >= 3 * dims[0] {
                // rgb(matrix): a colour per row.
                let rows = dims[0]
                green = Array(red[rows..<(2 * rows)]); blue = Array(red[(2 * rows)..<(3 * rows)]); red = Array(red[0..<rows])
            } else {
                guard let g = m["green"].flatMap({ $0.asVector }).flatMap(Coerce.doubles),
                      let b = m["blue"].flatMap({ $0.asVector }).flatMap(Coerce.doubles) else {
                    throw RError("argument \"green\" is missing, with no default", call: ctx.call)
                }
                green = g; blue = b
            }
            let alpha = m["alpha"].flatMap { $0.asVector }.flatMap(Coerce.doubles)
            let n = [red.count, green.count, blue.count, alpha?.count ?? 1].max() ?? 0
            func scaled(_ x: Double) throws -> Double {
                let v = x / maximum
                guard v.isFinite, v >= 0, v <= 1 else { throw RError("color intensity \(RFormat.significant(x, digits: 7)), not in \(maximum == 255 ? "0:255" : "[0,1]")", call: ctx.call) }
                return v
            }
            var colours: [String?] = []
            for i in 0..<n {
                var text = "#" + byte(try scaled(red[i % red.count])) + byte(try scaled(green[i % green.count])) + byte(try scaled(blue[i % blue.count]))
                if let alpha { text += byte(try scaled(alpha[i % alpha.count])) }
                colours.append(text)
            }
            var out = RVector(.character(colours))
            if let names = m["names"]?.asVector { out.names = Coerce.strings(names) }
            return .vector(out)
        })
        for name in ["gray", "grey"] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["level", "alpha"], args, call: ctx.call)
                guard let levels = m["level"].flatMap({ $0.asVector }).flatMap(Coerce.doubles) else {
                    throw RError("argument \"level\" is missing, with no default", call: ctx.call)
                }
                let alpha = m["alpha"]?.scalarDouble()
                return .character(try levels.map { level in
                    guard level.isFinite, level >= 0, level <= 1 else { throw RError("invalid gray level, must be in [0,1].", call: ctx.call) }
                    return "#" + byte(level) + byte(level) + byte(level) + (alpha.map(byte) ?? "")
                })
            })
        }
        interp.define("col2rgb", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["col", "alpha"], args, call: ctx.call)
            guard let given = m["col"], case .vector(let v) = given else { throw RError("argument \"col\" is missing, with no default", call: ctx.call) }
            let withAlpha = m["alpha"]?.logicalValue ?? false
            let colours = try resolve(v, ctx.interpreter.colourPalette, call: ctx.call)
            var values: [Int] = []
            for c in colours {
                values += [c.red, c.green, c.blue].map { Int(($0 * 255).rounded()) }
                if withAlpha { values.append(Int((c.alpha * 255).rounded())) }
            }
            var out = RVector(.integer(values))
            let rows = withAlpha ? 4 : 3
            out.attributes["dim"] = .integer([rows, colours.count])
            let rowNames: RValue = .character((withAlpha ? ["red", "green", "blue", "alpha"] : ["red", "green", "blue"]).map { Optional($0) })
            let columnNames: RValue = v.names.map { names in .character(names.map { $0 ?? "" }) } ?? .null
            out.attributes["dimnames"] = .list([rowNames, columnNames])
            return .vector(out)
        })
        interp.define("adjustcolor", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["col", "alpha.f", "red.f", "green.f", "blue.f", "offset", "transform"], args, call: ctx.call)
            guard let given = m["col"], case .vector(let v) = given else { throw RError("argument \"col\" is missing, with no default", call: ctx.call) }
            let f = m["alpha.f"]?.scalarDouble() ?? 1
            let r = m["red.f"]?.scalarDouble() ?? 1, g = m["green.f"]?.scalarDouble() ?? 1, b = m["blue.f"]?.scalarDouble() ?? 1
            func clamp(_ x: Double) -> Double { min(max(x, 0), 1) }
            return .character(try resolve(v, ctx.interpreter.colourPalette, call: ctx.call).map { c in
                "#" + byte(clamp(c.red * r)) + byte(clamp(c.green * g)) + byte(clamp(c.blue * b)) + byte(clamp(c.alpha * f))
            })
        })
    }

    /// Colours from names of colors(), "#hex" strings or numbers into the session's palette()
    /// (0 is the background, white; NA transparent), in R's words when one is not a colour.
    /// Base graphics read `col` through it too.
    static func resolve(_ v: RVector, _ palette: [String], call: Call? = nil) throws -> [Colour] {
        if case .character(let names) = v.storage, !v.isFactor {
            return try names.map { name in
                guard let name else { return Colour(red: 1, green: 1, blue: 1, alpha: 0) }
                guard let c = Colour(name: name) else { throw RError("invalid color name '\(name)'", call: call) }
                return c
            }
        }
        guard let numbers = Coerce.doubles(v) else { throw RError("invalid color specification", call: call) }
        return try numbers.map { k in
            guard k.isFinite else { return Colour(red: 1, green: 1, blue: 1, alpha: 0) }
            guard k >= 0 else { throw RError("numerical color values must be >= 0, found \(RFormat.significant(k, digits: 7))", call: call) }
            if k < 1 || palette.isEmpty { return Colour(red: 1, green: 1, blue: 1) }
            // Numbers cycle through the palette (taken modulo in doubles: any size is safe).
            let index = Int((k.rounded(.down) - 1).truncatingRemainder(dividingBy: Double(palette.count)))
            return Colour(name: palette[index]) ?? Colour(red: 0, green: 0, blue: 0)
        }
    }
}
