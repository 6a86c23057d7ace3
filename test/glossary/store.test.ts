import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { glossaryFeedback, mergeGlossary } from "../../src/glossary/merge.js";
import { parseGlossary, serializeGlossary, type Glossary } from "../../src/glossary/store.js";
import { pairKey, TermbridgeError, type GlossaryEntry, type TermPair } from "../../src/model/index.js";

const FIX = join(__dirname, "../fixtures/glossary");

const entry = (over: Partial<GlossaryEntry>): GlossaryEntry => ({
  id: "t1", en: "river basin", zh: "流域", status: "candidate", enVariants: [], zhVariants: [], score: "0.9", enCount: "3", zhCount: "3",
  exampleEn: "The river basin.", exampleZh: "流域。", note: "", domain: "", firstSeen: "2026-11-01", lastSeen: "2026-11-01", updated: "2026-11-01", extra: {}, ...over,
});

const pair = (over: Partial<TermPair>): TermPair => ({
  id: "t1", en: "river basin", zh: "流域", enKey: "river basin", zhKey: "流域", enVariants: [], zhVariants: [], score: 0.95, enCount: 4, zhCount: 4, cooc: 4, logDice: 14, llr: 20, dict: 1,
  exampleEn: "A new river basin example.", exampleZh: "新的流域例句。", source: { doc: "d", bead: 0 }, docs: ["d"], docCount: 1, ...over,
});

describe("glossary store", () => {
  it.each([
    ["ragged.csv", 3, /row has 3 cells where the header has 4/],
    ["duplicate-id.csv", 4, /id t1 is used again \(first on line 2\)/],
    ["unknown-status.csv", 3, /status "maybe" is not one of candidate, approved, rejected, forbidden/],
    ["no-status-column.csv", 1, /has no "status" column/],
    ["empty-target.csv", 2, /row t1 has no Chinese term/],
    ["unterminated-quote.csv", undefined, /cannot be read as CSV/],
  ])("stops on %s with its line and what to do", (name, line, message) => {
    const file = join(FIX, name);
    try {
      parseGlossary(readFileSync(file, "utf8"), file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TermbridgeError);
      const err = e as TermbridgeError;
      expect(err.code).toBe("malformed-glossary");
      expect(err.message).toMatch(message);
      if (line !== undefined) expect(err.line).toBe(line);
      expect(err.hint).toMatch(/left untouched/);
    }
  });

  it("round-trips every field, variants, decisions and a reviewer's own column", () => {
    const g: Glossary = {
      entries: [
        entry({ id: "t2", en: "=flood", zh: "洪水", status: "approved", enVariants: ["floods", "inundation"], zhVariants: ["水灾"], note: "house style, 2026", domain: "hydrology", extra: { reviewer: "Li" } }),
        entry({ extra: { reviewer: "" } }),
      ],
      extraColumns: ["reviewer"],
    };
    const text = serializeGlossary(g);
    expect(text.startsWith("\uFEFFid,en,zh,status,")).toBe(true);
    expect(text).toContain("'=flood");
    const back = parseGlossary(text, "g.csv");
    expect(back.extraColumns).toEqual(["reviewer"]);
    expect(back.entries.find((e) => e.id === "t2")).toEqual(g.entries[0]);
  });

  it("reads what a spreadsheet saved: no BOM, LF, ';', reordered columns and rows, status in capitals, missing evidence columns", () => {
    const text = "zh;status;id;en;my note\n水资源;Approved;t9;water resources;keep\n流域;candidate;t1;river basin;\n";
    const g = parseGlossary(text, "g.csv");
    expect(g.extraColumns).toEqual(["my note"]);
    expect(g.entries.map((e) => [e.id, e.status, e.extra["my note"]])).toEqual([["t9", "approved", "keep"], ["t1", "candidate", ""]]);
  });
});

describe("merging a run into the glossary", () => {
  const today = "2026-12-01";

  it("adds new pairs as candidates above the threshold, with evidence and dates", () => {
    const { glossary, summary } = mergeGlossary({ entries: [], extraColumns: ["reviewer"] }, [pair({}), pair({ id: "t5", en: "weak", zh: "弱", score: 0.2 })], { today, minScore: 0.5 });
    expect(summary).toMatchObject({ added: 1, refreshed: 0, kept: 0 });
    expect(glossary.entries[0]).toMatchObject({ id: "t1", status: "candidate", score: "0.95", enCount: "4", firstSeen: today, lastSeen: today, updated: today, extra: { reviewer: "" } });
  });

  it("refreshes evidence but never what a person decided or wrote", () => {
    const decided = entry({ status: "approved", en: "river-basin (edited)", zh: "流域（审定）", enVariants: ["catchment"], note: "checked", domain: "water", extra: { reviewer: "Li" } });
    const { glossary, summary } = mergeGlossary({ entries: [decided], extraColumns: ["reviewer"] }, [pair({ enVariants: ["basin"] })], { today, minScore: 0.5 });
    expect(summary).toMatchObject({ added: 0, refreshed: 1, decisions: 1 });
    expect(glossary.entries[0]).toEqual({ ...decided, score: "0.95", enCount: "4", zhCount: "4", exampleEn: "A new river basin example.", exampleZh: "新的流域例句。", lastSeen: today, updated: today });
  });

  it("matches an entry by its terms when the id differs (an imported entry), variants included", () => {
    const imported = entry({ id: "imp-7", en: "River Basin", zh: "江河流域", zhVariants: ["流域"], status: "approved" });
    const { glossary, summary } = mergeGlossary({ entries: [imported], extraColumns: [] }, [pair({})], { today, minScore: 0.5 });
    expect(summary).toMatchObject({ added: 0, refreshed: 1 });
    expect(glossary.entries).toHaveLength(1);
  });

  it("never brings back a rejected or forbidden pair", () => {
    const entries = [entry({ status: "rejected" }), entry({ id: "t3", en: "water", zh: "水利", status: "forbidden" })];
    const { glossary, summary } = mergeGlossary({ entries, extraColumns: [] }, [pair({}), pair({ id: "t4", en: "Water", zh: "水利" })], { today, minScore: 0 });
    expect(summary).toMatchObject({ added: 0, suppressed: 2 });
    expect(glossary.entries).toEqual(entries);
  });

  it("leaves entries the run did not see exactly as they were", () => {
    const old = entry({ id: "t8", en: "dam", zh: "大坝", status: "approved" });
    const { glossary, summary } = mergeGlossary({ entries: [old], extraColumns: [] }, [], { today, minScore: 0.5 });
    expect(summary.kept).toBe(1);
    expect(glossary.entries[0]).toEqual(old);
  });

  it("feeds decisions back: blocked pairs, terms only ever rejected, approved Chinese terms for jieba", () => {
    const fb = glossaryFeedback({
      entries: [
        entry({ id: "a", status: "approved", zh: "人类命运共同体", zhVariants: ["命运共同体"] }),
        entry({ id: "b", status: "rejected", en: "diplomacy China", zh: "介绍中国外交" }),
        entry({ id: "c", status: "rejected", en: "river basin", zh: "河流" }),
        entry({ id: "d", status: "forbidden", en: "water", zh: "水利" }),
      ],
      extraColumns: [],
    });
    expect(fb.userDict).toBe("人类命运共同体 n\n命运共同体 n\n");
    expect(fb.exclusions.pairs.has(pairKey("Diplomacy China", "介绍中国外交"))).toBe(true);
    expect(fb.exclusions.pairs.has(pairKey("water", "水利"))).toBe(true);
    expect([...fb.exclusions.en]).toEqual(["diplomacy china"]);
    expect([...fb.exclusions.zh].sort()).toEqual(["介绍中国外交", "河流"].sort());
  });
});
