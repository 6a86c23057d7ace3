import { describe, expect, it } from "vitest";
import { lengthBound, MAX_SENTENCE_CHARS, segmentParagraphs, splitEnglish } from "../../src/segment/index.js";
import { para } from "./helpers.js";

const words = (n: number): string => Array.from({ length: n }, (_, k) => ["water", "river", "pipe", "meter"][k % 4]).join(" ");
const files = { en: "a.en.txt", zh: "a.zh.txt" };

describe("bounded work per sentence", () => {
  it("cuts an over-long English sentence at its last comma within reach, losing nothing", () => {
    const clause = `${words(50)}, `; // 300 characters a clause
    const text = `The plan is short. W${clause.repeat(30).slice(1)}and that is all.`;
    const bound = lengthBound();
    const s = splitEnglish(para("en", text), 0, bound);
    expect(s[0]!.text).toBe("The plan is short.");
    expect(s.length).toBeGreaterThan(5);
    for (const x of s) expect(x.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    for (const x of s.slice(1, -1)) expect(x.text.endsWith(",")).toBe(true);
    expect(s.map((x) => x.text).join(" ")).toBe(text.trim().replace(/\s+/g, " "));
    expect(bound).toMatchObject({ long: 1, pieces: s.length - 1, dropped: [] });
  });

  it("leaves out a stretch with no clause mark and keeps what can be cut", () => {
    const text = `${words(20)}, ${"x".repeat(3000)} ${words(20)}; ${words(20)}.`;
    const bound = lengthBound();
    const s = splitEnglish(para("en", text), 0, bound);
    expect(bound.dropped).toHaveLength(1);
    expect(s.every((x) => x.text.length <= MAX_SENTENCE_CHARS && !x.text.includes("xxxx"))).toBe(true);
    expect(s.at(-1)!.text.endsWith(".")).toBe(true);
  });

  it("reports a 200,000-character sentence without punctuation, on each side, and leaves it out", () => {
    const en = para("en", `The report begins here. ${words(40_000)}`);
    const zh = para("zh", `报告从这里开始。${"水河城市规划管道计量".repeat(20_000)}`);
    const r = segmentParagraphs({ en: [en], zh: [zh] }, files, false);
    expect(r.en.map((s) => s.text)).toEqual([]);
    expect(r.zh.map((s) => s.text)).toEqual(["报告从这里开始。"]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: "long-sentence", severity: "warning", file: "a.en.txt", message: expect.stringMatching(/^1 sentence\(s\) longer than 2,000 characters.*1 stretch\(es\) without any \(2\d\d,\d{3} characters\) left out$/), hint: expect.stringMatching(/--presplit/) }),
      expect.objectContaining({ code: "long-sentence", file: "a.zh.txt", message: expect.stringMatching(/\(200,000 characters\) left out$/) }),
    ]);
  });

  it("bounds presplit lines too, and says nothing when no sentence is long", () => {
    const long = para("en", `${words(300)}, ${words(300)}`);
    const r = segmentParagraphs({ en: [long], zh: [para("zh", "短句。")] }, files, true);
    expect(r.en.length).toBe(2);
    expect(r.zh.map((s) => s.text)).toEqual(["短句。"]);
    expect(r.diagnostics.map((d) => d.file)).toEqual(["a.en.txt"]);
    expect(segmentParagraphs({ en: [para("en", "One. Two.")], zh: [para("zh", "一。二。")] }, files, false).diagnostics).toEqual([]);
  });

  it("one file (a mixed document) gets one diagnostic for both sides", () => {
    const r = segmentParagraphs({ en: [para("en", words(1000))], zh: [para("zh", "水".repeat(3000))] }, { en: "m.txt", zh: "m.txt" }, false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toMatch(/^English: .*; Chinese: /);
  });
});
