import DataFrames
import Foundation

/// base's readRDS/saveRDS (one object) and load/save (named objects, an "RDX3" file): R's
/// serialization format, gzip-compressed as R writes it, so that data saved by R load here and
/// R loads what lessons save.
enum SaveLoadLibrary {
    static func install(_ interp: Interpreter) {
        interp.define("readRDS", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["file", "refhook"], args, call: ctx.call)
            let path = try filePath(m["file"], ctx)
            let openCall = Call(.symbol("gzfile"), [Argument(.symbol("file")), Argument(.constant(.scalar("rb")))])
            let data = try contents(path, ctx, call: openCall)
            var reader = SerializedValues.Reader(ctx.interpreter)
            return try reader.value(try unserialize(data, call: ctx.call))
        })
        interp.define("saveRDS", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["object", "file", "ascii", "version", "compress", "refhook"], args, call: ctx.call)
            let path = try filePath(m["file"], ctx)
            let stream = RSerializer.serialize(try SerializedValues.object(m["object"] ?? .null))
            try write(stream, to: path, compress: m["compress"]?.logicalValue ?? true, ctx)
            ctx.interpreter.visible = false
            return .null
        })
        interp.define("load", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["file", "envir", "verbose"], args, call: ctx.call)
            let path = try filePath(m["file"], ctx)
            let openCall = Call(.symbol("readChar"), [Argument(.symbol("con")), Argument(.constant(.scalar(5))),
                                                      Argument(name: "useBytes", .constant(.scalar(true)))])
            var data = try contents(path, ctx, call: openCall)
            if Gzip.isCompressed(data) { data = try decompressed(data, call: ctx.call) }
            let magic = String(decoding: data.prefix(5), as: UTF8.self)
            guard magic == "RDX2\n" || magic == "RDX3\n" else {
                let shown = magic.trimmingCharacters(in: .newlines)
                ctx.interpreter.warning("file \(Quotes.single(URL(fileURLWithPath: path).lastPathComponent)) has magic number '\(shown)'\n  Use of save versions prior to 2 is deprecated", call: nil)
                throw RError("bad restore file magic number (file may be corrupted) -- no data loaded", call: ctx.call)
            }
            let object = try unserialize(data.dropFirst(5), call: ctx.call)
            guard case .pairlist(let cells) = object.value else { return .character([]) }
            let target: Environment
            if case .environment(let env)? = m["envir"] { target = env } else { target = ctx.env }
            var reader = SerializedValues.Reader(ctx.interpreter)
            var names: [String?] = []
            for cell in cells {
                guard let name = cell.tag else { continue }
                target.set(name, try reader.value(cell.value))
                names.append(name)
            }
            ctx.interpreter.visible = false
            return .character(names)
        })
        interp.define("save", special: { ctx, args in
            let i = ctx.interpreter
            var names: [String] = [], file: String?, envir = ctx.env, compress = true
            for argument in args {
                switch argument.name {
                case "file": file = try i.eval(argument.value, ctx.env).scalarString()
                case "list":
                    if case .vector(let v) = try i.eval(argument.value, ctx.env) { names += Coerce.strings(v).compactMap { $0 } }
                case "envir":
                    if case .environment(let env) = try i.eval(argument.value, ctx.env) { envir = env }
                case "compress": compress = try i.eval(argument.value, ctx.env).logicalValue ?? true
                case "ascii", "version", "precheck", "eval.promises", "safe": break
                default:
                    if case .symbol(let name) = argument.value {
                        names.append(name)
                    } else if case .constant(let c) = argument.value, let name = c.stringValue {
                        names.append(name)
                    } else {
                        throw RError("objects must be symbols or character strings", call: ctx.call)
                    }
                }
            }
            guard let file else { throw RError("'file' must be specified", call: ctx.call) }
            var cells: [(tag: String?, value: RSerializedObject)] = []
            for name in names {
                guard let value = try? i.lookup(name, envir) else { throw RError("object \(Quotes.single(name)) not found", call: ctx.call) }
                cells.append((name, try SerializedValues.object(value)))
            }
            let stream = Data("RDX3\n".utf8) + RSerializer.serialize(RSerializedObject(.pairlist(cells)))
            try write(stream, to: SystemLibrary.url(file, ctx).path, compress: compress, ctx)
            i.visible = false
            return .null
        })
    }

    private static func filePath(_ value: RValue?, _ ctx: CallContext) throws -> String {
        guard let path = value?.scalarString() else { throw RError("bad 'file' argument", call: ctx.call) }
        return SystemLibrary.url(path, ctx).path
    }

    /// The file's bytes, or R's warning and error for a file that cannot be opened.
    private static func contents(_ path: String, _ ctx: CallContext, call: Call) throws -> Data {
        ctx.interpreter.recordRead(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            let shown = (ctx.call.arguments.first.flatMap { a -> String? in if case .constant(let c) = a.value { return c.stringValue } else { return nil } }) ?? path
            ctx.interpreter.warning("cannot open compressed file '\(shown)', probable reason 'No such file or directory'", call: call)
            throw RError("cannot open the connection", call: call)
        }
        return data
    }

    private static func decompressed(_ data: Data, call: Call) throws -> Data {
        do { return try Gzip.decompress(data) } catch let e as RDataError { throw RError(e.message, call: call) }
    }

    /// The serialization stream in `data` (gzip-compressed or not) read as an object.
    private static func unserialize(_ data: Data, call: Call) throws -> RSerializedObject {
        var stream = Data(data)
        if Gzip.isCompressed(stream) { stream = try decompressed(stream, call: call) }
        if stream.starts(with: [0x42, 0x5A, 0x68]) || stream.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) {
            throw RError("files compressed with bzip2 or xz cannot be read yet: save them with compress = TRUE (gzip)", call: call)
        }
        do { return try RUnserializer.read(stream) } catch let e as RDataError { throw RError(e.message, call: call) }
    }

    /// Writes through a temporary file renamed into place, so that a failed save leaves what
    /// was there.
    private static func write(_ stream: Data, to path: String, compress: Bool, _ ctx: CallContext) throws {
        let bytes = compress ? try Gzip.compress(stream) : stream
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).mlmd-tmp")
        do {
            try bytes.write(to: temporary)
            if FileManager.default.fileExists(atPath: path) { _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary) }
            else { try FileManager.default.moveItem(at: temporary, to: target) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            let fileCall = Call(.symbol("gzfile"), [Argument(.symbol("file")), Argument(.constant(.scalar("wb")))])
            ctx.interpreter.warning("cannot open compressed file '\(path)', probable reason 'No such file or directory'", call: fileCall)
            throw RError("cannot open the connection", call: fileCall)
        }
    }
}
