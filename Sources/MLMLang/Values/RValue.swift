/// An R value. Vectors and lists carry attributes; every case has value semantics
/// (copy-on-modify) except environments, which R shares by reference too.
public indirect enum RValue {
    case null
    case vector(RVector)
    case closure(Closure)
    case builtin(Builtin)
    case environment(Environment)
    /// A quoted symbol or call (`quote(x)`, formulas), with its own attributes.
    case language(Language)

    public static let invisibleNull = RValue.null

    public var isBuiltin: Bool {
        if case .builtin = self { return true }
        return false
    }

    /// R's `typeof`.
    public var typeName: String {
        switch self {
        case .null: return "NULL"
        case .vector(let v): return v.storage.typeName
        case .closure: return "closure"
        case .builtin(let b): return b.isSpecial ? "special" : "builtin"
        case .environment: return "environment"
        case .language(let l):
            if case .symbol = l.expr { return "symbol" }
            return "language"
        }
    }

    public var asVector: RVector? {
        if case .vector(let v) = self { return v }
        return nil
    }

    public var isFunction: Bool {
        switch self {
        case .closure, .builtin: return true
        default: return false
        }
    }

    public var attributes: Attributes {
        switch self {
        case .vector(let v): return v.attributes
        case .language(let l): return l.attributes
        default: return Attributes()
        }
    }

    public func attribute(_ name: String) -> RValue? { attributes[name] }

    /// Whether the value carries any attribute (cheap test before looking for a class).
    var hasAttributes: Bool {
        switch self {
        case .vector(let v): return !v.attributes.isEmpty
        case .language(let l): return !l.attributes.isEmpty
        default: return false
        }
    }

    /// The class attribute, or nothing for an unclassed value.
    public var explicitClass: [String]? {
        guard case .vector(let v)? = attribute("class"), case .character(let c) = v.storage else { return nil }
        return c.compactMap { $0 }
    }

    public func inherits(_ cls: String) -> Bool { explicitClass?.contains(cls) ?? false }

    public var length: Int {
        switch self {
        case .null: return 0
        case .vector(let v): return v.count
        case .environment(let e): return e.count
        case .language(let l): return l.length
        default: return 1
        }
    }

    // MARK: - Convenience constructors

    public static func double(_ values: [Double]) -> RValue { .vector(RVector(.double(values))) }
    public static func integer(_ values: [Int]) -> RValue { .vector(RVector(.integer(values))) }
    public static func logical(_ values: [Logical]) -> RValue { .vector(RVector(.logical(values))) }
    public static func character(_ values: [String?]) -> RValue { .vector(RVector(.character(values))) }
    public static func list(_ values: [RValue], names: [String]? = nil) -> RValue {
        var v = RVector(.list(values))
        if let names { v.names = names.map { Optional($0) } }
        return .vector(v)
    }
    /// A list whose names may hold NA.
    public static func list(_ values: [RValue], names: [String?]?) -> RValue {
        var v = RVector(.list(values))
        if let names { v.names = names }
        return .vector(v)
    }
    public static func scalar(_ x: Double) -> RValue { .double([x]) }
    public static func scalar(_ x: Int) -> RValue { .integer([x]) }
    public static func scalar(_ x: Bool) -> RValue { .logical([Logical(x)]) }
    public static func scalar(_ x: String) -> RValue { .character([x]) }
}

/// R's three-valued logical.
public enum Logical: UInt8, Equatable {
    case no = 0, yes = 1, na = 2

    public init(_ b: Bool) { self = b ? .yes : .no }
    public var bool: Bool? { self == .na ? nil : self == .yes }
}

/// A quoted expression as a value.
public struct Language {
    public var expr: Expr
    public var attributes = Attributes()
    public init(_ expr: Expr, attributes: Attributes = Attributes()) {
        self.expr = expr
        self.attributes = attributes
    }
    var length: Int {
        if case .call(let c) = expr { return c.arguments.count + 1 }
        return 1
    }
}
