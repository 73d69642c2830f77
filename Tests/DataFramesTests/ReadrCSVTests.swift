import DataFrames
import XCTest

/// read_csv / read_delim; expected values are what readr 2.1.4 returned for the same files.
final class ReadrCSVTests: XCTestCase {
    func testInstEvalReadsAsDoubles() throws {
        let table = try CSVReader.read(path: try Fixture.path("InstEval.csv"), options: .readrCSV)
        XCTAssertEqual(table.rowCount, 73421)
        let sums: [Double] = [108853382, 76413371, 383166, 218182, 31783, 591805, 235369]
        for (column, expected) in zip(table.columns, sums) {
            XCTAssertEqual(try XCTUnwrap(column.doubles).reduce(0) { $0 + ($1 ?? 0) }, expected)
        }
    }

    func testGuessingDatesAndQuotes() throws {
        let table = try CSVReader.read(path: try Fixture.path("mixed.csv"), options: ReadrOptions())
        XCTAssertEqual(table.names, ["id", "flag", "score", "name", "when", "stamp", "big"])
        XCTAssertEqual(table["id"]?.doubles, [1, 2, 3])
        XCTAssertEqual(table["flag"]?.logicals, [true, false, nil])
        XCTAssertEqual(table["score"]?.doubles, [1.5, nil, 2000])
        // readr keeps the quoted "\r\n" as it is in the file.
        XCTAssertEqual(table["name"]?.strings, ["Smith, J", "say \"hi\"", "two\r\nlines"])
        XCTAssertEqual(table["when"]?.dates, [18263, 18992, nil])
        XCTAssertEqual(table["stamp"]?.dateTimes, [1577959200, 1640995199, 1577923200])
        XCTAssertEqual(table["big"]?.doubles, [2147483648, 3, nil])
    }

    func testCustomNA() throws {
        let table = try CSVReader.read(path: try Fixture.path("mixed.csv"), options: ReadrOptions(na: ["3"]))
        XCTAssertEqual(table["id"]?.doubles, [1, 2, nil])
        XCTAssertEqual(table["score"]?.strings, ["1.5", "NA", "2e3"])
        // An empty field is NA in a numeric column even when "" is not an NA string.
        XCTAssertEqual(table["big"]?.doubles, [2147483648, nil, nil])
    }

    func testNumberSyntax() throws {
        let table = try CSVReader.read(path: try Fixture.path("numbers.csv"), options: ReadrOptions())
        XCTAssertEqual(table["a"]?.strings, ["00012", "-0"])
        XCTAssertEqual(table["b"]?.doubles, [1e+05, .infinity])
        XCTAssertEqual(table["c"]?.strings, ["0x1A", "NaN"])
        XCTAssertEqual(table["d"]?.doubles, [1000, -2500.5])
        XCTAssertEqual(table["e"]?.doubles, [7, 8])
    }

    func testRaggedRowsArePaddedOrJoined() throws {
        // Extra fields join the last cell with their delimiters ("2,3,4" then reads as 234).
        let ragged = try CSVReader.read(path: try Fixture.path("ragged.csv"), options: ReadrOptions())
        XCTAssertEqual(ragged["a"]?.doubles, [1, 5])
        XCTAssertEqual(ragged["b"]?.doubles, [234, 6])
        let short = try CSVReader.read(path: try Fixture.path("short-rows.csv"), options: ReadrOptions())
        XCTAssertEqual(short["a"]?.doubles, [1, 4, 7])
        XCTAssertEqual(short["b"]?.doubles, [2, 5, nil])
        XCTAssertEqual(short["c"]?.doubles, [nil, 6, nil])
        let unnamed = try CSVReader.read(path: try Fixture.path("short-rows.csv"), options: ReadrOptions(colNames: false, skip: 1))
        XCTAssertEqual(unnamed.names, ["X1", "X2"])
        XCTAssertEqual(unnamed["X1"]?.doubles, [1, 4, 7])
        XCTAssertEqual(unnamed["X2"]?.doubles, [2, 56, nil])
    }

    func testNameRepair() throws {
        let table = try CSVReader.read(path: try Fixture.path("names.csv"), options: ReadrOptions())
        XCTAssertEqual(table.names, ["my col", "1x", "a...3", "a...4", "...5", "_b", "if"])
    }

    func testReadDelimDoesNotTrim() throws {
        let path = try Fixture.path("semicolon.txt")
        let table = try CSVReader.read(path: path, options: .readrDelim(";"))
        XCTAssertEqual(table["k"]?.strings, ["x", "y"])
        XCTAssertEqual(table["v"]?.strings, [" 1 ", "2"])
    }

    func testErrorsAndEmptyFile() throws {
        let cwd = FileManager.default.currentDirectoryPath
        assertReadError(.fileNotFound, "'nope.csv' does not exist in current working directory ('\(cwd)').") {
            _ = try CSVReader.read(path: "nope.csv", options: ReadrOptions())
        }
        XCTAssertEqual(try CSVReader.read(path: try Fixture.path("empty.csv"), options: ReadrOptions()),
                       Table(names: [], columns: []))
        let bad = try Fixture.path("bad-utf8.csv")
        assertReadError(.invalidUTF8, "invalid UTF-8 in \(bad) at line 3") {
            _ = try CSVReader.read(path: bad, options: ReadrOptions())
        }
    }
}
