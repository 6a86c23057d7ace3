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

/** What a review flag (score below `threshold`) does on two-sided beads, the ones that become units. */
export interface FlagCounts {
  /** Two-sided predicted beads that equal no gold bead. */
  wrong: number;
  /** Of those, flagged. */
  caught: number;
  /** Two-sided beads equal to a gold bead, yet flagged. */
  rightFlagged: number;
}

/** Counts the review flag's catches and false alarms against gold beads. */
export function reviewFlagCounts(predicted: ReadonlyArray<BeadKey & { score: number }>, gold: readonly BeadKey[], threshold: number): FlagCounts {
  const goldKeys = new Set(gold.map(key));
  const out: FlagCounts = { wrong: 0, caught: 0, rightFlagged: 0 };
  for (const b of predicted) {
    if (!b.en.length || !b.zh.length) continue;
    const right = goldKeys.has(key(b));
    const flagged = b.score < threshold;
    if (!right) out.wrong++;
    if (!right && flagged) out.caught++;
    if (right && flagged) out.rightFlagged++;
  }
  return out;
}
