import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { glossaryFiles, loadGlossary, writeGlossary } from "../../src/cli/glossary.js";
import { checkOf, cutOff, recordEnds } from "../../src/glossary/check.js";
import { serializeGlossary, type Glossary } from "../../src/glossary/store.js";
import type { GlossaryEntry } from "../../src/model/index.js";
import { lineOf } from "./lines.js";

const entry = (k: number): GlossaryEntry => ({
  id: `t${k}`, en: `term ${k}`, zh: `术语${k}`, status: "candidate", enVariants: [], zhVariants: [], score: "0.9", enCount: "2", zhCount: "2",
  exampleEn: k % 3 === 0 ? `a line\nwith a break, "quoted"` : `example ${k}`, exampleZh: `例句${k}`, note: "", domain: "", firstSeen: "2026-01-01", lastSeen: "2026-01-01", updated: "2026-01-01", extra: {},
});
const G = (n: number): Glossary => ({ entries: Array.from({ length: n }, (_, k) => entry(k + 1)), extraColumns: [] });
const written = serializeGlossary(G(12));
const check = checkOf(written);

describe("telling a cut-off glossary from a person's edits (issue 19 #4)", () => {
  it("counts rows with quoted line breaks as one record", () => {
    expect(check.rows).toBe(12);
    expect(recordEnds(written.slice(1))).toHaveLength(13);
  });

  it("finds every cut at a row boundary and inside a row", () => {
    const text = written.slice(1);
    const ends = recordEnds(text);
    for (let k = 0; k < 12; k++) {
      expect(cutOff(text.slice(0, ends[k]), check)).toEqual({ rows: k, written: 12, midRow: false });
      expect(cutOff(text.slice(0, ends[k]! + 5), check)).toEqual({ rows: k, written: 12, midRow: true });
    }
    expect(cutOff("", check)).toEqual({ rows: 0, written: 12, midRow: false });
    expect(cutOff(text.slice(0, 10), check)).toEqual({ rows: 0, written: 12, midRow: true });
  });

  it("accepts the file as written, and every edit a spreadsheet makes", () => {
    expect(cutOff(written, check)).toBeUndefined();
    const g = G(12);
    const edits: Glossary[] = [
      { ...g, entries: g.entries.map((e, k) => (k === 3 ? { ...e, status: "approved" as const } : e)) }, // a decision
      { ...g, entries: g.entries.filter((_, k) => k !== 4) }, // a row deleted in the middle
      { ...g, entries: [...g.entries, entry(99)] }, // a row added
    ];
    for (const e of edits) expect(cutOff(serializeGlossary(e), check)).toBeUndefined();
    // Re-saved by a spreadsheet: no BOM, LF, every cell quoted, last rows deleted.
    const lo = stringify([["id", "en", "zh", "status"], ...g.entries.slice(0, 6).map((e) => [e.id, e.en, e.zh, e.status])], { quoted: true });
    expect(cutOff(lo, check)).toBeUndefined();
  });

  it("stops the run on a cut-off glossary, naming the backup; deleting the side file accepts the edit", () => {
    const files = glossaryFiles(mkdtempSync(join(tmpdir(), "termbridge-check-")));
    writeGlossary(files, G(8), "");
    writeGlossary(files, G(12), "");
    const text = readFileSync(files.csv, "utf8");
    const ends = recordEnds(text);
    writeFileSync(files.csv, text.slice(0, ends[6]));
    const line = lineOf(() => loadGlossary(files));
    expect(line).toMatch(/glossary\.csv: holds 6 of the 12 rows termbridge wrote and ends where a row ended: it looks cut off/);
    expect(line).toMatch(/the backup .*glossary\.csv\.bak holds 8 row\(s\)/);
    expect(line.split("\n")).toHaveLength(1);
    rmSync(files.check);
    expect(loadGlossary(files).glossary.entries).toHaveLength(6);
  });

  it("a glossary that is missing, where termbridge wrote one, stops too; a new folder is fine", () => {
    const files = glossaryFiles(mkdtempSync(join(tmpdir(), "termbridge-check-")));
    expect(loadGlossary(files).glossary.entries).toEqual([]);
    writeGlossary(files, G(3), "");
    rmSync(files.csv);
    expect(lineOf(() => loadGlossary(files))).toMatch(/glossary\.csv: is missing but this folder held a glossary — nothing was changed/);
  });
});
