/// Named double vectors and matrices with dimnames, as the model functions return them.
enum NamedValues {
    /// A double vector named by `names`; left unnamed when the counts differ (an edited object).
    static func doubles(_ values: [Double], _ names: [String]) -> RValue {
        var v = RVector(.double(values))
        if names.count == values.count { v.names = names.map { Optional($0) } }
        return .vector(v)
    }

    /// A rows x columns double matrix (column-major values) with optional row and column names.
    static func matrix(_ values: [Double], rows: Int, columns: Int, rowNames: [String]?, columnNames: [String]?) -> RValue {
        var v = RVector(.double(values))
        v.attributes["dim"] = .integer([rows, columns])
        if rowNames != nil || columnNames != nil {
            v.attributes["dimnames"] = .list([rowNames.map { .character($0.map { Optional($0) }) } ?? .null,
                                              columnNames.map { .character($0.map { Optional($0) }) } ?? .null])
        }
        return .vector(v)
    }
}
