import { describe, expect, it } from "vitest";
import { createEnTagger } from "../../src/terms/en/compromise.js";
import { loadJieba } from "../../src/terms/zh/jieba.js";

describe("NLP adapters", () => {
  it("jieba cuts and tags Chinese", () => {
    const zh = loadJieba();
    expect(zh.cut("我们加强流域综合治理。").join("")).toBe("我们加强流域综合治理。");
    const tags = zh.tag("水利部发布了新的防洪规划");
    expect(tags.map((t) => t.word).join("")).toBe("水利部发布了新的防洪规划");
    expect(tags.find((t) => t.word === "发布")?.tag).toBe("v");
  });

  it("jieba refuses a second load with another user dictionary", () => {
    loadJieba();
    expect(() => loadJieba({ userDict: "/nonexistent" })).toThrow(/already loaded/);
  });

  it("compromise tags English once per sentence", () => {
    const tokens = createEnTagger().tag("The Ministry of Water Resources launched a flood early-warning system.");
    expect(tokens.map((t) => t.normal)).toContain("ministry");
    expect(tokens.find((t) => t.normal === "launched")?.tags).toContain("Verb");
    expect(tokens.find((t) => t.normal === "ministry")?.tags).toContain("Noun");
  });
});
