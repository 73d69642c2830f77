/// R's argument matching for closures: exact names, then unique partial names (formals
/// before `...` only), then positions; what is left goes to `...` or is an unused argument.
extension Interpreter {
    func matchArguments(_ formals: [Parameter], _ supplied: [(name: String?, promise: Promise?)],
                        into env: Environment, call: Call) throws {
        var assigned = [Promise?](repeating: nil, count: formals.count)
        var isAssigned = [Bool](repeating: false, count: formals.count)
        var used = [Bool](repeating: false, count: supplied.count)
        let dotsIndex = formals.firstIndex { $0.name == "..." }

        for (i, s) in supplied.enumerated() {
            guard let name = s.name, !name.isEmpty else { continue }
            if let f = formals.firstIndex(where: { $0.name == name && $0.name != "..." }) {
                if isAssigned[f] {
                    throw RError("formal argument \"\(name)\" matched by multiple actual arguments", call: call)
                }
                assigned[f] = s.promise
                isAssigned[f] = true
                used[i] = true
            }
        }
        let partialLimit = dotsIndex ?? formals.count
        for (i, s) in supplied.enumerated() where !used[i] {
            guard let name = s.name, !name.isEmpty else { continue }
            let candidates = (0..<partialLimit).filter { !isAssigned[$0] && formals[$0].name.hasPrefix(name) }
            if candidates.count > 1 {
                throw RError("argument \(i + 1) matches multiple formal arguments", call: call)
            }
            if let f = candidates.first {
                assigned[f] = s.promise
                isAssigned[f] = true
                used[i] = true
            }
        }
        var dots: [(name: String?, promise: Promise)] = []
        var next = 0
        for (i, s) in supplied.enumerated() where !used[i] {
            if let name = s.name, !name.isEmpty {
                guard dotsIndex != nil else {
                    throw RError("unused argument (\(name) = \(s.promise.map { Deparser.deparse($0.expr) } ?? ""))", call: call)
                }
                if let p = s.promise { dots.append((name, p)) }
                continue
            }
            while next < partialLimit && isAssigned[next] { next += 1 }
            if next < partialLimit {
                assigned[next] = s.promise
                isAssigned[next] = true
                next += 1
            } else if dotsIndex != nil {
                if let p = s.promise { dots.append((nil, p)) }
            } else {
                throw RError("unused argument (\(s.promise.map { Deparser.deparse($0.expr) } ?? ""))", call: call)
            }
        }
        for (f, formal) in formals.enumerated() {
            if formal.name == "..." {
                env.set("...", binding: .dots(dots))
            } else if let p = assigned[f] {
                env.set(formal.name, binding: .promise(p))
            } else if let def = formal.defaultValue {
                env.set(formal.name, binding: .promise(Promise(expr: def, env: env, isDefault: true)))
            } else {
                env.set(formal.name, binding: .missing)
            }
        }
    }
}
