/// Making vectors of a type, testing and converting types.
enum ConstructorsLibrary {
    static func install(_ interp: Interpreter) {
        for (name, make) in [("numeric", { (n: Int) in Storage.double(.init(repeating: 0, count: n)) }),
                             ("double", { Storage.double(.init(repeating: 0, count: $0)) }),
                             ("integer", { Storage.integer(.init(repeating: 0, count: $0)) }),
                             ("logical", { Storage.logical(.init(repeating: .no, count: $0)) }),
                             ("character", { Storage.character(.init(repeating: "", count: $0)) })] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["length"], args, call: ctx.call)
                let n = try lengthArgument(m["length"] ?? .scalar(0), bytesPerElement: name == "integer" || name == "logical" ? 4 : 8)
                return .vector(RVector(make(n)))
            })
        }
        interp.define("vector", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["mode", "length"], args, call: ctx.call)
            let mode = m["mode"]?.stringValue ?? "logical"
            let n = try lengthArgument(m["length"] ?? .scalar(0), bytesPerElement: mode == "integer" || mode == "logical" ? 4 : 8)
            switch mode {
            case "logical": return .vector(RVector(.logical(.init(repeating: .no, count: n))))
            case "integer": return .vector(RVector(.integer(.init(repeating: 0, count: n))))
            case "numeric", "double": return .vector(RVector(.double(.init(repeating: 0, count: n))))
            case "character": return .vector(RVector(.character(.init(repeating: "", count: n))))
            case "list": return .vector(RVector(.list(.init(repeating: .null, count: n))))
            case let mode: throw RError("vector: cannot make a vector of mode '\(mode)'.")
            }
        })
        let typeTests: [(String, (RValue) -> Bool)] = [
            ("is.numeric", { v in if case .vector(let x) = v, !x.isFactor { return x.storage.rank == 1 || x.storage.rank == 2 }; return false }),
            ("is.double", { v in if case .vector(let x) = v, case .double = x.storage { return true }; return false }),
            ("is.integer", { v in if case .vector(let x) = v, case .integer = x.storage { return true }; return false }),
            ("is.character", { v in if case .vector(let x) = v, case .character = x.storage { return true }; return false }),
            ("is.logical", { v in if case .vector(let x) = v, case .logical = x.storage { return true }; return false }),
            ("is.list", { v in if case .vector(let x) = v, case .list = x.storage { return true }; return false }),
            ("is.vector", { v in
                guard case .vector(let x) = v else { return false }
                return x.attributes.entries.allSatisfy { $0.name == "names" }
            }),
            ("is.atomic", { v in if case .vector(let x) = v { return x.storage.rank < 4 }; return false }),
            ("is.null", { v in v.isNullValue }),
            ("is.array", { v in v.asVector?.dim.map { !$0.isEmpty } ?? false }),
            ("is.function", { v in v.isFunction }),
            ("is.environment", { v in if case .environment = v { return true }; return false }),
            ("is.factor", { v in v.asVector?.isFactor ?? false }),
            ("is.matrix", { v in v.asVector?.dim?.count == 2 }),
            ("is.data.frame", { v in v.inherits("data.frame") }),
            ("is.symbol", { v in if case .language(let l) = v, case .symbol = l.expr { return true }; return false }),
            ("is.name", { v in if case .language(let l) = v, case .symbol = l.expr { return true }; return false }),
            ("is.call", { v in if case .language(let l) = v, case .call = l.expr { return true }; return false }),
        ]
        for (name, test) in typeTests {
            interp.define(name, { _, args in
                guard args.count >= 1 else { throw RError("0 arguments passed to '\(name)' which requires 1") }
                return .scalar(test(args[0].value))
            })
        }
        for (name, rank) in [("as.numeric", 2), ("as.double", 2), ("as.integer", 1), ("as.logical", 0), ("as.character", 3)] {
            interp.define(name, { ctx, args in
                // A symbol is its name; a call, its parts deparsed (as.character(quote(f(x))) is "f", "x").
                if rank == 3, case .language(let l)? = args.first?.value {
                    if case .symbol(let name) = l.expr { return .scalar(name) }
                    if case .call(let c) = l.expr {
                        return .character(([c.function] + c.arguments.map(\.value)).map { Optional(Deparser.deparse($0)) })
                    }
                }
                return try convert(args, toRank: rank) { ctx.interpreter.warning("NAs introduced by coercion", call: ctx.interpreter.currentClosureCall) }
            })
        }
        interp.define("as.vector", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x", "mode"], args, call: ctx.call)
            let x = m["x"] ?? .null
            switch m["mode"]?.stringValue ?? "any" {
            case "list": return try asList(x)
            case "numeric", "double": return try convert([EvaluatedArgument(x)], toRank: 2)
            case "character": return try convert([EvaluatedArgument(x)], toRank: 3)
            case "integer": return try convert([EvaluatedArgument(x)], toRank: 1)
            case "logical": return try convert([EvaluatedArgument(x)], toRank: 0)
            default:
                guard case .vector(let v) = x else { return x }
                if v.isFactor { return .character(Coerce.strings(v)) }
                var out = RVector(v.storage)
                if case .list = v.storage { out.names = v.names }
                return .vector(out)
            }
        })
        interp.define("as.list", { _, args in try asList(args.first?.value ?? .null) })
        interp.define("unname", { _, args in
            guard case .vector(var v)? = args.first?.value else { return args.first?.value ?? .null }
            v.names = nil
            v.attributes["dimnames"] = nil
            return .vector(v)
        })
        interp.define("length<-", { _, args in
            guard args.count == 2, case .vector(let v) = args[0].value, let n = args[1].value.scalarInt(), n >= 0 else {
                throw RError("invalid value")
            }
            try RLimits.check(n)
            var out = RVector(IndexingLibrary.select(v.storage, (0..<n).map { $0 < v.count ? $0 : nil }))
            if let names = v.names { out.names = (0..<n).map { $0 < names.count ? names[$0] : "" } }
            return .vector(out)
        })
        interp.define("noquote", { _, args in
            guard case .vector(var v)? = args.first?.value else { return args.first?.value ?? .null }
            v.attributes["class"] = .character(["noquote"])
            return .vector(v)
        })
        interp.define("identity", { _, args in args.first?.value ?? .null })
        interp.baseEnv.set(".Machine", .list([.scalar(Int(Int32.max)), .scalar(Double.ulpOfOne), .scalar(Double.greatestFiniteMagnitude),
                                              .scalar(Double.leastNormalMagnitude)],
                                             names: ["integer.max", "double.eps", "double.xmax", "double.xmin"]))
        interp.baseEnv.set("month.name", .character(["January", "February", "March", "April", "May", "June", "July",
                                                      "August", "September", "October", "November", "December"]))
        interp.baseEnv.set("month.abb", .character(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]))
    }

    static func lengthArgument(_ v: RValue, bytesPerElement: Int = 8) throws -> Int {
        guard let n = v.scalarDouble(), !n.isNaN, n >= 0 else { throw RError("invalid 'length' argument") }
        try RLimits.check(n.saturatingInt, bytesPerElement: bytesPerElement)
        return n.saturatingInt
    }

    /// as.numeric and friends: drop attributes (names too), coercing with R's warning for NAs.
    static func convert(_ args: [EvaluatedArgument], toRank rank: Int, warnNA: () -> Void = {}) throws -> RValue {
        guard let x = args.first?.value else { return .vector(RVector(Coerce.storage(RVector(.logical([])), toRank: rank))) }
        switch x {
        case .null: return .vector(RVector(Coerce.storage(RVector(.logical([])), toRank: rank)))
        case .vector(let v):
            if case .list(let items) = v.storage, rank < 4 {
                for item in items where item.length != 1 {
                    throw RError("'list' object cannot be coerced to type '\(["logical", "integer", "double", "character"][rank])'")
                }
            }
            var source = v
            if v.isFactor && rank == 3 { source = RVector(.character(Coerce.strings(v))) }
            else if v.isFactor { source = RVector(v.storage) }
            let out = Coerce.storage(source, toRank: rank)
            if case .character(let strings) = source.storage, rank < 3, rank > 0 {
                let before = strings.filter { $0 != nil && $0 != "NA" }.count
                let after: Int
                switch out {
                case .double(let d): after = d.filter { !$0.isRNA }.count
                case .integer(let i): after = i.filter { $0 != NAInteger }.count
                case .logical(let l): after = l.filter { $0 != .na }.count
                default: after = before
                }
                if after < before { warnNA() }
            }
            var result = RVector(out)
            if rank == 3, case .list = v.storage { result.names = nil }
            return .vector(result)
        default:
            throw RError("cannot coerce type '\(x.typeName)' to vector of type '\(["logical", "integer", "double", "character"][min(rank, 3)])'")
        }
    }

    static func asList(_ x: RValue) throws -> RValue {
        switch x {
        case .null: return .list([])
        case .vector(let v):
            if case .list = v.storage { var out = RVector(v.storage); out.names = v.names; return .vector(out) }
            var out = RVector(.list(Coerce.listItems(v)))
            out.names = v.names
            return .vector(out)
        case .environment(let e):
            let names = e.names.sorted()
            return .list(names.map { n in if case .value(let v)? = e.binding(n) { return v }; return .null }, names: names)
        case .language(let l):
            // A call's parts: the function, then each argument named as given.
            guard case .call(let c) = l.expr else { return .list([x]) }
            let parts = [c.function] + c.arguments.map(\.value)
            let names = [""] + c.arguments.map { $0.name ?? "" }
            return .list(parts.map(ControlLibrary.quoted), names: names.contains { !$0.isEmpty } ? names : nil)
        default: return .list([x])
        }
    }
}
