import Foundation

/// Pieces the string builtins share: reading arguments, recycling, keeping attributes, and
/// C's printf, which R itself calls for sprintf and formatC.
enum StringSupport {
    /// `as.character` of an argument; NULL is an empty vector.
    static func strings(_ value: RValue?) -> [String?] {
        guard case .vector(let v)? = value else { return [] }
        return Coerce.strings(v)
    }

    /// A character argument R requires to be a character vector already (strsplit, startsWith).
    static func characterArgument(_ value: RValue?, error: String) throws -> [String?] {
        guard case .vector(let v)? = value, case .character(let s) = v.storage else { throw RError(error) }
        return s
    }

    /// A TRUE/FALSE option; NA and absent give the default.
    static func flag(_ value: RValue?, _ defaultValue: Bool) -> Bool {
        value?.scalarLogical()?.bool ?? defaultValue
    }

    /// A single integer option as as.integer reads it; nil for NULL, NA, or a value outside
    /// R's integer range.
    static func int(_ value: RValue?) -> Int? {
        guard let d = value?.scalarDouble(), d.isFinite, abs(d) < 2_147_483_648 else { return nil }
        return Int(d)
    }

    /// Integers from an argument (start/stop of substr, widths), NA kept as NAInteger.
    static func integers(_ value: RValue?) -> [Int] {
        guard case .vector(let v)? = value else { return [] }
        return Coerce.integers(v) ?? []
    }

    /// The result of an element-wise string function with the names, dim and dimnames of `x`,
    /// as R's internal string functions keep them.
    static func result(_ storage: Storage, keepingStructureOf x: RValue?) -> RValue {
        var out = RVector(storage)
        if case .vector(let v)? = x, v.count == storage.count {
            for name in ["names", "dim", "dimnames"] { out.attributes[name] = v.attributes[name] }
        }
        return .vector(out)
    }

    /// One of R's choices given as a string, matched partially as `match.arg` does.
    static func choice(_ value: RValue?, _ options: [String]) throws -> String {
        guard let given = value?.scalarString() else { return options[0] }
        if options.contains(given) { return given }
        let hits = options.filter { $0.hasPrefix(given) }
        guard hits.count == 1, !given.isEmpty else {
            throw RError("'arg' should be one of \(options.map(Quotes.double).joined(separator: ", "))")
        }
        return hits[0]
    }

    /// Longest text a single C conversion may produce here; R's own limits are smaller
    /// (8192 for sprintf) or end in a failed allocation.
    static let maxFormattedLength = 1 << 20

    /// C's snprintf with a format and its arguments; R's own formatting goes through the same
    /// C library, so widths, flags and rounding agree with R digit for digit.
    static func cFormat(_ format: String, _ args: [CVarArg], limit: Int = maxFormattedLength) throws -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        var n = withVaList(args) { vsnprintf(&buffer, buffer.count, format, $0) }
        if n < 0 { throw RError("invalid format '\(format)'") }
        if Int(n) >= buffer.count {
            if Int(n) > limit { throw RError("required resulting string length \(n) is greater than maximal \(limit)") }
            buffer = [CChar](repeating: 0, count: Int(n) + 1)
            n = withVaList(args) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(cString: buffer)
    }

    /// snprintf for one string argument, which C needs as a pointer.
    static func cFormat(_ format: String, string: String, limit: Int = maxFormattedLength) throws -> String {
        try string.withCString { try cFormat(format, [$0], limit: limit) }
    }
}

extension String {
    /// The string as R indexes it: one element per Unicode code point.
    var codePoints: [Unicode.Scalar] { Array(unicodeScalars) }

    init(codePoints: some Sequence<Unicode.Scalar>) {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: codePoints)
        self = String(s)
    }
}
