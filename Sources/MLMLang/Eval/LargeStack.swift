import Foundation

/// Runs work on a thread with a large stack. The evaluator and parser recurse once per level
/// of nesting; R code legitimately recurses a few thousand calls deep, more than the 8 MB
/// of a main thread holds in a debug build.
enum LargeStack {
    static let size = 1 << 30

    /// Carries the result from the worker thread; the semaphore orders the accesses.
    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, Error>?
    }

    static func run<T>(_ body: @escaping () throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            StackGuard.recordThreadStart(stackSize: size)
            box.result = Result { try body() }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let result = box.result else { throw RError("evaluation thread ended without a result") }
        return try result.get()
    }
}
