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
final class KaTeX {
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

    /// One engine per process, made on the first formula of a build.
    private static let shared = Mutex<Result<KaTeX, Failure>?>(nil)

    /// Runs `body` with the process's engine, loading it first if needed.
    static func withEngine<T>(_ body: (KaTeX) throws -> T) throws -> T {
        try shared.withLock { engine in
            if engine == nil { engine = Result { try KaTeX() }.mapError { $0 as? Failure ?? Failure(description: "\($0)") } }
            return try body(engine!.get())
        }
    }

    private init() throws {
        guard let source = FileManager.default.contents(atPath: Self.script.path) else {
            throw Failure(description: "KaTeX is not installed: mlmd renders math with Debian's libjs-katex (\(Self.script.path)); run scripts/install-deps")
        }
        guard let context = mlmd_js_new() else { throw Failure(description: "could not start Duktape for KaTeX") }
        self.context = context
        let program = source + Data(("\n;\n" + Self.prelude).utf8)
        let cache = BytecodeCache(program: program)
        if let bytecode = cache.load(), run(bytecode: bytecode) == nil { return }
        var bytes: UnsafeMutablePointer<UInt8>?
        var count = 0
        var error: UnsafeMutablePointer<CChar>?
        let status = program.withUnsafeBytes { raw in
            mlmd_js_compile(context, raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count, "katex.js", &bytes, &count, &error)
        }
        if status != 0 { throw Failure(description: "KaTeX did not load in Duktape: \(take(error))") }
        let bytecode = Data(bytes: bytes!, count: count)
        free(bytes)
        if let message = run(bytecode: bytecode) { throw Failure(description: "KaTeX did not load in Duktape: \(message)") }
        cache.store(bytecode)
    }

    deinit { mlmd_js_free(context) }

    /// Runs compiled bytecode; nil, or the error's message.
    private func run(bytecode: Data) -> String? {
        var error: UnsafeMutablePointer<CChar>?
        let status = bytecode.withUnsafeBytes { raw in
            mlmd_js_run_bytecode(context, raw.baseAddress!.assumingMemoryBound(to: UInt8.self), raw.count, &error)
        }
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

/// Duktape bytecode of the KaTeX program in `$XDG_CACHE_HOME/mlmd` (or `~/.cache/mlmd`).
/// A file holds a header, a checksum of the bytecode and the bytecode; one whose checksum does
/// not match is ignored, so a damaged file is never handed to Duktape. Files are written
/// through a temporary name and a rename.
private struct BytecodeCache {
    let file: URL?
    static let magic = Data("mlmd-katex-duk-1\n".utf8)

    init(program: Data) {
        let environment = ProcessInfo.processInfo.environment
        let base: URL?
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        } else {
            base = nil
        }
        let key = String(fnv1a(program) ^ UInt64(DUK_VERSION), radix: 16)
        file = base?.appendingPathComponent("mlmd/katex-\(key).duk")
    }

    func load() -> Data? {
        guard let file, let data = FileManager.default.contents(atPath: file.path), data.count > Self.magic.count + 8,
              data.prefix(Self.magic.count) == Self.magic else { return nil }
        let sumStart = data.startIndex + Self.magic.count
        let stored = data[sumStart..<(sumStart + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let bytecode = data[(sumStart + 8)...]
        return fnv1a(bytecode) == stored ? Data(bytecode) : nil
    }

    func store(_ bytecode: Data) {
        guard let file else { return }
        let folder = file.deletingLastPathComponent()
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return }
        let sum = fnv1a(bytecode)
        var data = Self.magic
        data.append(contentsOf: (0..<8).reversed().map { UInt8(truncatingIfNeeded: sum >> (8 * UInt64($0))) })
        data.append(bytecode)
        // Best effort: a folder that cannot be written only costs the next build the compile.
        try? AtomicDirectory.writeFile(data, to: file)
    }
}

/// FNV-1a, 64 bits: a checksum and cache key, not a defence against anyone.
private func fnv1a<D: DataProtocol>(_ bytes: D) -> UInt64 {
    var h: UInt64 = 0xcbf29ce484222325
    for region in bytes.regions {
        for b in region { h = (h ^ UInt64(b)) &* 0x100000001b3 }
    }
    return h
}
