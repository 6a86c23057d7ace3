import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { escapeFormula, readCsv } from "../../src/export/csv.js";
import { parseGlossary } from "../../src/glossary/store.js";
import { pairKey, type GlossaryEntry } from "../../src/model/index.js";
import { harness, missingTools } from "../harness.js";
import { cli, cliAsync, ROOT } from "./cli.js";
import { runCli, type Ran } from "./inprocess.js";

const EXAMPLE = "examples/ministry-briefing.md";
const tmp = (): string => mkdtempSync(join(tmpdir(), "termbridge-glossary-"));
const read = (dir: string): GlossaryEntry[] => parseGlossary(readFileSync(join(dir, "glossary.csv"), "utf8"), "glossary.csv").entries;

/*
 * Where each command runs. Commands run in this process (`runCli`: the engines load once for
 * the file) unless the run reads a glossary that already has a jieba user dictionary: nodejieba
 * loads one user dictionary per process (see terms/zh/jieba.ts), and a tagging thread's jieba is
 * never freed (about 240 MB a thread), so such a run gets its own process (`cli`), as a user's
 * would. The glossary commands (import, export) load no engine and always run here.
 */

/** Round 1 on an empty glossary, run once for the file: the two groups below each start from a copy of what it left. */
let first: Promise<{ G: string; out: string; r: Ran }> | undefined;
function roundOne(): Promise<{ G: string; out: string; r: Ran }> {
  first ??= (async () => {
    const G = tmp();
    const out = tmp();
    return { G, out, r: await runCli("run", EXAMPLE, "--out", out, "--glossary", G) };
  })();
  return first;
}
/** A fresh copy of round 1's glossary and output folders. */
async function afterRoundOne(): Promise<{ G: string; out: string; r: Ran }> {
  const one = await roundOne();
  const G = tmp();
  const out = tmp();
  cpSync(one.G, G, { recursive: true });
  cpSync(one.out, out, { recursive: true });
  return { G, out, r: one.r };
}

/** A second document sharing some of the example's terms, in the same mixed layout. */
const SECOND = `# Reservoir Safety Notice

The Ministry of Water Resources inspected 300 reservoirs before the flood season. Every reservoir in the river basin now has an early-warning system.

## 水库安全通报

水利部在汛期前检查了300座水库。流域内每座水库现已配备预警系统。
`;

/** Saves entries the way a reviewer's spreadsheet might: no BOM, LF, columns reordered, rows reversed, an added column. */
function saveAsSpreadsheet(dir: string, entries: GlossaryEntry[], reviewer: Record<string, string>): void {
  const columns = ["zh", "en", "status", "id", "note", "reviewer", "en_variants", "zh_variants", "score", "en_count", "zh_count", "example_en", "example_zh", "domain", "first_seen", "last_seen", "updated"];
  const rows = [...entries].reverse().map((e) => [e.zh, e.en, e.status, e.id, e.note, reviewer[e.id] ?? "", e.enVariants.join(" | "), e.zhVariants.join(" | "), e.score, e.enCount, e.zhCount, e.exampleEn, e.exampleZh, e.domain, e.firstSeen, e.lastSeen, e.updated]);
  writeFileSync(join(dir, "glossary.csv"), stringify([columns, ...rows]));
}

describe("the curated glossary over three rounds", { timeout: 120_000 }, () => {
  let G: string;
  let out: string;
  const second = join(tmp(), "reservoir-notice.md");
  writeFileSync(second, SECOND);

  it("round 1 creates the glossary with candidates, their evidence and dates", async () => {
    const one = await roundOne();
    const r = one.r;
    ({ G, out } = await afterRoundOne());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(one.G, "glossary.csv"));
    expect(r.stderr).toMatch(/glossary .*: \d+ added, 0 refreshed, 0 kept/);
    const entries = read(G);
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries) {
      expect(e).toMatchObject({ status: "candidate", firstSeen: "2026-01-01", lastSeen: "2026-01-01" });
      expect(e.exampleEn).not.toBe("");
    }
  });

  const decided = new Map<string, GlossaryEntry>();
  const reviewer: Record<string, string> = {};

  it("round 2, after a reviewer's edits, keeps every decision and brings no rejected pair back", () => {
    const entries = read(G);
    const byScore = [...entries].sort((a, b) => Number(b.score) - Number(a.score) || (a.id < b.id ? -1 : 1));
    // Approve the three best (two with an edited target, one with a note); reject two others.
    const long = byScore.find((e) => [...e.zh].length >= 4)!;
    const approve = [long, ...byScore.filter((e) => e !== long).slice(0, 2)];
    approve.forEach((e, k) => {
      e.status = "approved";
      if (k > 0) e.zh = `${e.zh}（审定）`;
      reviewer[e.id] = `reviewer ${k}`;
    });
    approve[0]!.note = "house style, checked against the 2025 term base";
    const reject = byScore.slice(-2);
    for (const e of reject) e.status = "rejected";
    for (const e of [...approve, ...reject]) decided.set(e.id, { ...e });
    saveAsSpreadsheet(G, entries, reviewer);
    const edited = readFileSync(join(G, "glossary.csv"));

    // The glossary has a user dictionary from now on: these runs get a process each (see above).
    const r = cli("run", EXAMPLE, second, "--out", out, "--glossary", G);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\d+ refreshed/);
    expect(readFileSync(join(G, "glossary.csv.bak"))).toEqual(edited);
    const after = read(G);
    const g = parseGlossary(readFileSync(join(G, "glossary.csv"), "utf8"), "g.csv");
    expect(g.extraColumns).toEqual(["reviewer"]);
    for (const [id, d] of decided) {
      const e = after.find((x) => x.id === id)!;
      expect({ status: e.status, en: e.en, zh: e.zh, note: e.note, reviewer: e.extra.reviewer ?? "" }).toEqual({ status: d.status, en: d.en, zh: d.zh, note: d.note, reviewer: reviewer[id] ?? "" });
    }
    for (const d of reject) {
      const same = after.filter((e) => [e.en, ...e.enVariants].some((en) => [e.zh, ...e.zhVariants].some((zh) => pairKey(en, zh) === pairKey(d.en, d.zh))));
      expect(same.map((e) => e.status)).toEqual(["rejected"]);
    }
    expect(after.some((e) => e.lastSeen === "2026-01-01" && e.firstSeen === "2026-01-01")).toBe(true);
  });

  it("puts approved Chinese terms in the jieba user dictionary, and jieba keeps them whole", () => {
    const dict = readFileSync(join(G, "user.dict.utf8"), "utf8");
    const approved = read(G).filter((e) => e.status === "approved");
    for (const e of approved) expect(dict).toContain(`${e.zh} n\n`);
    const long = approved.find((e) => e.note !== "")!;
    // In a process of its own: this one's jieba was loaded without a user dictionary by round 1.
    const script = `import { loadJieba } from ${JSON.stringify(join(ROOT, "dist/terms/zh/jieba.js"))};
      process.stdout.write(JSON.stringify(loadJieba({ userDict: process.argv[1] }).cut(process.argv[2])));`;
    const cut = spawnSync(process.execPath, ["--input-type=module", "-e", script, join(G, "user.dict.utf8"), `我们讨论了${long.zh}的问题。`], { encoding: "utf8" });
    expect(cut.status, cut.stderr).toBe(0);
    expect(JSON.parse(cut.stdout)).toContain(long.zh);
  });

  it("round 3 keeps a forbidden pair a reviewer added and never proposes it", () => {
    const entries = read(G);
    // A pair the linker proposes (it is in terms.csv) but that was too weak for the glossary so far.
    const terms = readCsv(readFileSync(join(out, "terms.csv"), "utf8")).rows;
    const known = new Set(entries.flatMap((e) => [pairKey(e.en, e.zh)]));
    const row = terms.find((t) => !known.has(pairKey(t.en!, t.zh!)))!;
    const forbidden: GlossaryEntry = { ...entries[0]!, id: "forbid-1", en: row.en!, zh: row.zh!, status: "forbidden", note: "wrong translation: do not use", enVariants: [], zhVariants: [], extra: {} };
    saveAsSpreadsheet(G, [...entries, forbidden], Object.fromEntries(entries.map((e) => [e.id, e.extra.reviewer ?? ""])));
    // With no score threshold every proposed pair would be added: the forbidden one must not be.
    const r = cli("run", EXAMPLE, second, "--out", out, "--glossary", G, "--glossary-min-score", "0");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\d+ added/);
    const after = read(G);
    expect(after.find((e) => e.id === "forbid-1")).toMatchObject({ status: "forbidden", en: row.en, zh: row.zh, note: "wrong translation: do not use" });
    expect(after.filter((e) => entryHas(e, row.en!, row.zh!))).toHaveLength(1);
    const proposed = readCsv(readFileSync(join(out, "terms.csv"), "utf8")).rows;
    expect(proposed.some((t) => pairKey(t.en!, t.zh!) === pairKey(row.en!, row.zh!))).toBe(false);
    for (const [id, d] of decided) expect(after.find((x) => x.id === id)).toMatchObject({ status: d.status, en: d.en, zh: d.zh, note: d.note });
  });
});

describe("glossary exports and imports through the CLI", { timeout: 600_000 }, () => {
  let G: string;
  let out: string;
  let run: Ran;
  let again: ReturnType<typeof cli>;
  let sorted: GlossaryEntry[];
  beforeAll(async () => {
    ({ G, out, r: run } = await afterRoundOne());
    // A reviewer's decisions: approve the best three, forbid one, reject one.
    const entries = read(G);
    sorted = [...entries].sort((a, b) => Number(b.score) - Number(a.score) || (a.id < b.id ? -1 : 1));
    sorted.slice(0, 3).forEach((e) => (e.status = "approved"));
    sorted[3]!.status = "forbidden";
    sorted[4]!.status = "rejected";
    // Rows a reviewer typed in, without an id, with terms a spreadsheet would turn into TRUE and 1.00E+05.
    const typed = (en: string, zh: string): GlossaryEntry => ({ ...sorted[0]!, id: "", en, zh, status: "approved", enVariants: [], zhVariants: [], note: "typed in" });
    saveAsSpreadsheet(G, [...entries, typed("true", "真"), typed("1e5", "十万")], {});
    // The glossary now has a user dictionary: a process of its own (see above).
    again = cli("run", EXAMPLE, "--out", out, "--glossary", G);
  }, 300_000);

  it("gives rows typed in without an id their own id, keeping the row, and says so (issue 15 #6)", () => {
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/glossary\.csv:\d+: the row had no id; it was given m[0-9a-f]{10}/);
    for (const en of ["true", "1e5"]) expect(read(G).find((e) => e.en === en)).toMatchObject({ status: "approved", note: "typed in", id: expect.stringMatching(/^m[0-9a-f]{10}$/) });
  });

  it.skipIf(missingTools("check-glossary.sh"))("writes the glossary as TBX v2 and an OmegaT glossary that OmegaT's own readers load whole", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(again.status, again.stderr).toBe(0);
    const live = read(G).filter((e) => e.status !== "rejected").length;
    const utf8 = harness("check-glossary.sh", join(out, "glossary.utf8"), "en", "zh");
    expect(utf8.status, utf8.out).toBe(0);
    expect(utf8.last).toMatch(/^glossary ok: (\d+) entries \(TSV\), OmegaT read \1$/);
    const tbx = harness("check-glossary.sh", join(out, "glossary.tbx"), "en", "zh");
    expect(tbx.status, tbx.out).toBe(0);
    expect(tbx.last).toMatch(new RegExp(`^glossary ok: ${live} entries \\(TBX v2\\), OmegaT read \\d+$`));
    const text = readFileSync(join(out, "glossary.utf8"), "utf8").split("\n");
    // Approved entries come first (the typed-in ones too, their terms formula-protected as in the CSV).
    const approved = read(G).filter((e) => e.status === "approved").map((e) => escapeFormula(e.en));
    const firstCandidate = text.findIndex((l) => l && !l.startsWith("#") && !approved.some((en) => l.startsWith(`${en}\t`)));
    expect(text.slice(1, firstCandidate).length).toBeGreaterThanOrEqual(5);
    expect(text.find((l) => l.startsWith(`${sorted[3]!.en}\t${sorted[3]!.zh}\t`))).toMatch(/FORBIDDEN: do not use/);
    expect(text.some((l) => l.startsWith(`${sorted[4]!.en}\t${sorted[4]!.zh}`))).toBe(false);
  });

  it("writes \"true\" and \"1e5\" protected so that LibreOffice keeps them (issue 15 #10)", () => {
    expect(readFileSync(join(G, "glossary.csv"), "utf8")).toMatch(/,'true,真,/);
    expect(readFileSync(join(G, "glossary.csv"), "utf8")).toMatch(/,'1e5,十万,/);
  });

  it.skipIf(missingTools("check-csv.sh"))("keeps glossary.csv readable by LibreOffice cell for cell, \"true\" and \"1e5\" included", () => {
    const h = harness("check-csv.sh", join(G, "glossary.csv"));
    expect(h.status, h.out).toBe(0);
  });

  it.each(["tbx", "tbx3", "omegat", "csv"])("exports %s from the store alone, and imports it back into an empty store as the same decisions", async (format) => {
    const file = join(tmp(), `g.${format === "omegat" ? "utf8" : format === "csv" ? "csv" : "tbx"}`);
    const e = await runCli("glossary", "export", "--format", format, "--glossary", G, "--out", file);
    expect(e.status, e.stderr).toBe(0);
    expect(e.stdout).toBe(`${file}\n`);
    const G2 = tmp();
    const i = await runCli("glossary", "import", file, "--glossary", G2);
    expect(i.status, i.stderr).toBe(0);
    expect(i.stderr).toMatch(/\d+ added/);
    const back = read(G2);
    for (const src of read(G).filter((x) => x.status === "approved" || x.status === "forbidden")) {
      expect(back.some((b) => entryHas(b, src.en, src.zh) && b.status === src.status), `${format}: ${src.en} | ${src.zh} ${src.status}`).toBe(true);
    }
    expect(back.some((b) => b.status === "rejected")).toBe(format === "csv");
    // Importing the same file again adds nothing.
    expect((await runCli("glossary", "import", file, "--glossary", G2)).stderr).toMatch(/: 0 added/);
  });

  it("imports a plain two-column list as approved decisions, deciding candidates the store already holds", async () => {
    const cand = read(G).find((e) => e.status === "candidate")!;
    const list = join(tmp(), "client-terms.csv");
    writeFileSync(list, `English,Chinese,Comment\n${cand.en},${cand.zh},client list\nsluice gate,闸门,\n`);
    const r = await runCli("glossary", "import", list, "--glossary", G);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 added, 1 candidate\(s\) decided/);
    const after = read(G);
    expect(after.find((e) => e.id === cand.id)).toMatchObject({ status: "approved", note: "client list" });
    expect(after.find((e) => e.en === "sluice gate")).toMatchObject({ zh: "闸门", status: "approved" });
  });

  it("refuses a file it cannot read, with its line, and imports nothing", async () => {
    const bad = join(tmp(), "bad.utf8");
    writeFileSync(bad, "river basin\t流域\nonly-one-field\n");
    const before = readFileSync(join(G, "glossary.csv"));
    const r = await runCli("glossary", "import", bad, "--glossary", G);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.utf8:2: /);
    expect(readFileSync(join(G, "glossary.csv"))).toEqual(before);
  });
});

const entryHas = (e: GlossaryEntry, en: string, zh: string): boolean => [e.en, ...e.enVariants].some((a) => [e.zh, ...e.zhVariants].some((b) => pairKey(a, b) === pairKey(en, zh)));

describe("a glossary that cannot be read stops the run and is left untouched", () => {
  it.each([
    ["ragged.csv", /glossary\.csv:3: row has 3 cells where the header has 4 — .*left untouched/],
    ["duplicate-id.csv", /glossary\.csv:4: id t1 is used again \(first on line 2\)/],
    ["unknown-status.csv", /glossary\.csv:3: status "maybe" is not one of/],
  ])("%s", async (name, message) => {
    const G = tmp();
    const out = join(tmp(), "out");
    copyFileSync(join(ROOT, "test/fixtures/glossary", name), join(G, "glossary.csv"));
    const before = readFileSync(join(G, "glossary.csv"));
    const r = await runCli("run", EXAMPLE, "--out", out, "--glossary", G);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(join(G, "glossary.csv"))).toEqual(before);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });
});

describe("two runs on one glossary", { timeout: 120_000 }, () => {
  it("stops the second with a clear message when the first holds the lock", async () => {
    const G = tmp();
    // This process is alive: its lock is not stale.
    writeFileSync(join(G, ".glossary.lock"), `${process.pid} 2026-01-01T00:00:00.000Z\n`);
    const r = await runCli("run", EXAMPLE, "--out", tmp(), "--glossary", G, "--lock-wait", "0");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is being updated by another termbridge run \(process \d+, since 2026-01-01T00:00:00.000Z\) — wait for it to finish/);
    expect(existsSync(join(G, "glossary.csv"))).toBe(false);
  });

  it("takes over a lock left by a run that was killed", async () => {
    const G = tmp();
    writeFileSync(join(G, ".glossary.lock"), "2147483 2026-01-01T00:00:00.000Z\n");
    const r = await runCli("run", EXAMPLE, "--out", tmp(), "--glossary", G, "--lock-wait", "0");
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });

  // Two runs started together: process.test.ts (real processes, one set shared by its checks).

  it("Ctrl-C (SIGINT) during a run exits 130 with one line, removing its temporary files and the lock", async () => {
    const G = tmp();
    const out = tmp();
    const p = cliAsync(["run", EXAMPLE, "--out", out, "--glossary", G, "--jobs", "1"]);
    let stderr = "";
    p.stderr!.on("data", (d) => (stderr += d));
    const closed = new Promise<number | null>((r) => p.on("close", r));
    // The lock exists from before the glossary is read until after it is written.
    while (!existsSync(join(G, ".glossary.lock"))) await new Promise((r) => setTimeout(r, 20));
    p.kill("SIGINT");
    expect(await closed).toBe(130);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^termbridge: interrupted \(SIGINT\) — /);
    expect(readdirSync(G)).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a run whose glossary cannot be written (issue 19 #2)", { timeout: 120_000 }, () => {
  it("writes no outputs and says the glossary is unchanged", () => {
    const G = tmp();
    const out = join(tmp(), "out");
    writeFileSync(join(G, "glossary.csv"), "id,en,zh,status\nt1,dam,大坝,approved\n");
    // A folder where the backup goes: its rename fails, as on a full or read-only disk.
    mkdirSync(join(G, "glossary.csv.bak", "x"), { recursive: true });
    const before = readFileSync(join(G, "glossary.csv"));
    // The run derives a user dictionary from the approved row before jieba loads: a process of its own.
    const r = cli("run", EXAMPLE, "--out", out, "--glossary", G);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write the glossary: .* — .*glossary\.csv is unchanged/);
    expect(readFileSync(join(G, "glossary.csv"))).toEqual(before);
    expect(existsSync(out) ? readdirSync(out).filter((f) => !f.startsWith(".")) : []).toEqual([]);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });
});
