import DataFrames
import Foundation

/// Interpreter values to and from R's serialized objects (`RSerializedObject`), for
/// readRDS/saveRDS and load/save.
enum SerializedValues {
    // MARK: - Reading

    /// The interpreter value of a serialized object; environments other than the global and
    /// base ones become new environments, shared as the file shares them.
    struct Reader {
        let interpreter: Interpreter
        private var environments: [ObjectIdentifier: Environment] = [:]

        init(_ interpreter: Interpreter) { self.interpreter = interpreter }

        mutating func value(_ object: RSerializedObject) throws -> RValue {
            var result: RValue
            switch object.value {
            case .null, .opaque: return .null
            case .missingArgument: return .language(Language(.missingArgument))
            case .logical(let values): result = .logical(values.map { $0 == Int32.min ? .na : Logical($0 != 0) })
            case .integer(let values): result = .integer(values.map { $0 == Int32.min ? NAInteger : Int($0) })
            case .double(let values): result = .double(values)
            case .character(let values): result = .character(values)
            case .complex: throw RError("complex vectors are not supported")
            case .raw: throw RError("raw vectors are not supported")
            case .list(let items): result = .vector(RVector(.list(RList(try items.map { try value($0) }))))
            case .expression(let items):
                var v = RVector(.list(RList(try items.map { try value($0) })))
                v.attributes["class"] = .character(["expression"])
                result = .vector(v)
            case .pairlist(let cells):
                var v = RVector(.list(RList(try cells.map { try value($0.value) })))
                if cells.contains(where: { $0.tag != nil }) { v.names = cells.map { $0.tag ?? "" } }
                result = .vector(v)
            case .symbol(let name): result = .language(Language(.symbol(name)))
            case .call(let cells):
                guard let function = cells.first else { return .null }
                let call = Call(try expression(function.value),
                                try cells.dropFirst().map { Argument(name: $0.tag, try expression($0.value)) })
                result = .language(Language(.call(call)))
            case .closure(let formals, let body, let env):
                let parameters = try formals.map { formal -> Parameter in
                    let defaultValue: Expr?
                    if case .missingArgument = formal.value.value { defaultValue = nil } else { defaultValue = try expression(formal.value) }
                    return Parameter(name: formal.tag ?? "", defaultValue: defaultValue)
                }
                result = .closure(Closure(parameters: parameters, body: try expression(body), env: try environment(env)))
            case .environment(let env): return .environment(try environment(env))
            case .primitive(let name): return try interpreter.lookupFunction(name, interpreter.globalEnv)
            }
            for attribute in object.attributes { result = SerializedValues.setting(attribute.name, try value(attribute.value), on: result) }
            return result
        }

        /// An object inside a call or function body: symbols and calls as code, values as constants.
        private mutating func expression(_ object: RSerializedObject) throws -> Expr {
            switch object.value {
            case .symbol(let name): return .symbol(name)
            case .missingArgument: return .missingArgument
            default:
                let v = try value(object)
                if case .language(let language) = v, language.attributes.isEmpty { return language.expr }
                return .constant(v)
            }
        }

        private mutating func environment(_ env: RSerializedEnvironment) throws -> Environment {
            switch env.kind {
            case .global, .empty: return interpreter.globalEnv
            case .base, .namespace, .package: return interpreter.baseEnv
            case .local:
                if let made = environments[ObjectIdentifier(env)] { return made }
                let made = Environment(parent: try env.enclosure.map { try environment($0) } ?? interpreter.globalEnv)
                environments[ObjectIdentifier(env)] = made
                for binding in env.bindings { made.set(binding.name, try value(binding.value)) }
                return made
            }
        }
    }

    /// The attribute set as the file has it, without the checks `attr<-` makes.
    static func setting(_ name: String, _ attribute: RValue, on value: RValue) -> RValue {
        switch value {
        case .vector(var v):
            v.attributes[name] = attribute
            return .vector(v)
        case .language(var l):
            l.attributes[name] = attribute
            return .language(l)
        case .closure(let c):
            c.attributes[name] = attribute
            return .closure(c)
        default:
            return value
        }
    }

    // MARK: - Writing

    /// The serialized form of an interpreter value.
    static func object(_ value: RValue) throws -> RSerializedObject {
        var environments: [ObjectIdentifier: RSerializedEnvironment] = [:]
        return try object(value, &environments)
    }

    private static func object(_ value: RValue, _ environments: inout [ObjectIdentifier: RSerializedEnvironment]) throws -> RSerializedObject {
        var result: RSerializedObject
        switch value {
        case .null: return .null
        case .vector(let v):
            switch v.storage {
            case .logical(let values): result = RSerializedObject(.logical(values.map { $0 == .na ? Int32.min : Int32($0.rawValue) }))
            case .integer(let values):
                result = RSerializedObject(.integer(values.map { $0 == NAInteger ? Int32.min : Int32(exactly: $0) ?? Int32.min }))
            case .double(let values): result = RSerializedObject(.double(values))
            case .character(let values): result = RSerializedObject(.character(values))
            case .list(let items): result = RSerializedObject(.list(try items.map { try object($0, &environments) }))
            }
        case .language(let language):
            result = try object(language.expr, &environments)
        case .closure(let closure):
            let formals = try closure.parameters.map { p -> (tag: String?, value: RSerializedObject) in
                (p.name, try p.defaultValue.map { try object($0, &environments) } ?? RSerializedObject(.missingArgument))
            }
            // A closure made by evaluating `function(...) body` holds that definition; R keeps the body.
            var body = closure.body
            if case .function(let definition) = body { body = definition.body }
            result = RSerializedObject(.closure(formals: formals, body: try object(body, &environments),
                                                environment: try environment(closure.env, &environments)))
        case .environment(let env):
            result = RSerializedObject(.environment(try environment(env, &environments)))
        case .builtin(let builtin):
            result = RSerializedObject(.primitive(builtin.name))
        }
        result.attributes = try value.attributes.entries.map { ($0.name, try object($0.value, &environments)) }
        result.isObject = value.attribute("class") != nil
        return result
    }

    private static func object(_ expr: Expr, _ environments: inout [ObjectIdentifier: RSerializedEnvironment]) throws -> RSerializedObject {
        switch expr {
        case .constant(let v): return try object(v, &environments)
        case .symbol(let name): return RSerializedObject(.symbol(name))
        case .missingArgument: return RSerializedObject(.missingArgument)
        case .call(let call):
            var cells: [(tag: String?, value: RSerializedObject)] = [(nil, try object(call.function, &environments))]
            for argument in call.arguments { cells.append((argument.name, try object(argument.value, &environments))) }
            return RSerializedObject(.call(cells))
        case .function(let definition):
            // `function(x) body` as code: the call R's parser makes of it.
            let formals = try definition.parameters.map { p -> (tag: String?, value: RSerializedObject) in
                (p.name, try p.defaultValue.map { try object($0, &environments) } ?? RSerializedObject(.missingArgument))
            }
            return RSerializedObject(.call([(nil, RSerializedObject(.symbol("function"))), (nil, RSerializedObject(.pairlist(formals))),
                                            (nil, try object(definition.body, &environments)), (nil, .null)]))
        }
    }

    private static func environment(_ env: Environment, _ environments: inout [ObjectIdentifier: RSerializedEnvironment]) throws -> RSerializedEnvironment {
        if env.name == "R_GlobalEnv" || env.parent == nil { return RSerializedEnvironment(.global) }
        if let made = environments[ObjectIdentifier(env)] { return made }
        if let name = env.name, !name.isEmpty { return RSerializedEnvironment(.namespace(name)) }
        let made = RSerializedEnvironment(.local)
        environments[ObjectIdentifier(env)] = made
        made.enclosure = try env.parent.map { try environment($0, &environments) }
        for name in env.names {
            switch env.binding(name) {
            case .value(let value)?: made.bindings.append((name, try object(value, &environments)))
            case .promise(let promise)?: if let value = promise.value { made.bindings.append((name, try object(value, &environments))) }
            default: break
            }
        }
        return made
    }
}
