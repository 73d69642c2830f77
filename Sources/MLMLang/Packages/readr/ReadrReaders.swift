import DataFrames

/// readr::read_csv and readr::read_tsv.
enum ReadrReaders {
    static func install(_ interp: Interpreter) {
        for (name, preset) in [("read_csv", ReadrOptions.readrCSV), ("read_tsv", ReadrOptions.readrTSV)] {
            interp.define(name, { ctx, args in
                let (m, _) = try ctx.interpreter.matchBuiltinArguments(["file", "col_names", "col_types", "na", "skip", "..."], args, call: ctx.call)
                let path = try ReadersLibrary.resolvedPath(m["file"], ctx)
                var options = preset
                if let c = m["col_names"]?.logicalValue { options.colNames = c }
                if case .vector(let na)? = m["na"] { options.na = Coerce.strings(na).compactMap { $0 } }
                if let s = m["skip"]?.scalarInt() { options.skip = s }
                return ReadersLibrary.frame(try ReadersLibrary.read { try CSVReader.read(path: path, options: options) }, tibble: true)
            })
        }
    }
}
