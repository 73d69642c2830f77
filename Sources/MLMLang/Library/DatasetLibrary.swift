import DataFrames
import Foundation

/// The data sets of R's datasets package (attached from the start, as in R), lme4 and mlmRev, shipped as CSV with their R column classes and loaded
/// the first time they are used after library(lme4) or library(mlmRev) (or data(name)).
enum DatasetLibrary {
    static let packages: [String: [String]] = [
        "lme4": ["sleepstudy", "Penicillin", "Pastes", "Dyestuff", "InstEval", "cake"],
        "mlmRev": ["Exam"],
        "datasets": ["mtcars", "iris", "ToothGrowth"],
    ]

    static func install(_ interp: Interpreter) {
        for names in packages.values {
            for name in names { interp.datasets[name] = { try load(name) } }
        }
        interp.define(".mlmd_dataset", { ctx, args in
            guard let name = args.first?.value.stringValue, let loader = ctx.interpreter.datasets[name] else {
                throw RError("no such data set")
            }
            return try loader()
        })
        attach("datasets", to: interp)
    }

    /// Makes a package's data sets visible, each loaded on first use.
    static func attach(_ package: String, to interp: Interpreter) {
        for name in packages[package] ?? [] where interp.baseEnv.binding(name) == nil {
            let expr = Expr.call(".mlmd_dataset", [.constant(.scalar(name))])
            interp.baseEnv.set(name, binding: .promise(Promise(expr: expr, env: interp.baseEnv)))
        }
    }

    static func load(_ name: String) throws -> RValue {
        guard let csv = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Datasets"),
              let types = Bundle.module.url(forResource: name, withExtension: "types", subdirectory: "Datasets"),
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
