import CNLopt

/// NLopt's BOBYQA (Powell's bound-constrained quadratic-model derivative-free method), the
/// algorithm behind lme4's default optimizer. Only this file touches NLopt.
enum BOBYQA {
    struct Result {
        let x: [Double]
        let minimum: Double
        let evaluations: Int
        let code: nlopt_result

        var codeName: String {
            // nlopt_result_to_string gives e.g. "XTOL_REACHED"; nloptr prefixes "NLOPT_".
            guard let name = nlopt_result_to_string(code) else { return "NLOPT_\(code.rawValue)" }
            return "NLOPT_" + String(cString: name)
        }

        /// lme4 treats negative codes (failures) and NLOPT_MAXEVAL_REACHED (5) as non-convergence.
        var converged: Bool { code.rawValue > 0 && code != NLOPT_MAXEVAL_REACHED }
    }

    /// Holds the objective for the C callback, which gets it back through its data pointer.
    private final class Objective {
        let f: ([Double]) -> Double
        var evaluations = 0
        init(_ f: @escaping ([Double]) -> Double) { self.f = f }
    }

    static func minimize(start: [Double], lower: [Double], upper: [Double]? = nil, settings: OptimizerSettings,
                         _ f: @escaping ([Double]) -> Double) throws -> Result {
        guard let opt = nlopt_create(NLOPT_LN_BOBYQA, UInt32(start.count)) else {
            throw MixedModelsError("NLopt could not create a BOBYQA optimizer")
        }
        defer { nlopt_destroy(opt) }
        let objective = Objective(f)
        let callback: nlopt_func = { n, x, _, data in
            guard let x, let data else { return .infinity }
            let objective = Unmanaged<Objective>.fromOpaque(data).takeUnretainedValue()
            objective.evaluations += 1
            return objective.f(Array(UnsafeBufferPointer(start: x, count: Int(n))))
        }
        var x = start, minimum = Double.infinity
        let code: nlopt_result = withExtendedLifetime(objective) {
            let data = Unmanaged.passUnretained(objective).toOpaque()
            let setup = [
                nlopt_set_min_objective(opt, callback, data),
                nlopt_set_lower_bounds(opt, lower),
                nlopt_set_upper_bounds(opt, upper ?? [Double](repeating: .infinity, count: start.count)),
                nlopt_set_xtol_rel(opt, settings.xtolRel),
                nlopt_set_xtol_abs1(opt, settings.xtolAbs),
                nlopt_set_ftol_rel(opt, settings.ftolRel),
                nlopt_set_ftol_abs(opt, settings.ftolAbs),
                nlopt_set_maxeval(opt, Int32(clamping: settings.maxEvaluations)),
            ]
            if let failed = setup.first(where: { $0 != NLOPT_SUCCESS }) { return failed }
            return nlopt_optimize(opt, &x, &minimum)
        }
        return Result(x: x, minimum: minimum, evaluations: objective.evaluations, code: code)
    }
}

/// NLopt's BOBYQA for callers outside the model fits: lme4's `nloptwrap` optimizer, which
/// profile() uses (nloptr's defaults: xtol_rel 1e-4; lme4's: xtol_abs and ftol_abs 1e-8,
/// at most 100,000 evaluations).
public enum BoundedBOBYQA {
    public struct Result {
        public let x: [Double]
        public let minimum: Double
        public let evaluations: Int
        /// NLopt's status: negative for failures.
        public let status: Int
    }

    public static func minimize(start: [Double], lower: [Double], upper: [Double],
                                settings: OptimizerSettings = OptimizerSettings(),
                                _ f: @escaping ([Double]) -> Double) throws -> Result {
        let run = try BOBYQA.minimize(start: start, lower: lower, upper: upper, settings: settings, f)
        return Result(x: run.x, minimum: run.minimum, evaluations: run.evaluations, status: Int(run.code.rawValue))
    }
}
