import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTermTable, escapeFormula, readCsv, serializeCsv, TERM_COLUMNS, unescapeFormula } from "../../src/export/csv.js";
import type { TermPair } from "../../src/model/index.js";
import { harness, missingTools } from "../harness.js";

const pair = (over: Partial<TermPair>): TermPair => ({
  id: "t0123456789",
  en: "multilateralism",
  zh: "多边主义",
  enKey: "multilateralism",
  zhKey: "多边主义",
  enVariants: [],
  zhVariants: [],
  score: 0.912,
  kind: "term",
  enPattern: "N",
  zhPattern: "A N",
  enCount: 3,
  zhCount: 3,
  cooc: 3,
  logDice: 14,
  llr: 12.5,
  dict: 0.667,
  exampleEn: 'We practise true multilateralism, "as agreed".',
  exampleZh: "践行真正的多边主义，\n推进国际关系民主化。",
  source: { doc: "briefing.md", bead: 4 },
  docs: ["briefing.md"],
  docCount: 1,
  ...over,
});

const pairs = [
  pair({}),
  pair({ id: "t1", en: "=SUM(A1:A2)", zh: "＋号", enVariants: ["-dash", "@at"], zhVariants: ["＝等号", "＠"], exampleEn: "+1 plus", exampleZh: "\t制表符" }),
  pair({ id: "t2", en: "CO2 emissions; net", zh: "二氧化碳排放", exampleEn: "a,b;c" }),
];

describe("CSV", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM", "'@SUM"],
    ["＝全角", "'＝全角"],
    ["\tTAB", "'\tTAB"],
    ["plain", "plain"],
    ["'quoted", "'quoted"],
  ])("escapes formula cell %j as %j and reads it back", (cell, escaped) => {
    expect(escapeFormula(cell)).toBe(escaped);
    expect(unescapeFormula(escaped)).toBe(cell);
  });

  it("writes UTF-8 with BOM, one header row, CRLF, every column", () => {
    const csv = serializeCsv(buildTermTable(pairs));
    expect(csv.startsWith("\uFEFFid,en,zh,kind,score,")).toBe(true);
    expect(csv.split("\r\n")[0]).toBe("\uFEFF" + TERM_COLUMNS.join(","));
    expect(csv).not.toMatch(/,=|,\+|,-|,@/);
  });

  it.each([",", ";", "\t"])("round-trips every cell with delimiter %j", (delimiter) => {
    const table = buildTermTable(pairs);
    const back = readCsv(serializeCsv(table, { delimiter }));
    expect(back.columns).toEqual([...TERM_COLUMNS]);
    expect(back.rows).toEqual(table.rows);
  });

  it("quotes a cell holding a line break, even a lone LF", () => {
    const csv = serializeCsv({ columns: ["a", "b"], rows: [{ a: "x\ny", b: "z" }] });
    expect(csv).toBe('\uFEFFa,b\r\n"x\ny",z\r\n');
    expect(readCsv(csv).rows).toEqual([{ a: "x\ny", b: "z" }]);
  });

  it("reads a file re-saved without BOM, with LF and columns reordered", () => {
    const text = "zh,id,en\n多边主义,t1,multilateralism\n'＝号,t2,'=x\n";
    const t = readCsv(text);
    expect(t.columns).toEqual(["zh", "id", "en"]);
    expect(t.rows[1]).toEqual({ zh: "＝号", id: "t2", en: "=x" });
  });

  it("rejects a ragged row with its line", () => {
    expect(() => readCsv("id,en,zh\nt1,a,b\nt2,c\n")).toThrow(/line 3/);
  });

  it.skipIf(missingTools("check-csv.sh"))("round-trips through real LibreOffice with no live formula", { timeout: 600_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "termbridge-csv-"));
    const file = join(dir, "terms.csv");
    writeFileSync(file, serializeCsv(buildTermTable(pairs)));
    const r = harness("check-csv.sh", file);
    expect(r.status, r.out).toBe(0);
    expect(r.last).toBe(`csv ok: 3 rows x ${TERM_COLUMNS.length} columns, LibreOffice round-trip identical`);
  });
});
