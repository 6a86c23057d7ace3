import { describe, expect, it } from "vitest";
import { fromSource } from "../../src/ingest/mapped.js";
import { blankCodeBlocks, cleanBlock } from "../../src/ingest/markup.js";
import { readMixed } from "../../src/ingest/mixed.js";
import { doc, expectMapInvariant, res, texts } from "./helpers.js";

const clean = (s: string) => cleanBlock(fromSource(s, 0, s.length));

describe("markup cleanup: each construct", () => {
  it.each([
    // headings
    ["# Harbour Report", "Harbour Report"],
    ["## 港口报告 ##", "港口报告"],
    ["#hashtag stays", "#hashtag stays"],
    // bold and emphasis, only as pairs
    ["**Chen Lu:** Good morning.", "Chen Lu: Good morning."],
    ["__Note:__ the ferry is late.", "Note: the ferry is late."],
    ["an *unusual* tide", "an unusual tide"],
    ["an _unusual_ tide", "an unusual tide"],
    ["grade *A* cargo", "grade A cargo"],
    ["***very*** late", "very late"],
    ["2 * 3 = 6", "2 * 3 = 6"],
    ["a lone * star", "a lone * star"],
    ["snake_case_name stays", "snake_case_name stays"],
    ["**问题在下一页", "问题在下一页"],
    // backslash escapes
    ["US\\$310 million", "US$310 million"],
    ["a \\* star, an \\_ underscore, a \\# sign, \\[a link\\]", "a * star, an _ underscore, a # sign, [a link]"],
    ["\\*not emphasis\\*", "*not emphasis*"],
    ["C:\\Users stays", "C:\\Users stays"],
    // list bullets; numbers stay
    ["- first berth\n- second berth", "first berth\nsecond berth"],
    ["* first\n* second", "first\nsecond"],
    ["• one crane", "one crane"],
    ["1. Numbered paragraphs keep their number.", "1. Numbered paragraphs keep their number."],
    ["2023 was a busy year.", "2023 was a busy year."],
    ["-5 degrees", "-5 degrees"],
    // HTML entities and tags
    ["Salt &amp; Pepper&nbsp;Quay", "Salt & Pepper Quay"],
    ["the port&#8217;s cranes &#x6E2F; &lt;b&gt;", "the port’s cranes 港 <b>"],
    ["&unknown; stays", "&unknown; stays"],
    ["one<br>two <b>bold</b> <span class=\"x\">span</span>", "one\ntwo bold span"],
    // invisible and control characters
    ["zero\u200bwidth\u2060 joiner\ufeff", "zerowidth joiner"],
    ["soft\u00adhyphen", "softhyphen"],
    ["hyphen\u00ad\nated", "hyphen-\nated"],
    ["manual\u000bbreak", "manual\nbreak"],
    ["no\u00a0break", "no break"],
  ])("%j → %j", (input, expected) => {
    expect(clean(input).m.text).toBe(expected);
  });
});

describe("markup cleanup: the map points at the right source character", () => {
  it.each([
    // input, character in the output, its expected source offset
    ["**Chen Lu:** Hi", "C", 2],
    ["US\\$310", "$", 3],
    ["a &amp; b", "&", 2],
    ["x&#8217;s", "’", 1],
    ["x&#8217;s", "s", 8],
    ["an *odd* tide", "o", 4],
    ["an *odd* tide", "t", 9],
    ["## 标题", "标", 3],
    ["- item", "i", 2],
    ["<b>bold</b>", "b", 3],
  ])("%j: %j ← %i", (input, ch, offset) => {
    const m = clean(input).m;
    const k = m.text.indexOf(ch);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(m.map[k]).toBe(offset);
  });

  it("every character that was not decoded maps to itself", () => {
    const src = "**Chen Lu:** US\\$5 &amp; *more* <i>cargo</i>\u200b";
    const m = clean(src).m;
    expect(m.text).toBe("Chen Lu: US$5 & more cargo");
    for (let k = 0; k < m.text.length; k++) if (src[m.map[k]!] !== "&") expect(src[m.map[k]!]).toBe(m.text[k]);
  });
});

describe("markup cleanup: what the markup says", () => {
  it.each([
    ["# Title", { heading: true, allBold: false, label: false }],
    ["**Chen Lu:** Hi.", { heading: false, allBold: false, label: true }],
    ["**陈路**：大家好。", { heading: false, allBold: false, label: true }],
    ["**A whole question in bold?**", { heading: false, allBold: true, label: false }],
    ["**一个加粗的问题？**", { heading: false, allBold: true, label: false }],
    ["**A** and **B**", { heading: false, allBold: false, label: false }],
    ["Plain text.", { heading: false, allBold: false, label: false }],
  ])("%j", (input, flags) => {
    const { heading, allBold, label } = clean(input);
    expect({ heading, allBold, label }).toEqual(flags);
  });
});

describe("markdown sources (issue 15 item 9)", () => {
  it.each([
    ["# Flood Report {#flood-report}", "Flood Report"],
    ["## 防汛报告 {#fang-xun .unnumbered}", "防汛报告"],
    ["A {#not-a-heading} brace in text stays.", "A {#not-a-heading} brace in text stays."],
    ["| Term | 术语 |\n|------|:----:|\n| dam | 大坝 |", "Term\n术语\ndam\n大坝"],
    ["| a \\| b | c |", "a | b\nc"],
    ["A pipe | in running text stays.", "A pipe | in running text stays."],
    ["en-US\nThe dam held.", "The dam held."],
    ["[zh-CN]: 大坝安然无恙。", "大坝安然无恙。"],
    ["zh_Hans\n大坝", "大坝"],
    ["The en-US locale is the default.", "The en-US locale is the default."],
  ])("%j → %j", (input, output) => {
    expect(clean(input).m.text).toBe(output);
  });

  it("blanks fenced code blocks, keeping every offset and line", () => {
    const src = "Intro.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n~~~~\n``` not a close\n~~~~\nAfter.";
    const out = blankCodeBlocks(src);
    expect(out.length).toBe(src.length);
    expect(out.split("\n").map((l) => l.trim())).toEqual(["Intro.", "", "", "", "", "", "", "", "", "", "", "After."]);
    expect(blankCodeBlocks("no code here")).toBe("no code here");
  });
});

describe("a markdown bilingual document with code, a table, anchors and language markers", () => {
  it("keeps all of them out of the paragraphs", () => {
    const md = [
      "# Installing the Gauge {#install}",
      "## 安装水位计 {#install-zh}",
      "en-US",
      "Run the installer, then restart the station.",
      "```bash\nsudo gauge install --station 12\n\ngauge restart\n```",
      "zh-CN",
      "运行安装程序，然后重启测站。",
      "~~~\n安装 gauge\n~~~",
      "| Reading | 读数 |\n|---|---|\n| 12 m | 12米 |",
    ].join("\n\n");
    const bt = readMixed(doc(md), res);
    const all = [...texts(bt.en), ...texts(bt.zh)].join("\n");
    expect(all).not.toMatch(/gauge install|gauge restart|安装 gauge|\{#|\||en-US|zh-CN/);
    expect(texts(bt.en)).toContain("Installing the Gauge");
    expect(texts(bt.zh)).toContain("运行安装程序，然后重启测站。");
    expectMapInvariant(md, [...bt.en, ...bt.zh]);
  });
});
