import Foundation

/// An R object as R's serialization format (`saveRDS`, `save`) holds it, before it is an
/// interpreter value: the interpreter turns these into its own values and back.
public struct RSerializedObject {
    public indirect enum Value {
        case null
        /// NA is Int32.min, as in R.
        case logical([Int32])
        case integer([Int32])
        case double([Double])
        /// Real and imaginary parts, interleaved.
        case complex([Double])
        case character([String?])
        case raw([UInt8])
        case list([RSerializedObject])
        case expression([RSerializedObject])
        case symbol(String)
        /// A pairlist (LISTSXP): tagged elements.
        case pairlist([(tag: String?, value: RSerializedObject)])
        /// A call (LANGSXP): the function, then the tagged arguments.
        case call([(tag: String?, value: RSerializedObject)])
        case closure(formals: [(tag: String?, value: RSerializedObject)], body: RSerializedObject,
                     environment: RSerializedEnvironment)
        case environment(RSerializedEnvironment)
        /// A builtin or special function, by name.
        case primitive(String)
        /// The empty argument (a formal without default, `x[, 1]`'s missing index).
        case missingArgument
        /// Objects with no meaning outside the R process that wrote them (external pointers,
        /// weak references, byte code): read past, kept as NULL.
        case opaque(String)
    }

    public var value: Value
    /// Attributes in R's order.
    public var attributes: [(name: String, value: RSerializedObject)]
    /// Whether R's OBJECT bit was set (the object has a class).
    public var isObject: Bool
    /// Whether it is an S4 object.
    public var isS4: Bool

    public init(_ value: Value, attributes: [(name: String, value: RSerializedObject)] = [], isObject: Bool = false,
                isS4: Bool = false) {
        self.value = value
        self.attributes = attributes
        self.isObject = isObject
        self.isS4 = isS4
    }

    public static let null = RSerializedObject(.null)
}

/// An environment in a serialized object. A class, since the format shares environments by
/// reference and they may refer to themselves.
public final class RSerializedEnvironment {
    public enum Kind: Equatable {
        case global, base, empty
        /// A package namespace or attached package, by its name.
        case namespace(String), package(String)
        case local
    }

    public let kind: Kind
    public var enclosure: RSerializedEnvironment?
    public var bindings: [(name: String, value: RSerializedObject)] = []
    public var attributes: [(name: String, value: RSerializedObject)] = []
    public var locked = false

    public init(_ kind: Kind) { self.kind = kind }
}

/// What R says when a file cannot be read as serialized R data.
public struct RDataError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
