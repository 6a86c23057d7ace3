import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { glossaryFiles, readGlossaryFile, writeGlossary } from "../../src/cli/glossary.js";
import { REAL_FS, type FileOps } from "../../src/cli/io.js";
import type { Glossary } from "../../src/glossary/store.js";
import type { GlossaryEntry } from "../../src/model/index.js";

const entry = (id: string, en: string, zh: string): GlossaryEntry => ({
  id, en, zh, status: "candidate", enVariants: [], zhVariants: [], score: "0.9", enCount: "1", zhCount: "1", exampleEn: "", exampleZh: "", note: "", domain: "", firstSeen: "", lastSeen: "", updated: "", extra: {},
});
const OLD: Glossary = { entries: [entry("t1", "dam", "大坝")], extraColumns: [] };
const NEW: Glossary = { entries: [entry("t1", "dam", "大坝"), entry("t2", "reservoir", "水库")], extraColumns: [] };

describe("writing the glossary", () => {
  it("keeps the previous version as a backup and leaves no temporary file", () => {
    const files = glossaryFiles(mkdtempSync(join(tmpdir(), "termbridge-write-")));
    writeGlossary(files, OLD, "");
    const old = readFileSync(files.csv);
    writeGlossary(files, NEW, "大坝 n\n");
    expect(readFileSync(files.backup)).toEqual(old);
    expect(readGlossaryFile(files.csv).entries.map((e) => e.id)).toEqual(["t1", "t2"]);
    expect(readFileSync(files.userDict, "utf8")).toBe("大坝 n\n");
    expect(readdirSync(files.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.each(["open", "write", "fsync", "close", "rename"] as const)("a failure in %s leaves the old glossary intact", (step) => {
    const files = glossaryFiles(mkdtempSync(join(tmpdir(), "termbridge-write-")));
    writeGlossary(files, OLD, "");
    const old = readFileSync(files.csv);
    const crashing: FileOps = { ...REAL_FS, [step]: () => { throw Object.assign(new Error("simulated crash"), { code: "EIO" }); } };
    expect(() => writeGlossary(files, NEW, "", crashing)).toThrow(/cannot write.*\(EIO\)/);
    expect(readFileSync(files.csv)).toEqual(old);
    expect(readdirSync(files.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("reads a missing or empty glossary as empty, and one re-saved in GBK", () => {
    const dir = mkdtempSync(join(tmpdir(), "termbridge-write-"));
    expect(readGlossaryFile(join(dir, "none.csv")).entries).toEqual([]);
    writeFileSync(join(dir, "empty.csv"), "");
    expect(readGlossaryFile(join(dir, "empty.csv")).entries).toEqual([]);
    // 大坝 in GBK is B4F3 B0D3, as Excel saves it on Chinese Windows.
    writeFileSync(join(dir, "gbk.csv"), Buffer.concat([Buffer.from("id,en,zh,status\nt1,dam,"), Buffer.from([0xb4, 0xf3, 0xb0, 0xd3]), Buffer.from(",approved\n")]));
    expect(readGlossaryFile(join(dir, "gbk.csv")).entries[0]).toMatchObject({ en: "dam", zh: "大坝", status: "approved" });
    expect(existsSync(join(dir, "glossary.csv"))).toBe(false);
  });
});
