@testable import DataFrames
import XCTest

/// Mutated and random input must end in a table or a DataReadError, never a crash.
final class RobustnessTests: XCTestCase {
    /// A small deterministic generator, so a failure can be replayed.
    private struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    private func mutate(_ seed: [UInt8], _ rng: inout LCG, alphabet: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + rng.below(8)) {
            switch rng.below(4) {
            case 0 where !bytes.isEmpty: bytes[rng.below(bytes.count)] = alphabet[rng.below(alphabet.count)]
            case 1: bytes.insert(alphabet[rng.below(alphabet.count)], at: rng.below(bytes.count + 1))
            case 2 where !bytes.isEmpty: bytes.remove(at: rng.below(bytes.count))
            default: bytes = Array(bytes.prefix(rng.below(bytes.count + 1)))
            }
        }
        return bytes
    }

    func testMutatedCSVNeverCrashes() {
        let seed = Array("\u{FEFF}a,b,\"c\"\r\n1,\"x, \"\"y\"\"\",2020-01-02\n\n# c\nT,'q r',NA\n3,4,5,6\n".utf8)
        let alphabet = Array(",;\t \"'#\r\n\\01Te.-x".utf8) + [0xC3, 0xA9, 0xFF]
        var rng = LCG(state: 42)
        for _ in 0..<3000 {
            let data = Data(mutate(seed, &rng, alphabet: alphabet))
            for options in [ReadTableOptions.readCSV, .readTable, ReadTableOptions(sep: ";", header: false, fill: false)] {
                _ = try? CSVReader.read(data: data, name: "fuzz.csv", options: options)
            }
            for options in [ReadrOptions(), ReadrOptions(colNames: false, skip: 1, comment: "#")] {
                _ = try? CSVReader.read(data: data, name: "fuzz.csv", options: options)
            }
        }
    }

    func testMutatedSheetXMLNeverCrashes() throws {
        let seed = Array("""
            <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>\
            <row r="2"><c r="A2" s="1"><v>43831</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c></row>\
            <row r="4"><c r="B4" t="str"><v>x</v></c><c><v>2</v></c><c r="ZZZ9" t="s"><v>99</v></c></row></sheetData></worksheet>
            """.utf8)
        let alphabet = Array("<>/=\" rcvtAZ019s-.".utf8)
        var rng = LCG(state: 7)
        let reader = CellReader(sharedStrings: ["name"], dateStyles: [1], is1904: false, na: NAStrings([""], trimWS: true))
        for i in 0..<1500 {
            guard let tree = XMLTree(data: Data(mutate(seed, &rng, alphabet: alphabet))) else { continue }
            let window = i % 3 == 0
                ? SheetCells.Window(minRow: 1, maxRow: 5, minCol: 0, maxCol: 3, isRange: true)
                : SheetCells.Window(minRow: i % 2, maxRow: i % 5 == 0 ? 3 : nil)
            guard let cells = try? SheetCells(tree: tree, window: window, sheetName: "s", position: 1, path: "fuzz.xlsx") else { continue }
            _ = cells.withExtendedLifetime {
                SheetTable(cells: cells, reader: reader, colNames: i % 2 == 0, guessMax: 1 + i % 3).table()
            }
        }
    }
}
