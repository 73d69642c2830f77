/// String functions: nchar, case, sprintf, format, formatC and friends.
enum StringLibrary {
    static func install(_ interp: Interpreter) {
    }
}
