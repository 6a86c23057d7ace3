import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitRun, glossaryFiles, loadGlossary, repairUserDict, stageGlossary, writeGlossary, type GlossaryFiles } from "../../src/cli/glossary.js";
import { FileSet, REAL_FS, sweepStale, type FileOps } from "../../src/cli/io.js";
import { glossaryFeedback } from "../../src/glossary/merge.js";
import type { Glossary } from "../../src/glossary/store.js";
import type { GlossaryEntry } from "../../src/model/index.js";

const ROOT = join(__dirname, "../..");
const BASE = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
const entry = (id: string, en: string, zh: string, status: GlossaryEntry["status"] = "approved"): GlossaryEntry => ({
  id, en, zh, status, enVariants: [], zhVariants: [], score: "0.9", enCount: "1", zhCount: "1", exampleEn: "", exampleZh: "", note: "", domain: "", firstSeen: "", lastSeen: "", updated: "", extra: {},
});
const VERSIONS: Glossary[] = [
  { entries: [entry("t1", "dam", "大坝")], extraColumns: [] },
  { entries: [entry("t1", "dam", "大坝"), entry("t2", "reservoir", "水库"), entry("t3", "flood season", "汛期")], extraColumns: [] },
];
const OUTPUTS = ["memory.tmx", "terms.csv", "glossary.tbx", "glossary.utf8", "report.json"];
const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");

/** A run's commit as `run` does it, the outputs' contents marked with the version. */
function runVersion(out: string, g: GlossaryFiles, v: number, ops: FileOps = REAL_FS): void {
  const loaded = loadGlossary(g);
  const set = new FileSet(ops);
  try {
    const tmx = set.stream(join(out, "memory.tmx"));
    tmx.write(`<tmx version ${v}>`);
    tmx.write(`</tmx>\n`);
    tmx.end();
    for (const f of OUTPUTS.slice(1, 4)) set.stage(join(out, f), `${f} of version ${v}\n`);
    const glossary = VERSIONS[v]!;
    stageGlossary(set, g, loaded, glossary, glossaryFeedback(glossary).userDict);
    const files = set.staged.filter((f) => f.path.startsWith(out)).map((f) => ({ file: f.path, sha256: f.sha256 }));
    set.stage(join(out, "report.json"), JSON.stringify({ version: v, outputs: { files } }));
    commitRun(set, g, undefined, OUTPUTS.map((f) => join(out, f)));
  } catch (e) {
    set.abort();
    throw e;
  }
}

/** File operations that die at the n-th call, and stay dead: what SIGKILL does to a process. */
function killedAt(n: number): { ops: FileOps; calls: () => number } {
  let calls = 0;
  const dead = (): never => {
    throw Object.assign(new Error("killed"), { code: "EKILLED" });
  };
  const wrap = <K extends keyof FileOps>(k: K): FileOps[K] =>
    ((...a: unknown[]) => {
      if (++calls >= n) dead();
      return (REAL_FS[k] as (...a: unknown[]) => unknown)(...a);
    }) as FileOps[K];
  const ops = Object.fromEntries((Object.keys(REAL_FS) as Array<keyof FileOps>).map((k) => [k, wrap(k)])) as unknown as FileOps;
  return { ops, calls: () => calls };
}

function snapshot(out: string, g: GlossaryFiles): Map<string, Buffer> {
  return new Map([...OUTPUTS.map((f) => join(out, f)), g.csv, g.userDict].map((p) => [p, readFileSync(p)]));
}

describe("a run killed at any file operation (issue 18, issue 19 #2)", () => {
  const probe = killedAt(Infinity);
  {
    const root = mkdtempSync(join(BASE, "termbridge-commit-"));
    const g = glossaryFiles(join(root, "glossary"));
    runVersion(join(root, "out"), g, 0);
    runVersion(join(root, "out"), g, 1, probe.ops);
  }
  const total = probe.calls();

  it(`leaves the old glossary and outputs, or the new glossary with whole outputs that report.json accounts for (${total} kill points)`, () => {
    expect(total).toBeGreaterThan(30);
    for (let n = 1; n <= total; n++) {
      const root = mkdtempSync(join(BASE, "termbridge-commit-"));
      const out = join(root, "out");
      const g = glossaryFiles(join(root, "glossary"));
      runVersion(out, g, 0);
      const old = snapshot(out, g);
      expect(() => runVersion(out, g, 1, killedAt(n).ops)).toThrow();
      const csv = readFileSync(g.csv);
      const glossaryNew = !csv.equals(old.get(g.csv)!);
      // The next run: reads the glossary without a false alarm, sweeps, rebuilds the user dictionary.
      const read = loadGlossary(g).glossary.entries.map((e) => e.id).sort();
      expect(read, `kill at ${n}`).toEqual(VERSIONS[glossaryNew ? 1 : 0]!.entries.map((e) => e.id));
      for (const f of OUTPUTS.slice(0, 4)) {
        const now = readFileSync(join(out, f));
        if (!glossaryNew) expect(now.equals(old.get(join(out, f))!), `kill at ${n}: ${f} changed before the glossary`).toBe(true);
      }
      const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { version: number; outputs: { files: Array<{ file: string; sha256: string }> } };
      if (report.version === 1) for (const f of report.outputs.files) expect(sha(readFileSync(f.file)), `kill at ${n}: ${f.file}`).toBe(f.sha256);
      sweepStale(out, () => false);
      sweepStale(g.dir, () => false);
      repairUserDict(g, loadGlossary(g).glossary);
      expect(readFileSync(g.userDict, "utf8")).toBe(glossaryFeedback(VERSIONS[glossaryNew ? 1 : 0]!).userDict);
      expect([...readdirSync(out), ...readdirSync(g.dir)].filter((f) => f.endsWith(".tmp")), `kill at ${n}`).toEqual([]);
      rmSync(root, { recursive: true });
    }
  });

  it("a write failing at any point (disk full) changes nothing and leaves no temporary file", () => {
    for (let n = 1; n <= total; n++) {
      const root = mkdtempSync(join(BASE, "termbridge-commit-"));
      const out = join(root, "out");
      const g = glossaryFiles(join(root, "glossary"));
      runVersion(out, g, 0);
      const old = snapshot(out, g);
      let calls = 0;
      const ops: FileOps = { ...REAL_FS, write: (fd, d) => (++calls === n ? (() => { throw Object.assign(new Error("full"), { code: "ENOSPC" }); })() : REAL_FS.write(fd, d)) };
      try {
        runVersion(out, g, 1, ops);
      } catch (e) {
        expect(String((e as Error).message)).toMatch(/disk is full \(ENOSPC\)/);
      }
      if (calls >= n) {
        for (const [p, b] of old) expect(readFileSync(p).equals(b), `write ${n}: ${p}`).toBe(true);
      }
      expect([...readdirSync(out), ...readdirSync(g.dir)].filter((f) => f.endsWith(".tmp"))).toEqual([]);
      rmSync(root, { recursive: true });
    }
  });
});

/** A tmpfs of 64 KiB, mounted for the test when the tests run as root; undefined otherwise. */
function smallDisk(): string | undefined {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return undefined;
  const at = mkdtempSync(join(tmpdir(), "termbridge-full-"));
  const r = require("node:child_process").spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", at]) as { status: number };
  return r.status === 0 ? at : undefined;
}
const disk = smallDisk();
if (!disk) console.warn("skipped: the full-disk test needs root and mount -t tmpfs (a 64 KiB RAM disk)");

describe("a real full disk", () => {
  it.skipIf(!disk)("refuses with one line, keeps the old glossary and leaves no temporary file", () => {
    try {
      const g = glossaryFiles(join(disk!, "glossary"));
      writeGlossary(g, VERSIONS[1]!, "");
      const before = readFileSync(g.csv);
      const big: Glossary = { entries: Array.from({ length: 2000 }, (_, k) => entry(`t${k}`, `term number ${k} with a long English side`, `第${k}个很长的中文术语`)), extraColumns: [] };
      expect(() => writeGlossary(g, big, "")).toThrow(/cannot write: the disk is full \(ENOSPC\)/);
      expect(readFileSync(g.csv)).toEqual(before);
      expect(readdirSync(g.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } finally {
      require("node:child_process").spawnSync("umount", [disk!]);
    }
  });
});

describe("stale temporary files (issue 18)", () => {
  it("are swept when their process is gone, never while it runs", () => {
    const d = mkdtempSync(join(BASE, "termbridge-sweep-"));
    const names = [`.memory.tmx.${process.pid}-3.tmp`, ".memory.tmx.999999999.tmp", ".terms.csv.999999999-2.tmp", "glossary.csv.999999999.tmp", "notes.tmp", "memory.tmx"];
    for (const n of names) writeFileSync(join(d, n), "x");
    expect(sweepStale(d).sort()).toEqual([".memory.tmx.999999999.tmp", ".terms.csv.999999999-2.tmp", "glossary.csv.999999999.tmp"]);
    expect(readdirSync(d).sort()).toEqual([`.memory.tmx.${process.pid}-3.tmp`, "memory.tmx", "notes.tmp"]);
  });
});

describe("SIGINT and SIGTERM (issue 15 #8, issue 18)", () => {
  const script = `
    import { FileSet, installInterruptCleanup } from ${JSON.stringify(join(ROOT, "dist/cli/io.js"))};
    import { glossaryFiles, withGlossaryLock } from ${JSON.stringify(join(ROOT, "dist/cli/glossary.js"))};
    installInterruptCleanup();
    const g = glossaryFiles(process.argv[1]);
    await withGlossaryLock(g, 0, async () => {
      const set = new FileSet();
      set.stream(process.argv[2] + "/memory.tmx").write("<tmx>");
      set.stage(process.argv[2] + "/terms.csv", "a,b\\n");
      process.stdout.write("ready\\n");
      await new Promise(() => setInterval(() => undefined, 1000));
    });`;
  it.each([["SIGINT", 130], ["SIGTERM", 143]] as const)("%s removes the temporary files and the lock, says so on one line, exits %i", async (signal, code) => {
    const root = mkdtempSync(join(BASE, "termbridge-signal-"));
    const gdir = join(root, "glossary");
    const out = join(root, "out");
    mkdirSync(out);
    const p = spawn(process.execPath, ["--input-type=module", "-e", script, gdir, out], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    p.stderr.on("data", (d) => (stderr += d));
    const closed = new Promise<number | null>((r) => p.on("close", r));
    await new Promise<void>((r) => p.stdout.on("data", (d) => String(d).includes("ready") && r()));
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toHaveLength(2);
    expect(existsSync(join(gdir, ".glossary.lock"))).toBe(true);
    p.kill(signal);
    expect(await closed).toBe(code);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^termbridge: interrupted \\(${signal}\\) — temporary files and the glossary lock removed`));
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(gdir)).toEqual([]);
  }, 30_000);
});
