import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOmegatGlossary, OMEGAT_HEADER, serializeOmegatGlossary } from "../../src/export/omegat.js";
import { readOmegatGlossary } from "../../src/glossary/import.js";
import type { GlossaryEntry } from "../../src/model/index.js";
import { ENTRIES, ge } from "../fixtures/glossary/entries.js";
import { harness, missingTools } from "../harness.js";

describe("buildOmegatGlossary", () => {
  const rows = buildOmegatGlossary(ENTRIES, { srcLang: "en" });

  it("orders approved, then candidates, then forbidden pairs, each by source then target; rejected left out", () => {
    expect(rows.map((r) => [r.status, r.source, r.target])).toEqual([
      ["approved", "basin plan", "流域规划"],
      ["approved", "leakage rate", "漏损率"],
      ["approved", "river basin plan", "流域规划"],
      ["approved", "river-basin plan", "流域规划"],
      ["approved", "tariff", "关税"],
      ["approved", "water use efficiency", "用水效率"],
      ["candidate", "free trade agreement", "自由贸易协定"],
      ["forbidden", "joint statement", "共同声明"],
    ]);
  });

  it("gives every source variant its own line with the main target, target variants in the comment", () => {
    const byS = new Map(rows.map((r) => [r.source, r.comment]));
    expect(byS.get("river basin plan")).toBe("also: 流域计划 | domain: water management | Use in all ministry texts.");
    expect(byS.get("basin plan")).toBe("variant of: river basin plan | also: 流域计划 | domain: water management | Use in all ministry texts.");
    expect(byS.get("tariff")).toBe("domain: trade");
  });

  it("marks forbidden pairs at the start of the comment", () => {
    expect(rows.find((r) => r.status === "forbidden")!.comment).toBe("FORBIDDEN: do not use | the official term is 联合声明");
  });

  it("removes tabs, line breaks and control characters (no space inside Chinese)", () => {
    expect(rows.find((r) => r.source === "water use efficiency")).toMatchObject({ target: "用水效率", comment: "line one with a tab line two" });
    expect(rows.find((r) => r.source === "leakage rate")).toMatchObject({ target: "漏损率", comment: "page one page two" });
  });

  it("takes Chinese as the source when asked", () => {
    const zh = buildOmegatGlossary(ENTRIES, { srcLang: "zh" });
    expect(zh.filter((r) => r.target === "river basin plan").map((r) => [r.source, r.comment])).toEqual([
      ["流域规划", "also: basin plan; river-basin plan | domain: water management | Use in all ministry texts."],
      ["流域计划", "variant of: 流域规划 | also: basin plan; river-basin plan | domain: water management | Use in all ministry texts."],
    ]);
  });

  it("unwraps quoted terms (OmegaT would keep the quotes) and writes a pair once", () => {
    const r = buildOmegatGlossary([ge({ id: "a", en: '"Belt and Road"', zh: "一带一路", status: "approved", note: '"official"' }), ge({ id: "b", en: "Belt and Road", zh: "一带一路", status: "candidate" })], { srcLang: "en" });
    expect(r).toEqual([{ source: "Belt and Road", target: "一带一路", comment: "“official”", status: "approved" }]);
  });

  it("leaves out sources starting with # (OmegaT would read the line as a comment)", () => {
    const r = buildOmegatGlossary([ge({ id: "a", en: "#hashtag", zh: "话题标签", status: "approved", enVariants: ["hashtag"] })], { srcLang: "en" });
    expect(r.map((x) => x.source)).toEqual(["hashtag"]);
  });

  it("does not depend on the input order", () => {
    expect(buildOmegatGlossary([...ENTRIES].reverse(), { srcLang: "en" })).toEqual(rows);
  });
});

describe("serializeOmegatGlossary", () => {
  const text = serializeOmegatGlossary(buildOmegatGlossary(ENTRIES, { srcLang: "en" }));

  it("is a # comment line, then source<TAB>target[<TAB>comment] lines, no BOM, no quoting", () => {
    const lines = text.split("\n");
    expect(lines[0]).toBe(OMEGAT_HEADER);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(lines.at(-1)).toBe("");
    expect(lines[1]).toBe("basin plan\t流域规划\tvariant of: river basin plan | also: 流域计划 | domain: water management | Use in all ministry texts.");
    for (const l of lines.slice(1, -1)) expect(l.split("\t").length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l.split("\t").length === 2)).toEqual([]);
    expect(serializeOmegatGlossary([{ source: "a", target: "甲", comment: "", status: "approved" }])).toBe(`${OMEGAT_HEADER}\na\t甲\n`);
  });

  it("round-trips through readOmegatGlossary (en, zh, variants, status, note, domain)", () => {
    const back = readOmegatGlossary(text, "g.utf8");
    const sorted = (l: string[]) => [...l].sort();
    const essence = (e: GlossaryEntry) => ({ en: e.en, zh: e.zh, status: e.status, enVariants: sorted(e.enVariants), zhVariants: sorted(e.zhVariants), note: e.note, domain: e.domain });
    expect(back.map(essence)).toEqual([
      { en: "leakage rate", zh: "漏损率", status: "approved", enVariants: [], zhVariants: [], note: "page one page two", domain: "" },
      { en: "river basin plan", zh: "流域规划", status: "approved", enVariants: ["basin plan", "river-basin plan"], zhVariants: ["流域计划"], note: "Use in all ministry texts.", domain: "water management" },
      { en: "tariff", zh: "关税", status: "approved", enVariants: [], zhVariants: [], note: "", domain: "trade" },
      { en: "water use efficiency", zh: "用水效率", status: "approved", enVariants: [], zhVariants: [], note: "line one with a tab line two", domain: "" },
      // A candidate comes back approved: the file has no place for "not reviewed yet".
      { en: "free trade agreement", zh: "自由贸易协定", status: "approved", enVariants: [], zhVariants: [], note: "seen 12 times", domain: "" },
      { en: "joint statement", zh: "共同声明", status: "forbidden", enVariants: [], zhVariants: [], note: "the official term is 联合声明", domain: "" },
    ]);
  });

  it("round-trips with Chinese as the source", () => {
    const zhText = serializeOmegatGlossary(buildOmegatGlossary(ENTRIES, { srcLang: "zh" }));
    const e = readOmegatGlossary(zhText, "g.utf8", { srcLang: "zh" }).find((x) => x.en === "river basin plan")!;
    expect([e.zh, e.zhVariants, e.enVariants, e.domain]).toEqual(["流域规划", ["流域计划"], ["basin plan", "river-basin plan"], "water management"]);
  });

  it.skipIf(missingTools("check-glossary.sh"))("is read by OmegaT's own TSV reader, every line", { timeout: 600_000 }, () => {
    const file = join(mkdtempSync(join(tmpdir(), "termbridge-omegat-")), "glossary.utf8");
    writeFileSync(file, text);
    const r = harness("check-glossary.sh", file, "en", "zh");
    expect(r.status, r.out).toBe(0);
    expect(r.last).toBe("glossary ok: 8 entries (TSV), OmegaT read 8");
    expect(r.out).not.toMatch(/^(FAIL|WARNING):/m);
  });
});
