import type { AlignedDoc, DocMentions, Mention } from "../model/index.js";

/** Where a pair met: the bead, its score and its text. */
export interface Meeting {
  doc: string;
  bead: number;
  score: number;
  en: string;
  zh: string;
}

/**
 * Document names kept per pair: enough for a reviewer to find it, while a common pair in a
 * corpus of thousands of documents would otherwise keep thousands (and fill a spreadsheet cell).
 */
export const MAX_DOCS = 20;

export interface PairTally {
  en: string;
  zh: string;
  cooc: number;
  /** The meeting in the best-scoring bead (ties: the first). */
  best: Meeting;
  /**
   * The first `MAX_DOCS` documents the pair met in, in corpus order, joined by NUL (a file
   * name never holds one): an array would take some 150 bytes a pair, and there are millions.
   */
  docs: string;
  /** Documents the pair met in, all of them. */
  docCount: number;
  /** The last document the pair met in (documents come one at a time, so a repeat is the last one). */
  last: string;
  /** Fewest maximal Chinese terms in a bead where the pair met: the rivals a one-off meeting had. */
  rivals: number;
}

/** Bead frequencies of every key and co-occurrence tallies of every pair, over a corpus. */
export interface Cooccurrence {
  /** Beads with both sides. */
  beads: number;
  en: Map<string, number>;
  zh: Map<string, number>;
  /** English key → Chinese key → tally: no joined key string per pair (millions on a large corpus). */
  pairs: Map<string, Map<string, PairTally>>;
  /** Number of tallies in `pairs`. */
  size: number;
}

export function emptyCounts(): Cooccurrence {
  return { beads: 0, en: new Map(), zh: new Map(), pairs: new Map(), size: 0 };
}

/** The documents a tally keeps, in corpus order. */
export function tallyDocs(t: PairTally): string[] {
  return t.docs.split("\0");
}

/** Every tally. */
export function* tallies(counts: Cooccurrence): Generator<PairTally> {
  for (const row of counts.pairs.values()) yield* row.values();
}

/** Keys of the mentions in a bead's side. */
function sideKeys(sentences: readonly number[], mentions: readonly (readonly Mention[])[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) for (const m of mentions[s] ?? []) out.add(m.key);
  return out;
}

/**
 * Adds one aligned document: every English key of a bead meets every Chinese key of the
 * same bead once, however often either occurs in it.
 */
export function countDocument(counts: Cooccurrence, doc: AlignedDoc, mentions: DocMentions): void {
  doc.beads.forEach((bead, b) => {
    if (bead.en.length === 0 || bead.zh.length === 0) return;
    counts.beads++;
    // Texts are joined once per bead and shared by every pair that keeps this bead as its example.
    const meeting: Meeting = { doc: doc.doc, bead: b, score: bead.score, en: bead.en.map((i) => doc.en[i]!.text).join(" "), zh: bead.zh.map((j) => doc.zh[j]!.text).join("") };
    const en = sideKeys(bead.en, mentions.en);
    const zh = sideKeys(bead.zh, mentions.zh);
    const rivals = new Set(bead.zh.flatMap((j) => (mentions.zh[j] ?? []).filter((m) => m.maximal).map((m) => m.key))).size;
    for (const k of en) counts.en.set(k, (counts.en.get(k) ?? 0) + 1);
    for (const k of zh) counts.zh.set(k, (counts.zh.get(k) ?? 0) + 1);
    for (const e of en) {
      let row = counts.pairs.get(e);
      if (!row) counts.pairs.set(e, (row = new Map()));
      for (const z of zh) {
        let t = row.get(z);
        if (!t) {
          t = { en: e, zh: z, cooc: 0, best: meeting, docs: doc.doc, docCount: 1, last: doc.doc, rivals };
          row.set(z, t);
          counts.size++;
        } else if (bead.score > t.best.score) t.best = meeting;
        t.cooc++;
        t.rivals = Math.min(t.rivals, rivals);
        if (t.last !== doc.doc) {
          t.last = doc.doc;
          if (t.docCount++ < MAX_DOCS) t.docs += `\0${doc.doc}`;
        }
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
export function prunePairs(counts: Cooccurrence, maxPairs: number, keep: (t: PairTally) => boolean): number {
  if (counts.size <= maxPairs) return 0;
  let dropped = 0;
  for (const [e, row] of counts.pairs) {
    for (const [z, t] of row) {
      if (t.cooc <= 1 && !keep(t)) {
        row.delete(z);
        dropped++;
      }
    }
    if (row.size === 0) counts.pairs.delete(e);
  }
  counts.size -= dropped;
  return dropped;
}
