import type { Bead, Sentence } from "../model/index.js";
import { bandedAlign, type Move } from "./dp.js";
import { contentLength, estimateRatio, lengthMatchProbability, type LengthModel } from "./length.js";

export type { Move } from "./dp.js";
export { bandedAlign } from "./dp.js";
export * from "./length.js";

/** Bead shapes of the length aligner, with prior probabilities (Gale & Church 1993, Table 5, adjusted for zh–en merging). */
export const LENGTH_MOVES: ReadonlyArray<Move & { prior: number }> = [
  { en: 1, zh: 1, prior: 0.85 },
  { en: 1, zh: 0, prior: 0.0075 },
  { en: 0, zh: 1, prior: 0.0075 },
  { en: 2, zh: 1, prior: 0.075 },
  { en: 1, zh: 2, prior: 0.06 },
];

export interface AlignOptions {
  /** Variance per character of the length difference; estimated from the input when absent. */
  variance?: number;
}

const FLOOR = 1e-12;

function sumRange(prefix: Float64Array, a: number, b: number): number {
  return prefix[b]! - prefix[a]!;
}

function prefixLengths(sentences: Sentence[]): { lengths: number[]; prefix: Float64Array } {
  const lengths = sentences.map((s) => contentLength(s.text));
  const prefix = new Float64Array(lengths.length + 1);
  lengths.forEach((l, k) => (prefix[k + 1] = prefix[k]! + l));
  return { lengths, prefix };
}

function runOnce(en: ReturnType<typeof prefixLengths>, zh: ReturnType<typeof prefixLengths>, model: LengthModel): Bead[] {
  const priorCost = LENGTH_MOVES.map((mv) => -Math.log(mv.prior));
  const moveIndex = new Map(LENGTH_MOVES.map((mv, k) => [`${mv.en}-${mv.zh}`, k]));
  const cost = (i0: number, i1: number, j0: number, j1: number): number => {
    const k = moveIndex.get(`${i1 - i0}-${j1 - j0}`)!;
    const p = lengthMatchProbability(sumRange(en.prefix, i0, i1), sumRange(zh.prefix, j0, j1), model);
    return priorCost[k]! - Math.log(Math.max(p, FLOOR));
  };
  const path = bandedAlign(en.lengths.length, zh.lengths.length, LENGTH_MOVES, cost);
  return path.steps.map((s) => ({
    en: range(s.i0, s.i1),
    zh: range(s.j0, s.j1),
    score: s.i1 === s.i0 || s.j1 === s.j0 ? 0 : lengthMatchProbability(sumRange(en.prefix, s.i0, s.i1), sumRange(zh.prefix, s.j0, s.j1), model),
  }));
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}

/** Re-estimates ratio and variance from the 1-1 beads of a first pass. */
function refit(beads: Bead[], en: number[], zh: number[], fallback: LengthModel): LengthModel {
  const pairs = beads.filter((b) => b.en.length === 1 && b.zh.length === 1).map((b) => [en[b.en[0]!]!, zh[b.zh[0]!]!] as const);
  if (pairs.length < 10) return fallback;
  const ratio = pairs.reduce((a, p) => a + p[0], 0) / Math.max(1, pairs.reduce((a, p) => a + p[1], 0));
  let num = 0;
  let den = 0;
  for (const [a, b] of pairs) {
    const d = b * ratio - a;
    num += d * d;
    den += Math.max((a + b * ratio) / 2, 1);
  }
  const variance = Math.min(Math.max(num / den, 1), 40);
  return { ratio, variance };
}

/**
 * Gale–Church style sentence alignment by length: the zh/en length ratio is estimated
 * from the input, a first pass finds confident 1-1 beads, and the ratio and variance
 * are re-estimated from them before the final pass. Every bead carries a score in [0, 1]
 * (the length-match probability; 0 for 1-0 and 0-1 beads).
 */
export function alignByLength(en: Sentence[], zh: Sentence[], opts: AlignOptions = {}): Bead[] {
  if (en.length === 0 || zh.length === 0) {
    return [...en.map((_, i) => ({ en: [i], zh: [], score: 0 })), ...zh.map((_, j) => ({ en: [], zh: [j], score: 0 }))];
  }
  const e = prefixLengths(en);
  const z = prefixLengths(zh);
  const first: LengthModel = { ratio: estimateRatio(e.lengths, z.lengths), variance: opts.variance ?? 12 };
  const beads = runOnce(e, z, first);
  if (opts.variance !== undefined) return beads;
  const second = refit(beads, e.lengths, z.lengths, first);
  return runOnce(e, z, second);
}
