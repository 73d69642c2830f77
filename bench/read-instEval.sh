#!/usr/bin/env bash
# Times the DataFrames readers in a release build: InstEval.csv (73,421 rows) with read.csv and
# read_csv rules, a generated 1,000,000 x 10 CSV, and a generated 100,000-cell xlsx sheet.
# The readers live in a library target without a product, so this builds them in a scratch
# package that links the same sources. Usage: bench/read-instEval.sh [path/to/InstEval.csv]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
csv="${1:-$root/Tests/DataFramesTests/Fixtures/InstEval.csv}"
work="$(mktemp -d /tmp/dataframes-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/bench"
ln -s "$root/Sources/DataFrames" "$work/Sources/DataFrames"
ln -s "$root/Sources/CLibXML2" "$work/Sources/CLibXML2"
cat > "$work/Package.swift" <<'SWIFT'
// swift-tools-version:5.9
import PackageDescription
let package = Package(
    name: "bench",
    dependencies: [.package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20")],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
        .target(name: "DataFrames", dependencies: ["CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(name: "bench", dependencies: ["DataFrames", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
)
SWIFT
cat > "$work/Sources/bench/main.swift" <<'SWIFT'
import DataFrames
import Foundation
import ZIPFoundation

func time(_ label: String, runs: Int = 5, _ body: () throws -> Int) rethrows {
    var best = Double.infinity
    var rows = 0
    for _ in 0..<runs {
        let start = Date()
        rows = try body()
        best = min(best, Date().timeIntervalSince(start))
    }
    let padded = label.padding(toLength: 30, withPad: " ", startingAt: 0)
    print(padded + String(format: " %8d rows  best of %d: %7.3f s", rows, runs, best))
}

let args = CommandLine.arguments
let instEval = args[1], scratch = args[2]
try time("InstEval.csv read.csv") { try CSVReader.read(path: instEval, options: .readCSV).rowCount }
try time("InstEval.csv read_csv") { try CSVReader.read(path: instEval, options: .readrCSV).rowCount }

// 1,000,000 rows x 10 columns: integers, doubles, text, logicals.
let big = scratch + "/big.csv"
var text = "a,b,c,d,e,f,g,h,i,j\n"
text.reserveCapacity(60_000_000)
for i in 0..<1_000_000 {
    text += "\(i),\(i % 97),\(Double(i) * 0.25),x\(i % 13),\(i % 2 == 0 ? "TRUE" : "FALSE"),\(i % 1000),\(Double(i % 777) / 8),\"q\(i % 5)\",\(i * 3),\(i % 10)\n"
}
try Data(text.utf8).write(to: URL(fileURLWithPath: big))
try time("1e6 x 10 CSV read.csv", runs: 3) { try CSVReader.read(path: big, options: .readCSV).rowCount }
try time("1e6 x 10 CSV read_csv", runs: 3) { try CSVReader.read(path: big, options: .readrCSV).rowCount }

// A 20,000 x 5 sheet (100,000 cells): numbers and shared strings.
let xlsx = scratch + "/cells.xlsx"
var sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
sheet += "<row r=\"1\">" + (0..<5).map { "<c r=\"\(["A", "B", "C", "D", "E"][$0])1\" t=\"s\"><v>\($0)</v></c>" }.joined() + "</row>"
for r in 2...20_001 {
    sheet += "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(r)</v></c><c r=\"B\(r)\"><v>\(Double(r) / 3)</v></c>"
    sheet += "<c r=\"C\(r)\" t=\"s\"><v>\(5 + r % 50)</v></c><c r=\"D\(r)\" t=\"b\"><v>\(r % 2)</v></c><c r=\"E\(r)\"><v>\(r % 7)</v></c></row>"
}
sheet += "</sheetData></worksheet>"
let shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    + (0..<55).map { "<si><t>s\($0)</t></si>" }.joined() + "</sst>"
let parts: [(String, String)] = [
    ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
    ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
    ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
    ("xl/sharedStrings.xml", shared),
    ("xl/worksheets/sheet1.xml", sheet),
]
try? FileManager.default.removeItem(atPath: xlsx)
let archive = try Archive(url: URL(fileURLWithPath: xlsx), accessMode: .create)
for (name, body) in parts {
    let data = Data(body.utf8)
    try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
    }
}
try time("100,000-cell xlsx read_excel") { try XLSXReader.read(path: xlsx).rowCount }
SWIFT
cd "$work"
swift build -c release --product bench 2>&1 | tail -1
"$work/.build/release/bench" "$csv" "$work"
