import { describe, expect, it } from "vitest";
import { splitChinese, splitEnglish } from "../../src/segment/index.js";
import { EN_CASES, ZH_CASES } from "./cases.js";
import { para } from "./helpers.js";

/**
 * Splitting cost grows linearly: the hard cases repeated into one paragraph (the worst case,
 * a long file without blank lines) at 1× and 8× the size. The check compares the two sizes'
 * CPU times (fastest of five runs), not a time bar: linear work takes about 8× as long, the
 * former quadratic splitter took 64×; the bound, 24×, leaves room for a busy machine.
 */
function cpuSeconds(f: () => void): number {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = process.cpuUsage();
    f();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1e6);
  }
  return best;
}

function growth(split: typeof splitEnglish, lang: "en" | "zh", unit: string, sep: string): { ratio: number; sentences: number[] } {
  const text = (n: number): string => Array.from({ length: n }, () => unit).join(sep);
  const sentences: number[] = [];
  const time = (n: number): number => {
    const p = para(lang, text(n));
    return cpuSeconds(() => void sentences.push(split(p, 0).length));
  };
  time(40); // warm up the compiler
  const small = time(100);
  const large = time(800);
  return { ratio: large / small, sentences };
}

describe("splitting time grows linearly", () => {
  it("English", () => {
    const unit = EN_CASES.map(([, text]) => text).join(" ");
    const { ratio, sentences } = growth(splitEnglish, "en", unit, " ");
    expect(sentences.at(-1)).toBeGreaterThan(8 * 40 * 10);
    expect(ratio).toBeLessThan(24);
  });

  it("Chinese", () => {
    const unit = ZH_CASES.map(([, text]) => text).join("");
    const { ratio } = growth(splitChinese, "zh", unit, "");
    expect(ratio).toBeLessThan(24);
  });
});
