import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readOmegatGlossary, readTbx } from "../../src/glossary/import.js";
import { TermbridgeError } from "../../src/model/index.js";
import { HARNESS } from "../harness.js";

/** The error a reader throws, for table-driven checks of code, file and line. */
function errorOf(f: () => unknown): TermbridgeError {
  try {
    f();
  } catch (e) {
    if (e instanceof TermbridgeError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

const v2 = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">\n<martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>\n<text><body>\n${body}\n</body></text>\n</martif>\n`;

describe("readTbx", () => {
  it("reads entries with empty evidence fields", () => {
    const [e] = readTbx(v2('<termEntry id="c1"><langSet xml:lang="en"><tig><term>tariff</term></tig></langSet><langSet xml:lang="zh"><tig><term>关税</term></tig></langSet></termEntry>'), "a.tbx");
    expect(e).toEqual({ id: "c1", en: "tariff", zh: "关税", status: "approved", enVariants: [], zhVariants: [], note: "", domain: "", score: "", enCount: "", zhCount: "", exampleEn: "", exampleZh: "", firstSeen: "", lastSeen: "", updated: "", extra: {} });
  });

  it.each([
    ["en-US", "zh-CN"],
    ["EN", "ZH-Hans"],
    ["en_GB", "zh_CN"],
    ["en", "zh-TW"],
  ])("matches langSets %s / %s by primary subtag, in any order, ignoring other languages", (en, zh) => {
    const [e] = readTbx(v2(`<termEntry id="c1"><langSet xml:lang="fr"><tig><term>tarif</term></tig></langSet><langSet xml:lang="${zh}"><tig><term>关税</term></tig></langSet><langSet xml:lang="${en}"><tig><term>tariff</term></tig></langSet></termEntry>`), "a.tbx");
    expect([e!.en, e!.zh]).toEqual(["tariff", "关税"]);
  });

  it("takes the first term as main, the rest as variants, from tig and ntig alike", () => {
    const [e] = readTbx(v2('<termEntry id="c1"><langSet xml:lang="en"><ntig><termGrp><term>free trade agreement</term></termGrp></ntig><tig><term>FTA</term></tig></langSet><langSet xml:lang="zh"><tig><term>自由贸易协定</term></tig><tig><term>自贸协定</term></tig></langSet></termEntry>'), "a.tbx");
    expect(e).toMatchObject({ en: "free trade agreement", enVariants: ["FTA"], zh: "自由贸易协定", zhVariants: ["自贸协定"], status: "approved" });
  });

  it("splits deprecated Chinese terms off as a forbidden entry", () => {
    const dep = '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>';
    const out = readTbx(v2(`<termEntry id="c1"><langSet xml:lang="en"><tig><term>joint statement</term></tig></langSet><langSet xml:lang="zh"><tig><term>联合声明</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig><tig><term>共同声明</term>${dep}</tig></langSet></termEntry>`), "a.tbx");
    expect(out.map((e) => [e.id, e.zh, e.status])).toEqual([
      ["c1", "联合声明", "approved"],
      ["c1-forbidden", "共同声明", "forbidden"],
    ]);
  });

  it("keeps concept-level notes and the subject field, not term-level notes", () => {
    const [e] = readTbx(v2('<termEntry id="c1"><descrip type="definition">A duty.</descrip><descrip type="subjectField">trade</descrip><note>first</note><note>second</note><langSet xml:lang="en"><tig><term>tariff</term><note>term note</note></tig></langSet><langSet xml:lang="zh"><tig><term>关税</term></tig></langSet></termEntry>'), "a.tbx");
    expect([e!.note, e!.domain]).toEqual(["first\nsecond", "trade"]);
  });

  it("tolerates a BOM and names unnamed concepts", () => {
    const [e] = readTbx("\uFEFF" + v2('<termEntry><langSet xml:lang="en"><tig><term>a</term></tig></langSet><langSet xml:lang="zh"><tig><term>甲</term></tig></langSet></termEntry>'), "a.tbx");
    expect(e!.id).toBe("tbx-1");
  });

  it.each(["good-v2.tbx", "good-v3.tbx"])("reads the harness sample %s", (name) => {
    const file = join(HARNESS, "samples", name);
    if (!existsSync(file)) return;
    const out = readTbx(readFileSync(file, "utf8"), file);
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out[0]).toMatchObject({ en: "tariff", zh: "关税", status: "approved" });
  });

  it.each([
    ["not well-formed", v2('<termEntry id="c1"><langSet xml:lang="en"><tig><term>a</tig></langSet></termEntry>'), "malformed-xml", 5],
    ["truncated", v2("").slice(0, 60), "malformed-xml", 2],
    ["not TBX", '<?xml version="1.0"?>\n<tmx version="1.4"/>', "malformed-glossary", 2],
    ["no Chinese term", v2('<termEntry id="c1">\n<langSet xml:lang="en"><tig><term>a</term></tig></langSet>\n</termEntry>'), "malformed-glossary", 5],
    ["no English term", v2('<termEntry id="c1"><langSet xml:lang="en-US"><tig><term> </term></tig></langSet><langSet xml:lang="zh"><tig><term>甲</term></tig></langSet></termEntry>'), "malformed-glossary", 5],
  ])("throws on %s, with file and line", (_what, text, code, line) => {
    const e = errorOf(() => readTbx(text, "bad.tbx"));
    expect([e.code, e.file, e.line]).toEqual([code, "bad.tbx", line]);
    expect(e.hint).toBeTruthy();
  });
});

describe("readOmegatGlossary", () => {
  it("reads 2 and 3 fields, skips # comments and blank lines, tolerates a BOM and CR LF", () => {
    const out = readOmegatGlossary("\uFEFF# a glossary\r\ntariff\t关税\tcustoms duty\r\n\r\nambassador\t大使\r\n", "g.utf8");
    expect(out.map((e) => [e.id, e.en, e.zh, e.note, e.status])).toEqual([
      ["omegat-2", "tariff", "关税", "customs duty", "approved"],
      ["omegat-4", "ambassador", "大使", "", "approved"],
    ]);
  });

  it("takes a foreign comment whole as the note, and keeps fields after the third in it (issue 19 #5)", () => {
    const [e] = readOmegatGlossary("tariff\t关税\tWTO | customs\textra\tsource: MOFCOM\n", "g.utf8");
    expect([e!.note, e!.domain]).toEqual(["WTO | customs | extra | source: MOFCOM", ""]);
    const [f] = readOmegatGlossary("tariff\t关税\t\tonly a fourth\n", "g.utf8");
    expect(f!.note).toBe("only a fourth");
  });

  it("strips the quotes a spreadsheet adds around a field, undoing doubled quotes (issue 19 #5)", () => {
    const [e] = readOmegatGlossary('"tariff"\t"关税"\t"the ""customs"" duty"\n', "g.utf8");
    expect([e!.en, e!.zh, e!.note]).toEqual(["tariff", "关税", 'the "customs" duty']);
  });

  it("keeps a variant line whose main line is missing as an entry", () => {
    const out = readOmegatGlossary("basin plan\t流域规划\tvariant of: river basin plan\n", "g.utf8");
    expect(out.map((e) => [e.en, e.zh, e.enVariants])).toEqual([["basin plan", "流域规划", []]]);
  });

  const sample = join(HARNESS, "samples", "good-glossary.utf8");
  if (!existsSync(sample)) console.warn(`skipped: ${sample} is missing`);
  it.skipIf(!existsSync(sample))("reads the harness sample", () => {
    const file = sample;
    const out = readOmegatGlossary(readFileSync(file, "utf8"), file);
    expect(out).toHaveLength(8);
    expect(out[0]).toMatchObject({ en: "tariff", zh: "关税", note: "customs duty on imports" });
  });

  it.each([
    ["a line with one field", "# c\ntariff 关税\n", 2],
    ["an empty target", "tariff\t \n", 1],
    ["an empty source", "a\t甲\n\t乙\tnote\n", 2],
  ])("throws on %s, with file and line", (_what, text, line) => {
    const e = errorOf(() => readOmegatGlossary(text, "g.utf8"));
    expect([e.code, e.file, e.line]).toEqual(["malformed-glossary", "g.utf8", line]);
  });
});
