/// set.seed, rnorm, runif, sample and the distribution functions.
enum RandomLibrary {
    static func install(_ interp: Interpreter) {
    }
}
