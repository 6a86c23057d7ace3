import { describe, expect, it } from "vitest";
import { fromCounts, parseBeads, reviewFlagCounts, scoreStrict } from "../../src/eval/beads.js";

describe("bead scorer", () => {
  it("parses English-first beads with empty sides", () => {
    expect(parseBeads("[0]:[0]\n[1,2]:[1]\n[]:[2]\n[3]:[]\n")).toEqual([
      { en: [0], zh: [0] },
      { en: [1, 2], zh: [1] },
      { en: [], zh: [2] },
      { en: [3], zh: [] },
    ]);
  });

  it("rejects a malformed line with its number", () => {
    expect(() => parseBeads("[0]:[0]\n0:1\n")).toThrow(/line 2/);
  });

  it("counts only exact matches, 0-1 and 1-0 included", () => {
    const gold = parseBeads("[0]:[0]\n[1,2]:[1]\n[]:[2]\n[3]:[3]");
    const pred = parseBeads("[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3]");
    const s = scoreStrict(pred, gold);
    expect(s.exact).toBe(3);
    expect(s.precision).toBeCloseTo(3 / 5);
    expect(s.recall).toBeCloseTo(3 / 4);
    expect(s.f1).toBeCloseTo((2 * 0.6 * 0.75) / 1.35);
  });

  it("gives 0 rather than NaN on empty input", () => {
    expect(fromCounts(0, 0, 0)).toEqual({ predicted: 0, gold: 0, exact: 0, precision: 0, recall: 0, f1: 0 });
  });

  it("counts the review flag's catches and false alarms on two-sided beads only", () => {
    const gold = parseBeads("[0]:[0]\n[1,2]:[1]\n[]:[2]\n[3]:[3]");
    const pred = [
      { en: [0], zh: [0], score: 0.95 }, // right, not flagged
      { en: [1], zh: [1], score: 0.4 }, // wrong, caught
      { en: [2], zh: [], score: 0.1 }, // one-sided: never a unit, not counted
      { en: [], zh: [2], score: 0.1 },
      { en: [3], zh: [3], score: 0.6 }, // right, flagged
    ];
    expect(reviewFlagCounts(pred, gold, 0.7)).toEqual({ wrong: 1, caught: 1, rightFlagged: 1 });
    expect(reviewFlagCounts(pred, gold, 0.3)).toEqual({ wrong: 1, caught: 0, rightFlagged: 0 });
  });
});
