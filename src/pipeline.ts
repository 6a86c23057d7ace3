import { alignByLength } from "./align/index.js";
import { alignWithEvidence, type AlignResources, type SentenceVectors } from "./align/evidence.js";
import type { SentenceEncoder } from "./align/embeddings.js";
import { buildReport, docReport, type DocReport, type Report } from "./export/report.js";
import { TMX_TAIL, TmxBuilder, tmxHead, tmxUnit, type TmxStats } from "./export/tmx.js";
import { buildTermTable, serializeCsv, type CsvOptions } from "./export/csv.js";
import { countDocument, DEFAULT_LINK, emptyCounts, linkTerms, type LinkResources } from "./link/index.js";
import { documentPartial, emptyPartial, mergeInto, type CorpusPartial } from "./corpus/partial.js";
import { glossaryFeedback, mergeGlossary, type MergeSummary } from "./glossary/merge.js";
import { applyCorrections, type AlignmentCorrection } from "./glossary/corrections.js";
import { BeadCollector, type ReportBeads } from "./export/report-html/collect.js";
import type { Glossary } from "./glossary/store.js";
import { enDocMentions, shareStrings, spotTerms, TermCounter, zhDocMentions, type TermResources } from "./terms/index.js";
import type { ZhToken } from "./terms/zh/jieba.js";
import { readMixed } from "./ingest/mixed.js";
import { readParallel } from "./ingest/parallel.js";
import { refuseLongLines } from "./ingest/encoding.js";
import { readTmx, readTmxChunks, type TmxSource } from "./ingest/tmx.js";
import { detectScript, toSimplified } from "./ingest/zhscript.js";
import type { IngestResources } from "./ingest/words.js";
import type { AlignedDoc, Bitext, Diagnostic, DocMentions, LinkExclusions, Mention, Sentence, SourceDoc, TermPair } from "./model/index.js";
import { resolveOptions, type Options } from "./options.js";
import { segmentParagraphs } from "./segment/index.js";
import { VERSION } from "./version.js";

/** A TMX whose text comes in pieces (a large file decoded a block at a time): see `readTmxChunks`. */
export type StreamedTmx = TmxSource & { chunks: () => Iterable<string> };

/** One unit of work: a mixed bilingual file, a pair of monolingual files, or a TMX (whole or streamed). */
export type Input =
  | { kind: "mixed"; src: SourceDoc; inFolder?: boolean }
  | { kind: "parallel"; en: SourceDoc; zh: SourceDoc; presplit: boolean; named?: boolean }
  | { kind: "tmx"; src: SourceDoc | StreamedTmx };

/**
 * Engines and data loaded once per process and shared by every document. Without the
 * aligner's resources (jieba and the dictionary) alignment falls back to length alone.
 */
export type Resources = IngestResources & Partial<Pick<AlignResources, "dict">> & Partial<TermResources> & Partial<Pick<LinkResources, "idf">>;

/** Term pairs of a corpus of analysed documents (`analyseInput`): candidates counted corpus-wide, then linked. */
export function extractTerms(docs: readonly Analysed[], res: LinkResources, exclude?: LinkExclusions): TermPair[] {
  const en = new TermCounter("en");
  const zh = new TermCounter("zh");
  const counts = emptyCounts();
  for (const { aligned, mentions } of docs) {
    if (!mentions) continue;
    en.add(aligned.doc, mentions.en);
    zh.add(aligned.doc, mentions.zh);
    countDocument(counts, aligned, mentions);
  }
  return linkTerms(counts, en.candidates(), zh.candidates(), res, DEFAULT_LINK, exclude);
}

/** The dictionary and IDF table linking needs, when the resources hold them. */
export function linkResourcesOf(res: Resources): LinkResources | undefined {
  return res.dict && res.idf ? { dict: res.dict, idf: res.idf } : undefined;
}

/** A document read and split into sentences, not yet aligned (a TMX comes aligned). */
export type SegmentedDoc = Omit<AlignedDoc, "beads"> & { beads?: AlignedDoc["beads"]; zhMatch?: string[] };

/** Jieba's words and tags for each Chinese sentence of a document, in order. */
export type ZhTokens = readonly (readonly ZhToken[])[];

/** One document's result before counting: aligned, and its term mentions found (when the taggers are there). */
export interface Analysed {
  aligned: AlignedDoc;
  mentions: DocMentions | undefined;
}

/** Reads and splits one input into sentences; the Chinese script is told (see `guardScript`). */
export function segmentInput(input: Input, res: Resources): SegmentedDoc {
  if (input.kind === "tmx") return guardScript("text" in input.src ? readTmx(input.src) : readTmxChunks(input.src, input.src.chunks()));
  const bt = ingest(input, res);
  const { en, zh } = segmentBitext(bt);
  return guardScript({ doc: bt.doc, path: bt.path, encodings: bt.encodings, en, zh, diagnostics: bt.diagnostics, paragraphs: { en: bt.en.length, zh: bt.zh.length } });
}

/**
 * Simplified/Traditional guard. jieba and the dictionaries know Simplified only: a document in
 * Traditional is tagged, aligned and matched through a Simplified copy of each sentence (same
 * length, so every offset holds), while its own characters go to the TMX, terms.csv and the
 * glossary. A TMX's own Traditional label counts as well as the text; a document mixing both
 * scripts is reported.
 */
function guardScript(seg: SegmentedDoc): SegmentedDoc {
  const found = detectScript(seg.zh.map((s) => s.text));
  const hant = seg.zhScript === "hant" || found.script === "hant";
  if (found.mixed) {
    seg.diagnostics.push({
      code: "mixed-script",
      severity: "warning",
      message: `the Chinese mixes Simplified and Traditional characters (${found.hans} and ${found.hant} of the frequent ones that differ); it is read as ${hant ? "Traditional" : "Simplified"}`,
      file: seg.path,
      hint: "convert the document to one script, or check that the right files were paired",
    });
  }
  if (!hant) return seg;
  seg.zhScript = "hant";
  seg.zhMatch = seg.zh.map((s) => toSimplified(s.text));
  seg.diagnostics.push({ code: "traditional-chinese", severity: "info", message: "the Chinese is Traditional: it is segmented and matched through a Simplified copy, and written as it is", file: seg.path });
  return seg;
}

/** The Chinese sentence texts jieba and the matchers see: the Simplified copies of a Traditional document. */
const zhForMatching = (seg: SegmentedDoc): string[] => seg.zhMatch ?? seg.zh.map((s) => s.text);

/** English term mentions of each sentence (one compromise parse each), when the resources hold the tagger. */
export function englishMentions(seg: SegmentedDoc, res: Resources): Mention[][] | undefined {
  return res.enTagger ? enDocMentions(seg.en, res.enTagger) : undefined;
}

/**
 * Finishes a document whose Chinese sentences are tagged: the aligner reads jieba's words
 * from the same tagging the term extractor reads (each sentence is cut once), and the
 * Chinese mentions are found. Without tags (no jieba) alignment falls back to length.
 */
export function completeInput(seg: SegmentedDoc, zhTokens: ZhTokens | undefined, en: Mention[][] | undefined, res: Resources, vectors?: SentenceVectors): Analysed {
  const words = zhTokens ? new Map(seg.zh.map((s, j) => [s.text, zhTokens[j]!.map((t) => t.word)])) : undefined;
  // A cut is only ever asked for a sentence of this document, so the map holds every answer.
  const cut = words ? (text: string): string[] => words.get(text) ?? [] : undefined;
  const { zhMatch, ...doc } = seg;
  const aligned: AlignedDoc = { ...doc, beads: seg.beads ?? (cut && res.dict ? alignWithEvidence(seg.en, seg.zh, { cut, dict: res.dict, ...(vectors ? { vectors } : {}) }) : alignByLength(seg.en, seg.zh)) };
  // Translation spotting needs the beads: recurring terms get the other side's span that goes with them.
  return { aligned, mentions: en && zhTokens ? spotMentions(aligned, seg, zhMatch, en, zhTokens, res) : undefined };
}

/**
 * Term mentions of an aligned document, spotted over its beads. The Chinese is matched on the
 * sentences jieba saw (the Simplified copies of a Traditional document: their keys match the
 * dictionary and the glossary), and each Chinese surface is taken back from the document's own
 * text at the same offsets.
 */
function spotMentions(aligned: AlignedDoc, seg: SegmentedDoc, zhMatch: string[] | undefined, en: Mention[][], zhTokens: ZhTokens, res: Resources): DocMentions {
  const seen = zhMatch ? { ...aligned, zh: aligned.zh.map((s, j) => ({ ...s, text: zhMatch[j]! })) } : aligned;
  const found = spotTerms(seen, { doc: seg.doc, en, zh: zhDocMentions(seen.zh, zhTokens, res.zhLexicon) }, zhTokens);
  if (!zhMatch) return found;
  return { ...found, zh: found.zh.map((ms, j) => ms.map((m) => ({ ...m, surface: seg.zh[j]!.text.slice(m.start, m.end) }))) };
}

/** Tags every Chinese sentence with the resources' jieba, when there is one. */
function tagLocally(seg: SegmentedDoc, res: Resources): ZhTokens | undefined {
  return res.zhTag ? zhForMatching(seg).map((t) => res.zhTag!(t)) : undefined;
}

/** One document's whole work in this thread: read, split, tag, align, find mentions. */
export function analyseInput(input: Input, res: Resources): Analysed {
  const seg = segmentInput(input, res);
  return completeInput(seg, tagLocally(seg, res), englishMentions(seg, res), res);
}

/** The parts of a document's analysis that other threads or processes do. */
export interface Helpers {
  /** Jieba's tagging of the Chinese sentences (another thread or process holds jieba). */
  tagZh(texts: string[]): Promise<ZhTokens>;
  /** Wait for the tags before the English parse: the tagger may then be let go (see the CLI's tagging process). */
  tagsFirst?: boolean;
  /** The English mentions of each text, parsed here and in other threads; by default all here. */
  enMentions?(texts: string[]): Promise<Mention[][]>;
}

/**
 * The same work with Chinese tagged elsewhere: the English parse, the slow part, runs while the
 * Chinese is being tagged, unless `tagsFirst`.
 */
export async function analyseInputWith(input: Input, res: Resources, helpers: Helpers): Promise<Analysed> {
  const seg = segmentInput(input, res);
  const tags = seg.zh.length ? helpers.tagZh(zhForMatching(seg)) : Promise.resolve([]);
  if (helpers.tagsFirst) await tags;
  const en = helpers.enMentions && res.enTagger ? shareStrings(await helpers.enMentions(seg.en.map((s) => s.text))) : englishMentions(seg, res);
  return completeInput(seg, await tags, en, res);
}

/**
 * Splits every paragraph into sentences (a presplit paragraph is one sentence); over-long
 * sentences are cut at clause marks or left out, and a diagnostic joins the Bitext's.
 */
export function segmentBitext(bt: Bitext): { en: Sentence[]; zh: Sentence[] } {
  // A pair of files is named "EN|ZH" (readParallel); a mixed document has one name.
  const [enFile = bt.path, zhFile = enFile] = bt.path.split("|");
  const { en, zh, diagnostics } = segmentParagraphs(bt, { en: enFile, zh: zhFile }, bt.presplit);
  bt.diagnostics.push(...diagnostics);
  return { en, zh };
}

/** Reads an input into cleaned paragraphs (not for TMX, which is already aligned). */
export function ingest(input: Exclude<Input, { kind: "tmx" }>, res: Resources): Bitext {
  // Text given as a string (library use) is measured here; files were measured as they were decoded.
  for (const src of input.kind === "mixed" ? [input.src] : [input.en, input.zh]) refuseLongLines(src.path, src.text);
  // inFolder/named: found in a folder, so messages speak of file names rather than of --en/--zh.
  return input.kind === "mixed" ? readMixed(input.src, res, { inFolder: input.inFolder ?? false }) : readParallel(input.en, input.zh, res, { presplit: input.presplit, named: input.named ?? false });
}

/** Ingests, segments and aligns one input. */
export function alignInput(input: Input, res: Resources): AlignedDoc {
  const seg = segmentInput(input, res);
  return completeInput(seg, tagLocally(seg, res), undefined, res).aligned;
}

/** `alignInput` with sentence embeddings from a model the user brought as one more piece of evidence. */
export async function alignInputEmbedded(input: Input, res: Resources, encode: SentenceEncoder): Promise<AlignedDoc> {
  const seg = segmentInput(input, res);
  const vectors = seg.beads ? undefined : { en: await encode(seg.en.map((s) => s.text)), zh: await encode(seg.zh.map((s) => s.text)) };
  return completeInput(seg, tagLocally(seg, res), undefined, res, vectors).aligned;
}

export interface RunResult {
  tmx: string;
  tmxStats: TmxStats;
  report: Report;
  /** Linked term pairs, best first; empty when the resources hold no taggers. */
  terms: TermPair[];
  /** `terms.csv` (UTF-8 with BOM). */
  termsCsv: string;
  /** The glossary after this run's merge, when one was given. */
  glossary?: { glossary: Glossary; summary: MergeSummary; userDict: string };
  /** The beads `report.html` shows (bounded) and the score histogram of all. */
  reportBeads: ReportBeads;
}

/** The curated glossary a run reads and updates. */
export interface GlossaryRun {
  glossary: Glossary;
  /** New pairs scoring below this stay out of the glossary (they are still in terms.csv). */
  minScore: number;
  /** Reviewers' alignment fixes by document (`alignment-corrections.json`), applied before a document's TMX units are written. */
  corrections?: ReadonlyMap<string, readonly AlignmentCorrection[]>;
}

/**
 * One document's partial (see `corpus/partial.ts`) at place `ord` in the corpus, its reviewers'
 * alignment fixes applied first: the work a thread, process or machine hands back for merging.
 */
export function partialOf(ord: number, kind: Input["kind"], analysed: Analysed, corrections?: ReadonlyMap<string, readonly AlignmentCorrection[]>): CorpusPartial {
  const { aligned: input, mentions } = analysed;
  // Fixes regroup beads and edit text; sentence indices stay, so the mentions still fit.
  const fixes = corrections?.get(input.doc);
  const aligned = fixes ? applyCorrections(input, fixes, input.path) : input;
  return documentPartial(ord, kind, aligned, mentions);
}

/**
 * A run over a corpus, fed partials (see `partialOf`) in corpus order: each partial's documents
 * have their TMX units handed to `write` at once and their figures kept, and its counts are merged
 * into the corpus totals; then the text is dropped. Only the counts (with each bead's text, the
 * examples a linked pair shows) and the report's figures stay in memory. Every way of running (one thread, `--jobs`, the
 * queue) goes through `addPartial`.
 */
export class CorpusRun {
  private readonly opts: ReturnType<typeof resolveOptions>;
  private readonly now: Date;
  private readonly tmx: TmxBuilder;
  private readonly reports: DocReport[] = [];
  /** Linking needs only the dictionary and IDF: a pool's main thread gets mentions from its workers. */
  private readonly link: LinkResources | undefined;
  private readonly exclusions: LinkExclusions | undefined;
  /** The corpus totals: every partial's counts merged (its documents are dropped once written). */
  private readonly totals = emptyPartial();
  /** Place of the last document taken: partials come in corpus order, so the TMX is. */
  private lastOrd = -1;
  private sawTraditional = false;
  private readonly beads = new BeadCollector();

  constructor(
    private readonly res: Resources,
    options: Options,
    private readonly write: (chunk: string) => void,
    private readonly glossary?: GlossaryRun,
  ) {
    this.opts = resolveOptions(options);
    this.now = this.opts.now();
    this.tmx = new TmxBuilder({ ...this.opts, now: this.now, toolVersion: VERSION });
    this.link = linkResourcesOf(res);
    this.exclusions = glossary ? glossaryFeedback(glossary.glossary).exclusions : undefined;
    write(tmxHead(this.tmx.header));
  }

  /** Aligns one input and takes it in. */
  add(input: Input): DocReport {
    const { aligned, mentions } = analyseInput(input, this.res);
    return this.addAligned(aligned, input.kind, mentions);
  }

  /** Takes in a document aligned (and its terms found) elsewhere, as the next document of the corpus. */
  addAligned(input: AlignedDoc, kind: Input["kind"], mentions: DocMentions | undefined): DocReport {
    return this.addPartial(partialOf(this.lastOrd + 1, kind, { aligned: input, mentions }, this.glossary?.corrections))[0]!;
  }

  /**
   * Takes in a partial: its documents (whose places must follow those taken before) are
   * written and reported, and its counts merged into the totals: they move there, so the
   * partial is used up. Partials that arrive out of order are merged with `mergePartials` first.
   */
  addPartial(p: CorpusPartial): DocReport[] {
    const first = p.docs[0];
    if (first && first.ord <= this.lastOrd) throw new Error(`partial out of corpus order: document place ${first.ord} after ${this.lastOrd}`);
    const out: DocReport[] = [];
    for (const { ord, kind, aligned } of p.docs) {
      this.lastOrd = ord;
      if (aligned.zhScript === "hant") this.sawTraditional = true;
      this.beads.add(aligned);
      for (const u of this.tmx.add(aligned)) this.write(tmxUnit(u));
      const r = docReport(aligned, kind, this.opts.reviewBelow);
      this.reports.push(r);
      out.push(r);
    }
    if (p.mentioned) mergeInto(this.totals, { ...p, docs: [] }, true);
    return out;
  }

  /** Closes the TMX and links the terms of the whole corpus. */
  finish(csv: CsvOptions = {}): Omit<RunResult, "tmx"> {
    this.write(TMX_TAIL);
    const report = buildReport(this.reports, this.tmx.stats, { version: VERSION, created: this.now, source: this.opts.srcLang, target: this.opts.tgtLang });
    const { counts, en, zh, mentioned } = this.totals;
    const zhCandidates = zh.candidates();
    const terms = this.link && mentioned ? linkTerms(counts, en.candidates(), zhCandidates, this.link, DEFAULT_LINK, this.exclusions) : [];
    const mixed = this.sawTraditional ? mixedScriptTerms(terms, new Map(zhCandidates.map((c) => [c.key, c.variants]))) : [];
    if (mixed.length) report.diagnostics = mixed;
    const result: Omit<RunResult, "tmx"> = { tmxStats: this.tmx.stats, report, terms, termsCsv: serializeCsv(buildTermTable(terms), csv), reportBeads: this.beads.result() };
    if (this.glossary) {
      const merged = mergeGlossary(this.glossary.glossary, terms, { today: this.now.toISOString().slice(0, 10), minScore: this.glossary.minScore });
      result.glossary = { ...merged, userDict: glossaryFeedback(merged.glossary).userDict };
    }
    return result;
  }
}

/**
 * Term pairs whose Chinese was seen in both scripts (水资源 and 水資源: one key, since
 * Traditional is matched through Simplified). The glossary takes one form, silently it would
 * pick whichever is more frequent: it is said, once per pair, for the reviewer to choose.
 */
function mixedScriptTerms(terms: readonly TermPair[], seen: ReadonlyMap<string, readonly string[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of terms) {
    const forms = [...new Set([t.zh, ...t.zhVariants, ...(seen.get(t.zhKey) ?? [])])];
    const bySimplified = new Map<string, string[]>();
    for (const f of forms) bySimplified.set(toSimplified(f), [...(bySimplified.get(toSimplified(f)) ?? []), f]);
    const both = [...bySimplified.values()].find((fs) => fs.length > 1);
    if (both) {
      out.push({
        code: "mixed-script",
        severity: "warning",
        message: `the term "${t.en}" is written in both Chinese scripts in this corpus (${both.join(", ")}); the glossary takes "${t.zh}"`,
        file: "glossary",
        hint: "keep the form of your project's script and reject the other, or run Simplified and Traditional documents separately",
      });
    }
  }
  return out;
}

/** The whole job for `termbridge run`, in memory: align every input, build the TMX, the term list and the report. */
export function run(inputs: Iterable<Input>, res: Resources, options: Options = {}, csv: CsvOptions = {}, glossary?: GlossaryRun): RunResult {
  let tmx = "";
  const corpus = new CorpusRun(res, options, (chunk) => (tmx += chunk), glossary);
  for (const input of inputs) corpus.add(input);
  return { ...corpus.finish(csv), tmx };
}
