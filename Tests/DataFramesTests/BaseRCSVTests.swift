import DataFrames
import XCTest

/// read.csv / read.table; expected values are what R 4 returned for the same files.
final class BaseRCSVTests: XCTestCase {
    func testInstEvalMatchesR() throws {
        let table = try CSVReader.read(path: try Fixture.path("InstEval.csv"), options: .readCSV)
        XCTAssertEqual(table.names, ["s", "d", "studage", "lectage", "service", "dept", "y"])
        XCTAssertEqual(table.rowCount, 73421)
        // sapply(x, sum) in R; every column is integer.
        let sums = [108853382, 76413371, 383166, 218182, 31783, 591805, 235369]
        for (column, expected) in zip(table.columns, sums) {
            let values = try XCTUnwrap(column.integers)
            XCTAssertEqual(values.reduce(0) { $0 + ($1 ?? 0) }, expected)
        }
        // x[c(1, 2, 73421), ] in R.
        XCTAssertEqual(table.columns.map { $0.integers?[0] }, [1, 1002, 2, 2, 0, 2, 5])
        XCTAssertEqual(table.columns.map { $0.integers?[1] }, [1, 1050, 2, 1, 1, 6, 2])
        XCTAssertEqual(table.columns.map { $0.integers?[73420] }, [2972, 2121, 4, 2, 1, 2, 3])
    }

    func testTypesQuotesCRLFAndBOM() throws {
        let table = try CSVReader.read(path: try Fixture.path("mixed.csv"), options: .readCSV)
        XCTAssertEqual(table.names, ["id", "flag", "score", "name", "when", "stamp", "big"])
        XCTAssertEqual(table["id"]?.integers, [1, 2, 3])
        XCTAssertEqual(table["flag"]?.logicals, [true, false, nil])
        XCTAssertEqual(table["score"]?.doubles, [1.5, nil, 2000])
        // An embedded separator, doubled quotes, and a quoted line break (text mode: "\n").
        XCTAssertEqual(table["name"]?.strings, ["Smith, J", "say \"hi\"", "two\nlines"])
        // read.csv leaves dates as text, and an empty text field as "".
        XCTAssertEqual(table["when"]?.strings, ["2020-01-02", "2021-12-31", ""])
        XCTAssertEqual(table["stamp"]?.strings, ["2020-01-02 10:00:00", "2021-12-31T23:59:59Z", "2020-01-02"])
        // 2147483648 is past R's integers.
        XCTAssertEqual(table["big"]?.doubles, [2147483648, 3, nil])
    }

    func testNumberSyntax() throws {
        let table = try CSVReader.read(path: try Fixture.path("numbers.csv"), options: .readCSV)
        XCTAssertEqual(table["a"]?.integers, [12, 0])
        XCTAssertEqual(table["b"]?.doubles, [1e+05, .infinity])
        let hex = try XCTUnwrap(table["c"]?.doubles)
        XCTAssertEqual(hex.first, 26)
        XCTAssertEqual(hex.last??.isNaN, true)
        XCTAssertEqual(table["d"]?.strings, ["1,000", "-2,500.5"])
        XCTAssertEqual(table["e"]?.doubles, [7, 8])
    }

    func testRaggedRows() throws {
        assertReadError(.malformed, "more columns than column names") {
            _ = try CSVReader.read(path: try Fixture.path("ragged.csv"), options: .readCSV)
        }
        let short = try CSVReader.read(path: try Fixture.path("short-rows.csv"), options: .readCSV)
        XCTAssertEqual(short["a"]?.integers, [1, 4, 7])
        XCTAssertEqual(short["b"]?.integers, [2, 5, nil])
        XCTAssertEqual(short["c"]?.integers, [nil, 6, nil])
        // A line longer than the first five wraps onto a new row, as R's scan does.
        let wrapped = try CSVReader.read(path: try Fixture.path("wrap.csv"), options: .readCSV)
        XCTAssertEqual(wrapped["a"]?.integers, [1, 3, 5, 7, 9, 11, 13])
        XCTAssertEqual(wrapped["b"]?.integers, [2, 4, 6, 8, 10, 12, nil])
        assertReadError(.malformed, "line 1 did not have 3 elements") {
            _ = try CSVReader.read(path: try Fixture.path("fill-false.txt"),
                                   options: ReadTableOptions(header: true))
        }
    }

    func testRowNamesFromShortHeader() throws {
        let table = try CSVReader.read(path: try Fixture.path("rownames.csv"), options: .readCSV)
        XCTAssertEqual(table.names, ["a", "b"])
        XCTAssertEqual(table.rowNames, ["r1", "r2"])
        XCTAssertEqual(table["a"]?.integers, [1, 3])
        XCTAssertEqual(table["b"]?.integers, [2, 4])
    }

    func testReadTableWhitespaceCommentsAndQuotes() throws {
        let path = try Fixture.path("table.txt")
        for table in [try CSVReader.read(path: path, options: ReadTableOptions(header: true)),
                      try CSVReader.read(path: path, options: ReadTableOptions(skip: 2))] {
            XCTAssertEqual(table.columns.count, 3)
            XCTAssertEqual(table.columns[0].integers, [1, 2, 3])
            XCTAssertEqual(table.columns[1].doubles, [2.5, nil, 4])
            XCTAssertEqual(table.columns[2].strings, ["a b", "c d", "e"])
        }
        XCTAssertEqual(try CSVReader.read(path: path, options: ReadTableOptions(header: true)).names, ["x", "y", "label"])
        XCTAssertEqual(try CSVReader.read(path: path, options: ReadTableOptions(skip: 2)).names, ["V1", "V2", "V3"])
    }

    func testSeparatorAndStripWhite() throws {
        let path = try Fixture.path("semicolon.txt")
        let plain = try CSVReader.read(path: path, options: ReadTableOptions(sep: ";", header: true))
        XCTAssertEqual(plain["k"]?.strings, ["x", "y"])
        // " 1 " is not an integer to strtol (trailing blank) but is a double to R_strtod.
        XCTAssertEqual(plain["v"]?.doubles, [1, 2])
        let stripped = try CSVReader.read(path: path, options: ReadTableOptions(sep: ";", header: true, stripWhite: true))
        XCTAssertEqual(stripped["v"]?.integers, [1, 2])
    }

    func testCheckNames() throws {
        let path = try Fixture.path("names.csv")
        XCTAssertEqual(try CSVReader.read(path: path, options: .readCSV).names,
                       ["my.col", "X1x", "a", "a.1", "X", "X_b", "if."])
        var options = ReadTableOptions.readCSV
        options.checkNames = false
        XCTAssertEqual(try CSVReader.read(path: path, options: options).names, ["my col", "1x", "a", "a", "", "_b", "if"])
    }

    func testErrors() throws {
        assertReadError(.fileNotFound, "cannot open file 'nope.csv': No such file or directory") {
            _ = try CSVReader.read(path: "nope.csv", options: .readCSV)
        }
        assertReadError(.empty, "no lines available in input") {
            _ = try CSVReader.read(path: try Fixture.path("empty.csv"), options: .readCSV)
        }
        let bad = try Fixture.path("bad-utf8.csv")
        assertReadError(.invalidUTF8, "invalid UTF-8 in \(bad) at line 3") {
            _ = try CSVReader.read(path: bad, options: .readCSV)
        }
    }

    func testInMemoryText() throws {
        let table = try CSVReader.read(data: Data("a,b\nT,x\nF,\n".utf8), name: "text", options: .readCSV)
        XCTAssertEqual(table["a"]?.logicals, [true, false])
        XCTAssertEqual(table["b"]?.strings, ["x", ""])
    }
}
