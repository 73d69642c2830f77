import Foundation

extension PowellBOBYQA {
    /// A dense matrix stored by columns, as Fortran stores XPT, BMAT and ZMAT: keeping Powell's
    /// layout keeps his loops (which walk down columns) readable side by side with the Fortran.
    struct Matrix {
        let rows: Int
        var values: [Double]

        init(rows: Int, columns: Int) {
            self.rows = rows
            values = [Double](repeating: 0, count: rows * columns)
        }

        subscript(row: Int, column: Int) -> Double {
            get { values[row + column * rows] }
            set { values[row + column * rows] = newValue }
        }

        mutating func swapRows(_ a: Int, _ b: Int, columns: Int) {
            for j in 0..<columns {
                values.swapAt(a + j * rows, b + j * rows)
            }
        }
    }

    /// Where a BOBYQB-style run stopped, in Fortran's IERR numbering (minqa maps it for R).
    enum Stop: Int {
        case normal = 0
        case badNpt = 10
        case rangeTooSmall = 20
        case cancellation = 320
        case evaluationLimit = 390
        case noReduction = 430
    }

    /// Everything Powell's BOBYQB keeps between iterations. Indices are 0-based; the names are
    /// Powell's (they are also the notation of his 2009 report), with the meaning of each below.
    /// All points except `x` are displacements from `xbase`, which moves now and then so that
    /// the interpolation points stay close to the origin and rounding errors stay small.
    struct Solver {
        let n: Int
        /// Number of interpolation points.
        let npt: Int
        let lower: [Double]
        let upper: [Double]
        let rhobeg: Double
        let rhoend: Double
        let maxfun: Int
        let objective: ([Double]) -> Double

        /// Calls of the objective made by the algorithm (minqa's feval); unlike `nf`, never
        /// rewritten by the bookkeeping of the evaluation limit.
        var evaluations = 0
        /// Powell's NF: the number of calls of the objective as the algorithm counts them.
        var nf = 0

        /// The vector last given to the objective, and the answer at the end.
        var x: [Double]
        /// The value of the objective that goes with the answer.
        var f = 0.0

        var xbase: [Double]
        /// Interpolation points, npt × n, one point a row.
        var xpt: Matrix
        /// Objective values at the interpolation points.
        var fval: [Double]
        /// Row of `xpt` with the least value so far (the trust region centre).
        var kopt = 0
        var xopt: [Double]
        /// Gradient of the quadratic model at `xopt`.
        var gopt: [Double]
        /// Explicit second derivatives of the model: the upper triangle packed by columns.
        var hq: [Double]
        /// Implicit second derivatives: the model's Hessian is HQ + Σ pq[k] xpt[k] xpt[k]ᵀ.
        var pq: [Double]
        /// The last n columns of the inverse of the interpolation system (H in Powell's papers),
        /// (npt + n) × n.
        var bmat: Matrix
        /// The factor Z of the leading npt × npt block of H = Z Zᵀ, npt × (npt - n - 1).
        var zmat: Matrix
        /// Lower and upper bounds minus `xbase`; points on a bound equal these exactly.
        var sl: [Double]
        var su: [Double]
        /// The next point to evaluate, an alternative to it, and the step from `xopt`.
        var xnew: [Double]
        var xalt: [Double]
        var d: [Double]
        /// Values of the Lagrange functions at `xnew` (first npt) and the B-part product (last n).
        var vlag: [Double]
        /// Gradient of the model at xopt + d as the trust-region solver leaves it.
        var gnew: [Double]
        /// Scratch space of the main iteration (Powell's W), 3 (npt + n) long.
        var w: [Double]

        // State of the main iteration between its stages (see PowellBOBYQA+Iteration.swift).
        var rho = 0.0
        var delta = 0.0
        var xoptsq = 0.0
        var fsave = 0.0
        var kbase = 0
        var nresc = 0
        var nfsav = 0
        /// Trust-region iterations since the last alternative (model-improving) iteration;
        /// -1 marks a trust-region step too short to be worth an evaluation.
        var ntrits = 0
        /// The moduli of the errors of the model's predictions at the last three new points.
        var diffa = 0.0
        var diffb = 0.0
        var diffc = 0.0
        /// Consecutive iterations in which the least-Frobenius-norm model had a much smaller
        /// projected gradient than the current model.
        var itest = 0
        var dsq = 0.0
        var crvmin = 0.0
        var dnorm = 0.0
        var ratio = 0.0
        var knew = 0
        var adelt = 0.0
        var alpha = 0.0
        var cauchy = 0.0
        var beta = 0.0
        var denom = 0.0
        var diff = 0.0
        var vquad = 0.0
        var fopt = 0.0
        /// Squared distance threshold handed to the search for a far interpolation point.
        var distsq = 0.0
        var stop = Stop.normal

        var nptm: Int { npt - n - 1 }
        var ndim: Int { npt + n }

        init(start: [Double], lower: [Double], upper: [Double], npt: Int, rhobeg: Double, rhoend: Double,
             maxfun: Int, objective: @escaping ([Double]) -> Double) {
            let n = start.count
            self.n = n
            self.npt = npt
            self.lower = lower
            self.upper = upper
            self.rhobeg = rhobeg
            self.rhoend = rhoend
            self.maxfun = maxfun
            self.objective = objective
            x = start
            xbase = [Double](repeating: 0, count: n)
            xpt = Matrix(rows: npt, columns: n)
            fval = [Double](repeating: 0, count: npt)
            xopt = xbase
            gopt = xbase
            hq = [Double](repeating: 0, count: n * (n + 1) / 2)
            pq = fval
            bmat = Matrix(rows: npt + n, columns: n)
            zmat = Matrix(rows: npt, columns: max(npt - n - 1, 0))
            sl = xbase
            su = xbase
            xnew = xbase
            xalt = xbase
            d = xbase
            vlag = [Double](repeating: 0, count: npt + n)
            gnew = xbase
            w = [Double](repeating: 0, count: 3 * (npt + n))
        }

        /// minqa's calfun: counts the call, refuses non-finite points as minqa does, and hands
        /// back the largest finite double for a non-finite value so that comparisons stay sane.
        mutating func evaluate(_ point: [Double]) throws -> Double {
            evaluations += 1
            guard point.allSatisfy(\.isFinite) else {
                throw Failure(description: "non-finite x values not allowed in calfun")
            }
            let value = objective(point)
            return value.isFinite ? value : .greatestFiniteMagnitude
        }

        /// The vector of variables for a point given relative to `xbase`: clamped to the bounds,
        /// and put exactly on a bound when the point sits on that bound in the shifted frame
        /// (xbase + sl need not equal the bound to the last bit).
        func variables(at point: [Double]) -> [Double] {
            var v = [Double](repeating: 0, count: n)
            for i in 0..<n {
                v[i] = dmin1(dmax1(lower[i], xbase[i] + point[i]), upper[i])
                if point[i] == sl[i] { v[i] = lower[i] }
                if point[i] == su[i] { v[i] = upper[i] }
            }
            return v
        }

        /// Row `k` of XPT as an array.
        func xptRow(_ k: Int) -> [Double] {
            (0..<n).map { xpt[k, $0] }
        }
    }
}

extension PowellBOBYQA.Solver {
    /// Index into HQ (upper triangle packed by columns) of element (i, j), i <= j.
    @inline(__always)
    func hqIndex(_ i: Int, _ j: Int) -> Int {
        i + j * (j + 1) / 2
    }

    /// gfortran compiles DMAX1(A, B) to `maxsd`, which yields A when A > B and otherwise B;
    /// Swift's max treats NaN and ties the other way, so this spells out the Fortran behaviour.
    @inline(__always)
    func dmax1(_ a: Double, _ b: Double) -> Double {
        a > b ? a : b
    }

    /// Fortran's conversion of a double to a default (32-bit) integer: truncation, and on
    /// x86-64 the "integer indefinite" -2³¹ for NaN or out-of-range values, where Swift's Int()
    /// would trap. Only a model already ruined by overflow can meet that case.
    @inline(__always)
    func fortranInteger(_ value: Double) -> Int {
        guard value > -2_147_483_649.0 && value < 2_147_483_648.0 else { return Int(Int32.min) }
        return Int(value)
    }

    /// DMIN1(A, B) as gfortran compiles it (`minsd`): A when A < B, otherwise B.
    @inline(__always)
    func dmin1(_ a: Double, _ b: Double) -> Double {
        a < b ? a : b
    }
}
