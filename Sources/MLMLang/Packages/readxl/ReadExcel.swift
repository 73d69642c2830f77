import DataFrames

/// readxl::read_excel and readxl::excel_sheets.
enum ReadExcel {
    static func install(_ interp: Interpreter) {
        interp.define("read_excel", { ctx, args in
            let (m, _) = try ctx.interpreter.matchBuiltinArguments(["path", "sheet", "range", "col_names", "col_types", "na", "trim_ws", "skip", "n_max", "guess_max"], args, call: ctx.call)
            let path = try ReadersLibrary.resolvedPath(m["path"], ctx)
            var sheet: XLSXReader.Sheet?
            if let s = m["sheet"], !s.isNullValue {
                if case .vector(let v) = s, case .character = v.storage, let name = s.stringValue { sheet = .name(name) }
                else if let k = s.scalarInt() { sheet = .index(k) }
            }
            let na = m["na"]?.asVector.map { Coerce.strings($0).compactMap { $0 } } ?? [""]
            let table = try ReadersLibrary.read { try XLSXReader.read(path: path, sheet: sheet, range: m["range"]?.stringValue,
                                                       colNames: m["col_names"]?.logicalValue ?? true, na: na,
                                                       trimWS: m["trim_ws"]?.logicalValue ?? true, skip: m["skip"]?.scalarInt() ?? 0,
                                                       nMax: m["n_max"]?.scalarInt(), guessMax: m["guess_max"]?.scalarInt() ?? 1000) }
            return ReadersLibrary.frame(table, tibble: true)
        })
        interp.define("excel_sheets", { ctx, args in
            let path = try ReadersLibrary.resolvedPath(args.first?.value, ctx)
            return .character(try ReadersLibrary.read { try XLSXReader.sheetNames(path: path) }.map { Optional($0) })
        })
    }
}
