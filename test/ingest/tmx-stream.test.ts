import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { streamTmx } from "../../src/cli/tmxstream.js";
import { ENTITY_LIMITS } from "../../src/ingest/xml.js";
import { readTbx } from "../../src/glossary/import.js";
import { readTmx, readTmxChunks, TmxChunkReader } from "../../src/ingest/tmx.js";
import { TermbridgeError, type AlignedDoc } from "../../src/model/index.js";

const HEADER = `<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en-US" srclang="en-US" datatype="plaintext"/>`;
const tu = (en: string, zh: string, more = ""): string => `<tu><tuv xml:lang="en-US"><seg>${en}</seg></tuv>${more}<tuv xml:lang="zh-CN"><seg>${zh}</seg></tuv></tu>\n`;
const tmx = (body: string, doctype = ""): string => `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}<tmx version="1.4">${HEADER}<body>\n${body}</body></tmx>\n`;
const src = (text: string) => ({ id: "m.tmx", path: "m.tmx", encoding: "utf-8" as const, text });
const pairs = (d: AlignedDoc): string[][] => d.beads.map((b) => [d.en[b.en[0]!]!.text, d.zh[b.zh[0]!]!.text]);

function refusal(text: string): TermbridgeError {
  try {
    readTmx(src(text));
  } catch (e) {
    expect(e).toBeInstanceOf(TermbridgeError);
    return e as TermbridgeError;
  }
  throw new Error("expected a refusal");
}

describe("a TMX with a DOCTYPE", () => {
  it("expands internal entities, nested ones and character references in them", () => {
    const doctype = `<!DOCTYPE tmx SYSTEM "tmx14.dtd" [\n<!-- a comment <!ENTITY no "x"> -->\n<!ENTITY co "Estavia&#x20;Water">\n<!ENTITY full "&co; Ministry &amp; Partners">\n<!ENTITY zh '埃斯塔维亚水利部'>\n<!ENTITY % pe "ignored">\n]>\n`;
    const d = readTmx(src(tmx(tu("The &full; met.", "&zh;开会了。"), doctype)));
    expect(pairs(d)).toEqual([["The Estavia Water Ministry & Partners met.", "埃斯塔维亚水利部开会了。"]]);
  });

  it("refuses an external entity (XXE) without reading it", () => {
    const e = refusal(tmx(tu("&xxe;", "中"), `<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n`));
    expect(e).toMatchObject({ code: "unsafe-xml", file: "m.tmx" });
    expect(e.message).toMatch(/external entity \(&xxe; → SYSTEM "file:\/\/\/etc\/passwd"\)/);
    expect(e.hint).toMatch(/never loads external entities/);
    expect(refusal(tmx(tu("a", "中"), `<!DOCTYPE tmx [<!ENTITY % dtd PUBLIC "-//x" "http://example.com/x.dtd"> %dtd;]>\n`)).code).toBe("unsafe-xml");
  });

  it("refuses billion laughs quickly, naming the entity", () => {
    let decl = `<!ENTITY lol0 "lol">`;
    for (let k = 1; k <= 9; k++) decl += `<!ENTITY lol${k} "${`&lol${k - 1};`.repeat(10)}">`;
    const t0 = Date.now();
    const e = refusal(tmx(tu("&lol9;", "中"), `<!DOCTYPE tmx [${decl}]>\n`));
    expect(e.code).toBe("unsafe-xml");
    expect(e.message).toMatch(/&lol5; expands to more than 100,000 characters \(an entity bomb/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("refuses a quadratic blowup (one large entity used very often) and a self-reference", () => {
    const big = "x".repeat(ENTITY_LIMITS.maxEntityLength);
    const uses = "&big;".repeat(ENTITY_LIMITS.maxExpanded / big.length + 1);
    const e = refusal(tmx(tu(uses, "中"), `<!DOCTYPE tmx [<!ENTITY big "${big}">]>\n`));
    expect(e).toMatchObject({ code: "unsafe-xml", message: expect.stringMatching(/in all \(an entity bomb\)/) });
    expect(refusal(tmx(tu("&a;", "中"), `<!DOCTYPE tmx [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n`)).message).toMatch(/refers to itself \(a → b → a\)/);
  });

  it("says which entity is undeclared, and never answers &constructor; from Object.prototype", () => {
    for (const name of ["nbsp", "constructor", "__proto__", "toString"]) {
      const e = refusal(tmx(tu(`a&${name};b`, "中")));
      expect(e.code).toBe("malformed-xml");
      expect(e.message).toMatch(/an entity the file does not declare/);
    }
  });
});

describe("the streaming TMX reader", () => {
  const text = `\uFEFF${tmx(
    tu("Fish &amp; chips &lt;b&gt;", "鱼&amp;薯条&#x4E2D;") +
      tu("Line one\n  line two", "第一行\n第二行", `<tuv xml:lang="de-DE"><seg>Nicht gebraucht</seg></tuv>`) +
      tu("<![CDATA[a <raw> & b]]>", "乙") +
      tu("😀 emoji", "表情😀"),
  )}`;
  const whole = readTmx(src(text));

  it("gives the same result whatever the chunk boundaries (entities, CDATA, surrogate pairs cut in two)", () => {
    expect(pairs(whole)).toEqual([
      ["Fish & chips <b>", "鱼&薯条中"],
      ["Line one\nline two", "第一行\n第二行"],
      ["a <raw> & b", "乙"],
      ["😀 emoji", "表情😀"],
    ]);
    for (let size = 1; size <= 13; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      const d = readTmxChunks(src(text), chunks);
      expect(pairs(d)).toEqual(pairs(whole));
      expect(d.en.map((s) => [s.start, s.end, s.line])).toEqual(whole.en.map((s) => [s.start, s.end, s.line]));
    }
  });

  it("finds a bare & cut at a chunk end, with its line", () => {
    const bad = tmx(tu("a", "中") + tu("Tom & Jerry", "乙"));
    const at = bad.indexOf("& J") + 1;
    // Line 1 the declaration, 2 the root and body, 3 and 4 the units.
    expect(() => readTmxChunks(src(bad), [bad.slice(0, at), bad.slice(at)])).toThrow(expect.objectContaining({ code: "malformed-xml", line: 4 }));
    expect(() => readTmx(src(bad))).toThrow(expect.objectContaining({ code: "malformed-xml", line: 4 }));
  });

  it("reads a file a block at a time in its encoding (UTF-16 with BOM)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tb-tmx-"));
    const file = join(dir, "m.tmx");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(1).replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]));
    const s = streamTmx(file);
    expect(s.encoding).toBe("utf-16le");
    expect(pairs(readTmxChunks(s, s.chunks()))).toEqual(pairs(whole));
  });

  it("does not hold the text it has read: 80 MB fed in chunks, the heap grows by far less", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // Units in a language the reader does not keep, 2-byte characters: held, they would take 160 MB.
    const filler = `<tu><tuv xml:lang="en-US"><seg>x</seg></tuv><tuv xml:lang="ja-JP"><seg>${"日本語の文章です。".repeat(400)}</seg></tuv></tu>\n`;
    // Kept segments of 13 characters or more: V8 would keep shorter ones as copies anyway, a longer
    // one as a view of the chunk it was cut from (which holds the filler).
    const kept = (k: number) => tu(`Sentence number ${k} of the memory.`, `第${k}句是翻译记忆库里的句子。`);
    const rounds = Math.ceil(80e6 / filler.length / 20);
    const reader = new TmxChunkReader({ id: "big", path: "big", encoding: "utf-8" });
    let peak = 0;
    gc();
    const base = process.memoryUsage().heapUsed;
    reader.write(`<?xml version="1.0"?><tmx version="1.4">${HEADER}<body>\n`);
    for (let k = 0; k < rounds; k++) {
      reader.write(filler.repeat(10) + kept(k) + filler.repeat(10));
      // What is held grows with the usable units only: the 20 others of each chunk are counted and dropped.
      expect(reader.retained.units).toBe(k + 1);
      expect(reader.retained.pendingText).toBeLessThan(300);
      if (k % 50 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
    }
    reader.write("</body></tmx>");
    const d = reader.close();
    expect(d.beads).toHaveLength(rounds);
    expect(d.diagnostics).toEqual([expect.objectContaining({ code: "tmx-unit-skipped", message: `${rounds * 20} unit(s) skipped: no Chinese variant (first at line 2)` })]);
    gc();
    // Each chunk holds 144 KB of 2-byte text: kept through a view, the chunks would take over 150 MB.
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    expect(peak).toBeLessThan(30e6);
    expect(reader.retained.units).toBe(0);
  }, 120_000);

  it("reports skipped units in the order of the first of each reason, whenever the reason is decided", () => {
    // "only Traditional" is decided at the end (a later unit may bring Simplified), "no Chinese" at once.
    const text = tmx(tu("a", "乙", "").replace("zh-CN", "zh-TW") + `<tu><tuv xml:lang="en"><seg>b</seg></tuv></tu>\n` + tu("c", "丙") + tu("c", "丙"));
    const d = readTmx(src(text));
    expect(d.diagnostics.map((x) => x.message)).toEqual([
      "1 unit(s) skipped: only Traditional Chinese (the memory is Simplified) (first at line 3)",
      "1 unit(s) skipped: no Chinese variant (first at line 4)",
      "1 unit(s) skipped: a duplicate of an earlier unit (first at line 6)",
    ]);
    expect(pairs(d)).toEqual([["c", "丙"]]);
  });
});

describe("a TBX with a DOCTYPE", () => {
  const tbx = (doctype: string, en: string) =>
    `<?xml version="1.0"?>\n${doctype}<martif type="TBX"><text><body><termEntry id="t1"><langSet xml:lang="en"><tig><term>${en}</term></tig></langSet><langSet xml:lang="zh"><tig><term>大坝</term></tig></langSet></termEntry></body></text></martif>`;

  it("expands an internal entity", () => {
    expect(readTbx(tbx(`<!DOCTYPE martif [<!ENTITY d "dam">]>\n`, "the &d;"), "g.tbx")).toMatchObject([{ en: "the dam", zh: "大坝" }]);
  });

  it("refuses XXE and billion laughs, and &constructor; is an undeclared entity", () => {
    const code = (text: string) => {
      try {
        readTbx(text, "g.tbx");
      } catch (e) {
        return (e as TermbridgeError).code;
      }
      return "read";
    };
    expect(code(tbx(`<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n`, "&x;"))).toBe("unsafe-xml");
    let decl = `<!ENTITY l0 "lol">`;
    for (let k = 1; k <= 9; k++) decl += `<!ENTITY l${k} "${`&l${k - 1};`.repeat(10)}">`;
    expect(code(tbx(`<!DOCTYPE martif [${decl}]>\n`, "&l9;"))).toBe("unsafe-xml");
    expect(code(tbx("", "&constructor;"))).toBe("malformed-xml");
  });
});
