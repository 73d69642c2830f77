/// base::abbreviate.
enum Abbreviate {
    static func install(_ interp: Interpreter) {
        interp.define("abbreviate", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["names.arg", "minlength", "..."], args, call: ctx.call)
            guard case .vector(let x)? = m["names.arg"] else { return .character([]) }
            let strings = Coerce.strings(x)
            let minlength = m["minlength"]?.scalarInt() ?? 4
            var out = RVector(.character(strings.map { $0.map { abbreviate($0, minlength: minlength) } }))
            out.names = strings
            return .vector(out)
        })
    }

    /// R's abbreviate (method "left.kept", not strict): drop lower-case vowels from the right,
    /// then lower-case letters, then any character, never the first letter of a word, until
    /// the name is at most `minlength` characters.
    static func abbreviate(_ name: String, minlength: Int) -> String {
        var chars = Array(name.trimmingCharacters(in: .whitespaces))
        guard chars.count > minlength else { return String(chars) }
        func firstOfWord(_ i: Int) -> Bool { i == 0 || chars[i - 1] == " " }
        let passes: [(Character) -> Bool] = [
            { "aeiou".contains($0) },
            { $0.isLowercase },
            { $0 != " " },
        ]
        for removable in passes {
            var i = chars.count - 1
            while i > 0 && chars.filter({ $0 != " " }).count > minlength {
                if !firstOfWord(i) && removable(chars[i]) { chars.remove(at: i) }
                i -= 1
            }
            if chars.filter({ $0 != " " }).count <= minlength { break }
        }
        return String(chars.filter { $0 != " " })
    }
}
