import { entryKeys } from "../../glossary/merge.js";
import type { Glossary } from "../../glossary/store.js";
import type { BeadRef, GlossaryEntry, GlossaryStatus, TermPair } from "../../model/index.js";
import type { CsvTable } from "../csv.js";
import type { Report } from "../report.js";
import { termForms } from "./highlight.js";

/** One term pair as the reviewer sees it: its `terms.csv` row, its glossary decision and its beads. */
export interface ReviewTerm {
  /** The `terms.csv` cells, by column name. */
  cells: Readonly<Record<string, string>>;
  /** The pair's status in the glossary after this run (`candidate` when the glossary does not hold it). */
  status: GlossaryStatus;
  note: string;
  /** Whether the glossary holds the pair: an import then edits that entry instead of adding one. */
  inGlossary: boolean;
  /** Beads where the pair met, best first (bounded, see `MAX_MEETINGS`); `cooc` is how many there were. */
  meetings: BeadRef[];
  cooc: number;
  /** Forms to highlight in the beads. */
  forms: { en: string[]; zh: string[] };
}

/** A bead flagged for review (score below `--review-below`). */
export interface FlaggedBead {
  doc: string;
  /** 0-based bead index in its document. */
  bead: number;
  shape: string;
  score: number;
  line: number;
  en: string;
  zh: string;
}

/** Everything the workbook and the report show, built once from a run's typed results. */
export interface ReviewModel {
  /** Columns of `terms.csv`, in order: a column the linker adds flows through to every view. */
  columns: readonly string[];
  /** The best `MAX_REVIEW_TERMS` pairs. */
  terms: ReviewTerm[];
  /** All the run's pairs (`terms.csv` has every one). */
  totalTerms: number;
  flagged: FlaggedBead[];
  reviewBelow: number;
  /** The run's figures, label and value, for the About sheet and the summary. */
  figures: Array<[string, string | number]>;
  created: string;
}

/**
 * Pairs the workbook and the report hold at most, best first: beyond this a spreadsheet and a
 * page slow down, and the weakest pairs of a large corpus are seldom worth a reviewer's time
 * (`terms.csv` has them all).
 */
export const MAX_REVIEW_TERMS = 20_000;

/** The glossary entry a pair is, by id or by its terms among an entry's terms and variants (as the merge matches). */
export function glossaryMatcher(g: Glossary | undefined): (p: { id: string; en: string; zh: string }) => GlossaryEntry | undefined {
  const byId = new Map<string, GlossaryEntry>();
  const byPair = new Map<string, GlossaryEntry>();
  for (const e of g?.entries ?? []) {
    if (!byId.has(e.id)) byId.set(e.id, e);
    for (const k of entryKeys(e)) if (!byPair.has(k)) byPair.set(k, e);
  }
  return (p) => byId.get(p.id) ?? entryKeys({ en: p.en, zh: p.zh, enVariants: [], zhVariants: [] }).map((k) => byPair.get(k)).find(Boolean);
}

/** The beads a pair met in; a pair built without them (an older caller) has its one example. */
function meetingsOf(p: TermPair): BeadRef[] {
  return p.meetings ?? [{ doc: p.source.doc, bead: p.source.bead, score: Number.NaN, en: p.exampleEn, zh: p.exampleZh }];
}

export interface ReviewInput {
  terms: readonly TermPair[];
  /** `buildTermTable(terms)`: one row per pair, in the same order. */
  table: CsvTable;
  /** The glossary after this run's merge, when there is one. */
  glossary?: Glossary;
  report: Report;
  reviewBelow: number;
}

/** Builds the review model: one row per pair with its glossary status, the flagged beads, the run's figures. */
export function buildReviewModel(input: ReviewInput): ReviewModel {
  const match = glossaryMatcher(input.glossary);
  const terms = input.terms.slice(0, MAX_REVIEW_TERMS).map((p, k): ReviewTerm => {
    const e = match(p);
    return {
      cells: input.table.rows[k] ?? {},
      status: e?.status ?? "candidate",
      note: e?.note ?? "",
      inGlossary: e !== undefined,
      meetings: meetingsOf(p),
      cooc: p.cooc,
      forms: { en: termForms(p.en, p.enKey, p.enVariants, "en"), zh: termForms(p.zh, p.zhKey, p.zhVariants, "zh") },
    };
  });
  const flagged = input.report.documents.flatMap((d) => d.review.map((r) => ({ doc: d.doc, bead: r.bead, shape: r.shape, score: r.score, line: r.line, en: r.en, zh: r.zh })));
  const t = input.report.totals;
  const x = input.report.tmx;
  const status = new Map<string, number>();
  for (const r of terms) status.set(r.status, (status.get(r.status) ?? 0) + 1);
  const figures: Array<[string, string | number]> = [
    ["created", input.report.created],
    ["termbridge version", input.report.tool.version],
    ["languages", `${input.report.languages.source} → ${input.report.languages.target}`],
    ["documents", t.documents],
    ["English sentences", t.sentences.en],
    ["Chinese sentences", t.sentences.zh],
    ...Object.entries(t.beads).map(([shape, n]): [string, number] => [`beads ${shape}`, n]),
    ["translation units in memory.tmx", x.units],
    ["beads left out of the TMX", x.oneSided + x.duplicates + x.tooLong + x.belowMinScore],
    [`beads to review (score < ${input.reviewBelow})`, t.review],
    ["warnings", t.warnings],
    ["term pairs", input.terms.length],
    ...(input.terms.length > terms.length ? [[`term pairs in this review (the best; all are in terms.csv)`, terms.length] as [string, number]] : []),
    ...[...status].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, n]): [string, number] => [`term pairs ${s}`, n]),
  ];
  return { columns: input.table.columns, terms, totalTerms: input.terms.length, flagged, reviewBelow: input.reviewBelow, figures, created: input.report.created };
}
