import Foundation

/// Reads R's serialization format (R Internals, "Serialization formats"), versions 2 and 3, in
/// its XDR (big-endian) and native binary forms: what `readRDS()` reads, and what `load()` reads
/// after the "RDX2"/"RDX3" line.
public struct RUnserializer {
    private let bytes: [UInt8]
    private var position = 0
    private var bigEndian = true
    /// Objects the stream refers back to (symbols, environments), in the order they were read.
    private var references: [RSerializedObject] = []
    /// How deeply the item being read is nested: a damaged file cannot recurse without end.
    private var depth = 0
    private static let maximumDepth = 10_000

    public init(_ data: Data) { bytes = [UInt8](data) }

    /// The object a serialization stream holds.
    public static func read(_ data: Data) throws -> RSerializedObject {
        var reader = RUnserializer(data)
        try reader.readHeader()
        return try reader.readItem()
    }

    // MARK: - Header

    private mutating func readHeader() throws {
        guard bytes.count >= 2 else { throw RDataError("unknown input format") }
        switch (bytes[0], bytes[1]) {
        case (UInt8(ascii: "X"), UInt8(ascii: "\n")): bigEndian = true
        case (UInt8(ascii: "B"), UInt8(ascii: "\n")): bigEndian = false
        case (UInt8(ascii: "A"), UInt8(ascii: "\n")):
            throw RDataError("files saved with ascii = TRUE cannot be read yet")
        default: throw RDataError("unknown input format")
        }
        position = 2
        let version = try integer()
        _ = try integer()  // the writer's R version
        _ = try integer()  // the oldest R version that reads it
        switch version {
        case 2: break
        case 3:
            let length = Int(try integer())
            _ = try take(length)  // the writer's native encoding
        default:
            throw RDataError("cannot read workspace version \(version) written by R; need R 3.5.0 or newer")
        }
    }

    // MARK: - Items

    private enum Code {
        static let symbol: Int32 = 1, pairlist: Int32 = 2, closure: Int32 = 3, environment: Int32 = 4,
                   promise: Int32 = 5, language: Int32 = 6, special: Int32 = 7, builtin: Int32 = 8, char: Int32 = 9,
                   logical: Int32 = 10, integer: Int32 = 13, real: Int32 = 14, complex: Int32 = 15, string: Int32 = 16,
                   dots: Int32 = 17, list: Int32 = 19, expression: Int32 = 20, bytecode: Int32 = 21,
                   externalPointer: Int32 = 22, weakReference: Int32 = 23, raw: Int32 = 24, s4: Int32 = 25
        static let altrep: Int32 = 238, attributedPairlist: Int32 = 239, attributedLanguage: Int32 = 240,
                   baseEnvironment: Int32 = 241, emptyEnvironment: Int32 = 242, persistent: Int32 = 247,
                   package: Int32 = 248, namespace: Int32 = 249, baseNamespace: Int32 = 250,
                   missingArgument: Int32 = 251, unboundValue: Int32 = 252, globalEnvironment: Int32 = 253,
                   nilValue: Int32 = 254, reference: Int32 = 255
    }

    private struct Flags {
        let type: Int32
        let levels: Int32
        let isObject: Bool
        let hasAttributes: Bool
        let hasTag: Bool
        let raw: Int32

        init(_ flags: Int32) {
            raw = flags
            type = flags & 0xFF
            levels = flags >> 12
            isObject = flags & (1 << 8) != 0
            hasAttributes = flags & (1 << 9) != 0
            hasTag = flags & (1 << 10) != 0
        }
    }

    mutating func readItem() throws -> RSerializedObject {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw RDataError("the file nests objects more than \(Self.maximumDepth) levels deep") }
        return try readItem(Flags(try integer()))
    }

    private mutating func readItem(_ flags: Flags) throws -> RSerializedObject {
        switch flags.type {
        case Code.nilValue: return .null
        case Code.globalEnvironment: return RSerializedObject(.environment(RSerializedEnvironment(.global)))
        case Code.baseEnvironment, Code.baseNamespace: return RSerializedObject(.environment(RSerializedEnvironment(.base)))
        case Code.emptyEnvironment: return RSerializedObject(.environment(RSerializedEnvironment(.empty)))
        case Code.unboundValue: return RSerializedObject(.opaque("unbound value"))
        case Code.missingArgument: return RSerializedObject(.missingArgument)
        case Code.reference:
            var index = Int(flags.raw >> 8)
            if index == 0 { index = Int(try integer()) }
            guard index >= 1, index <= references.count else { throw RDataError("ReadItem: unknown type \(flags.type), perhaps written by later version of R") }
            return references[index - 1]
        case Code.persistent:
            throw RDataError("no restore method available")
        case Code.symbol:
            let name = try readItem()
            guard case .character(let text) = name.value, let symbol = text.first ?? nil else { throw damaged }
            let object = RSerializedObject(.symbol(symbol))
            references.append(object)
            return object
        case Code.package, Code.namespace:
            let names = try stringVector()
            let name = names.first.flatMap { $0 } ?? ""
            let object = RSerializedObject(.environment(RSerializedEnvironment(flags.type == Code.package ? .package(name) : .namespace(name))))
            references.append(object)
            return object
        case Code.environment:
            let locked = try integer() != 0
            let environment = RSerializedEnvironment(.local)
            environment.locked = locked
            let object = RSerializedObject(.environment(environment))
            references.append(object)
            let enclosure = try readItem()
            if case .environment(let parent) = enclosure.value { environment.enclosure = parent }
            let frame = try readItem()
            let table = try readItem()
            environment.attributes = attributeList(try readItem())
            if case .pairlist(let bindings) = frame.value { environment.bindings += bindings.compactMap(binding) }
            if case .list(let buckets) = table.value {
                for bucket in buckets { if case .pairlist(let bindings) = bucket.value { environment.bindings += bindings.compactMap(binding) } }
            }
            return object
        case Code.pairlist, Code.language, Code.closure, Code.promise, Code.dots, Code.attributedPairlist, Code.attributedLanguage:
            return try readPairlist(flags)
        case Code.altrep:
            return try readAltrep(flags)
        default:
            return try readVectorLike(flags)
        }
    }

    private func binding(_ element: (tag: String?, value: RSerializedObject)) -> (name: String, value: RSerializedObject)? {
        element.tag.map { ($0, element.value) }
    }

    /// Cells of a pairlist, call or closure: attributes and tag, then the element; the rest of
    /// the chain is read in a loop rather than by recursion, however long it is.
    private mutating func readPairlist(_ first: Flags) throws -> RSerializedObject {
        var cells: [(tag: String?, value: RSerializedObject, tagObject: RSerializedObject?)] = []
        var attributes: [(name: String, value: RSerializedObject)] = []
        var flags = first
        var tail = RSerializedObject.null
        while true {
            let hasAttributes = flags.hasAttributes || flags.type == Code.attributedPairlist || flags.type == Code.attributedLanguage
            let cellAttributes = hasAttributes ? try readItem() : .null
            if cells.isEmpty { attributes = attributeList(cellAttributes) }
            let tag = flags.hasTag ? try readItem() : nil
            let element = try readItem()
            var tagName: String?
            if let tag, case .symbol(let name) = tag.value { tagName = name }
            cells.append((tagName, element, tag))
            let next = Flags(try integer())
            if next.type == Code.pairlist || next.type == Code.attributedPairlist, first.type != Code.closure, first.type != Code.promise {
                flags = next
                continue
            }
            tail = try readItem(next)
            break
        }
        let tagged = cells.map { (tag: $0.tag, value: $0.value) }
        switch first.type {
        case Code.language, Code.attributedLanguage:
            return RSerializedObject(.call(tagged), attributes: attributes, isObject: first.isObject)
        case Code.closure:
            // A closure's cell: its environment as the tag, the formals, then the body.
            var formals: [(tag: String?, value: RSerializedObject)] = []
            if case .pairlist(let list) = cells[0].value.value { formals = list }
            var environment = RSerializedEnvironment(.global)
            if let tag = cells[0].tagObject, case .environment(let env) = tag.value { environment = env }
            return RSerializedObject(.closure(formals: formals, body: tail, environment: environment), attributes: attributes,
                                     isObject: first.isObject)
        case Code.promise:
            // A promise's value (its expression when it was never forced).
            if case .opaque = cells[0].value.value { return tail }
            return cells[0].value
        default:
            return RSerializedObject(.pairlist(tagged), attributes: attributes, isObject: first.isObject)
        }
    }

    /// ALTREP objects as R 3.5+ writes compact sequences and wrappers: their ordinary value.
    private mutating func readAltrep(_ flags: Flags) throws -> RSerializedObject {
        let info = try readItem(), state = try readItem(), attributes = attributeList(try readItem())
        guard case .pairlist(let parts) = info.value, case .symbol(let className)? = parts.first?.value.value else { throw damaged }
        var object: RSerializedObject
        switch className {
        case "compact_intseq":
            guard case .double(let s) = state.value, s.count == 3, let n = Self.sequenceLength(s[0]),
                  let start = Int32(exactly: s[1]), let step = Int32(exactly: s[2]) else { throw damaged }
            // The sequence's last element must be an integer too.
            let last = Double(start) + Double(max(n - 1, 0)) * Double(step)
            guard abs(last) <= Double(Int32.max) else { throw damaged }
            // In Int, so that no partial product overflows; each element lies between start and last.
            object = RSerializedObject(.integer((0..<n).map { Int32(Int(start) + $0 * Int(step)) }))
        case "compact_realseq":
            guard case .double(let s) = state.value, s.count == 3, let n = Self.sequenceLength(s[0]) else { throw damaged }
            object = RSerializedObject(.double((0..<n).map { s[1] + Double($0) * s[2] }))
        case "wrap_integer", "wrap_real", "wrap_logical", "wrap_string", "wrap_complex", "wrap_raw", "wrap_list":
            guard case .list(let items) = state.value, let wrapped = items.first else { throw damaged }
            object = wrapped
        case "deferred_string":
            // The numbers to be converted to strings when first used.
            guard case .pairlist(let cells) = state.value, let source = cells.first?.value else { throw damaged }
            switch source.value {
            case .integer(let values): object = RSerializedObject(.character(values.map { $0 == Int32.min ? nil : String($0) }))
            case .double(let values): object = RSerializedObject(.character(values.map { $0.isNaN ? nil : Self.deferredString($0) }))
            default: throw damaged
            }
        default:
            throw RDataError("cannot unserialize ALTVEC object of class '\(className)'")
        }
        object.attributes = attributes
        object.isObject = flags.isObject
        return object
    }

    /// A compact sequence's length: a whole number no longer than R's longest ordinary vector.
    private static func sequenceLength(_ x: Double) -> Int? {
        guard x >= 0, x <= Double(Int32.max), x == x.rounded() else { return nil }
        return Int(x)
    }

    /// as.character of a double as R's deferred strings give it: 15 significant digits.
    private static func deferredString(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var text = String(format: "%.15g", x)
        if text.contains("e") { text = text.replacingOccurrences(of: "e+0", with: "e+").replacingOccurrences(of: "e-0", with: "e-") }
        return text
    }

    private mutating func readVectorLike(_ flags: Flags) throws -> RSerializedObject {
        var object: RSerializedObject
        switch flags.type {
        case Code.char:
            let length = Int(try integer())
            if length == -1 {
                object = RSerializedObject(.character([nil]))
            } else {
                let raw = try take(length)
                let latin1 = flags.levels & (1 << 2) != 0
                let text = latin1 ? String(decoding: raw.map { UInt16($0) }, as: UTF16.self) : String(decoding: raw, as: UTF8.self)
                object = RSerializedObject(.character([text]))
            }
            return object
        case Code.logical, Code.integer:
            let n = try length(bytesEach: 4)
            var values = [Int32](repeating: 0, count: n)
            for i in 0..<n { values[i] = try integer() }
            object = RSerializedObject(flags.type == Code.logical ? .logical(values) : .integer(values))
        case Code.real, Code.complex:
            let n = try length(bytesEach: flags.type == Code.complex ? 16 : 8) * (flags.type == Code.complex ? 2 : 1)
            var values = [Double](repeating: 0, count: n)
            for i in 0..<n { values[i] = try double() }
            object = RSerializedObject(flags.type == Code.real ? .double(values) : .complex(values))
        case Code.string:
            let n = try length(bytesEach: 4)
            var values = [String?]()
            values.reserveCapacity(n)
            for _ in 0..<n {
                guard case .character(let text) = try readItem().value else { throw damaged }
                values.append(text.first ?? nil)
            }
            object = RSerializedObject(.character(values))
        case Code.list, Code.expression:
            let n = try length(bytesEach: 4)
            var items = [RSerializedObject]()
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try readItem()) }
            object = RSerializedObject(flags.type == Code.list ? .list(items) : .expression(items))
        case Code.raw:
            object = RSerializedObject(.raw(try take(try length(bytesEach: 1))))
        case Code.s4:
            object = RSerializedObject(.null, isS4: true)
        case Code.special, Code.builtin:
            let n = Int(try integer())
            object = RSerializedObject(.primitive(String(decoding: try take(n), as: UTF8.self)))
        case Code.externalPointer:
            object = RSerializedObject(.opaque("externalptr"))
            references.append(object)
            _ = try readItem()  // protected value
            _ = try readItem()  // tag
        case Code.weakReference:
            object = RSerializedObject(.opaque("weakref"))
            references.append(object)
        case Code.bytecode:
            throw RDataError("byte-compiled functions cannot be read yet")
        default:
            throw RDataError("ReadItem: unknown type \(flags.type), perhaps written by later version of R")
        }
        object.isObject = flags.isObject
        if flags.hasAttributes { object.attributes = attributeList(try readItem()) }
        return object
    }

    private func attributeList(_ object: RSerializedObject) -> [(name: String, value: RSerializedObject)] {
        guard case .pairlist(let cells) = object.value else { return [] }
        return cells.compactMap { cell in cell.tag.map { ($0, cell.value) } }
    }

    /// A vector of names (package and namespace references): a zero, a length, then CHARSXPs.
    private mutating func stringVector() throws -> [String?] {
        _ = try integer()
        let n = Int(try integer())
        var values: [String?] = []
        for _ in 0..<max(0, n) {
            guard case .character(let text) = try readItem().value else { throw damaged }
            values.append(text.first ?? nil)
        }
        return values
    }

    // MARK: - Scalars

    private var damaged: RDataError { RDataError("the file is damaged: it ends inside an object or holds an invalid one") }

    private mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, position + count <= bytes.count else { throw damaged }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// The next `width` bytes as an unsigned number, in the stream's byte order.
    private mutating func bits(_ width: Int) throws -> UInt64 {
        guard position + width <= bytes.count else { throw damaged }
        var value: UInt64 = 0
        for k in 0..<width {
            value = value << 8 | UInt64(bytes[position + (bigEndian ? k : width - 1 - k)])
        }
        position += width
        return value
    }

    private mutating func integer() throws -> Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: try bits(4)))
    }

    private mutating func double() throws -> Double {
        Double(bitPattern: try bits(8))
    }

    /// A vector's length, which a damaged file cannot make larger than the bytes left hold
    /// (each element takes at least `bytesEach`), so that no huge allocation is attempted.
    private mutating func length(bytesEach: Int) throws -> Int {
        let n = try integer()
        var length = Int(n)
        if n < 0 {
            guard n == -1 else { throw damaged }
            let upper = Int(UInt32(bitPattern: try integer())), lower = Int(UInt32(bitPattern: try integer()))
            length = upper << 32 | lower
        }
        guard length <= (bytes.count - position) / bytesEach else { throw damaged }
        return length
    }
}
