/** The report's style: plain, printable, readable in both scripts. */
export const PAGE_CSS = String.raw`
:root { --weak: #fff3cd; --bad: #f8d7da; --ok: #d1e7dd; --line: #ddd; --mark: #ffe066; font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif; }
body { margin: 0; color: #222; background: #fafafa; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 0.5rem 1rem 0; z-index: 2; }
h1 { font-size: 1.2rem; margin: 0 0 0.4rem; }
nav button { border: 1px solid var(--line); border-bottom: none; background: #eee; padding: 0.35rem 0.9rem; cursor: pointer; font: inherit; }
nav button.active { background: #fff; font-weight: 600; }
main { padding: 0.8rem 1rem 2rem; }
table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; font-size: 0.9rem; }
th { background: #f0f0f0; cursor: pointer; white-space: nowrap; position: sticky; top: 0; }
th.sorted-asc::after { content: " ▲"; } th.sorted-desc::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.term { cursor: pointer; } tr.term:hover { background: #eef4ff; } tr.term.open { background: #dbe7ff; }
tr.status-approved td { background: var(--ok); } tr.status-forbidden td { background: var(--bad); } tr.status-rejected td { color: #888; }
.controls { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin-bottom: 0.6rem; }
.controls input[type=search] { min-width: 18rem; }
.pager { margin: 0.5rem 0; display: flex; gap: 0.5rem; align-items: center; }
.scroll { overflow-x: auto; }
td.zh, #terms td:nth-child(2) { white-space: nowrap; }
.split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
#conc { background: #fff; border: 1px solid var(--line); padding: 0.6rem; position: sticky; top: 5rem; max-height: 80vh; overflow: auto; }
.conc-line { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
.conc-line .where { font-size: 0.8rem; color: #666; }
mark { background: var(--mark); padding: 0 1px; }
tr.weak td { background: var(--weak); } tr.weak td.score { font-weight: 600; color: #a15c00; }
tr.onesided td { color: #777; font-style: italic; }
tr.target td { outline: 2px solid #3b6fd8; }
#align { table-layout: fixed; } #align th:nth-child(-n+3) { width: 4rem; } #align td.en, #align td.zh { width: 45%; }
#histogram rect.bar { fill: #6c8ebf; } #histogram rect.bar.low { fill: #e0a030; }
#histogram text { font-size: 10px; fill: #444; }
.figures td:first-child { color: #555; } .figures { width: auto; }
.sev-error td:first-child { color: #b00020; font-weight: 600; } .sev-warning td:first-child { color: #a15c00; }
.muted { color: #777; }
`;

/**
 * The page's script (plain JavaScript, run in the browser). Views are built when first shown
 * and every list is paged, so no task takes long whatever the corpus. Corpus text only ever
 * reaches the page through `textContent`, never as markup.
 */
export const CLIENT_JS = String.raw`
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("data").textContent);
  const TERM_PAGE = 100, BEAD_PAGE = 200, WARN_PAGE = 200;
  // Beads come in chunks, each parsed the first time one of its beads is shown.
  const chunks = [];
  function bead(k) {
    const c = Math.floor(k / D.beadChunk);
    if (!chunks[c]) chunks[c] = JSON.parse(document.getElementById("beads-" + c).textContent);
    return chunks[c][k % D.beadChunk];
  }
  /** Long evidence columns: shown in the concordance, not in the table. */
  const HIDDEN = new Set(["example_en", "example_zh", "docs", "source", "id"]);

  function el(tag, props, kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (k === "className") e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of kids || []) if (c != null) e.append(c);
    return e;
  }
  function marked(text, forms, lang) {
    const f = document.createDocumentFragment();
    let at = 0;
    for (const [a, b] of termSpans(text, forms, lang)) {
      if (a > at) f.append(text.slice(at, a));
      f.append(el("mark", { text: text.slice(a, b) }));
      at = b;
    }
    f.append(text.slice(at));
    return f;
  }
  function pager(total, size, page, go) {
    const pages = Math.max(1, Math.ceil(total / size));
    return el("div", { className: "pager" }, [
      el("button", { text: "‹ previous", onclick: () => go(page - 1), ...(page <= 0 ? { disabled: "" } : {}) }),
      el("span", { className: "page-of", text: "page " + (page + 1) + " of " + pages }),
      el("button", { text: "next ›", onclick: () => go(page + 1), ...(page >= pages - 1 ? { disabled: "" } : {}) }),
    ]);
  }
  const fmt = (x) => (typeof x === "number" ? x.toLocaleString("en") : String(x));
  const score = (s) => (s < 0 ? "" : s.toFixed(2));

  // ---- tabs: each view is built the first time it is shown
  const views = {};
  const built = {};
  const nav = document.getElementById("tabs");
  const main = document.getElementById("main");
  const TABS = [
    ["summary", "Summary", summaryView],
    ["terms", "Terms (" + fmt(D.terms.length) + ")", termsView],
    ["alignment", "Alignment", alignmentView],
    ["warnings", "Warnings (" + fmt(D.warnings.filter((w) => w.severity !== "info").length) + ")", warningsView],
  ];
  function show(name) {
    for (const [n] of TABS) {
      if (!built[n] && n === name) { views[n] = el("section", { id: "view-" + n }); TABS.find((t) => t[0] === n)[2](views[n]); main.append(views[n]); built[n] = true; }
      if (views[n]) views[n].hidden = n !== name;
      nav.querySelector('[data-tab="' + n + '"]').classList.toggle("active", n === name);
    }
  }
  for (const [n, label] of TABS) nav.append(el("button", { text: label, "data-tab": n, onclick: () => show(n) }));

  // ---- summary: figures and the histogram of bead scores
  function summaryView(root) {
    root.append(el("h2", { text: "Run" }));
    root.append(el("table", { className: "figures" }, D.figures.map(([k, v]) => el("tr", {}, [el("td", { text: k }), el("td", { className: typeof v === "number" ? "num" : "", text: fmt(v) })]))));
    root.append(el("h2", { text: "Bead scores (two-sided beads, " + fmt(D.hist.reduce((a, b) => a + b, 0)) + ")" }));
    const W = 640, H = 180, n = D.hist.length, max = Math.max(1, ...D.hist), bw = W / n;
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("id", "histogram"); svg.setAttribute("width", W + 40); svg.setAttribute("height", H + 30);
    D.hist.forEach((c, k) => {
      const h = Math.round((c / max) * H);
      const r = document.createElementNS(NS, "rect");
      r.setAttribute("class", "bar" + ((k + 1) / n <= D.reviewBelow ? " low" : ""));
      r.setAttribute("x", 20 + k * bw + 1); r.setAttribute("y", H - h); r.setAttribute("width", bw - 2); r.setAttribute("height", h);
      const t = document.createElementNS(NS, "title"); t.textContent = (k / n).toFixed(2) + "–" + ((k + 1) / n).toFixed(2) + ": " + c + " beads"; r.append(t);
      svg.append(r);
    });
    for (let k = 0; k <= n; k += n / 4) {
      const t = document.createElementNS(NS, "text"); t.setAttribute("x", 20 + k * bw - 8); t.setAttribute("y", H + 14); t.textContent = (k / n).toFixed(2); svg.append(t);
    }
    root.append(svg, el("p", { className: "muted", text: "Orange: below the review threshold " + D.reviewBelow + ". The report holds " + fmt(D.beadCount) + " of " + fmt(D.totalBeads) + " beads; memory.tmx holds them all." }));
  }

  // ---- terms: sort, search, filters, pages; a row opens its concordance
  function termsView(root) {
    const cols = D.columns;
    const shown = cols.map((c, j) => j).filter((j) => !HIDDEN.has(cols[j]));
    const scoreCol = cols.indexOf("score");
    // Filter drop-downs: status, kind, and any other column of a few short values.
    const facets = cols.map((c, j) => j).filter((j) => {
      if (D.numeric[j] || HIDDEN.has(cols[j]) || cols[j] === "en" || cols[j] === "zh" || cols[j] === "note") return false;
      const vals = new Set(D.terms.map((r) => r[j]));
      return cols[j] === "status" || cols[j] === "kind" || (vals.size > 1 && vals.size <= 8 && [...vals].every((v) => v !== "" && v.length <= 20));
    });
    const state = { q: "", min: 0, facet: {}, sort: -1, desc: false, page: 0, open: -1 };
    let hay = null;
    let typing = 0; // a search waits for a pause in typing, not every key
    const search = el("input", { type: "search", id: "search", placeholder: "search terms, variants, notes, ids…", oninput: (e) => { clearTimeout(typing); typing = setTimeout(() => { state.q = e.target.value.trim().toLowerCase(); state.page = 0; update(); }, 120); } });
    const controls = el("div", { className: "controls" }, [search]);
    for (const j of facets) {
      const vals = [...new Set(D.terms.map((r) => r[j]))].sort();
      controls.append(el("label", { text: cols[j] + " " }, [el("select", { id: "filter-" + cols[j], onchange: (e) => { state.facet[j] = e.target.value; state.page = 0; update(); } }, [el("option", { value: "", text: "all" }), ...vals.map((v) => el("option", { value: v, text: v || "(empty)" }))])]));
    }
    if (scoreCol >= 0) controls.append(el("label", { text: "score ≥ " }, [el("input", { type: "number", id: "min-score", min: "0", max: "1", step: "0.05", value: "0", oninput: (e) => { state.min = Number(e.target.value) || 0; state.page = 0; update(); } })]));
    const count = el("span", { id: "term-count", className: "muted" });
    controls.append(count);
    const thead = el("tr", {}, shown.map((j) => el("th", { text: cols[j], "data-col": cols[j], onclick: () => { state.desc = state.sort === j ? !state.desc : D.numeric[j]; state.sort = j; state.page = 0; update(); } })));
    const tbody = el("tbody");
    const pagerBox = el("div");
    const conc = el("aside", { id: "conc" }, [el("p", { className: "muted", text: "Click a pair to see every bead where it occurs." })]);
    root.append(controls, el("div", { className: "split" }, [el("div", { className: "scroll" }, [el("table", { id: "terms" }, [el("thead", {}, [thead]), tbody]), pagerBox]), conc]));

    function rowsNow() {
      // Search what the table shows (and the id): the examples would match every pair of a common word.
      if (state.q && !hay) hay = D.terms.map((r) => r.filter((_, j) => !HIDDEN.has(cols[j]) || cols[j] === "id").join("\u0001").toLowerCase());
      let idx = [];
      for (let i = 0; i < D.terms.length; i++) {
        const r = D.terms[i];
        if (state.q && !hay[i].includes(state.q)) continue;
        if (scoreCol >= 0 && state.min > 0 && !(Number(r[scoreCol]) >= state.min)) continue;
        let ok = true;
        for (const j in state.facet) if (state.facet[j] && r[j] !== state.facet[j]) { ok = false; break; }
        if (ok) idx.push(i);
      }
      if (state.sort >= 0) {
        const j = state.sort, num = D.numeric[j], s = state.desc ? -1 : 1;
        idx.sort((a, b) => {
          const x = D.terms[a][j], y = D.terms[b][j];
          const c = num ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
          return s * c || a - b;
        });
      }
      return idx;
    }
    function update() {
      const idx = rowsNow();
      const pages = Math.max(1, Math.ceil(idx.length / TERM_PAGE));
      state.page = Math.min(Math.max(0, state.page), pages - 1);
      count.textContent = fmt(idx.length) + " of " + fmt(D.terms.length) + " pairs";
      thead.querySelectorAll("th").forEach((th, k) => { th.className = shown[k] === state.sort ? (state.desc ? "sorted-desc" : "sorted-asc") : ""; });
      const frag = document.createDocumentFragment();
      for (const i of idx.slice(state.page * TERM_PAGE, (state.page + 1) * TERM_PAGE)) {
        const r = D.terms[i];
        const st = r[cols.indexOf("status")];
        frag.append(el("tr", { className: "term status-" + st + (i === state.open ? " open" : ""), "data-index": i, onclick: () => openConc(i) }, shown.map((j) => el("td", { className: D.numeric[j] ? "num" : "", text: r[j] }))));
      }
      tbody.replaceChildren(frag);
      pagerBox.replaceChildren(pager(idx.length, TERM_PAGE, state.page, (p) => { state.page = p; update(); }));
    }
    function openConc(i) {
      state.open = i;
      tbody.querySelectorAll("tr.open").forEach((tr) => tr.classList.remove("open"));
      const tr = tbody.querySelector('tr[data-index="' + i + '"]');
      if (tr) tr.classList.add("open");
      const r = D.terms[i];
      const [enForms, zhForms] = D.forms[i];
      const at = (c) => r[cols.indexOf(c)] ?? "";
      const list = D.conc[i];
      conc.replaceChildren(
        el("h2", { className: "conc-title", text: at("en") + " — " + at("zh") }),
        el("p", { className: "muted", text: "status " + at("status") + (at("note") ? " · note: " + at("note") : "") + " · met in " + fmt(D.cooc[i]) + " bead(s); " + (list.length < D.cooc[i] ? "the best " + list.length + " shown" : "all shown") }),
        ...list.map((k) => {
          const [d, b, s, , en, zh] = bead(k);
          const doc = D.docs[d];
          const where = el("div", { className: "where" }, [doc.name + " #" + (b + 1) + (s >= 0 ? " · score " + s.toFixed(2) : "") + " "]);
          if (b < doc.count) where.append(el("a", { href: "#", text: "in context", onclick: (e) => { e.preventDefault(); openBead(d, b); } }));
          return el("div", { className: "conc-line" }, [where, el("div", { className: "en" }, [marked(en, enForms, "en")]), el("div", { className: "zh" }, [marked(zh, zhForms, "zh")])]);
        }),
      );
    }
    update();
  }

  // ---- alignment: one document at a time, side by side, weak beads marked
  let goToBead = () => {};
  function alignmentView(root) {
    const state = { doc: D.docs.findIndex((d) => d.count > 0), weak: false, page: 0, target: -1 };
    const select = el("select", { id: "doc", onchange: (e) => { state.doc = Number(e.target.value); state.page = 0; state.target = -1; update(); } },
      D.docs.map((d, k) => el("option", { value: k, text: d.name + " (" + fmt(d.beads) + " beads" + (d.count ? ")" : ", not in the report)"), ...(d.count ? {} : { disabled: "" }) })));
    const weak = el("input", { type: "checkbox", id: "weak-only", onchange: (e) => { state.weak = e.target.checked; state.page = 0; update(); } });
    const info = el("span", { className: "muted", id: "align-count" });
    const tbody = el("tbody");
    const pagerBox = el("div");
    root.append(el("div", { className: "controls" }, [select, el("label", {}, [weak, " weak beads only (score < " + D.reviewBelow + ")"]), info]),
      el("table", { id: "align" }, [el("thead", {}, [el("tr", {}, ["#", "score", "shape", "English", "Chinese"].map((h) => el("th", { text: h })))]), tbody]), pagerBox);
    function rows() {
      const d = D.docs[state.doc];
      if (!d || !d.count) return [];
      const out = [];
      for (let k = d.first; k < d.first + d.count; k++) {
        const b = bead(k);
        if (!state.weak || (b[2] < D.reviewBelow && b[4] && b[5])) out.push(k);
      }
      return out;
    }
    function update() {
      select.value = String(state.doc);
      const idx = rows();
      const pages = Math.max(1, Math.ceil(idx.length / BEAD_PAGE));
      state.page = Math.min(Math.max(0, state.page), pages - 1);
      info.textContent = fmt(idx.length) + " bead(s)";
      const frag = document.createDocumentFragment();
      let target = null;
      for (const k of idx.slice(state.page * BEAD_PAGE, (state.page + 1) * BEAD_PAGE)) {
        const [, b, s, shape, en, zh] = bead(k);
        const two = en && zh;
        const tr = el("tr", { className: (two && s < D.reviewBelow ? "weak" : "") + (two ? "" : " onesided") + (k === state.target ? " target" : ""), "data-bead": b }, [
          el("td", { className: "num", text: String(b + 1) }), el("td", { className: "num score", text: score(s) }), el("td", { text: shape }), el("td", { className: "en", text: en }), el("td", { className: "zh", text: zh }),
        ]);
        if (k === state.target) target = tr;
        frag.append(tr);
      }
      tbody.replaceChildren(frag);
      pagerBox.replaceChildren(pager(idx.length, BEAD_PAGE, state.page, (p) => { state.page = p; update(); }));
      if (target) target.scrollIntoView({ block: "center" });
    }
    goToBead = (d, b) => {
      state.doc = d; state.weak = false; weak.checked = false;
      state.target = D.docs[d].first + b;
      state.page = Math.floor(b / BEAD_PAGE);
      show("alignment");
      update();
    };
    update();
  }
  // The concordance may ask for the alignment before its tab was ever opened.
  function openBead(d, b) { if (!built.alignment) show("alignment"); goToBead(d, b); }

  // ---- warnings
  function warningsView(root) {
    let page = 0;
    const tbody = el("tbody");
    const pagerBox = el("div");
    root.append(el("table", { id: "warnings" }, [el("thead", {}, [el("tr", {}, ["severity", "where", "what", "what to do"].map((h) => el("th", { text: h })))]), tbody]), pagerBox);
    function update() {
      tbody.replaceChildren(...D.warnings.slice(page * WARN_PAGE, (page + 1) * WARN_PAGE).map((w) =>
        el("tr", { className: "sev-" + w.severity }, [el("td", { text: w.severity }), el("td", { text: w.file + (w.line ? ":" + w.line : "") }), el("td", { text: w.message }), el("td", { text: w.hint || "" })])));
      pagerBox.replaceChildren(pager(D.warnings.length, WARN_PAGE, page, (p) => { page = p; update(); }));
    }
    if (D.warnings.length === 0) root.append(el("p", { text: "No warnings." }));
    update();
  }

  show("summary");
  window.termbridgeReport = { ready: performance.now(), show };
})();
`;
