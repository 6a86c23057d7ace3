import { describe, expect, it } from "vitest";
import { applyCorrections, beadKey, beadText, mergeCorrections, parseCorrections, serializeCorrections, type AlignmentCorrection } from "../../src/glossary/corrections.js";
import type { AlignedDoc, Bead, Sentence } from "../../src/model/index.js";

const sent = (lang: "en" | "zh", text: string, k: number): Sentence => ({ doc: "d", lang, text, start: k, end: k + 1, line: k + 1, paragraph: k });
const EN = ["One.", "Two.", "Three.", "Four.", "Five."];
const ZH = ["一。", "二。", "三。", "四五。"];
const beads: Bead[] = [
  { en: [0, 1], zh: [0], score: 0.3 },
  { en: [2], zh: [1], score: 0.4 },
  { en: [], zh: [2], score: 0 },
  { en: [3, 4], zh: [3], score: 0.9 },
];
const doc: AlignedDoc = { doc: "d", path: "d.txt", encodings: ["utf-8"], en: EN.map((t, k) => sent("en", t, k)), zh: ZH.map((t, k) => sent("zh", t, k)), beads, diagnostics: [], paragraphs: { en: 5, zh: 4 } };

const fix = (bead: number, over: Partial<AlignmentCorrection>): AlignmentCorrection => {
  const t = beadText(doc, beads[bead]!);
  return { doc: "d", bead, key: beadKey(t.en, t.zh), en: t.en, zh: t.zh, updated: "2026-01-01", ...over };
};
const shapes = (d: AlignedDoc) => d.beads.map((b) => [b.en, b.zh, b.score]);

describe("alignment corrections", () => {
  it.each([
    ["ok confirms the bead (score 1)", fix(0, { fix: "ok" }), [[[0, 1], [0], 1], [[2], [1], 0.4], [[], [2], 0], [[3, 4], [3], 0.9]]],
    ["split pairs the sentences one to one, the rest unaligned", fix(0, { fix: "split" }), [[[0], [0], 1], [[1], [], 0.3], [[2], [1], 0.4], [[], [2], 0], [[3, 4], [3], 0.9]]],
    ["merge joins the bead with the next", fix(1, { fix: "merge" }), [[[0, 1], [0], 0.3], [[2], [1, 2], 1], [[3, 4], [3], 0.9]]],
    ["drop unaligns the sentences", fix(1, { fix: "drop" }), [[[0, 1], [0], 0.3], [[2], [], 0.4], [[], [1], 0.4], [[], [2], 0], [[3, 4], [3], 0.9]]],
  ] as const)("%s", (_, c, want) => {
    const out = applyCorrections(doc, [c], "d.txt");
    expect(shapes(out)).toEqual(want);
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: "alignment-correction", severity: "info", message: expect.stringMatching(/^1 reviewer fix/) })]);
    expect(doc.beads).toBe(beads); // pure
  });

  it("puts edited text in the side's first sentence and empties the others", () => {
    const out = applyCorrections(doc, [fix(3, { editedEn: "Four and five.", editedZh: "四和五。" })], "d.txt");
    expect(beadText(out, out.beads[3]!)).toEqual({ en: "Four and five. ", zh: "四和五。" });
    expect(out.beads[3]!.score).toBe(1);
    expect(doc.en[3]!.text).toBe("Four.");
  });

  it("finds a bead that moved by its text, and reports one that is gone instead of fixing another", () => {
    const moved = fix(3, { fix: "ok", bead: 0 });
    const gone = { ...fix(1, { fix: "drop" }), key: beadKey("Not there.", "无。") };
    const out = applyCorrections(doc, [moved, gone], "d.txt");
    expect(shapes(out)[3]).toEqual([[3, 4], [3], 1]);
    expect(shapes(out)[1]).toEqual([[2], [1], 0.4]);
    expect(out.diagnostics.map((d) => d.severity)).toEqual(["warning", "info"]);
    expect(out.diagnostics[0]!.message).toMatch(/no longer in the alignment; its fix was not applied/);
  });

  it("round-trips through its file; a newer fix of the same bead replaces the older", () => {
    const a = fix(0, { fix: "split" });
    const b = fix(1, { editedZh: "二！" });
    const merged = mergeCorrections([a, b], [{ ...a, fix: "drop", updated: "2026-02-02" }]);
    expect(merged.map((c) => [c.bead, c.fix ?? null, c.updated])).toEqual([[0, "drop", "2026-02-02"], [1, null, "2026-01-01"]]);
    expect(parseCorrections(serializeCorrections(merged), "f.json")).toEqual(merged);
  });

  it.each([
    ["not JSON", "{", /is not JSON/],
    ["no list", "{}", /has no "corrections" list/],
    ["unknown fix", JSON.stringify({ corrections: [{ ...fix(0, {}), fix: "swap" }] }), /fix "swap" is not one of ok, split, merge, drop/],
    ["no bead", JSON.stringify({ corrections: [{ ...fix(0, {}), bead: "x" }] }), /has no bead number/],
  ])("refuses a bad file: %s", (_, text, msg) => {
    expect(() => parseCorrections(text, "f.json")).toThrow(msg);
  });
});
