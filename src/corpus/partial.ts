import { countDocument, emptyCounts, type Cooccurrence } from "../link/counts.js";
import { decodeCounts, encodeCounts, mergeCounts, type CountsWire } from "../link/merge.js";
import type { AlignedDoc, DocMentions } from "../model/index.js";
import { TermCounter, type CounterWire } from "../terms/termhood.js";

/** How a document came in (mirrors `Input["kind"]`). */
export type DocKind = "mixed" | "parallel" | "tmx";

/** One document of a partial: its place in the corpus and its aligned text (the TMX units and the report are made from it). */
export interface DocPart {
  ord: number;
  kind: DocKind;
  aligned: AlignedDoc;
}

/**
 * The result of part of a corpus, ready to merge: its documents (by place), the bead
 * frequencies and pair co-occurrences of their terms, and the term counters of both sides.
 * Linking runs once, on the merged whole.
 */
export interface CorpusPartial {
  /** Sorted by `ord`; places are unique across a corpus. */
  docs: DocPart[];
  /** Whether any document had its term mentions found. */
  mentioned: boolean;
  counts: Cooccurrence;
  en: TermCounter;
  zh: TermCounter;
}

/** A partial with nothing in it: the unit of {@link mergePartials}. */
export function emptyPartial(): CorpusPartial {
  return { docs: [], mentioned: false, counts: emptyCounts(), en: new TermCounter("en"), zh: new TermCounter("zh") };
}

/**
 * The partial of one document at place `ord` (its alignment fixes already applied). Without
 * mentions (no taggers) it holds the document alone.
 */
export function documentPartial(ord: number, kind: DocKind, aligned: AlignedDoc, mentions: DocMentions | undefined): CorpusPartial {
  const p = emptyPartial();
  p.docs.push({ ord, kind, aligned });
  if (mentions) {
    p.mentioned = true;
    p.en.add(aligned.doc, mentions.en, ord);
    p.zh.add(aligned.doc, mentions.zh, ord);
    countDocument(p.counts, aligned, mentions, ord);
  }
  return p;
}

/** Two document lists merged by place. */
function mergeDocs(a: readonly DocPart[], b: readonly DocPart[]): DocPart[] {
  const out: DocPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.ord < b[j]!.ord)) out.push(a[i++]!);
    else if (i < a.length && a[i]!.ord === b[j]!.ord) throw new Error(`document place ${a[i]!.ord} is in both partials`);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * Adds `from` into `into` (which changes; `from` does not, unless `take` lets its counts move
 * into `into`, see `mergeCounts`). In any order and grouping the documents and counts come out
 * the same: see `mergeCounts` and `TermCounter.merge`.
 */
export function mergeInto(into: CorpusPartial, from: CorpusPartial, take = false): CorpusPartial {
  into.docs = mergeDocs(into.docs, from.docs);
  into.mentioned ||= from.mentioned;
  mergeCounts(into.counts, from.counts, take);
  into.en.merge(from.en, take);
  into.zh.merge(from.zh, take);
  return into;
}

/** The merge of partials, none of them changed: associative and commutative. */
export function mergePartials(...parts: readonly CorpusPartial[]): CorpusPartial {
  const out = emptyPartial();
  for (const p of parts) mergeInto(out, p);
  return out;
}

/** A partial as plain JSON data, to send to another thread, process or machine. */
export interface PartialWire {
  /** Format version: a worker of another version is refused rather than misread. */
  v: typeof PARTIAL_VERSION;
  docs: DocPart[];
  mentioned: boolean;
  counts: CountsWire;
  en: CounterWire;
  zh: CounterWire;
}

export const PARTIAL_VERSION = 4;

/** `p` as {@link PartialWire}. */
export function encodePartial(p: CorpusPartial): PartialWire {
  return { v: PARTIAL_VERSION, docs: p.docs, mentioned: p.mentioned, counts: encodeCounts(p.counts), en: p.en.encode(), zh: p.zh.encode() };
}

/** A partial back from {@link encodePartial}; throws on data of another format version. */
export function decodePartial(w: PartialWire): CorpusPartial {
  if (w?.v !== PARTIAL_VERSION) throw new Error(`a partial result of format ${String(w?.v)} (this termbridge reads ${PARTIAL_VERSION}): run the same termbridge version everywhere`);
  return { docs: w.docs, mentioned: w.mentioned, counts: decodeCounts(w.counts), en: TermCounter.decode("en", w.en), zh: TermCounter.decode("zh", w.zh) };
}
