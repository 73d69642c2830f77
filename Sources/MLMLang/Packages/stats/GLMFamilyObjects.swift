import MixedModels

/// R's family objects: binomial(), poisson(), Gamma(), gaussian() return a list of class
/// "family" holding the family and link names and the functions glm.fit calls (linkfun,
/// linkinv, variance, dev.resids, aic, mu.eta, validmu, valideta), here builtins over
/// MixedModels' GLMFamily. `family(fit)` reads a fit's family back.
enum GLMFamilyObjects {
    static func install(_ interp: Interpreter) {
        for distribution in [GLMDistribution.binomial, .poisson, .gamma, .gaussian] {
            // Special: the link may be written unquoted, binomial(link = probit), as R's
            // family functions take it by substitute().
            interp.define(distribution.rawValue, special: { ctx, args in
                guard args.count <= 1 else {
                    throw RError("unused argument (\(Deparser.deparse(args[1].value)))", call: ctx.call)
                }
                var linkName = distribution.canonicalLink.rawValue
                if let a = args.first {
                    guard a.name == nil || "link".hasPrefix(a.name ?? "") else {
                        throw RError("unused argument (\(a.name ?? "") = \(Deparser.deparse(a.value)))", call: ctx.call)
                    }
                    // A name among the family's links is taken as written; anything else is
                    // evaluated, and a string names any link make.link knows.
                    if case .symbol(let name) = a.value, distribution.allowedLinks.contains(where: { $0.rawValue == name }) {
                        linkName = name
                    } else {
                        let v = try ctx.interpreter.eval(a.value, ctx.env)
                        guard let s = v.stringValue else {
                            throw RError("link \"\(Deparser.deparse(a.value))\" not available for \(distribution.rawValue) family",
                                         call: ctx.call)
                        }
                        linkName = s
                    }
                }
                guard let link = GLMLink(rawValue: linkName) else {
                    let makeLink = Call(.symbol("make.link"), [Argument(.symbol("link"))])
                    throw RError("\(Quotes.single(linkName)) link not recognised", call: makeLink)
                }
                return object(GLMFamily(distribution, link: link))
            })
        }
        interp.define("make.link", { _, args in
            guard let name = args.first?.value.stringValue else { throw RError("argument \"link\" is missing, with no default") }
            guard let link = GLMLink(rawValue: name) else {
                throw RError("\(Quotes.single(name)) link not recognised")
            }
            return linkObject(link)
        })
        interp.define("print.family", { ctx, args in
            guard let x = args.first?.value else { return .null }
            let family = ListFields.field(x, "family")?.stringValue ?? ""
            let link = ListFields.field(x, "link")?.stringValue ?? ""
            ctx.interpreter.write("\nFamily: \(family) \nLink function: \(link) \n\n")
            ctx.interpreter.visible = false
            return x
        })
        interp.define("family", { ctx, args in
            guard let object = args.first?.value else { throw RError("argument \"object\" is missing, with no default") }
            if let family = ListFields.field(object, "family"), family.inherits("family") { return family }
            if let glmm = ctx.interpreter.generalizedModel(of: object) { return Self.object(glmm.family) }
            let cls = (object.explicitClass ?? S3Library.implicitClass(object)).first ?? "NULL"
            throw RError("no applicable method for 'family' applied to an object of class \"\(cls)\"")
        })
    }

    /// A builtin applying f to each element of a numeric vector, keeping its names.
    private static func unary(_ name: String, _ f: @escaping (Double) -> Double) -> RValue {
        .builtin(Builtin(name: name, body: .eager({ _, args in
            guard let x = args.first?.value.asVector, let d = Coerce.doubles(x) else { throw RError("non-numeric argument to function") }
            var out = x
            out.storage = .double(d.map(f))
            out.attributes = Attributes()
            if let names = x.names { out.names = names }
            return .vector(out)
        })))
    }

    /// `make.link(link)`: the link's functions as the list of class "link-glm" R returns.
    static func linkObject(_ link: GLMLink) -> RValue {
        let validEta = RValue.builtin(Builtin(name: "valideta", body: .eager({ _, args in
            guard let v = args.first?.value.asVector, let d = Coerce.doubles(v) else { throw RError("non-numeric argument to function") }
            return .scalar(link.validEta(d))
        })))
        var v = RVector(.list([unary("linkfun", link.link), unary("linkinv", link.inverse), unary("mu.eta", link.muEta),
                               validEta, .scalar(link.rawValue)]))
        v.names = ["linkfun", "linkinv", "mu.eta", "valideta", "name"]
        v.attributes["class"] = .character(["link-glm"])
        return .vector(v)
    }

    /// The family list R's family functions return.
    static func object(_ family: GLMFamily) -> RValue {
        let link = family.link, distribution = family.distribution
        let unary = Self.unary
        func doubles(_ args: [EvaluatedArgument], _ k: Int) throws -> [Double] {
            guard k < args.count, let v = args[k].value.asVector, let d = Coerce.doubles(v) else {
                throw RError("non-numeric argument to function")
            }
            return d
        }
        /// A length-1 argument stands for every observation; any other length must be n's.
        func recycled(_ d: [Double], _ n: Int, _ name: String) throws -> [Double] {
            if d.count == n { return d }
            guard d.count == 1 else { throw RError("argument \(name) must be a numeric vector of length 1 or length \(n)") }
            return [Double](repeating: d[0], count: n)
        }
        let devResids = RValue.builtin(Builtin(name: "dev.resids", body: .eager({ _, args in
            let y = try doubles(args, 0), n = y.count
            let mu = try recycled(try doubles(args, 1), n, "mu"), wt = try recycled(try doubles(args, 2), n, "wt")
            return .double((0..<n).map { distribution.devianceResidual(y[$0], mu[$0], wt[$0]) })
        })))
        let aic = RValue.builtin(Builtin(name: "aic", body: .eager({ _, args in
            let y = try doubles(args, 0), count = y.count
            let value = distribution.aic(y: y, n: try recycled(try doubles(args, 1), count, "n"),
                                         mu: try recycled(try doubles(args, 2), count, "mu"),
                                         weights: try recycled(try doubles(args, 3), count, "wt"),
                                         deviance: try doubles(args, 4).first ?? .nan)
            return .scalar(value)
        })))
        let validMu = RValue.builtin(Builtin(name: "validmu", body: .eager({ _, args in
            .scalar(distribution.validMu(try doubles(args, 0)))
        })))
        let validEta = RValue.builtin(Builtin(name: "valideta", body: .eager({ _, args in
            .scalar(link.validEta(try doubles(args, 0)))
        })))
        let parts: [(String, RValue)] = [
            ("family", .scalar(distribution.rawValue)), ("link", .scalar(link.rawValue)),
            ("linkfun", unary("linkfun", link.link)), ("linkinv", unary("linkinv", link.inverse)),
            ("variance", unary("variance", distribution.variance)), ("dev.resids", devResids), ("aic", aic),
            ("mu.eta", unary("mu.eta", link.muEta)), ("validmu", validMu), ("valideta", validEta),
        ]
        var v = RVector(.list(parts.map(\.1)))
        v.names = parts.map { Optional($0.0) }
        v.attributes["class"] = .character(["family"])
        return .vector(v)
    }

    /// The GLMFamily of a family argument as glm and glmer take it: a family object, a family
    /// function, or its name.
    static func family(of value: RValue, _ ctx: CallContext) throws -> GLMFamily {
        var value = value
        if case .vector(let v) = value, case .character = v.storage, let name = value.stringValue {
            guard let f = (try? ctx.interpreter.lookupFunction(name, ctx.env)) ?? ctx.interpreter.packageBuiltin(name) else {
                throw RError("object '\(name)' of mode 'function' was not found")
            }
            value = f
        }
        if value.isFunction { value = try ctx.interpreter.callValue(value, [], env: ctx.env) }
        guard value.inherits("family"),
              let name = ListFields.field(value, "family")?.stringValue,
              let linkName = ListFields.field(value, "link")?.stringValue else {
            throw RError("'family' not recognized")
        }
        guard let distribution = GLMDistribution(rawValue: name) else {
            throw RError("the \(name) family is not supported yet")
        }
        guard let link = GLMLink(rawValue: linkName) else { throw RError("the \(linkName) link is not supported yet") }
        return GLMFamily(distribution, link: link)
    }
}

