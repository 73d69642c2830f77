import Foundation

/// R's C stack check (R_CheckStack) for code that recurses once per level of a value: the
/// printing of lists nested thousands deep, and whatever recursive walk needs it next. The thread
/// that runs a session records where its stack starts and how large it is; past nine tenths
/// of it, the recursion stops with R's error instead of overflowing.
enum StackGuard {
    private final class Bounds {
        let base: UInt
        let size: UInt
        init(base: UInt, size: UInt) {
            self.base = base
            self.size = size
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<Bounds>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// Called at the start of a thread's work, with the size its stack was given.
    static func recordThreadStart(stackSize: Int) {
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        if let old = pthread_getspecific(key) { Unmanaged<Bounds>.fromOpaque(old).release() }
        pthread_setspecific(key, Unmanaged.passRetained(Bounds(base: here, size: UInt(stackSize))).toOpaque())
    }

    static func check() throws {
        guard let pointer = pthread_getspecific(key) else { return }
        let bounds = Unmanaged<Bounds>.fromOpaque(pointer).takeUnretainedValue()
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let used = bounds.base > here ? bounds.base - here : 0
        if used > bounds.size / 10 * 9 {
            throw RError("C stack usage  \(used) is too close to the limit")
        }
    }
}
