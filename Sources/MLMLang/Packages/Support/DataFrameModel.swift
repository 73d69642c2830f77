/// A data frame as the builtins handle it: named columns of one length, row names when they
/// are not automatic, and the class (data.frame, tibble, grouped tibble). In R it is a list
/// with names, class and row.names attributes; `init?(_:)` and `value` convert between the two.
struct DataFrame {
    var columns: [RValue]
    var names: [String]
    var rowCount: Int
    /// Row names as given; nil for R's automatic 1..n (stored compactly as c(NA, -n)).
    var rowNames: [String]?
    var classes: [String]
    /// Attributes other than names, class and row.names (a grouped tibble's "groups").
    var extra: [(name: String, value: RValue)] = []

    static let tibbleClasses = ["tbl_df", "tbl", "data.frame"]
    static let groupedClasses = ["grouped_df", "tbl_df", "tbl", "data.frame"]

    init(columns: [RValue], names: [String], rowCount: Int, rowNames: [String]? = nil, classes: [String] = ["data.frame"]) {
        self.columns = columns
        self.names = names
        self.rowCount = rowCount
        self.rowNames = rowNames
        self.classes = classes
    }

    init?(_ value: RValue) {
        guard case .vector(let v) = value, case .list(let items) = v.storage, let cls = v.classes,
              cls.contains("data.frame") else { return nil }
        columns = items.array
        // One name per column, whatever a malformed names attribute holds.
        names = Array((v.names ?? []).map { $0 ?? "NA" }.prefix(items.count))
        while names.count < items.count { names.append("") }
        rowCount = DataFrameShape.rowCount(v)
        classes = cls
        if case .vector(let rn)? = v.attributes["row.names"] {
            if case .integer(let a) = rn.storage, a.count == 2, a[0] == NAInteger {
                rowNames = nil
            } else if case .integer(let a) = rn.storage, a == Array(0..<a.count).map({ $0 + 1 }) {
                rowNames = nil
            } else {
                rowNames = Coerce.strings(rn).map { $0 ?? "NA" }
            }
        }
        for entry in v.attributes.entries where !["names", "class", "row.names"].contains(entry.name) {
            extra.append((entry.name, entry.value))
        }
    }

    var isTibble: Bool { classes.contains("tbl_df") }
    var isGrouped: Bool { classes.contains("grouped_df") }
    /// dplyr's rowwise(): verbs work one row at a time.
    var isRowwise: Bool { classes.contains("rowwise_df") }

    /// The R value, with attributes in the order R's constructors set them.
    var value: RValue {
        var v = RVector(.list(columns))
        let rn: RValue
        if let rowNames {
            // Row numbers kept by subsetting (c(1L, 3L)) stay integers, as R stores them.
            let numbers = rowNames.map { s in Int(s).flatMap { String($0) == s ? $0 : nil } }
            rn = numbers.allSatisfy({ $0 != nil }) ? .integer(numbers.map { $0 ?? 0 }) : .character(rowNames)
        } else {
            rn = .integer([NAInteger, -rowCount])
        }
        let nm = RValue.character(names.map { Optional($0) })
        // data.frame() sets names, class, row.names; tibble() names, row.names, class; group_by
        // class, row.names, names: attributes() shows them in that order.
        let order: [(String, RValue)]
        if isGrouped { order = [("class", .character(classes)), ("row.names", rn), ("names", nm)] }
        else if isTibble { order = [("names", nm), ("row.names", rn), ("class", .character(classes))] }
        else { order = [("names", nm), ("class", .character(classes)), ("row.names", rn)] }
        for (k, x) in order { v.attributes[k] = x }
        for e in extra { v.attributes[e.name] = e.value }
        return .vector(v)
    }

    func index(of name: String) -> Int? { names.firstIndex(of: name) }

    func column(_ name: String) -> RValue? { index(of: name).map { columns[$0] } }

    /// Replaces the named column, or appends it; NULL removes it.
    mutating func setColumn(_ name: String, _ value: RValue) {
        if let k = index(of: name) {
            if value.isNullValue { columns.remove(at: k); names.remove(at: k) } else { columns[k] = value }
        } else if !value.isNullValue {
            columns.append(value)
            names.append(name)
        }
    }

    /// The labels print.data.frame shows for the rows.
    var rowLabels: [String] {
        guard let rowNames, rowNames.count == rowCount else { return (0..<rowCount).map { String($0 + 1) } }
        return rowNames
    }

    /// The rows at the positions (nil for an NA row). A data frame keeps the selected rows'
    /// names, made unique as `[.data.frame` does; a tibble's rows are renumbered.
    func rows(_ idx: [Int?]) -> DataFrame {
        var out = self
        out.columns = columns.map { ColumnOps.take($0, idx) }
        out.rowCount = idx.count
        if isTibble {
            out.rowNames = nil
        } else if rowNames == nil && idx.enumerated().allSatisfy({ $0.element == $0.offset }) {
            out.rowNames = nil
        } else {
            let labels = rowLabels
            out.rowNames = RNames.makeUnique(idx.map { i in i.flatMap { $0 < labels.count ? labels[$0] : nil } ?? "NA" })
        }
        return out
    }

    /// The columns at the positions, other attributes kept.
    func selecting(_ positions: [Int]) -> DataFrame {
        var out = self
        out.columns = positions.map { columns[$0] }
        out.names = positions.map { names[$0] }
        return out
    }

    /// The same columns as a plain tibble (no groups).
    var ungroupedTibble: DataFrame {
        var out = self
        out.classes = DataFrame.tibbleClasses
        out.extra.removeAll { $0.name == "groups" }
        out.rowNames = nil
        return out
    }
}

/// Column vectors: length, row selection, recycling and R's type abbreviations.
enum ColumnOps {
    static func length(_ c: RValue) -> Int {
        if let df = DataFrame(c) { return df.rowCount }
        return c.length
    }

    /// Elements at the positions (NA where nil), attributes such as factor levels kept.
    static func take(_ c: RValue, _ idx: [Int?]) -> RValue {
        if var df = DataFrame(c) {
            df = df.rows(idx)
            return df.value
        }
        guard case .vector(let v) = c else { return c }
        var out = RVector(IndexingLibrary.select(v.storage, idx), attributes: v.attributes)
        if let names = v.names { out.names = idx.map { $0.flatMap { $0 < names.count ? names[$0] : nil } } }
        out.attributes["dim"] = nil
        out.attributes["dimnames"] = nil
        return .vector(out)
    }

    /// A length-one value repeated to n (other lengths are the caller's to check).
    static func recycle(_ c: RValue, to n: Int) -> RValue {
        let len = length(c)
        if len == n { return c }
        if len == 0 { return take(c, [Int?](repeating: nil, count: n)) }
        return take(c, (0..<n).map { $0 % len })
    }

    /// The abbreviation pillar shows under a column name.
    static func typeAbbreviation(_ c: RValue) -> String {
        switch c {
        case .null: return "NULL"
        case .vector(let v):
            if DataFrame(c) != nil { return "df[,\(v.count)]" }
            if let cls = v.classes {
                if cls.contains("ordered") { return "ord" }
                if cls.contains("factor") { return "fct" }
                if cls.contains("Date") { return "date" }
                if cls.contains("POSIXct") { return "dttm" }
                if cls.contains("difftime") { return "drtn" }
            }
            switch v.storage {
            case .logical: return "lgl"
            case .integer: return "int"
            case .double: return "dbl"
            case .character: return "chr"
            case .list: return "list"
            }
        case .closure, .builtin: return "fn"
        case .environment: return "env"
        case .language: return "lang"
        }
    }

    /// Combines columns end to end as vctrs does for bind_rows and summarise: the common type
    /// of the pieces (factors merge their levels; a factor and strings give strings).
    static func combine(_ parts: [RValue]) throws -> RValue {
        let present = parts.filter { !$0.isNullValue }
        guard let first = present.first else { return .null }
        if present.allSatisfy({ $0.asVector?.isFactor == true }) {
            var levels: [String] = []
            for p in present { for l in p.asVector?.levels ?? [] where !levels.contains(l) { levels.append(l) } }
            var codes: [Int] = []
            for p in present {
                guard case .vector(let v) = p, case .integer(let a) = v.storage else { continue }
                let own = v.levels ?? []
                codes += a.map { $0 == NAInteger || $0 < 1 || $0 > own.count ? NAInteger : (levels.firstIndex(of: own[$0 - 1]) ?? -1) + 1 }
            }
            var out = RVector(.integer(codes))
            out.attributes["levels"] = .character(levels)
            out.attributes["class"] = first.asVector?.attributes["class"]
            return .vector(out)
        }
        if present.allSatisfy({ DataFrame($0) != nil }) {
            let frames = present.compactMap { DataFrame($0) }
            return try DataFrameBind.rows(frames).value
        }
        var rank = 0
        for p in present {
            guard case .vector(let v) = p else { throw RError("Can't combine values of type \(p.typeName)") }
            rank = max(rank, v.isFactor ? 3 : v.storage.rank)
        }
        var pieces: [RVector] = []
        for p in present {
            guard case .vector(let v) = p else { continue }
            pieces.append(v.isFactor ? RVector(.character(Coerce.strings(v))) : v)
        }
        let storage: Storage
        switch rank {
        case 0: storage = .logical(pieces.flatMap { Coerce.logicals($0) ?? [] })
        case 1: storage = .integer(pieces.flatMap { Coerce.integers($0) ?? [] })
        case 2: storage = .double(pieces.flatMap { Coerce.doubles($0) ?? [] })
        case 3: storage = .character(pieces.flatMap { Coerce.strings($0) })
        default: storage = .list(pieces.flatMap { Coerce.listItems($0) })
        }
        var out = RVector(storage)
        // Classes such as Date survive when every piece has them.
        if let firstVector = first.asVector, let cls = firstVector.classes, !firstVector.isFactor,
           present.allSatisfy({ $0.asVector?.classes == cls }) {
            out.attributes["class"] = .character(cls)
        }
        return .vector(out)
    }
}

/// R's make.names and make.unique, which data.frame applies to column names.
enum RNames {
    static let reserved: Set<String> = [
        "if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE", "NULL", "Inf", "NaN",
        "NA", "NA_integer_", "NA_real_", "NA_character_", "in",
    ]

    static func makeName(_ s: String?) -> String {
        guard let s else { return "NA." }
        var out = String(s.unicodeScalars.map { c -> Character in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "_" ? Character(c) : "."
        })
        if let first = out.unicodeScalars.first {
            let second = out.unicodeScalars.dropFirst().first
            let startsBadly = !(first.properties.isAlphabetic || first == ".") || (first == "." && second.map { ("0"..."9").contains($0) } == true)
            if startsBadly { out = "X" + out }
        } else {
            out = "X"
        }
        if reserved.contains(out) { out += "." }
        return out
    }

    /// Later duplicates get ".1", ".2", ... (skipping names already taken).
    static func makeUnique(_ names: [String]) -> [String] {
        var seen = Set(names)
        var counts: [String: Int] = [:]
        var used = Set<String>()
        var out: [String] = []
        for n in names {
            if !used.contains(n) {
                used.insert(n)
                out.append(n)
                continue
            }
            var k = counts[n] ?? 1
            var candidate = "\(n).\(k)"
            while seen.contains(candidate) || used.contains(candidate) { k += 1; candidate = "\(n).\(k)" }
            counts[n] = k + 1
            seen.insert(candidate)
            used.insert(candidate)
            out.append(candidate)
        }
        return out
    }
}
