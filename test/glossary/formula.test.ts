import { describe, expect, it } from "vitest";
import { escapeFormula, readCsv, serializeCsv, unescapeFormula } from "../../src/export/csv.js";
import { buildOmegatGlossary, serializeOmegatGlossary } from "../../src/export/omegat.js";
import { buildTbx, serializeTbx } from "../../src/export/tbx.js";
import { readOmegatGlossary, readTbx } from "../../src/glossary/import.js";
import type { GlossaryEntry } from "../../src/model/index.js";

const entry = (id: string, en: string, zh: string, note = "", domain = ""): GlossaryEntry => ({
  id, en, zh, status: "approved", enVariants: [], zhVariants: [], score: "", enCount: "", zhCount: "", exampleEn: "", exampleZh: "", note, domain, firstSeen: "", lastSeen: "", updated: "", extra: {},
});
const RISKY = [
  entry("t1", "=HYPERLINK(\"http://x\")", "＝超链接", "+1 note", "@domain"),
  entry("t2", "-based", "基于", "-cmd|' /C calc'!A0"),
  entry("t3", "@sum", "＋号"),
];
/** Fields that reach a spreadsheet: every cell of every line. */
const cells = (text: string, sep: string): string[] => text.split("\n").filter((l) => l && !l.startsWith("#")).flatMap((l) => l.split(sep));

describe("one formula policy in every export (issue 19 #5)", () => {
  it("glossary.utf8 (OmegaT) neutralises formula fields, and its reader undoes it", () => {
    const text = serializeOmegatGlossary(buildOmegatGlossary(RISKY, { srcLang: "en" }));
    for (const c of cells(text, "\t")) expect(c, c).not.toMatch(/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/);
    const back = readOmegatGlossary(text, "g.utf8");
    expect(back.map((e) => [e.en, e.zh]).sort()).toEqual(RISKY.map((e) => [e.en, e.zh]).sort());
    expect(back.find((e) => e.id && e.en === "-based")!.note).toBe("-cmd|' /C calc'!A0");
  });

  it("glossary.tbx neutralises formula terms, notes and domains, and its reader undoes it", () => {
    const xml = serializeTbx(buildTbx(RISKY, { version: 2, srcLang: "en-US", tgtLang: "zh-CN", now: new Date(0), toolVersion: "0" }));
    for (const m of xml.matchAll(/<(term|note|descrip[^>]*)>([^<]*)</g)) expect(m[2], m[0]).not.toMatch(/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/);
    const back = readTbx(xml, "g.tbx");
    expect(back.map((e) => [e.en, e.zh, e.note, e.domain])).toEqual(RISKY.map((e) => [e.en, e.zh, e.note, e.domain]));
  });
});

describe("cells a spreadsheet would turn into another value (issue 15 #10)", () => {
  it.each([["true"], ["FALSE"], ["True "], ["00123"], ["1e5"], ["1E-3"], ["'=x"], ["'true"]])("protects %j and reads it back unchanged", (cell) => {
    expect(escapeFormula(cell)).toBe(`'${cell}`);
    expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
    const csv = serializeCsv({ columns: ["en"], rows: [{ en: cell }] });
    expect(readCsv(csv).rows[0]!.en).toBe(cell);
  });

  it.each([["0.9"], ["12"], ["truest"], ["river basin"], ["3D"], ["0"]])("leaves %j alone", (cell) => {
    expect(escapeFormula(cell)).toBe(cell);
    expect(unescapeFormula(cell)).toBe(cell);
  });
});
