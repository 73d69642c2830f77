import Foundation

/// Writes R's serialization format, version 3 in XDR form, as R 4.2's `saveRDS()` and `save()`
/// write it, so that R reads back what mlmd saves.
public struct RSerializer {
    private var output = [UInt8]()
    /// Symbols and environments already written, which later occurrences refer back to.
    private var symbolReferences: [String: Int] = [:]
    private var environmentReferences: [ObjectIdentifier: Int] = [:]
    private var referenceCount = 0

    public init() {}

    /// A serialization stream of `object` ("X\n", the version header, the object).
    public static func serialize(_ object: RSerializedObject) -> Data {
        var writer = RSerializer()
        writer.output += Array("X\n".utf8)
        writer.integer(3)
        writer.integer(4 << 16 | 2 << 8 | 2)  // written by R 4.2.2
        writer.integer(3 << 16 | 5 << 8)      // read by R 3.5.0 or later
        let encoding = Array("UTF-8".utf8)
        writer.integer(Int32(encoding.count))
        writer.output += encoding
        writer.write(object)
        return Data(writer.output)
    }

    private mutating func flags(_ type: Int32, _ object: RSerializedObject? = nil, hasTag: Bool = false, levels: Int32 = 0) -> Int32 {
        var flags = type | levels << 12
        if object?.isObject == true { flags |= 1 << 8 }
        if let object, !object.attributes.isEmpty { flags |= 1 << 9 }
        if hasTag { flags |= 1 << 10 }
        return flags
    }

    private mutating func write(_ object: RSerializedObject) {
        switch object.value {
        case .null: integer(254)
        case .missingArgument: integer(251)
        case .opaque: integer(254)
        case .symbol(let name): symbol(name)
        case .environment(let environment): self.environment(environment)
        case .logical(let values), .integer(let values):
            if case .logical = object.value { integer(flags(10, object)) } else { integer(flags(13, object)) }
            length(values.count)
            for v in values { integer(v) }
            attributes(object)
        case .double(let values), .complex(let values):
            if case .double = object.value { integer(flags(14, object)); length(values.count) } else { integer(flags(15, object)); length(values.count / 2) }
            for v in values { double(v) }
            attributes(object)
        case .character(let values):
            integer(flags(16, object))
            length(values.count)
            for v in values { string(v) }
            attributes(object)
        case .raw(let bytes):
            integer(flags(24, object))
            length(bytes.count)
            output += bytes
            attributes(object)
        case .list(let items), .expression(let items):
            if case .list = object.value { integer(flags(19, object)) } else { integer(flags(20, object)) }
            length(items.count)
            for item in items { write(item) }
            attributes(object)
        case .primitive(let name):
            integer(flags(8, nil))
            let bytes = Array(name.utf8)
            integer(Int32(bytes.count))
            output += bytes
        case .pairlist(let cells): pairlist(2, cells, object)
        case .call(let cells): pairlist(6, cells, object)
        case .closure(let formals, let body, let environment):
            integer(flags(3, object, hasTag: true))
            if !object.attributes.isEmpty { attributeList(object.attributes) }
            self.environment(environment)
            if formals.isEmpty { integer(254) } else { pairlist(2, formals, .null) }
            write(body)
        }
    }

    /// Cells of a pairlist or call, the first carrying the object's attributes.
    private mutating func pairlist(_ type: Int32, _ cells: [(tag: String?, value: RSerializedObject)], _ object: RSerializedObject) {
        guard !cells.isEmpty else { return integer(254) }
        for (k, cell) in cells.enumerated() {
            let carrier: RSerializedObject? = k == 0 ? object : nil
            integer(flags(k == 0 ? type : 2, carrier, hasTag: cell.tag != nil))
            if let carrier, !carrier.attributes.isEmpty { attributeList(carrier.attributes) }
            if let tag = cell.tag { symbol(tag) }
            write(cell.value)
        }
        integer(254)
    }

    private mutating func attributes(_ object: RSerializedObject) {
        if !object.attributes.isEmpty { attributeList(object.attributes) }
    }

    private mutating func attributeList(_ attributes: [(name: String, value: RSerializedObject)]) {
        pairlist(2, attributes.map { (tag: Optional($0.name), value: $0.value) }, .null)
    }

    private mutating func symbol(_ name: String) {
        if let index = symbolReferences[name] { return reference(index) }
        referenceCount += 1
        symbolReferences[name] = referenceCount
        integer(1)
        string(name)
    }

    private mutating func environment(_ environment: RSerializedEnvironment) {
        switch environment.kind {
        case .global: return integer(253)
        case .base: return integer(241)
        case .empty: return integer(242)
        case .namespace(let name), .package(let name):
            if let index = environmentReferences[ObjectIdentifier(environment)] { return reference(index) }
            referenceCount += 1
            environmentReferences[ObjectIdentifier(environment)] = referenceCount
            if case .namespace = environment.kind { integer(249) } else { integer(248) }
            integer(0)
            integer(1)
            string(name)
        case .local:
            if let index = environmentReferences[ObjectIdentifier(environment)] { return reference(index) }
            referenceCount += 1
            environmentReferences[ObjectIdentifier(environment)] = referenceCount
            integer(4)
            integer(environment.locked ? 1 : 0)
            self.environment(environment.enclosure ?? RSerializedEnvironment(.global))
            pairlist(2, environment.bindings.map { (tag: Optional($0.name), value: $0.value) }, .null)
            integer(254)  // no hash table
            if environment.attributes.isEmpty { integer(254) } else { attributeList(environment.attributes) }
        }
    }

    private mutating func reference(_ index: Int) {
        if index < 1 << 23 { integer(Int32(index) << 8 | 255) } else { integer(255); integer(Int32(index)) }
    }

    /// A CHARSXP: ASCII or UTF-8 text, or NA.
    private mutating func string(_ text: String?) {
        guard let text else {
            integer(9)
            return integer(-1)
        }
        let bytes = Array(text.utf8)
        let ascii = bytes.allSatisfy { $0 < 128 }
        integer(9 | (ascii ? 64 : 8) << 12)
        integer(Int32(bytes.count))
        output += bytes
    }

    private mutating func length(_ n: Int) {
        if n <= Int(Int32.max) { return integer(Int32(n)) }
        integer(-1)
        integer(Int32(truncatingIfNeeded: n >> 32))
        integer(Int32(truncatingIfNeeded: n))
    }

    private mutating func integer(_ value: Int32) {
        let bits = UInt32(bitPattern: value)
        output += [UInt8(bits >> 24), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits & 0xFF)]
    }

    private mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 56, through: 0, by: -8) { output.append(UInt8(bits >> UInt64(shift) & 0xFF)) }
    }
}
