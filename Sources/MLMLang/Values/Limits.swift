/// Bounds that keep a session from exhausting the machine on hostile or mistaken input.
public enum RLimits {
    /// Longest vector a builtin will allocate (R's own limit for a standard vector is 2^31 - 1
    /// on 32-bit indices; tests lower it to exercise the check).
    nonisolated(unsafe) public static var maxLength = 2_147_483_647

    public static func check(_ n: Int) throws {
        if n > maxLength { throw RError("cannot allocate vector of length \(n)") }
    }
}

extension Double {
    /// The value as an Int, saturating instead of trapping; NaN becomes NA.
    var saturatingInt: Int {
        if isNaN { return NAInteger }
        if self >= 9.0e18 { return 9_000_000_000_000_000_000 }
        if self <= -9.0e18 { return -9_000_000_000_000_000_000 }
        return Int(self)
    }
}
