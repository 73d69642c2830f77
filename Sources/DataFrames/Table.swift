/// A rectangular table read from a file: named columns of equal length, as an R data frame
/// holds them before the interpreter wraps them.
public struct Table: Equatable {
    public var names: [String]
    public var columns: [Column]
    /// Row labels when the file supplies them (read.table's first column under a short header);
    /// nil means R's automatic 1..n.
    public var rowNames: [String]?

    public init(names: [String], columns: [Column], rowNames: [String]? = nil) {
        self.names = names
        self.columns = columns
        self.rowNames = rowNames
    }

    public var rowCount: Int { columns.first?.count ?? rowNames?.count ?? 0 }

    /// The column with this name, if there is one.
    public subscript(name: String) -> Column? {
        guard let i = names.firstIndex(of: name), i < columns.count else { return nil }
        return columns[i]
    }
}

/// One column; nil is R's NA.
public enum Column: Equatable {
    case logical([Bool?])
    case integer([Int?])
    case double([Double?])
    case character([String?])
    /// Days since 1970-01-01 (R's Date).
    case date([Double?])
    /// Seconds since 1970-01-01 00:00:00 UTC (R's POSIXct with tzone "UTC").
    case dateTime([Double?])

    public var count: Int {
        switch self {
        case .logical(let v): return v.count
        case .integer(let v): return v.count
        case .double(let v), .date(let v), .dateTime(let v): return v.count
        case .character(let v): return v.count
        }
    }

    /// The R class a reader would give the column ("logical", "integer", "numeric", ...).
    public var rClass: String {
        switch self {
        case .logical: return "logical"
        case .integer: return "integer"
        case .double: return "numeric"
        case .character: return "character"
        case .date: return "Date"
        case .dateTime: return "POSIXct"
        }
    }
}
