import Foundation

/// Headless Chromium and ImageMagick's compare, as the screenshot tests use them (both from
/// Debian's packages, installed by `scripts/install-deps --test`).
enum Browser {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Runs a program and returns its exit status, standard output and standard error.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func commonFlags(_ profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
         "--no-first-run", "--user-data-dir=\(profile.path)"]
    }

    /// A PNG of the page at `url`, `width` x `height` CSS pixels.
    static func screenshot(_ url: URL, width: Int, height: Int, to png: URL, dark: Bool = false) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var flags = commonFlags(profile) + ["--window-size=\(width),\(height)", "--screenshot=\(png.path)"]
        if dark { flags.append("--force-dark-mode"); flags.append("--blink-settings=preferredColorScheme=0") }
        let result = try run("chromium", flags + [url.absoluteString])
        guard result.status == 0, FileManager.default.fileExists(atPath: png.path) else {
            throw Failure(description: "chromium could not take a screenshot of \(url.path): \(result.err)")
        }
    }

    /// The console lines Chromium logged with --enable-logging=stderr.
    static func consoleMessages(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    }

    /// Compares a screenshot with its reference: the share of pixels that differ, or nil when
    /// MLMD_UPDATE_SCREENSHOTS is set and the reference was rewritten instead.
    static func compareWithReference(_ png: URL, reference: URL) throws -> Double? {
        if ProcessInfo.processInfo.environment["MLMD_UPDATE_SCREENSHOTS"] != nil {
            _ = try? FileManager.default.removeItem(at: reference)
            try FileManager.default.copyItem(at: png, to: reference)
            return nil
        }
        return try differingShare(reference, png)
    }

    /// The share of pixels that differ by more than `fuzz` percent between two images.
    static func differingShare(_ a: URL, _ b: URL, fuzz: Int = 10) throws -> Double {
        let result = try run("compare", ["-metric", "AE", "-fuzz", "\(fuzz)%", a.path, b.path, "null:"])
        // compare writes the count of differing pixels to standard error; status 2 is an error.
        guard result.status != 2, let count = Double(result.err.split(separator: " ").first ?? "") else {
            throw Failure(description: "compare failed: \(result.err)")
        }
        let size = try run("identify", ["-format", "%w %h", a.path]).out.split(separator: " ").compactMap { Double($0) }
        guard size.count == 2 else { throw Failure(description: "identify could not read \(a.path)") }
        return count / (size[0] * size[1])
    }
}
