// A synthetic run of a given size for the report's browser test and bench: documents of aligned
// beads (some weak, some one-sided) and linked term pairs with their best beads, made with a fixed
// seed, then taken through the same code as `termbridge run` (review model, bead collector, page).
import { buildReport, docReport } from "../dist/export/report.js";
import { buildTermTable } from "../dist/export/csv.js";
import { buildReviewModel } from "../dist/export/review/model.js";
import { BeadCollector, buildReportData, buildReportHtml } from "../dist/export/report-html/index.js";
import { MAX_MEETINGS } from "../dist/link/counts.js";

const WORDS = "policy trade river basin climate finance market health vaccine border treaty council summit energy grid water supply chain labour union court ruling".split(" ");
const HAN = "的国家发展合作经济贸易气候能源安全会议政策市场卫生疫苗边境条约理事会峰会电网供水链劳工工会法院裁决".split("");

/** Builds `{ html, data }` for `pairs` term pairs over `beads` beads in `docs` documents. */
export function syntheticReport({ pairs = 5000, beads = 20000, docs = 40, seed = 7 } = {}) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const en = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const zh = (n) => Array.from({ length: n }, () => pick(HAN)).join("");
  const terms = Array.from({ length: pairs }, (_, k) => ({ en: `${pick(WORDS)} ${pick(WORDS)} ${k}`, zh: `${zh(3)}${k}` }));
  const per = Math.ceil(beads / docs);
  const aligned = [];
  const where = []; // per term: beads it occurs in
  for (let d = 0; d < docs; d++) {
    const name = `corpus/doc-${String(d).padStart(3, "0")}.en.txt`;
    const sEn = [];
    const sZh = [];
    const bs = [];
    for (let b = 0; b < per && d * per + b < beads; b++) {
      const t = Math.floor(rand() * pairs);
      const oneSided = rand() < 0.02;
      const enText = `${en(6)} ${terms[t].en} ${en(10)}.`;
      const zhText = `${zh(8)}${terms[t].zh}${zh(12)}。`;
      const e = oneSided && rand() < 0.5 ? [] : [sEn.push({ doc: name, lang: "en", text: enText, start: 0, end: 1, line: b + 1, paragraph: b }) - 1];
      const z = oneSided && e.length ? [] : [sZh.push({ doc: name, lang: "zh", text: zhText, start: 0, end: 1, line: b + 1, paragraph: b }) - 1];
      const score = Math.round((rand() < 0.1 ? rand() * 0.5 : 0.5 + rand() * 0.5) * 1000) / 1000;
      bs.push({ en: e, zh: z, score });
      if (e.length && z.length) (where[t] ??= []).push({ doc: name, bead: bs.length - 1, score, en: enText, zh: zhText });
    }
    aligned.push({ doc: name, path: name, encodings: ["utf-8"], en: sEn, zh: sZh, beads: bs, diagnostics: d % 5 ? [] : [{ code: "dropped-noise", severity: "warning", file: name, line: 3, message: "a running header was dropped", hint: "nothing to do" }], paragraphs: { en: sEn.length, zh: sZh.length } });
  }
  const collector = new BeadCollector();
  const reports = aligned.map((a) => (collector.add(a), docReport(a, "parallel", 0.5)));
  const report = buildReport(reports, { units: beads, oneSided: 0, duplicates: 0, tooLong: 0, belowMinScore: 0, invalidCharsRemoved: 0 }, { version: "bench", created: new Date(0), source: "en-US", target: "zh-CN" });
  const termPairs = terms.map((t, k) => {
    const met = (where[k] ?? []).sort((a, b) => b.score - a.score).slice(0, MAX_MEETINGS);
    const best = met[0] ?? { doc: aligned[0].doc, bead: 0, score: 0, en: "", zh: "" };
    const cooc = Math.max(1, (where[k] ?? []).length);
    return {
      id: `t${k.toString(16).padStart(10, "0")}`, en: t.en, zh: t.zh, enKey: t.en, zhKey: t.zh, enVariants: [], zhVariants: [], score: Math.round(rand() * 1000) / 1000, enCount: cooc, zhCount: cooc, cooc,
      logDice: 14, llr: 10, dict: Math.round(rand() * 100) / 100, exampleEn: best.en, exampleZh: best.zh, source: { doc: best.doc, bead: best.bead }, docs: [...new Set(met.map((m) => m.doc))].sort(), docCount: new Set(met.map((m) => m.doc)).size, meetings: met,
    };
  });
  const statuses = ["candidate", "candidate", "candidate", "approved", "rejected", "forbidden"];
  const glossary = { entries: termPairs.filter((_, k) => k % 3 === 0).map((p, k) => ({ id: p.id, en: p.en, zh: p.zh, status: statuses[k % statuses.length], enVariants: [], zhVariants: [], score: "", enCount: "", zhCount: "", exampleEn: "", exampleZh: "", note: k % 7 ? "" : "see style guide", domain: "", firstSeen: "", lastSeen: "", updated: "", extra: {} })), extraColumns: [] };
  // A column terms.csv may gain (the linker's kind of term): added here unless it is there already, so
  // that the page is seen to take any column the table has.
  const table = buildTermTable(termPairs);
  const kinds = ["term", "name", "abbreviation", "phrase", "general"];
  // Synthetic pairs carry no kind of their own: give each one, so that the kind filter has values.
  const columns = table.columns.includes("kind") ? table.columns : [...table.columns, "kind"];
  const withKind = { columns, rows: table.rows.map((r, k) => ({ ...r, kind: r.kind || kinds[k % kinds.length] })) };
  const model = buildReviewModel({ terms: termPairs, table: withKind, glossary, report, reviewBelow: 0.5 });
  const data = buildReportData(model, collector.result(), report);
  return { html: buildReportHtml(data), data, model };
}
