import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/ingest/encoding.js";
import { readTmx } from "../../src/ingest/tmx.js";
import type { AlignedDoc } from "../../src/model/index.js";

const F = join(__dirname, "../fixtures");
const load = (p: string): ReturnType<typeof decodeBytes> => decodeBytes(p, p, readFileSync(join(F, p)));
const read = (p: string, opts?: Parameters<typeof readTmx>[1]): AlignedDoc => readTmx(load(p), opts);
const pairs = (d: AlignedDoc): Array<[string, string]> => d.beads.map((b) => [d.en[b.en[0]!]!.text, d.zh[b.zh[0]!]!.text]);

describe("readTmx", () => {
  it.each(["tmx/trados.tmx", "tmx/trados-bom.tmx", "tmx/trados-utf16.tmx"])("reads a Trados memory (%s)", (file) => {
    const d = read(file);
    expect(pairs(d)).toEqual([
      ["The reservoir is full.", "水库已满。"],
      ["Leakage fell by 9 percent & costs fell too.", "漏损率下降了百分之九，成本也降低了。"],
    ]);
    expect(d.units![0]!.props).toEqual([{ type: "x-Client:SingleString", value: "Water Ministry" }]);
    expect(d.diagnostics).toEqual([]);
  });

  it("points offsets at the seg content in the decoded text", () => {
    const src = load("tmx/trados-bom.tmx");
    const d = readTmx(src);
    for (const s of [...d.en, ...d.zh]) expect(src.text.slice(s.start, s.end)).toContain(s.text.slice(0, 5));
    expect(d.en[0]!.line).toBe(10);
  });

  it("strips memoQ inline codes and keeps <hi> text and CDATA", () => {
    const d = read("tmx/memoq.tmx");
    expect(pairs(d)).toEqual([
      ["Press Save to keep the report.", "按保存以保留报告。"],
      ["See chapter two.", "见第二章。"],
    ]);
    expect(d.units![0]).toMatchObject({ tuid: "mq-1", props: [{ type: "client", value: "Hydro Co" }] });
  });

  it("reads TMX 1.1 lang= and notes, folds spaces and trims (OmegaT trims) but keeps a segment's line breaks", () => {
    const d = read("tmx/omegat.tmx");
    expect(pairs(d)).toEqual([["The dam\nheld.", "大坝安然无恙。"]]);
    expect(d.units![0]!.notes).toEqual(["Checked by the reviewer"]);
  });

  it("takes en and Simplified zh from multilingual *all* units and counts every skipped unit", () => {
    const d = read("tmx/multilingual.tmx");
    expect(pairs(d)).toEqual([["The dam held.", "大坝安然无恙。"]]);
    expect(d.diagnostics.map((x) => x.message).sort()).toEqual([
      "1 unit(s) skipped: a duplicate of an earlier unit (first at line 23)",
      "1 unit(s) skipped: an empty segment (first at line 19)",
      "1 unit(s) skipped: no Chinese variant (first at line 15)",
      "1 unit(s) skipped: no English variant (first at line 27)",
      "1 unit(s) skipped: only Traditional Chinese (the memory is Simplified) (first at line 11)",
    ]);
  });

  it("takes Traditional when asked", () => {
    const d = read("tmx/multilingual.tmx", { zh: "zh-TW" });
    expect(pairs(d)).toEqual([
      ["The dam held.", "大壩安然無恙。"],
      ["Only in Traditional.", "僅有繁體。"],
    ]);
  });

  it("keeps a Traditional-only memory but warns to label it zh-TW", () => {
    const d = read("tmx/traditional.tmx");
    expect(pairs(d)).toEqual([["The dam held.", "大壩安然無恙。"]]);
    expect(d.diagnostics[0]!.hint).toMatch(/--tgt-lang zh-TW/);
  });

  it.each([
    ["bad/truncated.tmx", "malformed-xml", /ends too early \(unclosed tag: seg\): the file is truncated/, 11],
    ["bad/malformed.tmx", "malformed-xml", /not well-formed/, 6],
    ["bad/bad-nesting.tmx", "malformed-xml", /not well-formed XML: a closing tag does not match/, 6],
    ["bad/no-chinese.tmx", "no-pairs", /no unit has both English and Chinese \(languages found: en-us, fr-fr; 1 units\)/, undefined],
    ["tmx/not-tmx.xml", "malformed-tmx", /root element is <xliff>/, 2],
  ])("refuses %s", (file, code, message, line) => {
    expect(() => read(file)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message), line }));
  });

  const TICO = join(__dirname, "../../../shared/eval/terms/tico19");
  it.skipIf(!existsSync(join(TICO, "corpus.tmx")))("reads the real TICO-19 memory (3,071 units, segtype paragraph)", () => {
    const src = decodeBytes("corpus.tmx", "corpus.tmx", readFileSync(join(TICO, "corpus.tmx")));
    const d = readTmx(src);
    const skipped = d.diagnostics.reduce((a, x) => a + Number(/^(\d+) unit/.exec(x.message)?.[1] ?? 0), 0);
    expect(d.beads.length + skipped).toBe(3071);
    const en0 = readFileSync(join(TICO, "corpus.en"), "utf8").split("\n")[0]!.trim();
    const zh0 = readFileSync(join(TICO, "corpus.zh"), "utf8").split("\n")[0]!.trim();
    expect(pairs(d)[0]).toEqual([en0.replace(/\s+/g, " "), zh0.replace(/\s+/g, " ")]);
  });
});
