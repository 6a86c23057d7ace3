import type { Bead, Sentence } from "../model/index.js";
import { enFeatures } from "./lexical.js";

/**
 * Learns translations from the input (hunalign's bootstrap): Chinese words and English
 * stems that keep meeting in confident 1-1 beads, by Dice coefficient.
 */
export function learnLexicon(en: Sentence[], zh: Sentence[], beads: Bead[], cut: (t: string) => string[]): Map<string, string[]> {
  const pairs = new Map<string, number>();
  const zf = new Map<string, number>();
  const ef = new Map<string, number>();
  for (const b of beads) {
    if (b.en.length !== 1 || b.zh.length !== 1 || b.score < 0.5) continue;
    const zw = new Set(cut(zh[b.zh[0]!]!.text).filter((w) => /\p{Script=Han}{2,}/u.test(w)));
    const es = new Set(enFeatures(en[b.en[0]!]!.text).stems);
    for (const w of zw) zf.set(w, (zf.get(w) ?? 0) + 1);
    for (const s of es) ef.set(s, (ef.get(s) ?? 0) + 1);
    for (const w of zw) for (const s of es) pairs.set(`${w}\t${s}`, (pairs.get(`${w}\t${s}`) ?? 0) + 1);
  }
  const out = new Map<string, string[]>();
  for (const [k, c] of pairs) {
    if (c < 2) continue;
    const [w, s] = k.split("\t") as [string, string];
    const dice = (2 * c) / (zf.get(w)! + ef.get(s)!);
    if (dice < 0.6) continue;
    const list = out.get(w) ?? [];
    list.push(s);
    out.set(w, list);
  }
  return out;
}
