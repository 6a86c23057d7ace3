import type { Bead } from "../model/index.js";

/** A bead as index lists only, for scoring. */
export type BeadKey = Pick<Bead, "en" | "zh">;

/** Parses `[0,1]:[2]` lines (English first, as `termbridge align --beads` writes them). */
export function parseBeads(text: string): BeadKey[] {
  const out: BeadKey[] = [];
  const list = (s: string): number[] => (s.trim() === "" ? [] : s.split(",").map((x) => Number(x.trim())));
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === "") return;
    const m = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/.exec(line);
    if (!m) throw new Error(`line ${k + 1}: not a bead: ${line}`);
    out.push({ en: list(m[1]!), zh: list(m[2]!) });
  });
  return out;
}

export interface StrictScore {
  predicted: number;
  gold: number;
  exact: number;
  precision: number;
  recall: number;
  f1: number;
}

const key = (b: BeadKey): string => `${b.en.join(",")}:${b.zh.join(",")}`;

/** Strict bead scoring (AlignerEval): a predicted bead counts only when a gold bead equals it exactly, 0-1 and 1-0 included. */
export function scoreStrict(predicted: readonly BeadKey[], gold: readonly BeadKey[]): StrictScore {
  const goldKeys = new Set(gold.map(key));
  const exact = predicted.filter((b) => goldKeys.has(key(b))).length;
  return fromCounts(predicted.length, gold.length, exact);
}

/** Precision, recall and F1 from counts; micro-averaging sums the counts first. */
export function fromCounts(predicted: number, gold: number, exact: number): StrictScore {
  const precision = predicted === 0 ? 0 : exact / predicted;
  const recall = gold === 0 ? 0 : exact / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { predicted, gold, exact, precision, recall, f1 };
}
