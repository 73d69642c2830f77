/// The shared string table (xl/sharedStrings.xml) and the rich-string rule it shares with
/// inline strings.
enum SharedStrings {
    static func parse(_ tree: XMLTree) -> [String] {
        guard let sst = tree.root, sst.isNamed("sst") else { return [] }
        var strings: [String] = []
        if let count = sst.attribute("uniqueCount").flatMap(Int.init), count > 0, count < 50_000_000 {
            strings.reserveCapacity(count)
        }
        // readxl skips an <si> with no text, shifting later indices; an empty string keeps
        // every index pointing at its own entry, which is what Excel means.
        for item in sst.children(named: "si") {
            strings.append(richString(item) ?? "")
        }
        return strings
    }

    /// The text of an <si> or <is> element: its <t>, then the <t> of each <r> run, as readxl
    /// reads them; nil when there is neither.
    static func richString(_ node: XMLNode) -> String? {
        var found = false
        var out = ""
        if let t = node.firstChild(named: "t") {
            out = unescape(t.text)
            found = true
        }
        for run in node.children(named: "r") {
            if let t = run.firstChild(named: "t") {
                out += unescape(t.text)
                found = true
            }
        }
        return found ? out : nil
    }

    /// Decodes ECMA-376's `_xHHHH_` escapes (ST_Xstring), which writers use for control
    /// characters; anything else is kept as written.
    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "_")) else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + 6 < bytes.count, bytes[i] == UInt8(ascii: "_"), bytes[i + 1] == UInt8(ascii: "x"),
               bytes[i + 6] == UInt8(ascii: "_"),
               let code = UInt32(String(decoding: bytes[(i + 2)...(i + 5)], as: UTF8.self), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 7
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
