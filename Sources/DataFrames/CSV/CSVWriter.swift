import Foundation

/// Writes a table as R's write.csv does: a quoted header starting with "" for the row-name
/// column, quoted row names (1..n unless the table has its own), quoted strings with quotes
/// doubled, NA unquoted, numbers with up to 15 significant digits.
public enum CSVWriter {
    public static func write(_ table: Table, path: String) throws {
        let text = csvText(table)
        // Write beside the target, then rename over it, so a reader never sees half a file.
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw DataReadError(.unreadable, path: path, message: "cannot open file '\(path)': \(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw DataReadError(.unreadable, path: path, message: "cannot open file '\(path)': \(reason)")
        }
    }

    /// The file's text.
    public static func csvText(_ table: Table) -> String {
        var out = "\"\"" + table.names.map { "," + quoted($0) }.joined() + "\n"
        let formatted = table.columns.map(cells)
        for i in 0..<table.rowCount {
            let label = table.rowNames.flatMap { i < $0.count ? $0[i] : nil } ?? String(i + 1)
            out += quoted(label)
            for column in formatted {
                out += ","
                out += i < column.count ? column[i] : "NA"
            }
            out += "\n"
        }
        return out
    }

    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Each value as write.csv writes it.
    private static func cells(_ column: Column) -> [String] {
        switch column {
        case .logical(let v): return v.map { $0.map { $0 ? "TRUE" : "FALSE" } ?? "NA" }
        case .integer(let v): return v.map { $0.map(String.init) ?? "NA" }
        case .double(let v): return v.map { $0.map(RNumberFormat.format) ?? "NA" }
        case .character(let v): return v.map { $0.map(quoted) ?? "NA" }
        case .date(let v): return v.map { $0.flatMap { $0.isFinite ? civilDate(days: Int(($0).rounded(.down))) : nil } ?? "NA" }
        case .dateTime(let v):
            // format.POSIXct drops the time when every value is at midnight.
            let allMidnight = v.allSatisfy { $0.map { !$0.isFinite || $0.truncatingRemainder(dividingBy: 86400) == 0 } ?? true }
            return v.map { value in
                guard let value, value.isFinite else { return "NA" }
                let seconds = Int(value.rounded(.down))
                let days = Int((Double(seconds) / 86400).rounded(.down))
                let date = civilDate(days: days)
                if allMidnight { return date }
                let s = seconds - days * 86400
                return date + String(format: " %02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
            }
        }
    }

    /// "yyyy-mm-dd" for days since 1970-01-01.
    static func civilDate(days: Int) -> String {
        let (year, month, day) = CivilCalendar.civil(days: days)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
