import DataFrames
import Foundation

/// read_excel, read.csv, read_csv and friends: the DataFrames readers, with their tables
/// turned into R data frames (base readers) or tibbles (readxl, readr).
enum ReadersLibrary {
    static func install(_ interp: Interpreter) {
        for (name, preset) in [("read.csv", ReadTableOptions.readCSV), ("read.table", ReadTableOptions.readTable), ("read.delim", ReadTableOptions.readDelim)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["file", "header", "sep", "quote", "dec", "na.strings", "stringsAsFactors", "..."], args, call: ctx.call)
                let path = try resolvedPath(m["file"], ctx)
                var options = preset
                if let h = m["header"]?.logicalValue { options.header = h }
                if let s = m["sep"]?.stringValue { options.sep = s }
                if case .vector(let na)? = m["na.strings"] { options.naStrings = Coerce.strings(na).compactMap { $0 } }
                let table = try read { try CSVReader.read(path: path, options: options) }
                var df = frame(table, tibble: false)
                if m["stringsAsFactors"]?.logicalValue == true { df = try factorizeStrings(df) }
                return df
            })
        }
    }

    /// Paths are relative to the session's working directory (the notebook's folder).
    static func resolvedPath(_ v: RValue?, _ ctx: CallContext) throws -> String {
        guard let p = v?.stringValue else { throw RError("argument \"path\" is missing, with no default") }
        let path = p.hasPrefix("/") ? p : ctx.interpreter.workingDirectory.appendingPathComponent(p).path
        ctx.interpreter.recordRead(path)
        return path
    }

    static func read<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DataReadError { throw RError(e.description) }
    }

    /// A Table as an R data frame (or tibble), with R's column classes.
    static func frame(_ table: Table, tibble: Bool) -> RValue {
        var columns: [RValue] = []
        for column in table.columns {
            switch column {
            case .logical(let v): columns.append(.logical(v.map { $0.map(Logical.init) ?? .na }))
            case .integer(let v): columns.append(.integer(v.map { $0 ?? NAInteger }))
            case .double(let v): columns.append(.double(v.map { $0 ?? NAReal }))
            case .character(let v): columns.append(.character(v))
            case .date(let v):
                var d = RVector(.double(v.map { $0 ?? NAReal }))
                d.attributes["class"] = .character(["Date"])
                columns.append(.vector(d))
            case .dateTime(let v):
                var d = RVector(.double(v.map { $0 ?? NAReal }))
                d.attributes["class"] = .character(["POSIXct", "POSIXt"])
                d.attributes["tzone"] = .scalar("UTC")
                columns.append(.vector(d))
            }
        }
        var df = RVector(.list(columns))
        df.names = table.names.map { Optional($0) }
        df.attributes["class"] = .character(tibble ? ["tbl_df", "tbl", "data.frame"] : ["data.frame"])
        let n = table.columns.first?.count ?? 0
        if let rn = table.rowNames, !tibble { df.attributes["row.names"] = .character(rn.map { Optional($0) }) }
        else { df.attributes["row.names"] = .integer([NAInteger, -n]) }
        return .vector(df)
    }

    static func factorizeStrings(_ df: RValue) throws -> RValue {
        guard case .vector(var v) = df, case .list(var columns) = v.storage else { return df }
        for (k, c) in columns.enumerated() {
            if case .vector(let cv) = c, case .character = cv.storage { columns[k] = try FactorLibrary.makeFactorIfNeeded(c) }
        }
        v.storage = .list(columns)
        return .vector(v)
    }
}
