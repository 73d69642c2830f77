/// Escaping text for XML and HTML, shared by the SVG writer and the site's pages.
public enum Markup {
    /// `&`, `<`, `>` and `"` as entities (and `'` too when `apostrophes`), for element content
    /// and double-quoted attribute values alike.
    public static func escape(_ s: String, apostrophes: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophes: out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
