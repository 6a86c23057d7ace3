import { describe, expect, it } from "vitest";
import { bandedAlign, stepPosteriors, type Move } from "../../src/align/dp.js";

/** Every bead shape the evidence aligner searches, as moves. */
const MOVES: Move[] = [
  { en: 1, zh: 0 }, { en: 0, zh: 1 }, { en: 1, zh: 1 }, { en: 2, zh: 1 }, { en: 1, zh: 2 }, { en: 2, zh: 2 },
  { en: 3, zh: 1 }, { en: 1, zh: 3 }, { en: 4, zh: 1 }, { en: 1, zh: 4 }, { en: 5, zh: 1 }, { en: 1, zh: 5 }, { en: 3, zh: 2 }, { en: 2, zh: 3 },
];

/** A cost that is 0 on the beads of `gold` and 1 per sentence elsewhere: the optimum is `gold`. */
function goldCost(gold: Array<[number, number]>) {
  const ends = new Set<string>();
  let i = 0;
  let j = 0;
  for (const [a, b] of gold) {
    ends.add(`${i},${j},${i + a},${j + b}`);
    i += a;
    j += b;
  }
  return { n: i, m: j, cost: (i0: number, i1: number, j0: number, j1: number) => (ends.has(`${i0},${j0},${i1},${j1}`) ? 0 : 1 + (i1 - i0) + (j1 - j0)) };
}

describe("bandedAlign bead shapes", () => {
  it.each([
    ["1-1 only", [[1, 1], [1, 1], [1, 1]]],
    ["2-1 and 1-2", [[1, 1], [2, 1], [1, 2], [1, 1]]],
    ["2-2, 3-2 and 2-3", [[2, 2], [1, 1], [3, 2], [2, 3]]],
    ["long literary merges: 4-1, 5-1, 1-5", [[4, 1], [1, 1], [5, 1], [1, 5]]],
    ["1-0 and 0-1 at the edges and inside", [[1, 0], [1, 1], [0, 1], [1, 1], [0, 1]]],
  ] as Array<[string, Array<[number, number]>]>)("recovers %s", (_, gold) => {
    const { n, m, cost } = goldCost(gold);
    const path = bandedAlign(n, m, MOVES, cost);
    expect(path.steps.map((s) => [s.i1 - s.i0, s.j1 - s.j0])).toEqual(gold);
    expect(path.total).toBe(0);
  });
});

describe("stepPosteriors", () => {
  it("gives a bead with no rival near 1", () => {
    const { n, m, cost } = goldCost([[1, 1], [2, 1], [1, 1]]);
    // Far costlier elsewhere: at temperature 0.1 the rivals carry no weight.
    const steps = bandedAlign(n, m, MOVES, (a, b, c, d) => 10 * cost(a, b, c, d)).steps;
    for (const p of stepPosteriors(n, m, MOVES, (a, b, c, d) => 10 * cost(a, b, c, d), steps, 0.1, 4)) expect(p).toBeGreaterThan(0.99);
  });

  it("splits the probability between two equally good readings", () => {
    // 2 English × 1 Chinese: a 2-1 bead or 1-1 + 1-0, both costing 1; everything else 5.
    const moves: Move[] = [{ en: 1, zh: 0 }, { en: 0, zh: 1 }, { en: 1, zh: 1 }, { en: 2, zh: 1 }];
    const cost = (i0: number, i1: number, j0: number, j1: number): number => {
      const shape = `${i1 - i0}-${j1 - j0}`;
      if (shape === "2-1") return 1;
      if (shape === "1-1" && i0 === 0) return 0.5;
      if (shape === "1-0" && i0 === 1) return 0.5;
      return 5;
    };
    const steps = bandedAlign(2, 1, moves, cost).steps;
    const post = stepPosteriors(2, 1, moves, cost, steps, 1, 4);
    expect(post.length).toBe(steps.length);
    for (const p of post) expect(p).toBeGreaterThan(0.4);
    for (const p of post) expect(p).toBeLessThan(0.6);
  });

  it("is a probability for every step", () => {
    const { n, m, cost } = goldCost([[1, 1], [1, 2], [3, 1], [0, 1], [1, 1]]);
    const steps = bandedAlign(n, m, MOVES, cost).steps;
    for (const p of stepPosteriors(n, m, MOVES, cost, steps, 1, 3)) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
