import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTbx, serializeTbx, type TbxOptions } from "../../src/export/tbx.js";
import { readTbx } from "../../src/glossary/import.js";
import type { GlossaryEntry } from "../../src/model/index.js";
import { ENTRIES, ge } from "../fixtures/glossary/entries.js";
import { harness, missingTools } from "../harness.js";

const OPTS = (version: 2 | 3): TbxOptions => ({ version, srcLang: "en-US", tgtLang: "zh-CN", now: new Date(Date.UTC(2026, 10, 25, 8, 30, 5)), toolVersion: "0.1.0" });

/** What a round trip must give back: the concept and the decision (candidates come back approved). */
const essence = (e: GlossaryEntry) => ({ id: e.id, en: e.en, zh: e.zh, status: e.status, enVariants: e.enVariants, zhVariants: e.zhVariants, note: e.note, domain: e.domain });

const EXPECTED = [
  { id: "t0000000001", en: "river basin plan", zh: "流域规划", status: "approved", enVariants: ["basin plan", "river-basin plan"], zhVariants: ["流域计划"], note: "Use in all ministry texts.", domain: "water management" },
  { id: "t0000000002", en: "tariff", zh: "关税", status: "approved", enVariants: [], zhVariants: [], note: "", domain: "trade" },
  { id: "t0000000003", en: "free trade agreement", zh: "自由贸易协定", status: "approved", enVariants: [], zhVariants: [], note: "seen 12 times", domain: "" },
  { id: "t0000000004", en: "joint statement", zh: "共同声明", status: "forbidden", enVariants: [], zhVariants: [], note: "the official term is 联合声明", domain: "" },
  { id: "t0000000006", en: "water use efficiency", zh: "用水效率", status: "approved", enVariants: [], zhVariants: [], note: "line one\twith a tab\nline two", domain: "" },
  { id: "t0000000007", en: "leakage rate", zh: "漏损率", status: "approved", enVariants: [], zhVariants: [], note: "page one\npage two", domain: "" },
];

describe("buildTbx", () => {
  const model = buildTbx(ENTRIES, OPTS(2));

  it("writes one concept per entry, rejected ones left out, in the given order", () => {
    expect(model.concepts.map((c) => c.id)).toEqual(["t0000000001", "t0000000002", "t0000000003", "t0000000004", "t0000000006", "t0000000007"]);
  });

  it("puts the main term and its variants in one concept, source language first", () => {
    const c = model.concepts[0]!;
    expect(c.langSets.map((l) => l.lang)).toEqual(["en-US", "zh-CN"]);
    expect(c.langSets[0].terms).toEqual([
      { text: "river basin plan", status: "preferredTerm-admn-sts" },
      { text: "basin plan", status: "admittedTerm-admn-sts" },
      { text: "river-basin plan", status: "admittedTerm-admn-sts" },
    ]);
    expect(c.langSets[1].terms).toEqual([
      { text: "流域规划", status: "preferredTerm-admn-sts" },
      { text: "流域计划", status: "admittedTerm-admn-sts" },
    ]);
    expect(c.subjectField).toBe("water management");
    expect(c.note).toBe("Use in all ministry texts.");
  });

  it("gives candidates no status and deprecates the Chinese of a forbidden pair", () => {
    expect(model.concepts[2]!.langSets.flatMap((l) => l.terms)).toEqual([{ text: "free trade agreement" }, { text: "自由贸易协定" }]);
    expect(model.concepts[3]!.langSets.flatMap((l) => l.terms)).toEqual([{ text: "joint statement" }, { text: "共同声明", status: "deprecatedTerm-admn-sts" }]);
  });

  it("folds whitespace in terms (none inside Chinese) and removes XML-invalid characters", () => {
    expect(model.concepts[4]!.langSets.map((l) => l.terms[0]!.text)).toEqual(["water use efficiency", "用水效率"]);
    expect(model.concepts[5]!.langSets.map((l) => l.terms[0]!.text)).toEqual(["leakage rate", "漏损率"]);
    expect(model.concepts[5]!.note).toBe("page one\npage two");
  });

  it("puts Chinese first when Chinese is the source language", () => {
    const zh = buildTbx(ENTRIES, { ...OPTS(2), srcLang: "zh-CN", tgtLang: "en-US" });
    expect(zh.concepts[0]!.langSets.map((l) => l.lang)).toEqual(["zh-CN", "en-US"]);
  });

  it("turns ids that are not XML names into valid, unique ones", () => {
    const m = buildTbx([ge({ id: "42", en: "a", zh: "甲", status: "approved" }), ge({ id: "4 2", en: "b", zh: "乙", status: "approved" }), ge({ id: "_42", en: "c", zh: "丙", status: "approved" }), ge({ id: "", en: "d", zh: "丁", status: "approved" })], OPTS(2));
    expect(m.concepts.map((c) => c.id)).toEqual(["_42", "_4_2", "_42-2", "e4"]);
  });

  it("leaves out entries with an empty side", () => {
    expect(buildTbx([ge({ id: "t1", en: " \n", zh: "甲", status: "approved" })], OPTS(2)).concepts).toEqual([]);
  });

  it("dates the header with the injected clock only", () => {
    expect(model.header).toEqual({ version: 2, sourceDesc: "Exported by termbridge 0.1.0 on 2026-11-25" });
    expect(serializeTbx(buildTbx(ENTRIES, OPTS(2)))).toBe(serializeTbx(model));
  });
});

describe("serializeTbx", () => {
  const v2 = serializeTbx(buildTbx(ENTRIES, OPTS(2)));
  const v3 = serializeTbx(buildTbx(ENTRIES, OPTS(3)));

  it("writes TBX v2 martif with tig, status and concept-level descrip/note", () => {
    expect(v2.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">')).toBe(true);
    expect(v2).toContain("<martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>Exported by termbridge 0.1.0 on 2026-11-25</p>");
    expect(v2).toContain('<termEntry id="t0000000001">\n        <descrip type="subjectField">water management</descrip>\n        <note>Use in all ministry texts.</note>\n        <langSet xml:lang="en-US">');
    expect(v2).toContain('<tig>\n            <term>共同声明</term>\n            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>\n          </tig>');
    expect(v2).not.toContain("ntig");
    expect(v2).not.toContain("双边谈判");
    expect(v2).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uffff]/);
  });

  it("writes TBX-Basic v3 in the ISO 30042:2019 namespace", () => {
    expect(v3).toContain('<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">');
    expect(v3).toContain("<tbxHeader>");
    expect(v3).toContain('<conceptEntry id="t0000000001">');
    expect(v3).toContain('<langSec xml:lang="zh-CN">\n          <termSec>\n            <term>流域规划</term>\n            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>');
    expect(v3).not.toContain('xmlns=""');
    expect(v3).not.toMatch(/<(martif|termEntry|langSet|tig)\b/);
  });

  it.each([2, 3] as const)("round-trips through readTbx (v%s)", (version) => {
    const xml = serializeTbx(buildTbx(ENTRIES, OPTS(version)));
    expect(readTbx(xml, "g.tbx").map(essence)).toEqual(EXPECTED);
  });

  it("escapes markup characters", () => {
    const xml = serializeTbx(buildTbx([ge({ id: "t1", en: "R&D <budget>", zh: "研发“预算”", status: "approved", note: 'a "b" & c' })], OPTS(2)));
    expect(xml).toContain("<term>R&amp;D &lt;budget&gt;</term>");
    expect(readTbx(xml, "g.tbx")[0]).toMatchObject({ en: "R&D <budget>", note: 'a "b" & c' });
  });
});

describe("TBX acceptance (OmegaT's own reader)", () => {
  const dir = mkdtempSync(join(tmpdir(), "termbridge-tbx-"));

  it.skipIf(missingTools("check-glossary.sh"))("TBX v2 is read by OmegaT, every concept", { timeout: 600_000 }, () => {
    const file = join(dir, "glossary-v2.tbx");
    writeFileSync(file, serializeTbx(buildTbx(ENTRIES, OPTS(2))));
    const r = harness("check-glossary.sh", file, "en", "zh");
    expect(r.status, r.out).toBe(0);
    // OmegaT makes one entry per (source term, target term) of a concept: the 3 × 2 terms of
    // "river basin plan" give 6, so 6 concepts read as 11 entries (all 6 checked by the harness).
    expect(r.last).toBe("glossary ok: 6 entries (TBX v2), OmegaT read 11");
    expect(r.out).not.toContain("FAIL:");
  });

  it.skipIf(missingTools("check-glossary.sh"))("TBX v3 passes the structure check, with the note that OmegaT 3.6 reads only v2", { timeout: 600_000 }, () => {
    const file = join(dir, "glossary-v3.tbx");
    writeFileSync(file, serializeTbx(buildTbx(ENTRIES, OPTS(3))));
    const r = harness("check-glossary.sh", file, "en", "zh");
    expect(r.status, r.out).toBe(0);
    expect(r.last).toBe("glossary ok: 6 entries (TBX v3), OmegaT read 0 (OmegaT 3.6 reads only TBX v2; v3 structure checked with lxml)");
    expect(r.out).not.toContain("FAIL:");
  });

  it.skipIf(missingTools("check-glossary.sh"))("TBX v3 fails when OmegaT readability is required (CHECK_GLOSSARY_TBX3=fail): OmegaT users need v2", { timeout: 600_000 }, () => {
    const file = join(dir, "glossary-v3-strict.tbx");
    writeFileSync(file, serializeTbx(buildTbx(ENTRIES, OPTS(3))));
    const before = process.env.CHECK_GLOSSARY_TBX3;
    process.env.CHECK_GLOSSARY_TBX3 = "fail";
    try {
      const r = harness("check-glossary.sh", file, "en", "zh");
      expect(r.status, r.out).toBe(1);
      expect(r.out).toContain("FAIL: TBX v3 is not readable by OmegaT 3.6 (CHECK_GLOSSARY_TBX3=fail)");
      expect(r.last).toBe(`glossary FAILED (1 problems): ${file}: 6 entries (TBX v3), OmegaT read 0`);
    } finally {
      if (before === undefined) delete process.env.CHECK_GLOSSARY_TBX3;
      else process.env.CHECK_GLOSSARY_TBX3 = before;
    }
  });
});
