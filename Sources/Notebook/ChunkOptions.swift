import MLMLang

/// knitr's chunk options that mlmd honours, with knitr's defaults (except `error`, which
/// defaults to FALSE as in R Markdown: a failing chunk stops the build).
public struct ChunkOptions {
    public enum Results: String { case markup, asis, hide, hold }

    public var label: String?
    public var echo = true
    public var eval = true
    public var include = true
    public var results = Results.markup
    public var collapse = false
    /// Prefix of output lines; nil for none (`comment = NA` or `""`).
    public var comment: String? = "##"
    public var message = true
    public var warning = true
    public var error = false
    public var figWidth = 7.0
    public var figHeight = 5.0
    public var figCap: String?
    public var figAlt: String?
    /// knitr's figure layout: "default", "left", "center" or "right".
    public var figAlign = "default"
    /// Size of figures on the page (`"50%"`, `"300px"`), written into an HTML image tag.
    public var outWidth: String?
    public var outHeight: String?
    /// Quarto's table caption for a chunk labelled `tbl-...`.
    public var tblCap: String?
    /// Quarto's `code-fold`: the chunk's code behind a toggle on the page (nil: the page default).
    public var codeFold: Bool?
    /// Seconds the chunk may run (0 for no limit); nil takes the knit's `--chunk-timeout`.
    public var timeout: Double?

    public init() {}

    /// Sets one option from an R value; unknown options are accepted and ignored, as knitr does.
    mutating func set(_ name: String, _ value: RValue) throws {
        let key = name.replacingOccurrences(of: "-", with: ".")
        switch key {
        case "label": label = value.stringValue
        case "echo": echo = try flag(key, value)
        case "eval": eval = try flag(key, value)
        case "include": include = try flag(key, value)
        case "collapse": collapse = try flag(key, value)
        case "message": message = try flag(key, value)
        case "warning": warning = try flag(key, value)
        case "error": error = try flag(key, value)
        case "results":
            guard let s = value.stringValue, let r = Results(rawValue: s) else {
                throw OptionError("results must be one of \"markup\", \"asis\", \"hide\", \"hold\"")
            }
            results = r
        case "comment":
            let s = value.stringValue
            comment = (s?.isEmpty ?? true) ? nil : s
        case "fig.width": figWidth = try number(key, value)
        case "fig.height": figHeight = try number(key, value)
        case "fig.cap": figCap = value.stringValue
        case "fig.alt": figAlt = value.stringValue
        case "fig.align":
            guard let a = value.stringValue, ["default", "left", "center", "right"].contains(a) else {
                throw OptionError("fig.align must be one of \"default\", \"left\", \"center\", \"right\"")
            }
            figAlign = a
        case "out.width": outWidth = value.stringValue
        case "out.height": outHeight = value.stringValue
        case "tbl.cap": tblCap = value.stringValue
        case "code.fold":
            if let b = value.logicalValue { codeFold = b } else if let s = value.stringValue, s == "show" || s == "hide" {
                codeFold = true
            } else {
                throw OptionError("code-fold must be true, false, \"show\" or \"hide\"")
            }
        case "timeout":
            guard let d = value.doubleValue, d >= 0, d.isFinite else {
                throw OptionError("option 'timeout' must be a number of seconds (0 for no limit)")
            }
            timeout = d
        default: break
        }
    }

    private func flag(_ name: String, _ value: RValue) throws -> Bool {
        guard let b = value.logicalValue else { throw OptionError("option '\(name)' must be TRUE or FALSE") }
        return b
    }

    private func number(_ name: String, _ value: RValue) throws -> Double {
        guard let d = value.doubleValue, d > 0, d.isFinite else { throw OptionError("option '\(name)' must be a positive number") }
        return d
    }
}

struct OptionError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
