import { describe, expect, it } from "vitest";
import { countDocument, emptyCounts } from "../../src/link/index.js";
import { MAX_DOCS, MAX_MEETINGS, pairEvidence, tallies } from "../../src/link/counts.js";
import { mergeCounts } from "../../src/link/merge.js";
import type { AlignedDoc, DocMentions, Lang, Mention, Sentence } from "../../src/model/index.js";

const sent = (lang: Lang, text: string, k: number): Sentence => ({ doc: "d", lang, text, start: 0, end: text.length, line: k + 1, paragraph: k });
const mention = (lang: Lang, key: string): Mention => ({ lang, key, surface: key, words: 1, pattern: "N", start: 0, end: key.length, left: "", right: "", maximal: true });

/** A document of `scores.length` 1-1 beads, each holding the pair river ↔ 河流. */
function doc(name: string, scores: number[]): { d: AlignedDoc; m: DocMentions } {
  const en = scores.map((_, k) => sent("en", `River ${k}.`, k));
  const zh = scores.map((_, k) => sent("zh", `河流${k}。`, k));
  const d: AlignedDoc = { doc: name, path: name, encodings: ["utf-8"], en, zh, beads: scores.map((score, k) => ({ en: [k], zh: [k], score })), diagnostics: [], paragraphs: { en: en.length, zh: zh.length } };
  return { d, m: { doc: name, en: en.map(() => [mention("en", "river")]), zh: zh.map(() => [mention("zh", "河流")]) } };
}

describe("beads kept per pair for the reviewer", () => {
  it("keeps the best MAX_MEETINGS, best first, in corpus order on ties; the best is the first", () => {
    const counts = emptyCounts();
    const scores = Array.from({ length: 30 }, (_, k) => [0.5, 0.9, 0.7][k % 3]!);
    const a = doc("a", scores.slice(0, 15));
    const b = doc("b", scores.slice(15));
    countDocument(counts, a.d, a.m);
    countDocument(counts, b.d, b.m);
    expect([...tallies(counts)].map((t) => t.cooc)).toEqual([30]);
    const kept = pairEvidence(counts, "river", "河流").meetings;
    expect(kept).toHaveLength(MAX_MEETINGS);
    // Ten 0.9 beads, ten 0.7 beads (in corpus order within each score), no 0.5.
    expect(kept.map((m) => m.score)).toEqual([...Array(10).fill(0.9), ...Array(10).fill(0.7)]);
    expect(kept.slice(0, 10).map((m) => `${m.doc}#${m.bead}`)).toEqual(["a#1", "a#4", "a#7", "a#10", "a#13", "b#1", "b#4", "b#7", "b#10", "b#13"]);
    expect(kept[0]!.en).toBe("River 1.");
  });

  it("for any number of meetings, the best min(met, MAX_MEETINGS) by a stable sort", () => {
    const scores = Array.from({ length: 27 }, (_, k) => ((k * 7) % 11) / 10);
    for (let n = 1; n <= scores.length; n++) {
      const counts = emptyCounts();
      const a = doc("a", scores.slice(0, n));
      countDocument(counts, a.d, a.m);
      const want = scores.slice(0, n).map((score, bead) => ({ score, bead })).sort((x, y) => y.score - x.score).slice(0, MAX_MEETINGS);
      expect(pairEvidence(counts, "river", "河流").meetings.map((m) => [m.bead, m.score])).toEqual(want.map((w) => [w.bead, w.score]));
    }
  });

  it("documents: the first MAX_DOCS by corpus place, all of them counted, whatever order the counts were merged in", () => {
    const parts = Array.from({ length: 14 }, (_, k) => {
      const c = emptyCounts();
      const a = doc(`d${String(k).padStart(2, "0")}`, [0.5, 0.6]);
      countDocument(c, a.d, a.m, k);
      return c;
    });
    const whole = emptyCounts();
    for (const k of [13, 2, 7, 0, 11, 5, 9, 1, 12, 3, 8, 6, 10, 4]) mergeCounts(whole, parts[k]!);
    const ev = pairEvidence(whole, "river", "河流");
    expect(ev.docCount).toBe(14);
    expect(ev.docs).toEqual(Array.from({ length: MAX_DOCS }, (_, k) => `d${String(k).padStart(2, "0")}`));
    expect(ev.meetings[0]).toMatchObject({ doc: "d00", bead: 1, score: 0.6 });
  });

  it("a pair that never met has no evidence", () => {
    const counts = emptyCounts();
    const a = doc("a", [0.4]);
    countDocument(counts, a.d, a.m);
    expect(pairEvidence(counts, "river", "水")).toEqual({ meetings: [], docs: [], docCount: 0 });
  });
});
