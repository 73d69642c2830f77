import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// Runs the built `mlmd` binary in a child process, in a fresh working folder per test.
class MlmdProcessTestCase: XCTestCase {
    var workDir: URL!

    override func setUpWithError() throws {
        workDir = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workDir)
    }

    var binary: URL {
        // The test bundle sits in the same build folder as the executable.
        var dir = Bundle(for: Self.self).bundleURL
        while dir.pathExtension == "xctest" || dir.lastPathComponent.hasSuffix(".xctest") { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("mlmd")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// Whether the child was killed for running past the test's own limit (a hang).
        var timedOut = false
        var seconds = 0.0
    }

    /// Runs mlmd with `args`; `shellPrefix` (e.g. `ulimit -v 4000000;`) runs it through sh.
    /// A child still running after `limit` seconds is killed and reported as timed out, so a
    /// hang fails the test instead of stalling the suite.
    func mlmd(_ args: [String], shellPrefix: String? = nil, limit: Double = 120) throws -> Result {
        let p = Process()
        if let shellPrefix {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            let quoted = ([binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            p.arguments = ["-c", shellPrefix + " exec " + quoted.joined(separator: " ")]
        } else {
            p.executableURL = binary
            p.arguments = args
        }
        p.currentDirectoryURL = workDir
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let start = Date()
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: killer)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        killer.cancel()
        let seconds = Date().timeIntervalSince(start)
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                      timedOut: p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL, seconds: seconds)
    }

    /// Starts mlmd in the background (the caller ends it); its standard output goes to
    /// `output` when given, standard error is dropped.
    func start(_ args: [String], output: Pipe? = nil) throws -> Process {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = workDir
        if let output { p.standardOutput = output }
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Starts `mlmd serve NOTEBOOKS -o site --port 0` and reads the port it printed
    /// ("Serving site/ on http://127.0.0.1:PORT/ ...").
    func startServe(_ notebooks: String) throws -> (process: Process, port: Int) {
        let out = Pipe()
        let p = try start(["serve", notebooks, "-o", "site", "--port", "0"], output: out)
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(separator: ":").last?.split(separator: "/").first.flatMap({ Int($0) }) else {
            p.terminate()
            throw ServeDidNotStart(output: text)
        }
        return (p, port)
    }

    struct ServeDidNotStart: Error { let output: String }

    /// The body of a GET on loopback, or nil when the request failed.
    func httpGet(port: Int, _ path: String) -> String? {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { return nil }
        final class Box: @unchecked Sendable { var body: String? }
        let done = DispatchSemaphore(value: 0)
        let box = Box()
        URLSession.shared.dataTask(with: URLRequest(url: url, timeoutInterval: 10)) { data, response, _ in
            if let data, response is HTTPURLResponse { box.body = String(decoding: data, as: UTF8.self) }
            done.signal()
        }.resume()
        done.wait()
        return box.body
    }

    func write(_ path: String, _ text: String) throws {
        let url = workDir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
