import DataFrames
import XCTest

/// write.csv's format; the expected text is what R's write.csv printed for the same values.
final class CSVWriterTests: XCTestCase {
    func testWriteCSVFormat() throws {
        let table = Table(names: ["i", "x", "y", "z", "s", "l", "d", "t", "w", "v", "u"], columns: [
            .integer([1, nil]),
            .double([1e5, 123456]),
            .double([1.0 / 3.0, nil]),
            .double([0.1, 1e-20]),
            .character(["a\"b", nil]),
            .logical([true, nil]),
            .date([18263, nil]),
            .dateTime([1577959200, 1578009600]),
            .double([.infinity, .nan]),
            .double([-1.5, 1234567890123456]),
            .double([0.0001, 123456.7]),
        ])
        XCTAssertEqual(CSVWriter.csvText(table), """
            "","i","x","y","z","s","l","d","t","w","v","u"
            "1",1,1e+05,0.333333333333333,0.1,"a""b",TRUE,2020-01-02,2020-01-02 10:00:00,Inf,-1.5,1e-04
            "2",NA,123456,NA,1e-20,NA,NA,NA,2020-01-03 00:00:00,NA,1234567890123456,123456.7

            """)
    }

    func testNumbersRowNamesAndMidnightTimes() {
        let numbers = Table(names: ["x"], columns: [.double([1e15, 1e16, 0.00012345, 3e-5, 123.456, 1e-300, 1152921504606846976])])
        XCTAssertEqual(CSVWriter.csvText(numbers), """
            "","x"
            "1",1e+15
            "2",1e+16
            "3",0.00012345
            "4",3e-05
            "5",123.456
            "6",1e-300
            "7",1152921504606846976

            """)
        let labelled = Table(names: ["a"], columns: [.integer([1, 2])], rowNames: ["r1", "r2"])
        XCTAssertEqual(CSVWriter.csvText(labelled), "\"\",\"a\"\n\"r1\",1\n\"r2\",2\n")
        let midnight = Table(names: ["t", "e"], columns: [.dateTime([1577923200]), .double([100])])
        XCTAssertEqual(CSVWriter.csvText(midnight), "\"\",\"t\",\"e\"\n\"1\",2020-01-02,100\n")
    }

    func testWriteThenReadBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dataframes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.csv").path
        let table = Table(names: ["n", "s"], columns: [.double([1.5, nil]), .character(["x, y", "z"])])
        try CSVWriter.write(table, path: path)
        try CSVWriter.write(table, path: path)  // replaces the file
        let back = try CSVReader.read(path: path, options: .readCSV)
        XCTAssertEqual(back.names, ["X", "n", "s"])
        XCTAssertEqual(back["n"]?.doubles, [1.5, nil])
        XCTAssertEqual(back["s"]?.strings, ["x, y", "z"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["out.csv"])
    }
}
