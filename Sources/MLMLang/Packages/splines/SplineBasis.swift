/// The kernels of the splines package, as R's splines.c computes them (de Boor's recurrences):
/// `spline_basis` (the nonzero B-spline basis functions, or their derivatives, at each x, with
/// the column offset of the first) and `spline_value` (a B-spline with given coefficients, or a
/// derivative of it, at each x). splineDesign() and predict.bSpline() are written in R over them.
enum SplineBasis {
    /// One evaluation's state: the knots, the order, where x falls.
    private struct Cursor {
        let knots: [Double]
        let order: Int
        var curs = -1
        var boundary = false

        /// The index of the first knot to the right of x; x on the last usable knot counts as
        /// inside (a right boundary).
        mutating func set(_ x: Double) {
            curs = -1
            boundary = false
            for i in knots.indices {
                if knots[i] >= x { curs = i }
                if knots[i] > x { break }
            }
            let lastLegit = knots.count - order
            if curs > lastLegit, x == knots[lastLegit] {
                boundary = true
                curs = lastLegit
            }
        }

        /// rdel[i] = t[curs + i] - x, ldel[i] = x - t[curs - i - 1].
        func differences(_ x: Double, _ count: Int) -> (right: [Double], left: [Double]) {
            (0..<count).reduce(into: ([Double](), [Double]())) { d, i in
                d.0.append(knots[curs + i] - x)
                d.1.append(x - knots[curs - i - 1])
            }
        }

        /// The spline with B-spline coefficients `a` (the `order` of them that matter at x), or its
        /// `nder`-th derivative.
        func evaluate(_ coefficients: [Double], _ x: Double, _ nder: Int) -> Double {
            var a = coefficients
            var outer = order - 1
            if boundary && nder == order - 1 { return 0 }
            var n = nder
            while n > 0 {
                for k in 0..<outer {
                    let left = knots[curs - outer + k], right = knots[curs + k]
                    a[k] = Double(outer) * (a[k + 1] - a[k]) / (right - left)
                }
                outer -= 1
                n -= 1
            }
            let (rdel, ldel) = differences(x, outer)
            while outer > 0 {
                outer -= 1
                for k in 0...outer {
                    let l = ldel[outer - k], r = rdel[k]
                    a[k] = (a[k + 1] * l + a[k] * r) / (r + l)
                }
            }
            return a[0]
        }

        /// The `order` nonzero basis functions at x (the fast path for values).
        func basis(_ x: Double) -> [Double] {
            let m = order - 1
            let (rdel, ldel) = differences(x, m)
            var b = [Double](repeating: 0, count: order)
            b[0] = 1
            if m == 0 { return b }
            for j in 1...m {
                var saved = 0.0
                for r in 0..<j {
                    let den = rdel[r] + ldel[j - 1 - r]
                    if den != 0 {
                        let term = b[r] / den
                        b[r] = saved + rdel[r] * term
                        saved = ldel[j - 1 - r] * term
                    } else {
                        if r != 0 || rdel[r] != 0 { b[r] = saved }
                        saved = 0
                    }
                }
                b[j] = saved
            }
            return b
        }
    }

    static func install(_ interp: Interpreter) {
        // .Internal(spline_basis(knots, order, x, derivs)): an order x length(x) matrix of the
        // basis values, with attribute "Offsets" (0-based column of each x's first function).
        interp.defineInternal("spline_basis", { _, args in
            guard args.count == 4, let knots = args[0].value.asVector.flatMap(Coerce.doubles), let order = args[1].value.scalarInt(),
                  order >= 1, let xs = args[2].value.asVector.flatMap(Coerce.doubles),
                  let derivs = args[3].value.asVector.flatMap(Coerce.doubles), !derivs.isEmpty else {
                throw RError("invalid arguments")
            }
            guard order <= knots.count else { throw RError("'ord' must be positive integer, at most the number of knots (\(knots.count))") }
            guard derivs.allSatisfy({ $0 >= 0 && $0 < Double(order) }) else {
                throw RError("'derivs' must be in {0, .., ord - 1}")
            }
            var cursor = Cursor(knots: knots, order: order)
            var values: [Double] = [], offsets: [Int] = []
            for (i, x) in xs.enumerated() {
                cursor.set(x)
                let offset = cursor.curs - order
                offsets.append(offset)
                let der = Int(derivs[i % derivs.count])
                // Outside the knots' usable range (x beyond the inner knots) there is no basis.
                if offset < 0 || cursor.curs > knots.count - order {
                    values += [Double](repeating: .nan, count: order)
                } else if der > 0 {
                    for k in 0..<order {
                        var a = [Double](repeating: 0, count: order)
                        a[k] = 1
                        values.append(cursor.evaluate(a, x, der))
                    }
                } else {
                    values += cursor.basis(x)
                }
            }
            var v = RVector(.double(values))
            v.attributes["dim"] = .integer([order, xs.count])
            v.attributes["Offsets"] = .integer(offsets)
            return .vector(v)
        })
        // .Internal(spline_value(knots, coeff, order, x, deriv)).
        interp.defineInternal("spline_value", { _, args in
            guard args.count == 5, let knots = args[0].value.asVector.flatMap(Coerce.doubles),
                  let coefficients = args[1].value.asVector.flatMap(Coerce.doubles), let order = args[2].value.scalarInt(), order >= 1,
                  let xs = args[3].value.asVector.flatMap(Coerce.doubles), let der = args[4].value.scalarInt(), der >= 0,
                  order <= knots.count else {
                throw RError("invalid arguments")
            }
            var cursor = Cursor(knots: knots, order: order)
            let values = xs.map { x -> Double in
                cursor.set(x)
                guard cursor.curs >= order, cursor.curs <= knots.count - order, der < order,
                      cursor.curs - order + order <= coefficients.count else { return .nan }
                return cursor.evaluate(Array(coefficients[(cursor.curs - order)..<cursor.curs]), x, der)
            }
            return .double(values)
        })
    }
}
