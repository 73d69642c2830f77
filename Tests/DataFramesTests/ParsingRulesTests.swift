@testable import DataFrames
import XCTest

/// The per-value rules, checked on the strings R was asked about: type.convert for read.csv,
/// readr's guesser for read_csv, make.names and vctrs' repair for names.
final class ParsingRulesTests: XCTestCase {
    private func bytes<T>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Array(s.utf8).withUnsafeBufferPointer(body)
    }

    func testTypeConvertNumbers() {
        // type.convert(x, as.is = TRUE) in R: integer, numeric, or neither (character).
        let integers: [(String, Int)] = [("+4", 4), ("-3", -3), (" 4", 4), ("00012", 12), ("-0", 0), ("2147483647", 2147483647)]
        for (text, value) in integers { XCTAssertEqual(bytes(text, NumberParsing.rInteger), value, text) }
        for text in ["4 ", "-2147483648", "1e5", "1.", "0x10"] { XCTAssertNil(bytes(text, NumberParsing.rInteger), text) }
        let doubles: [(String, Double)] = [("4 ", 4), ("inf", .infinity), ("infinity", .infinity), ("-Inf", -.infinity),
                                           ("1.", 1), ("1e", 1), ("1e+", 1), ("0x10", 16), ("0x1p3", 8), ("-.5", -0.5),
                                           ("1e-400", 0), ("1e309", .infinity), ("Inf ", .infinity), ("1E3", 1000),
                                           ("-2147483648", -2147483648), ("0.1", 0.1), ("123456789.123456789", 123456789.123456789)]
        for (text, value) in doubles { XCTAssertEqual(bytes(text, NumberParsing.rDouble), value, text) }
        XCTAssertEqual(bytes("nan", NumberParsing.rDouble)?.isNaN, true)
        XCTAssertEqual(bytes(" NaN", NumberParsing.rDouble)?.isNaN, true)
        for text in ["1L", "1d", "1 2", ".", "-", "+", "e5", "1.5.2", "0x", "1e5L", "- 1", "1,5", "1d5", "NA "] {
            XCTAssertNil(bytes(text, NumberParsing.rDouble), text)
        }
    }

    func testReadrNumbers() {
        let doubles: [(String, Double)] = [("1.", 1), ("1e", 1), ("1e+", 1), ("-.5", -0.5), ("1E3", 1000), ("-0", 0),
                                           ("+Inf", .infinity), ("-inf", -.infinity), ("0.5", 0.5)]
        for (text, value) in doubles { XCTAssertEqual(bytes(text, NumberParsing.readrDouble), value, text) }
        XCTAssertEqual(bytes("NAN", NumberParsing.readrDouble)?.isNaN, true)
        for text in [".", "-", "e5", "1.5.2", "00012", "0x1A", "Infinity", "1,5"] {
            XCTAssertNil(bytes(text, NumberParsing.readrDouble), text)
        }
        let grouped: [(String, Double)] = [("1,5", 15), ("5,", 5), ("1,,0", 10), ("-1,000", -1000), ("1,000.", 1000), ("1,000.5", 1000.5)]
        for (text, value) in grouped { XCTAssertEqual(bytes(text, NumberParsing.readrGroupedNumber), value, text) }
        XCTAssertNil(bytes(",5", NumberParsing.readrGroupedNumber))
    }

    func testReadrDates() {
        XCTAssertEqual(bytes("2020-01-02", DateParsing.date), .some(18263))
        XCTAssertEqual(bytes("2020/01/02", DateParsing.date), .some(18263))
        XCTAssertEqual(bytes("2020-13-01", DateParsing.date), .some(nil))  // a date column, value NA
        XCTAssertEqual(bytes("1999-02-29", DateParsing.date), .some(nil))
        XCTAssertTrue(bytes("2020-1-2", DateParsing.date) == Double??.none)
        XCTAssertTrue(bytes("20200102", DateParsing.date) == Double??.none)
        XCTAssertEqual(bytes("2020-01-02T10", DateParsing.dateTime), .some(1577959200))
        XCTAssertEqual(bytes("2020-01-02 10:00:00Z", DateParsing.dateTime), .some(1577959200))
        XCTAssertEqual(bytes("2020-01-02T10:00:00+0100", DateParsing.dateTime), .some(1577955600))
        XCTAssertEqual(bytes("2020-01-02T10:00:00-05:00", DateParsing.dateTime), .some(1577977200))
        let fraction = bytes("2020-01-02T10:00:00.5", DateParsing.dateTime)
        XCTAssertEqual(fraction, .some(1577959200.5))
        XCTAssertTrue(bytes("2020-01-02 25:00", DateParsing.dateTime) == Double??.none)
        XCTAssertTrue(bytes("2020-01-02 10:00:00 +01:00", DateParsing.dateTime) == Double??.none)
    }

    func testNames() {
        XCTAssertEqual(NameRepair.makeNames(["my col", "1x", "a", "a", "", "_b", "a.1", "if", ".5x", ".x"]),
                       ["my.col", "X1x", "a", "a.2", "X", "X_b", "a.1", "if.", "X.5x", ".x"])
        XCTAssertEqual(NameRepair.unique(["a", nil, "a", "b", "x...7", ""]), ["a...1", "...2", "a...3", "b", "x", "...6"])
    }

    func testUTF8Validation() {
        let cases: [([UInt8], Int?)] = [
            (Array("plain ascii, long enough for words".utf8), nil),
            (Array("é ü ✓ 😀".utf8), nil),
            ([0x61, 0xFF], 1),
            ([0x61, 0xC0, 0x80], 1),              // overlong
            ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),  // surrogate
            ([0xE2, 0x9C], 0),                    // truncated
        ]
        for (input, expected) in cases {
            XCTAssertEqual(input.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset), expected)
        }
        let text = Array("a\r\nb\rc\nd".utf8)
        XCTAssertEqual(text.withUnsafeBufferPointer { UTF8Validation.line(of: 7, in: $0) }, 4)
    }

    func testRNumberFormat() {
        // write.csv output in R for these values.
        let cases: [(Double, String)] = [(1e5, "1e+05"), (123456, "123456"), (1.0 / 3.0, "0.333333333333333"),
                                         (0.1, "0.1"), (1e-20, "1e-20"), (-1.5, "-1.5"), (0.0001, "1e-04"),
                                         (123456.7, "123456.7"), (3e-5, "3e-05"), (0, "0")]
        for (value, text) in cases { XCTAssertEqual(RNumberFormat.format(value), text) }
    }
}
