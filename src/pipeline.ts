import { alignByLength } from "./align/index.js";
import { alignWithEvidence, type AlignResources } from "./align/evidence.js";
import { buildReport, type Report } from "./export/report.js";
import { buildTmx, serializeTmx, type TmxStats } from "./export/tmx.js";
import { buildTermTable, serializeCsv, type CsvOptions } from "./export/csv.js";
import { countDocument, DEFAULT_LINK, emptyCounts, linkTerms, type LinkResources } from "./link/index.js";
import { glossaryFeedback, mergeGlossary, type MergeSummary } from "./glossary/merge.js";
import type { Glossary } from "./glossary/store.js";
import { documentMentions, TermCounter, type TermResources } from "./terms/index.js";
import { readMixed } from "./ingest/mixed.js";
import { readParallel } from "./ingest/parallel.js";
import { readTmx } from "./ingest/tmx.js";
import type { IngestResources } from "./ingest/words.js";
import type { AlignedDoc, Bitext, LinkExclusions, Sentence, SourceDoc, TermPair } from "./model/index.js";
import { resolveOptions, type Options } from "./options.js";
import { splitParagraph } from "./segment/index.js";
import { VERSION } from "./version.js";

/** One unit of work: a mixed bilingual file, a pair of monolingual files, or a TMX. */
export type Input =
  | { kind: "mixed"; src: SourceDoc }
  | { kind: "parallel"; en: SourceDoc; zh: SourceDoc; presplit: boolean }
  | { kind: "tmx"; src: SourceDoc };

/**
 * Engines and data loaded once per process and shared by every document. Without the
 * aligner's resources (jieba and the dictionary) alignment falls back to length alone.
 */
export type Resources = IngestResources & Partial<AlignResources> & Partial<TermResources> & Partial<Pick<LinkResources, "idf">>;

/** Term pairs of a corpus of aligned documents: candidates counted corpus-wide, then linked. */
export function extractTerms(docs: readonly AlignedDoc[], res: TermResources & LinkResources, exclude?: LinkExclusions): TermPair[] {
  const en = new TermCounter("en");
  const zh = new TermCounter("zh");
  const counts = emptyCounts();
  for (const d of docs) {
    const m = documentMentions(d, res);
    en.add(d.doc, m.en);
    zh.add(d.doc, m.zh);
    countDocument(counts, d, m);
  }
  return linkTerms(counts, en.candidates(), zh.candidates(), res, DEFAULT_LINK, exclude);
}

function termResources(res: Resources): (TermResources & LinkResources) | undefined {
  const { enTagger, zhTag, dict, idf } = res;
  if (!enTagger || !zhTag || !dict || !idf) return undefined;
  return { enTagger, zhTag, dict, idf, ...(res.zhLexicon ? { zhLexicon: res.zhLexicon } : {}) };
}

/** Aligns two sentence lists with every piece of evidence the resources allow. */
export function alignSentences(en: Sentence[], zh: Sentence[], res: Resources): AlignedDoc["beads"] {
  return res.cut && res.dict ? alignWithEvidence(en, zh, { cut: res.cut, dict: res.dict }) : alignByLength(en, zh);
}

/** Splits every paragraph into sentences (a presplit paragraph is one sentence). */
export function segmentBitext(bt: Bitext): { en: Sentence[]; zh: Sentence[] } {
  const split = (ps: Bitext["en"]): Sentence[] =>
    ps.flatMap((p, k) =>
      bt.presplit
        ? [{ doc: p.doc, lang: p.lang, text: p.text.trim(), start: p.map[0] ?? 0, end: (p.map[p.text.length - 1] ?? 0) + 1, line: p.line, paragraph: k }]
        : splitParagraph(p, k),
    );
  return { en: split(bt.en), zh: split(bt.zh) };
}

/** Reads an input into cleaned paragraphs (not for TMX, which is already aligned). */
export function ingest(input: Exclude<Input, { kind: "tmx" }>, res: Resources): Bitext {
  return input.kind === "mixed" ? readMixed(input.src, res) : readParallel(input.en, input.zh, res, { presplit: input.presplit });
}

/** Ingests, segments and aligns one input. */
export function alignInput(input: Input, res: Resources): AlignedDoc {
  if (input.kind === "tmx") return readTmx(input.src);
  const bt = ingest(input, res);
  const { en, zh } = segmentBitext(bt);
  return {
    doc: bt.doc,
    path: bt.path,
    encodings: bt.encodings,
    en,
    zh,
    beads: alignSentences(en, zh, res),
    diagnostics: bt.diagnostics,
    paragraphs: { en: bt.en.length, zh: bt.zh.length },
  };
}

export interface RunResult {
  docs: AlignedDoc[];
  tmx: string;
  tmxStats: TmxStats;
  report: Report;
  /** Linked term pairs, best first; empty when the resources hold no taggers. */
  terms: TermPair[];
  /** `terms.csv` (UTF-8 with BOM). */
  termsCsv: string;
  /** The glossary after this run's merge, when one was given. */
  glossary?: { glossary: Glossary; summary: MergeSummary; userDict: string };
}

/** The curated glossary a run reads and updates. */
export interface GlossaryRun {
  glossary: Glossary;
  /** New pairs scoring below this stay out of the glossary (they are still in terms.csv). */
  minScore: number;
}

/** The whole job for `termbridge run`: align every input, build the TMX, the term list and the report. */
export function run(inputs: readonly Input[], res: Resources, options: Options = {}, csv: CsvOptions = {}, glossary?: GlossaryRun): RunResult {
  const opts = resolveOptions(options);
  const now = opts.now();
  const docs = inputs.map((input) => ({ aligned: alignInput(input, res), kind: input.kind }));
  const aligned = docs.map((d) => d.aligned);
  const { model, stats } = buildTmx(aligned, { ...opts, now, toolVersion: VERSION });
  const report = buildReport(docs, stats, { version: VERSION, created: now, source: opts.srcLang, target: opts.tgtLang, reviewBelow: opts.reviewBelow });
  const tr = termResources(res);
  const before = glossary ? glossaryFeedback(glossary.glossary) : undefined;
  const terms = tr ? extractTerms(aligned, tr, before?.exclusions) : [];
  const result: RunResult = { docs: aligned, tmx: serializeTmx(model), tmxStats: stats, report, terms, termsCsv: serializeCsv(buildTermTable(terms), csv) };
  if (glossary) {
    const merged = mergeGlossary(glossary.glossary, terms, { today: now.toISOString().slice(0, 10), minScore: glossary.minScore });
    result.glossary = { ...merged, userDict: glossaryFeedback(merged.glossary).userDict };
  }
  return result;
}
