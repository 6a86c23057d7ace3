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

/** What linking reads of a pair: how often it met and the fewest rivals a meeting had. */
export interface PairTally {
  en: string;
  zh: string;
  cooc: number;
  /** Fewest maximal Chinese terms in a bead where the pair met: the rivals a one-off meeting had. */
  rivals: number;
}

/**
 * Bead frequencies of every key over a corpus, and what each bead held. There is no pair table:
 * a large memory has over a million pairs (as objects they took some 230 bytes each, as numbers in
 * nested maps some 50, and the table's growth as much again in garbage), while the beads each
 * key is in and the Chinese keys of each bead take a few bytes per mention. The pairs of an
 * English key are counted from them when linking asks ({@link pairRow}), one key at a time,
 * and exactly: no pair is dropped to keep a table bounded.
 */
export interface Cooccurrence {
  /** Beads with both sides. */
  beads: number;
  /** Documents counted: the place of the next one when none is given. */
  docs: number;
  /** Every bead counted, as a meeting (shared by every pair of the bead), in the order counted. */
  meetings: Meeting[];
  /** Per bead (numbered as `meetings`): its maximal Chinese terms, the rivals of a pair met there. */
  rivals: number[];
  /** Per bead: its Chinese keys, in the order first met in the bead. */
  beadZh: string[][];
  /** English key → the beads it is in (ascending numbers into `meetings`): its length is the key's bead frequency. */
  en: Map<string, number[]>;
  zh: Map<string, number[]>;
}

export function emptyCounts(): Cooccurrence {
  return { beads: 0, docs: 0, meetings: [], rivals: [], beadZh: [], en: new Map(), zh: new Map() };
}

/** Bead frequency of a key. */
export const beadFreq = (side: ReadonlyMap<string, readonly number[]>, key: string): number => side.get(key)?.length ?? 0;

/**
 * The pairs of English key `en`: Chinese key → its tally, in the order first met. Every English
 * key of a bead meets every Chinese key of the same bead once.
 */
export function pairRow(counts: Cooccurrence, en: string): Map<string, PairTally> {
  const row = new Map<string, PairTally>();
  for (const g of counts.en.get(en) ?? []) {
    const rivals = counts.rivals[g]!;
    for (const z of counts.beadZh[g]!) {
      const t = row.get(z);
      if (t === undefined) row.set(z, { en, zh: z, cooc: 1, rivals });
      else {
        t.cooc++;
        if (rivals < t.rivals) t.rivals = rivals;
      }
    }
  }
  return row;
}

/** Every tally, row by row in the order the English keys were first met. */
export function* tallies(counts: Cooccurrence): Generator<PairTally> {
  for (const e of counts.en.keys()) yield* pairRow(counts, e).values();
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
 * Adds one aligned document: the beads with both sides, and for each key the beads it is in
 * (a key counts once per bead, however often it occurs there).
 */
export function countDocument(counts: Cooccurrence, doc: AlignedDoc, mentions: DocMentions, ord = counts.docs): void {
  counts.docs++;
  doc.beads.forEach((bead, b) => {
    if (bead.en.length === 0 || bead.zh.length === 0) return;
    counts.beads++;
    // Texts are joined once per bead and shared by every pair that keeps this bead as its example.
    const g = counts.meetings.push({ doc: doc.doc, ord, bead: b, score: bead.score, en: bead.en.map((i) => doc.en[i]!.text).join(" "), zh: bead.zh.map((j) => doc.zh[j]!.text).join("") }) - 1;
    const zh = [...sideKeys(bead.zh, mentions.zh)];
    counts.rivals.push(new Set(bead.zh.flatMap((j) => (mentions.zh[j] ?? []).filter((m) => m.maximal).map((m) => m.key))).size);
    counts.beadZh.push(zh);
    for (const k of sideKeys(bead.en, mentions.en)) post(counts.en, k, g);
    for (const k of zh) post(counts.zh, k, g);
  });
}
