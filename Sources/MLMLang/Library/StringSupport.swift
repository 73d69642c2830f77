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
    static func choice(_ value: RValue?, _ options: [String], argument: String) throws -> String {
        guard let given = value?.scalarString() else { return options[0] }
        if options.contains(given) { return given }
        let hits = options.filter { $0.hasPrefix(given) }
        guard hits.count == 1, !given.isEmpty else {
            throw RError("'arg' should be one of \(options.map { "“\($0)”" }.joined(separator: ", "))")
        }
        return hits[0]
    }

    /// C's snprintf with a format and its arguments; R's own formatting goes through the same
    /// C library, so widths, flags and rounding agree with R digit for digit.
    static func cFormat(_ format: String, _ args: [CVarArg]) -> String {
        var size = 128
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            let n = withVaList(args) { vsnprintf(&buffer, size, format, $0) }
            if n < 0 { return "" }
            if Int(n) < size { return String(cString: buffer) }
            size = Int(n) + 1
        }
    }

    /// snprintf for one string argument, which C needs as a pointer.
    static func cFormat(_ format: String, string: String) -> String {
        string.withCString { cFormat(format, [$0]) }
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
