/// print.default for atomic vectors: a common format per vector, `[k]` index labels, lines
/// filled up to the session's width, and names above values for named vectors.
struct VectorPrinter {
    let digits: Int
    let width: Int
    let scipen: Int
    var quote = true
    var naString = "NA"
    /// Strings are left-justified unless `right = TRUE`.
    var right = false

    /// Each element encoded at a common width.
    func encodeElements(_ v: RVector) -> [String] {
        switch v.storage {
        case .logical(let a):
            let w = RFormat.formatLogical(a, naWidth: naString.count)
            return a.map { RFormat.encodeLogical($0, width: w, naString: naString) }
        case .integer(let a):
            let w = RFormat.formatInteger(a, naWidth: naString.count)
            return a.map { RFormat.encodeInteger($0, width: w, naString: naString) }
        case .double(let a):
            let f = RFormat.formatReal(a, digits: digits, scipen: scipen, naWidth: naString.count)
            return a.map { RFormat.encodeReal($0, f, naString: naString) }
        case .character(let a):
            let texts = encodeStrings(a)
            let w = texts.map(\.displayWidth).max() ?? 0
            return texts.map { right ? $0.leftPadded(to: w) : $0.rightPadded(to: w) }
        case .list:
            return []
        }
    }

    /// Strings as print shows them (quoted or not, NA marked), each at its own width: trailing
    /// spaces in a string are part of it.
    func encodeStrings(_ a: [String?]) -> [String] {
        a.map { s -> String in
            guard let s else { return quote ? "NA" : naString == "NA" ? "<NA>" : naString }
            return quote ? Deparser.quoteString(s) : s
        }
    }

    func print(_ v: RVector) -> String {
        let n = v.count
        if n == 0 { return emptyVector(v) + "\n" }
        if let names = v.names { return printNamed(v, names: names) }
        let items = encodeElements(v)
        let w = items.first?.displayWidth ?? 0
        let labelWidth = String(n).count + 2
        var out = ""
        var lineWidth = 0
        for (i, item) in items.enumerated() {
            if i == 0 || lineWidth + w + 1 > width {
                if i > 0 { out += "\n" }
                let label = "[\(i + 1)]"
                out += label.leftPadded(to: labelWidth)
                lineWidth = labelWidth
            }
            out += " " + item
            lineWidth += w + 1
        }
        return out + "\n"
    }

    private func printNamed(_ v: RVector, names: [String?]) -> String {
        var items = encodeElements(v)
        // A names attribute of the wrong length (set by hand) shows as <NA> where it runs short.
        let nameTexts = items.indices.map { $0 < names.count ? names[$0] ?? "<NA>" : "<NA>" }
        let w = max(items.first?.displayWidth ?? 0, nameTexts.map(\.displayWidth).max() ?? 0)
        if case .character = v.storage {
            // Named character vectors are right-justified.
            items = items.map { $0.trimmingTrailingSpaces().leftPadded(to: w) }
        } else {
            items = items.map { $0.leftPadded(to: w) }
        }
        let perLine = max(width / (w + 1), 1)
        var out = ""
        var start = 0
        while start < items.count {
            let end = min(start + perLine, items.count)
            for k in start..<end { out += nameTexts[k].leftPadded(to: w) + " " }
            out += "\n"
            for k in start..<end { out += items[k] + " " }
            out += "\n"
            start = end
        }
        return out
    }

    private func emptyVector(_ v: RVector) -> String {
        let prefix = v.names != nil ? "named " : ""
        switch v.storage {
        case .logical: return prefix + "logical(0)"
        case .integer: return v.isFactor ? "factor(0)" : prefix + "integer(0)"
        case .double: return prefix + "numeric(0)"
        case .character: return prefix + "character(0)"
        case .list: return prefix + "list()"
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
