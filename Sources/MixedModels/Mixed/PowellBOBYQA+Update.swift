import Foundation

extension PowellBOBYQA.Solver {
    /// Powell's UPDATE (UPDATEBOBYQA in minqa): revises BMAT and ZMAT, the parts of the inverse
    /// H of the interpolation system, for the replacement of interpolation point `knew`.
    ///
    /// On entry `vlag` holds H w for the new point (the values of the Lagrange functions there,
    /// then the B-part), `beta` and `denom` the scalars of the updating formula (NEWUOA paper,
    /// eq. 4.11); `denom` must be positive. `vlag[knew]` is decreased by one, as the formula
    /// requires. ZMAT stays a factor of the updated block, so that block stays positive
    /// semi-definite whatever the rounding errors.
    mutating func updateInverse(beta: Double, denom: Double, knew: Int) {
        var w = [Double](repeating: 0, count: ndim)
        // Entries of ZMAT this small compared with the largest are treated as zero.
        var ztest = 0.0
        for k in 0..<npt {
            for j in 0..<nptm {
                ztest = dmax1(ztest, abs(zmat[k, j]))
            }
        }
        ztest = 1.0e-20 * ztest

        // Givens rotations of the columns of ZMAT that leave row knew zero beyond the first
        // column; Z Zᵀ does not change.
        for j in stride(from: 1, to: nptm, by: 1) {
            if abs(zmat[knew, j]) > ztest {
                var temp = (zmat[knew, 0] * zmat[knew, 0] + zmat[knew, j] * zmat[knew, j]).squareRoot()
                let tempa = zmat[knew, 0] / temp
                let tempb = zmat[knew, j] / temp
                for i in 0..<npt {
                    temp = tempa * zmat[i, 0] + tempb * zmat[i, j]
                    zmat[i, j] = tempa * zmat[i, j] - tempb * zmat[i, 0]
                    zmat[i, 0] = temp
                }
            }
            zmat[knew, j] = 0
        }

        // Column knew of the leading block of H, now just the first column of ZMAT scaled.
        for i in 0..<npt {
            w[i] = zmat[knew, 0] * zmat[i, 0]
        }
        let alpha = w[knew]
        let tau = vlag[knew]
        vlag[knew] = vlag[knew] - 1.0

        // The rank-one change of the leading block goes entirely into ZMAT's first column.
        let temp = denom.squareRoot()
        var tempb = zmat[knew, 0] / temp
        var tempa = tau / temp
        for i in 0..<npt {
            zmat[i, 0] = tempa * zmat[i, 0] - tempb * vlag[i]
        }

        // BMAT, keeping its trailing n × n block symmetric.
        for j in 0..<n {
            let jp = npt + j
            w[jp] = bmat[knew, j]
            tempa = (alpha * vlag[jp] - tau * w[jp]) / denom
            tempb = (-beta * w[jp] - tau * vlag[jp]) / denom
            for i in 0...jp {
                bmat[i, j] = bmat[i, j] + tempa * vlag[i] + tempb * w[i]
                if i >= npt { bmat[jp, i - npt] = bmat[i, j] }
            }
        }
    }
}
