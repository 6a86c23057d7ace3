import type { AlignedDoc, Diagnostic } from "../model/index.js";
import type { TmxStats } from "./tmx.js";

/** Figures for one input document. */
export interface DocReport {
  doc: string;
  path: string;
  kind: "mixed" | "parallel" | "tmx";
  encodings: string[];
  paragraphs: { en: number; zh: number };
  sentences: { en: number; zh: number };
  /** Bead counts by shape, `"en-zh"` (e.g. `"2-1"`), keys sorted. */
  beads: Record<string, number>;
  /** Two-sided beads scoring below the review threshold, for a reviewer to check first. */
  review: Array<{ bead: number; shape: string; score: number; line: number; en: string; zh: string }>;
  diagnostics: Diagnostic[];
}

/** `report.json`: what went in, what came out, and every problem found on the way. */
export interface Report {
  tool: { name: "termbridge"; version: string };
  created: string;
  languages: { source: string; target: string };
  documents: DocReport[];
  totals: { documents: number; sentences: { en: number; zh: number }; beads: Record<string, number>; warnings: number; review: number };
  /** Every warning of every document (also under its document's `diagnostics`), in document order, each with what to do (`hint`). */
  warnings: Diagnostic[];
  tmx: TmxStats & { file?: string };
  /** Problems of the run as a whole (not of one document), when there are any: terms written in both Chinese scripts. */
  diagnostics?: Diagnostic[];
}

/**
 * A document with at least this many two-sided beads, more than {@link LOW_SCORE_SHARE} of
 * them below the review threshold, gets a `low-scores` warning: its sides are probably not
 * translations of each other, or its paragraphs or sentences came out wrong.
 */
export const LOW_SCORE_MIN_BEADS = 10;
export const LOW_SCORE_SHARE = 0.5;

/** The `low-scores` warning of a document, if most of its beads score low. */
export function lowScores(d: AlignedDoc, reviewBelow: number): Diagnostic[] {
  // A TMX comes aligned by a person: its scores say nothing about our reading of it.
  if (d.units) return [];
  const two = d.beads.filter((b) => b.en.length && b.zh.length);
  const low = two.filter((b) => b.score < reviewBelow).length;
  if (two.length < LOW_SCORE_MIN_BEADS || low <= LOW_SCORE_SHARE * two.length) return [];
  return [
    {
      code: "low-scores",
      severity: "warning",
      message: `${low} of ${two.length} beads score below ${reviewBelow}: the two sides may not be translations of each other, or paragraphs and sentences came out wrong`,
      file: d.path,
      hint: "check the sentences with 'termbridge segment FILE' (a PDF extraction: try 'pdftotext -layout' or blank lines between paragraphs) and that the English and Chinese are the same document",
    },
  ];
}

function beadCounts(doc: AlignedDoc): Record<string, number> {
  const counts = new Map<string, number>();
  for (const b of doc.beads) {
    const k = `${b.en.length}-${b.zh.length}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The report's figures for one aligned document (all a corpus run keeps of it). */
export function docReport(d: AlignedDoc, kind: DocReport["kind"], reviewBelow: number): DocReport {
  return {
    doc: d.doc,
    path: d.path,
    kind,
    encodings: d.encodings,
    paragraphs: d.paragraphs,
    sentences: { en: d.en.length, zh: d.zh.length },
    beads: beadCounts(d),
    review: d.beads.flatMap((b, k) =>
      b.en.length && b.zh.length && b.score < reviewBelow
        ? [{ bead: k, shape: `${b.en.length}-${b.zh.length}`, score: b.score, line: d.en[b.en[0]!]!.line, en: b.en.map((i) => d.en[i]!.text).join(" "), zh: b.zh.map((j) => d.zh[j]!.text).join("") }]
        : [],
    ),
    diagnostics: [...d.diagnostics, ...lowScores(d, reviewBelow)],
  };
}

/** Builds the run report from the documents' figures and the TMX export figures. */
export function buildReport(documents: readonly DocReport[], tmx: TmxStats, meta: { version: string; created: Date; source: string; target: string }): Report {
  const beads = new Map<string, number>();
  for (const r of documents) for (const [k, v] of Object.entries(r.beads)) beads.set(k, (beads.get(k) ?? 0) + v);
  return {
    tool: { name: "termbridge", version: meta.version },
    created: meta.created.toISOString(),
    languages: { source: meta.source, target: meta.target },
    documents: [...documents],
    totals: {
      documents: documents.length,
      sentences: {
        en: documents.reduce((a, r) => a + r.sentences.en, 0),
        zh: documents.reduce((a, r) => a + r.sentences.zh, 0),
      },
      beads: Object.fromEntries([...beads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      warnings: documents.reduce((a, r) => a + r.diagnostics.filter((x) => x.severity !== "info").length, 0),
      review: documents.reduce((a, r) => a + r.review.length, 0),
    },
    warnings: documents.flatMap((r) => r.diagnostics.filter((x) => x.severity !== "info")),
    tmx,
  };
}
