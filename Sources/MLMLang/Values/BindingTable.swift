/// The bindings of one environment: names in the order they were bound, with an
/// open-addressing index hashed by FNV-1a. Variable lookup is the interpreter's hottest path,
/// and this is several times cheaper than a Dictionary's seeded SipHash for short names.
struct BindingTable {
    private(set) var names: [String] = []
    private(set) var values: [Binding] = []
    /// FNV-1a hash of each name, compared before the (slower) string comparison.
    private var hashes: [UInt32] = []
    /// Slot -> index into names/values, or -1 when empty. Capacity is a power of two.
    private var slots: [Int32] = []

    var count: Int { names.count }

    @inline(__always)
    private static func hash(_ s: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// Index of `name` in names/values, if bound.
    @inline(__always)
    private func index(of name: String) -> Int? {
        let h = Self.hash(name)
        // Small frames (most closure calls) are scanned rather than indexed.
        if slots.isEmpty {
            for i in 0..<hashes.count where hashes[i] == h && names[i] == name { return i }
            return nil
        }
        let mask = slots.count - 1
        var slot = Int(h) & mask
        while true {
            let k = slots[slot]
            if k < 0 { return nil }
            if hashes[Int(k)] == h && names[Int(k)] == name { return Int(k) }
            slot = (slot + 1) & mask
        }
    }

    subscript(name: String) -> Binding? {
        guard let i = index(of: name) else { return nil }
        return values[i]
    }

    /// Binds or rebinds; returns true when the name is new.
    @discardableResult
    mutating func set(_ name: String, _ binding: Binding) -> Bool {
        if let i = index(of: name) {
            values[i] = binding
            return false
        }
        names.append(name)
        values.append(binding)
        hashes.append(Self.hash(name))
        if names.count > 8 {
            if names.count * 2 > slots.count { rebuild() } else { insertSlot(names.count - 1) }
        }
        return true
    }

    /// Lends the value bound to `name` to `body` for changing in place: the binding gives it
    /// up meanwhile, so a value no one else holds is uniquely owned and its buffer is not
    /// copied. Returns nil when `name` is not bound to a plain value here.
    mutating func modifyValue<T>(_ name: String, _ body: (inout RValue) throws -> T) rethrows -> T? {
        guard let i = index(of: name), case .value = values[i] else { return nil }
        var binding = Binding.missing
        swap(&binding, &values[i])
        guard case .value(var value) = consume binding else { return nil }
        defer { values[i] = .value(value) }
        return try body(&value)
    }

    mutating func remove(_ name: String) -> Bool {
        guard let i = index(of: name) else { return false }
        names.remove(at: i)
        values.remove(at: i)
        hashes.remove(at: i)
        slots = []
        if names.count > 8 { rebuild() }
        return true
    }

    private mutating func rebuild() {
        var capacity = 16
        while capacity < names.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        for i in 0..<names.count { insertSlot(i) }
    }

    private mutating func insertSlot(_ i: Int) {
        let mask = slots.count - 1
        var slot = Int(hashes[i]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(i)
    }
}
