@testable import DataFrames
import XCTest

/// Expected values are what readxl 1.4.2 returned for the same files in R (dput output).
final class XLSXReaderTests: XCTestCase {
    func testPopularityWorkbookMatchesR() throws {
        let table = try XLSXReader.read(path: try Fixture.path("MLM_example_data.xlsx"))
        XCTAssertEqual(table.names, ["PUPIL", "SCHOOL", "POPULAR", "SEX", "TEXP", "CONST", "TEACHPOP"])
        XCTAssertEqual(table.rowCount, 2000)
        // colSums(x) in R.
        let sums: [Double] = [21519, 100550, 10543, 953, 27023, 2000, 8665]
        for (column, expected) in zip(table.columns, sums) {
            let values = try XCTUnwrap(column.doubles)
            XCTAssertEqual(values.compactMap { $0 }.reduce(0, +), expected)
            XCTAssertFalse(values.contains(nil))
        }
        // head(x, 3) and x[2000, ] in R.
        let rows: [(Int, [Double])] = [(0, [1, 1, 6, 1, 17, 1, 5]), (1, [2, 1, 6, 1, 17, 1, 5]),
                                        (2, [3, 1, 7, 1, 17, 1, 6]), (1999, [17, 100, 5, 1, 5, 1, 5])]
        for (row, expected) in rows {
            XCTAssertEqual(table.columns.map { $0.doubles?[row] }, expected)
        }
        XCTAssertEqual(try XLSXReader.sheetNames(path: try Fixture.path("MLM_example_data.xlsx")), ["popular"])
    }

    func testColumnTypesFromOpenpyxlWorkbook() throws {
        let table = try XLSXReader.read(path: try Fixture.path("openpyxl-types.xlsx"))
        XCTAssertEqual(table.names, ["num", "whole", "flag", "when", "label", "mixed", "empty", "missing", "padded"])
        XCTAssertEqual(table["num"]?.doubles, [1.5, -2.25, nil, 1e+10])
        XCTAssertEqual(table["whole"]?.doubles, [1, 2, nil, 4])
        XCTAssertEqual(table["flag"]?.logicals, [true, false, nil, true])
        XCTAssertEqual(table["when"]?.dateTimes, [1577923200, 1625056200, nil, 946684799])
        XCTAssertEqual(table["label"]?.strings, ["a", "b", nil, nil])
        // Numbers in a text column keep the text the file holds.
        XCTAssertEqual(table["mixed"]?.strings, ["1", "two", nil, "3.25"])
        XCTAssertEqual(table["empty"]?.logicals, [nil, nil, nil, nil])
        XCTAssertEqual(table["missing"]?.strings, ["NA", "3", nil, "-"])
        XCTAssertEqual(table["padded"]?.strings, ["x", "y", nil, nil])
    }

    func testNAStringsAndTrimming() throws {
        let path = try Fixture.path("openpyxl-types.xlsx")
        let withNA = try XLSXReader.read(path: path, na: ["", "NA", "-"])
        XCTAssertEqual(withNA["missing"]?.doubles, [nil, 3, nil, nil])
        let untrimmed = try XLSXReader.read(path: path, trimWS: false)
        XCTAssertEqual(untrimmed["padded"]?.strings, ["  x  ", "y", nil, nil])
    }

    func testGuessMaxAndNMax() throws {
        let path = try Fixture.path("openpyxl-types.xlsx")
        let guessedFromOneRow = try XLSXReader.read(path: path, guessMax: 1)
        XCTAssertEqual(guessedFromOneRow["mixed"]?.doubles, [1, nil, nil, 3.25])
        let twoRows = try XLSXReader.read(path: path, nMax: 2)
        XCTAssertEqual(twoRows.rowCount, 2)
        XCTAssertEqual(twoRows["when"]?.dateTimes, [1577923200, 1625056200])
    }

    func testRangeWithoutColumnNames() throws {
        let path = try Fixture.path("openpyxl-types.xlsx")
        let header = try XLSXReader.read(path: path, range: "A1:C3", colNames: false)
        XCTAssertEqual(header.names, ["...1", "...2", "...3"])
        XCTAssertEqual(header.columns[0].strings, ["num", "1.5", "-2.25"])
        XCTAssertEqual(header.columns[2].strings, ["flag", "TRUE", "FALSE"])
        let body = try XLSXReader.read(path: path, range: "B2:D4", colNames: false)
        XCTAssertEqual(body.columns[0].doubles, [1, 2, nil])
        XCTAssertEqual(body.columns[1].logicals, [true, false, nil])
        XCTAssertEqual(body.columns[2].dateTimes, [1577923200, 1625056200, nil])
    }

    func testRangeBeyondDataKeepsItsSize() throws {
        let table = try XLSXReader.read(path: try Fixture.path("openpyxl-types.xlsx"), range: "E1:K7")
        XCTAssertEqual(table.names, ["label", "mixed", "empty", "missing", "padded", "...6", "...7"])
        XCTAssertEqual(table.rowCount, 6)
        XCTAssertEqual(table["mixed"]?.strings, ["1", "two", nil, "3.25", nil, nil])
        XCTAssertEqual(table["...7"]?.logicals, [nil, nil, nil, nil, nil, nil])
    }

    func testSheetsByNameIndexAndRange() throws {
        let path = try Fixture.path("openpyxl-types.xlsx")
        XCTAssertEqual(try XLSXReader.sheetNames(path: path), ["types", "second", "offset"])
        for table in [try XLSXReader.read(path: path, sheet: "second"), try XLSXReader.read(path: path, sheet: 2)] {
            XCTAssertEqual(table.names, ["id", "name"])
            XCTAssertEqual(table["id"]?.doubles, [10, 20])
            XCTAssertEqual(table["name"]?.strings, ["ten", "twenty"])
        }
        let ranged = try XLSXReader.read(path: path, range: "second!A1:B2")
        XCTAssertEqual(ranged["id"]?.doubles, [10])
        XCTAssertEqual(ranged["name"]?.strings, ["ten"])
    }

    func testLeadingEmptyRowsAndColumnsAndSkip() throws {
        let path = try Fixture.path("openpyxl-types.xlsx")
        let whole = try XLSXReader.read(path: path, sheet: "offset")
        XCTAssertEqual(whole.names, ["title line", "...2", "...3"])
        XCTAssertEqual(whole.columns[0].strings, [nil, "x", "1", "2", nil, nil])
        XCTAssertEqual(whole.columns[1].strings, [nil, "y", "p", "q", nil, nil])
        XCTAssertEqual(whole.columns[2].doubles, [nil, nil, nil, nil, nil, 99])
        for skip in [3, 4] {
            let skipped = try XLSXReader.read(path: path, sheet: "offset", skip: skip)
            XCTAssertEqual(skipped.names, ["x", "y", "...3"])
            XCTAssertEqual(skipped["x"]?.doubles, [1, 2, nil, nil])
            XCTAssertEqual(skipped["y"]?.strings, ["p", "q", nil, nil])
            XCTAssertEqual(skipped["...3"]?.doubles, [nil, nil, nil, 99])
        }
        let beyond = try XLSXReader.read(path: path, sheet: "offset", skip: 20)
        XCTAssertEqual(beyond, Table(names: [], columns: []))
    }

    func testExcelShapedWorkbook() throws {
        let path = try Fixture.path("excel-style.xlsx")
        XCTAssertEqual(try XLSXReader.sheetNames(path: path), ["Data", "Empty"])
        let table = try XLSXReader.read(path: path)
        XCTAssertEqual(table.names, ["name", "born", "score", "ok", "note"])
        // Rich-text runs joined, _x000D_ decoded, an inline string among shared ones.
        XCTAssertEqual(table["name"]?.strings, ["Ada Lovelace", "line\rbreak", nil, "Zed"])
        // A custom date format (dd/mm/yyyy) and the built-in format 14.
        XCTAssertEqual(table["born"]?.dateTimes, [1577836800, 1678903200, nil, nil])
        // "days" 0.00 is quoted text, not a date; #DIV/0! (t="e") is NA.
        XCTAssertEqual(table["score"]?.doubles, [1.5, nil, nil, 2])
        XCTAssertEqual(table["ok"]?.logicals, [true, false, nil, nil])
        // A formula's cached string result (t="str"); #N/A is NA.
        XCTAssertEqual(table["note"]?.strings, ["X", nil, nil, nil])
        XCTAssertEqual(try XLSXReader.read(path: path, sheet: "Empty"), Table(names: [], columns: []))
    }

    func testLibreOfficeShapedWorkbook() throws {
        let path = try Fixture.path("libreoffice-style.xlsx")
        let table = try XLSXReader.read(path: path)
        XCTAssertEqual(table.names, ["when", "flag", "value"])
        // date1904="true" is not "1", so readxl stays in the 1900 system.
        XCTAssertEqual(table["when"]?.dateTimes, [-2209075200, 1514721600, nil])
        XCTAssertEqual(table["flag"]?.logicals, [true, false, nil])
        XCTAssertEqual(table["value"]?.strings, ["10", "n/a", "-7.5"])
        let withNA = try XLSXReader.read(path: path, na: ["n/a"])
        XCTAssertEqual(withNA["value"]?.doubles, [10, nil, -7.5])
    }

    func testDate1904System() throws {
        let table = try XLSXReader.read(path: try Fixture.path("date1904.xlsx"))
        XCTAssertEqual(table["d"]?.dateTimes, [-2082844800, -2082736800])
    }

    func testCellsWithoutReferencesAndPrefixedElements() throws {
        let plain = try XLSXReader.read(path: try Fixture.path("no-references.xlsx"))
        XCTAssertEqual(plain.names, ["a", "b"])
        XCTAssertEqual(plain["a"]?.doubles, [1, nil])
        XCTAssertEqual(plain["b"]?.strings, ["one", "two"])
        let prefixed = try XLSXReader.read(path: try Fixture.path("prefixed.xlsx"))
        XCTAssertEqual(prefixed.names, ["v"])
        XCTAssertEqual(prefixed["v"]?.doubles, [3.5])
    }

    func testErrorsUseReadxlWording() throws {
        let path = try Fixture.path("openpyxl-types.xlsx")
        assertReadError(.fileNotFound, "`path` does not exist: \u{2018}nope.xlsx\u{2019}") {
            _ = try XLSXReader.read(path: "nope.xlsx")
        }
        assertReadError(.sheetNotFound, "Sheet 'Nope' not found") {
            _ = try XLSXReader.read(path: path, sheet: "Nope")
        }
        assertReadError(.sheetNotFound, "Can't retrieve sheet in position 4, only 3 sheet(s) found.") {
            _ = try XLSXReader.read(path: path, sheet: 4)
        }
        assertReadError(.invalidArgument, "`sheet` must be positive") {
            _ = try XLSXReader.read(path: path, sheet: 0)
        }
        let truncated = try Fixture.path("truncated.xlsx")
        assertReadError(.unreadable, "zip file '\(truncated)' cannot be opened") {
            _ = try XLSXReader.read(path: truncated)
        }
        let notZip = try Fixture.path("not-a-zip.xlsx")
        assertReadError(.unreadable, "zip file '\(notZip)' cannot be opened") {
            _ = try XLSXReader.sheetNames(path: notZip)
        }
    }

    func testErrorDescriptionNamesTheFile() {
        let error = DataReadError(.sheetNotFound, path: "x.xlsx", message: "Sheet 'Nope' not found")
        XCTAssertEqual(error.description, "Sheet 'Nope' not found in 'x.xlsx'")
    }

    func testCellReferencesAndDateFormats() {
        let ab12 = CellReference.parse("$AB$12".utf8)
        XCTAssertEqual(ab12?.row, 11)
        XCTAssertEqual(ab12?.col, 27)
        XCTAssertNil(CellReference.parse("12AB".utf8))
        XCTAssertEqual(CellReference.columnName(27), "AB")
        XCTAssertEqual(CellRange("'My sheet'!D10:B2"),
                       CellRange(sheet: "My sheet", minRow: 1, maxRow: 9, minCol: 1, maxCol: 3))
        XCTAssertTrue(Styles.isDateFormat("dd/mm/yyyy;@"))
        XCTAssertTrue(Styles.isDateFormat("[$-809]yyyy\\-mm\\-dd\\ hh:mm"))
        XCTAssertFalse(Styles.isDateFormat("\"days\"\\ 0.00"))
        XCTAssertFalse(Styles.isDateFormat("[Red]0.00"))
        XCTAssertFalse(Styles.isDateFormat("General"))
    }
}
