import CRmath

/// The density, distribution and quantile functions (dnorm, pt, qchisq, ...), computed by
/// libRmath and vectorised as R's stats package does it: arguments recycled to the longest,
/// NA in gives NA out, and "NaNs produced" when a result is not a number.
enum DistributionLibrary {
    /// One R function: its numeric formals (the first is x, q or p), their defaults, and
    /// whether it takes `log` (densities) or `lower.tail` and `log.p` (the others).
    struct Function {
        let name: String
        let parameters: [String]
        var defaults: [String: Double] = [:]
        /// R passes 1/rate to the C functions of the exponential distribution.
        var reciprocal: Set<String> = []
        let isDensity: Bool
        /// The libRmath call: numeric arguments, then lower.tail (or log) and log.p.
        let evaluate: ([Double], Int32, Int32) -> Double
        /// Checked before each call: the Wilcoxon distributions tabulate counts in memory that
        /// grows with m × n (or n²), which libRmath would fail to allocate and then exit.
        var check: (([Double]) throws -> Void)? = nil
    }

    static func install(_ interp: Interpreter) {
        for f in functions {
            interp.define(f.name, { ctx, args in try call(f, ctx, args) })
        }
    }

    private static func density(_ name: String, _ parameters: [String], _ defaults: [String: Double] = [:],
                                _ body: @escaping ([Double], Int32) -> Double) -> Function {
        Function(name: name, parameters: parameters, defaults: defaults, isDensity: true) { x, log, _ in body(x, log) }
    }

    private static func cumulative(_ name: String, _ parameters: [String], _ defaults: [String: Double] = [:],
                                   _ body: @escaping ([Double], Int32, Int32) -> Double) -> Function {
        Function(name: name, parameters: parameters, defaults: defaults, isDensity: false, evaluate: body)
    }

    /// The table sizes of the rank-sum (m n / 2 counts for each of m × n cells at worst) and
    /// signed-rank (n (n + 1) / 2) distributions.
    private static func wilcoxCells(_ x: [Double]) -> Double { x[1] * x[2] * (x[1] * x[2] / 2 + 1) }
    private static func signrankCells(_ x: [Double]) -> Double { x[1] * (x[1] + 1) / 2 }

    /// A distribution whose table must fit in memory: larger parameters are an R error.
    private static func tabulated(_ f: Function, cells: @escaping ([Double]) -> Double) -> Function {
        var checked = f
        checked.check = { x in
            guard cells(x) <= 2e8 else {
                throw RError("parameters too large for \(f.name)(): its table would need \(RFormat.significant(cells(x) * 8 / 1_073_741_824, digits: 3)) Gb")
            }
        }
        return checked
    }

    private static let location: [String: Double] = ["mean": 0, "sd": 1]
    private static let unit: [String: Double] = ["min": 0, "max": 1]

    static let functions: [Function] = [
        density("dnorm", ["x", "mean", "sd"], location) { dnorm4($0[0], $0[1], $0[2], $1) },
        cumulative("pnorm", ["q", "mean", "sd"], location) { pnorm5($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qnorm", ["p", "mean", "sd"], location) { qnorm5($0[0], $0[1], $0[2], $1, $2) },
        density("dt", ["x", "df"]) { dt($0[0], $0[1], $1) },
        cumulative("pt", ["q", "df"]) { pt($0[0], $0[1], $1, $2) },
        cumulative("qt", ["p", "df"]) { qt($0[0], $0[1], $1, $2) },
        density("dchisq", ["x", "df"]) { dchisq($0[0], $0[1], $1) },
        cumulative("pchisq", ["q", "df"]) { pchisq($0[0], $0[1], $1, $2) },
        cumulative("qchisq", ["p", "df"]) { qchisq($0[0], $0[1], $1, $2) },
        density("df", ["x", "df1", "df2"]) { CRmath.df($0[0], $0[1], $0[2], $1) },
        cumulative("pf", ["q", "df1", "df2"]) { pf($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qf", ["p", "df1", "df2"]) { qf($0[0], $0[1], $0[2], $1, $2) },
        // Rmath takes the number of ranges before the number of means; R's arguments are the other way.
        cumulative("ptukey", ["q", "nmeans", "df", "nranges"], ["nranges": 1]) { ptukey($0[0], $0[3], $0[1], $0[2], $1, $2) },
        cumulative("qtukey", ["p", "nmeans", "df", "nranges"], ["nranges": 1]) { qtukey($0[0], $0[3], $0[1], $0[2], $1, $2) },
        density("dbinom", ["x", "size", "prob"]) { dbinom($0[0], $0[1], $0[2], $1) },
        cumulative("pbinom", ["q", "size", "prob"]) { pbinom($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qbinom", ["p", "size", "prob"]) { qbinom($0[0], $0[1], $0[2], $1, $2) },
        density("dpois", ["x", "lambda"]) { dpois($0[0], $0[1], $1) },
        cumulative("ppois", ["q", "lambda"]) { ppois($0[0], $0[1], $1, $2) },
        cumulative("qpois", ["p", "lambda"]) { qpois($0[0], $0[1], $1, $2) },
        density("dunif", ["x", "min", "max"], unit) { dunif($0[0], $0[1], $0[2], $1) },
        cumulative("punif", ["q", "min", "max"], unit) { punif($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qunif", ["p", "min", "max"], unit) { qunif($0[0], $0[1], $0[2], $1, $2) },
        exponential(density("dexp", ["x", "rate"], ["rate": 1]) { dexp($0[0], $0[1], $1) }),
        exponential(cumulative("pexp", ["q", "rate"], ["rate": 1]) { pexp($0[0], $0[1], $1, $2) }),
        exponential(cumulative("qexp", ["p", "rate"], ["rate": 1]) { qexp($0[0], $0[1], $1, $2) }),
        density("dbeta", ["x", "shape1", "shape2"]) { dbeta($0[0], $0[1], $0[2], $1) },
        cumulative("pbeta", ["q", "shape1", "shape2"]) { pbeta($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qbeta", ["p", "shape1", "shape2"]) { qbeta($0[0], $0[1], $0[2], $1, $2) },
        density("dgeom", ["x", "prob"]) { dgeom($0[0], $0[1], $1) },
        cumulative("pgeom", ["q", "prob"]) { pgeom($0[0], $0[1], $1, $2) },
        cumulative("qgeom", ["p", "prob"]) { qgeom($0[0], $0[1], $1, $2) },
        density("dlnorm", ["x", "meanlog", "sdlog"], ["meanlog": 0, "sdlog": 1]) { dlnorm($0[0], $0[1], $0[2], $1) },
        cumulative("plnorm", ["q", "meanlog", "sdlog"], ["meanlog": 0, "sdlog": 1]) { plnorm($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qlnorm", ["p", "meanlog", "sdlog"], ["meanlog": 0, "sdlog": 1]) { qlnorm($0[0], $0[1], $0[2], $1, $2) },
        density("dlogis", ["x", "location", "scale"], ["location": 0, "scale": 1]) { dlogis($0[0], $0[1], $0[2], $1) },
        cumulative("plogis", ["q", "location", "scale"], ["location": 0, "scale": 1]) { plogis($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qlogis", ["p", "location", "scale"], ["location": 0, "scale": 1]) { qlogis($0[0], $0[1], $0[2], $1, $2) },
        density("dcauchy", ["x", "location", "scale"], ["location": 0, "scale": 1]) { dcauchy($0[0], $0[1], $0[2], $1) },
        cumulative("pcauchy", ["q", "location", "scale"], ["location": 0, "scale": 1]) { pcauchy($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qcauchy", ["p", "location", "scale"], ["location": 0, "scale": 1]) { qcauchy($0[0], $0[1], $0[2], $1, $2) },
        density("dweibull", ["x", "shape", "scale"], ["scale": 1]) { dweibull($0[0], $0[1], $0[2], $1) },
        cumulative("pweibull", ["q", "shape", "scale"], ["scale": 1]) { pweibull($0[0], $0[1], $0[2], $1, $2) },
        cumulative("qweibull", ["p", "shape", "scale"], ["scale": 1]) { qweibull($0[0], $0[1], $0[2], $1, $2) },
        density("dhyper", ["x", "m", "n", "k"]) { dhyper($0[0], $0[1], $0[2], $0[3], $1) },
        cumulative("phyper", ["q", "m", "n", "k"]) { phyper($0[0], $0[1], $0[2], $0[3], $1, $2) },
        cumulative("qhyper", ["p", "m", "n", "k"]) { qhyper($0[0], $0[1], $0[2], $0[3], $1, $2) },
        tabulated(density("dwilcox", ["x", "m", "n"]) { dwilcox($0[0], $0[1], $0[2], $1) }, cells: wilcoxCells),
        tabulated(cumulative("pwilcox", ["q", "m", "n"]) { pwilcox($0[0], $0[1], $0[2], $1, $2) }, cells: wilcoxCells),
        tabulated(cumulative("qwilcox", ["p", "m", "n"]) { qwilcox($0[0], $0[1], $0[2], $1, $2) }, cells: wilcoxCells),
        tabulated(density("dsignrank", ["x", "n"]) { dsignrank($0[0], $0[1], $1) }, cells: signrankCells),
        tabulated(cumulative("psignrank", ["q", "n"]) { psignrank($0[0], $0[1], $1, $2) }, cells: signrankCells),
        tabulated(cumulative("qsignrank", ["p", "n"]) { qsignrank($0[0], $0[1], $1, $2) }, cells: signrankCells),
    ]

    /// With `ncp` supplied, t, chi-squared and F switch to their non-central versions.
    static let nonCentral: [String: Function] = [
        "dt": density("dt", ["x", "df", "ncp"]) { dnt($0[0], $0[1], $0[2], $1) },
        "pt": cumulative("pt", ["q", "df", "ncp"]) { pnt($0[0], $0[1], $0[2], $1, $2) },
        "qt": cumulative("qt", ["p", "df", "ncp"]) { qnt($0[0], $0[1], $0[2], $1, $2) },
        "dchisq": density("dchisq", ["x", "df", "ncp"]) { dnchisq($0[0], $0[1], $0[2], $1) },
        "pchisq": cumulative("pchisq", ["q", "df", "ncp"]) { pnchisq($0[0], $0[1], $0[2], $1, $2) },
        "qchisq": cumulative("qchisq", ["p", "df", "ncp"]) { qnchisq($0[0], $0[1], $0[2], $1, $2) },
        "df": density("df", ["x", "df1", "df2", "ncp"]) { dnf($0[0], $0[1], $0[2], $0[3], $1) },
        "pf": cumulative("pf", ["q", "df1", "df2", "ncp"]) { pnf($0[0], $0[1], $0[2], $0[3], $1, $2) },
        "qf": cumulative("qf", ["p", "df1", "df2", "ncp"]) { qnf($0[0], $0[1], $0[2], $0[3], $1, $2) },
    ]

    private static func exponential(_ f: Function) -> Function {
        var g = f
        g.reciprocal = ["rate"]
        return g
    }

    private static func call(_ f: Function, _ ctx: CallContext, _ args: [EvaluatedArgument]) throws -> RValue {
        let hasNCP = nonCentral[f.name] != nil
        let flags = f.isDensity ? ["log"] : ["lower.tail", "log.p"]
        let formals = f.parameters + (hasNCP ? ["ncp"] : []) + flags
        let (m, _) = try ctx.interpreter.matchBuiltinArguments(formals, args, call: ctx.call)
        var chosen = f
        if let g = nonCentral[f.name], m["ncp"] != nil { chosen = g }
        var columns: [RVector] = []
        for name in chosen.parameters {
            guard let value = m[name] ?? chosen.defaults[name].map({ .scalar($0) }) else {
                throw RError("argument \"\(name)\" is missing, with no default")
            }
            guard case .vector(let v) = value, v.storage.rank <= 2, !v.isFactor else {
                throw RError("Non-numeric argument to mathematical function")
            }
            columns.append(v)
        }
        let first = try flag(m[flags[0]], default: f.isDensity ? 0 : 1)
        let second = f.isDensity ? 0 : try flag(m["log.p"], default: 0)
        let values = columns.map { Coerce.doubles($0) ?? [] }
        let n = values.contains(where: \.isEmpty) ? 0 : values.map(\.count).max() ?? 0
        var out = [Double](repeating: 0, count: n)
        var producedNaN = false
        for i in 0..<n {
            var x = values.map { $0[i % $0.count] }
            if x.contains(where: \.isRNA) { out[i] = NAReal; continue }
            if x.contains(where: \.isNaN) { out[i] = .nan; continue }
            for (k, name) in chosen.parameters.enumerated() where chosen.reciprocal.contains(name) { x[k] = 1 / x[k] }
            try chosen.check?(x)
            out[i] = chosen.evaluate(x, first, second)
            if out[i].isNaN { producedNaN = true }
        }
        if producedNaN { try ctx.interpreter.signalWarning("NaNs produced", call: ctx.call) }
        var result = RVector(.double(out))
        // Attributes (names, dim) come from the first argument as long as the result.
        if n > 0, let source = columns.first(where: { $0.count == n }) { result.attributes = source.attributes }
        return .vector(result)
    }

    private static func flag(_ v: RValue?, default d: Int32) throws -> Int32 {
        guard let v else { return d }
        guard case .vector(let vec) = v, vec.count >= 1, let l = Coerce.logicals(vec)?.first else { return d }
        // R reads the flag with asInteger: NA is a non-zero integer, so it counts as TRUE.
        return l == .no ? 0 : 1
    }
}
