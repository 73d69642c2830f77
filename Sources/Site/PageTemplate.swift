import Notebook

/// The HTML around a lesson or the index: one stylesheet, no scripts needed to read.
/// Landmarks are ARIA roles on plain elements, so that the pages also pass libxml2's
/// (HTML 4) parser without complaints while screen readers get the same structure.
enum PageTemplate {
    struct NavigationEntry {
        let title: String
        let href: String
    }

    static func page(title: String, body: String, navigation: [NavigationEntry], current: String?,
                     stylesheet: String, description: String? = nil, mathStylesheet: String? = nil) -> String {
        var nav = ""
        for entry in navigation {
            let mark = entry.href == current ? " aria-current=\"page\"" : ""
            nav += "      <li><a href=\"\(escapeHTML(entry.href))\"\(mark)>\(escapeHTML(entry.title))</a></li>\n"
        }
        let meta = description.map { "  <meta name=\"description\" content=\"\(escapeHTML($0))\">\n" } ?? ""
        let math = mathStylesheet.map { "  <link rel=\"stylesheet\" href=\"\($0)\">\n" } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="generator" content="mlmd">
        \(meta)  <title>\(escapeHTML(title))</title>
        \(math)  <link rel="stylesheet" href="\(stylesheet)">
          <link rel="icon" href="data:,">
          <script src="assets/search-index.js" defer></script>
          <script src="assets/site.js" defer></script>
        </head>
        <body>
          <div class="lessons" role="navigation" aria-label="Lessons">
            <a class="home" href="index.html">Lessons</a>
            <form id="search-form" class="search" role="search" hidden>
              <label for="search">Search the lessons</label>
              <input id="search" type="search" autocomplete="off">
              <ul id="search-results"></ul>
            </form>
            <ol>
        \(nav)    </ol>
          </div>
          <div class="content" role="main">
        \(body)
          </div>
        </body>
        </html>

        """
    }

    /// The link to download the notebook the page was built from.
    static func sourceLink(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "<p class=\"source-link\"><a href=\"\(escapeHTML(path))\" download>Download the notebook (\(escapeHTML(name)))</a></p>\n"
    }

    /// Links to the lesson's sections.
    static func tableOfContents(_ headings: [HTMLRenderer.Heading]) -> String {
        var out = "<div class=\"toc\" role=\"navigation\" aria-label=\"Contents\">\n<p class=\"toc-title\">Contents</p>\n<ul>\n"
        for h in headings {
            out += "<li class=\"toc-level\(h.level)\"><a href=\"#\(escapeHTML(h.id))\">\(h.html ?? escapeHTML(h.text))</a></li>\n"
        }
        return out + "</ul>\n</div>\n"
    }

    /// Links to the lessons before and after this one.
    static func previousNext(previous: NavigationEntry?, next: NavigationEntry?) -> String {
        guard previous != nil || next != nil else { return "" }
        var out = "<div class=\"prev-next\" role=\"navigation\" aria-label=\"Previous and next lessons\">\n"
        if let p = previous { out += "<a class=\"prev\" href=\"\(escapeHTML(p.href))\">\u{2190} \(escapeHTML(p.title))</a>\n" }
        if let n = next { out += "<a class=\"next\" href=\"\(escapeHTML(n.href))\">\(escapeHTML(n.title)) \u{2192}</a>\n" }
        return out + "</div>\n"
    }

    /// The header of a lesson from its front matter.
    static func lessonHeader(_ fm: FrontMatter, fallbackTitle: String) -> String {
        var out = "<div class=\"lesson-header\">\n<h1>\(escapeHTML(fm.title ?? fallbackTitle))</h1>\n"
        let byline = [fm.author, fm.date].compactMap { $0 }.filter { !$0.isEmpty }
        if !byline.isEmpty { out += "<p class=\"byline\">\(escapeHTML(byline.joined(separator: " · ")))</p>\n" }
        if let d = fm.description, !d.isEmpty { out += "<p class=\"description\">\(escapeHTML(d))</p>\n" }
        return out + "</div>\n"
    }
}
