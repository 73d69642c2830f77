import Foundation

/// Runs work on a thread with a large stack. The evaluator and parser recurse once per level
/// of nesting; R code legitimately recurses a few thousand calls deep, more than the 8 MB
/// of a main thread holds in a debug build.
enum LargeStack {
    static let size = 1 << 30

    static func run<T>(_ body: @escaping () throws -> T) throws -> T {
        var result: Result<T, Error>?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result = Result { try body() }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let result else { throw RError("evaluation thread ended without a result") }
        return try result.get()
    }
}
