import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { glossaryFiles, readGlossaryFile, withGlossaryLock, writeGlossary } from "../../src/cli/glossary.js";
import { REAL_FS, type FileOps } from "../../src/cli/io.js";
import { parseGlossary, serializeGlossary, type Glossary } from "../../src/glossary/store.js";
import type { GlossaryEntry } from "../../src/model/index.js";
import { lineOf } from "./lines.js";

const entry = (id: string, en: string, zh: string): GlossaryEntry => ({
  id, en, zh, status: "candidate", enVariants: [], zhVariants: [], score: "0.9", enCount: "1", zhCount: "1", exampleEn: "", exampleZh: "", note: "", domain: "", firstSeen: "", lastSeen: "", updated: "", extra: {},
});
const OLD: Glossary = { entries: [entry("t1", "dam", "大坝")], extraColumns: [] };
const NEW: Glossary = { entries: [entry("t1", "dam", "大坝"), entry("t2", "reservoir", "水库")], extraColumns: [] };
const dir = (): string => mkdtempSync(join(tmpdir(), "termbridge-regress-"));

describe("issue 15 #4: the lock holds its owner from the first byte", () => {
  it("does not take over an empty lock that another run is still writing", async () => {
    const files = glossaryFiles(dir());
    writeFileSync(files.lock, "");
    let ran = false;
    await expect(withGlossaryLock(files, 300, async () => void (ran = true))).rejects.toThrow(/being updated by another termbridge run/);
    expect(ran).toBe(false);
    expect(existsSync(files.lock)).toBe(true);
  });
});

describe("issue 15 #5: a failed glossary write never leaves a mix", () => {
  it.each([1, 2, 3, 4])("a failure at rename %i leaves the old glossary when the message says so, else the new one whole", (k) => {
    const files = glossaryFiles(dir());
    writeGlossary(files, OLD, "");
    const old = readFileSync(files.csv);
    let renames = 0;
    const ops: FileOps = { ...REAL_FS, rename: (a, b) => { if (++renames === k) throw Object.assign(new Error("x"), { code: "EIO" }); REAL_FS.rename(a, b); } };
    let message = "";
    try {
      writeGlossary(files, NEW, "水库 n\n", ops);
    } catch (e) {
      message = `${(e as Error).message} ${(e as { hint?: string }).hint ?? ""}`;
    }
    if (renames < k) return; // fewer renames than k: nothing failed
    const now = readFileSync(files.csv);
    if (/unchanged/.test(message)) expect(now).toEqual(old);
    else expect(parseGlossary(now.toString("utf8"), "g").entries.map((e) => e.id)).toEqual(["t1", "t2"]);
  });
});

describe("issue 18: a truncated glossary with a good backup stops the run", () => {
  it("a 0-byte glossary.csv beside a good backup is refused, naming the backup", () => {
    const files = glossaryFiles(dir());
    writeGlossary(files, OLD, "");
    writeGlossary(files, NEW, "");
    writeFileSync(files.csv, "");
    expect(lineOf(() => readGlossaryFile(files.csv))).toMatch(/glossary\.csv: is empty \(0 bytes\).* — nothing was changed; the backup .*glossary\.csv\.bak holds 1 row/);
  });
});

describe("issue 15 #6: a row added by hand without an id", () => {
  it("gets an id and keeps everything else", () => {
    const text = serializeGlossary(OLD) + ",sluice gate,闸门,approved,,,,,,,,checked by Li,water,,,\r\n";
    const g = parseGlossary(text, "glossary.csv");
    const added = g.entries.find((e) => e.en === "sluice gate")!;
    expect(added).toMatchObject({ zh: "闸门", status: "approved", note: "checked by Li", domain: "water" });
    expect(added.id).toMatch(/^\S+$/);
    expect(added.id).not.toBe("t1");
  });
});

describe("issue 19 #4: a backup is never replaced by a smaller file without saying so", () => {
  it("warns when the glossary that becomes the backup has fewer rows than the backup it replaces", () => {
    const files = glossaryFiles(dir());
    writeGlossary(files, NEW, "");
    expect(writeGlossary(files, NEW, "")).toEqual([]);
    // A reviewer deleted a row; the next write makes that 1-row file the backup of a 2-row one.
    writeFileSync(files.csv, serializeGlossary(OLD));
    const warnings = writeGlossary(files, NEW, "");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/glossary\.csv\.bak: the backup held 2 row\(s\); it now holds the glossary as this run found it, 1 row\(s\)/);
  });
});
