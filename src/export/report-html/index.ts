import type { Diagnostic } from "../../model/index.js";
import type { Report } from "../report.js";
import { termSpans } from "../review/highlight.js";
import type { ReviewModel } from "../review/model.js";
import type { ReportBead, ReportBeads } from "./collect.js";
import { CLIENT_JS, PAGE_CSS } from "./page.js";

export { BeadCollector, MAX_REPORT_BEADS, type ReportBeads } from "./collect.js";

/** What the page's script reads (embedded as JSON). */
export interface ReportData {
  title: string;
  created: string;
  reviewBelow: number;
  figures: Array<[string, string | number]>;
  /** The term table's columns: `terms.csv`'s, then the glossary status and note. */
  columns: string[];
  /** Per column: every value a number (sorted and filtered as numbers). */
  numeric: boolean[];
  terms: string[][];
  /** Per term: beads where the pair met (indices into `beads`, best first) and how many there were in all. */
  conc: number[][];
  cooc: number[];
  forms: Array<[string[], string[]]>;
  docs: ReportBeads["docs"];
  beads: ReportBead[];
  hist: number[];
  /** Beads of every document, whether the report holds them or not. */
  totalBeads: number;
  warnings: Array<Pick<Diagnostic, "severity" | "code" | "file" | "message"> & { line?: number; hint?: string }>;
}

/** Beads a chunk of the page's data holds. */
const BEAD_CHUNK = 250;

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** `terms.csv` columns the page shows in the concordance instead of the table. */
const IN_CONCORDANCE = new Set(["example_en", "example_zh"]);

/** Builds the page's data from the review model, the kept beads and the report. */
export function buildReportData(m: ReviewModel, beads: ReportBeads, report: Report & { inputs?: { unpaired?: Array<{ path: string; why: string }>; skipped?: unknown[] } }): ReportData {
  // The best example is the first line of the pair's concordance: the page need not carry it twice.
  const own = m.columns.filter((c) => !IN_CONCORDANCE.has(c));
  const columns = [...own, "status", "note"];
  const terms = m.terms.map((t) => [...own.map((c) => t.cells[c] ?? ""), t.status, t.note]);
  const numeric = columns.map((_, j) => terms.length > 0 && terms.every((r) => r[j] === "" || NUMBER.test(r[j]!)) && terms.some((r) => r[j] !== ""));
  const docs = beads.docs.map((d) => ({ ...d }));
  const rows = [...beads.rows];
  const docIndex = new Map(docs.map((d, k) => [d.name, k]));
  // Beads of documents the report does not show whole are added once each, for the concordances.
  const extra = new Map<string, number>();
  const conc = m.terms.map((t) =>
    t.meetings.map((mt) => {
      let d = docIndex.get(mt.doc);
      if (d === undefined) {
        d = docs.push({ name: mt.doc, beads: 0, first: 0, count: 0 }) - 1;
        docIndex.set(mt.doc, d);
      }
      const doc = docs[d]!;
      if (mt.bead < doc.count) return doc.first + mt.bead;
      const key = `${d}:${mt.bead}`;
      let k = extra.get(key);
      if (k === undefined) {
        k = rows.push([d, mt.bead, Number.isFinite(mt.score) ? mt.score : -1, "", mt.en, mt.zh]) - 1;
        extra.set(key, k);
      }
      return k;
    }),
  );
  const warnings: ReportData["warnings"] = [];
  for (const u of report.inputs?.unpaired ?? []) warnings.push({ severity: "warning", code: "not-found", file: u.path, message: `left out: ${u.why}` });
  for (const d of report.documents) for (const x of d.diagnostics) warnings.push({ severity: x.severity, code: x.code, file: x.file, message: x.message, ...(x.line !== undefined ? { line: x.line } : {}), ...(x.hint ? { hint: x.hint } : {}) });
  const rank = { error: 0, warning: 1, info: 2 } as const;
  warnings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return {
    title: `termbridge report — ${report.totals.documents} document(s)`,
    created: m.created,
    reviewBelow: m.reviewBelow,
    figures: m.figures,
    columns,
    numeric,
    terms,
    conc,
    cooc: m.terms.map((t) => t.cooc),
    forms: m.terms.map((t) => [t.forms.en, t.forms.zh]),
    docs,
    beads: rows,
    hist: beads.histogram,
    totalBeads: beads.total,
    warnings,
  };
}

/**
 * JSON safe inside a `<script>` element: `<`, `>` and `&` escaped as `\u003c` etc., so no text
 * of the corpus (`</script>`, `<!--`) can end the element; U+2028/9 escaped for old parsers.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * `report.html`: one self-contained page (inline CSS and script, data as embedded JSON, no
 * network): summary and score histogram, the term table (sort, search, filters, pages) whose
 * rows open their concordance, each document's alignment side by side with weak beads marked,
 * and the warnings. Rendering is paged, so the page opens at once for thousands of pairs.
 */
export function buildReportHtml(data: ReportData): string {
  const { beads, ...rest } = data;
  // Beads in chunks of their own: the browser parses the page in steps and the script reads a
  // chunk only when it shows one of its beads, so no single task grows with the corpus.
  const chunks: string[] = [];
  for (let k = 0; k < beads.length; k += BEAD_CHUNK) chunks.push(`<script type="application/json" id="beads-${k / BEAD_CHUNK}">${scriptJson(beads.slice(k, k + BEAD_CHUNK))}</script>\n`);
  const head = { ...rest, beadChunk: BEAD_CHUNK, beadCount: beads.length };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(data.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(data.title)}</h1><nav id="tabs"></nav></header>
<main id="main"></main>
<script type="application/json" id="data">${scriptJson(head)}</script>
${chunks.join("")}<script>
${termSpans.toString()}
${CLIENT_JS}
</script>
</body>
</html>
`;
}
