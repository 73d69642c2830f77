/// The elements of a list, held in a buffer object so that a list nested any number of
/// levels deep is freed level by level through DeepRelease rather than by recursion. It reads
/// and writes like an array, copying its buffer on write only when the buffer is shared.
public struct RList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, ExpressibleByArrayLiteral {
    final class Buffer {
        var items: [RValue]
        init(_ items: [RValue]) { self.items = items }
        deinit {
            guard !items.isEmpty else { return }
            var taken: [RValue] = []
            swap(&taken, &items)
            DeepRelease.release(.values(consume taken))
        }
    }

    private var buffer: Buffer

    public init() { buffer = Buffer([]) }
    public init(_ items: [RValue]) { buffer = Buffer(items) }
    public init<S: Sequence>(_ elements: S) where S.Element == RValue { buffer = Buffer(Array(elements)) }
    public init(arrayLiteral elements: RValue...) { buffer = Buffer(elements) }
    public init(repeating value: RValue, count: Int) { buffer = Buffer(Array(repeating: value, count: count)) }

    /// The elements as a Swift array (no copy of the elements themselves).
    public var array: [RValue] { buffer.items }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.items.count }
    public var count: Int { buffer.items.count }
    public var isEmpty: Bool { buffer.items.isEmpty }
    public func index(after i: Int) -> Int { i + 1 }
    public func index(before i: Int) -> Int { i - 1 }

    public subscript(position: Int) -> RValue {
        get { buffer.items[position] }
        set {
            makeUnique()
            buffer.items[position] = newValue
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == RValue {
        makeUnique()
        buffer.items.replaceSubrange(subrange, with: newElements)
    }

    public mutating func reserveCapacity(_ n: Int) {
        makeUnique()
        buffer.items.reserveCapacity(n)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&buffer) { buffer = Buffer(buffer.items) }
    }
}

public extension Storage {
    /// A list from a Swift array of its elements.
    static func list(_ items: [RValue]) -> Storage { .list(RList(items)) }
}
