extension RPackage {
    /// mlmRev: data sets from multilevel-modeling software reviews.
    static let mlmRev = RPackage(name: "mlmRev", depends: ["lme4"], datasets: ["Exam", "Contraception", "Hsb82", "ScotsSec"], install: { _ in })
}
