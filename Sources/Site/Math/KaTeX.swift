import CDuktape
import Foundation
import Synchronization

/// KaTeX, from Debian's libjs-katex, run at build time in Duktape: each formula becomes HTML
/// (for the eye, styled by KaTeX's stylesheet and fonts) and MathML (for screen readers), so
/// a page shows its math without running a script.
///
/// Compiling katex.js takes Duktape about 90 ms, more than the math of a whole lesson; the
/// compiled bytecode is therefore kept in the user's cache folder, keyed by the script, the
/// prelude and Duktape's version, and loads in a few milliseconds on later builds.
final class KaTeX: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Where Debian's libjs-katex installs KaTeX.
    static let directory = URL(fileURLWithPath: "/usr/share/javascript/katex")
    static let script = directory.appendingPathComponent("katex.js")

    /// What KaTeX expects of a browser and Duktape lacks, and the one call mlmd makes.
    /// `strict: "ignore"` accepts the LaTeX that MathJax accepts (Unicode in math and the like)
    /// without console warnings; real errors still throw.
    static let prelude = """
    if (!Array.prototype.fill) {
      Array.prototype.fill = function (value, start, end) {
        var n = this.length, k = start === undefined ? 0 : (start < 0 ? Math.max(n + start, 0) : Math.min(start, n));
        var last = end === undefined ? n : (end < 0 ? Math.max(n + end, 0) : Math.min(end, n));
        for (; k < last; k++) this[k] = value;
        return this;
      };
    }
    function mlmdRenderMath(tex, display) {
      try {
        return katex.renderToString(tex, { displayMode: display, output: "htmlAndMathml", throwOnError: true, strict: "ignore" });
      } catch (e) {
        throw new Error(e && e.message ? e.message : String(e));
      }
    }
    """

    private let context: OpaquePointer

    /// Engines not in use. A Duktape heap serves one thread at a time; a build renders with at
    /// most one engine per core.
    private static let idle = Mutex<[KaTeX]>([])

    /// Runs `body` with an engine of its own, loaded first if none is idle.
    static func withEngine<T>(_ body: (KaTeX) throws -> T) throws -> T {
        let engine = try idle.withLock { $0.popLast() } ?? KaTeX()
        defer { idle.withLock { $0.append(engine) } }
        return try body(engine)
    }

    /// katex.js and the prelude, as run; read once.
    static let program: Result<Data, Failure> = {
        guard let source = FileManager.default.contents(atPath: script.path) else {
            return .failure(Failure(description: "KaTeX is not installed: mlmd renders math with Debian's libjs-katex (\(script.path)); run scripts/install-deps"))
        }
        return .success(source + Data(("\n;\n" + prelude).utf8))
    }()

    /// Identifies the program and Duktape: rendered math and bytecode are cached under it.
    static let programKey: Result<String, Failure> = program.map { String(fnv1a($0) ^ UInt64(DUK_VERSION), radix: 16) }

    private init() throws {
        let program = try Self.program.get()
        guard let context = mlmd_js_new() else { throw Failure(description: "could not start Duktape for KaTeX") }
        self.context = context
        let cache = BytecodeCache(key: try Self.programKey.get())
        if let bytecode = cache.load(), run(bytecode: bytecode) == nil { return }
        var bytes: UnsafeMutablePointer<UInt8>?
        var count = 0
        var error: UnsafeMutablePointer<CChar>?
        let status = program.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return -1 }
            return mlmd_js_compile(context, base.assumingMemoryBound(to: CChar.self), raw.count, "katex.js", &bytes, &count, &error)
        }
        guard status == 0, let compiled = bytes else { throw Failure(description: "KaTeX did not load in Duktape: \(take(error))") }
        let bytecode = Data(bytes: compiled, count: count)
        free(compiled)
        if let message = run(bytecode: bytecode) { throw Failure(description: "KaTeX did not load in Duktape: \(message)") }
        cache.store(bytecode)
    }

    deinit { mlmd_js_free(context) }

    /// Runs compiled bytecode; nil, or the error's message.
    private func run(bytecode: Data) -> String? {
        var error: UnsafeMutablePointer<CChar>?
        let status = bytecode.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress, raw.count > 0 else { return -1 }
            return mlmd_js_run_bytecode(context, base.assumingMemoryBound(to: UInt8.self), raw.count, &error)
        }
        if status == -1 { return "empty bytecode" }
        return status == 0 ? nil : take(error)
    }

    /// A formula as KaTeX's HTML and MathML, or KaTeX's message for a TeX error.
    func render(_ tex: String, display: Bool) -> Result<String, Failure> {
        var result: UnsafeMutablePointer<CChar>?
        var error: UnsafeMutablePointer<CChar>?
        let status = mlmd_js_call_string(context, "mlmdRenderMath", tex, tex.utf8.count, display ? 1 : 0, &result, &error)
        if status != 0 {
            // Duktape writes a thrown Error as "Error: message"; KaTeX's message is the part worth showing.
            var message = take(error)
            if message.hasPrefix("Error: ") { message.removeFirst(7) }
            return .failure(Failure(description: message))
        }
        return .success(take(result))
    }
}

/// A C string made by the shim, as a Swift string, freed.
private func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    defer { free(pointer) }
    return String(cString: pointer)
}

/// Duktape bytecode of the KaTeX program, in the user's cache folder.
private struct BytecodeCache {
    let file: URL?

    init(key: String) {
        file = UserCache.folder?.appendingPathComponent("katex-\(key).duk")
    }

    func load() -> Data? { file.flatMap { UserCache.read($0, kind: "katex-duk") } }

    /// Best effort: a folder that cannot be written only costs the next build the compile.
    func store(_ bytecode: Data) {
        if let file { UserCache.write(bytecode, to: file, kind: "katex-duk") }
    }
}
