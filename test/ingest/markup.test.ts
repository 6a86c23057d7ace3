import { describe, expect, it } from "vitest";
import { fromSource } from "../../src/ingest/mapped.js";
import { cleanBlock } from "../../src/ingest/markup.js";

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
