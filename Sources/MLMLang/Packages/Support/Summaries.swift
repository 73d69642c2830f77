import CRmath
import Foundation

/// Summary statistics and mathematical functions on vectors, with R's types (integer stays
/// integer where R keeps it), NA rules, warnings and attribute handling.
enum Summaries {
    /// base's: mathematical functions, extremes, cumulative sums, logic, summary, scale.
    static func installBase(_ interp: Interpreter) {
        installMath(interp)
        installExtremes(interp)
        installCumulative(interp)
        installLogic(interp)
        installSummary(interp)
        installScale(interp)
    }

    /// stats': quantiles, variances and correlations, robust summaries, lowess, density.
    static func installStats(_ interp: Interpreter) {
        installCentral(interp)
        installCovariance(interp)
        installRobust(interp)
        installLowess(interp)
        installDensity(interp)
    }

    // MARK: - Shared helpers

    static func nonNumeric() -> RError { RError("non-numeric argument to mathematical function") }

    /// The call R reports for a group generic's factor method, e.g. `Math.factor(f)`.
    static func methodCall(_ name: String, _ call: Call) -> Call {
        Call(.symbol(name), call.arguments, location: call.location)
    }

    /// The numeric vector a mathematical function accepts: logical, integer or double.
    static func mathOperand(_ name: String, _ value: RValue?, _ ctx: CallContext) throws -> RVector {
        guard case .vector(let v)? = value else { throw nonNumeric() }
        if v.isFactor {
            throw RError("\(Quotes.single(name)) not meaningful for factors", call: methodCall("Math.factor", ctx.call))
        }
        guard v.storage.rank <= 2 else { throw nonNumeric() }
        return v
    }

    static func flag(_ m: [String: RValue], _ name: String, default d: Bool = false) -> Bool {
        guard let v = m[name] else { return d }
        return v.scalarLogical()?.bool ?? d
    }

    /// R's names(x): the names attribute, or for a one-dimensional array its dimnames.
    static func elementNames(_ v: RVector) -> [String?]? {
        if let names = v.names { return names }
        guard v.dim?.count == 1, case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage,
              case .vector(let labels)? = items.first else { return nil }
        return Coerce.strings(labels)
    }
}
