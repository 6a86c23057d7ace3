import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover, languageMark } from "../../src/cli/discover.js";
import { runCli as cli } from "./inprocess.js";

describe("language marks", () => {
  it.each([
    ["report.en.txt", "en", "report.{lang}.txt"],
    ["report.zh.txt", "zh", "report.{lang}.txt"],
    ["report_en.md", "en", "report.{lang}.md"],
    ["report-ZH.txt", "zh", "report.{lang}.txt"],
    ["report.zh-CN.txt", "zh", "report.{lang}.txt"],
    ["001.en", "en", "001.{lang}"],
    ["en/2024/report.txt", "en", "{lang}/2024/report.txt"],
    ["docs/zh/report.txt", "zh", "docs/{lang}/report.txt"],
    ["Chinese/report.txt", "zh", "{lang}/report.txt"],
  ])("%s → %s, key %s", (rel, lang, key) => {
    expect(languageMark(rel)).toEqual({ lang, key });
  });

  it.each(["briefing.md", "latin1-not-chinese.txt", "agenda-2024.txt", "memory.tmx", "green/report.txt"])("%s has none", (rel) => {
    expect(languageMark(rel)).toBeUndefined();
  });

  it("follows --pair-by when the naming is the user's own", () => {
    expect(languageMark("contract_EN_v2.txt", /_(?<lang>EN|ZH)_/)).toEqual({ lang: "en", key: "contract_{lang}_v2.txt" });
  });
});

describe("finding documents in folders", () => {
  const root = mkdtempSync(join(tmpdir(), "termbridge-discover-"));
  const put = (rel: string, text = "x") => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  put("a/report.en.txt");
  put("a/report.zh.txt");
  put("b/en/minutes.txt");
  put("b/zh/minutes.txt");
  put("c/briefing.md");
  put("c/memory.tmx");
  put("d/lonely_en.txt");
  put("e/twice.en.txt");
  put("e/twice_en.txt");
  put("e/twice.zh.txt");
  put("f/scan.pdf");
  put(".hidden/x.en.txt");

  it("pairs, keeps bilingual documents and TMX, and reports what it cannot use", () => {
    const d = discover([root]);
    const rel = (p: string) => p.slice(root.length + 1);
    expect(d.found.map((f) => (f.kind === "pair" ? `${rel(f.en)} + ${rel(f.zh)}` : rel(f.path)))).toEqual([
      "a/report.en.txt + a/report.zh.txt",
      "b/en/minutes.txt + b/zh/minutes.txt",
      "c/briefing.md",
      "c/memory.tmx",
    ]);
    expect(d.unpaired.map((u) => [rel(u.path), u.why.replace(root, "ROOT")])).toEqual([
      ["d/lonely_en.txt", "no Chinese partner (looked for ROOT/d/lonely.zh.txt)"],
      ["e/twice.en.txt", "more than one English file for ROOT/e/twice.{lang}.txt"],
      ["e/twice.zh.txt", "more than one English file for ROOT/e/twice.{lang}.txt"],
      ["e/twice_en.txt", "more than one English file for ROOT/e/twice.{lang}.txt"],
    ]);
    expect(d.skipped.map((s) => rel(s.path))).toEqual(["f/scan.pdf"]);
  });

  it("pairs two files given one by one", () => {
    const d = discover([join(root, "a/report.zh.txt"), join(root, "a/report.en.txt")]);
    expect(d.found).toHaveLength(1);
    expect(d.found[0]).toMatchObject({ kind: "pair" });
  });
});

describe("symbolic links in folders", () => {
  const outside = mkdtempSync(join(tmpdir(), "termbridge-outside-"));
  writeFileSync(join(outside, "secret.txt"), "x");
  const root = mkdtempSync(join(tmpdir(), "termbridge-links-"));
  mkdirSync(join(root, "docs/sub"), { recursive: true });
  writeFileSync(join(root, "docs/briefing.md"), "x");
  symlinkSync("../briefing.md", join(root, "docs/sub/same.md"));
  symlinkSync("..", join(root, "docs/sub/up"));
  symlinkSync(join(outside, "secret.txt"), join(root, "docs/secret.txt"));
  symlinkSync(outside, join(root, "docs/elsewhere"));
  symlinkSync("missing.txt", join(root, "docs/dangling.txt"));
  symlinkSync("self.txt", join(root, "docs/self.txt"));
  mkdirSync(join(root, "docs/output"));
  writeFileSync(join(root, "docs/output/memory.tmx"), "x");
  const rel = (p: string) => p.slice(root.length + 1);
  const kinds = (d: ReturnType<typeof discover>) => d.skipped.map((s) => [rel(s.path), s.kind]);

  it("follows links inside the folder once, leaves links out of it, loops and dangling links out, and says why", () => {
    const d = discover([root], { exclude: [{ path: join(root, "docs/output"), why: "this run's output folder" }] });
    expect(d.found.map((f) => (f.kind === "single" ? rel(f.path) : ""))).toEqual(["docs/briefing.md"]);
    expect(kinds(d)).toEqual([
      ["docs/dangling.txt", "link-broken"],
      ["docs/elsewhere", "link-outside"],
      ["docs/output", "excluded"],
      ["docs/secret.txt", "link-outside"],
      ["docs/self.txt", "link-broken"],
      ["docs/sub/same.md", "repeat"],
      ["docs/sub/up", "repeat"],
    ]);
    expect(d.skipped.find((s) => rel(s.path) === "docs/self.txt")!.why).toMatch(/^symbolic link loop/);
    expect(d.skipped.find((s) => rel(s.path) === "docs/dangling.txt")!.why).toMatch(/^dangling symbolic link \(its target missing\.txt does not exist\)/);
    expect(d.skipped.find((s) => rel(s.path) === "docs/secret.txt")).toMatchObject({ link: join(realpathSync(outside), "secret.txt") });
  });

  it("follows links out of the folder with followLinks, still once each", () => {
    const d = discover([root], { followLinks: true, exclude: [{ path: join(root, "docs/output"), why: "out" }] });
    expect(d.found.map((f) => (f.kind === "single" ? f.path.replace(root, "ROOT") : ""))).toEqual(["ROOT/docs/briefing.md", "ROOT/docs/elsewhere/secret.txt"]);
    expect(kinds(d).find(([p]) => p === "docs/secret.txt")).toEqual(["docs/secret.txt", "repeat"]);
  });

  it("takes a file named on the command line as given, link or not", () => {
    const d = discover([join(root, "docs/secret.txt")]);
    expect(d.found).toEqual([{ kind: "single", path: join(root, "docs/secret.txt") }]);
  });
});

describe("termbridge run on a folder", { timeout: 120_000 }, () => {
  it("aligns every pair and document in it, corpus-wide terms, the same output whatever the order given, and a JSON summary", async () => {
    const root = mkdtempSync(join(tmpdir(), "termbridge-folder-"));
    mkdirSync(join(root, "pairs"), { recursive: true });
    writeFileSync(join(root, "pairs/notice.en.txt"), "The Ministry of Water Resources inspected 300 reservoirs.\nEvery reservoir now has an early-warning system.\n");
    writeFileSync(join(root, "pairs/notice.zh.txt"), "水利部检查了300座水库。\n每座水库现已配备预警系统。\n");
    writeFileSync(join(root, "pairs/orphan.en.txt"), "No partner.\n");
    writeFileSync(join(root, "briefing.md"), readFileSync(join(__dirname, "../../examples/ministry-briefing.md"), "utf8"));
    const out = mkdtempSync(join(tmpdir(), "termbridge-folder-out-"));
    const r = await cli("run", root, "--out", out, "--json", "--jobs", "2");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/orphan\.en\.txt: left out, no Chinese partner/);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ documents: 2, unpaired: 1, units: expect.any(Number), termPairs: expect.any(Number), files: { tmx: join(out, "memory.tmx") } });
    expect(summary.peakRssMb).toBeGreaterThan(50);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.inputs.unpaired[0].path).toMatch(/orphan\.en\.txt$/);
    const terms = readFileSync(join(out, "terms.csv"), "utf8");
    // A pair found in both documents names both.
    expect(terms).toMatch(/briefing\.md \| .*notice/);
    const out2 = mkdtempSync(join(tmpdir(), "termbridge-folder-out-"));
    expect((await cli("run", join(root, "pairs"), join(root, "briefing.md"), "--out", out2, "--quiet", "--jobs", "1")).stderr).toBe("");
    expect(readFileSync(join(out2, "memory.tmx"), "utf8")).toBe(readFileSync(join(out, "memory.tmx"), "utf8"));
    expect(readFileSync(join(out2, "terms.csv"), "utf8")).toBe(terms);
  });

  it("gives the same files whatever the number of threads", async () => {
    const root = mkdtempSync(join(tmpdir(), "termbridge-jobs-"));
    const briefing = readFileSync(join(__dirname, "../../examples/ministry-briefing.md"), "utf8");
    // Five documents of different sizes, so that workers finish out of order.
    const paras = briefing.split("\n\n");
    for (let k = 0; k < 5; k++) writeFileSync(join(root, `doc${k}.md`), paras.slice(0, paras.length - k * 3).join("\n\n"));
    const outs: string[] = [];
    // --jobs 2 against --jobs 1 is the first test above; 3 workers finish out of order more often.
    for (const jobs of ["1", "3"]) {
      const out = mkdtempSync(join(tmpdir(), `termbridge-jobs-${jobs}-`));
      const r = await cli("run", root, "--out", out, "--jobs", jobs, "--quiet");
      expect(r.status, r.stderr).toBe(0);
      outs.push(out);
    }
    for (const f of ["memory.tmx", "terms.csv", "glossary.tbx", "glossary.utf8"]) {
      const one = readFileSync(join(outs[0]!, f), "utf8");
      expect(one.length).toBeGreaterThan(100);
      for (const o of outs.slice(1)) expect(readFileSync(join(o, f), "utf8"), f).toBe(one);
    }
  });

  it("gives the same files for one document tagged in its own thread (the default) or all in one thread", async () => {
    const outs: string[] = [];
    for (const jobs of ["1", "2"]) {
      const out = mkdtempSync(join(tmpdir(), `termbridge-one-${jobs}-`));
      const r = await cli("run", join(__dirname, "../../examples/ministry-briefing.md"), "--out", out, "--jobs", jobs, "--quiet");
      expect(r.status, r.stderr).toBe(0);
      outs.push(out);
    }
    for (const f of ["memory.tmx", "terms.csv", "glossary.tbx", "glossary.utf8"]) {
      const one = readFileSync(join(outs[0]!, f), "utf8");
      expect(one.length).toBeGreaterThan(100);
      expect(readFileSync(join(outs[1]!, f), "utf8"), f).toBe(one);
    }
  });
});
