import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/export/csv.js";
import { parseGlossary } from "../../src/glossary/store.js";
import { pairKey, type GlossaryEntry } from "../../src/model/index.js";
import { loadJieba } from "../../src/terms/zh/jieba.js";
import { harness, missingTools } from "../harness.js";
import { cli, cliAsync, ROOT } from "./cli.js";

const EXAMPLE = "examples/ministry-briefing.md";
const tmp = (): string => mkdtempSync(join(tmpdir(), "termbridge-glossary-"));
const read = (dir: string): GlossaryEntry[] => parseGlossary(readFileSync(join(dir, "glossary.csv"), "utf8"), "glossary.csv").entries;

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
  const G = tmp();
  const out = tmp();
  const second = join(tmp(), "reservoir-notice.md");
  writeFileSync(second, SECOND);

  it("round 1 creates the glossary with candidates, their evidence and dates", () => {
    const r = cli("run", EXAMPLE, "--out", out, "--glossary", G);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(G, "glossary.csv"));
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
    const seg = loadJieba({ userDict: join(G, "user.dict.utf8") });
    expect(seg.cut(`我们讨论了${long.zh}的问题。`)).toContain(long.zh);
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
  const G = tmp();
  const out = tmp();
  const run = cli("run", EXAMPLE, "--out", out, "--glossary", G);
  // A reviewer's decisions: approve the best three, forbid one, reject one.
  const entries = read(G);
  const sorted = [...entries].sort((a, b) => Number(b.score) - Number(a.score) || (a.id < b.id ? -1 : 1));
  sorted.slice(0, 3).forEach((e) => (e.status = "approved"));
  sorted[3]!.status = "forbidden";
  sorted[4]!.status = "rejected";
  saveAsSpreadsheet(G, entries, {});
  const again = cli("run", EXAMPLE, "--out", out, "--glossary", G);

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
    const firstCandidate = text.findIndex((l) => l && !l.startsWith("#") && !sorted.slice(0, 3).some((e) => l.startsWith(`${e.en}\t`)));
    expect(text.slice(1, firstCandidate).length).toBeGreaterThanOrEqual(3);
    expect(text.find((l) => l.startsWith(`${sorted[3]!.en}\t${sorted[3]!.zh}\t`))).toMatch(/FORBIDDEN: do not use/);
    expect(text.some((l) => l.startsWith(`${sorted[4]!.en}\t${sorted[4]!.zh}`))).toBe(false);
  });

  it.skipIf(missingTools("check-csv.sh"))("keeps glossary.csv readable by LibreOffice cell for cell", () => {
    const h = harness("check-csv.sh", join(G, "glossary.csv"));
    expect(h.status, h.out).toBe(0);
  });

  it.each(["tbx", "tbx3", "omegat", "csv"])("exports %s from the store alone, and imports it back into an empty store as the same decisions", (format) => {
    const file = join(tmp(), `g.${format === "omegat" ? "utf8" : format === "csv" ? "csv" : "tbx"}`);
    const e = cli("glossary", "export", "--format", format, "--glossary", G, "--out", file);
    expect(e.status, e.stderr).toBe(0);
    expect(e.stdout).toBe(`${file}\n`);
    const G2 = tmp();
    const i = cli("glossary", "import", file, "--glossary", G2);
    expect(i.status, i.stderr).toBe(0);
    expect(i.stderr).toMatch(/\d+ added/);
    const back = read(G2);
    for (const src of read(G).filter((x) => x.status === "approved" || x.status === "forbidden")) {
      expect(back.some((b) => entryHas(b, src.en, src.zh) && b.status === src.status), `${format}: ${src.en} | ${src.zh} ${src.status}`).toBe(true);
    }
    expect(back.some((b) => b.status === "rejected")).toBe(format === "csv");
    // Importing the same file again adds nothing.
    expect(cli("glossary", "import", file, "--glossary", G2).stderr).toMatch(/: 0 added/);
  });

  it("imports a plain two-column list as approved decisions, deciding candidates the store already holds", () => {
    const cand = read(G).find((e) => e.status === "candidate")!;
    const list = join(tmp(), "client-terms.csv");
    writeFileSync(list, `English,Chinese,Comment\n${cand.en},${cand.zh},client list\nsluice gate,闸门,\n`);
    const r = cli("glossary", "import", list, "--glossary", G);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 added, 1 candidate\(s\) decided/);
    const after = read(G);
    expect(after.find((e) => e.id === cand.id)).toMatchObject({ status: "approved", note: "client list" });
    expect(after.find((e) => e.en === "sluice gate")).toMatchObject({ zh: "闸门", status: "approved" });
  });

  it("refuses a file it cannot read, with its line, and imports nothing", () => {
    const bad = join(tmp(), "bad.utf8");
    writeFileSync(bad, "river basin\t流域\nonly-one-field\n");
    const before = readFileSync(join(G, "glossary.csv"));
    const r = cli("glossary", "import", bad, "--glossary", G);
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
  ])("%s", (name, message) => {
    const G = tmp();
    const out = join(tmp(), "out");
    copyFileSync(join(ROOT, "test/fixtures/glossary", name), join(G, "glossary.csv"));
    const before = readFileSync(join(G, "glossary.csv"));
    const r = cli("run", EXAMPLE, "--out", out, "--glossary", G);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(join(G, "glossary.csv"))).toEqual(before);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });
});

describe("two runs on one glossary", { timeout: 120_000 }, () => {
  it("stops the second with a clear message when the first holds the lock", () => {
    const G = tmp();
    writeFileSync(join(G, ".glossary.lock"), `${process.pid} 2026-01-01T00:00:00.000Z\n`);
    const r = cli("run", EXAMPLE, "--out", tmp(), "--glossary", G, "--lock-wait", "0");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is being updated by another termbridge run \(process \d+, since 2026-01-01T00:00:00.000Z\) — wait for it to finish/);
    expect(existsSync(join(G, "glossary.csv"))).toBe(false);
  });

  it("takes over a lock left by a run that was killed", () => {
    const G = tmp();
    writeFileSync(join(G, ".glossary.lock"), "2147483 2026-01-01T00:00:00.000Z\n");
    const r = cli("run", EXAMPLE, "--out", tmp(), "--glossary", G, "--lock-wait", "0");
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });

  it("lets two runs started together finish one after the other", async () => {
    const G = tmp();
    const done = (p: ReturnType<typeof cliAsync>) => new Promise<number | null>((resolve) => p.on("close", resolve));
    const [a, b] = await Promise.all([done(cliAsync(["run", EXAMPLE, "--out", tmp(), "--glossary", G])), done(cliAsync(["run", EXAMPLE, "--out", tmp(), "--glossary", G]))]);
    expect([a, b]).toEqual([0, 0]);
    const entries = read(G);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

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
    const r = cli("run", EXAMPLE, "--out", out, "--glossary", G);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write the glossary: .* — .*glossary\.csv is unchanged/);
    expect(readFileSync(join(G, "glossary.csv"))).toEqual(before);
    expect(existsSync(out) ? readdirSync(out).filter((f) => !f.startsWith(".")) : []).toEqual([]);
    expect(existsSync(join(G, ".glossary.lock"))).toBe(false);
  });
});
