import { describe, expect, it } from "vitest";
import { alignByLength, bandedAlign, lengthMatchProbability, normalCdf } from "../../src/align/index.js";
import { guideFromPath } from "../../src/align/dp.js";
import { scoreStrict, type BeadKey } from "../../src/eval/beads.js";
import type { Lang, Sentence } from "../../src/model/index.js";

/** Deterministic PRNG (mulberry32) so the synthetic bitexts are the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentence = (lang: Lang, len: number): Sentence => ({ doc: "t", lang, text: (lang === "en" ? "w" : "字").repeat(Math.max(1, len)), start: 0, end: 0, line: 1, paragraph: 0 });

/** Builds a bitext with known beads: English lengths drawn at random, Chinese ≈ English / 3 with noise. */
function synthetic(seed: number, shapes: Array<[number, number]>): { en: Sentence[]; zh: Sentence[]; gold: BeadKey[] } {
  const r = rng(seed);
  const en: Sentence[] = [];
  const zh: Sentence[] = [];
  const gold: BeadKey[] = [];
  for (const [a, b] of shapes) {
    const enLens = Array.from({ length: a }, () => 20 + Math.floor(r() * 180));
    const total = enLens.reduce((x, y) => x + y, a === 0 ? 30 + Math.floor(r() * 60) : 0);
    const zhTotal = (total / 3) * (0.9 + r() * 0.2);
    const zhLens = Array.from({ length: b }, (_, k) => (b === 1 ? zhTotal : zhTotal * (k === 0 ? 0.4 + r() * 0.2 : 1) / (k === 0 ? 1 : b - 1)));
    if (b > 1) zhLens[b - 1] = zhTotal - zhLens.slice(0, b - 1).reduce((x, y) => x + y, 0);
    const bead: BeadKey = { en: [], zh: [] };
    for (const l of enLens) bead.en.push(en.push(sentence("en", l)) - 1);
    for (const l of zhLens) bead.zh.push(zh.push(sentence("zh", Math.round(l))) - 1);
    gold.push(bead);
  }
  return { en, zh, gold };
}

function shapes(seed: number, n: number): Array<[number, number]> {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const x = r();
    return x < 0.8 ? [1, 1] : x < 0.9 ? [2, 1] : [1, 2];
  });
}

describe("length model", () => {
  it("normalCdf is the standard normal CDF", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 3);
  });

  it("a perfect length match scores 1 and a gross mismatch near 0", () => {
    const m = { ratio: 3, variance: 10 };
    expect(lengthMatchProbability(90, 30, m)).toBeCloseTo(1, 6);
    expect(lengthMatchProbability(300, 10, m)).toBeLessThan(1e-6);
  });
});

describe("alignByLength", () => {
  it("recovers a 1-1 bitext exactly", () => {
    const { en, zh, gold } = synthetic(1, Array.from({ length: 200 }, () => [1, 1] as [number, number]));
    const beads = alignByLength(en, zh);
    expect(scoreStrict(beads, gold).f1).toBe(1);
  });

  it("finds 2-1 and 1-2 beads among 1-1s", () => {
    const { en, zh, gold } = synthetic(2, shapes(3, 300));
    const beads = alignByLength(en, zh);
    const s = scoreStrict(beads, gold);
    expect(s.f1).toBeGreaterThan(0.9);
    const merged = beads.filter((b) => b.en.length === 2 && b.zh.length === 1).length;
    expect(merged).toBeGreaterThan(10);
  });

  it("covers every sentence exactly once, in order, with scores in [0, 1]", () => {
    const { en, zh } = synthetic(4, shapes(5, 120));
    const beads = alignByLength(en, zh);
    expect(beads.flatMap((b) => b.en)).toEqual(en.map((_, i) => i));
    expect(beads.flatMap((b) => b.zh)).toEqual(zh.map((_, j) => j));
    for (const b of beads) {
      expect(b.score).toBeGreaterThanOrEqual(0);
      expect(b.score).toBeLessThanOrEqual(1);
    }
  });

  it("handles an empty side as 1-0 or 0-1 beads", () => {
    const en = [sentence("en", 30), sentence("en", 40)];
    expect(alignByLength(en, [])).toEqual([
      { en: [0], zh: [], score: 0 },
      { en: [1], zh: [], score: 0 },
    ]);
  });
});

describe("bandedAlign", () => {
  it("grows the band until it finds the same optimum as the full matrix", () => {
    // A cost that forces a path far from the diagonal: the first 40 English sentences are unmatched.
    const n = 100;
    const m = 60;
    const moves = [
      { en: 1, zh: 1 },
      { en: 1, zh: 0 },
      { en: 0, zh: 1 },
    ];
    const cost = (i0: number, i1: number, j0: number, j1: number): number => {
      if (i1 - i0 === 1 && j1 - j0 === 1) return i0 - 40 === j0 ? 0 : 10;
      return i1 - i0 === 1 && i0 < 40 ? 1 : 5;
    };
    const narrow = bandedAlign(n, m, moves, cost, { width: 2 });
    const full = bandedAlign(n, m, moves, cost, { width: 1000 });
    expect(narrow.total).toBe(full.total);
    expect(narrow.total).toBe(40);
  });
});

describe("guideFromPath", () => {
  it("centres each row on the path and widens for runs of 0-1 beads", () => {
    const steps = [
      { i0: 0, i1: 1, j0: 0, j1: 1, cost: 0 },
      { i0: 1, i1: 1, j0: 1, j1: 2, cost: 0 },
      { i0: 1, i1: 1, j0: 2, j1: 3, cost: 0 },
      { i0: 1, i1: 3, j0: 3, j1: 4, cost: 0 },
    ];
    const { guide, spread } = guideFromPath(steps, 3);
    expect([...guide]).toEqual([0, 2, 4, 4]);
    expect(spread).toBe(1);
  });
});
