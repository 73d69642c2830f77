/// Summary statistics and mathematical functions on vectors.
enum StatsLibrary {
    static func install(_ interp: Interpreter) {
    }
}
