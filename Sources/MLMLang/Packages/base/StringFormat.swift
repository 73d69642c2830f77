import Foundation

/// format and prettyNum: a whole vector laid out in one common format, as print would show
/// it, then digit-grouping marks put in.
enum StringFormat {
    enum Justify { case left, right, centre, none }

    /// format.default's options after matching.
    struct Options {
        var trim = false
        var digits: Int
        var nsmall = 0
        var justify = Justify.left
        var width = 0
        var naEncode = true
        var scipen: Int
        var marks = Marks()
    }

    /// prettyNum's options: the marks between groups of digits, and what becomes of widths.
    struct Marks {
        var bigMark = ""
        var bigInterval = 3
        var smallMark = ""
        var smallInterval = 5
        var decimalMark = "."
        var inputDecimalMark = "."
        var drop0trailing = false

        var isTrivial: Bool {
            bigMark.isEmpty && smallMark.isEmpty && decimalMark == inputDecimalMark && !drop0trailing
        }
    }

    enum PreserveWidth: String { case common, individual, none }

    static let formatFormals = ["x", "trim", "digits", "nsmall", "justify", "width", "na.encode", "scientific",
                                "big.mark", "big.interval", "small.mark", "small.interval", "decimal.mark",
                                "zero.print", "drop0trailing", "..."]

    static func install(_ interp: Interpreter) {
        for name in ["format", "format.default"] {
            interp.define(name) { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(formatFormals, args, call: ctx.call)
                let options = try readOptions(m, interp: ctx.interpreter)
                return try format(m["x"] ?? .null, options, trimGiven: m["trim"] != nil, justifyGiven: m["justify"] != nil)
            }
        }
        interp.define("prettyNum") { ctx, args in
            let (m, rest) = try ctx.interpreter.matchBuiltinArguments(
                ["x", "big.mark", "big.interval", "small.mark", "small.interval", "decimal.mark", "input.d.mark",
                 "preserve.width", "zero.print", "replace.zero", "drop0trailing", "is.cmplx", "..."], args, call: ctx.call)
            var marks = try readMarks(m)
            marks.inputDecimalMark = m["input.d.mark"]?.scalarString() ?? marks.decimalMark
            let preserve = PreserveWidth(rawValue: try StringSupport.choice(
                m["preserve.width"], ["common", "individual", "none"])) ?? .common
            guard case .vector(let v)? = m["x"] else { return m["x"] ?? .null }
            if case .character(let s) = v.storage {
                return StringSupport.result(.character(applyMarks(s, marks, preserve: preserve)), keepingStructureOf: m["x"])
            }
            // Numbers are formatted one at a time, each with the marks, keeping only the names.
            var extra = m
            extra.removeValue(forKey: "x")
            var options = try readOptions(extra.merging(rest.compactMap { a in a.name.map { ($0, a.value) } },
                                                        uniquingKeysWith: { a, _ in a }), interp: ctx.interpreter)
            options.marks = marks
            options.marks.inputDecimalMark = options.marks.decimalMark
            var out: [String?] = []
            for i in 0..<v.count {
                let one = RVector(IndexingLibrary.select(v.storage, [i]))
                out += formatVector(one, options)
            }
            var result = RVector(.character(out))
            result.names = v.names
            return .vector(result)
        }
    }

    static func readOptions(_ m: [String: RValue], interp: Interpreter) throws -> Options {
        var o = Options(digits: interp.digits, scipen: interp.scipen)
        if let t = m["trim"] {
            guard let b = t.scalarLogical()?.bool else { throw RError("invalid 'trim' argument") }
            o.trim = b
        }
        if let d = m["digits"], !d.isNullValue {
            guard let k = StringSupport.int(d), (1...22).contains(k) else {
                throw RError("invalid value \(StringSupport.int(d).map(String.init) ?? "NA") for 'digits' argument")
            }
            o.digits = k
        }
        if let n = m["nsmall"] {
            guard let k = StringSupport.int(n), (0...20).contains(k) else { throw RError("invalid 'nsmall' argument") }
            o.nsmall = k
        }
        switch try StringSupport.choice(m["justify"], ["left", "right", "centre", "none"]) {
        case "right": o.justify = .right
        case "centre": o.justify = .centre
        case "none": o.justify = .none
        default: o.justify = .left
        }
        if let w = m["width"], !w.isNullValue {
            guard let k = StringSupport.int(w) else { throw RError("invalid 'width' argument") }
            o.width = k
        }
        if let na = m["na.encode"] {
            guard let b = na.scalarLogical()?.bool else { throw RError("invalid 'na.encode' argument") }
            o.naEncode = b
        }
        if case .vector(let s)? = m["scientific"] {
            guard s.count == 1 else { throw RError("invalid 'scientific' argument") }
            switch s.storage {
            case .logical(let l):
                // TRUE and FALSE force a notation by a penalty no width difference can outweigh.
                if let b = l[0].bool { o.scipen = b ? -100 : 100 }
            case .integer, .double:
                if let k = StringSupport.int(m["scientific"]) { o.scipen = k }
            default:
                throw RError("invalid 'scientific' argument")
            }
        }
        o.marks = try readMarks(m)
        return o
    }

    static func readMarks(_ m: [String: RValue]) throws -> Marks {
        var marks = Marks()
        marks.bigMark = m["big.mark"]?.scalarString() ?? ""
        marks.bigInterval = StringSupport.int(m["big.interval"]) ?? 3
        marks.smallMark = m["small.mark"]?.scalarString() ?? ""
        marks.smallInterval = StringSupport.int(m["small.interval"]) ?? 5
        marks.decimalMark = m["decimal.mark"]?.scalarString() ?? "."
        marks.inputDecimalMark = marks.decimalMark
        marks.drop0trailing = StringSupport.flag(m["drop0trailing"], false)
        guard marks.bigInterval > 0, marks.smallInterval > 0 else { throw RError("invalid 'big.interval' argument") }
        return marks
    }

    /// format.default on any value.
    static func format(_ x: RValue, _ options: Options, trimGiven: Bool, justifyGiven: Bool) throws -> RValue {
        switch x {
        case .null:
            return .scalar("NULL")
        case .vector(let v):
            if case .list(let items) = v.storage {
                // Each element is unlisted and formatted on its own, then joined with ", ".
                var inner = options
                if !trimGiven { inner.trim = true }
                if !justifyGiven { inner.justify = .none }
                let parts: [String?] = try items.map { item in
                    let formatted = try format(unlist(item), inner, trimGiven: true, justifyGiven: true)
                    return StringSupport.strings(formatted).map { $0 ?? "NA" }.joined(separator: ", ")
                }
                return StringSupport.result(.character(parts), keepingStructureOf: x)
            }
            let plain = v.isFactor ? RVector(.character(Coerce.strings(v))) : v
            return StringSupport.result(.character(formatVector(plain, options)), keepingStructureOf: x)
        case .language(let l):
            return .scalar(Deparser.deparse(l.expr))
        default:
            return .character(Deparser.deparseValue(x).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    /// `unlist` of one list element: nested lists flattened to the widest atomic type.
    private static func unlist(_ x: RValue) -> RValue {
        guard case .vector(let v) = x, case .list(let items) = v.storage else { return x }
        let flat = items.map(unlist)
        var rank = -1
        for item in flat {
            guard case .vector(let iv) = item else { return .character(flat.map { Deparser.deparseValue($0) }) }
            rank = max(rank, iv.isFactor ? 3 : iv.storage.rank)
        }
        if rank < 0 { return .null }
        var parts: [RVector] = []
        for case .vector(let iv) in flat { parts.append(RVector(Coerce.storage(iv, toRank: rank))) }
        switch rank {
        case 0: return .logical(parts.flatMap { Coerce.logicals($0) ?? [] })
        case 1: return .integer(parts.flatMap { Coerce.integers($0) ?? [] })
        case 2: return .double(parts.flatMap { Coerce.doubles($0) ?? [] })
        default: return .character(parts.flatMap { Coerce.strings($0) })
        }
    }

    /// The common format of an atomic vector (R's .Internal(format)), then the marks.
    static func formatVector(_ v: RVector, _ o: Options) -> [String?] {
        switch v.storage {
        case .logical(let a):
            let w = max(o.trim ? 0 : RFormat.formatLogical(a), o.width)
            return withMarks(a.map { RFormat.encodeLogical($0, width: w) }, o)
        case .integer(let a):
            let w = max(o.trim ? 0 : RFormat.formatInteger(a), o.width)
            return withMarks(a.map { RFormat.encodeInteger($0, width: w) }, o)
        case .double(let a):
            var f = RFormat.formatReal(a, digits: o.digits, nsmall: o.nsmall, scipen: o.scipen)
            if o.trim { f.width = 0 }
            f.width = max(f.width, o.width)
            return withMarks(a.map { RFormat.encodeReal($0, f) }, o)
        case .character(let a):
            return justify(a, o.justify, width: o.width, naEncode: o.naEncode)
        case .list:
            return []
        }
    }

    private static func withMarks(_ s: [String], _ o: Options) -> [String?] {
        let texts = s.map { Optional($0) }
        if o.marks.isTrivial { return texts }
        return applyMarks(texts, o.marks, preserve: o.trim ? .individual : .common)
    }

    /// Strings padded to a common width (at least `width`), NA written as "NA" unless na.encode is off.
    static func justify(_ a: [String?], _ how: Justify, width: Int, naEncode: Bool) -> [String?] {
        var w = width
        if how != .none {
            for s in a {
                if let s { w = max(w, s.displayWidth) } else if naEncode { w = max(w, 2) }
            }
        } else {
            w = 0
        }
        return a.map { s in
            guard let text = s ?? (naEncode ? "NA" : nil) else { return nil }
            let gap = w - text.displayWidth
            guard gap > 0 else { return text }
            switch how {
            case .left: return text + String(repeating: " ", count: gap)
            case .right: return String(repeating: " ", count: gap) + text
            case .centre: return String(repeating: " ", count: gap / 2) + text + String(repeating: " ", count: gap - gap / 2)
            case .none: return text
            }
        }
    }

    // MARK: - prettyNum on strings

    /// Puts big and small marks into formatted numbers, then restores the widths.
    static func applyMarks(_ x: [String?], _ marks: Marks, preserve: PreserveWidth) -> [String?] {
        if marks.isTrivial { return x }
        let out: [String?] = x.map { s in
            guard let s else { return nil }
            var before = s, after: String?
            if !marks.inputDecimalMark.isEmpty, let r = s.range(of: marks.inputDecimalMark, options: .backwards) {
                before = String(s[..<r.lowerBound])
                let tail = String(s[r.upperBound...])
                after = tail.isEmpty ? nil : tail // strsplit drops an empty last piece
            }
            if !marks.bigMark.isEmpty, hasDigitRun(before, longerThan: marks.bigInterval) {
                before = String(insertMarks(Array(before.reversed()), every: marks.bigInterval,
                                            mark: Array(marks.bigMark.reversed())).reversed())
            }
            if var a = after {
                if !marks.smallMark.isEmpty, hasDigitRun(a, longerThan: marks.smallInterval) {
                    a = String(insertMarks(Array(a), every: marks.smallInterval, mark: Array(marks.smallMark)))
                }
                if marks.drop0trailing {
                    if let e = a.firstIndex(of: "e") {
                        // Only an exponent of zero goes ("e+00"); the mantissa keeps its digits.
                        let exponent = a[a.index(after: e)...]
                        if exponent.count >= 2, "+-".contains(exponent.first ?? "x"), exponent.dropFirst().allSatisfy({ $0 == "0" }) {
                            a = String(a[..<e])
                        }
                    } else {
                        while a.last == "0" { a.removeLast() }
                    }
                }
                after = a.isEmpty ? nil : a
            }
            return before + (after.map { marks.decimalMark + $0 } ?? "")
        }
        switch preserve {
        case .none:
            return out
        case .individual:
            return zip(x, out).map { old, new in
                guard let old, var new else { return new }
                var extra = new.count - old.count
                while extra > 0, new.first == " " {
                    new.removeFirst()
                    extra -= 1
                }
                return new
            }
        case .common:
            let grew = zip(x, out).contains { old, new in (new?.count ?? 0) > (old?.count ?? 0) }
            return grew ? justify(out, .right, width: 0, naEncode: true) : out
        }
    }

    private static func hasDigitRun(_ s: String, longerThan n: Int) -> Bool {
        var run = 0
        for c in s {
            run = c.isASCII && c.isNumber ? run + 1 : 0
            if run > n { return true }
        }
        return false
    }

    /// After each group of `every` digits that is followed by another word character, the mark;
    /// the regular expression `([0-9]{n})\B` that R applies, written out.
    private static func insertMarks(_ s: [Character], every n: Int, mark: [Character]) -> [Character] {
        var out: [Character] = []
        var i = 0
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        while i < s.count {
            if i + n < s.count, s[i..<(i + n)].allSatisfy({ $0.isASCII && $0.isNumber }), isWord(s[i + n]) {
                out += s[i..<(i + n)]
                out += mark
                i += n
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }
}
