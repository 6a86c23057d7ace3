import { describe, expect, it } from "vitest";
import { MarkIndex, markMismatch } from "../../src/align/marks.js";

describe("discourse marks", () => {
  it.each([
    ["en", "Wang Yi: Friends from the media, good morning.", { label: true, asks: false, quotes: false }],
    ["en", "China Central Television: Could you talk us through it?", { label: true, asks: true, quotes: false }],
    ["en", "Minister of Foreign Affairs: Thank you.", { label: true, asks: false, quotes: false }],
    ["en", "He said: “we are ready.”", { label: false, asks: false, quotes: true }],
    ["en", "The ratio was 3:1 at noon.", { label: false, asks: false, quotes: false }],
    ["zh", "王毅：各位记者朋友，大家上午好！", { label: true, asks: false, quotes: false }],
    ["zh", "中央广播电视总台央视记者: 首先请您介绍一下？", { label: true, asks: true, quotes: false }],
    ["zh", "他说：“我们准备好了。”", { label: true, asks: false, quotes: true }],
    ["zh", "比分是3:1。", { label: false, asks: false, quotes: false }],
  ] as const)("%s %s", (lang, text, want) => {
    const idx = new MarkIndex([text], lang);
    expect({ label: idx.has("label", 0, 1), asks: idx.has("asks", 0, 1), quotes: idx.has("quotes", 0, 1) }).toEqual(want);
  });

  it("charges a bead only for the marks one side has and the other lacks", () => {
    const en = new MarkIndex(["Wang Yi: Good morning.", "Is that so?", "Yes."], "en");
    const zh = new MarkIndex(["王毅：大家上午好！", "是这样吗？", "是的。"], "zh");
    const w = { asks: 0.4, quotes: 0.2, label: 0.5 };
    expect(markMismatch(en, zh, 0, 1, 0, 1, w)).toBe(0);
    expect(markMismatch(en, zh, 1, 2, 1, 2, w)).toBe(0);
    expect(markMismatch(en, zh, 0, 1, 1, 2, w)).toBeCloseTo(0.9);
    // A merged bead carries the marks of all its sentences.
    expect(markMismatch(en, zh, 0, 2, 0, 1, w)).toBeCloseTo(0.4);
    expect(markMismatch(en, zh, 1, 3, 1, 3, w)).toBe(0);
  });
});
