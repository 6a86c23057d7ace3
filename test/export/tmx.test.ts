import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTmx, serializeTmx, type TmxOptions } from "../../src/export/tmx.js";
import type { AlignedDoc, Bead, Sentence } from "../../src/model/index.js";
import { harness, missingTools } from "../harness.js";

const s = (lang: "en" | "zh", text: string): Sentence => ({ doc: "d", lang, text, start: 0, end: 0, line: 1, paragraph: 0 });

function doc(pairs: Array<[string[], string[], number?]>): AlignedDoc {
  const en: Sentence[] = [];
  const zh: Sentence[] = [];
  const beads: Bead[] = [];
  for (const [e, z, score] of pairs) {
    beads.push({ en: e.map((t) => en.push(s("en", t)) - 1), zh: z.map((t) => zh.push(s("zh", t)) - 1), score: score ?? 0.9 });
  }
  return { doc: "briefing.md", path: "briefing.md", encodings: ["utf-8"], en, zh, beads, diagnostics: [], paragraphs: { en: 1, zh: 1 } };
}

const OPTS: TmxOptions = { srcLang: "en-US", tgtLang: "zh-CN", now: new Date(Date.UTC(2026, 10, 25, 8, 30, 5)), toolVersion: "0.1.0", minScore: 0, reviewBelow: 0.5, maxSegmentLength: 2000 };

const SAMPLE = doc([
  [["The river basin plan was adopted in May."], ["流域规划于五月通过。"]],
  [["Water use fell by 15 percent.", "Leakage fell too."], ["用水量下降了百分之十五，漏损也减少了。"]],
  [["A line that the translator left out."], []],
  [["Tom & Jerry said \"<hello>\"."], ["汤姆和杰瑞说“<你好>”。"]],
  [["The river basin plan was adopted in May."], ["流域规划于五月通过。"]],
  [["Form\u000cfeed and vertical\u000btab."], ["换页\u000c符。"]],
  [["Weak pair."], ["弱。"], 0.1],
]);

describe("buildTmx", () => {
  it("writes one unit per two-sided bead, once per identical pair, in order", () => {
    const { model, stats } = buildTmx([SAMPLE], OPTS);
    expect(model.units.map((u) => u.variants[0].text)).toEqual([
      "The river basin plan was adopted in May.",
      "Water use fell by 15 percent. Leakage fell too.",
      'Tom & Jerry said "<hello>".',
      "Formfeed and verticaltab.",
      "Weak pair.",
    ]);
    expect(model.units[1]!.variants[1]).toEqual({ lang: "zh-CN", text: "用水量下降了百分之十五，漏损也减少了。" });
    expect(stats).toEqual({ units: 5, oneSided: 1, duplicates: 1, tooLong: 0, belowMinScore: 0, invalidCharsRemoved: 3 });
  });

  it("has the seven header attributes, UTC dates and x- props", () => {
    const { model } = buildTmx([SAMPLE], OPTS);
    expect(model.header).toMatchObject({ creationtool: "termbridge", srclang: "en-US", segtype: "sentence", datatype: "plaintext", adminlang: "en-US", "o-tmf": "termbridge", creationdate: "20261125T083005Z" });
    expect(model.units[1]!.props).toEqual([
      { type: "x-termbridge-doc", value: "briefing.md" },
      { type: "x-termbridge-bead", value: "2-1" },
      { type: "x-termbridge-score", value: "0.900" },
    ]);
  });

  it("gives the same pair the same tuid in every run", () => {
    const a = buildTmx([SAMPLE], OPTS).model.units.map((u) => u.tuid);
    const b = buildTmx([SAMPLE], { ...OPTS, now: new Date() }).model.units.map((u) => u.tuid);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it("flags weak beads for review", () => {
    const { model } = buildTmx([SAMPLE], OPTS);
    expect(model.units[4]!.props).toContainEqual({ type: "x-termbridge-review", value: "low-confidence" });
    expect(model.units[0]!.props.map((p) => p.type)).not.toContain("x-termbridge-review");
  });

  it("leaves out weak and over-long beads when asked", () => {
    expect(buildTmx([SAMPLE], { ...OPTS, minScore: 0.5 }).stats.belowMinScore).toBe(1);
    expect(buildTmx([SAMPLE], { ...OPTS, maxSegmentLength: 20 }).stats.tooLong).toBeGreaterThan(0);
  });

  it("puts Chinese first when Chinese is the source language", () => {
    const { model } = buildTmx([SAMPLE], { ...OPTS, srcLang: "zh-CN", tgtLang: "en-US" });
    expect(model.header.srclang).toBe("zh-CN");
    expect(model.units[0]!.variants.map((v) => v.lang)).toEqual(["zh-CN", "en-US"]);
  });
});

describe("serializeTmx", () => {
  const xml = serializeTmx(buildTmx([SAMPLE], OPTS).model);

  it("is TMX 1.4 with escaped text and xml:lang on every tuv", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')).toBe(true);
    expect(xml).toContain("<seg>Tom &amp; Jerry said \"&lt;hello&gt;\".</seg>");
    expect(xml.match(/<tuv xml:lang="/g)).toHaveLength(10);
    expect(xml).not.toMatch(/[\u000b\u000c]/);
  });

  it("puts props before the tuvs", () => {
    const tu = xml.slice(xml.indexOf("<tu "), xml.indexOf("</tu>"));
    expect(tu.lastIndexOf("<prop")).toBeLessThan(tu.indexOf("<tuv"));
  });

  it.skipIf(missingTools("check-tmx.sh"))("loads in real OmegaT, every segment filled", { timeout: 600_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "termbridge-tmx-"));
    const file = join(dir, "memory.tmx");
    writeFileSync(file, xml);
    const r = harness("check-tmx.sh", file, "en-US", "zh-CN");
    expect(r.status, r.out).toBe(0);
    expect(r.last).toMatch(/^tmx ok: 5 units, OmegaT filled 5\/5 segments$/);
  });
});
