/*
 * The guarantees that need a real process, one spawned run (or a few) per kind: the installed
 * program's exit code and stderr, leaving a terminal when a run fails, a SIGKILL at any moment,
 * and runs at once on one glossary. Everything else about bad input is in matrix.test.ts,
 * in-process. Checks of one run share it: a run costs a process loading jieba (about 1 s, 300 MB).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/export/csv.js";
import { parseGlossary } from "../../src/glossary/store.js";
import { cli, cliAsync, ROOT } from "./cli.js";
import { runCli } from "./inprocess.js";

const EXAMPLE = "examples/ministry-briefing.md";
const tmp = (): string => mkdtempSync(join(tmpdir(), "termbridge-process-"));
const closed = (p: ReturnType<typeof cliAsync>): Promise<number | null> => new Promise((resolve) => p.on("close", (code) => resolve(code)));

describe("the installed program", () => {
  it("ends a bad input with its exit code and one line, and prints its help", { timeout: 120_000 }, () => {
    const bad = cli("run", "test/fixtures/bad/document.pdf", "--out", tmp());
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^termbridge: test\/fixtures\/bad\/document\.pdf: this is a PDF file, not text — extract its text[^\n]*\n$/);
    const help = cli("run", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--strict[\s\S]*--follow-links/);
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
  it("leaves the old glossary and no output, or the new glossary and every output whole, and the next run works", async () => {
    // The old state: a glossary of a client's term list (imported here: `glossary import` loads no engine).
    const G = tmp();
    const list = join(tmp(), "client-terms.csv");
    writeFileSync(list, "English,Chinese\nreservoir,水库\nearly-warning system,预警系统\nMinistry of Water Resources,水利部\n");
    const imported = await runCli("glossary", "import", list, "--glossary", G);
    expect(imported.status, imported.stderr).toBe(0);
    expect(existsSync(join(G, "user.dict.utf8"))).toBe(true);
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
    for (const at of [0.5, 0.9, 0.97]) {
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
      // The outputs are committed together: none of them, or all of them as the whole run writes them.
      const written = readdirSync(lastOut).filter((f) => !f.startsWith("."));
      expect([[], [...outputs.keys()].sort()], `outputs after a kill at ${at} of the run`).toContainEqual(written.sort());
      for (const f of written) {
        // report.json names its folder.
        expect(readFileSync(join(lastOut, f), "utf8").replaceAll(lastOut, out), `${f} after a kill at ${at} of the run`).toBe(outputs.get(f));
      }
      // And the glossary goes with them: the new one exactly when the outputs are there.
      expect(csv === newCsv).toBe(written.length > 0);
    }
    // The killed run's lock names a dead process: the next run takes it over at once.
    const next = cli("run", EXAMPLE, "--out", lastOut, "--glossary", G, "--lock-wait", "0");
    expect(next.status, next.stderr).toBe(0);
    expect(readFileSync(join(G, "glossary.csv"), "utf8")).toBe(newCsv);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });
});

describe("runs at once on one glossary", { timeout: 600_000 }, () => {
  // Three runs started together, shared by the checks below: two on the same document, one on
  // another. The lock makes them wait for each other (each holds it for most of its run), so
  // the wait allowed is long enough for two runs on a loaded machine.
  const G = tmp();
  const outs = [tmp(), tmp(), tmp()];
  let codes: Array<number | null>;
  beforeAll(async () => {
    const a = tmp();
    mkdirSync(join(a, "docs"));
    writeFileSync(join(a, "docs/notice.en.txt"), "The Ministry of Water Resources inspected 300 reservoirs.\nEvery reservoir now has an early-warning system.\n");
    writeFileSync(join(a, "docs/notice.zh.txt"), "水利部检查了300座水库。\n每座水库现已配备预警系统。\n");
    const inputs = [join(a, "docs"), EXAMPLE, EXAMPLE];
    codes = await Promise.all(inputs.map((input, k) => closed(cliAsync(["run", input, "--out", outs[k]!, "--glossary", G, "--lock-wait", "600"]))));
  }, 600_000);
  const entries = () => parseGlossary(readFileSync(join(G, "glossary.csv"), "utf8"), "glossary.csv").entries;

  it("all finish, one after the other, and no id is given twice (two of them on the same document)", () => {
    expect(codes).toEqual([0, 0, 0]);
    const e = entries();
    expect(new Set(e.map((x) => x.id)).size).toBe(e.length);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });

  it("and the glossary holds the pairs of each", () => {
    expect(codes).toEqual([0, 0, 0]);
    const e = entries();
    for (const out of outs) {
      const pairs = readCsv(readFileSync(join(out, "terms.csv"), "utf8")).rows.filter((r) => Number(r.score) >= 0.5);
      expect(pairs.length).toBeGreaterThan(0);
      for (const p of pairs) expect(e.some((x) => x.id === p.id || (x.en === p.en && x.zh === p.zh)), `${p.en} | ${p.zh}`).toBe(true);
    }
  });
});
