import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/export/csv.js";
import { harness, missingTools } from "../harness.js";
import { ROOT } from "./cli.js";
import { runCli as cli, type Ran } from "./inprocess.js";

const EXAMPLE = "examples/ministry-briefing.md";
const GOLDEN = join(ROOT, "test/golden");
const SAMPLE = join(ROOT, "../shared/samples/press-conference-2024-03-07.txt");
const tmp = (): string => mkdtempSync(join(tmpdir(), "termbridge-run-"));

describe("termbridge segment", () => {
  it("splits the bundled example exactly as the hand-checked key says", async () => {
    const r = await cli("segment", EXAMPLE);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { lang: "en" | "zh"; text: string; doc: string; start: number; end: number });
    const key = JSON.parse(readFileSync(join(GOLDEN, "ministry-briefing.sentences.json"), "utf8")) as { en: string[]; zh: string[] };
    expect(rows.filter((s) => s.lang === "en").map((s) => s.text)).toEqual(key.en);
    expect(rows.filter((s) => s.lang === "zh").map((s) => s.text)).toEqual(key.zh);
    const src = readFileSync(join(ROOT, EXAMPLE), "utf8");
    for (const s of rows) {
      expect(Object.keys(s)).toEqual(["lang", "text", "doc", "start", "end"]);
      expect(src[s.start]).toBe(s.text[0]);
      expect(src[s.end - 1]).toBe(s.text[s.text.length - 1]);
    }
  });
});

describe("termbridge run on the bundled example", () => {
  const out = tmp();
  let r: Ran;
  let tmx: string;
  beforeAll(async () => {
    r = await cli("run", EXAMPLE, "--out", out);
    tmx = readFileSync(join(out, "memory.tmx"), "utf8");
  }, 120_000);

  it("prints where the files went and a summary", () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(["memory.tmx", "terms.csv", "glossary.tbx", "glossary.utf8", "report.json", "review.xlsx", "report.html"].map((f) => `${join(out, f)}\n`).join(""));
    expect(r.stderr).toMatch(/; \d+ term pairs\n/);
    expect(r.stderr).toMatch(/termbridge: done in \d+\.\d s; files in .*\n$/);
    expect(r.stderr).toMatch(/the last Chinese paragraph stops mid-sentence/);
    expect(r.stderr).toMatch(/1 document\(s\), 38 English and 38 Chinese sentences, \d+ translation units/);
  });

  it("writes the golden TMX (UPDATE_GOLDEN=1 regenerates it)", () => {
    const golden = join(GOLDEN, "ministry-briefing.tmx");
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, tmx);
    expect(tmx).toBe(readFileSync(golden, "utf8"));
  });

  it("writes the golden term list (UPDATE_GOLDEN=1 regenerates it)", () => {
    const csv = readFileSync(join(out, "terms.csv"), "utf8");
    const golden = join(GOLDEN, "ministry-briefing.terms.csv");
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, csv);
    expect(csv).toBe(readFileSync(golden, "utf8"));
  });

  it("writes a term list a reviewer can trust: evidence in every row, sorted by score", () => {
    const t = readCsv(readFileSync(join(out, "terms.csv"), "utf8"));
    expect(t.rows.length).toBeGreaterThan(10);
    const scores = t.rows.map((r) => Number(r.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const row of t.rows) {
      expect(row.id).toMatch(/^t[0-9a-f]{10}$/);
      expect(Number(row.cooc)).toBeGreaterThanOrEqual(1);
      expect(row.example_en.toLowerCase()).toContain(row.en.split(/[\s-]/)[0]!.toLowerCase().slice(0, 4));
      expect(row.example_zh.replace(/\s/g, "")).toContain(row.zh);
      expect(row.source).toMatch(/^examples\/ministry-briefing\.md#\d+$/);
    }
  });

  it("writes a report with encodings, counts and diagnostics", () => {
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.documents[0]).toMatchObject({ kind: "mixed", encodings: ["utf-8"], sentences: { en: 38, zh: 38 } });
    expect(report.documents[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(["dropped-noise", "dropped-noise", "truncated"]);
    expect(report.created).toBe("2026-01-01T00:00:00.000Z");
  });

  it("gives byte-identical files on a second run", async () => {
    const out2 = tmp();
    await cli("run", EXAMPLE, "--out", out2);
    expect(readFileSync(join(out2, "memory.tmx"), "utf8")).toBe(tmx);
    expect(readFileSync(join(out2, "terms.csv"), "utf8")).toBe(readFileSync(join(out, "terms.csv"), "utf8"));
    expect(readFileSync(join(out2, "report.json"), "utf8").replaceAll(out2, out)).toBe(readFileSync(join(out, "report.json"), "utf8"));
  });

  it.skipIf(missingTools("check-tmx.sh"))("loads in real OmegaT with every segment filled", { timeout: 600_000 }, () => {
    const h = harness("check-tmx.sh", join(out, "memory.tmx"), "en-US", "zh-CN");
    expect(h.status, h.out).toBe(0);
    expect(h.last).toMatch(/^tmx ok: (\d+) units, OmegaT filled (\d+)\/\2 segments$/);
  });
});

describe("termbridge run on other inputs", () => {
  describe.skipIf(!existsSync(SAMPLE))("the real press-conference sample", () => {
    const out = tmp();
    it("turns it into a TMX and a term list", { timeout: 120_000 }, async () => {
      const r = await cli("run", SAMPLE, "--out", out);
      expect(r.status, r.stderr).toBe(0);
      expect(readCsv(readFileSync(join(out, "terms.csv"), "utf8")).rows.length).toBeGreaterThan(50);
    });
    it.skipIf(missingTools("check-tmx.sh"))("whose TMX OmegaT loads", { timeout: 600_000 }, () => {
      const h = harness("check-tmx.sh", join(out, "memory.tmx"), "en-US", "zh-CN");
      expect(h.status, h.out).toBe(0);
      expect(h.last).toMatch(/^tmx ok: (\d+) units, OmegaT filled (\d+)\/\2 segments$/);
    });
  });

  describe("a Trados memory in UTF-16", () => {
    const out = tmp();
    it("is rewritten keeping its props, with Chinese as source when asked", async () => {
      const r = await cli("run", "test/fixtures/tmx/trados-utf16.tmx", "--out", out, "--src-lang", "zh-CN", "--tgt-lang", "en-US");
      expect(r.status, r.stderr).toBe(0);
      const tmx = readFileSync(join(out, "memory.tmx"), "utf8");
      expect(tmx).toContain('<prop type="x-Client:SingleString">Water Ministry</prop>');
      expect(tmx).toContain('srclang="zh-CN"');
      const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
      expect(report.documents[0]).toMatchObject({ kind: "tmx", encodings: ["utf-16le"] });
    });
    it.skipIf(missingTools("check-tmx.sh"))("into a TMX OmegaT loads", { timeout: 600_000 }, () => {
      const h = harness("check-tmx.sh", join(out, "memory.tmx"), "zh-CN", "en-US");
      expect(h.status, h.out).toBe(0);
    });
  });

  it("aligns two monolingual files, presplit, and writes beads", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.en"), "The river rose overnight.\nThe dam held, and nobody was hurt.\nWater use fell by 15 percent. Leakage fell too.\n");
    writeFileSync(join(dir, "a.zh"), "河水一夜之间上涨。\n大坝安然无恙，无人受伤。\n用水量下降了百分之十五，漏损也减少了。\n");
    const beads = join(dir, "beads.txt");
    const r = await cli("align", "--en", join(dir, "a.en"), "--zh", join(dir, "a.zh"), "--presplit", "--beads", beads, "--tmx", join(dir, "m.tmx"));
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(beads, "utf8")).toBe("[0]:[0]\n[1]:[1]\n[2]:[2]\n");
    expect(readFileSync(join(dir, "m.tmx"), "utf8")).toContain("<seg>用水量下降了百分之十五，漏损也减少了。</seg>");
  });

  it("a failed run leaves earlier output untouched", async () => {
    const out = tmp();
    writeFileSync(join(out, "memory.tmx"), "OLD");
    const r = await cli("run", "test/fixtures/bad/truncated.tmx", "--out", out);
    expect(r.status).toBe(1);
    expect(readFileSync(join(out, "memory.tmx"), "utf8")).toBe("OLD");
  });
});

describe("termbridge terms", () => {
  it("lists the pairs `run` writes to terms.csv, best first", async () => {
    const r = await cli("terms", EXAMPLE, "--top", "10", "--json");
    expect(r.status, r.stderr).toBe(0);
    const top = JSON.parse(r.stdout) as Array<{ en: string; zh: string; score: number }>;
    const rows = readCsv(readFileSync(join(GOLDEN, "ministry-briefing.terms.csv"), "utf8")).rows;
    const golden = rows.slice(0, 10);
    expect(top.map((p) => [p.en, p.zh, String(p.score)])).toEqual(golden.map((g) => [g.en, g.zh, g.score]));
    expect(r.stderr).toMatch(new RegExp(`^termbridge: ${rows.length} term pairs from 1 document\\(s\\); 10 shown$`, "m"));
  });
});
