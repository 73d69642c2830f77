/// The site's stylesheet: readable type, light and dark themes from the reader's system setting.
enum Stylesheet {
    static let css = """
    :root {
      color-scheme: light dark;
      --text: #1f2328; --muted: #59636e; --background: #ffffff; --surface: #f6f8fa;
      --border: #d1d9e0; --link: #0a58ca; --output: #eef4ee; --output-border: #9cc59c;
      --kw: #8250df; --str: #0a3069; --num: #0550ae; --com: #6e7781; --fn: #953800; --op: #cf222e;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6edf3; --muted: #9198a1; --background: #0d1117; --surface: #161b22;
        --border: #3d444d; --link: #6cb6ff; --output: #12261a; --output-border: #3f7f4f;
        --kw: #d2a8ff; --str: #a5d6ff; --num: #79c0ff; --com: #8b949e; --fn: #ffa657; --op: #ff7b72;
      }
    }
    * { box-sizing: border-box; }
    body {
      margin: 0; color: var(--text); background: var(--background);
      font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
      display: grid; grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
    }
    .lessons { padding: 1.5rem 1rem; border-right: 1px solid var(--border); background: var(--surface); }
    .lessons .home { font-weight: 600; text-decoration: none; }
    .lessons ol { padding-left: 1.2rem; }
    .lessons a[aria-current] { font-weight: 600; }
    .search { margin: 0.8rem 0; }
    .search label { display: block; font-size: 0.85rem; color: var(--muted); }
    .search input { width: 100%; font: inherit; font-size: 0.95rem; padding: 0.25rem 0.4rem; color: var(--text);
      background: var(--background); border: 1px solid var(--border); border-radius: 4px; }
    .search ul { list-style: none; padding: 0; margin: 0.4rem 0 0; font-size: 0.85rem; }
    .search li { margin: 0.4rem 0; }
    .search li span { display: block; color: var(--muted); }
    pre { position: relative; }
    .figure { margin: 1rem 0; }
    .figure .caption { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.9rem; }
    pre .copy { position: absolute; top: 0.35rem; right: 0.35rem; font: inherit; font-size: 0.75rem; padding: 0.1rem 0.45rem;
      color: var(--muted); background: var(--background); border: 1px solid var(--border); border-radius: 4px; cursor: pointer; }
    .content { max-width: 52rem; padding: 1.5rem 2rem 4rem; }
    a { color: var(--link); }
    h1, h2, h3 { line-height: 1.25; }
    .byline, .description { color: var(--muted); }
    pre {
      background: var(--surface); border: 1px solid var(--border); border-radius: 6px;
      padding: 0.75rem 1rem; overflow-x: auto; font-size: 0.85rem; line-height: 1.45;
    }
    pre code.language-output { display: block; }
    pre:has(> code.language-output) { background: var(--output); border-color: var(--output-border); }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
    .tok-kw { color: var(--kw); } .tok-str { color: var(--str); } .tok-num, .tok-const { color: var(--num); }
    .tok-com { color: var(--com); font-style: italic; } .tok-fn { color: var(--fn); } .tok-op { color: var(--op); }
    .toc { border-left: 3px solid var(--border); padding-left: 1rem; margin: 1rem 0 2rem; }
    .toc-title { font-weight: 600; margin: 0; }
    .toc ul { list-style: none; padding-left: 0; margin: 0.25rem 0 0; }
    .toc .toc-level3 { padding-left: 1rem; }
    .prev-next { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem;
                 border-top: 1px solid var(--border); padding-top: 1rem; }
    .prev-next .next { margin-left: auto; }
    ul.lesson-cards { list-style: none; padding: 0; display: grid; gap: 1rem; }
    ul.lesson-cards li { border: 1px solid var(--border); border-radius: 8px; padding: 1rem 1.25rem; }
    ul.lesson-cards h2 { margin: 0 0 0.25rem; font-size: 1.2rem; }
    ul.lesson-cards p { margin: 0; color: var(--muted); }
    table { border-collapse: collapse; }
    th, td { border: 1px solid var(--border); padding: 0.25rem 0.5rem; }
    img, svg { max-width: 100%; height: auto; }
    caption { caption-side: top; padding: 0.3rem 0; color: var(--muted); font-size: 0.9rem; }
    .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.1rem 0; }
    .equation { display: block; }
    details.code-fold { margin: 1rem 0; }
    details.code-fold > summary { cursor: pointer; color: var(--muted); font-size: 0.9rem; }
    details.code-fold > pre { margin-top: 0.4rem; }
    .footnotes { margin-top: 2.5rem; border-top: 1px solid var(--border); font-size: 0.9rem; color: var(--muted); }
    .source-link { margin-top: 2.5rem; font-size: 0.9rem; }
    @media (max-width: 48rem) {
      body { display: block; }
      .lessons { border-right: none; border-bottom: 1px solid var(--border); }
      .content { padding: 1rem; }
    }
    /* Printed lessons: the text and its code on white paper, without the site's navigation. */
    @media print {
      :root { color-scheme: light; --text: #000; --muted: #333; --background: #fff; --surface: #fff; --border: #999;
              --link: #000; --output: #fff; --output-border: #999; }
      body { display: block; font-size: 11pt; }
      .lessons, .toc, .prev-next, .source-link, pre .copy { display: none; }
      .content { max-width: none; padding: 0; }
      pre { white-space: pre-wrap; overflow: visible; break-inside: avoid; }
      .figure, table, .katex-display { break-inside: avoid; }
      details.code-fold > summary { display: none; }
      h2, h3 { break-after: avoid; }
    }

    """
}
