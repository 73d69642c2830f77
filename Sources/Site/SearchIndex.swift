import Notebook

/// The offline search: every lesson's title, description and prose by section, written as a
/// script (`assets/search-index.js`) so that it loads from file:// as well as over HTTP, and the
/// small script that searches it and adds copy buttons to code (`assets/site.js`). Pages read
/// fine without either.
enum SearchIndex {
    struct Entry {
        let title: String
        let href: String
        let description: String
        let sections: [(id: String?, heading: String?, text: String)]
    }

    static func entry(for doc: KnittedDocument, href: String, markdown: String, headings: [HTMLRenderer.Heading]) -> Entry {
        var unused = headings
        let sections = HTMLRenderer.searchSections(markdown: markdown).map { section -> (id: String?, heading: String?, text: String) in
            var id: String?
            if let heading = section.heading, let k = unused.firstIndex(where: { $0.text == heading }) {
                id = unused[k].id
                unused.remove(at: k)
            }
            return (id, section.heading, section.text)
        }
        return Entry(title: doc.notebook.title, href: href, description: doc.notebook.frontMatter.description ?? "", sections: sections)
    }

    static func script(_ entries: [Entry]) -> String {
        var out = "// The lessons' text for the site's search; written by mlmd.\nwindow.MLMD_SEARCH_INDEX = [\n"
        for entry in entries {
            let sections = entry.sections.map { s in
                "{\"id\": \(s.id.map(json) ?? "null"), \"heading\": \(s.heading.map(json) ?? "null"), \"text\": \(json(s.text))}"
            }
            out += "  {\"title\": \(json(entry.title)), \"href\": \(json(entry.href)), \"description\": \(json(entry.description)),\n"
            out += "   \"sections\": [\(sections.joined(separator: ",\n     "))]},\n"
        }
        return out + "];\n"
    }

    /// A JSON string literal (also safe inside JavaScript source).
    static func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Search as you type (every word must occur; titles and headings count more), `?q=` in the
    /// address fills the box, and a copy button on each block of code.
    static let siteScript = """
    // mlmd's page script: search over assets/search-index.js and copy buttons on code.
    (function () {
      "use strict";
      function words(text) { return text.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; }); }
      function snippet(text, word) {
        var at = text.toLowerCase().indexOf(word);
        var start = Math.max(0, at - 60);
        return (start > 0 ? "\\u2026" : "") + text.slice(start, start + 160) + (start + 160 < text.length ? "\\u2026" : "");
      }
      function search(query) {
        var terms = words(query), hits = [];
        if (terms.length === 0 || !window.MLMD_SEARCH_INDEX) { return hits; }
        window.MLMD_SEARCH_INDEX.forEach(function (page) {
          page.sections.forEach(function (section) {
            var haystack = (page.title + " " + page.description + " " + (section.heading || "") + " " + section.text).toLowerCase();
            if (!terms.every(function (t) { return haystack.indexOf(t) >= 0; })) { return; }
            var score = 0;
            terms.forEach(function (t) {
              if (page.title.toLowerCase().indexOf(t) >= 0) { score += 3; }
              if ((section.heading || "").toLowerCase().indexOf(t) >= 0) { score += 2; }
              if (section.text.toLowerCase().indexOf(t) >= 0) { score += 1; }
            });
            hits.push({ page: page, section: section, score: score });
          });
        });
        hits.sort(function (a, b) { return b.score - a.score; });
        return hits.slice(0, 10).map(function (hit) {
          return {
            href: hit.page.href + (hit.section.id ? "#" + hit.section.id : ""),
            title: hit.page.title + (hit.section.heading ? " \\u203a " + hit.section.heading : ""),
            text: snippet(hit.section.text || hit.page.description, terms[0])
          };
        });
      }
      function show(list, query) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        var results = search(query);
        if (query.trim() !== "" && results.length === 0) {
          var none = document.createElement("li");
          none.textContent = "No lesson mentions that.";
          list.appendChild(none);
        }
        results.forEach(function (r) {
          var item = document.createElement("li"), link = document.createElement("a"), text = document.createElement("span");
          link.href = r.href;
          link.textContent = r.title;
          text.textContent = r.text;
          item.appendChild(link);
          item.appendChild(text);
          list.appendChild(item);
        });
      }
      function setUpSearch() {
        var form = document.getElementById("search-form"), input = document.getElementById("search"), list = document.getElementById("search-results");
        if (!form || !input || !list) { return; }
        form.hidden = false;
        form.addEventListener("submit", function (e) { e.preventDefault(); });
        input.addEventListener("input", function () { show(list, input.value); });
        var q = new URLSearchParams(window.location.search).get("q");
        if (q) { input.value = q; show(list, q); }
      }
      function setUpCopyButtons() {
        document.querySelectorAll("pre > code.language-mlm, pre > code.language-r").forEach(function (code) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "copy";
          button.textContent = "Copy";
          button.setAttribute("aria-label", "Copy this code");
          button.addEventListener("click", function () {
            if (!navigator.clipboard) { return; }
            navigator.clipboard.writeText(code.textContent).then(function () {
              button.textContent = "Copied";
              setTimeout(function () { button.textContent = "Copy"; }, 1500);
            });
          });
          code.parentNode.insertBefore(button, code);
        });
      }
      document.addEventListener("DOMContentLoaded", function () { setUpSearch(); setUpCopyButtons(); });
    })();

    """
}
