import { describe, expect, it } from "vitest";
import { sameTranscription, skeleton, skeletonSimilarity, transcriptionSkeletons } from "../../src/lexicon/translit.js";

describe("sameTranscription", () => {
  it.each([
    ["德克萨斯", "得克萨斯州", true],
    ["克莱恩", "考莱因", false],
    ["阿尔伯克基", "阿尔伯克基大学", true],
    ["美国", "美国人", false],
    ["斯密特", "史密斯", false],
  ])("%s / %s → %s", (a, b, same) => {
    expect(sameTranscription(a, b)).toBe(same);
  });
});

describe("transcriptionSkeletons", () => {
  const readings = new Map<string, string[]>([["基", ["ji"]], ["辛", ["xin"]], ["格", ["ge"]], ["华", ["hua"]], ["纳", ["na"]], ["希", ["xi"]], ["瑟", ["se"]]]);
  const heard = (zh: string, en: string): number => Math.max(...transcriptionSkeletons(zh, readings).map((f) => skeletonSimilarity(skeleton(en), f)));

  it("hears k or g in j and q, h in x, w in hu before a vowel", () => {
    expect(heard("基辛格", "Kissinger")).toBe(1);
    expect(heard("华纳", "Warner")).toBe(1);
    expect(heard("希瑟", "Heather")).toBe(1);
  });

  it("keeps the plain reading too", () => {
    expect(heard("基辛格", "Jessinger")).toBe(1);
  });
});
