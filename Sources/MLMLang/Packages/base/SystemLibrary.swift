import Foundation

/// The session and its files: proc.time and system.time (printing as R's proc_time does),
/// readLines, writeLines and file.exists.
enum SystemLibrary {
    /// Wall-clock origin of `elapsed`: R counts from process start; the first use is close enough
    /// for the only thing elapsed times are good for, differences.
    private static let start = Date()

    static func install(_ interp: Interpreter) {
        installFiles(interp)
        interp.define("proc.time", { _, _ in now() })
        interp.define("system.time", special: { ctx, args in
            guard let expr = args.first(where: { $0.name == nil || $0.name == "expr" }) else {
                throw RError("argument \"expr\" is missing, with no default")
            }
            let before = now()
            _ = try ctx.interpreter.eval(expr.value, ctx.env)
            // The timing is visible even when the expression was an assignment.
            ctx.interpreter.visible = true
            return difference(now(), before)
        })
        interp.define("print.proc_time", { ctx, args in
            guard let x = args.first?.value, case .vector(let v) = x, let t = v.doubles, t.count >= 3 else {
                throw RError("argument \"x\" is missing, with no default")
            }
            // summary.proc_time: child times fold into user and system.
            let user = t[0] + (t.count > 3 && !t[3].isNaN ? t[3] : 0)
            let system = t[1] + (t.count > 4 && !t[4].isNaN ? t[4] : 0)
            var shown = RVector(.double([user, system, t[2]]))
            shown.names = ["user", "system", "elapsed"]
            ctx.interpreter.write(ctx.interpreter.formatForPrint(.vector(shown)))
            ctx.interpreter.visible = false
            return x
        })
    }

    private static func installFiles(_ interp: Interpreter) {
        interp.define("file.path", { _, args in
            // paste(..., sep = fsep), except that any zero-length part gives character(0).
            let fsep = args.first(where: { $0.name == "fsep" })?.value.scalarString() ?? "/"
            let parts = args.filter { $0.name != "fsep" }.map { a in a.value.asVector.map { Coerce.strings($0).map { $0 ?? "NA" } } ?? [] }
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return .character([]) }
            let n = parts.map(\.count).max() ?? 0
            return .character((0..<n).map { i in parts.map { $0[i % $0.count] }.joined(separator: fsep) })
        })
        for (name, part) in [("basename", basename), ("dirname", dirname)] {
            interp.define(name, { _, args in
                guard case .vector(let v)? = args.first?.value, case .character(let paths) = v.storage else {
                    throw RError("a character vector argument expected")
                }
                return .character(paths.map { $0.map(part) })
            })
        }
        interp.define("tempdir", { _, _ in .scalar(sessionTemporaryDirectory.path) })
        interp.define("tempfile", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["pattern", "tmpdir", "fileext"], args, call: ctx.call)
            let pattern = m["pattern"]?.scalarString() ?? "file"
            let directory = m["tmpdir"]?.scalarString() ?? sessionTemporaryDirectory.path
            let ext = m["fileext"]?.scalarString() ?? ""
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            return .scalar("\(directory)/\(pattern)\(suffix)\(ext)")
        })
        interp.define("file.size", { ctx, args in
            .double((args.first?.value.asVector.map(Coerce.strings) ?? []).map { path in
                guard let path else { return NAReal }
                ctx.interpreter.recordRead(url(path, ctx).path)
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: url(path, ctx).path),
                      let size = attributes[.size] as? NSNumber else { return NAReal }
                return size.doubleValue
            })
        })
        interp.define("file.exists", { ctx, args in
            .logical(args.flatMap { a in
                (a.value.asVector.map(Coerce.strings) ?? []).map { path in
                    Logical(path.map { p -> Bool in
                        ctx.interpreter.recordRead(url(p, ctx).path)
                        return FileManager.default.fileExists(atPath: url(p, ctx).path)
                    } ?? false)
                }
            })
        })
        // unlink: files removed, directories only with recursive = TRUE; 0 (invisibly), or 1
        // when something could not be removed. A path that does not exist is no failure.
        interp.define("unlink", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "recursive", "force", "expand"], args, call: ctx.call)
            let recursive = m["recursive"]?.logicalValue ?? false
            var failed = false
            for path in (m["x"]?.asVector.map(Coerce.strings) ?? []).compactMap({ $0 }) {
                let target = url(path, ctx).path
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue && !recursive { failed = true; continue }
                do { try FileManager.default.removeItem(atPath: target) } catch { failed = true }
            }
            ctx.interpreter.visible = false
            return .scalar(failed ? 1 : 0)
        })
        interp.define("file.remove", { ctx, args in
            .logical(try args.flatMap { a in
                try (a.value.asVector.map(Coerce.strings) ?? []).map { path -> Logical in
                    guard let path else { return .no }
                    do {
                        try FileManager.default.removeItem(atPath: url(path, ctx).path)
                        return .yes
                    } catch {
                        try ctx.interpreter.signalWarning("cannot remove file '\(path)', reason 'No such file or directory'", call: ctx.call)
                        return .no
                    }
                }
            })
        })
        interp.define("readLines", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["con", "n", "ok", "warn", "encoding", "skipNul"], args, call: ctx.call)
            guard let path = m["con"]?.scalarString() else { throw RError("'con' is not a connection") }
            ctx.interpreter.recordRead(url(path, ctx).path)
            guard let data = FileManager.default.contents(atPath: url(path, ctx).path) else {
                let fileCall = Call(.symbol("file"), [Argument(.symbol("con")), Argument(.constant(.scalar("r")))])
                ctx.interpreter.warning("cannot open file '\(path)': No such file or directory", call: fileCall)
                throw RError("cannot open the connection", call: fileCall)
            }
            var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
            }
            if lines.last == "" { lines.removeLast() }
            if let n = m["n"]?.scalarInt(), n >= 0 { lines = Array(lines.prefix(n)) }
            return .character(lines)
        })
        interp.define("writeLines", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["text", "con", "sep", "useBytes"], args, call: ctx.call)
            guard case .vector(let v)? = m["text"], case .character(let text) = v.storage else {
                throw RError("can only write character objects")
            }
            let sep = m["sep"]?.scalarString() ?? "\n"
            let out = text.map { ($0 ?? "NA") + sep }.joined()
            if let con = m["con"], let path = con.scalarString(), con.explicitClass == nil {
                guard (try? Data(out.utf8).write(to: url(path, ctx))) != nil else {
                    throw RError("cannot open file '\(path)': No such file or directory")
                }
            } else if m["con"]?.scalarInt() == 2 {
                FileHandle.standardError.write(Data(out.utf8))
            } else {
                ctx.interpreter.write(out)
            }
            ctx.interpreter.visible = false
            return .null
        })
    }

    /// R's per-session temporary directory, made on first use.
    private static let sessionTemporaryDirectory: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("Rtmp\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// A path as R's file functions read it: `~` expanded, relative to the working directory
    /// (the notebook's folder).
    /// R's basename: the last component once trailing separators are dropped ("" for "/").
    static func basename(_ path: String) -> String {
        var p = Substring(path)
        while p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    /// R's dirname: what comes before the last component, "." when there is no separator and
    /// "/" for the root; a leading tilde is expanded.
    static func dirname(_ path: String) -> String {
        guard !path.isEmpty else { return "" }
        var p = Substring(path.hasPrefix("~") ? (path as NSString).expandingTildeInPath : path)
        while p.hasSuffix("/") { p.removeLast() }
        guard !p.isEmpty else { return "/" }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        var prefix = p[..<slash]
        while prefix.hasSuffix("/") { prefix.removeLast() }
        return prefix.isEmpty ? "/" : String(prefix)
    }

    static func url(_ path: String, _ ctx: CallContext) -> URL {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath, relativeTo: ctx.interpreter.workingDirectory)
    }

    private static let names = ["user.self", "sys.self", "elapsed", "user.child", "sys.child"]

    private static func now() -> RValue {
        var usage = rusage(), children = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        func seconds(_ t: timeval) -> Double { ((Double(t.tv_sec) + Double(t.tv_usec) / 1e6) * 1000).rounded() / 1000 }
        let values = [seconds(usage.ru_utime), seconds(usage.ru_stime), (Date().timeIntervalSince(start) * 1000).rounded() / 1000,
                      seconds(children.ru_utime), seconds(children.ru_stime)]
        return classed(values)
    }

    private static func difference(_ a: RValue, _ b: RValue) -> RValue {
        guard case .vector(let x) = a, case .vector(let y) = b, let p = x.doubles, let q = y.doubles else { return a }
        return classed(zip(p, q).map { (($0 - $1) * 1000).rounded() / 1000 })
    }

    private static func classed(_ values: [Double]) -> RValue {
        var v = RVector(.double(values))
        v.names = names
        v.attributes["class"] = .character(["proc_time"])
        return .vector(v)
    }
}
