import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cellText } from "../../src/export/review/read.js";
import { readCsv } from "../../src/export/csv.js";
import { cli, ROOT } from "../cli/cli.js";
import { runCli } from "../cli/inprocess.js";
import { NO_SOFFICE, officeConvert } from "./office.js";

const SAMPLE = join(ROOT, "../shared/samples/press-conference-2024-03-07.txt");
// A threshold that flags some beads of the sample whatever the aligner scores them.
const REVIEW = "0.97";
const tmp = (): string => mkdtempSync(join(tmpdir(), "termbridge-review-cli-"));

function column(ws: ExcelJS.Worksheet, name: string): number {
  let at = 0;
  ws.getRow(1).eachCell((c, k) => void (cellText(c.value) === name && (at = k)));
  return at;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

const glossaryRows = (dir: string) => new Map(readCsv(readFileSync(join(dir, "glossary.csv"), "utf8")).rows.map((r) => [`${r.en}\t${r.zh}`, r]));

// The reviewer's workbook goes through LibreOffice where it is installed (as a reviewer's would).
const SAVED_BY = NO_SOFFICE ? "exceljs" : "LibreOffice";
if (NO_SOFFICE) console.warn(`review round trip through exceljs only: ${NO_SOFFICE}`);

describe(`termbridge review import (workbook saved by ${SAVED_BY})`, () => {
  const dir = tmp();
  const g = join(dir, "glossary");
  const out1 = join(dir, "out1");

  // Commands run in this process (`runCli`), but for the run on a glossary that has a jieba user
  // dictionary by then: nodejieba loads one per process (see test/cli/glossary.test.ts).
  it("a run writes review.xlsx and report.html beside the other files", async () => {
    const r = await runCli("run", SAMPLE, "--out", out1, "--glossary", g, "--review-below", REVIEW);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(out1, "review.xlsx") + "\n" + join(out1, "report.html") + "\n");
    expect(readFileSync(join(out1, "review.xlsx")).subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("takes the reviewer's statuses and notes into the glossary and the fixes into alignment-corrections.json; the next run keeps every decision and applies the fixes", async () => {
    if (!existsSync(join(out1, "review.xlsx"))) await runCli("run", SAMPLE, "--out", out1, "--glossary", g, "--review-below", REVIEW);
    const wb = await load(join(out1, "review.xlsx"));
    const ws = wb.getWorksheet("Terms")!;
    const at = (row: number, c: string) => ws.getRow(row).getCell(column(ws, c));
    const pairOf = (row: number) => `${cellText(at(row, "en").value)}\t${cellText(at(row, "zh").value)}`;
    const decided = { approved: pairOf(2), rejected: pairOf(3), forbidden: pairOf(4), noted: pairOf(5) };
    at(2, "status").value = "approved";
    at(3, "status").value = "rejected";
    at(3, "note").value = "a fragment";
    at(4, "status").value = "forbidden";
    at(5, "note").value = "ask the client";
    const al = wb.getWorksheet("Alignment review")!;
    const flagged = al.rowCount - 1;
    expect(flagged).toBeGreaterThanOrEqual(2);
    const beadAt = (row: number) => Number(al.getRow(row).getCell(column(al, "bead")).value);
    al.getRow(2).getCell(column(al, "fix")).value = "ok";
    al.getRow(3).getCell(column(al, "fix")).value = "drop";
    const fixed = [beadAt(2), beadAt(3)];
    const edited = join(dir, "review.xlsx");
    writeFileSync(edited, Buffer.from(await wb.xlsx.writeBuffer()));
    if (!NO_SOFFICE) writeFileSync(edited, officeConvert(edited, "xlsx"));

    const r = await runCli("review", "import", edited, "--glossary", g);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/3 status\(es\) and 2 note\(s\) changed, 0 pair\(s\) added, \d+ row\(s\) left as they were, 0 conflict\(s\).*2 alignment fix\(es\) in 1 document/);
    const rows = glossaryRows(g);
    expect(rows.get(decided.approved)?.status).toBe("approved");
    expect(rows.get(decided.rejected)).toMatchObject({ status: "rejected", note: "a fragment" });
    expect(rows.get(decided.forbidden)?.status).toBe("forbidden");
    expect(rows.get(decided.noted)).toMatchObject({ status: "candidate", note: "ask the client" });
    const corr = JSON.parse(readFileSync(join(g, "alignment-corrections.json"), "utf8")) as { corrections: Array<{ bead: number; fix: string }> };
    expect(corr.corrections.map((c) => [c.bead + 1, c.fix])).toEqual([[fixed[0], "ok"], [fixed[1], "drop"]]);

    const before = JSON.parse(readFileSync(join(out1, "report.json"), "utf8"));
    const out2 = join(dir, "out2");
    const r2 = cli("run", SAMPLE, "--out", out2, "--glossary", g, "--review-below", REVIEW);
    expect(r2.status, r2.stderr).toBe(0);
    const after = JSON.parse(readFileSync(join(out2, "report.json"), "utf8"));
    // The two fixed beads are no longer to review; the dropped one left the TMX.
    expect(after.totals.review).toBe(before.totals.review - 2);
    expect(after.tmx.units).toBe(before.tmx.units - 1);
    expect(after.documents[0].diagnostics).toContainEqual(expect.objectContaining({ code: "alignment-correction", message: "2 reviewer fix(es) from alignment-corrections.json applied to the alignment" }));
    const again = glossaryRows(g);
    for (const [k, v] of [[decided.approved, "approved"], [decided.rejected, "rejected"], [decided.forbidden, "forbidden"]] as const) expect(again.get(k)?.status).toBe(v);
    expect(again.get(decided.noted)?.note).toBe("ask the client");
    // The next workbook shows the decisions; rejected and forbidden pairs are not proposed again.
    const wb2 = await load(join(out2, "review.xlsx"));
    const ws2 = wb2.getWorksheet("Terms")!;
    const byPair = new Map<string, ExcelJS.Row>();
    ws2.eachRow((row, k) => k > 1 && byPair.set(`${cellText(row.getCell(2).value)}\t${cellText(row.getCell(3).value)}`, row));
    expect(cellText(byPair.get(decided.approved)!.getCell(column(ws2, "status")).value)).toBe("approved");
    expect(cellText(byPair.get(decided.approved)!.getCell(column(ws2, "status_was")).value)).toBe("approved");
    expect(byPair.has(decided.rejected)).toBe(false);
    expect(byPair.has(decided.forbidden)).toBe(false);
    expect(wb2.getWorksheet("Alignment review")!.rowCount).toBe(flagged - 2 + 1);

    // The old workbook again, after someone set the approved pair to forbidden in glossary.csv: kept, and reported.
    const csv = readFileSync(join(g, "glossary.csv"), "utf8");
    const [en, zh] = decided.approved.split("\t");
    const line = csv.split("\r\n").findIndex((l) => l.includes(`,${en},${zh},approved,`));
    expect(line).toBeGreaterThan(0);
    const lines = csv.split("\r\n");
    lines[line] = lines[line]!.replace(",approved,", ",forbidden,");
    writeFileSync(join(g, "glossary.csv"), lines.join("\r\n"));
    const r3 = await runCli("review", "import", edited, "--glossary", g);
    expect(r3.status, r3.stderr).toBe(0);
    expect(r3.stderr).toMatch(new RegExp(`termbridge: conflict: .*review\\.xlsx:Terms!D2: status of "${en}" / "${zh}" was "candidate" when the workbook was written and is now "forbidden" in .*glossary\\.csv; the workbook says "approved" — the glossary's value was kept`));
    expect(glossaryRows(g).get(decided.approved)?.status).toBe("forbidden");
    expect(glossaryRows(g).get(decided.rejected)?.status).toBe("rejected");
  }, 300_000);

  it("refuses what is not a review workbook with one line: file, sheet, cell, what to do", async () => {
    const bad = await runCli("review", "import", join(ROOT, "examples/ministry-briefing.md"), "--glossary", g);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^termbridge: .*ministry-briefing\.md: is not an XLSX workbook — pass the review\.xlsx a run wrote.*\n$/);
    const missing = await runCli("review", "import", join(dir, "nope.xlsx"), "--glossary", g);
    expect(missing.stderr).toMatch(/^termbridge: .*nope\.xlsx: no such file — /);

    const wb = await load(join(out1, "review.xlsx"));
    wb.getWorksheet("Terms")!.getRow(3).getCell(4).value = "maybe";
    const f = join(dir, "bad-status.xlsx");
    writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await runCli("review", "import", f, "--glossary", g);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`termbridge: ${f}:Terms!D3: status "maybe" is not one of candidate, approved, rejected, forbidden — choose one from the drop-down\n`);

    wb.getWorksheet("Terms")!.getRow(3).getCell(4).value = "approved";
    wb.removeWorksheet(wb.getWorksheet("Alignment review")!.id);
    writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await runCli("review", "import", f, "--glossary", g)).stderr).toMatch(new RegExp(`^termbridge: ${f.replace(/[.]/g, "\\.")}:Alignment review: the workbook has no sheet "Alignment review" \\(it has: Terms, About\\) — .*\\n$`));
  }, 120_000);
});
