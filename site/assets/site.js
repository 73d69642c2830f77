// mlmd's page script: search over assets/search-index.js and copy buttons on code.
(function () {
  "use strict";
  function words(text) { return text.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; }); }
  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "\u2026" : "") + text.slice(start, start + 160) + (start + 160 < text.length ? "\u2026" : "");
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
        title: hit.page.title + (hit.section.heading ? " \u203a " + hit.section.heading : ""),
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
