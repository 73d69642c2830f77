import Foundation

/// `LinearMixedModel(x:y:terms:weights:reml:)`: a linear mixed model y = Xβ + Zb + ε,
/// b ~ N(0, σ² ΛθΛθ'), ε ~ N(0, σ² W⁻¹) with prior weights W (I without), fitted as lme4's `lmer` fits it (Bates, Mächler, Bolker &
/// Walker 2015, JSS 67(1)): with the spherical random effects u (b = Λθ u), the penalized least
/// squares problem min ‖W^½(y − Xβ − ZΛθ u)‖² + ‖u‖² is solved through the Cholesky factor L of
///
///     [Λ'Z'WZΛ + I  Λ'Z'WX  Λ'Z'Wy]
///     [X'WZΛ        X'WX    X'Wy  ]
///     [y'WZΛ        y'WX    y'Wy  ]
///
/// kept in blocks (`BlockTriangle`) so that the first term's block stays (block) diagonal. The
/// profiled deviance and REML criterion are then functions of θ alone, read off L's diagonal.
///
/// Terms are put in lme4's order, by decreasing number of levels (ties keep their given order),
/// so `theta`, `thetaNames` and `b` line up with `getME(m, "theta")` and `getME(m, "b")`.
public final class LinearMixedModel {
    /// The random-effects terms in lme4's order.
    public let terms: [RandomEffectsTerm]
    /// REML criterion (true, lmer's default) or ML deviance as the objective.
    public let reml: Bool
    /// Names of the fixed effects that are estimated.
    public let fixedEffectNames: [String]
    /// Columns of X dropped because they are linearly dependent on earlier ones.
    public let droppedFixedEffectNames: [String]
    /// Observations.
    public let n: Int
    /// Fixed effects estimated (after dropping).
    public let p: Int
    /// Prior weights, as `lmer(weights = )`; nil for none.
    public private(set) var weights: [Double]?

    private(set) var xy: FixedEffectsResponse
    private var a: BlockTriangle
    private(set) var l: BlockTriangle
    private var factorIsValid = false
    /// θ at which L was last factored, nil when that failed.
    private var factoredTheta: [Double]?
    /// The PLS solution at `theta`, computed when first asked for.
    var cachedSolution: Solution?
    /// Start of each term's slice of θ.
    private let thetaOffsets: [Int]
    /// log det W, which the criterion subtracts (lme4's ldW); computed when first asked for,
    /// since a GLMM's PIRLS reweights many times and never reads it.
    private var logWeightSumCache: Double?
    private var logWeightSum: Double {
        if let cached = logWeightSumCache { return cached }
        let sum = weights.map { $0.reduce(0) { $0 + log($1) } } ?? 0
        logWeightSumCache = sum
        return sum
    }

    /// The number of fixed effects the REML criterion accounts for, when not p: lme4's refit()
    /// builds its response module with `REML = TRUE`, which its criterion reads as 1, so refits
    /// of REML fits minimize n - 1 degrees of freedom (σ is still reported on n - p).
    public var remlFixedEffectCount: Int? {
        didSet { cachedSolution = nil }
    }

    /// log det W (0 without weights), which lme4's deviance subtracts.
    public var logDeterminantOfWeights: Double { logWeightSum }

    /// The covariance parameters at which L was last computed.
    public private(set) var theta: [Double]
    /// Set by `fit`.
    public internal(set) var optSummary: OptSummary?

    public init(x: DesignMatrix, y: [Double], terms: [RandomEffectsTerm], weights: [Double]? = nil,
                reml: Bool = true) throws {
        guard !terms.isEmpty else { throw MixedModelsError("No random effects terms specified in formula") }
        if let weights {
            guard weights.count == y.count else { throw MixedModelsError("incompatible dimensions") }
            guard weights.allSatisfy({ $0 >= 0 }) else { throw MixedModelsError("negative weights not allowed") }
            // A zero weight would make log det W, which the criterion contains, infinite.
            guard weights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw MixedModelsError("weights must be positive and finite")
            }
        }
        for term in terms where term.observations != x.rows {
            throw MixedModelsError("the grouping factor \(term.grouping) has \(term.observations) values for \(x.rows) observations")
        }
        let xy = try FixedEffectsResponse(x: x, y: y)
        guard !reml || xy.n > xy.p else {
            throw MixedModelsError("no residual degrees of freedom for the REML criterion")
        }
        // lme4's order (a stable sort by decreasing number of levels); it also puts the term with
        // the most levels in the (1, 1) block, the one whose sparsity is kept.
        let ordered = terms.enumerated()
            .sorted { ($0.element.levelCount, $1.offset) > ($1.element.levelCount, $0.offset) }
            .map(\.element)
        self.terms = ordered
        self.reml = reml
        self.xy = xy
        self.fixedEffectNames = xy.names
        self.droppedFixedEffectNames = xy.droppedNames
        self.n = xy.n
        self.p = xy.p
        self.weights = weights
        var offsets = [Int](), next = 0
        for term in ordered {
            offsets.append(next)
            next += term.thetaCount
        }
        self.thetaOffsets = offsets
        self.a = BlockTriangle(crossproductsOf: ordered, xy, weights: weights)
        self.l = a
        self.theta = ordered.flatMap(\.initialTheta)
        updateL()
    }

    /// Replaces the response and the (positive) weights, keeping X, the terms and the blocks'
    /// structure, and refactors at θ: one step of a GLMM's PIRLS, which solves this weighted
    /// PLS problem at each step's working weights and response.
    public func reweight(response y: [Double], weights newWeights: [Double], theta newTheta: [Double]) throws {
        guard y.count == n, newWeights.count == n else { throw MixedModelsError("incompatible dimensions") }
        guard newWeights.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw MixedModelsError("weights must be positive and finite") }
        guard y.allSatisfy(\.isFinite) else { throw MixedModelsError("NA/NaN/Inf in 'y'") }
        guard newTheta.count == theta.count, newTheta.allSatisfy(\.isFinite) else { throw MixedModelsError("theta must be finite") }
        xy.replaceResponse(y)
        weights = newWeights
        logWeightSumCache = nil
        a.accumulate(terms, xy, weights: newWeights)
        factorIsValid = false
        factoredTheta = nil
        theta = newTheta
        updateL()
    }

    // MARK: - θ and the objective

    /// Lower bounds of θ: 0 for the diagonal of each λ, -∞ elsewhere.
    public var lowerBounds: [Double] { terms.flatMap(\.lowerBounds) }

    /// lme4's start: every λ the identity, except in models whose terms are all `(1 | g)` with
    /// distinct grouping factors, where lme4 1.1-31 (mkLmerDevfun) starts from the ratios of
    /// between-group to residual variance of y: θ_i = sqrt(var(ave(y, g_i)) / v_e) with
    /// v_e = var(y) − Σ var(ave(y, g_i)), when v_e > 0.
    public var initialTheta: [Double] {
        let identity = terms.flatMap(\.initialTheta)
        guard terms.allSatisfy({ $0.columnNames == ["(Intercept)"] }),
              Set(terms.map(\.grouping)).count == terms.count else { return identity }
        let y = response
        let between = terms.map { term in Self.sampleVariance(Self.groupMeans(y, term)) }
        let residual = Self.sampleVariance(y) - between.reduce(0, +)
        guard residual > 0 else { return identity }
        return between.map { ($0 / residual).squareRoot() }
    }

    /// R's `ave(y, g)`: each observation replaced by the mean of its group.
    private static func groupMeans(_ y: [Double], _ term: RandomEffectsTerm) -> [Double] {
        var sums = [Double](repeating: 0, count: term.levelCount), counts = sums
        for (value, level) in zip(y, term.refs) {
            sums[level] += value
            counts[level] += 1
        }
        return term.refs.map { sums[$0] / counts[$0] }
    }

    /// R's `var`: denominator n − 1, NaN below two values.
    private static func sampleVariance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let mean = x.reduce(0, +) / Double(x.count)
        return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
    }

    /// Names as `names(getME(m, "theta"))`.
    public var thetaNames: [String] { terms.flatMap(\.thetaNames) }

    /// Sets θ and refactors L.
    public func setTheta(_ newTheta: [Double]) throws {
        guard newTheta.count == theta.count else {
            throw MixedModelsError("theta has \(newTheta.count) elements, the model \(theta.count)")
        }
        guard newTheta.allSatisfy(\.isFinite) else { throw MixedModelsError("theta must be finite") }
        theta = newTheta
        updateL()
    }

    /// The objective at θ, as lme4's `devfun(theta)` from `lmer(..., devFunOnly = TRUE)`.
    public func objective(at newTheta: [Double]) throws -> Double {
        try setTheta(newTheta)
        return objective
    }

    /// For the optimizer: no validation beyond what `setTheta` needs, +∞ where L cannot be formed.
    func evaluate(_ newTheta: [Double]) -> Double {
        guard newTheta.count == theta.count, newTheta.allSatisfy(\.isFinite) else { return .infinity }
        theta = newTheta
        updateL()
        return objective
    }

    /// REML criterion (`REMLcrit(m)`) or ML deviance (`deviance(m)`) at the current θ.
    public var objective: Double {
        guard factorIsValid else { return .infinity }
        let pwrss = self.pwrss
        if reml {
            let dof = Double(n - (remlFixedEffectCount ?? p))
            return ldL2 + ldRX2 + dof * (1 + log(2 * Double.pi * pwrss / dof)) - logWeightSum
        }
        let count = Double(n)
        return ldL2 + count * (1 + log(2 * Double.pi * pwrss / count)) - logWeightSum
    }

    /// log det(Λ'Z'ZΛ + I), lme4's `ldL2`.
    public var ldL2: Double {
        (0..<terms.count).reduce(0) { $0 + 2 * l[$1, $1].logDiagonalSum }
    }

    /// log det(RX'RX) for the fixed effects, lme4's `ldRX2`.
    public var ldRX2: Double {
        let block = l[terms.count, terms.count]
        var sum = 0.0
        for i in 0..<p { sum += log(block.values[i + i * (p + 1)]) }
        return 2 * sum
    }

    /// Penalized weighted residual sum of squares ‖W^½(y − Xβ − Zb)‖² + ‖u‖² at the PLS solution:
    /// the square of L's last diagonal element.
    public var pwrss: Double {
        let last = l[terms.count, terms.count].values[p + p * (p + 1)]
        return last * last
    }

    // MARK: - Building and factoring

    /// λ of each term at the current θ.
    var lambdas: [[Double]] {
        terms.indices.map { i in
            terms[i].lambda(theta[thetaOffsets[i]..<(thetaOffsets[i] + terms[i].thetaCount)])
        }
    }

    /// L := the blocked Cholesky factor of A scaled by Λθ, with I added to the random-effects part.
    /// Block rows of the leading terms whose θ did not change since the last factorization are
    /// kept (see `BlockTriangle.factor(keepingLeading:)`).
    private func updateL() {
        let k = terms.count
        var kept = 0
        if factorIsValid, let previous = factoredTheta {
            while kept < k, thetaSlice(previous, kept) == thetaSlice(theta, kept) { kept += 1 }
            if kept == k { return }
        }
        let lambdas = self.lambdas
        for i in kept...k {
            for j in 0...i { scaleBlock(row: i, column: j, lambdas: lambdas) }
        }
        factorIsValid = l.factor(keepingLeading: kept)
        factoredTheta = factorIsValid ? theta : nil
        cachedSolution = nil
    }

    private func thetaSlice(_ values: [Double], _ term: Int) -> ArraySlice<Double> {
        values[thetaOffsets[term]..<(thetaOffsets[term] + terms[term].thetaCount)]
    }

    /// L's block (i, j) := block (i, j) of Λ'AΛ + I, the identity on the random-effects diagonal.
    private func scaleBlock(row i: Int, column j: Int, lambdas: [[Double]]) {
        let k = terms.count, index = BlockTriangle.index(i, j), block = a.blocks[index]
        guard j < k else { return l.blocks[index].values = block.values }
        let qi = i < k ? terms[i].q : 0, qj = terms[j].q
        switch block.kind {
        case .diagonal, .blockDiagonal:
            var values = block.values
            LambdaProduct.scaleInflateBlocks(&values, q: qj, lambda: lambdas[j])
            l.blocks[index].values = values
        case .sparse(let pattern):
            var values = block.values
            pattern.rightMultiply(&values, lambda: lambdas[j], q: qj)
            if i < k { pattern.leftMultiplyTransposed(&values, lambda: lambdas[i], q: qi) }
            l.blocks[index].values = values
        case .dense where qj == 1 && qi <= 1:
            // Both sides scalar: one pass of a scaling into L's own storage, the largest blocks
            // (lecturers by lecturers in InstEval) being of this kind.
            // (a λ_j) λ_i, rounded as the two products are in general.
            let right = lambdas[j][0], left = i < k ? lambdas[i][0] : 1
            let rows = block.rows
            block.values.withUnsafeBufferPointer { source in
                l.blocks[index].values.withUnsafeMutableBufferPointer { target in
                    for c in 0..<block.columns {
                        let base = c * rows
                        for r in 0..<rows { target[base + r] = source[base + r] * right * left }
                    }
                    if i == j { for d in 0..<rows { target[d + d * rows] += 1 } }
                }
            }
        case .dense:
            var values = block.values
            LambdaProduct.rightMultiply(&values, rows: block.rows, columns: block.columns, lambda: lambdas[j], q: qj)
            if i < k {
                LambdaProduct.leftMultiplyTransposed(&values, rows: block.rows, columns: block.columns,
                                                     lambda: lambdas[i], q: qi)
            }
            if i == j {
                for d in 0..<block.rows { values[d + d * block.rows] += 1 }
            }
            l.blocks[index].values = values
        }
    }
}
