import Foundation

/// Strings as codes: strtoi, utf8ToInt, intToUtf8 and encodeString.
enum StringCodes {
    static func install(_ interp: Interpreter) {
        interp.define("strtoi") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "base"], args, call: ctx.call)
            let base = StringSupport.int(m["base"]) ?? 10
            guard base == 10 || (2...36).contains(base) else { throw RError("invalid 'base' argument") }
            return .integer(StringSupport.strings(m["x"]).map { s in s.map { parseInteger($0, base: base) } ?? NAInteger })
        }
        interp.define("utf8ToInt") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x"], args, call: ctx.call)
            guard case .vector(let v)? = m["x"], case .character(let s) = v.storage, !s.isEmpty else {
                throw RError("argument should be a character vector of length 1")
            }
            if s.count > 1 {
                ctx.interpreter.warning("argument should be a character vector of length 1\nall but the first element will be ignored",
                                        call: ctx.call)
            }
            guard let text = s[0] else { return .integer([NAInteger]) }
            return .integer(text.unicodeScalars.map { Int($0.value) })
        }
        interp.define("intToUtf8") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "multiple", "allow_surrogate_pairs"], args, call: ctx.call)
            let codes = StringSupport.integers(m["x"])
            if StringSupport.flag(m["multiple"], false) {
                return .character(codes.map { c in
                    if c == NAInteger { return nil }
                    return c == 0 ? "" : Unicode.Scalar(UInt32(clamping: c)).map { String(Character($0)) }
                })
            }
            var s = String.UnicodeScalarView()
            for c in codes where c != 0 {
                guard c != NAInteger, let u = Unicode.Scalar(UInt32(clamping: c)) else { return .character([nil]) }
                s.append(u)
            }
            return .scalar(String(s))
        }
        interp.define("encodeString") { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "width", "quote", "na.encode", "justify"],
                                                                   args, call: ctx.call)
            let quote = m["quote"]?.scalarString() ?? ""
            let naEncode = StringSupport.flag(m["na.encode"], true)
            let how: StringFormat.Justify
            switch try StringSupport.choice(m["justify"], ["left", "right", "centre", "none"]) {
            case "right": how = .right
            case "centre": how = .centre
            case "none": how = .none
            default: how = .left
            }
            // Unquoted, NA is written as print writes it without quotes.
            let naText = quote.isEmpty ? "<NA>" : "NA"
            let encoded = StringSupport.strings(m["x"]).map { s in s.map { escape($0, quote: quote) } ?? (naEncode ? naText : nil) }
            // width = NA (or anything as.integer makes NA) means the common width of all elements.
            let widthValue = m["width"]?.scalarDouble()
            let common = encoded.map { $0?.displayWidth ?? 2 }.max() ?? 0
            let width = widthValue.map { $0.isFinite && abs($0) < 2_147_483_648 ? Int($0) : common } ?? 0
            let texts = StringFormat.justify(encoded, how, width: width, naEncode: naEncode)
            return StringSupport.result(.character(how == .none ? encoded : texts),
                                        keepingStructureOf: m["x"])
        }
    }

    /// strtol's reading of a whole string in a base; anything left over, or overflow, is NA.
    private static func parseInteger(_ s: String, base: Int) -> Int {
        guard !s.isEmpty else { return NAInteger }
        return s.withCString { p -> Int in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let v = strtol(p, &end, Int32(base))
            guard errno == 0, let end, end.pointee == 0, abs(v) <= Int(Int32.max) else { return NAInteger }
            return v
        }
    }

    /// A string as print shows it inside quotes (encodeString); the escaping is R's, shared
    /// with print and deparse.
    static func escape(_ s: String, quote: String) -> String {
        Deparser.quoteString(s, quote: quote)
    }
}
