import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildReviewModel } from "../../src/export/review/model.js";
import { cellText, readReviewWorkbook } from "../../src/export/review/read.js";
import { buildReviewWorkbook, SHEETS } from "../../src/export/review/xlsx.js";
import { buildTermTable } from "../../src/export/csv.js";
import type { Report } from "../../src/export/report.js";
import type { TermPair } from "../../src/model/index.js";
import { NO_SOFFICE, officeConvert } from "./office.js";

const pair = (over: Partial<TermPair>): TermPair => ({
  id: "t0", en: "river basin", zh: "流域", enKey: "river basin", zhKey: "流域", enVariants: [], zhVariants: [], score: 0.9, enCount: 3, zhCount: 3, cooc: 3, logDice: 13.5, llr: 20.25, dict: 1,
  exampleEn: "The river basin floods.", exampleZh: "流域发生洪水。", source: { doc: "a.txt", bead: 0 }, docs: ["a.txt"], docCount: 1, ...over,
});

/** Cells a spreadsheet turns into numbers, booleans or formulas when it is careless. */
const TRICKY = ["true", "001", "1e5", "=SUM(A1:A2)", "constructor", "+86 10", "2026-01-01"];

const terms: TermPair[] = [
  pair({
    id: "t1", en: "river basin", zh: "流域",
    meetings: [
      { doc: "a.txt", bead: 4, score: 0.95, en: "Rivers and river basins\f matter.", zh: "河流和流域很重要。" },
      { doc: "a.txt", bead: 9, score: 0.8, en: "The River Basin Authority met.", zh: "流域管理局开会。" },
      { doc: "b.txt", bead: 1, score: 0.7, en: "A third basin example, riverbasin not.", zh: "第三个例子。" },
      { doc: "b.txt", bead: 2, score: 0.6, en: "Fourth.", zh: "第四。" },
    ],
  }),
  ...TRICKY.map((s, k) => pair({ id: `t${k + 2}`, en: s, zh: `词${k}`, enKey: s, zhKey: `词${k}`, exampleEn: s, exampleZh: s, docs: [s], score: 0.5 })),
];

const report = {
  tool: { name: "termbridge", version: "0.1.0" }, created: "2026-01-01T00:00:00.000Z", languages: { source: "en-US", target: "zh-CN" },
  documents: [{ doc: "a.txt", path: "a.txt", kind: "parallel", encodings: ["utf-8"], paragraphs: { en: 2, zh: 2 }, sentences: { en: 2, zh: 2 }, beads: { "1-1": 2 }, diagnostics: [],
    review: [{ bead: 1, shape: "2-1", score: 0.31, line: 3, en: "One. Two.", zh: "一。" }, { bead: 5, shape: "1-1", score: 0.2, line: 9, en: "=1+1", zh: "true" }] }],
  totals: { documents: 1, sentences: { en: 2, zh: 2 }, beads: { "1-1": 2 }, warnings: 0, review: 2 },
  tmx: { units: 2, oneSided: 0, duplicates: 0, tooLong: 0, belowMinScore: 0, invalidCharsRemoved: 0 },
} as unknown as Report;

const glossary = {
  entries: [
    { id: "t1", en: "river basin", zh: "流域", status: "approved" as const, enVariants: [], zhVariants: [], score: "", enCount: "", zhCount: "", exampleEn: "", exampleZh: "", note: "keep", domain: "", firstSeen: "", lastSeen: "", updated: "", extra: {} },
  ],
  extraColumns: [],
};

const model = buildReviewModel({ terms, table: buildTermTable(terms), glossary, report, reviewBelow: 0.5 });

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function column(ws: ExcelJS.Worksheet, name: string): number {
  let at = 0;
  ws.getRow(1).eachCell((c, k) => void (cellText(c.value) === name && (at = k)));
  if (!at) throw new Error(`no column ${name}`);
  return at;
}

/** What a reviewer does: decide two pairs, write a note, fix two beads. */
async function review(bytes: Buffer): Promise<Buffer> {
  const wb = await load(bytes);
  const ws = wb.getWorksheet(SHEETS.terms)!;
  ws.getRow(3).getCell(column(ws, "status")).value = "rejected";
  ws.getRow(4).getCell(column(ws, "status")).value = "Forbidden";
  ws.getRow(4).getCell(column(ws, "note")).value = "wrong; use 真 instead";
  const al = wb.getWorksheet(SHEETS.alignment)!;
  al.getRow(2).getCell(column(al, "fix")).value = "split";
  al.getRow(3).getCell(column(al, "edited_zh")).value = "二";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("review workbook", () => {
  it("has the three sheets, a frozen header, filters, drop-downs and coloured decisions", async () => {
    const wb = await load(await buildReviewWorkbook(model));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Terms", "Alignment review", "About"]);
    const ws = wb.getWorksheet("Terms")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(1).values as unknown[]).filter(Boolean);
    // Every terms.csv column flows through, whatever the table holds.
    for (const c of model.columns) expect(header).toContain(c);
    expect(header.slice(0, 5)).toEqual(["id", "en", "zh", "status", "note"]);
    const status = column(ws, "status");
    expect(ws.getRow(2).getCell(status).dataValidation).toMatchObject({ type: "list", formulae: ['"candidate,approved,rejected,forbidden"'] });
    expect(ws.getRow(ws.rowCount).getCell(status).dataValidation?.type).toBe("list");
    expect(ws.getRow(2).getCell(status).value).toBe("approved");
    expect(ws.getRow(2).getCell(column(ws, "note")).value).toBe("keep");
    expect(ws.getColumn(column(ws, "status_was")).hidden).toBe(true);
    const cf = (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ formulae: string[] }> }> }).conditionalFormattings;
    expect(cf.flatMap((c) => c.rules.map((r) => r.formulae[0]))).toEqual(['$D2="approved"', '$D2="forbidden"', '$D2="rejected"']);
    expect(ws.getColumn(column(ws, "example_en")).width).toBeGreaterThan(30);
  });

  it("takes any column terms.csv has (a new one flows through to the sheet and About)", async () => {
    const table = buildTermTable(terms);
    const withKind = { columns: [...table.columns, "kind"], rows: table.rows.map((r) => ({ ...r, kind: "name" })) };
    const wb = await load(await buildReviewWorkbook(buildReviewModel({ terms, table: withKind, report, reviewBelow: 0.5 })));
    const ws = wb.getWorksheet("Terms")!;
    expect(ws.getRow(2).getCell(column(ws, "kind")).value).toBe("name");
    expect(JSON.stringify(wb.getWorksheet("About")!.getSheetValues())).toContain("what sort of term the linker took it for");
  });

  it("keeps text as text: true, 001, 1e5 and =SUM stay strings; numbers are numbers", async () => {
    const wb = await load(await buildReviewWorkbook(model));
    const ws = wb.getWorksheet("Terms")!;
    TRICKY.forEach((s, k) => {
      const row = ws.getRow(k + 3);
      for (const c of ["en", "example_en", "docs"]) {
        const cell = row.getCell(column(ws, c));
        // The example holds the term itself, so it is rich text (highlighted): text all the same.
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText], `${s} in ${c}`).toContain(cell.type);
        expect(cellText(cell.value)).toBe(s);
      }
    });
    expect(ws.getRow(2).getCell(column(ws, "score")).value).toBe(0.9);
    expect(ws.getRow(2).getCell(column(ws, "cooc")).type).toBe(ExcelJS.ValueType.Number);
  });

  it("shows the best three beads with the term highlighted as rich text (XML-invalid characters removed)", async () => {
    const wb = await load(await buildReviewWorkbook(model));
    const ws = wb.getWorksheet("Terms")!;
    const row = ws.getRow(2);
    const rich = (c: string) => (row.getCell(column(ws, c)).value as ExcelJS.CellRichTextValue).richText;
    const marked = (c: string) => rich(c).filter((r) => r.font?.bold).map((r) => r.text);
    expect(rich("example_en").map((r) => r.text).join("")).toBe("Rivers and river basins matter.");
    expect(marked("example_en")).toEqual(["river basins"]);
    expect(marked("example_zh")).toEqual(["流域"]);
    expect(marked("example_2_en")).toEqual(["River Basin"]);
    // "riverbasin" is no occurrence; the fourth bead is not shown.
    expect(cellText(row.getCell(column(ws, "example_3_en")).value)).toBe("A third basin example, riverbasin not.");
    expect(JSON.stringify(row.values)).not.toContain("Fourth");
  });

  it("lists the flagged beads with a fix drop-down, and explains every column on About", async () => {
    const wb = await load(await buildReviewWorkbook(model));
    const al = wb.getWorksheet("Alignment review")!;
    expect(al.rowCount).toBe(3);
    expect(al.getRow(2).values).toEqual(expect.arrayContaining(["a.txt", 2, "2-1", 0.31, 3, "One. Two.", "一。"]));
    expect(al.getRow(3).getCell(column(al, "english")).value).toBe("=1+1");
    expect(al.getRow(2).getCell(column(al, "fix")).dataValidation).toMatchObject({ type: "list", formulae: ['"ok,split,merge,drop"'] });
    const about = wb.getWorksheet("About")!;
    const text = JSON.stringify(about.getSheetValues());
    for (const c of ["status", "note", "example_2_en", "fix", "bead_key", "term pairs", "beads to review (score < 0.5)"]) expect(text).toContain(c);
  });

  it("reads back the reviewer's statuses, notes and fixes (exceljs's own file)", async () => {
    const back = await readReviewWorkbook(await review(await buildReviewWorkbook(model)), "review.xlsx");
    expect(back.terms).toHaveLength(terms.length);
    expect(back.terms[0]).toMatchObject({ id: "t1", status: "approved", statusWas: "approved", note: "keep", noteWas: "keep" });
    expect(back.terms[1]).toMatchObject({ id: "t2", en: "true", status: "rejected", statusWas: "" });
    expect(back.terms[2]).toMatchObject({ id: "t3", en: "001", status: "forbidden", note: "wrong; use 真 instead" });
    expect(back.beads).toEqual([
      expect.objectContaining({ doc: "a.txt", bead: 1, fix: "split", en: "One. Two.", zh: "一。" }),
      expect.objectContaining({ doc: "a.txt", bead: 5, editedZh: "二", en: "=1+1", zh: "true" }),
    ]);
  });

  it.skipIf(NO_SOFFICE)("survives a LibreOffice save: text stays text, decisions, notes, fixes, drop-downs and hidden columns kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "termbridge-review-"));
    const file = join(dir, "review.xlsx");
    writeFileSync(file, await review(await buildReviewWorkbook(model)));
    const saved = officeConvert(file, "xlsx");
    const back = await readReviewWorkbook(saved, "review.xlsx");
    expect(back.terms.map((t) => [t.id, t.en, t.status, t.note])).toEqual([
      ["t1", "river basin", "approved", "keep"],
      ["t2", "true", "rejected", ""],
      ["t3", "001", "forbidden", "wrong; use 真 instead"],
      ...TRICKY.slice(2).map((s, k) => [`t${k + 4}`, s, "candidate", ""]),
    ]);
    expect(back.beads.map((b) => [b.bead, b.fix, b.editedZh, b.en])).toEqual([
      [1, "split", undefined, "One. Two."],
      [5, undefined, "二", "=1+1"],
    ]);
    const wb = await load(saved);
    const ws = wb.getWorksheet("Terms")!;
    for (const [k, s] of TRICKY.entries()) {
      for (const c of ["en", "docs"]) expect(ws.getRow(k + 3).getCell(column(ws, c)).value).toBe(s);
      expect(cellText(ws.getRow(k + 3).getCell(column(ws, "example_en")).value)).toBe(s);
    }
    expect(ws.getRow(2).getCell(column(ws, "status")).dataValidation?.type).toBe("list");
    expect(ws.getColumn(column(ws, "status_was")).hidden).toBe(true);
    // A second LibreOffice round trip changes nothing the import reads.
    writeFileSync(file, saved);
    expect(await readReviewWorkbook(officeConvert(file, "xlsx"), "review.xlsx")).toEqual(back);
  }, 240_000);

  it("reads a row the reviewer added by hand (no id) as a new pair", async () => {
    const wb = await load(await buildReviewWorkbook(model));
    const ws = wb.getWorksheet("Terms")!;
    const row = ws.getRow(ws.rowCount + 1);
    row.getCell(column(ws, "en")).value = "water table";
    row.getCell(column(ws, "zh")).value = "地下水位";
    row.getCell(column(ws, "status")).value = "approved";
    const back = await readReviewWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), "r.xlsx");
    expect(back.terms.at(-1)).toMatchObject({ id: "", en: "water table", zh: "地下水位", status: "approved", statusWas: "" });
  });

  it("gives the same bytes for the same run, whenever it is written", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2030-05-05T10:00:00Z"));
      const a = await buildReviewWorkbook(model);
      vi.setSystemTime(new Date("2031-06-06T11:11:11Z"));
      const b = await buildReviewWorkbook(model);
      expect(b.equals(a)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("says which file, sheet and cell is wrong", async () => {
    await expect(readReviewWorkbook(Buffer.from("id,en\n1,2\n"), "x.xlsx")).rejects.toThrow(/^is not an XLSX workbook$/);
    const wb = await load(await buildReviewWorkbook(model));
    wb.getWorksheet("Terms")!.getRow(5).getCell(4).value = "maybe";
    await expect(readReviewWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), "r.xlsx")).rejects.toMatchObject({ file: "r.xlsx:Terms!D5", message: 'status "maybe" is not one of candidate, approved, rejected, forbidden' });
    wb.removeWorksheet(wb.getWorksheet("Alignment review")!.id);
    wb.getWorksheet("Terms")!.getRow(5).getCell(4).value = "approved";
    await expect(readReviewWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), "r.xlsx")).rejects.toMatchObject({ file: "r.xlsx:Alignment review" });
  });
});
