/*
 * The guarantees that need a real process, one spawned run (or a few) per kind: the installed
 * program's exit code and stderr, leaving a terminal when a run fails, a SIGKILL at any moment,
 * and two runs at once on one glossary. Everything else about bad input is in matrix.test.ts,
 * in-process.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/export/csv.js";
import { parseGlossary } from "../../src/glossary/store.js";
import { cli, cliAsync, ROOT } from "./cli.js";

const EXAMPLE = "examples/ministry-briefing.md";
const tmp = (): string => mkdtempSync(join(tmpdir(), "termbridge-process-"));
const closed = (p: ReturnType<typeof cliAsync>): Promise<number | null> => new Promise((resolve) => p.on("close", (code) => resolve(code)));

describe("the installed program", () => {
  it("ends a bad input with its exit code and one line, and prints help and its version", () => {
    const bad = cli("run", "test/fixtures/bad/document.pdf", "--out", tmp());
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^termbridge: test\/fixtures\/bad\/document\.pdf: this is a PDF file, not text — extract its text[^\n]*\n$/);
    const usage = cli("run", "--min-score", "7", EXAMPLE);
    expect(usage.status).toBe(2);
    expect(usage.stderr.split("\n")).toHaveLength(2);
    const help = cli("run", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--strict[\s\S]*--follow-links/);
    expect(cli("--version").stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

const noScript = spawnSync("sh", ["-c", "command -v script"]).status === 0 ? undefined : "util-linux `script` (a pseudo-terminal) is not installed";
describe("on a terminal", () => {
  // Before: the progress bar's timer was left running when a document failed, and the process
  // waited, at 0 % CPU, until Ctrl-C. The test's timeout is the check.
  it.skipIf(noScript)("a folder run that stops at a bad document leaves the terminal", { timeout: 120_000 }, () => {
    const dir = tmp();
    for (const k of [1, 2, 3]) writeFileSync(join(dir, `doc${k}.md`), readFileSync(join(ROOT, EXAMPLE), "utf8"));
    writeFileSync(join(dir, "doc2.md"), "Only English here.\n");
    const cmd = [process.execPath, join(ROOT, "dist/cli/main.js"), "run", dir, "--out", join(dir, "out"), "--no-glossary", "--jobs", "2", "--strict"].map((a) => `'${a}'`).join(" ");
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { encoding: "utf8", timeout: 90_000 });
    expect(r.error, "the run did not end").toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/doc2\.md: found 1 English paragraph and no Chinese/);
  });
});

describe("killed with SIGKILL at any moment", { timeout: 300_000 }, () => {
  it("leaves the glossary as it was or as the run makes it, each output whole or absent, and the next run works", async () => {
    // The old state: a glossary made from a short pair of files.
    const G = tmp();
    const src = tmp();
    writeFileSync(join(src, "notice.en.txt"), "The Ministry of Water Resources inspected 300 reservoirs.\nEvery reservoir now has an early-warning system.\n");
    writeFileSync(join(src, "notice.zh.txt"), "水利部检查了300座水库。\n每座水库现已配备预警系统。\n");
    expect(cli("run", src, "--out", tmp(), "--glossary", G).status).toBe(0);
    const oldState = tmp();
    cpSync(G, oldState, { recursive: true });
    // The new state: the same glossary after an uninterrupted run on the example (the clock is pinned).
    const out = tmp();
    const t0 = Date.now();
    expect(cli("run", EXAMPLE, "--out", out, "--glossary", G).status).toBe(0);
    const span = Date.now() - t0;
    const states = (name: string) => [readFileSync(join(oldState, name), "utf8"), readFileSync(join(G, name), "utf8")];
    const [oldCsv, newCsv] = states("glossary.csv");
    const [oldDict, newDict] = states("user.dict.utf8");
    expect(newCsv).not.toBe(oldCsv);
    const outputs = new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f), "utf8")]));

    let lastOut = "";
    for (const at of [0.4, 0.75, 0.9, 0.97]) {
      rmSync(G, { recursive: true });
      cpSync(oldState, G, { recursive: true });
      lastOut = tmp();
      const p = cliAsync(["run", EXAMPLE, "--out", lastOut, "--glossary", G]);
      const end = closed(p);
      await new Promise((r) => setTimeout(r, Math.round(span * at)));
      p.kill("SIGKILL");
      await end;
      const csv = readFileSync(join(G, "glossary.csv"), "utf8");
      expect([oldCsv, newCsv], `glossary.csv after a kill at ${at} of the run`).toContain(csv);
      expect(parseGlossary(csv, "glossary.csv").entries.length).toBeGreaterThan(0);
      expect([oldDict, newDict]).toContain(readFileSync(join(G, "user.dict.utf8"), "utf8"));
      for (const f of readdirSync(lastOut).filter((f) => !f.startsWith("."))) {
        // report.json names its folder.
        expect(readFileSync(join(lastOut, f), "utf8").replaceAll(lastOut, out), `${f} after a kill at ${at} of the run`).toBe(outputs.get(f));
      }
    }
    // The killed run's lock names a dead process: the next run takes it over at once.
    const next = cli("run", EXAMPLE, "--out", lastOut, "--glossary", G, "--lock-wait", "0");
    expect(next.status, next.stderr).toBe(0);
    expect(readFileSync(join(G, "glossary.csv"), "utf8")).toBe(newCsv);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });
});

describe("two runs at once on one glossary", { timeout: 300_000 }, () => {
  it("both finish, and the glossary holds the pairs of each", async () => {
    const G = tmp();
    const a = tmp();
    mkdirSync(join(a, "docs"));
    writeFileSync(join(a, "docs/notice.en.txt"), "The Ministry of Water Resources inspected 300 reservoirs.\nEvery reservoir now has an early-warning system.\n");
    writeFileSync(join(a, "docs/notice.zh.txt"), "水利部检查了300座水库。\n每座水库现已配备预警系统。\n");
    const outs = [tmp(), tmp()];
    const codes = await Promise.all([closed(cliAsync(["run", join(a, "docs"), "--out", outs[0]!, "--glossary", G])), closed(cliAsync(["run", EXAMPLE, "--out", outs[1]!, "--glossary", G]))]);
    expect(codes).toEqual([0, 0]);
    const entries = parseGlossary(readFileSync(join(G, "glossary.csv"), "utf8"), "glossary.csv").entries;
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const out of outs) {
      const pairs = readCsv(readFileSync(join(out, "terms.csv"), "utf8")).rows.filter((r) => Number(r.score) >= 0.5);
      expect(pairs.length).toBeGreaterThan(0);
      for (const p of pairs) expect(entries.some((e) => e.id === p.id || (e.en === p.en && e.zh === p.zh)), `${p.en} | ${p.zh}`).toBe(true);
    }
  });
});
