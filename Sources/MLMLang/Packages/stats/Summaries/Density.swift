import Foundation
import Graphics

/// density() as stats' density.default computes it with the Gaussian kernel: bw.nrd0's
/// bandwidth, the data linearly binned onto 2n points from `from - 4 bw` to `to + 4 bw`, that
/// grid convolved (circularly, as R's FFT does) with the kernel, and the result interpolated
/// at n points from `from` to `to` (cut = 3 bandwidths beyond the data). Printed and plotted as
/// print.density and plot.density do.
enum KernelDensity {
    /// Silverman's rule as bw.nrd0: 0.9 min(sd, IQR / 1.34) n^-1/5.
    static func bandwidthNrd0(_ x: [Double]) throws -> Double {
        guard x.count >= 2 else { throw RError("need at least 2 data points") }
        let n = Double(x.count), mean = x.reduce(0, +) / n
        let sd = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let quartiles = Summaries.quantileValues(RVector(.double(x.sorted())), probs: [0.25, 0.75], type: 7).doubles ?? [0, 0]
        var spread = min(sd, (quartiles[1] - quartiles[0]) / 1.34)
        if spread == 0 { spread = sd != 0 ? sd : (x[0] != 0 ? abs(x[0]) : 1) }
        return 0.9 * spread * pow(n, -0.2)
    }

    /// The bandwidth as print.density and plot.density show it: formatC's four digits.
    static func bandwidthLabel(_ density: RValue) -> String {
        RFormat.significant(ListFields.field(density, "bw")?.doubleValue ?? .nan, digits: 4)
    }

    /// The estimate at n points from `from` to `to`, from the finite values `x` of `count`
    /// observations (R drops infinite ones but keeps them in N, so their mass is lost).
    static func estimate(_ x: [Double], count: Int, bandwidth bw: Double, n: Int, from: Double, to: Double) -> (x: [Double], y: [Double]) {
        let gridCount = n < 512 ? 512 : (n > 512 ? Int(pow(2, ceil(log2(Double(n))))) : 512)
        let lo = from - 4 * bw, up = to + 4 * bw
        // BinDist: each point's weight 1/N split linearly between its two neighbouring grid points.
        var binned = [Double](repeating: 0, count: 2 * gridCount)
        let delta = (up - lo) / Double(gridCount - 1), weight = 1 / Double(count)
        for v in x {
            let position = (v - lo) / delta, cell = Int(position.rounded(.down)), fraction = position - Double(cell)
            if cell >= 0 && cell <= gridCount - 2 {
                binned[cell] += weight * (1 - fraction)
                binned[cell + 1] += weight * fraction
            } else if cell == -1 {
                binned[0] += weight * fraction
            } else if cell == gridCount - 1 {
                binned[cell] += weight * (1 - fraction)
            }
        }
        // The kernel at the circular lags 0, 1, ..., n and back down, as R's kords.
        let step = 2 * (up - lo) / Double(2 * gridCount - 1)
        var kernel = (0..<(2 * gridCount)).map { Double($0) * step }
        for k in (gridCount + 1)..<(2 * gridCount) { kernel[k] = -kernel[2 * gridCount - k] }
        kernel = kernel.map { exp(-0.5 * ($0 / bw) * ($0 / bw)) / (bw * (2 * Double.pi).squareRoot()) }
        var smoothed = [Double](repeating: 0, count: gridCount)
        let size = 2 * gridCount
        for (j, mass) in binned.enumerated() where mass != 0 {
            for k in 0..<gridCount { smoothed[k] += mass * kernel[((k - j) % size + size) % size] }
        }
        smoothed = smoothed.map { max(0, $0) }
        let gridX = (0..<gridCount).map { lo + (up - lo) * Double($0) / Double(gridCount - 1) }
        let xs = (0..<n).map { n == 1 ? from : from + (to - from) * Double($0) / Double(n - 1) }
        // approx(): linear interpolation on the grid.
        let ys = xs.map { v -> Double in
            let position = (v - lo) / delta
            let cell = min(max(Int(position.rounded(.down)), 0), gridCount - 2)
            let t = (v - gridX[cell]) / (gridX[cell + 1] - gridX[cell])
            return smoothed[cell] + t * (smoothed[cell + 1] - smoothed[cell])
        }
        return (xs, ys)
    }
}

extension Summaries {
    static func installDensity(_ interp: Interpreter) {
        interp.define("density", special: { ctx, args in
            // Errors are reported, as R reports them, against the method: density.default(...).
            do { return try densityDefault(ctx, args) } catch var e as RError where e.call == nil && e.condition == nil {
                e.call = Call(.symbol("density.default"), args, location: ctx.call.location)
                throw e
            }
        })
        interp.define("bw.nrd0", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["x"], args, call: ctx.call)
            return .scalar(try KernelDensity.bandwidthNrd0(try numbers(m["x"])))
        })
        interp.define("print.density", { ctx, args in
            guard let d = args.first?.value else { return .null }
            let i = ctx.interpreter
            let field = { (name: String) in ListFields.field(d, name) }
            var callText = ""
            if case .language(let l)? = field("call") { callText = Deparser.deparse(l.expr) }
            i.write("\nCall:\n\t\(callText)\n\nData: \(field("data.name")?.stringValue ?? "") (\(field("n")?.scalarInt() ?? 0) obs.);"
                    + "\tBandwidth 'bw' = \(KernelDensity.bandwidthLabel(d))\n\n")
            // print(summary(as.data.frame(x[c("x", "y")]))), as print.density does.
            let env = Environment(parent: ctx.env)
            env.set("x", d)
            for expr in try Parser.parse("print(summary(as.data.frame(x[c(\"x\", \"y\")])))") { _ = try i.eval(expr, env) }
            i.visible = false
            return d
        })
    }

    /// density.default(x, bw = "nrd0", adjust = 1, kernel = "gaussian", n = 512, from, to,
    /// cut = 3, na.rm = FALSE).
    private static func densityDefault(_ ctx: CallContext, _ args: [Argument]) throws -> RValue {
        let i = ctx.interpreter
        let call = LinearModelLibrary.matchedCall(Call(ctx.call.function, args, location: ctx.call.location),
                                                  formals: ["x", "bw", "adjust", "kernel", "weights", "window", "width",
                                                            "give.Rkern", "subdensity", "warnWbw", "n", "from", "to", "cut", "na.rm"])
        var values: [String: RValue] = [:]
        for argument in call.arguments { if let name = argument.name { values[name] = try i.eval(argument.value, ctx.env) } }
        guard let given = values["x"], case .vector(let vector) = given, !vector.isFactor, let all = Coerce.doubles(vector),
              vector.storage.rank <= 2 else { throw RError("argument 'x' must be numeric") }
        let naRemove = values["na.rm"]?.scalarLogical()?.bool ?? false
        if !naRemove && all.contains(where: \.isNaN) { throw RError("'x' contains missing values") }
        let observed = all.filter { !$0.isNaN }
        let x = observed.filter(\.isFinite)
        guard values["kernel"].map({ $0.stringValue == "gaussian" }) ?? true else {
            throw RError("mlmd's density() uses the Gaussian kernel only")
        }
        var bw: Double
        if let b = values["bw"], let number = b.scalarDouble(), !(b.asVector.map { if case .character = $0.storage { return true } else { return false } } ?? false) {
            bw = number
        } else if values["bw"] == nil || values["bw"]?.stringValue?.lowercased() == "nrd0" {
            bw = try KernelDensity.bandwidthNrd0(x)
        } else {
            throw RError("mlmd's density() takes a number or \"nrd0\" as bw")
        }
        bw *= values["adjust"]?.scalarDouble() ?? 1
        guard bw.isFinite else { throw RError("non-finite 'bw'") }
        guard bw > 0 else { throw RError("'bw' is not positive.") }
        let requested = values["n"]?.scalarDouble() ?? 512
        // R's own words for these: its `if (n > 512)` and seq.int(length.out = n).
        guard !requested.isNaN else { throw RError("missing value where TRUE/FALSE needed") }
        guard requested >= 0, requested.isFinite else { throw RError("'length.out' must be a non-negative number") }
        let n = Int(min(requested, 1e7))
        try RLimits.check(n)
        guard let minimum = x.min(), let maximum = x.max() else { throw RError("need at least 2 points to select a bandwidth automatically") }
        let cut = values["cut"]?.scalarDouble() ?? 3
        let from = values["from"]?.scalarDouble() ?? minimum - cut * bw
        let to = values["to"]?.scalarDouble() ?? maximum + cut * bw
        guard from.isFinite, to.isFinite else { throw RError("non-finite 'from'") }
        let estimate = KernelDensity.estimate(x, count: observed.count, bandwidth: bw, n: n, from: from, to: to)
        let shownCall = Call(.symbol("density.default"), call.arguments, location: call.location)
        var out = RVector(.list([.double(estimate.x), .double(estimate.y), .scalar(bw), .scalar(observed.count),
                                 .language(Language(.call(shownCall))),
                                 .scalar(call.arguments.first { $0.name == "x" }.map { Deparser.deparse($0.value) } ?? "x"),
                                 .scalar(false)]))
        out.names = ["x", "y", "bw", "n", "call", "data.name", "has.na"]
        out.attributes["class"] = .character(["density"])
        return .vector(out)
    }
}
