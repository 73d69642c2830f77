import Foundation

/// Bounds that keep a session from exhausting the machine on hostile or mistaken input.
public enum RLimits {
    /// Longest vector a builtin will allocate (R's own limit for a standard vector is 2^31 - 1
    /// on 32-bit indices; tests lower it to exercise the check).
    nonisolated(unsafe) public static var maxLength = 2_147_483_647

    /// Longest string R holds: 2^31 - 1 bytes.
    public static let maxStringBytes = 2_147_483_647

    /// Checks that a vector of `n` elements of `bytesPerElement` bytes each (R's sizes: 8 for
    /// doubles, 4 for integers and logicals, 8 for string and list pointers) can be allocated:
    /// R's "cannot allocate vector of size ..." when the memory the process can get would not
    /// hold it, instead of Swift's trap when the allocation fails.
    public static func check(_ n: Int, bytesPerElement: Int = 8) throws {
        let (bytes, overflow) = max(n, 0).multipliedReportingOverflow(by: max(bytesPerElement, 1))
        // mlmd's own elements are at least 8 bytes: it needs no less than R.
        let (needed, overflow2) = max(n, 0).multipliedReportingOverflow(by: max(bytesPerElement, 8))
        if overflow || overflow2 || (needed >= largeAllocation && needed > availableBytes()) {
            throw RError(cannotAllocate(overflow ? Double(n) * Double(bytesPerElement) : Double(bytes)), call: nil, noCall: true)
        }
        if n > maxLength { throw RError("cannot allocate vector of length \(n)") }
    }

    /// a × b for sizes, saturating at Int.max instead of trapping on overflow.
    public static func product(_ a: Int, _ b: Int) -> Int {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : p
    }

    /// Below this, an allocation is not worth a look at the process's limits.
    static let largeAllocation = 1 << 28

    /// R's words for a failed allocation: the size in Gb, Mb or Kb with one decimal.
    static func cannotAllocate(_ bytes: Double) -> String {
        let kb = bytes / 1024
        if kb > 1024 * 1024 { return "cannot allocate vector of size " + String(format: "%0.1f Gb", kb / 1024 / 1024) }
        if kb > 1024 { return "cannot allocate vector of size " + String(format: "%0.1f Mb", kb / 1024) }
        return "cannot allocate vector of size " + String(format: "%0.f Kb", kb)
    }

    /// What the process may still allocate: the address-space limit (ulimit -v) less what it
    /// maps now, and no more than the machine's memory and swap.
    static func availableBytes() -> Int {
        var available = Int.max
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            available = Int(clamping: limit.rlim_cur) - mappedBytes()
        }
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        if pages > 0, pageSize > 0 { available = min(available, pages * pageSize + swapBytes()) }
        return available
    }

    /// The process's virtual size (/proc/self/statm's first field, in pages).
    private static func mappedBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = Int(text.split(separator: " ").first ?? "") else { return 0 }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }

    private static func swapBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("SwapTotal:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
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
