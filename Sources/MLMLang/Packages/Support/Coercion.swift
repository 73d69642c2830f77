/// Conversions between R's vector types, with R's rules for NA and for strings.
public enum Coerce {
    static func doubles(_ v: RVector) -> [Double]? {
        switch v.storage {
        case .double(let a): return a
        case .integer(let a): return a.map { $0 == NAInteger ? NAReal : Double($0) }
        case .logical(let a): return a.map { $0 == .na ? NAReal : ($0 == .yes ? 1 : 0) }
        case .character(let a): return a.map { $0.flatMap(parseDouble) ?? NAReal }
        case .list(let items):
            var out: [Double] = []
            for item in items {
                guard case .vector(let iv) = item, iv.count == 1, let d = doubles(iv) else { return nil }
                out.append(d[0])
            }
            return out
        }
    }

    static func integers(_ v: RVector) -> [Int]? {
        switch v.storage {
        case .integer(let a): return a
        case .logical(let a): return a.map { $0 == .na ? NAInteger : ($0 == .yes ? 1 : 0) }
        case .double(let a): return a.map { $0.isNaN || abs($0) >= 2_147_483_648 ? NAInteger : Int($0) }
        case .character: return doubles(v).map { $0.map { $0.isNaN || abs($0) >= 2_147_483_648 ? NAInteger : Int($0) } }
        case .list: return doubles(v).map { $0.map { $0.isNaN || abs($0) >= 2_147_483_648 ? NAInteger : Int($0) } }
        }
    }

    /// as.integer's values, warning as it does when a number falls outside the integer range
    /// (NA then); nil for what cannot be read as numbers.
    static func integersWarningOutOfRange(_ v: RVector, _ interp: Interpreter, call: Call?) -> [Int]? {
        guard let after = integers(v) else { return nil }
        if case .integer = v.storage { return after }
        let before = doubles(v) ?? []
        if zip(before, after).contains(where: { !$0.isNaN && $1 == NAInteger }) {
            interp.warning("NAs introduced by coercion to integer range", call: call)
        }
        return after
    }

    static func logicals(_ v: RVector) -> [Logical]? {
        switch v.storage {
        case .logical(let a): return a
        case .integer(let a): return a.map { $0 == NAInteger ? .na : Logical($0 != 0) }
        case .double(let a): return a.map { $0.isNaN ? .na : Logical($0 != 0) }
        case .character(let a):
            return a.map { s in
                switch s {
                case "TRUE", "true", "T", "True": return .yes
                case "FALSE", "false", "F", "False": return .no
                default: return .na
                }
            }
        case .list: return nil
        }
    }

    static func strings(_ v: RVector) -> [String?] {
        switch v.storage {
        case .character(let a): return a
        case .logical(let a): return a.map { $0 == .na ? nil : ($0 == .yes ? "TRUE" : "FALSE") }
        case .integer(let a):
            if v.isFactor, let levels = v.levels {
                return a.map { $0 == NAInteger || $0 < 1 || $0 > levels.count ? nil : levels[$0 - 1] }
            }
            return a.map { $0 == NAInteger ? nil : String($0) }
        case .double(let a): return a.map { $0.isRNA ? nil : RFormat.significant($0, digits: 15) }
        case .list(let items): return items.map { item in
            if case .vector(let iv) = item, iv.count == 1 { return strings(iv)[0] }
            return Deparser.deparseValue(item)
        }
        }
    }

    /// R's string-to-number conversion: decimal, hexadecimal, Inf, NA; surrounding blanks ignored.
    static func parseDouble(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces)
        switch t {
        case "NA": return NAReal
        case "Inf", "inf", "+Inf": return .infinity
        case "-Inf", "-inf": return -.infinity
        case "NaN": return .nan
        default: break
        }
        if t.hasPrefix("0x") || t.hasPrefix("0X") { return UInt64(t.dropFirst(2), radix: 16).map(Double.init) }
        guard let first = t.unicodeScalars.first, first.isDigit || first == "." || first == "-" || first == "+" else { return nil }
        return Double(t)
    }

    /// Converts storage to the given rank in logical < integer < double < character < list.
    static func storage(_ v: RVector, toRank rank: Int) -> Storage {
        switch rank {
        case 0: return .logical(logicals(v) ?? [])
        case 1: return .integer(integers(v) ?? [])
        case 2: return .double(doubles(v) ?? [])
        case 3: return .character(strings(v))
        default: return .list(listItems(v))
        }
    }

    static func listItems(_ v: RVector) -> [RValue] {
        switch v.storage {
        case .list(let a): return a.array
        case .logical(let a): return a.map { .logical([$0]) }
        case .integer(let a):
            if v.isFactor {
                var attrs = Attributes()
                attrs["levels"] = v.attributes["levels"]
                attrs["class"] = v.attributes["class"]
                return a.map { .vector(RVector(.integer([$0]), attributes: attrs)) }
            }
            return a.map { .integer([$0]) }
        case .double(let a): return a.map { .double([$0]) }
        case .character(let a): return a.map { .character([$0]) }
        }
    }
}

import Foundation

extension RValue {
    /// A single number from a length-one argument, as builtins read their scalar options.
    func scalarDouble() -> Double? {
        guard case .vector(let v) = self, v.count >= 1, let d = Coerce.doubles(v) else { return nil }
        return d[0]
    }

    func scalarInt() -> Int? {
        guard let d = scalarDouble(), !d.isNaN else { return nil }
        return d.saturatingInt
    }

    func scalarString() -> String? {
        guard case .vector(let v) = self, v.count >= 1 else { return nil }
        return Coerce.strings(v)[0]
    }

    /// R's test of a condition in `if` and `while`.
    func scalarLogical() -> Logical? {
        guard case .vector(let v) = self, v.count >= 1, let l = Coerce.logicals(v) else { return nil }
        return l[0]
    }
}

public extension Coerce {
    /// `as.character` of a value: factor labels, 15 significant digits for doubles.
    static func asCharacter(_ v: RValue) -> [String?] {
        guard case .vector(let vec) = v else { return [] }
        return strings(vec)
    }
}
