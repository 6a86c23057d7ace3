import type { AlignedDoc, DocMentions, Mention } from "../model/index.js";

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
 * (ties: the first met). A common pair meets in thousands of beads; a reviewer reads a few.
 */
export const MAX_MEETINGS = 20;

/**
 * The documents after the first of pairs met in more than one: `MAX_DOCS` − 1 document
 * numbers a pair, in one typed array. An array a pair takes some 200 bytes, and a large
 * corpus has hundreds of thousands of pairs.
 */
export class DocSlots {
  private data = new Int32Array((MAX_DOCS - 1) * 4096);
  private readonly free: number[] = [];
  private used = 0;

  /** A free slot. */
  alloc(): number {
    const s = this.free.pop();
    if (s !== undefined) return s;
    if ((this.used + 1) * (MAX_DOCS - 1) > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    return this.used++;
  }

  release(slot: number): void {
    this.free.push(slot);
  }

  /** Sets the `k`-th document (0-based, after the first) of a slot. */
  set(slot: number, k: number, doc: number): void {
    this.data[slot * (MAX_DOCS - 1) + k] = doc;
  }

  /** The first `n` documents of a slot. */
  list(slot: number, n: number): number[] {
    return Array.from(this.data.subarray(slot * (MAX_DOCS - 1), slot * (MAX_DOCS - 1) + n));
  }
}

export interface PairTally {
  en: string;
  zh: string;
  cooc: number;
  /** The meeting in the best-scoring bead (ties: the first). */
  best: Meeting;
  /**
   * The best `MAX_MEETINGS` meetings, best first (ties: the first met), with room after them
   * (read it through {@link tallyMeetings}); absent while the pair met once (then `best` is the
   * only one): most pairs meet once, and an array costs bytes.
   */
  top: Meeting[] | undefined;
  /** The first document the pair met in (a number into `Cooccurrence.docNames`). */
  firstDoc: number;
  /** The last document it met in (documents come one at a time, so a repeat is the last one). */
  lastDoc: number;
  /** Documents the pair met in, all of them. */
  docCount: number;
  /** Its slot in `Cooccurrence.slots` (the next `MAX_DOCS` − 1 documents), or −1 while it met in one. */
  slot: number;
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
  /** Document names in the order they were taken: tallies hold their numbers. */
  docNames: string[];
  /** Each document's place in the corpus (same numbering as `docNames`): "first" means lowest place. */
  docOrds: number[];
  slots: DocSlots;
}

export function emptyCounts(): Cooccurrence {
  return { beads: 0, en: new Map(), zh: new Map(), pairs: new Map(), size: 0, docNames: [], docOrds: [], slots: new DocSlots() };
}

/** The document numbers a tally keeps (the first `MAX_DOCS` in corpus order). */
export function tallyDocNumbers(counts: Cooccurrence, t: PairTally): number[] {
  const more = t.slot < 0 ? [] : counts.slots.list(t.slot, Math.min(t.docCount, MAX_DOCS) - 1);
  return [t.firstDoc, ...more];
}

/** The documents a tally keeps (the first `MAX_DOCS`), in corpus order. */
export function tallyDocs(counts: Cooccurrence, t: PairTally): string[] {
  return tallyDocNumbers(counts, t).map((d) => counts.docNames[d]!);
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
export function countDocument(counts: Cooccurrence, doc: AlignedDoc, mentions: DocMentions, ord = counts.docOrds.length ? counts.docOrds[counts.docOrds.length - 1]! + 1 : 0): void {
  const d = counts.docNames.push(doc.doc) - 1;
  counts.docOrds.push(ord);
  doc.beads.forEach((bead, b) => {
    if (bead.en.length === 0 || bead.zh.length === 0) return;
    counts.beads++;
    // Texts are joined once per bead and shared by every pair that keeps this bead as its example.
    const meeting: Meeting = { doc: doc.doc, ord, bead: b, score: bead.score, en: bead.en.map((i) => doc.en[i]!.text).join(" "), zh: bead.zh.map((j) => doc.zh[j]!.text).join("") };
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
          // Every tally has the same fields from the start (`top` too): a field added later costs a property array.
          t = { en: e, zh: z, cooc: 0, best: meeting, top: undefined, firstDoc: d, lastDoc: d, docCount: 1, slot: -1, rivals };
          row.set(z, t);
          counts.size++;
        } else {
          keepMeeting(t, meeting);
          if (bead.score > t.best.score) t.best = meeting;
        }
        t.cooc++;
        t.rivals = Math.min(t.rivals, rivals);
        if (t.lastDoc !== d) {
          t.lastDoc = d;
          if (t.docCount < MAX_DOCS) {
            if (t.slot < 0) t.slot = counts.slots.alloc();
            counts.slots.set(t.slot, t.docCount - 1, d);
          }
          t.docCount++;
        }
      }
    }
  });
}

/**
 * Inserts a meeting among a pair's best ones, keeping at most `MAX_MEETINGS`, best first, stable.
 * The list grows in place, its room doubled when full (2, 4, 8, 16, then `MAX_MEETINGS`): copied
 * at every meeting, a pair met twenty times would leave some 200 slots of garbage, and a large
 * memory has over a million such lists. It holds `min(cooc, MAX_MEETINGS)` meetings (see
 * {@link tallyMeetings}); the room after them is empty.
 */
function keepMeeting(t: PairTally, m: Meeting): void {
  // Called before `cooc` counts this meeting: every earlier one is kept until the list is full.
  const n = Math.min(t.cooc, MAX_MEETINGS);
  let top = t.top;
  if (!top) {
    top = new Array<Meeting>(2);
    top[0] = t.best;
  }
  if (n >= MAX_MEETINGS && m.score <= top[n - 1]!.score) return;
  let k = n;
  while (k > 0 && top[k - 1]!.score < m.score) k--;
  if (n < MAX_MEETINGS && n === top.length) {
    const grown = new Array<Meeting>(Math.min(2 * n, MAX_MEETINGS));
    for (let i = 0; i < n; i++) grown[i] = top[i]!;
    top = grown;
  }
  for (let i = Math.min(n, MAX_MEETINGS - 1); i > k; i--) top[i] = top[i - 1]!;
  top[k] = m;
  t.top = top;
}

/** A pair's kept meetings, best first (a new array). */
export function tallyMeetings(t: PairTally): Meeting[] {
  return t.top ? t.top.slice(0, Math.min(t.cooc, MAX_MEETINGS)) : [t.best];
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
        if (t.slot >= 0) counts.slots.release(t.slot);
        dropped++;
      }
    }
    if (row.size === 0) counts.pairs.delete(e);
  }
  counts.size -= dropped;
  return dropped;
}
