/// Attributes in the order they were set, as R keeps them.
public struct Attributes {
    public typealias Entry = (name: String, value: RValue)

    /// Holds the entries so that a value nested through its attributes any number of levels
    /// deep is freed through DeepRelease, not by recursion. Nil while there are none, the
    /// common case, so an attribute-free value costs no allocation.
    private final class Buffer {
        var entries: [Entry]
        init(_ entries: [Entry]) { self.entries = entries }
        deinit {
            var taken: [Entry] = []
            swap(&taken, &entries)
            DeepRelease.release(.attributes(consume taken))
        }
    }

    private var buffer: Buffer?

    public init() {}

    public var entries: [Entry] { buffer?.entries ?? [] }

    public var isEmpty: Bool { buffer?.entries.isEmpty ?? true }

    public subscript(name: String) -> RValue? {
        get { buffer?.entries.first(where: { $0.name == name })?.value }
        set {
            let present = buffer?.entries.firstIndex(where: { $0.name == name })
            if present == nil && (newValue == nil || isNull(newValue!)) { return }
            if buffer == nil {
                buffer = Buffer([])
            } else if !isKnownUniquelyReferenced(&buffer!) {
                buffer = Buffer(buffer!.entries)
            }
            if let i = present {
                if let newValue, !isNull(newValue) { buffer!.entries[i].value = newValue } else { buffer!.entries.remove(at: i) }
            } else if let newValue {
                buffer!.entries.append((name, newValue))
            }
            if buffer!.entries.isEmpty { buffer = nil }
        }
    }

    private func isNull(_ v: RValue) -> Bool {
        if case .null = v { return true }
        return false
    }
}
