/// Options of R's read.table family (read.csv, read.delim, read.table), with R's defaults.
public struct ReadTableOptions {
    /// The field separator; "" means runs of white space (read.table's default).
    public var sep: String
    /// nil is read.table's "missing": a header is assumed when the first line has one field
    /// fewer than the next lines.
    public var header: Bool?
    /// Quoting characters.
    public var quote: String
    public var naStrings: [String]
    public var stripWhite: Bool
    /// "" for none.
    public var commentChar: String
    public var blankLinesSkip: Bool
    /// Pad short rows with blank fields; nil means R's default, !blankLinesSkip for
    /// read.table (TRUE for read.csv and read.delim, whose presets set it).
    public var fill: Bool?
    public var checkNames: Bool
    public var skip: Int

    public init(sep: String = "", header: Bool? = nil, quote: String = "\"'", naStrings: [String] = ["NA"],
                stripWhite: Bool = false, commentChar: String = "#", blankLinesSkip: Bool = true,
                fill: Bool? = nil, checkNames: Bool = true, skip: Int = 0) {
        self.sep = sep
        self.header = header
        self.quote = quote
        self.naStrings = naStrings
        self.stripWhite = stripWhite
        self.commentChar = commentChar
        self.blankLinesSkip = blankLinesSkip
        self.fill = fill
        self.checkNames = checkNames
        self.skip = skip
    }

    /// read.table's defaults.
    public static var readTable: ReadTableOptions { ReadTableOptions() }
    /// read.csv: sep ",", header, double quotes, fill, no comments.
    public static var readCSV: ReadTableOptions {
        ReadTableOptions(sep: ",", header: true, quote: "\"", commentChar: "", fill: true)
    }
    /// read.delim: as read.csv with tabs.
    public static var readDelim: ReadTableOptions {
        ReadTableOptions(sep: "\t", header: true, quote: "\"", commentChar: "", fill: true)
    }
}

/// Options of readr's read_delim family (read_csv, read_tsv), with readr's defaults.
public struct ReadrOptions {
    public var delim: String
    public var colNames: Bool
    public var na: [String]
    public var quote: String
    public var trimWS: Bool
    public var skip: Int
    /// "" for none.
    public var comment: String
    public var skipEmptyRows: Bool

    public init(delim: String = ",", colNames: Bool = true, na: [String] = ["", "NA"], quote: String = "\"",
                trimWS: Bool = true, skip: Int = 0, comment: String = "", skipEmptyRows: Bool = true) {
        self.delim = delim
        self.colNames = colNames
        self.na = na
        self.quote = quote
        self.trimWS = trimWS
        self.skip = skip
        self.comment = comment
        self.skipEmptyRows = skipEmptyRows
    }

    /// read_csv.
    public static var readrCSV: ReadrOptions { ReadrOptions() }
    /// read_tsv.
    public static var readrTSV: ReadrOptions { ReadrOptions(delim: "\t") }
    /// read_delim, whose trim_ws defaults to FALSE unlike read_csv's.
    public static func readrDelim(_ delim: String) -> ReadrOptions { ReadrOptions(delim: delim, trimWS: false) }
}
