import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanBlock } from "../../src/ingest/markup.js";
import { fromSource } from "../../src/ingest/mapped.js";
import { readMixed } from "../../src/ingest/mixed.js";
import { readParallel } from "../../src/ingest/parallel.js";
import { classify } from "../../src/ingest/script.js";
import { documentVocabulary, keepsHyphen } from "../../src/ingest/stitch.js";
import { loadWordList } from "../../src/ingest/words.js";
import { TermbridgeError, type SourceDoc } from "../../src/model/index.js";

const res = { words: loadWordList() };
const doc = (text: string, id = "d.md"): SourceDoc => ({ id, path: id, encoding: "utf-8", text });
const texts = (ps: Array<{ text: string }>): string[] => ps.map((p) => p.text);

describe("markup cleanup", () => {
  it.each([
    ["**Wang Yi:** Good morning.", "Wang Yi: Good morning."],
    ["__Note:__ text", "Note: text"],
    ["an *emphasised* word", "an emphasised word"],
    ["US\\$240 billion", "US$240 billion"],
    ["a \\* star and \\_ underscore", "a * star and _ underscore"],
    ["- first\n- second", "first\nsecond"],
    ["• bullet", "bullet"],
    ["1. Numbers stay.", "1. Numbers stay."],
    ["Tom &amp; Jerry&nbsp;&#8217;s &#x4e2d; &lt;x&gt;", "Tom & Jerry ’s 中 <x>"],
    ["line<br>break <b>bold</b>", "line break bold"],
    ["zero\u200bwidth\u00ad", "zerowidth"],
    ["2 * 3 = 6", "2 * 3 = 6"],
  ])("%j → %j", (input, expected) => {
    expect(cleanBlock(fromSource(input, 0, input.length)).m.text).toBe(expected);
  });

  it("marks headings, bold labels and all-bold blocks", () => {
    const c = (s: string) => cleanBlock(fromSource(s, 0, s.length));
    expect(c("## 标题").heading).toBe(true);
    expect(c("## 标题").m.text).toBe("标题");
    expect(c("**王毅：**各位好").label).toBe(true);
    expect(c("**王毅**：各位好").label).toBe(true);
    expect(c("**A whole question in bold?**").allBold).toBe(true);
    expect(c("**A** and **B**").allBold).toBe(false);
  });

  it("keeps every kept character's source offset", () => {
    const src = "**Wang Yi:** US\\$5 &amp; *more*";
    const m = cleanBlock(fromSource(src, 0, src.length)).m;
    for (let k = 0; k < m.text.length; k++) {
      const original = src[m.map[k]!]!;
      if (original !== "&") expect(original).toBe(m.text[k]);
    }
  });
});

describe("script classification", () => {
  it.each([
    ["The river rose.", "en"],
    ["河水上涨了。", "zh"],
    ["中国—东盟(ASEAN)和金砖国家(BRICS)合作。", "zh"],
    ["Wang Yi (王毅) met the press.", "en"],
    ["12", undefined],
    ["- 3 -", undefined],
  ])("%s → %s", (text, lang) => {
    expect(classify(text)).toBe(lang);
  });
});

describe("hyphen repair", () => {
  const v = documentVocabulary("a well-known case; self-reliant; co-operation", res.words);
  it.each([
    ["im", "portant", false],
    ["infra", "structure", false],
    ["well", "known", true],
    ["self", "reliant", true],
    ["co", "operation", true],
    ["Bei", "jingers", false],
  ])("%s- + %s keeps hyphen: %s", (l, r, keep) => {
    expect(keepsHyphen(l, r, v)).toBe(keep);
  });

  it("the document's own spelling wins over the word list", () => {
    const v2 = documentVocabulary("We saw the wellknown thing.", res.words);
    expect(keepsHyphen("well", "known", v2)).toBe(false);
  });
});

describe("readMixed", () => {
  const text = [
    "Briefing | Page Header",
    "# Water Report",
    "**Speaker:** The basin plan is im-",
    "7",
    "## 水资源报告",
    "**发言人：**流域规划非常重",
    "Briefing | Page Header",
    "portant for the region. It covers twelve",
    "counties and two cities.",
    "8",
    "要，覆盖十二个县和两个城市。",
    "Briefing | Page Header",
    "**A question in bold?**",
    "**一个加粗的问题？**",
    "Speaker: The answer is clear.",
    "发言人：答案很清楚。我们将继续",
  ].join("\n\n");
  const bt = readMixed(doc(text), res);

  it("stitches page breaks on both sides across the other language", () => {
    expect(texts(bt.en)).toEqual([
      "Water Report",
      "Speaker: The basin plan is important for the region. It covers twelve counties and two cities.",
      "A question in bold?",
      "Speaker: The answer is clear.",
    ]);
    expect(texts(bt.zh)).toEqual(["水资源报告", "发言人：流域规划非常重要，覆盖十二个县和两个城市。", "一个加粗的问题？", "发言人：答案很清楚。我们将继续"]);
  });

  it("drops page numbers and running headers, and says so", () => {
    expect(bt.diagnostics.filter((d) => d.code === "dropped-noise").map((d) => d.message)).toEqual([
      "2 block(s) without words dropped (page numbers, rules)",
      "3 running header/footer block(s) dropped",
    ]);
  });

  it("keeps and reports a truncated last paragraph", () => {
    expect(bt.zh[3]!.truncated).toBe(true);
    expect(bt.en[3]!.truncated).toBeUndefined();
    expect(bt.diagnostics.find((d) => d.code === "truncated")).toMatchObject({ severity: "warning", line: 31 });
  });

  it("maps every character back to the source", () => {
    for (const p of [...bt.en, ...bt.zh]) {
      for (let k = 0; k < p.text.length; k++) {
        const c = p.text[k]!;
        if (c !== " ") expect(text[p.map[k]!]).toBe(c);
      }
    }
  });

  it("form feeds separate pages and never reach the text", () => {
    const b = readMixed(doc("The plan is\fready today.\f\f规划已经\f准备好了。"), res);
    expect(texts(b.en)).toEqual(["The plan is ready today."]);
    expect(texts(b.zh)).toEqual(["规划已经准备好了。"]);
  });

  it("joins wrapped lines: a space in English, nothing between Chinese characters", () => {
    const b = readMixed(doc("The plan\nis ready, and the pro-\ngramme starts.\n\n规划\n已经准备好了。"), res);
    expect(texts(b.en)).toEqual(["The plan is ready, and the programme starts."]);
    expect(texts(b.zh)).toEqual(["规划已经准备好了。"]);
  });

  it.each([
    ["The plan is ready.\n\nIt starts in May.", "one-language", /found 2 English paragraph\(s\) and no Chinese/],
    ["规划已经准备好了。", "one-language", /no English/],
    ["12\n\n- 3 -", "empty", /no English or Chinese text/],
  ])("refuses %j", (text, code, msg) => {
    expect(() => readMixed(doc(text), res)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(msg) }));
  });
});

describe("readParallel", () => {
  it("reads running text and stitches page breaks", () => {
    const bt = readParallel(doc("The plan is\n\nready. It starts.", "a.en"), doc("规划已经\n\n准备好了。", "a.zh"), res, { presplit: false });
    expect(texts(bt.en)).toEqual(["The plan is ready. It starts."]);
    expect(texts(bt.zh)).toEqual(["规划已经准备好了。"]);
    expect(bt.en[0]!.doc).toBe("a.en");
  });

  it("with presplit, every non-blank line is one sentence, untouched", () => {
    const bt = readParallel(doc("One **two**.\n\nThree\n", "a.en"), doc("一。\n二\n", "a.zh"), res, { presplit: true });
    expect(texts(bt.en)).toEqual(["One **two**.", "Three"]);
    expect(texts(bt.zh)).toEqual(["一。", "二"]);
    expect(bt.presplit).toBe(true);
  });

  it("refuses swapped files", () => {
    expect(() => readParallel(doc("规划已经准备好了。", "a.zh"), doc("The plan.", "a.en"), res, { presplit: false })).toThrow(expect.objectContaining({ message: "given as --en but the text is Chinese", hint: "swap --en and --zh?" }));
  });
});

const SAMPLE = join(__dirname, "../../../shared/samples/press-conference-2024-03-07.txt");

describe.skipIf(!existsSync(SAMPLE))("the real sample (structure only)", () => {
  it("has both languages, no markup residue, stitched pages and one truncated Chinese tail", () => {
    const bt = readMixed(doc(readFileSync(SAMPLE, "utf8"), SAMPLE), res);
    expect(bt.en.length).toBeGreaterThan(5);
    expect(bt.zh.length).toBeGreaterThan(5);
    for (const p of [...bt.en, ...bt.zh]) {
      expect(p.text).not.toMatch(/\*\*|\\\$|^#/);
      if (p.lang === "en") expect(p.text).not.toMatch(/^[a-z]/);
    }
    expect(bt.zh[bt.zh.length - 1]!.truncated).toBe(true);
    expect(bt.zh.slice(0, -1).every((p) => !p.truncated)).toBe(true);
  });
});

it("errors are TermbridgeErrors", () => {
  expect(() => readMixed(doc("only English."), res)).toThrow(TermbridgeError);
});
