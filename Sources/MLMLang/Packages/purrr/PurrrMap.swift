/// purrr's map family: a function, a purrr lambda (`~ .x + 1`, with `.x`/`.` and `.y` bound)
/// or a name/position (`"a"`, `2`: that element of each item) applied to each element of a
/// list, vector or data frame's columns, keeping its names.
enum PurrrMap {
    static func install(_ interp: Interpreter) {
        interp.define("map", { ctx, args in
            let (items, names, mapper, extra) = try prepare(args, ctx, second: false)
            var out = RVector(.list(try items.map { try mapper.apply([$0], extra, ctx) }))
            out.names = names
            return .vector(out)
        })
        for (suffix, type) in [("dbl", "double"), ("chr", "character"), ("int", "integer"), ("lgl", "logical")] {
            interp.define("map_" + suffix, { ctx, args in
                let (items, names, mapper, extra) = try prepare(args, ctx, second: false)
                let results = try items.map { try mapper.apply([$0], extra, ctx) }
                return try simplified(results, names: names, type: type)
            })
        }
        interp.define("map2", { ctx, args in
            let (items, names, mapper, extra) = try prepare(args, ctx, second: true)
            let seconds = Coerce.listItems(args.count > 1 ? args[1].value.asVector ?? RVector(.list([])) : RVector(.list([])))
            guard seconds.count == items.count || seconds.count == 1 || items.count == 1 else {
                throw RError("Can't recycle `.x` (size \(items.count)) to match `.y` (size \(seconds.count)).", call: ctx.call)
            }
            let n = items.isEmpty || seconds.isEmpty ? 0 : max(items.count, seconds.count)
            var out = RVector(.list(try (0..<n).map { try mapper.apply([items[$0 % items.count], seconds[$0 % seconds.count]], extra, ctx) }))
            out.names = names.flatMap { $0.count == n ? $0 : nil }
            return .vector(out)
        })
    }

    /// A mapper: how purrr's as_mapper turns .f into a function.
    enum Mapper {
        case function(RValue)
        case lambda(FormulaLambda)
        case pluck(RValue)

        init(_ f: RValue, _ ctx: CallContext) throws {
            if let lambda = FormulaLambda(f, default: ctx.env) {
                self = .lambda(lambda)
            } else if case .vector(let v) = f, (1...3).contains(v.storage.rank) {
                self = .pluck(f)
            } else {
                self = .function(try ctx.interpreter.functionArgument(f, env: ctx.env))
            }
        }

        func apply(_ values: [RValue], _ extra: [EvaluatedArgument], _ ctx: CallContext) throws -> RValue {
            switch self {
            case .function(let f):
                return try ctx.interpreter.callValue(f, values.map { EvaluatedArgument($0) } + extra, env: ctx.env)
            case .lambda(let lambda):
                return try lambda.call(values, ctx.interpreter)
            case .pluck(let index):
                return (try? IndexingLibrary.element(values[0], [index], call: Call(.symbol("[["), []))) ?? .null
            }
        }
    }

    static func prepare(_ args: [EvaluatedArgument], _ ctx: CallContext, second: Bool)
        throws -> (items: [RValue], names: [String?]?, mapper: Mapper, extra: [EvaluatedArgument]) {
        let fPosition = second ? 2 : 1
        guard args.count > fPosition else { throw RError("argument \".f\" is missing, with no default", call: ctx.call) }
        let x = args[0].value
        let items: [RValue]
        var names: [String?]?
        switch x {
        case .null: items = []
        case .vector(let v):
            items = Coerce.listItems(v)
            names = v.names
        default: items = [x]
        }
        return (items, names, try Mapper(args[fPosition].value, ctx), Array(args.dropFirst(fPosition + 1)))
    }

    /// map_dbl and friends: each result one value of the type.
    static func simplified(_ results: [RValue], names: [String?]?, type: String) throws -> RValue {
        var pieces: [RVector] = []
        for (i, r) in results.enumerated() {
            guard case .vector(let v) = r, v.count == 1, v.storage.rank <= 3 else {
                throw RError("Result \(i + 1) must be a single \(type), not \(r.isNullValue ? "NULL" : "a vector of length \(r.length)").")
            }
            pieces.append(v)
        }
        let storage: Storage
        switch type {
        case "double": storage = .double(pieces.flatMap { Coerce.doubles($0) ?? [] })
        case "integer": storage = .integer(pieces.flatMap { Coerce.integers($0) ?? [] })
        case "logical": storage = .logical(pieces.flatMap { Coerce.logicals($0) ?? [] })
        default: storage = .character(pieces.flatMap { Coerce.strings($0) })
        }
        var out = RVector(storage)
        out.names = names
        return .vector(out)
    }
}
