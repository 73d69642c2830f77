/// The payload of an atomic vector or list. NA is `Int.min` for integers, R's NA bit pattern
/// for doubles, `nil` for strings and `.na` for logicals.
public enum Storage {
    case logical([Logical])
    case integer([Int])
    case double([Double])
    case character([String?])
    case list(RList)

    public var count: Int {
        switch self {
        case .logical(let a): return a.count
        case .integer(let a): return a.count
        case .double(let a): return a.count
        case .character(let a): return a.count
        case .list(let a): return a.count
        }
    }

    public var typeName: String {
        switch self {
        case .logical: return "logical"
        case .integer: return "integer"
        case .double: return "double"
        case .character: return "character"
        case .list: return "list"
        }
    }

    /// Position in R's coercion hierarchy: logical < integer < double < character < list.
    public var rank: Int {
        switch self {
        case .logical: return 0
        case .integer: return 1
        case .double: return 2
        case .character: return 3
        case .list: return 4
        }
    }
}

public let NAInteger = Int.min
/// R's NA_real_: a NaN whose low word is 1954, distinguishable from other NaNs.
public let NAReal = Double(bitPattern: 0x7FF0_0000_0000_07A2)

public extension Double {
    /// True only for R's NA, not for NaN.
    var isRNA: Bool { isNaN && (bitPattern & 0xFFFF_FFFF) == 1954 }
}

/// A vector or list with its attributes.
public struct RVector {
    public var storage: Storage
    public var attributes: Attributes

    public init(_ storage: Storage, attributes: Attributes = Attributes()) {
        self.storage = storage
        self.attributes = attributes
    }

    public var count: Int { storage.count }

    public var names: [String?]? {
        get {
            guard case .vector(let v)? = attributes["names"], case .character(let n) = v.storage else { return nil }
            return n
        }
        set { attributes["names"] = newValue.map { .character($0) } }
    }

    public var dim: [Int]? {
        guard case .vector(let v)? = attributes["dim"] else { return nil }
        switch v.storage {
        case .integer(let d): return d
        case .double(let d): return d.map { $0.saturatingInt }
        default: return nil
        }
    }

    public var classes: [String]? {
        guard case .vector(let v)? = attributes["class"], case .character(let c) = v.storage else { return nil }
        return c.compactMap { $0 }
    }

    public var isFactor: Bool {
        if case .integer = storage, classes?.contains("factor") == true { return true }
        return false
    }

    public var levels: [String]? {
        guard case .vector(let v)? = attributes["levels"], case .character(let c) = v.storage else { return nil }
        return c.map { $0 ?? "NA" }
    }

    public func isNA(at i: Int) -> Bool {
        switch storage {
        case .logical(let a): return a[i] == .na
        case .integer(let a): return a[i] == NAInteger
        case .double(let a): return a[i].isNaN
        case .character(let a): return a[i] == nil
        case .list: return false
        }
    }
}
