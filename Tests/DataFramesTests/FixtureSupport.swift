import DataFrames
import XCTest

/// Paths of the files in Fixtures/, copied into the test bundle.
enum Fixture {
    static func path(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil) else {
            throw XCTSkip("fixture \(name) missing from the bundle")
        }
        return url.path
    }
}

/// Typed views of a column for assertions; a wrong type fails the test instead of crashing.
extension Column {
    var doubles: [Double?]? { if case .double(let v) = self { return v }; return nil }
    var integers: [Int?]? { if case .integer(let v) = self { return v }; return nil }
    var logicals: [Bool?]? { if case .logical(let v) = self { return v }; return nil }
    var strings: [String?]? { if case .character(let v) = self { return v }; return nil }
    var dateTimes: [Double?]? { if case .dateTime(let v) = self { return v }; return nil }
    var dates: [Double?]? { if case .date(let v) = self { return v }; return nil }
}

/// Asserts that `body` throws a DataReadError with this kind and R message.
func assertReadError(_ kind: DataReadError.Kind, _ message: String, file: StaticString = #filePath,
                     line: UInt = #line, _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected an error: \(message)", file: file, line: line)
    } catch let error as DataReadError {
        XCTAssertEqual(error.kind, kind, file: file, line: line)
        XCTAssertEqual(error.message, message, file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}
