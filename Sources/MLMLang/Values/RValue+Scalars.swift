/// Reading a value as one plain Swift scalar, as option parsers and callers outside the
/// interpreter need.
public extension RValue {
    /// The first element as a string; nil for NULL, NA or a non-vector.
    var stringValue: String? {
        guard case .vector(let v) = self, v.count >= 1 else { return nil }
        return Coerce.strings(v)[0]
    }

    /// The first element as TRUE/FALSE; nil for NA or anything that is not logical-like.
    var logicalValue: Bool? {
        guard case .vector(let v) = self, v.count >= 1 else { return nil }
        if case .character = v.storage { return nil }
        return Coerce.logicals(v)?[0].bool
    }

    var doubleValue: Double? {
        guard case .vector(let v) = self, v.count >= 1, let d = Coerce.doubles(v)?[0], !d.isNaN else { return nil }
        if case .character = v.storage { return nil }
        return d
    }
}
