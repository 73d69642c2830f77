import DataFrames
import Foundation

/// Loads the data sets packages ship (Datasets/<package>/): each package lists its own
/// (RPackage.datasets, from DatasetIndex), attaching binds them lazily, data(name) loads one.
/// A plain data frame is NAME.csv with its R column classes in NAME.types; any other object is
/// NAME.R, R's dput() of it, evaluated here.
enum DatasetLibrary {
    static func load(_ name: String, package: String, interp: Interpreter) throws -> RValue {
        let folder = "Datasets/\(package)"
        if let source = Bundle.module.url(forResource: name, withExtension: "R", subdirectory: folder) {
            guard let text = try? String(contentsOf: source, encoding: .utf8) else { throw RError("cannot read data set \(name)") }
            var value = RValue.null
            for expr in try Parser.parse(text) { value = try interp.eval(expr, interp.baseEnv) }
            return value
        }
        guard let csv = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: folder),
              let types = Bundle.module.url(forResource: name, withExtension: "types", subdirectory: folder),
              let typeText = try? String(contentsOf: types, encoding: .utf8) else {
            throw RError("data set \(Quotes.single(name)) not found")
        }
        let table: Table
        do { table = try CSVReader.read(path: csv.path, options: .readCSV) } catch { throw RError("cannot read data set \(name): \(error)") }
        guard case .vector(var df) = ReadersLibrary.frame(table, tibble: false), case .list(var columns) = df.storage else {
            throw RError("cannot read data set \(name)")
        }
        for line in typeText.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let k = table.names.firstIndex(of: parts[0]) else { continue }
            switch parts[1] {
            case "factor", "ordered":
                let levels = parts[2].split(separator: "\u{1F}", omittingEmptySubsequences: false).map { Optional(String($0)) }
                let labels = columns[k].asVector.map { Coerce.strings($0) } ?? []
                columns[k] = try FactorLibrary.makeFactor(.character(labels), levels: .character(levels), labels: nil,
                                                          excludeNA: true, ordered: parts[1] == "ordered")
            case "integer":
                columns[k] = try ConstructorsLibrary.convert([EvaluatedArgument(columns[k])], toRank: 1)
            case "numeric":
                columns[k] = try ConstructorsLibrary.convert([EvaluatedArgument(columns[k])], toRank: 2)
            default: break
            }
        }
        if let k = table.names.firstIndex(of: ".rownames") {
            df.attributes["row.names"] = columns[k]
            columns.remove(at: k)
            df.names = df.names.map { names in names.enumerated().filter { $0.offset != k }.map(\.element) }
        }
        df.storage = .list(columns)
        return .vector(df)
    }
}
