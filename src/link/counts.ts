import type { AlignedDoc, DocMentions, Mention } from "../model/index.js";
import { intersectSorted } from "../util/sorted.js";

/** Where a pair met: the bead, its score and its text. */
export interface Meeting {
  doc: string;
  /** The document's place in the corpus: ties between equal scores go to the earlier document. */
  ord: number;
  bead: number;
  score: number;
  en: string;
  zh: string;
}

/**
 * Document names kept per pair: enough for a reviewer to find it, while a common pair in a
 * corpus of thousands of documents would otherwise keep thousands (and fill a spreadsheet cell).
 */
export const MAX_DOCS = 10;

/**
 * Beads kept per pair for the reviewer's concordance and examples: the best-scoring ones
 * (ties: corpus order). A common pair meets in thousands of beads; a reviewer reads a few.
 */
export const MAX_MEETINGS = 20;

/**
 * A pair's tally is one number in the pair table: its meetings × `RIVAL_SPAN` + the fewest rivals
 * it had (capped). As an object a tally took some 230 bytes, and a 200 MB memory has over a
 * million pairs; what the reviewer reads of a pair (its beads, its documents) is found for the
 * few pairs that are linked, through the beads each key is in ({@link pairEvidence}).
 */
const RIVAL_SPAN = 1024;

/** What linking reads of a pair: how often it met and the fewest rivals a meeting had. */
export interface PairTally {
  en: string;
  zh: string;
  cooc: number;
  /** Fewest maximal Chinese terms in a bead where the pair met: the rivals a one-off meeting had. */
  rivals: number;
}

/** Bead frequencies of every key and co-occurrence tallies of every pair, over a corpus. */
export interface Cooccurrence {
  /** Beads with both sides. */
  beads: number;
  /** Documents counted: the place of the next one when none is given. */
  docs: number;
  /** Every bead counted, as a meeting (shared by every pair of the bead), in the order counted. */
  meetings: Meeting[];
  /** English key → the beads it is in (ascending numbers into `meetings`): its length is the key's bead frequency. */
  en: Map<string, number[]>;
  zh: Map<string, number[]>;
  /** English key → Chinese key → packed tally (see {@link tallyOf}): no object, nor joined key, per pair. */
  pairs: Map<string, Map<string, number>>;
  /** Number of tallies in `pairs`. */
  size: number;
}

export function emptyCounts(): Cooccurrence {
  return { beads: 0, docs: 0, meetings: [], en: new Map(), zh: new Map(), pairs: new Map(), size: 0 };
}

/** A packed tally of `cooc` meetings with at fewest `rivals` rivals. */
export const packTally = (cooc: number, rivals: number): number => cooc * RIVAL_SPAN + Math.min(rivals, RIVAL_SPAN - 1);

/** Two packed tallies added: meetings summed, the fewest rivals kept. */
export function addTallies(a: number, b: number): number {
  return (Math.floor(a / RIVAL_SPAN) + Math.floor(b / RIVAL_SPAN)) * RIVAL_SPAN + Math.min(a % RIVAL_SPAN, b % RIVAL_SPAN);
}

/** The tally of a pair from its packed number. */
export const tallyOf = (en: string, zh: string, packed: number): PairTally => ({ en, zh, cooc: Math.floor(packed / RIVAL_SPAN), rivals: packed % RIVAL_SPAN });

/** Bead frequency of a key. */
export const beadFreq = (side: ReadonlyMap<string, readonly number[]>, key: string): number => side.get(key)?.length ?? 0;

/** Every tally. */
export function* tallies(counts: Cooccurrence): Generator<PairTally> {
  for (const [e, row] of counts.pairs) for (const [z, v] of row) yield tallyOf(e, z, v);
}

/**
 * Whether meeting `a` ranks before `b`: higher score, then the earlier document, then the earlier
 * bead. A total order, so the kept meetings do not depend on the order counts are merged in.
 */
export function meetsBefore(a: Meeting, b: Meeting): boolean {
  return a.score !== b.score ? a.score > b.score : a.ord !== b.ord ? a.ord < b.ord : a.bead < b.bead;
}

/** What a reviewer reads of a pair: its best beads and the documents it met in. */
export interface PairEvidence {
  /** The best `MAX_MEETINGS` meetings by {@link meetsBefore}, best first. */
  meetings: Meeting[];
  /** The first `MAX_DOCS` documents it met in, in corpus order. */
  docs: string[];
  /** Documents it met in, all of them. */
  docCount: number;
}

/** The beads where a pair met, read from the beads of its two keys. */
export function pairEvidence(counts: Cooccurrence, en: string, zh: string): PairEvidence {
  const met = intersectSorted(counts.en.get(en) ?? [], counts.zh.get(zh) ?? []);
  const top: Meeting[] = [];
  const docs = new Map<number, string>();
  for (const g of met) {
    const m = counts.meetings[g]!;
    if (!docs.has(m.ord)) docs.set(m.ord, m.doc);
    if (top.length === MAX_MEETINGS && !meetsBefore(m, top[MAX_MEETINGS - 1]!)) continue;
    let k = Math.min(top.length, MAX_MEETINGS - 1);
    top[k] = m;
    for (; k > 0 && meetsBefore(m, top[k - 1]!); k--) [top[k], top[k - 1]] = [top[k - 1]!, m];
  }
  const first = [...docs].sort((a, b) => a[0] - b[0]).slice(0, MAX_DOCS);
  return { meetings: top, docs: first.map((d) => d[1]), docCount: docs.size };
}

/** Keys of the mentions in a bead's side. */
function sideKeys(sentences: readonly number[], mentions: readonly (readonly Mention[])[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) for (const m of mentions[s] ?? []) out.add(m.key);
  return out;
}

/** Appends bead `g` to a key's beads. */
function post(side: Map<string, number[]>, key: string, g: number): void {
  const list = side.get(key);
  if (list) list.push(g);
  else side.set(key, [g]);
}

/**
 * Adds one aligned document: every English key of a bead meets every Chinese key of the
 * same bead once, however often either occurs in it.
 */
export function countDocument(counts: Cooccurrence, doc: AlignedDoc, mentions: DocMentions, ord = counts.docs): void {
  counts.docs++;
  doc.beads.forEach((bead, b) => {
    if (bead.en.length === 0 || bead.zh.length === 0) return;
    counts.beads++;
    // Texts are joined once per bead and shared by every pair that keeps this bead as its example.
    const g = counts.meetings.push({ doc: doc.doc, ord, bead: b, score: bead.score, en: bead.en.map((i) => doc.en[i]!.text).join(" "), zh: bead.zh.map((j) => doc.zh[j]!.text).join("") }) - 1;
    const en = sideKeys(bead.en, mentions.en);
    const zh = sideKeys(bead.zh, mentions.zh);
    const rivals = new Set(bead.zh.flatMap((j) => (mentions.zh[j] ?? []).filter((m) => m.maximal).map((m) => m.key))).size;
    const one = packTally(1, rivals);
    for (const k of en) post(counts.en, k, g);
    for (const k of zh) post(counts.zh, k, g);
    for (const e of en) {
      let row = counts.pairs.get(e);
      if (!row) counts.pairs.set(e, (row = new Map()));
      for (const z of zh) {
        const t = row.get(z);
        if (t === undefined) counts.size++;
        row.set(z, t === undefined ? one : addTallies(t, one));
      }
    }
  });
}

/**
 * Keeps the pair table bounded on large corpora (lossy counting): pairs met only once whose
 * terms the dictionary does not link are dropped once the table holds more than `maxPairs`.
 * Such a pair cannot link on one meeting; if it meets again it starts counting anew. Small
 * corpora never reach the bound, so their figures are exact.
 */
export function prunePairs(counts: Cooccurrence, maxPairs: number, keep: (en: string, zh: string) => boolean): number {
  if (counts.size <= maxPairs) return 0;
  const once = packTally(2, 0);
  let dropped = 0;
  for (const [e, row] of counts.pairs) {
    for (const [z, v] of row) {
      if (v < once && !keep(e, z)) {
        row.delete(z);
        dropped++;
      }
    }
    if (row.size === 0) counts.pairs.delete(e);
  }
  counts.size -= dropped;
  return dropped;
}
