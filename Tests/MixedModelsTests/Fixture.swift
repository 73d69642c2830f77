import Foundation
import XCTest

/// Reads the JSON fixtures written by scripts/generate-mixedmodels-expectations.R, whose
/// numbers may be the strings "NA", "NaN", "Inf" and "-Inf".
struct Fixture {
    let value: Any
    let path: String

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func load(_ name: String) throws -> Fixture {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw Missing(description: "fixture \(name) not found")
        }
        return Fixture(value: try JSONSerialization.jsonObject(with: Data(contentsOf: url)), path: name)
    }

    subscript(key: String) -> Fixture {
        Fixture(value: (value as? [String: Any])?[key] ?? NSNull(), path: path + "." + key)
    }

    var keys: [String] { ((value as? [String: Any])?.keys).map { $0.sorted() } ?? [] }

    var isEmpty: Bool {
        if let array = value as? [Any] { return array.isEmpty }
        if let object = value as? [String: Any] { return object.isEmpty }
        return value is NSNull
    }

    var elements: [Fixture] {
        ((value as? [Any]) ?? []).enumerated().map { Fixture(value: $1, path: path + "[\($0)]") }
    }

    func double() throws -> Double {
        if let array = value as? [Any], array.count == 1 { return try Fixture(value: array[0], path: path).double() }
        if let number = value as? NSNumber { return number.doubleValue }
        switch value as? String {
        case "NA", "NaN": return .nan
        case "Inf": return .infinity
        case "-Inf": return -.infinity
        default: throw Missing(description: "\(path) is not a number")
        }
    }

    func doubles() throws -> [Double] {
        guard let array = value as? [Any] else { return [try double()] }
        return try array.map { try Fixture(value: $0, path: path).double() }
    }

    func int() throws -> Int { Int(try double()) }

    func ints() throws -> [Int] { try doubles().map { Int($0) } }

    func string() throws -> String {
        if let array = value as? [Any], array.count == 1, let s = array[0] as? String { return s }
        guard let s = value as? String else { throw Missing(description: "\(path) is not a string") }
        return s
    }

    func strings() throws -> [String] {
        guard let array = value as? [Any] else { return [try string()] }
        return array.map { ($0 as? String) ?? "" }
    }

    func bool() throws -> Bool {
        guard let b = value as? Bool else { throw Missing(description: "\(path) is not a boolean") }
        return b
    }
}

/// Relative agreement: |actual - expected| <= tolerance * max(|expected|, floor). NaN must match
/// NaN and infinities must match exactly. `floor` keeps elements that R computes as rounding
/// noise around zero from demanding impossible relative accuracy; callers pass the scale of the
/// vector they compare.
func assertClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-10, floor: Double = 0,
                 _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    if expected.isNaN {
        XCTAssertTrue(actual.isNaN, "\(message()): expected NaN, got \(actual)", file: file, line: line)
        return
    }
    if expected.isInfinite {
        XCTAssertEqual(actual, expected, message(), file: file, line: line)
        return
    }
    let bound = tolerance * max(abs(expected), floor)
    XCTAssertTrue(abs(actual - expected) <= bound,
                  "\(message()): got \(actual), R gives \(expected) (difference \(abs(actual - expected)), bound \(bound))",
                  file: file, line: line)
}

func assertClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-10, floor: Double = 0,
                 _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(message()): length", file: file, line: line)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        assertClose(a, e, tolerance: tolerance, floor: floor, "\(message())[\(i)]", file: file, line: line)
    }
}

/// The largest finite magnitude in `values`: the scale of a vector for `assertClose(floor:)`.
func scale(_ values: [Double]) -> Double {
    values.filter(\.isFinite).map(abs).max() ?? 0
}
