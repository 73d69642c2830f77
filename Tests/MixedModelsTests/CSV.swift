import Foundation

/// The fixture CSV files as R's write.csv wrote them: a header, no commas inside fields,
/// strings quoted. Enough for these files, not a general reader.
struct CSVTable {
    let columns: [String: [String]]

    init(fixture name: String) throws {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw Fixture.Missing(description: "fixture \(name) not found")
        }
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        let unquote = { (field: Substring) in field.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let header = (lines.first ?? "").split(separator: ",", omittingEmptySubsequences: false).map(unquote)
        var columns = [String: [String]]()
        for line in lines.dropFirst() {
            for (name, field) in zip(header, line.split(separator: ",", omittingEmptySubsequences: false)) {
                columns[name, default: []].append(unquote(field))
            }
        }
        self.columns = columns
    }

    func strings(_ name: String) throws -> [String] {
        guard let column = columns[name] else { throw Fixture.Missing(description: "no column \(name)") }
        return column
    }

    func doubles(_ name: String) throws -> [Double] {
        try strings(name).map { field in
            guard let value = Double(field) else { throw Fixture.Missing(description: "\(name): '\(field)' is not a number") }
            return value
        }
    }
}
