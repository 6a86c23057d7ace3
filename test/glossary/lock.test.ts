import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { glossaryFiles, loadGlossary, withGlossaryLock, writeGlossary, type GlossaryFiles } from "../../src/cli/glossary.js";
import { REAL_FS, type FileOps } from "../../src/cli/io.js";
import { glossaryFeedback, mergeGlossary } from "../../src/glossary/merge.js";
import type { TermPair } from "../../src/model/index.js";

const ROOT = join(__dirname, "../..");
/** On a RAM disk where there is one: the test is about the lock, not about fsync on a busy disk. */
const BASE = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
const dir = (): GlossaryFiles => glossaryFiles(mkdtempSync(join(BASE, "termbridge-lock-")));
const DEAD = 999_999_999;
const deadOrUs = (pid: number): boolean => pid !== DEAD;

const pair = (name: string): TermPair =>
  ({ id: `t-${name}`, en: `term ${name}`, zh: `术语${name}`, score: 0.9, enCount: 1, zhCount: 1, cooc: 1, logDice: 1, llr: 1, dict: 0, enVariants: [], zhVariants: [], exampleEn: "", exampleZh: "", source: { doc: "d", bead: 0 }, docCount: 1, docs: ["d"] }) as unknown as TermPair;

/** One run's glossary transaction as `run` does it: lock, read, (work), merge, write. */
async function update(files: GlossaryFiles, names: string[], work: () => Promise<void>): Promise<void> {
  await withGlossaryLock(files, 60_000, async (lock) => {
    const loaded = loadGlossary(files);
    await work();
    const merged = mergeGlossary(loaded.glossary, names.map(pair), { today: "2026-01-01", minScore: 0 }).glossary;
    lock.verify();
    writeGlossary(files, merged, glossaryFeedback(merged).userDict);
  }, { pollMs: 2 });
}

describe("the glossary lock (issue 15 #4, issue 19 #1)", () => {
  it("is never seen without its owner: the lock file holds the pid from the moment it exists", async () => {
    const files = dir();
    const seen: string[] = [];
    const ops: FileOps = { ...REAL_FS, link: (a, b) => (REAL_FS.link(a, b), b === files.lock && seen.push(readFileSync(files.lock, "utf8"))) };
    await withGlossaryLock(files, 0, async () => undefined, { ops });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(new RegExp(`^${process.pid} \\d{4}-\\d\\d-\\d\\dT\\S+ \\S+ [0-9a-f]{12}\\n$`));
    expect(existsSync(files.lock)).toBe(false);
  });

  it("takes over a lock whose process is gone", async () => {
    const files = dir();
    writeFileSync(files.lock, `${DEAD} 2026-01-01T00:00:00.000Z\n`);
    let ran = false;
    await withGlossaryLock(files, 0, async () => void (ran = true), { alive: deadOrUs });
    expect(ran).toBe(true);
    expect(existsSync(files.lock)).toBe(false);
  });

  it("never deletes a new lock another waiter took between seeing the old one stale and taking it over", async () => {
    const files = dir();
    const stale = `${DEAD} 2026-01-01T00:00:00.000Z\n`;
    const other = `${process.pid} 2026-01-02T00:00:00.000Z otherhost-run token\n`;
    writeFileSync(files.lock, stale);
    let raced = false;
    // Right when this waiter starts its take-over, another waiter finishes its own: the stale
    // lock is gone and a live one stands in its place.
    const ops: FileOps = {
      ...REAL_FS,
      link: (a, b) => {
        if (b.endsWith(".break") && !raced) {
          raced = true;
          writeFileSync(files.lock, other);
        }
        REAL_FS.link(a, b);
      },
    };
    await expect(withGlossaryLock(files, 50, async () => undefined, { ops, alive: deadOrUs, pollMs: 5 })).rejects.toThrow(/being updated by another termbridge run/);
    expect(raced).toBe(true);
    expect(readFileSync(files.lock, "utf8")).toBe(other);
  });

  it("a run whose lock was taken over writes nothing", async () => {
    const files = dir();
    writeGlossary(files, { entries: [], extraColumns: [] }, "");
    const before = readFileSync(files.csv);
    await expect(
      withGlossaryLock(files, 0, async (lock) => {
        writeFileSync(files.lock, `${process.pid} 2026-01-02T00:00:00.000Z h t\n`);
        lock.verify();
        writeGlossary(files, { entries: [], extraColumns: ["x"] }, "");
      }),
    ).rejects.toThrow(/taken over by another run/);
    expect(readFileSync(files.csv)).toEqual(before);
  });

  it("five runs at once, twenty times over: every run's pairs are in the result", async () => {
    for (let trial = 0; trial < 20; trial++) {
      const files = dir();
      const runs = Array.from({ length: 5 }, (_, r) => Array.from({ length: 3 }, (_, k) => `${trial}-${r}-${k}`));
      await Promise.all(runs.map((names, r) => update(files, names, () => new Promise((res) => setTimeout(res, (r * 7 + trial) % 5)))));
      const ids = new Set(loadGlossary(files).glossary.entries.map((e) => e.en));
      for (const n of runs.flat()) expect(ids.has(`term ${n}`), `trial ${trial}: ${n}`).toBe(true);
      expect(existsSync(files.lock)).toBe(false);
    }
  });

  it("four processes at once, twenty rounds each: no merge is lost", async () => {
    const files = dir();
    const script = `
      import { glossaryFiles, loadGlossary, withGlossaryLock, writeGlossary } from ${JSON.stringify(join(ROOT, "dist/cli/glossary.js"))};
      import { glossaryFeedback, mergeGlossary } from ${JSON.stringify(join(ROOT, "dist/glossary/merge.js"))};
      const files = glossaryFiles(process.argv[1]);
      const me = process.argv[2];
      const pair = (n) => ({ id: "t-" + n, en: "term " + n, zh: "术语" + n, score: 0.9, enCount: 1, zhCount: 1, enVariants: [], zhVariants: [], exampleEn: "", exampleZh: "" });
      for (let round = 0; round < 20; round++) {
        await withGlossaryLock(files, 60000, async (lock) => {
          const g = loadGlossary(files).glossary;
          await new Promise((r) => setTimeout(r, round % 3));
          const merged = mergeGlossary(g, [pair(me + "-" + round)], { today: "2026-01-01", minScore: 0 }).glossary;
          lock.verify();
          writeGlossary(files, merged, glossaryFeedback(merged).userDict);
        }, { pollMs: 3 });
      }`;
    const codes = await Promise.all(
      ["a", "b", "c", "d"].map(
        (me) =>
          new Promise<string>((resolve) => {
            const p = spawn(process.execPath, ["--input-type=module", "-e", script, files.dir, me], { stdio: ["ignore", "ignore", "pipe"] });
            let err = "";
            p.stderr.on("data", (d) => (err += d));
            p.on("close", (code) => resolve(`${code}${err}`));
          }),
      ),
    );
    expect(codes).toEqual(["0", "0", "0", "0"]);
    const ens = new Set(loadGlossary(files).glossary.entries.map((e) => e.en));
    expect(ens.size).toBe(80);
    expect(existsSync(files.lock)).toBe(false);
  }, 60_000);
});
