import { describe, expect, it } from "vitest";
import { sameTranscription } from "../../src/lexicon/translit.js";

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
