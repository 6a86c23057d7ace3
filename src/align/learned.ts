import type { Bead, Sentence } from "../model/index.js";
import { enFeatures } from "./lexical.js";

/** Co-occurrences a pair needs in confident beads before it is learned. */
const MIN_PAIR_COUNT = 2;
/** Dice coefficient a pair needs (a name and its spelling meet nearly every time). */
const MIN_DICE = 0.6;
/** Bead score (of the first pass's evidence mix) a 1-1 bead needs to teach. */
const MIN_BEAD_SCORE = 0.5;

/**
 * Learns translations from the input (hunalign's bootstrap): Chinese words and English
 * stems that keep meeting in confident 1-1 beads, by Dice coefficient.
 */
export function learnLexicon(en: Sentence[], zh: Sentence[], beads: Bead[], cut: (t: string) => string[]): Map<string, string[]> {
  // Words and stems are numbered so a pair is one number, not a concatenated string.
  const zhIds = new Map<string, number>();
  const enIds = new Map<string, number>();
  const number = (ids: Map<string, number>, w: string): number => {
    let v = ids.get(w);
    if (v === undefined) ids.set(w, (v = ids.size));
    return v;
  };
  const pairs = new Map<number, number>();
  const zf: number[] = [];
  const ef: number[] = [];
  const STRIDE = 2 ** 24;
  for (const b of beads) {
    if (b.en.length !== 1 || b.zh.length !== 1 || b.score < MIN_BEAD_SCORE) continue;
    const zw = new Set(cut(zh[b.zh[0]!]!.text).filter((w) => /\p{Script=Han}{2,}/u.test(w)).map((w) => number(zhIds, w)));
    const es = new Set(enFeatures(en[b.en[0]!]!.text).stems.map((s) => number(enIds, s)));
    for (const w of zw) zf[w] = (zf[w] ?? 0) + 1;
    for (const s of es) ef[s] = (ef[s] ?? 0) + 1;
    for (const w of zw) for (const s of es) pairs.set(w * STRIDE + s, (pairs.get(w * STRIDE + s) ?? 0) + 1);
  }
  const zhWords = [...zhIds.keys()];
  const enStems = [...enIds.keys()];
  const out = new Map<string, string[]>();
  // Map order is insertion order: deterministic for the same input.
  for (const [k, c] of pairs) {
    if (c < MIN_PAIR_COUNT) continue;
    const w = Math.floor(k / STRIDE);
    const s = k % STRIDE;
    if ((2 * c) / (zf[w]! + ef[s]!) < MIN_DICE) continue;
    const list = out.get(zhWords[w]!) ?? [];
    list.push(enStems[s]!);
    out.set(zhWords[w]!, list);
  }
  return out;
}
