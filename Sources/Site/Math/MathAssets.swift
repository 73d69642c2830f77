import Foundation

/// KaTeX's stylesheet and fonts, copied into a site with math from Debian's libjs-katex and
/// fonts-katex, so pages show their math offline and request nothing from another host.
/// Only the WOFF2 fonts are copied: every browser that runs the site's pages reads them,
/// and the stylesheet names them first.
enum MathAssets {
    static let stylesheet = "assets/katex/katex.min.css"

    static func pageUsesMath(_ html: String) -> Bool { html.contains("<span class=\"katex") }

    static func write(into site: URL) throws {
        let fm = FileManager.default
        let css = KaTeX.directory.appendingPathComponent("katex.min.css")
        let fonts = KaTeX.directory.appendingPathComponent("fonts").resolvingSymlinksInPath()
        guard fm.fileExists(atPath: css.path), let names = try? fm.contentsOfDirectory(atPath: fonts.path) else {
            throw KaTeX.Failure(description: "KaTeX's stylesheet and fonts are not installed (\(KaTeX.directory.path)); run scripts/install-deps")
        }
        let target = site.appendingPathComponent("assets/katex/fonts")
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        try Data(contentsOf: css).write(to: site.appendingPathComponent(stylesheet))
        for name in names.sorted() where name.hasSuffix(".woff2") {
            try Data(contentsOf: fonts.appendingPathComponent(name)).write(to: target.appendingPathComponent(name))
        }
    }
}
