extension RPackage {
    /// splines: B-splines and interpolating splines. lme4's profile() inverts its profiles with
    /// interpSpline() and backSpline().
    static let splines = RPackage(
        name: "splines",
        s3Methods: ["interpSpline.default", "interpSpline.formula", "polySpline.bSpline", "polySpline.polySpline",
                    "backSpline.npolySpline", "predict.bSpline", "predict.nbSpline", "predict.polySpline", "predict.npolySpline",
                    "splineKnots.spline", "splineOrder.bSpline", "splineOrder.polySpline", "print.polySpline"],
        install: { interp in SplineBasis.install(interp) },
        rSource: SplinesRSource.source)
}
