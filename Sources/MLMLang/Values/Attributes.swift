/// Attributes in the order they were set, as R keeps them.
public struct Attributes {
    public private(set) var entries: [(name: String, value: RValue)] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(name: String) -> RValue? {
        get { entries.first(where: { $0.name == name })?.value }
        set {
            if let i = entries.firstIndex(where: { $0.name == name }) {
                if let newValue, !isNull(newValue) { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue, !isNull(newValue) {
                entries.append((name, newValue))
            }
        }
    }

    private func isNull(_ v: RValue) -> Bool {
        if case .null = v { return true }
        return false
    }
}
