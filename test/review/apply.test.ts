import { describe, expect, it } from "vitest";
import { applyReview, type ReviewDecision } from "../../src/glossary/review.js";
import type { Glossary } from "../../src/glossary/store.js";
import type { GlossaryEntry } from "../../src/model/index.js";

const entry = (over: Partial<GlossaryEntry>): GlossaryEntry => ({
  id: "t1", en: "river basin", zh: "流域", status: "candidate", enVariants: [], zhVariants: [], score: "0.9", enCount: "2", zhCount: "2", exampleEn: "", exampleZh: "", note: "", domain: "", firstSeen: "2026-01-01", lastSeen: "2026-01-01", updated: "2026-01-01", extra: { mine: "x" }, ...over,
});
const row = (over: Partial<ReviewDecision>): ReviewDecision => ({ id: "t1", en: "river basin", zh: "流域", status: "candidate", note: "", statusWas: "candidate", noteWas: "", cells: {}, where: "r.xlsx:Terms!D2", ...over });
const g = (...entries: GlossaryEntry[]): Glossary => ({ entries, extraColumns: ["mine"] });
const today = "2026-02-02";

describe("review import into the glossary (three-way)", () => {
  it.each([
    // [what, glossary entry now, workbook row, expected status, note, conflicts]
    ["a candidate the reviewer approved", { status: "candidate" }, { status: "approved" }, "approved", "", 0],
    ["a decision the reviewer changed, untouched meanwhile", { status: "approved" }, { status: "rejected", statusWas: "approved" }, "rejected", "", 0],
    ["a decision made elsewhere meanwhile, the reviewer changed the status too", { status: "forbidden" }, { status: "approved", statusWas: "candidate" }, "forbidden", "", 1],
    ["a decision made elsewhere meanwhile, the reviewer left the row alone", { status: "approved" }, { status: "candidate", statusWas: "candidate" }, "approved", "", 0],
    ["the same decision on both sides", { status: "approved" }, { status: "approved", statusWas: "candidate" }, "approved", "", 0],
    ["a note written", {}, { note: "check with the client" }, "candidate", "check with the client", 0],
    ["a note changed elsewhere meanwhile", { note: "theirs" }, { note: "mine", noteWas: "" }, "candidate", "theirs", 1],
    ["a note left alone while it changed elsewhere", { note: "theirs" }, { note: "", noteWas: "" }, "candidate", "theirs", 0],
  ] as const)("%s", (_, now, r, status, note, conflicts) => {
    const before = g(entry(now as Partial<GlossaryEntry>));
    const { glossary, summary } = applyReview(before, [row(r as Partial<ReviewDecision>)], today);
    expect(glossary.entries[0]).toMatchObject({ status, note, extra: { mine: "x" } });
    expect(summary.conflicts).toHaveLength(conflicts);
    expect(before.entries[0]).toMatchObject(now); // pure
  });

  it("stamps a changed entry with today and leaves unchanged rows alone", () => {
    const { glossary, summary } = applyReview(g(entry({}), entry({ id: "t2", en: "tariff", zh: "关税" })), [row({ status: "approved" }), row({ id: "t2", en: "tariff", zh: "关税" })], today);
    expect(glossary.entries.map((e) => e.updated)).toEqual([today, "2026-01-01"]);
    expect(summary).toMatchObject({ decided: 1, unchanged: 1, added: 0 });
  });

  it("finds the entry by its terms when the id differs (an imported entry)", () => {
    const { glossary } = applyReview(g(entry({ id: "i123", enVariants: ["basin"] })), [row({ id: "t9", en: "basin", status: "forbidden" })], today);
    expect(glossary.entries).toHaveLength(1);
    expect(glossary.entries[0]!.status).toBe("forbidden");
  });

  it("adds a pair the glossary does not hold when the reviewer decided it, with the row's evidence", () => {
    const cells = { score: "0.41", en_count: "3", zh_count: "4", example_en: "Tariffs rose.", example_zh: "关税上涨。", en_variants: "tariffs", zh_variants: "" };
    const { glossary, summary } = applyReview(g(), [row({ id: "t5", en: "tariff", zh: "关税", status: "approved", statusWas: "", cells }), row({ id: "t6", en: "x", zh: "叉", statusWas: "" })], today);
    expect(summary).toMatchObject({ added: 1, unchanged: 1 });
    expect(glossary.entries).toEqual([expect.objectContaining({ id: "t5", status: "approved", score: "0.41", exampleEn: "Tariffs rose.", enVariants: ["tariffs"], firstSeen: today, extra: { mine: "" } })]);
  });
});

describe("rows a reviewer added by hand (no id)", () => {
  it("adds a new pair with its status, or decides the candidate it names; a decided entry keeps its decision", () => {
    const { glossary, summary } = applyReview(
      g(entry({}), entry({ id: "t2", en: "tariff", zh: "关税", status: "rejected" })),
      [
        row({ id: "", en: "water table", zh: "地下水位", status: "approved", statusWas: "", cells: {} }),
        row({ id: "", en: "River Basin", zh: "流域", status: "approved", statusWas: "" }),
        row({ id: "", en: "tariff", zh: "关税", status: "approved", statusWas: "" }),
      ],
      today,
    );
    expect(glossary.entries.map((e) => [e.en, e.status])).toEqual([["river basin", "approved"], ["tariff", "rejected"], ["water table", "approved"]]);
    expect(glossary.entries[2]!.id).toMatch(/^i[0-9a-f]{10}$/);
    expect(summary).toMatchObject({ added: 1, decided: 1 });
    expect(summary.conflicts).toEqual([expect.objectContaining({ en: "tariff", glossary: "rejected", workbook: "approved" })]);
  });
});
